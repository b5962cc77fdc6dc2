"""`lagebild dictionary status|install FILE|rebuild`: the offline German–English dictionary.

The dictionary is the Ding file (Debian package trans-de-en, or a downloaded de-en.txt that
``install`` copies into the data folder); its SQLite index is built once and rebuilt when
the file changes. ``lookup`` builds the index itself on first use.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING, TextIO

from desktop.cli.output import EXIT_OK, CommandError, emit_json, safe, usage_error

if TYPE_CHECKING:
    from desktop.core.dictionary import DictionaryFiles, EnsureResult

ACTIONS = ("status", "install", "rebuild")


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the `dictionary` command."""
    p = sub.add_parser(
        "dictionary",
        help="the offline German–English dictionary: status, install FILE, rebuild",
        description="The offline German–English dictionary (Ding). Without one: "
        "sudo apt install trans-de-en, or download de-en.txt and run "
        "`lagebild dictionary install FILE`.",
    )
    p.add_argument("action", choices=ACTIONS, help="status, install FILE, or rebuild")
    p.add_argument("file", nargs="?", metavar="FILE", help="for install: a Ding file (de-en.txt)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--check", action="store_true", help="status: also run an integrity check")
    p.set_defaults(func=run)


class BuildProgress:
    """Progress callback for an index build: a percentage line on a terminal, else one note."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.started: float | None = None
        self._last = 0.0
        self._tty = self.stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if self.started is None:
            self.started = now
            if not self._tty:
                self.stream.write(
                    "lagebild: building the dictionary index (once; this takes a while)\n"
                )
                self.stream.flush()
        if not self._tty or (now - self._last < 0.1 and done != total):
            return
        self._last = now
        percent = 100 * done // max(1, total)
        filled = 30 * done // max(1, total)
        self.stream.write(
            f"\rbuilding the dictionary index [{'#' * filled}{'.' * (30 - filled)}] {percent:3d}%"
        )
        self.stream.flush()

    def finish(self) -> None:
        """End the progress line, if one was drawn."""
        if self.started is None:
            return
        seconds = time.monotonic() - self.started
        if self._tty:
            self.stream.write("\n")
        self.stream.write(f"lagebild: dictionary index built in {seconds:.1f} s\n")
        self.stream.flush()
        self.started = None


def files_for_cli() -> DictionaryFiles:
    """The dictionary files for the current environment's data folder."""
    from desktop.config import Paths
    from desktop.core.dictionary import DictionaryFiles

    return DictionaryFiles.from_paths(Paths.from_env())


def run(args: argparse.Namespace) -> int:
    """Show the status, install a Ding file, or rebuild the index."""
    from desktop.core.dictionary import DictionaryError

    if args.action == "install" and not args.file:
        return usage_error("dictionary", "install needs a FILE (a Ding de-en.txt)")
    if args.action != "install" and args.file:
        return usage_error("dictionary", f"unexpected argument {args.file!r}")
    files = files_for_cli()
    try:
        if args.action == "status":
            return _status(args, files)
        return _build(args, files)
    except DictionaryError as exc:
        raise CommandError(str(exc)) from None


def _build(args: argparse.Namespace, files: DictionaryFiles) -> int:
    from pathlib import Path

    from desktop.core.dictionary import ensure_index, install

    bar = BuildProgress()
    try:
        if args.action == "install":
            result: EnsureResult = install(files, Path(args.file), bar)
        else:
            result = ensure_index(files, bar, rebuild=True)
    finally:
        bar.finish()
    info = result.info
    if args.json:
        emit_json(_info_json(info.source, info))
        return EXIT_OK
    verb = "installed" if args.action == "install" else "rebuilt"
    print(safe(f"{verb}: {info.entries:,} entries from {info.source}"))
    print(safe(f"index: {info.path} ({_size(info.index_bytes)})"))
    return EXIT_OK


def _status(args: argparse.Namespace, files: DictionaryFiles) -> int:
    from desktop.core.dictionary import INSTALL_HINT, status, verify

    state = status(files)
    check = verify(files.index) if args.check and state.info is not None else None
    if args.json:
        data = _info_json(str(state.source) if state.source else None, state.info)
        data.update(
            {
                "index": str(state.index),
                "current": state.current,
                "problem": state.problem or check or None,
                "message": None if state.source else f"no dictionary installed; {INSTALL_HINT}",
            }
        )
        emit_json(data)
        return EXIT_OK
    if state.source is None:
        print(f"dictionary file: none; {INSTALL_HINT}")
    else:
        kind = "installed copy" if state.source == files.installed else "system file"
        print(safe(f"dictionary file: {state.source} ({kind})"))
    print(safe(f"index: {state.index}"))
    if state.problem:
        print(safe(f"  {state.problem}; `lagebild dictionary rebuild` replaces it"))
    info = state.info
    if info is None:
        if not state.problem:
            print("  not built yet (the first lookup or `lagebild dictionary rebuild` builds it)")
        return EXIT_OK
    print(f"  entries: {info.entries:,} ({info.subentries:,} sub-entries)")
    print(f"  keys: {info.german_keys:,} German, {info.english_keys:,} English")
    print(f"  index size: {_size(info.index_bytes)}")
    print(f"  checksum: sha256 {info.sha256}")
    print(safe(f"  built: {info.built_at} from {info.source}"))
    if state.current is False:
        print("  out of date: rebuilt on the next lookup (or `lagebild dictionary rebuild`)")
    if args.check:
        print(f"  integrity: {'ok' if check is None else safe(check)}")
    return EXIT_OK


def _info_json(source: str | None, info: object) -> dict[str, object]:
    from desktop.core.dictionary import IndexInfo

    data: dict[str, object] = {"file": source}
    if isinstance(info, IndexInfo):
        data.update(
            {
                "file": source or info.source,
                "index": str(info.path),
                "entries": info.entries,
                "subentries": info.subentries,
                "index_bytes": info.index_bytes,
                "sha256": info.sha256,
                "built_at": info.built_at,
            }
        )
    else:
        data.update({"entries": None, "subentries": None, "index_bytes": None, "sha256": None})
    return data


def _size(count: int) -> str:
    return f"{count / 1_048_576:.1f} MB"
