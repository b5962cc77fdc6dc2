"""Argos Translate package management: installed, install from file, index, download, remove.

Packages live in ``Paths.argos_packages`` (never ``~/.local/share/argos-translate``) and are
read through argostranslate's own ``Package`` objects, but only after our own checks:

- **metadata.json** (at most 1 MB, nested at most 16 deep) must hold a translate package
  with short ISO-like language codes (``de``, ``pt_BR``, ``zh-Hant``), a code that is
  ``translate-FROM_TO`` and names, versions and other fields of the right type, bounded
  in length and free of control characters. Installed folders that fail the checks are
  skipped by :func:`installed` (see :func:`broken_packages`) and can still be removed.
- **The file** must be a zip with one top folder, safe member names (no ``.``/``..``,
  absolute or backslashed paths, links, duplicates), ``metadata.json``, ``model/model.bin``
  and a tokenizer, only stored or deflated members, at most 2 GB unpacked, at most
  ``MAX_TOTAL_RATIO`` times the file and ``MAX_MEMBER_RATIO`` per big member. Free disk
  space is checked first and the extraction counts the bytes it really writes.
- **Installing is all-or-nothing**: the package is unpacked into a staging folder next to
  the packages, *loaded* there (CTranslate2 model and tokenizer, one tiny translation) and
  only then renamed into place as ``<code>-<version>`` (a name made from the validated
  metadata, never from member names), replacing other versions of the same pair.

The index and the downloads are read with :func:`desktop.core.net.fetch`. Downloads go to
``<cache>/downloads/<code>-<version>.argosmodel.part`` (the code is validated, the path
checked to stay in that folder) and resume with an HTTP Range request after an
interruption; only a complete, validated file is installed.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import stat
import sys
import tempfile
import threading
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from desktop.config import Paths
from desktop.core import net
from desktop.core.errors import LagebildError

log = logging.getLogger(__name__)

DEFAULT_INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
INDEX_ENV = "LAGEBILD_ARGOS_INDEX"
LANGUAGE_NAMES = {
    "de": "German", "en": "English", "zh": "Chinese", "fr": "French", "ru": "Russian",
    "uk": "Ukrainian", "es": "Spanish", "it": "Italian", "pl": "Polish", "nl": "Dutch",
}  # fmt: skip

# Limits for files, metadata and the index (module attributes, so tests can lower them).
MAX_METADATA_BYTES = 1024 * 1024
MAX_JSON_DEPTH = 16
MAX_UNPACKED_BYTES = 2 * 1024**3  # a package never unpacks to more than this
MAX_TOTAL_RATIO = 20  # unpacked size at most this many times the file...
RATIO_FLOOR_BYTES = 64 * 1024**2  # ...unless it stays below this
MAX_MEMBER_RATIO = 200  # compression ratio of one member...
RATIO_MEMBER_MIN_BYTES = 1024**2  # ...that unpacks to more than this
MAX_MEMBERS = 5000
DISK_MARGIN_BYTES = 64 * 1024**2  # free space left after unpacking
MAX_INDEX_BYTES = 20 * 1024**2
MAX_INDEX_ENTRIES = 10_000
MAX_DOWNLOAD_BYTES = 2 * 1024**3
TIMEOUT = 30  # seconds per network operation
INDEX_TOTAL_TIMEOUT = 120

_CHUNK = 64 * 1024
_install_lock = threading.Lock()
_argos_lock = threading.Lock()

_LANG = r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?"
LANGUAGE_CODE = re.compile(_LANG)
PACKAGE_CODE = re.compile(rf"translate-{_LANG}_{_LANG}")
_LINK = re.compile(r"https?://[\x21-\x7e]{1,2040}")
_NAME_MAX, _VERSION_MAX, _TEXT_MAX, _LIST_MAX = 64, 32, 200, 100
_BAD_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
_INDEX_HINT = " Install from a file, or try again when online."
_RESUME_HINT = " Run the same command again to resume."
_OFFLINE_KINDS = {"offline", "dns", "timeout", "connection"}
_DOWNLOAD_TYPES = ("application/*", "binary/*")
_INDEX_TYPES = ("application/*", "text/plain", "text/json")


class PackageError(LagebildError):
    """A failed model operation; str(e) is one clear line for the user."""


class InvalidPackage(PackageError):
    """A package file, metadata or index entry that fails validation or does not load."""


class NoRoomError(PackageError):
    """Not enough free disk space to unpack a package."""


class PackageNetError(PackageError):
    """Reading the index or a download failed; ``kind`` is a ``desktop.core.net`` kind."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


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


@dataclass(frozen=True)
class BrokenPackage:
    """An installed package folder that fails the checks; ``names`` may remove it."""

    path: Path
    reason: str
    names: frozenset[str]


@dataclass(frozen=True)
class Metadata:
    """The validated fields of a metadata.json (or of an index entry)."""

    code: str
    from_code: str
    to_code: str
    version: str
    from_name: str
    to_name: str

    @property
    def folder_name(self) -> str:
        """The install folder: code and version, e.g. ``translate-zh_en-1_9``."""
        return f"{self.code}-{version_slug(self.version)}"


def language_name(code: str) -> str:
    """A readable name for a language code (the code itself if unknown)."""
    return LANGUAGE_NAMES.get(code, code)


def install_command(from_code: str, to_code: str) -> str:
    """The exact commands that get a from->to package, for messages."""
    return (
        f"lagebild models download translate-{from_code}_{to_code}"
        " (or: lagebild models install FILE.argosmodel)"
    )


def version_slug(version: str) -> str:
    """A version as a file name part: ``1.9`` -> ``1_9`` (only letters, digits and _)."""
    return re.sub(r"[^0-9A-Za-z]+", "_", version).strip("_")[:_VERSION_MAX] or "0"


def shown(text: object, limit: int = 40) -> str:
    """Text for a message: at most limit characters, control characters escaped."""
    value = text if isinstance(text, str) else repr(text)
    cut = value[:limit]
    out = "".join(ch if _printable(ch) else ascii(ch)[1:-1] for ch in cut)
    return out + ("…" if len(value) > limit else "")


def _printable(ch: str) -> bool:
    return unicodedata.category(ch) not in _BAD_CATEGORIES


# --- metadata validation ---------------------------------------------------------------------


def parse_json(raw: bytes, what: str, limit: int) -> object:
    """JSON from raw (UTF-8), at most limit bytes and MAX_JSON_DEPTH deep; InvalidPackage else."""
    if len(raw) > limit:
        raise InvalidPackage(f"{what} is larger than {limit // 1024} KB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidPackage(f"{what} is not UTF-8 text") from None
    if json_depth(text) > MAX_JSON_DEPTH:
        raise InvalidPackage(f"{what} is nested more than {MAX_JSON_DEPTH} levels deep")
    try:
        return json.loads(text)
    except RecursionError:
        raise InvalidPackage(f"{what} is nested too deeply") from None
    except ValueError as exc:
        raise InvalidPackage(f"{what} is not valid JSON ({shown(str(exc), 80)})") from None


_JSON_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+"', re.S)
_JSON_BRACKET = re.compile(r"[\[\]{}]")


def json_depth(text: str) -> int:
    """How deeply arrays/objects nest in JSON text (stops counting past MAX_JSON_DEPTH)."""
    depth = deepest = 0
    for match in _JSON_BRACKET.finditer(_JSON_STRING.sub('""', text)):
        if match.group() in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_JSON_DEPTH:
                    break
        else:
            depth -= 1
    return deepest


def validate_metadata(meta: object, what: str) -> Metadata:
    """Check every field argostranslate and we read; the fields we use, or InvalidPackage."""
    if not isinstance(meta, dict):
        raise InvalidPackage(f"{what} is not a JSON object")
    if len(meta) > 200:
        raise InvalidPackage(f"{what} has more than 200 fields")
    for key in meta:
        if len(key) > _NAME_MAX or not all(_printable(ch) for ch in key):
            raise InvalidPackage(f"{what} has a field named {shown(key)}")
    kind = meta.get("type", "translate")
    if kind != "translate":
        raise InvalidPackage(f"{what} describes a {shown(kind)} package, not a translation")
    src, dst = meta.get("from_code"), meta.get("to_code")
    if not (isinstance(src, str) and src and isinstance(dst, str) and dst):
        raise InvalidPackage(f"{what} lacks from_code/to_code")
    for name, code in (("from_code", src), ("to_code", dst)):
        _check_language(code, f"{what}: {name}")
    expected = f"translate-{src}_{dst}"
    given: object = meta.get("code")
    if given is not None and given != expected:
        raise InvalidPackage(f"{what}: code {shown(given)} is not {expected}")
    code = expected
    version = _check_version(meta.get("package_version", ""), f"{what}: package_version")
    _check_version(meta.get("argos_version", ""), f"{what}: argos_version")
    names = {}
    for name in ("from_name", "to_name"):
        names[name] = _check_text(meta.get(name), f"{what}: {name}", _NAME_MAX)
    _check_text(meta.get("target_prefix"), f"{what}: target_prefix", _NAME_MAX)
    for name in ("from_codes", "to_codes"):
        for item in _check_list(meta.get(name), f"{what}: {name}"):
            _check_language(item, f"{what}: {name}")
    for name in ("languages", "source_languages", "target_languages"):
        for item in _check_list(meta.get(name), f"{what}: {name}"):
            _check_language_entry(item, f"{what}: {name}")
    for item in _check_list(meta.get("links"), f"{what}: links"):
        if not isinstance(item, str) or len(item) > 2048 or not _printable_text(item):
            raise InvalidPackage(f"{what}: links holds {shown(item)}, not a link")
    for item in _check_list(meta.get("dependencies"), f"{what}: dependencies"):
        if isinstance(item, dict):
            for key, value in item.items():
                _check_text(value, f"{what}: dependencies.{shown(key)}", _TEXT_MAX)
        else:
            _check_text(item, f"{what}: dependencies", _TEXT_MAX)
    return Metadata(
        code=code,
        from_code=src,
        to_code=dst,
        version=version,
        from_name=names["from_name"],
        to_name=names["to_name"],
    )


def _printable_text(text: str) -> bool:
    return all(_printable(ch) for ch in text)


def _check_language(code: object, what: str) -> str:
    if not isinstance(code, str) or not LANGUAGE_CODE.fullmatch(code):
        raise InvalidPackage(f"{what} {shown(code)} is not a language code (like de, en, zh)")
    return code


def _check_text(value: object, what: str, limit: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidPackage(f"{what} is a {type(value).__name__}, not text")
    if len(value) > limit:
        raise InvalidPackage(f"{what} is longer than {limit} characters")
    if not _printable_text(value):
        raise InvalidPackage(f"{what} {shown(value)} contains control characters")
    return value


def _check_version(value: object, what: str) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise InvalidPackage(f"{what} is a {type(value).__name__}, not a version")
    return _check_text(str(value), what, _VERSION_MAX)


def _check_list(value: object, what: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise InvalidPackage(f"{what} is a {type(value).__name__}, not a list")
    if len(value) > _LIST_MAX:
        raise InvalidPackage(f"{what} has more than {_LIST_MAX} entries")
    return value


def _check_language_entry(item: object, what: str) -> None:
    if not isinstance(item, dict) or len(item) > 10:
        raise InvalidPackage(f"{what} holds {shown(item)}, not a language")
    if "code" in item:
        _check_language(item["code"], f"{what}: code")
    for key, value in item.items():
        if key != "code":
            _check_text(value, f"{what}: {shown(key)}", _NAME_MAX)


# --- argostranslate, imported with its settings pointed at our directories ---------------


def argos_package_module(paths: Paths) -> ModuleType:
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
    total = 0
    try:
        for f in path.rglob("*"):
            try:
                if f.is_file():
                    total += f.stat().st_size
            except OSError:
                continue
    except OSError:
        pass
    return total


def _info_from_package(pkg: Any) -> PackageInfo:
    from_code, to_code = str(pkg.from_code), str(pkg.to_code)
    code = (
        pkg.code if isinstance(pkg.code, str) and pkg.code else f"translate-{from_code}_{to_code}"
    )
    from_name = pkg.from_name if isinstance(pkg.from_name, str) else ""
    to_name = pkg.to_name if isinstance(pkg.to_name, str) else ""
    return PackageInfo(
        code=code,
        from_code=from_code,
        to_code=to_code,
        version=str(pkg.package_version or ""),
        path=Path(pkg.package_path),
        size_bytes=_dir_size(Path(pkg.package_path)),
        from_name=from_name or language_name(from_code),
        to_name=to_name or language_name(to_code),
    )


def _folder_json(folder: Path) -> object:
    """The parsed metadata.json of an installed folder (size and depth checked)."""
    try:
        with open(folder / "metadata.json", "rb") as f:
            raw = f.read(MAX_METADATA_BYTES + 1)  # never more, whatever its size
    except FileNotFoundError:
        raise InvalidPackage("it has no metadata.json") from None
    except OSError as exc:
        raise InvalidPackage(f"metadata.json cannot be read: {_reason(exc)}") from None
    return parse_json(raw, "metadata.json", MAX_METADATA_BYTES)


def _read_folder_metadata(folder: Path) -> Metadata | None:
    """The validated metadata of an installed folder; None if it is no translate package."""
    meta = _folder_json(folder)
    if isinstance(meta, dict) and meta.get("type", "translate") != "translate":
        return None  # another kind of Argos package: not ours to show, not broken
    checked = validate_metadata(meta, "metadata.json")
    if not (folder / "model" / "model.bin").is_file():
        raise InvalidPackage("it has no model/model.bin")
    if not any((folder / t).is_file() for t in ("sentencepiece.model", "bpe.model")):
        raise InvalidPackage("it has no tokenizer")
    return checked


def _names_of_broken(folder: Path) -> frozenset[str]:
    """What a broken folder answers to in remove(): its name, and its pair if readable."""
    names = {folder.name}
    try:
        meta = _folder_json(folder)
    except InvalidPackage:
        return frozenset(names)
    if isinstance(meta, dict):
        src, dst = meta.get("from_code"), meta.get("to_code")
        if all(isinstance(c, str) and LANGUAGE_CODE.fullmatch(c) for c in (src, dst)):
            names.add(f"translate-{src}_{dst}")
    return frozenset(names)


def _scan(paths: Paths) -> tuple[list[Any], list[BrokenPackage]]:
    """The usable installed translate packages (argostranslate objects) and the broken ones."""
    package = argos_package_module(paths)  # first: it points argostranslate at our dirs
    root = paths.argos_packages
    if not root.is_dir():
        return [], []
    found: list[Any] = []
    broken: list[BrokenPackage] = []
    try:
        folders = sorted(root.iterdir())
    except OSError as exc:
        raise PackageError(f"cannot read {root}: {_reason(exc)}") from None
    for folder in folders:
        if folder.name.startswith(".") or not folder.is_dir():
            continue
        try:
            if _read_folder_metadata(folder) is None:
                continue
            pkg = package.Package(folder)
            if not hasattr(pkg, "tokenizer"):
                raise InvalidPackage("it has no tokenizer")
        except InvalidPackage as exc:
            reason = str(exc)
        except Exception as exc:  # noqa: BLE001 - argostranslate's reading: a broken folder
            reason = f"argostranslate cannot read it ({shown(str(exc), 120)})"
        else:
            found.append(pkg)
            continue
        log.info("skipping broken package folder %s: %s", folder, reason)
        broken.append(BrokenPackage(folder, reason, _names_of_broken(folder)))
    return found, broken


def installed_packages(paths: Paths | None = None) -> list[Any]:
    """argostranslate ``Package`` objects of the usable installed translate packages."""
    return _scan(paths or Paths.from_env())[0]


def broken_packages(paths: Paths | None = None) -> list[BrokenPackage]:
    """Installed package folders skipped by :func:`installed`, with the reason."""
    return _scan(paths or Paths.from_env())[1]


def installed(paths: Paths | None = None) -> list[PackageInfo]:
    """The usable installed translate packages, sorted by code (broken folders skipped)."""
    return installed_and_broken(paths)[0]


def installed_and_broken(
    paths: Paths | None = None,
) -> tuple[list[PackageInfo], list[BrokenPackage]]:
    """:func:`installed` and :func:`broken_packages` from one look at the folder."""
    usable, broken = _scan(paths or Paths.from_env())
    return sorted((_info_from_package(p) for p in usable), key=lambda m: m.code), broken


# --- install from a file -----------------------------------------------------------------


@dataclass(frozen=True)
class _Member:
    info: zipfile.ZipInfo
    parts: tuple[str, ...]  # path inside the package folder (without the top folder)


@dataclass(frozen=True)
class _Plan:
    top: str
    raw_meta: dict[str, Any]
    meta: Metadata
    members: tuple[_Member, ...]  # files only; folders are made as needed
    unpacked: int  # declared bytes of all files


def _member_parts(name: str, label: str) -> tuple[str, ...]:
    """A member name split into safe parts; InvalidPackage for anything that could escape."""
    parts = name.rstrip("/").split("/")
    bad = (
        not name
        or name.startswith("/")
        or "\\" in name
        or len(parts) > 16
        or any(p in ("", ".", "..") or len(p) > 255 or ":" in p for p in parts)
        or not _printable_text(name)
    )
    if bad:
        raise InvalidPackage(f"{label} is not an Argos model: unsafe member name {shown(name)}")
    return tuple(parts)


def _plan(path: Path) -> _Plan:
    """Read and check the directory, the sizes and metadata.json of an .argosmodel file."""
    name = path.name
    label = shown(name, 120)
    if not path.is_file():
        raise PackageError(f"{path}: no such file")
    if not zipfile.is_zipfile(path):
        raise InvalidPackage(f"{label} is not an Argos model: not a zip archive (or truncated)")
    try:
        archive_size = path.stat().st_size
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_MEMBERS:
                raise InvalidPackage(f"{label} is not an Argos model: over {MAX_MEMBERS} files")
            tops: set[str] = set()
            members: list[_Member] = []
            seen: set[str] = set()
            for info in infos:
                parts = _member_parts(info.filename, label)
                tops.add(parts[0])
                key = "/".join(parts).casefold()
                if key in seen:
                    raise InvalidPackage(f"{label} is not an Argos model: "
                                         f"{shown(info.filename)} is in it twice")  # fmt: skip
                seen.add(key)
                mode = info.external_attr >> 16
                if stat.S_ISLNK(mode):
                    raise InvalidPackage(f"{label} is not an Argos model: "
                                         f"{shown(info.filename)} is a link")  # fmt: skip
                if info.flag_bits & 0x1:
                    raise InvalidPackage(f"{label} is encrypted")
                if info.is_dir():
                    continue
                if len(parts) < 2:
                    raise InvalidPackage(f"{label} is not an Argos model: expected one top folder")
                if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                    raise InvalidPackage(f"{label} is not an Argos model: "
                                         f"{shown(info.filename)} uses an unsupported "
                                         "compression method")  # fmt: skip
                members.append(_Member(info, parts[1:]))
            if len(tops) != 1:
                raise InvalidPackage(f"{label} is not an Argos model: expected one top folder")
            top = tops.pop()
            files = {m.parts: m for m in members}
            for required in (("metadata.json",), ("model", "model.bin")):
                if required not in files:
                    missing = "/".join((top, *required))
                    raise InvalidPackage(f"{label} is not an Argos model: {missing} is missing")
            if ("sentencepiece.model",) not in files and ("bpe.model",) not in files:
                raise InvalidPackage(f"{label} is not an Argos model: it has no tokenizer")
            unpacked = _check_sizes(members, archive_size, label)
            meta_info = files[("metadata.json",)].info
            if meta_info.file_size > MAX_METADATA_BYTES:
                raise InvalidPackage(f"{label}: metadata.json is larger than "
                                     f"{MAX_METADATA_BYTES // 1024} KB")  # fmt: skip
            with zf.open(meta_info) as f:
                raw = f.read(MAX_METADATA_BYTES + 1)
    except (zipfile.BadZipFile, EOFError, zlib.error, ValueError) as exc:
        raise InvalidPackage(f"{label} is damaged or truncated: {shown(str(exc), 120)}") from None
    except OSError as exc:
        raise PackageError(f"cannot read {label}: {_reason(exc)}") from None
    meta = parse_json(raw, f"{label}: metadata.json", MAX_METADATA_BYTES)
    if isinstance(meta, dict) and meta.get("type", "translate") != "translate":
        raise InvalidPackage(f"{label} is a {shown(meta.get('type'))} package, not a translation")
    checked = validate_metadata(meta, f"{label}: metadata.json")
    raw_meta = meta if isinstance(meta, dict) else {}
    return _Plan(top, raw_meta, checked, tuple(members), unpacked)


def _check_sizes(members: Iterable[_Member], archive_size: int, label: str) -> int:
    """The declared unpacked size, if within the limits (total, relative, per member)."""
    total = 0
    for m in members:
        size, packed = m.info.file_size, m.info.compress_size
        total += size
        if size > RATIO_MEMBER_MIN_BYTES and size > MAX_MEMBER_RATIO * max(packed, 1):
            raise InvalidPackage(
                f"{label} is not an Argos model: {shown('/'.join(m.parts))} would unpack "
                f"{size / max(packed, 1):.0f} times larger (a zip bomb?)"
            )
    limit = min(MAX_UNPACKED_BYTES, max(RATIO_FLOOR_BYTES, MAX_TOTAL_RATIO * archive_size))
    if total > limit:
        raise InvalidPackage(
            f"{label} is not an Argos model: it would unpack to {total / 1e6:.1f} MB, "
            f"more than the limit of {limit / 1e6:.1f} MB (a zip bomb?)"
        )
    return total


def inspect_file(path: Path) -> tuple[str, dict[str, Any]]:
    """Validate an .argosmodel file (structure, sizes, metadata); return (top folder, metadata).

    The members' data is checked (CRC) while :func:`install_file` unpacks them.
    """
    plan = _plan(Path(path))
    return plan.top, plan.raw_meta


def _check_room(folder: Path, plan: _Plan, label: str) -> None:
    try:
        free = shutil.disk_usage(folder).free
    except OSError as exc:
        log.warning("cannot tell the free space in %s: %s", folder, exc)
        return
    need = plan.unpacked + DISK_MARGIN_BYTES
    if free < need:
        raise NoRoomError(
            f"not enough disk space to install {label}: it needs {need / 1e6:.0f} MB, "
            f"{free / 1e6:.0f} MB are free in {folder.parent}"
        )


def _extract(path: Path, plan: _Plan, dest: Path, label: str) -> None:
    """Unpack the plan's files into dest, counting the bytes really written."""
    cap = min(plan.unpacked, MAX_UNPACKED_BYTES)
    written = 0
    dest.mkdir()
    root = dest.resolve()
    current = ""
    try:
        with zipfile.ZipFile(path) as zf:
            for member in plan.members:
                current = "/".join(member.parts)
                target = dest.joinpath(*member.parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                if not target.parent.resolve().is_relative_to(root):
                    raise InvalidPackage(f"{label}: {shown(current)} points outside its folder")
                declared = member.info.file_size
                got = 0
                with zf.open(member.info) as src, open(target, "xb") as out:
                    while chunk := src.read(_CHUNK):
                        got += len(chunk)
                        written += len(chunk)
                        if got > declared or written > cap:
                            raise InvalidPackage(
                                f"{label} is not an Argos model: {shown(current)} unpacks to "
                                "more than its declared size (a zip bomb?)"
                            )
                        out.write(chunk)
    except zipfile.BadZipFile as exc:
        if "CRC" in str(exc):
            raise InvalidPackage(
                f"{label} is damaged: {shown(current)} fails its checksum"
            ) from None
        raise InvalidPackage(f"{label} is damaged: {shown(str(exc), 120)}") from None
    except (EOFError, zlib.error) as exc:
        raise InvalidPackage(
            f"{label} is damaged: {shown(current)} ({shown(str(exc), 80)})"
        ) from None
    except OSError as exc:
        raise PackageError(f"could not unpack {label}: {_reason(exc)}") from None


def check_loads(folder: Path, label: str, package: ModuleType) -> Any:
    """Load the unpacked package as the engine will (tokenizer, CTranslate2, one tiny
    translation); its argostranslate ``Package``, or InvalidPackage saying what fails."""
    try:
        pkg = package.Package(folder)
        tokenizer = pkg.tokenizer
    except Exception as exc:  # noqa: BLE001 - anything here means: not usable
        raise InvalidPackage(
            f"{label} is not a usable Argos model: {_short(exc, folder)}"
        ) from None
    try:
        tokens = tokenizer.encode("Hello, 2024.")
        if not (isinstance(tokens, list) and tokens and all(isinstance(t, str) for t in tokens)):
            raise ValueError("it makes no tokens")
    except Exception as exc:  # noqa: BLE001
        raise InvalidPackage(
            f"{label} is not a usable Argos model: its tokenizer does not load "
            f"({_short(exc, folder)})"
        ) from None
    try:
        import ctranslate2
    except ImportError as exc:
        raise PackageError(f"cannot check {label}: CTranslate2 is missing ({exc})") from None
    try:
        translator = ctranslate2.Translator(
            str(folder / "model"), device="cpu", inter_threads=1, intra_threads=1
        )
        prefix = pkg.target_prefix if isinstance(pkg.target_prefix, str) else ""
        result = translator.translate_batch(
            [tokens[:16]],
            target_prefix=[[prefix]] if prefix else None,
            beam_size=1,
            max_decoding_length=4,
        )
        tokenizer.decode(result[0].hypotheses[0])
        del translator
    except Exception as exc:  # noqa: BLE001
        raise InvalidPackage(
            f"{label} is not a usable Argos model: its model does not load ({_short(exc, folder)})"
        ) from None
    return pkg


def _short(exc: BaseException, folder: Path | None = None) -> str:
    text = str(exc)
    if folder is not None:  # the staging path says nothing to the user
        text = text.replace(str(folder) + os.sep, "").replace(str(folder), "")
    text = " ".join(text.split()) or type(exc).__name__
    return shown(text, 160)


def _free_dest(root: Path, meta: Metadata, replaceable: list[Path]) -> Path:
    """The install folder: <code>-<version>, or a free variant if that name is taken by
    something this install must not replace (a broken folder, a stray file)."""
    base = meta.folder_name
    dest = root / base
    n = 2
    while (dest.exists() or dest.is_symlink()) and dest not in replaceable:
        dest = root / f"{base}-{n}"
        n += 1
    return dest


def install_file(path: Path, paths: Paths | None = None) -> PackageInfo:
    """Validate, unpack, load-test and install an .argosmodel file, replacing other
    versions of the same pair only once the new one is known to work."""
    paths = paths or Paths.from_env()
    path = Path(path)
    plan = _plan(path)
    label = shown(path.name, 120)
    package = argos_package_module(paths)
    try:
        staging = _staging(paths)
        paths.argos_packages.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix="install-", dir=staging))
    except OSError as exc:
        raise PackageError(f"cannot install into {paths.argos_packages}: {_reason(exc)}") from None
    try:
        _check_room(tmp, plan, label)
        new = tmp / "new"
        _extract(path, plan, new, label)
        check_loads(new, label, package)
        with _install_lock:
            pair = (plan.meta.from_code, plan.meta.to_code)
            old = [
                Path(p.package_path)
                for p in installed_packages(paths)
                if (p.from_code, p.to_code) == pair
            ]
            dest = _free_dest(paths.argos_packages, plan.meta, old)
            moved = []
            try:
                for i, folder in enumerate(old):
                    aside = tmp / f"old-{i}"
                    folder.replace(aside)
                    moved.append((aside, folder))
                new.replace(dest)
            except OSError as exc:
                # Put the previous install back: the finally below deletes tmp.
                for aside, original in moved:
                    aside.replace(original)
                raise PackageError(f"could not install into {dest}: {_reason(exc)}") from None
        try:
            return _info_from_package(package.Package(dest))
        except Exception as exc:  # noqa: BLE001 - it loaded in staging a moment ago
            raise PackageError(
                f"installed {dest}, but cannot read it back: {_short(exc)}"
            ) from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def remove(code: str, paths: Paths | None = None) -> list[PackageInfo]:
    """Remove the installed package(s) with this code (``translate-de_en`` or ``de_en``)
    or folder name; broken package folders can be removed the same way."""
    paths = paths or Paths.from_env()
    wanted = {code, f"translate-{code}"}
    with _install_lock:
        usable, broken = _scan(paths)
        victims = [
            info
            for info in (_info_from_package(p) for p in usable)
            if info.code in wanted or info.path.name == code
        ]
        victims += [
            PackageInfo(b.path.name, "", "", "", b.path, _dir_size(b.path))
            for b in broken
            if b.names & wanted
        ]
        if not victims:
            raise PackageError(f"no installed package {shown(code)}; see: lagebild models list")
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


def _index_name(url: str) -> str:
    if url == DEFAULT_INDEX_URL:
        return "the Argos package index"
    return f"the package index at {shown(url, 200)}"


def _net_failure(exc: net.NetError, hint: str) -> PackageNetError:
    """Our one-line error for a failed fetch, with advice where there is some."""
    message = str(exc)
    if exc.kind in _OFFLINE_KINDS and hint:
        message += hint
    return PackageNetError(message, exc.kind)


def fetch_index(url: str | None = None) -> list[IndexEntry]:
    """Read the package index at url (JSON list of package metadata); invalid entries are
    skipped (and logged), never offered."""
    url = _index_url(url)
    what = _index_name(url)
    try:
        got = net.fetch(url, timeout=TIMEOUT, max_bytes=MAX_INDEX_BYTES, accept=_INDEX_TYPES,
                        what=what, total_timeout=INDEX_TOTAL_TIMEOUT)  # fmt: skip
    except net.NetError as exc:
        raise _net_failure(exc, _INDEX_HINT) from None
    data = parse_json(got.body, what, MAX_INDEX_BYTES)
    if not isinstance(data, list):
        raise PackageError(f"{what} is not a list of packages")
    entries = []
    skipped = 0
    for meta in data[:MAX_INDEX_ENTRIES]:
        if not isinstance(meta, dict) or meta.get("type", "translate") != "translate":
            continue
        try:
            entries.append(index_entry(meta))
        except InvalidPackage as exc:
            skipped += 1
            log.warning("%s: skipping an entry: %s", what, exc)
    if skipped:
        log.warning("%s: %d invalid entries skipped", what, skipped)
    return entries


def index_entry(meta: dict[str, Any]) -> IndexEntry:
    """One validated index entry (same rules as metadata.json, plus http(s) links)."""
    checked = validate_metadata(meta, "index entry")
    links = tuple(
        link for link in _check_list(meta.get("links"), "index entry: links")
        if isinstance(link, str) and _LINK.fullmatch(link)
    )  # fmt: skip
    return IndexEntry(
        code=checked.code,
        from_code=checked.from_code,
        to_code=checked.to_code,
        version=checked.version,
        links=links,
        from_name=checked.from_name or language_name(checked.from_code),
        to_name=checked.to_name or language_name(checked.to_code),
    )


Progress = Callable[[int, "int | None"], None]


def _download_path(folder: Path, entry: IndexEntry) -> Path:
    """<folder>/<code>-<version>.argosmodel, checked to stay inside folder."""
    if not PACKAGE_CODE.fullmatch(entry.code):
        raise InvalidPackage(f"the index offers an invalid package code {shown(entry.code)}")
    final = folder / f"{entry.code}-{version_slug(entry.version)}.argosmodel"
    if final.resolve().parent != folder.resolve():
        raise InvalidPackage(f"the download of {entry.code} would land outside {folder}")
    return final


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
            f"{_index_name(url)} has no package {shown(code)}; see: lagebild models available"
        )
    links = [link for link in entry.links if link.startswith(("http://", "https://"))]
    if not links:
        raise PackageError(f"the index offers no http(s) link for {entry.code}")
    folder = paths.cache / "downloads"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PackageError(f"cannot download into {folder}: {_reason(exc)}") from None
    final = _download_path(folder, entry)
    part = final.with_name(final.name + ".part")
    error: PackageError | None = None
    for link in links:
        try:
            net.fetch(link, timeout=TIMEOUT, max_bytes=MAX_DOWNLOAD_BYTES,
                      accept=_DOWNLOAD_TYPES, progress=progress, cancel=cancel, dest=part,
                      what=f"{entry.code} from {net.describe(link)}")  # fmt: skip
            error = None
            break
        except net.NetError as exc:
            if exc.kind == "cancelled":
                raise DownloadCancelled("download cancelled; run it again to resume") from None
            if exc.kind == "too_large":
                part.unlink(missing_ok=True)  # junk up to the limit: nothing worth resuming
            error = _net_failure(exc, _RESUME_HINT)
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
