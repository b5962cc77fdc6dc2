"""Command line: the headless sub-commands and the entry into the window.

``lagebild`` with no sub-command (or with just a FILE) opens the window; every other
feature has one sub-command here, one function each. Exit codes: 0 success, 1 failed
operation, 2 bad usage. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from desktop import APP_NAME, __version__

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """A failed operation: the message is shown as one line, exit code 1."""


class _Parser(argparse.ArgumentParser):
    """ArgumentParser whose usage errors exit with code 2 and one clear line."""

    def error(self, message: str) -> None:  # noqa: D401 - argparse API
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _emit_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


# --- segment ---------------------------------------------------------------------------


def _add_segment(sub) -> None:
    p = sub.add_parser("segment", help="split a document into paragraphs and sentences")
    p.add_argument("file", help="text file to split")
    p.add_argument("--lang", default="de", help="source language code (default: de)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_segment)


def cmd_segment(args: argparse.Namespace) -> int:
    """Print the paragraphs and sentences of FILE."""
    from desktop.core import article as article_mod

    art = _load_article(args.file, args.lang)
    if args.json:
        _emit_json(article_mod.to_json(art))
        return EXIT_OK
    for para in art.paragraphs:
        marker = "#" if para.kind == "heading" else " "
        for sent in para.sentences:
            print(f"{marker} {sent.id:>8}  {sent.text}")
        print()
    return EXIT_OK


def _load_article(file: str, lang: str):
    from desktop.core.article import ArticleError, load

    try:
        return load(file, language=lang)
    except ArticleError as exc:
        raise CommandError(str(exc)) from None


# --- translate (issue 6) -----------------------------------------------------------------


def _add_translate(sub) -> None:
    p = sub.add_parser("translate", help="translate a document offline")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_translate)


def cmd_translate(args: argparse.Namespace) -> int:
    """Translate FILE sentence by sentence (filled in by the translation work)."""
    raise CommandError("translate is not available yet")


# --- models (issue 6) --------------------------------------------------------------------


def _add_models(sub) -> None:
    p = sub.add_parser("models", help="list, install, download and remove translation models")
    p.set_defaults(func=cmd_models)


def cmd_models(args: argparse.Namespace) -> int:
    """Manage Argos Translate packages (filled in by the translation work)."""
    raise CommandError("models is not available yet")


# --- glossary (issue 3) ------------------------------------------------------------------


def _add_glossary(sub) -> None:
    p = sub.add_parser(
        "glossary", help="glossary terms in a document; lookup, import, export"
    )
    p.set_defaults(func=cmd_glossary)


def cmd_glossary(args: argparse.Namespace) -> int:
    """Glossary commands (filled in by the glossary work)."""
    raise CommandError("glossary is not available yet")


# --- screenshot (issue 4) ----------------------------------------------------------------


def _add_screenshot(sub) -> None:
    p = sub.add_parser("screenshot", help="render the main window to a PNG and exit")
    p.set_defaults(func=cmd_screenshot)


def cmd_screenshot(args: argparse.Namespace) -> int:
    """Render the real main window offscreen (filled in by the window work)."""
    raise CommandError("screenshot is not available yet")


# --- entry -------------------------------------------------------------------------------

_SUBCOMMANDS: dict[str, Callable] = {
    "segment": _add_segment,
    "translate": _add_translate,
    "models": _add_models,
    "glossary": _add_glossary,
    "screenshot": _add_screenshot,
}


def build_parser() -> argparse.ArgumentParser:
    """The parser for all sub-commands."""
    parser = _Parser(
        prog="lagebild",
        description=f"{APP_NAME}: read German defence news beside an offline English "
        "translation and a glossary. Without a sub-command, opens the window "
        "(on FILE if given, else the last or the bundled article).",
        epilog="usage for the window: lagebild [FILE]",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for add in _SUBCOMMANDS.values():
        add(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Dispatch: a sub-command, or the window."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0] not in _SUBCOMMANDS and not args_list[0].startswith("-")):
        return _run_window(args_list)
    parser = build_parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:  # --help / --version exit 0, usage errors 2
        return int(exc.code or 0)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.func(args) or EXIT_OK)
    except CommandError as exc:
        print(f"lagebild: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("lagebild: cancelled", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _run_window(args_list: list[str]) -> int:
    if len(args_list) > 1:
        print("lagebild: error: the window takes at most one FILE", file=sys.stderr)
        return EXIT_USAGE
    from desktop.ui.app import run  # imported late: the CLI never loads Qt

    return run(args_list[0] if args_list else None)
