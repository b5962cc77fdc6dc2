"""Persistent sentence-translation cache in SQLite (WAL mode).

Rows are keyed by the model key (package code + version + hash of the model files) and
the exact source sentence, so a new or changed model never sees old translations. A file
that is not a valid database is moved aside (``*.corrupt-<time>``) and rebuilt; if even
that fails the cache switches itself off and translation goes on without it. A cache
that is locked by another process, on a full disk or in an unwritable folder is left
alone: the cache is off for this session only.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from pathlib import Path

log = logging.getLogger(__name__)

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

    def __init__(self, path: Path):
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

    def _run(self, fn):
        """Run fn(conn) under the lock; a database error disables the cache, never raises."""
        with self._lock:
            if self._conn is None:
                return None
            try:
                return fn(self._conn)
            except sqlite3.DatabaseError as exc:
                log.warning("translation cache error, cache disabled: %s", exc)
                self._conn.close()
                self._conn = None
                return None

    # -- translations -------------------------------------------------------------------

    def get_many(self, model: str, sources: list[str]) -> dict[str, tuple[str, tuple[str, ...]]]:
        """Cached (target, flags) for those sources that have one."""
        unique = list(dict.fromkeys(sources))

        def query(conn):
            found = {}
            for i in range(0, len(unique), _CHUNK):
                part = unique[i : i + _CHUNK]
                marks = ",".join("?" * len(part))
                rows = conn.execute(
                    f"SELECT source, target, flags FROM translation "
                    f"WHERE model = ? AND source IN ({marks})",
                    [model, *part],
                )
                for source, target, flags in rows:
                    found[source] = (target, tuple(json.loads(flags)))
            return found

        return self._run(query) or {}

    def put_many(self, model: str, items: list[tuple[str, str, tuple[str, ...]]]) -> None:
        """Store (source, target, flags) rows for model."""
        now = time.time()
        rows = [(model, s, t, json.dumps(list(f)), now) for s, t, f in items]

        def write(conn):
            with conn:
                conn.executemany(
                    "INSERT OR REPLACE INTO translation VALUES (?, ?, ?, ?, ?)", rows
                )

        self._run(write)

    def count(self, model: str | None = None) -> int:
        """Number of cached sentences (for one model, or all)."""

        def query(conn):
            if model is None:
                return conn.execute("SELECT COUNT(*) FROM translation").fetchone()[0]
            sql = "SELECT COUNT(*) FROM translation WHERE model = ?"
            return conn.execute(sql, (model,)).fetchone()[0]

        return self._run(query) or 0

    # -- model file hashes (hashing 80 MB on every start would cost ~0.2 s) -------------

    def file_digest(self, path: Path, compute) -> str:
        """The digest of path, recomputed by compute(path) only when size/mtime changed."""
        st = path.stat()
        key = str(path.resolve())

        def lookup(conn):
            return conn.execute(
                "SELECT size, mtime_ns, digest FROM model_hash WHERE path = ?", (key,)
            ).fetchone()

        row = self._run(lookup)
        if row and row[0] == st.st_size and row[1] == st.st_mtime_ns:
            return row[2]
        digest = compute(path)

        def store(conn):
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
