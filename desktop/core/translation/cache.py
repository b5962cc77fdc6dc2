"""Persistent sentence-translation cache in SQLite (WAL mode).

Rows are keyed by the model key (package code + version + hash of the model files) and
the exact source sentence, so a new or changed model never sees old translations. A file
that is not a valid database is moved aside (``*.corrupt-<time>``) and rebuilt; if even
that fails the cache switches itself off and translation goes on without it. A cache
that is locked by another process, on a full disk or in an unwritable folder is left
alone: the cache is off for this session only. A single damaged row (flags that are not a
JSON list of strings, a target that is not text) is deleted when it is read and counts as
a miss, so that sentence is translated again and stored anew.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
Entry = tuple[str, tuple[str, ...]]  # (target, flags)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translation (
    model TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    flags TEXT NOT NULL,
    created REAL NOT NULL,
    PRIMARY KEY (model, source)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS model_hash (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    digest TEXT NOT NULL
);
"""
_CHUNK = 500  # SQLite's default limit on host parameters is 999


class TranslationCache:
    """Thread-safe get/put of (target, flags) per (model key, source sentence)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self.moved_aside: Path | None = None  # where a corrupt file went, for the log/tests
        self._open()

    # -- opening and recovery -----------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, check_same_thread=False, timeout=5.0)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            row = conn.execute("PRAGMA quick_check").fetchone()
            if not row or row[0] != "ok":
                raise sqlite3.DatabaseError(f"quick_check: {row}")
            conn.executescript(_SCHEMA)
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn

    def _open(self) -> None:
        try:
            self._conn = self._connect()
            return
        except (OSError, sqlite3.OperationalError) as exc:
            # Locked by another Lagebild, disk full, read-only or unwritable folder: the
            # file itself is fine, so keep it and go on without a cache this time.
            log.warning("translation cache disabled: %s", exc)
            self._conn = None
            return
        except sqlite3.DatabaseError as exc:  # not a database, or it fails quick_check
            log.warning("translation cache %s is damaged (%s); rebuilding it", self.path, exc)
        self._move_aside()
        try:
            self._conn = self._connect()
        except (OSError, sqlite3.Error) as exc:  # e.g. read-only disk: go on without a cache
            log.warning("translation cache disabled: %s", exc)
            self._conn = None

    def _move_aside(self) -> None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        try:
            if self.path.exists():
                self.path.replace(target)
                self.moved_aside = target
            for suffix in ("-wal", "-shm"):
                side = self.path.with_name(self.path.name + suffix)
                if side.exists():
                    side.replace(target.with_name(target.name + suffix))
        except OSError as exc:
            log.warning("could not move the damaged cache aside: %s", exc)

    @property
    def enabled(self) -> bool:
        """False when the cache could not be opened (translation still works)."""
        return self._conn is not None

    def _run(self, fn: Callable[[sqlite3.Connection], T]) -> T | None:
        """Run fn(conn) under the lock; a database error disables the cache, never raises."""
        with self._lock:
            if self._conn is None:
                return None
            try:
                return fn(self._conn)
            except sqlite3.Error as exc:
                log.warning("translation cache error, cache disabled: %s", exc)
                self._conn.close()
                self._conn = None
                return None

    # -- translations -------------------------------------------------------------------

    def get_many(self, model: str, sources: list[str]) -> dict[str, Entry]:
        """Cached (target, flags) for those sources that have one.

        Damaged rows are deleted and left out (a miss), so their sentences are translated
        again; a source that SQLite cannot store (a lone surrogate) is always a miss.
        """
        unique = [s for s in dict.fromkeys(sources) if _storable(s)]
        damaged: list[str] = []

        def query(conn: sqlite3.Connection) -> dict[str, Entry]:
            found: dict[str, Entry] = {}
            for i in range(0, len(unique), _CHUNK):
                part = unique[i : i + _CHUNK]
                marks = ",".join("?" * len(part))
                rows = _raw_rows(
                    conn,
                    f"SELECT source, typeof(target), target, typeof(flags), flags "
                    f"FROM translation WHERE model = ? AND source IN ({marks})",
                    [model, *part],
                )
                for source, target_type, target, flags_type, flags in rows:
                    # The source matched one of ours byte for byte, so it decodes.
                    key = bytes(source).decode("utf-8")
                    entry = _entry(target_type, target, flags_type, flags)
                    if entry is None:
                        damaged.append(key)
                    else:
                        found[key] = entry
            return found

        found = self._run(query) or {}
        if damaged:
            log.warning("translation cache: dropping %d damaged row(s)", len(damaged))

            def drop(conn: sqlite3.Connection) -> None:
                with conn:
                    conn.executemany(
                        "DELETE FROM translation WHERE model = ? AND source = ?",
                        [(model, source) for source in damaged],
                    )

            self._run(drop)
        return found

    def put_many(self, model: str, items: list[tuple[str, str, tuple[str, ...]]]) -> None:
        """Store (source, target, flags) rows for model (rows SQLite cannot store are skipped)."""
        now = time.time()
        rows = [
            (model, s, t, json.dumps(list(f)), now)
            for s, t, f in items
            if _storable(s) and _storable(t) and all(_storable(x) for x in f)
        ]

        def write(conn: sqlite3.Connection) -> None:
            with conn:
                conn.executemany("INSERT OR REPLACE INTO translation VALUES (?, ?, ?, ?, ?)", rows)

        self._run(write)

    def count(self, model: str | None = None) -> int:
        """Number of cached sentences (for one model, or all)."""

        def query(conn: sqlite3.Connection) -> int:
            if model is None:
                return int(conn.execute("SELECT COUNT(*) FROM translation").fetchone()[0])
            sql = "SELECT COUNT(*) FROM translation WHERE model = ?"
            return int(conn.execute(sql, (model,)).fetchone()[0])

        return self._run(query) or 0

    # -- model file hashes (hashing 80 MB on every start would cost ~0.2 s) -------------

    def file_digest(self, path: Path, compute: Callable[[Path], str]) -> str:
        """The digest of path, recomputed by compute(path) only when size/mtime changed
        (or when the stored row is damaged: it is then replaced)."""
        st = path.stat()
        key = str(path.resolve())
        if not _storable(key):
            return compute(path)

        def lookup(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
            return _raw_rows(
                conn,
                "SELECT size, mtime_ns, typeof(digest), digest FROM model_hash WHERE path = ?",
                [key],
            )

        rows = self._run(lookup) or []
        if rows:
            size, mtime_ns, digest_type, stored = rows[0]
            text = _text(digest_type, stored)
            if size == st.st_size and mtime_ns == st.st_mtime_ns and text:
                return text
        digest = compute(path)

        def store(conn: sqlite3.Connection) -> None:
            with conn:
                conn.execute(
                    "INSERT OR REPLACE INTO model_hash VALUES (?, ?, ?, ?)",
                    (key, st.st_size, st.st_mtime_ns, digest),
                )

        self._run(store)
        return digest

    def close(self) -> None:
        """Close the database (idempotent)."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None


# -- reading rows that may be damaged --------------------------------------------------------


def _raw_rows(conn: sqlite3.Connection, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    """The rows of a query with TEXT values as raw bytes: a value that is not valid UTF-8
    (written by something else) cannot make the query itself fail."""
    previous = conn.text_factory
    conn.text_factory = bytes
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.text_factory = previous


def _text(sql_type: Any, value: Any) -> str | None:
    """A column value read by _raw_rows as str, or None unless it is valid UTF-8 text."""
    if sql_type != b"text" or not isinstance(value, bytes):
        return None
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _entry(target_type: Any, target: Any, flags_type: Any, flags: Any) -> Entry | None:
    """(target, flags) of a translation row, or None when the row is damaged."""
    text = _text(target_type, target)
    raw_flags = _text(flags_type, flags)
    if text is None or raw_flags is None:
        return None
    try:
        parsed = json.loads(raw_flags)
    except (ValueError, RecursionError):
        return None
    if not isinstance(parsed, list) or not all(isinstance(f, str) for f in parsed):
        return None
    return text, tuple(parsed)


def _storable(text: str) -> bool:
    """False for a str SQLite cannot store as UTF-8 (it holds a lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
