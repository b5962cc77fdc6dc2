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
    p.add_argument("file", help="text file to translate")
    p.add_argument("--from", dest="from_code", default="de", help="source language (default: de)")
    p.add_argument("--to", dest="to_code", default="en", help="target language (default: en)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--beam", type=int, default=None, help="beam size (default: 4)")
    p.add_argument("--threads", type=int, default=None, help="CPU threads (default: all cores)")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    p.set_defaults(func=cmd_translate)


def cmd_translate(args: argparse.Namespace) -> int:
    """Translate FILE sentence by sentence with an installed offline model."""
    from desktop.core import article as article_mod
    from desktop.core.models import ModelError
    from desktop.core.translation import DEFAULT_BEAM, NoModelError, TranslationEngine

    art = _load_article(args.file, args.from_code)
    if (args.beam is not None and args.beam < 1) or (args.threads is not None and args.threads < 1):
        raise CommandError("--beam and --threads must be at least 1")
    try:
        engine = TranslationEngine.open(
            args.from_code, args.to_code, beam_size=args.beam or DEFAULT_BEAM,
            threads=args.threads, cache=not args.no_cache,
        )  # fmt: skip
    except NoModelError as exc:
        raise CommandError(str(exc)) from None
    sentences = art.sentences()
    results = {}
    try:
        if args.json:
            results = {r.sentence_id: r for r in engine.translate(sentences)}
        else:
            _translate_print_text(art, engine.translate(sentences), results)
    except BrokenPipeError:
        raise  # the reader went away (| head): not a translation failure
    except (ModelError, RuntimeError, OSError) as exc:  # e.g. a damaged model.bin
        raise CommandError(f"translation failed: {exc}") from None
    finally:
        engine.close()
    if args.json:
        data = article_mod.to_json(art)
        for para in data["paragraphs"]:
            for sent in para["sentences"]:
                r = results.get(sent["id"])
                sent["target"] = r.target if r else None
                sent["flags"] = list(r.flags) if r else []
        data["model"] = {"code": engine.model.code, "version": engine.model.version,
                         "from": engine.model.from_code, "to": engine.model.to_code,
                         "via": list(engine.model.via)}  # fmt: skip
        _emit_json(data)
    return EXIT_OK


def _translate_print_text(art, stream, results: dict) -> None:
    """Print paragraph by paragraph in document order while results stream in."""
    order = [(p, s) for p in art.paragraphs for s in p.sentences]
    pos = 0
    for result in stream:
        results[result.sentence_id] = result
        while pos < len(order) and order[pos][1].id in results:
            para, sent = order[pos]
            r = results[sent.id]
            flags = f"  [{', '.join(r.flags)}]" if r.flags else ""
            print(f"{sent.id:>8}  {sent.text}")
            print(f"{'':>8}  {r.target or ''}{flags}", flush=True)
            if sent is para.sentences[-1]:
                print()
            pos += 1


# --- models (issue 6) --------------------------------------------------------------------


def _add_models(sub) -> None:
    p = sub.add_parser("models", help="list, install, download and remove translation models")
    msub = p.add_subparsers(dest="models_command", metavar="ACTION", parser_class=_Parser)
    msub.add_parser("list", help="installed models with version and size")
    inst = msub.add_parser("install", help="install a .argosmodel file")
    inst.add_argument("file")
    avail = msub.add_parser("available", help="models offered by the Argos package index")
    avail.add_argument("--index", default=None, help="index URL (default: $LAGEBILD_ARGOS_INDEX "
                       "or the public Argos index)")  # fmt: skip
    dl = msub.add_parser("download", help="download and install a model, e.g. translate-de_en")
    dl.add_argument("code")
    dl.add_argument("--index", default=None, help="index URL")
    rm = msub.add_parser("remove", help="remove an installed model")
    rm.add_argument("code")
    for q in (msub.choices["list"], avail):
        q.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_models)


def cmd_models(args: argparse.Namespace) -> int:
    """Manage Argos Translate packages: list, install, available, download, remove."""
    from desktop.core import models

    action = getattr(args, "models_command", None)
    if action is None:
        raise CommandError(
            "say what to do: lagebild models {list,install,available,download,remove}"
        )
    try:
        return _models_actions[action](args, models)
    except models.ModelError as exc:
        raise CommandError(str(exc)) from None


def _models_list(args, models) -> int:
    infos = models.installed()
    if args.json:
        _emit_json([_models_info_json(i) for i in infos])
        return EXIT_OK
    if not infos:
        print("No models installed. Get one with: " + models.install_command("de", "en"))
    for i in infos:
        print(f"{i.code:<20} {i.from_name} → {i.to_name}  version {i.version:<6} "
              f"{i.size_bytes / 1e6:7.1f} MB  {i.path}")  # fmt: skip
    return EXIT_OK


def _models_info_json(i) -> dict:
    return {"code": i.code, "from": i.from_code, "to": i.to_code, "version": i.version,
            "size_bytes": i.size_bytes, "path": str(i.path)}  # fmt: skip


def _models_install(args, models) -> int:
    info = models.install_file(args.file)
    print(f"installed {info.code} {info.version} ({info.from_name} → {info.to_name})")
    return EXIT_OK


def _models_available(args, models) -> int:
    entries = models.fetch_index(args.index)
    have = {i.code: i.version for i in models.installed()}
    if args.json:
        _emit_json([{"code": e.code, "from": e.from_code, "to": e.to_code, "version": e.version,
                     "installed": have.get(e.code)} for e in entries])  # fmt: skip
        return EXIT_OK
    for e in entries:
        mark = f"  (installed {have[e.code]})" if e.code in have else ""
        print(f"{e.code:<20} {e.from_name} → {e.to_name}  version {e.version}{mark}")
    return EXIT_OK


def _models_download(args, models) -> int:
    bar = _models_progress_bar()
    try:
        info = models.download(args.code, args.index, progress=bar)
    finally:
        if bar.shown:
            sys.stderr.write("\n")
    print(f"installed {info.code} {info.version} ({info.from_name} → {info.to_name})")
    return EXIT_OK


def _models_progress_bar():
    """A progress callback drawing one updating line on stderr (only on a terminal)."""
    import time

    state = {"last": 0.0}

    def progress(done: int, total: int | None) -> None:
        now = time.monotonic()
        if not sys.stderr.isatty() or (now - state["last"] < 0.1 and done != total):
            return
        state["last"] = now
        progress.shown = True
        if total:
            filled = int(30 * done / total)
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] "
                             f"{done / 1e6:6.1f} / {total / 1e6:.1f} MB")  # fmt: skip
        else:
            sys.stderr.write(f"\r{done / 1e6:6.1f} MB")
        sys.stderr.flush()

    progress.shown = False
    return progress


def _models_remove(args, models) -> int:
    for info in models.remove(args.code):
        print(f"removed {info.code} {info.version}")
    return EXIT_OK


_models_actions = {
    "list": _models_list,
    "install": _models_install,
    "available": _models_available,
    "download": _models_download,
    "remove": _models_remove,
}


# --- glossary (issue 3) ------------------------------------------------------------------


_GLOSSARY_ACTIONS = ("match", "lookup", "import", "export", "add")


def _add_glossary(sub) -> None:
    p = sub.add_parser(
        "glossary",
        help="glossary terms in a document; lookup, import, export",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Find glossary terms in a document, look words up, manage your own entries.",
        epilog="forms:\n"
        "  lagebild glossary FILE [--json]           terms and new-term suggestions in FILE\n"
        "  lagebild glossary match FILE [--json]     the same (for a file named like an action)\n"
        "  lagebild glossary FILE --add-suggestion TERM --english X --category C [--definition D]\n"
        "  lagebild glossary add TERM --english X --category C [--definition D]\n"
        "  lagebild glossary lookup WORD [--json]    entries for a word in any form, de or en\n"
        "  lagebild glossary import FILE             .tbx or .csv into your own glossary\n"
        "  lagebild glossary export FILE [--user-only]  .tbx or .csv\n"
        "categories: agency, force, weapon_system, weapon_class, concept, "
        "sanctions_diplomacy, person, place, organisation",
    )
    p.add_argument("target", metavar="FILE|ACTION", help="a document, or one of: "
                   + ", ".join(_GLOSSARY_ACTIONS))
    p.add_argument("operand", nargs="?", metavar="ARG", help="the action's FILE, WORD or TERM")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--lang", default="de", help="document language (default: de)")
    p.add_argument("--no-suggestions", action="store_true", help="skip new-term suggestions")
    p.add_argument("--add-suggestion", metavar="TERM", help="add TERM to your own glossary")
    p.add_argument("--english", metavar="X", help="English rendering for add / --add-suggestion")
    p.add_argument("--category", metavar="C", help="category for add / --add-suggestion")
    p.add_argument("--definition", metavar="D", default="", help="definition for a new entry")
    p.add_argument("--user-only", action="store_true", help="export only your own entries")
    p.set_defaults(func=cmd_glossary)


def _glossary_usage(message: str) -> int:
    print(f"lagebild glossary: error: {message} (see lagebild glossary --help)", file=sys.stderr)
    return EXIT_USAGE


def _glossary_termbase():
    from desktop.core.glossary import GlossaryError, Termbase

    try:
        return Termbase.load_default()
    except GlossaryError as exc:
        raise CommandError(str(exc)) from None


def cmd_glossary(args: argparse.Namespace) -> int:
    """Match terms in a document, look up a word, add, import or export entries."""
    from desktop.core.glossary import GlossaryError

    action, operand = args.target, args.operand
    if action not in _GLOSSARY_ACTIONS:
        action, operand = "match", args.target
        if args.operand is not None:
            return _glossary_usage(f"unexpected argument {args.operand!r}")
    if operand is None:
        return _glossary_usage(f"{action} needs an argument")
    try:
        if action == "add" or (action == "match" and args.add_suggestion):
            if not args.english or not args.category:
                return _glossary_usage("adding an entry needs --english and --category")
        handler = {"match": _glossary_match, "lookup": _glossary_lookup,
                   "import": _glossary_import, "export": _glossary_export,
                   "add": _glossary_add}[action]
        return handler(args, operand)
    except GlossaryError as exc:
        raise CommandError(str(exc)) from None


def _glossary_add(args, term: str, quiet: bool = False) -> int:
    from desktop.core.terms import add_suggestion

    entry = add_suggestion(_glossary_termbase(), term, args.english, args.category,
                           args.definition)
    if not quiet:
        print(f"added {entry.id}: {entry.de} -> {entry.en} ({entry.category})")
    return EXIT_OK


def _glossary_match(args, file: str) -> int:
    from desktop.core.terms import suggest_terms

    art = _load_article(file, args.lang)
    if args.add_suggestion:
        _glossary_add(args, args.add_suggestion, quiet=args.json)
    termbase = _glossary_termbase()
    hits = termbase.matcher().match(art)
    suggestions = [] if args.no_suggestions else suggest_terms(art, termbase, hits)
    grouped: dict[str, list] = {}
    for hit in hits:
        grouped.setdefault(hit.entry_id, []).append(hit)
    terms = []
    for entry_id, entry_hits in grouped.items():
        entry = termbase.get(entry_id)
        terms.append({
            "entry": entry.id, "term": entry.de, "english": entry.en,
            "category": entry.category, "definition": entry.definition,
            "hits": [{"sentence": h.sentence_id, "start": h.start, "end": h.end,
                      "text": h.text, "related": list(h.related)} for h in entry_hits],
        })
    if args.json:
        _emit_json({"terms": terms, "suggestions": [
            {"term": s.term, "score": s.score, "kind": s.kind, "contexts": [
                {"sentence": sid, "start": a, "end": b, "text": art.text[a:b]}
                for sid, a, b in s.contexts]} for s in suggestions]})
        return EXIT_OK
    for term in terms:
        forms = ", ".join(dict.fromkeys(h["text"] for h in term["hits"]))
        print(f"{term['term']} -> {term['english']}  [{term['category']}]  "
              f"{len(term['hits'])}x: {forms}")
    if suggestions:
        print("\nsuggestions (not in the glossary yet):")
        for s in suggestions:
            print(f"  {s.term}  [{s.kind}, score {s.score:g}, {len(s.contexts)}x]")
    return EXIT_OK


def _glossary_lookup(args, word: str) -> int:
    entries = _glossary_termbase().lookup(word)
    if args.json:
        _emit_json([dict(e.to_json(), source=e.source) for e in entries])
        return EXIT_OK
    if not entries:
        raise CommandError(f"no glossary entry for {word!r}")
    for e in entries:
        variants = ", ".join(dict.fromkeys(e.de_variants + e.en_variants))
        print(f"{e.de} -> {e.en}  [{e.category}] ({e.id})")
        if variants:
            print(f"  variants: {variants}")
        if e.definition:
            print(f"  {e.definition}")
    return EXIT_OK


def _glossary_import(args, file: str) -> int:
    from desktop.core import tbx

    termbase = _glossary_termbase()
    entries = tbx.import_file(file)  # validates everything before anything is saved
    termbase.add_user_entries(entries)
    print(f"imported {len(entries)} entries into your glossary")
    return EXIT_OK


def _glossary_export(args, file: str) -> int:
    from desktop.core import tbx

    termbase = _glossary_termbase()
    entries = termbase.user_entries() if args.user_only else termbase.entries
    tbx.export_file(entries, file)
    print(f"exported {len(entries)} entries to {file}")
    return EXIT_OK


# --- screenshot (issue 4) ----------------------------------------------------------------


def _add_screenshot(sub) -> None:
    p = sub.add_parser("screenshot", help="render the main window to a PNG and exit")
    p.add_argument("file", nargs="?", help="document to open (default: the bundled article)")
    p.add_argument("--out", required=True, help="PNG file to write")
    p.add_argument("--size", default="1400x900", help="window size WxH (default: 1400x900)")
    p.add_argument("--wait", action="store_true",
                   help="wait until translation and glossary matching have finished")
    p.add_argument("--timeout", type=float, default=120.0,
                   help="seconds to wait at most with --wait (default: 120)")
    p.add_argument("--theme", choices=("light", "dark"), help="force a theme")
    p.set_defaults(func=cmd_screenshot)


def cmd_screenshot(args: argparse.Namespace) -> int:
    """Render the real main window offscreen to a PNG and exit."""
    import os

    size = _screenshot_size(args.size)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt loads
    from desktop.ui.app import create_window, make_app

    app = make_app(["lagebild"])
    window = create_window(args.file)
    window.resize(*size)
    if args.theme:
        window.apply_theme(args.theme == "dark", save=False)
    window.show()
    ok = _screenshot_wait(app, window, args.wait, args.timeout)
    out = _screenshot_render(app, window, args.out)
    window.shutdown()
    window.close()
    if not ok:
        print("lagebild: warning: timed out waiting for the window to finish", file=sys.stderr)
    print(out)
    return EXIT_OK


def _screenshot_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise CommandError(f"--size must look like 1400x900, not {text!r}") from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise CommandError("--size must be between 200x200 and 8000x8000")
    return width, height


def _screenshot_wait(app, window, wait: bool, timeout: float) -> bool:
    """Spin the event loop until the document shows (and, with wait, all work is done)."""
    import time

    deadline = time.monotonic() + timeout
    failed: list[str] = []
    window.documentFailed.connect(failed.append)

    def ready() -> bool:
        if failed:
            raise CommandError(failed[0])
        if window.article is None:
            return False
        if not wait:
            return True
        return window.translation_done and window.glossary_finished

    while not ready():
        if time.monotonic() > deadline:
            return False
        app.processEvents()
        time.sleep(0.01)
    end = time.monotonic() + 0.3  # let the last results and the term check paint
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    return True


def _screenshot_render(app, window, out: str) -> str:
    from pathlib import Path

    app.processEvents()
    path = Path(out)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(path), "PNG"):
        raise CommandError(f"could not write {path}")
    return str(path)


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
        # The reader closed the pipe (| head). Point stdout at devnull so that Python's
        # final flush does not complain on stderr.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _run_window(args_list: list[str]) -> int:
    if len(args_list) > 1:
        print("lagebild: error: the window takes at most one FILE", file=sys.stderr)
        return EXIT_USAGE
    from desktop.ui.app import run  # imported late: the CLI never loads Qt

    return run(args_list[0] if args_list else None)
