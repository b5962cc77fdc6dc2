"""`lagebild models ACTION`: list, install, download and remove Argos translation packages."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from types import ModuleType
from typing import Any

from desktop.cli.output import EXIT_OK, CommandError, Parser, emit_json, safe

ACTIONS = ("list", "install", "available", "download", "remove")


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the `models` command and its actions."""
    p = sub.add_parser("models", help="list, install, download and remove translation models")
    msub = p.add_subparsers(dest="models_command", metavar="ACTION", parser_class=Parser)
    listing = msub.add_parser("list", help="installed models with version and size")
    inst = msub.add_parser("install", help="install a .argosmodel file")
    inst.add_argument("file")
    avail = msub.add_parser("available", help="models offered by the Argos package index")
    avail.add_argument(
        "--index",
        default=None,
        help="index URL (default: $LAGEBILD_ARGOS_INDEX or the public Argos index)",
    )
    dl = msub.add_parser("download", help="download and install a model, e.g. translate-de_en")
    dl.add_argument("code")
    dl.add_argument("--index", default=None, help="index URL")
    rm = msub.add_parser("remove", help="remove an installed model")
    rm.add_argument("code")
    for q in (listing, avail):
        q.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Manage Argos Translate packages: list, install, available, download, remove."""
    from desktop.core.translation import packages

    action = getattr(args, "models_command", None)
    if action is None:
        raise CommandError("say what to do: lagebild models {" + ",".join(ACTIONS) + "}")
    try:
        return _ACTIONS[action](args, packages)
    except packages.PackageError as exc:
        raise CommandError(str(exc)) from None


def _list(args: argparse.Namespace, packages: ModuleType) -> int:
    infos, broken = packages.installed_and_broken()
    for b in broken:  # skipped, but the user must be able to find and remove them
        print(
            safe(
                f"lagebild: warning: skipped the broken model folder {b.path.name} ({b.reason});"
                f" remove it with: lagebild models remove {b.path.name}"
            ),
            file=sys.stderr,
        )
    if args.json:
        emit_json([_info_json(i) for i in infos])
        return EXIT_OK
    if not infos:
        print("No models installed. Get one with: " + packages.install_command("de", "en"))
    for i in infos:
        print(
            safe(
                f"{i.code:<20} {i.from_name} → {i.to_name}  version {i.version:<6} "
                f"{i.size_bytes / 1e6:7.1f} MB  {i.path}"
            )
        )
    return EXIT_OK


def _info_json(i: Any) -> dict[str, Any]:
    return {
        "code": i.code,
        "from": i.from_code,
        "to": i.to_code,
        "version": i.version,
        "size_bytes": i.size_bytes,
        "path": str(i.path),
    }


def _installed_line(info: Any) -> str:
    return safe(f"installed {info.code} {info.version} ({info.from_name} → {info.to_name})")


def _install(args: argparse.Namespace, packages: ModuleType) -> int:
    print(_installed_line(packages.install_file(args.file)))
    return EXIT_OK


def _available(args: argparse.Namespace, packages: ModuleType) -> int:
    entries = packages.fetch_index(args.index)
    have = {i.code: i.version for i in packages.installed()}
    if args.json:
        emit_json(
            [
                {
                    "code": e.code,
                    "from": e.from_code,
                    "to": e.to_code,
                    "version": e.version,
                    "installed": have.get(e.code),
                }
                for e in entries
            ]
        )
        return EXIT_OK
    for e in entries:
        mark = f"  (installed {have[e.code]})" if e.code in have else ""
        print(safe(f"{e.code:<20} {e.from_name} → {e.to_name}  version {e.version}{mark}"))
    return EXIT_OK


class _ProgressBar:
    """A progress callback drawing one updating line on stderr (only on a terminal)."""

    def __init__(self) -> None:
        self.shown = False
        self._last = 0.0

    def __call__(self, done: int, total: int | None) -> None:
        now = time.monotonic()
        if not sys.stderr.isatty() or (now - self._last < 0.1 and done != total):
            return
        self._last = now
        self.shown = True
        if total:
            filled = int(30 * done / total)
            sys.stderr.write(
                f"\r[{'#' * filled}{'.' * (30 - filled)}] {done / 1e6:6.1f} / {total / 1e6:.1f} MB"
            )
        else:
            sys.stderr.write(f"\r{done / 1e6:6.1f} MB")
        sys.stderr.flush()


def _download(args: argparse.Namespace, packages: ModuleType) -> int:
    bar = _ProgressBar()
    try:
        info = packages.download(args.code, args.index, progress=bar)
    finally:
        if bar.shown:
            sys.stderr.write("\n")
    print(_installed_line(info))
    return EXIT_OK


def _remove(args: argparse.Namespace, packages: ModuleType) -> int:
    for info in packages.remove(args.code):
        print(safe(f"removed {info.code} {info.version}".rstrip()))
    return EXIT_OK


_ACTIONS: dict[str, Callable[[argparse.Namespace, ModuleType], int]] = {
    "list": _list,
    "install": _install,
    "available": _available,
    "download": _download,
    "remove": _remove,
}
