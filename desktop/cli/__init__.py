"""Command line: the headless sub-commands and the entry into the window.

``lagebild`` with no sub-command (or with just a FILE) opens the window; every other
feature has one module here. Exit codes: 0 success, 1 failed operation, 2 bad usage.
Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from desktop import APP_NAME, __version__
from desktop.cli import (
    dictionary,
    glossary,
    library,
    lookup,
    packages,
    screenshot,
    segment,
    translate,
)
from desktop.cli.output import EXIT_FAILED, EXIT_OK, EXIT_USAGE, CommandError, Parser

_SUBCOMMANDS: dict[str, Callable[[argparse._SubParsersAction], None]] = {
    "segment": segment.add_parser,
    "translate": translate.add_parser,
    "models": packages.add_parser,
    "glossary": glossary.add_parser,
    "lookup": lookup.add_parser,
    "dictionary": dictionary.add_parser,
    "library": library.add_parser,
    "screenshot": screenshot.add_parser,
}


def build_parser() -> argparse.ArgumentParser:
    """The parser for all sub-commands."""
    parser = Parser(
        prog="lagebild",
        description=f"{APP_NAME}: read German defence news beside an offline English "
        "translation and a glossary. Without a sub-command, opens the window "
        "(on FILE if given, else the last or the bundled article).",
        epilog="usage for the window: lagebild [FILE]",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for add in _SUBCOMMANDS.values():
        add(sub)
    return parser


def is_command(args: list[str]) -> bool:
    """True when ARGS name a sub-command or an option (else they open the window)."""
    return bool(args) and (args[0] in _SUBCOMMANDS or args[0].startswith("-"))


def main(argv: list[str] | None = None) -> int:
    """Run a sub-command (or print help for options such as --version)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
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
        # The reader closed the pipe (| head). Point stdout at devnull so that Python's
        # final flush does not complain on stderr.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
