"""Argos Translate package management: installed, install from file, index, download, remove.

Packages live in ``Paths.argos_packages`` (never ``~/.local/share/argos-translate``) and are
read through argostranslate's own ``Package`` objects. Installing is all-or-nothing: the
file is validated (zip, one top folder, ``metadata.json`` with from/to codes, ``model/``
with ``model.bin``, a tokenizer), extracted into a staging folder next to the packages and
renamed into place. Downloads go to ``<cache>/downloads/*.part`` and resume with an HTTP
Range request after an interruption; only a complete, validated file is installed.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import tempfile
import threading
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.config import Paths
from desktop.core.errors import LagebildError

log = logging.getLogger(__name__)

DEFAULT_INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
INDEX_ENV = "LAGEBILD_ARGOS_INDEX"
LANGUAGE_NAMES = {
    "de": "German", "en": "English", "zh": "Chinese", "fr": "French", "ru": "Russian",
    "uk": "Ukrainian", "es": "Spanish", "it": "Italian", "pl": "Polish", "nl": "Dutch",
}  # fmt: skip
_CHUNK = 64 * 1024
_TIMEOUT = 30
_install_lock = threading.Lock()
_argos_lock = threading.Lock()


class PackageError(LagebildError):
    """A failed model operation; str(e) is one clear line for the user."""


class DownloadCancelled(PackageError):
    """The download was cancelled; the partial file is kept so it can resume."""


@dataclass(frozen=True)
class PackageInfo:
    """An installed package (or, with ``via``, a chain of them pivoting through languages)."""

    code: str
    from_code: str
    to_code: str
    version: str
    path: Path
    size_bytes: int
    from_name: str = ""
    to_name: str = ""
    via: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class IndexEntry:
    """One package offered by an Argos package index."""

    code: str
    from_code: str
    to_code: str
    version: str
    links: tuple[str, ...]
    from_name: str = ""
    to_name: str = ""


def language_name(code: str) -> str:
    """A readable name for a language code (the code itself if unknown)."""
    return LANGUAGE_NAMES.get(code, code)


def install_command(from_code: str, to_code: str) -> str:
    """The exact commands that get a from->to package, for messages."""
    return (
        f"lagebild models download translate-{from_code}_{to_code}"
        " (or: lagebild models install FILE.argosmodel)"
    )


# --- argostranslate, imported with its settings pointed at our directories ---------------


def argos_package_module(paths: Paths):
    """Import ``argostranslate.package`` with ARGOS_*/XDG_* env vars set from paths.

    argostranslate.settings reads the environment and creates its directories at import
    time, so this must run before anything else imports argostranslate. The XDG variables
    are restored afterwards (Qt and platformdirs read them too); ARGOS_PACKAGES_DIR stays,
    so argostranslate's own functions see our package directory. Later calls always pass
    our directory explicitly, because the settings module is frozen at its first import.
    """
    with _argos_lock:
        if "argostranslate.settings" not in sys.modules:
            home = paths.cache / "argos-home"
            temporary = {
                "XDG_DATA_HOME": str(home / "data"),
                "XDG_CONFIG_HOME": str(home / "config"),
                "XDG_CACHE_HOME": str(home / "cache"),
            }
            saved = {k: os.environ.get(k) for k in temporary}
            os.environ["ARGOS_PACKAGES_DIR"] = str(paths.argos_packages)
            os.environ.setdefault("ARGOS_DEVICE_TYPE", "cpu")
            os.environ.update(temporary)
            try:
                import argostranslate.package  # noqa: F401
            finally:
                for key, value in saved.items():
                    if value is None:
                        os.environ.pop(key, None)
                    else:
                        os.environ[key] = value
        import argostranslate.package as package

        return package


def _dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _info_from_package(pkg) -> PackageInfo:
    from_code, to_code = pkg.from_code, pkg.to_code
    return PackageInfo(
        code=pkg.code or f"{pkg.type}-{from_code}_{to_code}",
        from_code=from_code,
        to_code=to_code,
        version=str(pkg.package_version or ""),
        path=Path(pkg.package_path),
        size_bytes=_dir_size(Path(pkg.package_path)),
        from_name=pkg.from_name or language_name(from_code),
        to_name=pkg.to_name or language_name(to_code),
    )


def installed_packages(paths: Paths | None = None) -> list:
    """argostranslate ``Package`` objects of the installed translate packages."""
    paths = paths or Paths.from_env()
    package = argos_package_module(paths)
    root = paths.argos_packages
    if not root.is_dir():
        return []
    found = []
    for folder in sorted(root.iterdir()):
        if not folder.is_dir() or folder.name.startswith("."):
            continue
        try:
            pkg = package.Package(folder)
        except (OSError, ValueError) as exc:  # a broken folder must not hide the others
            log.warning("skipping broken package folder %s: %s", folder, exc)
            continue
        usable = hasattr(pkg, "tokenizer") and (folder / "model" / "model.bin").is_file()
        if not usable:
            log.warning("skipping package folder %s: no tokenizer or no model", folder)
        elif pkg.type == "translate" and pkg.from_code and pkg.to_code:
            found.append(pkg)
    return found


def installed(paths: Paths | None = None) -> list[PackageInfo]:
    """The installed translate packages, sorted by code."""
    return sorted((_info_from_package(p) for p in installed_packages(paths)), key=lambda m: m.code)


# --- install from a file -----------------------------------------------------------------


def inspect_file(path: Path) -> tuple[str, dict]:
    """Validate an .argosmodel file; return (top folder name, metadata). Raises PackageError."""
    path = Path(path)
    if not path.is_file():
        raise PackageError(f"{path}: no such file")
    if not zipfile.is_zipfile(path):
        raise PackageError(f"{path.name} is not an Argos model: not a zip archive (or truncated)")
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            tops = {n.split("/", 1)[0] for n in names}
            if len(tops) != 1 or any(n.startswith("/") or ".." in n.split("/") for n in names):
                raise PackageError(f"{path.name} is not an Argos model: expected one top folder")
            top = tops.pop()
            required = [f"{top}/metadata.json", f"{top}/model/model.bin"]
            for name in required:
                if name not in names:
                    raise PackageError(f"{path.name} is not an Argos model: {name} is missing")
            if not {f"{top}/sentencepiece.model", f"{top}/bpe.model"} & set(names):
                raise PackageError(f"{path.name} is not an Argos model: it has no tokenizer")
            bad = zf.testzip()  # reads every member: catches damaged or cut-off data
            if bad is not None:
                raise PackageError(f"{path.name} is damaged: {bad} fails its checksum")
            meta = json.loads(zf.read(f"{top}/metadata.json").decode("utf-8"))
    except (zipfile.BadZipFile, EOFError, OSError, UnicodeDecodeError, ValueError) as exc:
        raise PackageError(f"{path.name} is damaged or truncated: {exc}") from None
    if not isinstance(meta, dict) or not all(
        isinstance(meta.get(k), str) and meta.get(k) for k in ("from_code", "to_code")
    ):
        raise PackageError(f"{path.name}: metadata.json lacks from_code/to_code")
    if meta.get("type", "translate") != "translate":
        raise PackageError(f"{path.name} is a {meta.get('type')!r} package, not a translation")
    return top, meta


def install_file(path: Path, paths: Paths | None = None) -> PackageInfo:
    """Validate and install an .argosmodel file, replacing other versions of the same pair."""
    paths = paths or Paths.from_env()
    top, meta = inspect_file(path)
    package = argos_package_module(paths)
    try:
        staging = _staging(paths)
        paths.argos_packages.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix="install-", dir=staging))
    except OSError as exc:
        raise PackageError(f"cannot install into {paths.argos_packages}: {_reason(exc)}") from None
    try:
        try:
            with zipfile.ZipFile(path) as zf:
                zf.extractall(tmp)
            new = tmp / top
            pkg = package.Package(new)  # argostranslate's own reading of the folder
        except (OSError, zipfile.BadZipFile, ValueError) as exc:
            raise PackageError(f"could not unpack {Path(path).name}: {exc}") from None
        with _install_lock:
            old = [
                p.package_path
                for p in installed_packages(paths)
                if (p.from_code, p.to_code) == (pkg.from_code, pkg.to_code)
            ]
            dest = paths.argos_packages / top
            if dest.exists() and dest not in old:
                old.append(dest)
            moved = []
            try:
                for i, folder in enumerate(old):
                    aside = tmp / f"old-{i}"
                    Path(folder).replace(aside)
                    moved.append((aside, Path(folder)))
                new.replace(dest)
            except OSError as exc:
                # Put the previous install back: the finally below deletes tmp.
                for aside, original in moved:
                    aside.replace(original)
                raise PackageError(f"could not install into {dest}: {_reason(exc)}") from None
        return _info_from_package(package.Package(dest))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def remove(code: str, paths: Paths | None = None) -> list[PackageInfo]:
    """Remove the installed package(s) with this code (``translate-de_en`` or ``de_en``)."""
    paths = paths or Paths.from_env()
    wanted = {code, f"translate-{code}"}
    victims = [m for m in installed(paths) if m.code in wanted]
    if not victims:
        raise PackageError(f"no installed package {code}; see: lagebild models list")
    with _install_lock:
        for info in victims:
            try:
                aside = Path(tempfile.mkdtemp(prefix="remove-", dir=_staging(paths)))
                info.path.replace(aside / "pkg")  # gone from the package dir in one step
            except OSError as exc:
                raise PackageError(f"cannot remove {info.path}: {_reason(exc)}") from None
            shutil.rmtree(aside, ignore_errors=True)
    return victims


def _staging(paths: Paths) -> Path:
    """The folder for half-done installs and removals (same disk as the packages)."""
    staging = paths.data / "argos-staging"
    staging.mkdir(parents=True, exist_ok=True)
    return staging


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


# --- index and download ------------------------------------------------------------------


def default_index_url() -> str:
    """The index URL: $LAGEBILD_ARGOS_INDEX, else Argos's public index."""
    return os.environ.get(INDEX_ENV) or DEFAULT_INDEX_URL


def _index_url(url: str | None) -> str:
    url = url or default_index_url()
    return url + "index.json" if url.endswith("/") else url


def fetch_index(url: str | None = None) -> list[IndexEntry]:
    """Read the package index at url (JSON list of package metadata)."""
    import http.client
    import urllib.request

    url = _index_url(url)
    try:
        req = urllib.request.Request(url, headers={"User-Agent": "Lagebild"})
        with urllib.request.urlopen(req, timeout=_TIMEOUT) as resp:
            data = json.loads(resp.read(20 * 1024 * 1024).decode("utf-8"))
    except (OSError, http.client.HTTPException) as exc:
        raise PackageError(f"could not read the package index at {url}: {exc}") from None
    except (ValueError, UnicodeDecodeError):
        raise PackageError(f"the package index at {url} is not valid JSON") from None
    if not isinstance(data, list):
        raise PackageError(f"the package index at {url} is not a list of packages")
    entries = []
    for meta in data:
        if not isinstance(meta, dict) or meta.get("type", "translate") != "translate":
            continue
        src, dst = meta.get("from_code"), meta.get("to_code")
        if not (isinstance(src, str) and isinstance(dst, str)):
            continue
        links = tuple(link for link in meta.get("links", []) if isinstance(link, str))
        entries.append(
            IndexEntry(
                code=meta.get("code") or f"translate-{src}_{dst}",
                from_code=src,
                to_code=dst,
                version=str(meta.get("package_version", "")),
                links=links,
                from_name=meta.get("from_name", "") or language_name(src),
                to_name=meta.get("to_name", "") or language_name(dst),
            )
        )
    return entries


Progress = Callable[[int, "int | None"], None]


def download(
    code: str,
    index_url: str | None = None,
    paths: Paths | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> PackageInfo:
    """Download package code from the index and install it; resumes a partial download."""
    paths = paths or Paths.from_env()
    url = _index_url(index_url)
    entries = {e.code: e for e in fetch_index(url)}
    entry = entries.get(code) or entries.get(f"translate-{code}")
    if entry is None:
        raise PackageError(
            f"the index at {url} has no package {code}; see: lagebild models available"
        )
    links = [link for link in entry.links if link.startswith(("http://", "https://"))]
    if not links:
        raise PackageError(f"the index offers no http(s) link for {entry.code}")
    folder = paths.cache / "downloads"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PackageError(f"cannot download into {folder}: {_reason(exc)}") from None
    version = entry.version.replace(".", "_") or "0"
    final = folder / f"{entry.code}-{version}.argosmodel"
    part = final.with_name(final.name + ".part")
    error: PackageError | None = None
    for link in links:
        try:
            _fetch(link, part, progress, cancel)
            error = None
            break
        except DownloadCancelled:
            raise
        except PackageError as exc:
            error = exc
    if error is not None:
        raise error
    try:
        part.replace(final)
    except OSError as exc:
        raise PackageError(f"cannot keep the download {part}: {_reason(exc)}") from None
    try:
        return install_file(final, paths)
    except PackageError as exc:
        raise PackageError(f"the downloaded file is not a usable package: {exc}") from None
    finally:
        final.unlink(missing_ok=True)


def _fetch(url: str, part: Path, progress: Progress | None, cancel) -> None:
    import http.client  # here, not at the top: the GUI imports this module at start
    import urllib.error
    import urllib.request

    have = part.stat().st_size if part.exists() else 0
    headers = {"User-Agent": "Lagebild"}
    if have:
        headers["Range"] = f"bytes={have}-"
    try:
        request = urllib.request.Request(url, headers=headers)
        resp = urllib.request.urlopen(request, timeout=_TIMEOUT)
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and have:  # our partial file is no prefix of theirs: start over
            part.unlink()
            return _fetch(url, part, progress, cancel)
        raise PackageError(f"download of {url} failed: HTTP {exc.code}") from None
    except (OSError, http.client.HTTPException) as exc:
        raise PackageError(f"download of {url} failed: {exc}") from None
    with resp:
        length = resp.headers.get("Content-Length")
        length = int(length) if length and length.isdigit() else None
        if have and resp.status == 206:
            done, mode = have, "ab"
        else:
            done, mode = 0, "wb"
        total = done + length if length is not None else None
        try:
            with open(part, mode) as out:
                while True:
                    if cancel is not None and cancel.is_set():
                        raise DownloadCancelled("download cancelled; run it again to resume")
                    chunk = resp.read(_CHUNK)
                    if not chunk:
                        break
                    out.write(chunk)
                    done += len(chunk)
                    if progress:
                        progress(done, total)
        except (OSError, http.client.HTTPException) as exc:
            raise PackageError(_interrupted(done, total, exc)) from None
    if total is not None and done < total:
        raise PackageError(_interrupted(done, total, "connection closed early"))


def _interrupted(done: int, total: int | None, reason) -> str:
    of = f" of {total / 1e6:.1f}" if total else ""
    return (
        f"download interrupted after {done / 1e6:.1f}{of} MB ({reason}); "
        "run the same command again to resume"
    )
