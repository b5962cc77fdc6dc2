"""The SQLite index of a Ding file: built once, checked against the source, rebuilt on change.

Layout of ``<data>/dictionary/``:

- ``ding.sqlite``: the index (this module builds it; :mod:`.lookup` reads it);
- ``de-en.txt``: a Ding file the user installed with ``lagebild dictionary install FILE``
  (it wins over the system file ``/usr/share/trans/de-en`` of the trans-de-en package);
- ``ding.sqlite.damaged-<time>``: an index that could not be read, moved aside.

The index holds the source's lines as they are (a lookup parses the few lines it needs) and
two key tables, ``de`` (German headwords, inflected forms, hidden variants) and ``en`` (English
headwords and forms, for reverse lookup). A key is :func:`~.ding.fold` of the form; ``exact``
keeps the lower-cased form when umlauts or ß make it differ, so that ``schoss`` (past of
schießen) and ``Schoß`` (lap) can be told apart while ``Munitionsfabrik`` still finds
``Munitionsfabrik`` typed without umlauts. Each key points at (line, sub-entry, synonym):
an inflected form points at the sub-entry of its base headword.

The index is written to a temporary file in the same folder and renamed into place, so a
reader never sees half an index. Its ``meta`` table records the source path, size, mtime and
SHA-256: size and mtime are the fast check, the checksum decides when they differ.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.config import Paths
from desktop.core.dictionary.ding import (
    DingEntry,
    DingFormatError,
    Term,
    fold,
    lower_key,
    parse_line,
)
from desktop.core.errors import LagebildError
from desktop.core.files import UnreadableFile, read_limited, write_bytes_atomic

if TYPE_CHECKING:
    import sqlite3

SCHEMA_VERSION = "1"
SYSTEM_SOURCE = Path("/usr/share/trans/de-en")
#: The Ding file is 25 MB; anything far larger is not a dictionary we should load.
MAX_SOURCE_BYTES = 256 * 1024 * 1024
INSTALL_HINT = (
    "install it with `sudo apt install trans-de-en`, or download the Ding file de-en.txt "
    "and run `lagebild dictionary install FILE`"
)
#: Headwords with more words than this are example sentences: kept in the line, not indexed.
MAX_KEY_WORDS = 8

#: Kinds of keys in the ``de`` and ``en`` tables (lower sorts first).
#: A headword; an inflected form (points to its base); a <hidden> spelling variant; a
#: headword without its placeholders (jdn., sich, to ...); a combining form ("Angriffs…").
KIND_HEADWORD, KIND_FORM, KIND_VARIANT, KIND_BARE, KIND_PREFIX = 0, 1, 2, 3, 4

#: progress(done, total): DONE of TOTAL steps; TOTAL is fixed for one build.
Progress = Callable[[int, int], None]

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE lines (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE de (
    key TEXT NOT NULL, line INTEGER NOT NULL, pos INTEGER NOT NULL, syn INTEGER NOT NULL,
    kind INTEGER NOT NULL, exact TEXT, PRIMARY KEY (key, line, pos, syn)
) WITHOUT ROWID;
CREATE TABLE en (
    key TEXT NOT NULL, line INTEGER NOT NULL, pos INTEGER NOT NULL, syn INTEGER NOT NULL,
    kind INTEGER NOT NULL, exact TEXT, PRIMARY KEY (key, line, pos, syn)
) WITHOUT ROWID;
"""
_META_KEYS = ("schema", "source", "sha256", "size", "mtime_ns", "entries", "subentries")


class DictionaryError(LagebildError):
    """The dictionary cannot be read, built or installed; ``str(e)`` is one line."""


class DictionaryMissing(DictionaryError):
    """No Ding file is installed; the message says how to get one (a normal state)."""


class _Damaged(Exception):
    """An index file that SQLite cannot read or whose tables are incomplete."""


@dataclass(frozen=True)
class DictionaryFiles:
    """Where the index and the sources are; built from :class:`~desktop.config.Paths`."""

    index: Path
    installed: Path
    system: Path = SYSTEM_SOURCE

    @classmethod
    def from_paths(cls, paths: Paths, system: Path | None = None) -> DictionaryFiles:
        """The files under ``paths.data``; SYSTEM defaults to :data:`SYSTEM_SOURCE`."""
        folder = paths.data / "dictionary"
        return cls(
            index=folder / "ding.sqlite",
            installed=folder / "de-en.txt",
            system=SYSTEM_SOURCE if system is None else system,
        )

    def source(self) -> Path | None:
        """The Ding file to use: the user's installed copy, else the system file, else None."""
        for candidate in (self.installed, self.system):
            if os.path.lexists(candidate):
                return candidate
        return None

    def require_source(self) -> Path:
        """The source, or DictionaryMissing saying how to get one."""
        source = self.source()
        if source is None:
            raise DictionaryMissing(f"no German–English dictionary is installed; {INSTALL_HINT}")
        return source


@dataclass(frozen=True)
class IndexInfo:
    """What an index says about itself (its ``meta`` table) and its size on disk."""

    path: Path
    source: str
    sha256: str
    size: int
    mtime_ns: int
    entries: int
    subentries: int
    german_keys: int
    english_keys: int
    skipped: int
    built_at: str
    index_bytes: int
    schema: str = SCHEMA_VERSION


# --- reading the source ---------------------------------------------------------------------


def _read_source(source: Path) -> tuple[bytes, os.stat_result]:
    """The bytes of SOURCE (a regular file) and its stat from before reading."""
    try:
        st = os.stat(source)
        data = read_limited(source, MAX_SOURCE_BYTES)
    except UnreadableFile as exc:
        raise DictionaryError(f"cannot read the dictionary: {exc}") from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DictionaryError(f"cannot read the dictionary {source}: {reason}") from None
    return data, st


def _decode(data: bytes, source: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DictionaryError(
            f"{source.name} is not UTF-8 text (byte {exc.start}); is it a Ding file?"
        ) from None


def file_sha256(source: Path) -> str:
    """SHA-256 of the regular file SOURCE (DictionaryError if it cannot be read)."""
    data, _ = _read_source(source)
    return hashlib.sha256(data).hexdigest()


def looks_like_ding(text: str) -> bool:
    """True if the first entry lines of TEXT are in the Ding format."""
    checked = good = 0
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        checked += 1
        good += " :: " in line
        if checked >= 50:
            break
    return checked > 0 and good * 10 >= checked * 9


# --- building ---------------------------------------------------------------------------------


def _keys_for(entry: DingEntry) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The ``de`` and ``en`` rows of one entry (duplicates folded to the best kind)."""
    german: dict[tuple[str, int, int], tuple[int, str | None]] = {}
    english: dict[tuple[str, int, int], tuple[int, str | None]] = {}
    line = entry.line
    subs = entry.subentries
    for sub in subs:
        form = sub.form_of is not None
        target = sub.form_of if sub.form_of is not None else sub.pos
        base_kind = KIND_FORM if form else KIND_HEADWORD
        for j, term in enumerate(sub.german):
            syn = (
                sub.form_synonyms[j] if form and j < len(sub.form_synonyms) else (0 if form else j)
            )
            for text, kind in _german_keys(term, base_kind):
                _put(german, text, target, syn, kind)
        english_base = len(subs[target].english) if form else len(sub.english)
        for j, term in enumerate(sub.english):
            syn = j if j < english_base else 0
            for text, kind in _english_keys(term, base_kind):
                _put(english, text, target, syn, kind)
    return (
        [(k, line, p, s, kind, exact) for (k, p, s), (kind, exact) in german.items()],
        [(k, line, p, s, kind, exact) for (k, p, s), (kind, exact) in english.items()],
    )


def _put(
    table: dict[tuple[str, int, int], tuple[int, str | None]],
    text: str,
    pos: int,
    syn: int,
    kind: int,
) -> None:
    if not text or text.count(" ") >= MAX_KEY_WORDS:
        return
    key = fold(text)
    lowered = lower_key(text)
    slot = (key, pos, syn)
    old = table.get(slot)
    if old is None or kind < old[0]:
        table[slot] = (kind, None if lowered == key else lowered)


def _german_keys(term: Term, kind: int) -> Iterable[tuple[str, int]]:
    yield term.headword, KIND_PREFIX if term.is_prefix else kind
    if term.placeholders:  # an inflected form stays a form without its placeholders
        yield term.bare(), KIND_BARE if kind == KIND_HEADWORD else kind
    for variant in term.hidden:
        yield variant, KIND_VARIANT


def _english_keys(term: Term, kind: int) -> Iterable[tuple[str, int]]:
    headword = term.headword
    yield headword, kind
    bare = term.bare() if term.placeholders else headword
    if bare.startswith("to "):
        bare = bare[3:]
    if bare != headword:
        yield bare, KIND_BARE if kind == KIND_HEADWORD else kind
    for variant in term.hidden:
        yield variant, KIND_VARIANT


def build_index(source: Path, index: Path, progress: Progress | None = None) -> IndexInfo:
    """Build INDEX from the Ding file SOURCE (always; see :func:`ensure_index`).

    Written to a temporary file beside INDEX and renamed over it at the end; on any failure
    the temporary file is removed and an existing INDEX stays as it was.
    """
    import sqlite3

    data, st = _read_source(source)
    digest = hashlib.sha256(data).hexdigest()
    text = _decode(data, source)
    del data
    if not looks_like_ding(text):
        raise DictionaryError(f"{source.name} does not look like a Ding dictionary file")
    lines = text.splitlines()
    del text
    total = len(lines) + max(1, len(lines) // 8)  # the last eighth: writing the key tables
    step = 2000
    try:
        index.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_temporaries(index)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{index.name}.", suffix=".tmp", dir=index.parent)
        os.close(fd)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DictionaryError(
            f"cannot write the dictionary index in {index.parent}: {reason}"
        ) from None
    tmp = Path(tmp_name)
    started = time.monotonic()
    try:
        db = sqlite3.connect(tmp)
        try:
            db.executescript(
                "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-32768;"
            )
            db.executescript(_SCHEMA)
            # Keys go to unsorted TEMP tables first (a temporary file of SQLite's own, not the
            # index) and into the index's WITHOUT ROWID tables in key order at the end: sorted
            # inserts fill the b-trees page by page, and memory stays flat.
            db.executescript(
                "CREATE TEMP TABLE de_new (key, line, pos, syn, kind, exact);"
                "CREATE TEMP TABLE en_new (key, line, pos, syn, kind, exact);"
            )
            entries = subentries = skipped = german_keys = english_keys = 0
            line_rows: list[tuple[int, str]] = []
            de_rows: list[tuple[Any, ...]] = []
            en_rows: list[tuple[Any, ...]] = []
            for number, line in enumerate(lines, start=1):
                try:
                    entry = parse_line(line, number)
                except DingFormatError:
                    skipped += 1
                    continue
                if entry is None:
                    continue
                entries += 1
                subentries += len(entry.subentries)
                line_rows.append((number, line))
                de, en = _keys_for(entry)
                de_rows += de
                en_rows += en
                if number % step == 0:
                    _flush(db, line_rows, de_rows, en_rows)
                    german_keys += len(de_rows)
                    english_keys += len(en_rows)
                    line_rows.clear()
                    de_rows.clear()
                    en_rows.clear()
                    if progress is not None:
                        progress(number, total)
            _flush(db, line_rows, de_rows, en_rows)
            german_keys += len(de_rows)
            english_keys += len(en_rows)
            del lines, line_rows, de_rows, en_rows
            db.execute("INSERT OR IGNORE INTO de SELECT * FROM de_new ORDER BY key, line, pos, syn")
            if progress is not None:
                progress(total - max(1, total // 16), total)
            db.execute("INSERT OR IGNORE INTO en SELECT * FROM en_new ORDER BY key, line, pos, syn")
            db.executescript("DROP TABLE de_new; DROP TABLE en_new;")
            built_at = datetime.now().astimezone().isoformat(timespec="seconds")
            meta = {
                "schema": SCHEMA_VERSION,
                "source": str(source),
                "sha256": digest,
                "size": str(st.st_size),
                "mtime_ns": str(st.st_mtime_ns),
                "entries": str(entries),
                "subentries": str(subentries),
                "german_keys": str(german_keys),
                "english_keys": str(english_keys),
                "skipped": str(skipped),
                "built_at": built_at,
                "build_seconds": f"{time.monotonic() - started:.1f}",
            }
            db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            db.commit()
            db.execute("PRAGMA journal_mode=DELETE")
        finally:
            db.close()
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, index)
        _fsync_dir(index.parent)
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        raise DictionaryError(f"cannot write the dictionary index {index}: {exc}") from None
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        reason = exc.strerror or str(exc)
        raise DictionaryError(f"cannot write the dictionary index {index}: {reason}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if progress is not None:
        progress(total, total)
    try:
        return read_info(index)
    except _Damaged as exc:  # pragma: no cover - we just wrote it
        raise DictionaryError(f"the new dictionary index {index} cannot be read: {exc}") from None


def _remove_stale_temporaries(index: Path, age: float = 3600.0) -> None:
    """Remove temporary files a killed build left behind (not a build running right now)."""
    now = time.time()
    for leftover in index.parent.glob(f".{index.name}.*.tmp"):
        try:
            if now - leftover.stat().st_mtime > age:
                leftover.unlink()
        except OSError:
            pass


def _flush(
    db: sqlite3.Connection,
    line_rows: list[tuple[int, str]],
    de_rows: list[tuple[Any, ...]],
    en_rows: list[tuple[Any, ...]],
) -> None:
    db.executemany("INSERT INTO lines VALUES (?, ?)", line_rows)
    db.executemany("INSERT INTO de_new VALUES (?, ?, ?, ?, ?, ?)", de_rows)
    db.executemany("INSERT INTO en_new VALUES (?, ?, ?, ?, ?, ?)", en_rows)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --- checking and opening ---------------------------------------------------------------------


def connect(index: Path) -> sqlite3.Connection:
    """A read-only connection to INDEX (raises _Damaged if SQLite cannot read it)."""
    import sqlite3

    try:
        st = os.stat(index)  # FileNotFoundError passes through
    except NotADirectoryError:  # a file where a folder of the path should be: no index
        raise FileNotFoundError(errno.ENOENT, "no dictionary index", str(index)) from None
    if not stat.S_ISREG(st.st_mode):
        raise _Damaged(f"{index.name} is not a regular file")
    try:
        db = sqlite3.connect(
            f"{index.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
        )
    except sqlite3.Error as exc:
        raise _Damaged(str(exc)) from None
    try:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        page_count = db.execute("PRAGMA page_count").fetchone()[0]
        if page_size * page_count != st.st_size:
            raise _Damaged(f"{st.st_size} bytes, but {page_count} pages of {page_size}")
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"meta", "lines", "de", "en"} <= tables:
            raise _Damaged("tables are missing")
    except sqlite3.Error as exc:
        db.close()
        raise _Damaged(str(exc)) from None
    except _Damaged:
        db.close()
        raise
    return db


def read_info(index: Path) -> IndexInfo:
    """The meta data of INDEX; FileNotFoundError if absent, _Damaged if unreadable."""
    import sqlite3

    db = connect(index)
    try:
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.Error as exc:
        raise _Damaged(str(exc)) from None
    finally:
        db.close()
    if any(key not in meta for key in _META_KEYS):
        raise _Damaged("the meta table is incomplete")
    try:
        return IndexInfo(
            path=index,
            source=meta["source"],
            sha256=meta["sha256"],
            size=int(meta["size"]),
            mtime_ns=int(meta["mtime_ns"]),
            entries=int(meta["entries"]),
            subentries=int(meta["subentries"]),
            german_keys=int(meta.get("german_keys", 0)),
            english_keys=int(meta.get("english_keys", 0)),
            skipped=int(meta.get("skipped", 0)),
            built_at=meta.get("built_at", ""),
            index_bytes=index.stat().st_size,
            schema=meta["schema"],
        )
    except ValueError as exc:
        raise _Damaged(f"bad meta value: {exc}") from None


def verify(index: Path) -> str | None:
    """A full integrity check of INDEX (slow-ish): None if sound, else what is wrong."""
    import sqlite3

    try:
        db = connect(index)
    except FileNotFoundError:
        return "the index does not exist"
    except _Damaged as exc:
        return str(exc)
    try:
        result = db.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        db.close()
    return None if result == "ok" else str(result)


def move_aside(index: Path) -> Path:
    """Rename a damaged INDEX to ``<name>.damaged-<time>`` and return the new path."""
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    target = index.with_name(f"{index.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = index.with_name(f"{index.name}.damaged-{stamp}-{n}")
    try:
        os.replace(index, target)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DictionaryError(
            f"the dictionary index {index} is damaged and cannot be moved: {reason}"
        ) from None
    return target


@dataclass(frozen=True)
class EnsureResult:
    """The index that is ready to use, and what had to be done for it."""

    info: IndexInfo
    built: bool = False
    reason: str = ""  #: why it was (re)built: "missing", "changed", "damaged", ...
    damaged_copy: Path | None = None


def is_current(info: IndexInfo, source: Path) -> bool | None:
    """True if INFO matches SOURCE by size and mtime, False if not, None if SOURCE is absent."""
    try:
        st = os.stat(source)
    except OSError:
        return None
    return (
        info.schema == SCHEMA_VERSION
        and info.source == str(source)
        and info.size == st.st_size
        and info.mtime_ns == st.st_mtime_ns
    )


def ensure_index(
    files: DictionaryFiles, progress: Progress | None = None, rebuild: bool = False
) -> EnsureResult:
    """An index that matches the current source, building it when needed.

    Raises DictionaryMissing when no Ding file is installed, DictionaryError when the source
    cannot be read or the index cannot be written. A damaged index is moved aside first.
    """
    source = files.require_source()
    if rebuild:
        return EnsureResult(build_index(source, files.index, progress), True, "requested")
    try:
        info = read_info(files.index)
    except FileNotFoundError:
        return EnsureResult(build_index(source, files.index, progress), True, "missing")
    except _Damaged:
        moved = move_aside(files.index)
        return EnsureResult(build_index(source, files.index, progress), True, "damaged", moved)
    if info.schema != SCHEMA_VERSION:
        return EnsureResult(build_index(source, files.index, progress), True, "outdated format")
    if info.source != str(source):
        return EnsureResult(build_index(source, files.index, progress), True, "other source")
    if is_current(info, source):
        return EnsureResult(info)
    data, st = _read_source(source)
    if hashlib.sha256(data).hexdigest() == info.sha256:
        _touch_meta(files.index, st)
        try:
            return EnsureResult(read_info(files.index))
        except _Damaged:  # pragma: no cover - read a moment ago
            pass
    return EnsureResult(build_index(source, files.index, progress), True, "changed")


def _touch_meta(index: Path, st: os.stat_result) -> None:
    """Record a new size/mtime for an unchanged checksum (best effort)."""
    import sqlite3

    try:
        db = sqlite3.connect(index)
        try:
            with db:
                db.execute("UPDATE meta SET value=? WHERE key='size'", (str(st.st_size),))
                db.execute("UPDATE meta SET value=? WHERE key='mtime_ns'", (str(st.st_mtime_ns),))
        finally:
            db.close()
    except sqlite3.Error:
        pass


def install(files: DictionaryFiles, file: Path, progress: Progress | None = None) -> EnsureResult:
    """Copy the Ding file FILE into the data folder and build the index from it."""
    data, _ = _read_source(file)
    text = _decode(data, file)
    if not looks_like_ding(text):
        raise DictionaryError(f"{file.name} does not look like a Ding dictionary file")
    del text
    target = files.installed
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(target, data)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DictionaryError(
            f"cannot install the dictionary into {target.parent}: {reason}"
        ) from None
    return EnsureResult(build_index(target, files.index, progress), True, "installed")


@dataclass(frozen=True)
class Status:
    """What `lagebild dictionary status` reports; nothing is built or changed for it."""

    source: Path | None
    index: Path
    info: IndexInfo | None
    current: bool | None  #: True: index matches the source; False: will be rebuilt; None: no index
    problem: str = ""  #: why the index cannot be used (damaged ...), else ""


def status(files: DictionaryFiles) -> Status:
    """The source, the index and whether it matches (by size and mtime, no hashing)."""
    source = files.source()
    try:
        info = read_info(files.index)
    except FileNotFoundError:
        return Status(source, files.index, None, None)
    except _Damaged as exc:
        return Status(source, files.index, None, None, f"damaged ({exc})")
    current = is_current(info, source) if source is not None else None
    return Status(source, files.index, info, bool(current) if source is not None else None)
