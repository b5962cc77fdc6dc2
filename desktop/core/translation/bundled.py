"""First-start install of Argos packages shipped inside the bundle (air-gapped machines).

``packaging/build.sh --with-model PATH.argosmodel`` puts the file under
``<bundle>/_internal/models/``. On start, :func:`install_pending` installs every bundled
package once into the user's package dir with :func:`desktop.core.translation.packages.install_file`
and notes it in a marker file in the data dir, so later starts cost one stat. A package the
user removed afterwards is not forced back; a newer version of the same language pair
that is already installed is never downgraded. Safe to call from several threads and
processes at once (a lock file serialises the installs).
"""

from __future__ import annotations

import json
import logging
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from desktop.config import Paths

log = logging.getLogger(__name__)

MARKER_NAME = "bundled-models.json"
_thread_lock = threading.Lock()


def bundled_dirs() -> list[Path]:
    """Directories that may hold bundled ``*.argosmodel`` files (bundle first)."""
    dirs = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        dirs.append(Path(bundle) / "models")
    try:
        from desktop import resources

        dirs.append(resources.root() / "models")
    except FileNotFoundError:
        pass
    return dirs


def bundled_files(dirs: list[Path] | None = None) -> list[Path]:
    """The bundled package files, sorted by name."""
    found: dict[str, Path] = {}
    for folder in bundled_dirs() if dirs is None else dirs:
        if folder.is_dir():
            for f in sorted(folder.glob("*.argosmodel")):
                found.setdefault(f.name, f)
    return [found[name] for name in sorted(found)]


def marker_path(paths: Paths) -> Path:
    """The file that remembers which bundled packages were handled."""
    return paths.data / MARKER_NAME


def _key(file: Path) -> str:
    # Name and size identify a shipped file; hashing 100 MB on every start would not pay.
    return f"{file.name}:{file.stat().st_size}"


def _read_marker(paths: Paths) -> dict:
    try:
        data = json.loads(marker_path(paths).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_marker(paths: Paths, data: dict) -> None:
    marker = marker_path(paths)
    tmp = marker.with_name(f".{marker.name}.tmp")
    tmp.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(marker)  # atomic: a crash never leaves a half marker


def pending(paths: Paths | None = None, dirs: list[Path] | None = None) -> list[Path]:
    """Bundled files not handled yet (cheap: no zip is opened)."""
    paths = paths or Paths.from_env()
    files = bundled_files(dirs)
    if not files:
        return []
    done = _read_marker(paths)
    return [f for f in files if _key(f) not in done]


@contextmanager
def _locked(paths: Paths) -> Iterator[None]:
    """Serialise installs across threads and processes."""
    paths.data.mkdir(parents=True, exist_ok=True)
    with _thread_lock, open(paths.data / ".bundled-models.lock", "a+") as handle:
        try:
            import fcntl
        except ImportError:  # Windows: the thread lock alone (one process per user is usual)
            yield
            return
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _version_tuple(version: str) -> tuple:
    parts = []
    for piece in str(version).replace("_", ".").split("."):
        parts.append((0, int(piece), "") if piece.isdigit() else (1, 0, piece))
    return tuple(parts)


def install_pending(paths: Paths | None = None, dirs: list[Path] | None = None) -> list:
    """Install bundled packages not installed before; return their PackageInfo list.

    Errors are logged and remembered in the marker (so a broken file is not retried on
    every start) but never raised: the program must start regardless.
    """
    paths = paths or Paths.from_env()
    if not pending(paths, dirs):
        return []
    from desktop.core.translation import packages as models

    new = []
    try:
        with _locked(paths):
            done = _read_marker(paths)  # another process may have finished meanwhile
            for file in bundled_files(dirs):
                key = _key(file)
                if key in done:
                    continue
                try:
                    state = _install_one(file, paths, models)
                    if state.get("status") == "installed":
                        new.append(state.pop("_info"))
                except models.PackageError as exc:
                    log.warning("bundled model %s not installed: %s", file.name, exc)
                    state = {"status": "failed", "error": str(exc)}
                done[key] = state
                _write_marker(paths, done)
    except OSError as exc:
        # Full disk or unwritable data dir: not remembered, so the next start tries again.
        log.warning("bundled models not installed: %s", exc)
    return new


def _install_one(file: Path, paths: Paths, models: ModuleType) -> dict[str, Any]:
    _top, meta = models.inspect_file(file)
    pair = (meta["from_code"], meta["to_code"])
    version = str(meta.get("package_version", ""))
    for info in models.installed(paths):
        if (info.from_code, info.to_code) == pair and (
            _version_tuple(info.version) >= _version_tuple(version)
        ):
            return {"status": "skipped", "reason": f"{info.code} {info.version} already installed"}
    info = models.install_file(file, paths)
    log.info("installed bundled model %s %s", info.code, info.version)
    return {"status": "installed", "code": info.code, "version": info.version, "_info": info}


def start_in_background(
    paths: Paths | None = None, on_done: Callable[[list[Any]], None] | None = None
) -> threading.Thread | None:
    """Run install_pending in a daemon thread if anything is pending; call on_done(list)."""
    paths = paths or Paths.from_env()
    if not pending(paths):
        return None

    def work() -> None:
        result = install_pending(paths)
        if on_done is not None:
            on_done(result)

    thread = threading.Thread(target=work, name="bundled-models", daemon=True)
    thread.start()
    return thread
