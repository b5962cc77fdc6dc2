"""The library's SQLite schema: forward migrations, connection settings, damage handling.

The version lives in a one-row table ``schema_version``. ``MIGRATIONS[i]`` takes a database
at version ``i`` to ``i + 1``; each step runs in one transaction with the version bump, so a
crash mid-migration leaves the old version intact. A step is SQL, or a Python function when
it needs Python (the lemma column is computed by the lemmatiser, not by SQL).

Full-text search follows Calibre's design: FTS5 tables with external content (the text is
stored once, in ``sentences``/``translations``), kept in step by triggers, so no writer can
forget to index. Tokenisers: the exact German index keeps diacritics (``remove_diacritics 0``:
"schon" is not "schön", "Bar" is not "Bär"); the lemma index, the forgiving one, folds them
("Strasse" finds "Straße" there); English uses the Porter stemmer ("missiles" -> "missile"),
its counterpart of the German lemma index.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from desktop.core.library.records import LibraryError

_V1 = """
CREATE TABLE articles (                   -- small rows: lists and term views read many
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,          -- of the extracted text: the duplicate test
    title TEXT NOT NULL,                  -- as listed: the source's title, else the heading
    source_title TEXT,                    -- Source.title as given (None for most files)
    name TEXT NOT NULL,
    site TEXT, author TEXT, date TEXT,
    day TEXT NOT NULL,                    -- YYYY-MM-DD: the article date, else the added day
    url TEXT, path TEXT,
    language TEXT NOT NULL, encoding TEXT NOT NULL, size INTEGER NOT NULL,
    description TEXT, extractor TEXT, warning TEXT,
    added TEXT NOT NULL,                  -- ISO timestamp, UTC
    read INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,   -- soft delete, so a removal can be undone
    n_sentences INTEGER NOT NULL DEFAULT 0,
    n_translated INTEGER NOT NULL DEFAULT 0,
    n_hits INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_day ON articles(day, id);
CREATE INDEX articles_site ON articles(site);
CREATE INDEX articles_removed ON articles(id) WHERE deleted = 1;  -- few: search skips them
CREATE TABLE bodies (                     -- the big columns, read when an article is opened
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    raw_html BLOB
);
CREATE TABLE paragraphs (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    pid TEXT NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    PRIMARY KEY (article_id, ord)
) WITHOUT ROWID;
CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    para INTEGER NOT NULL,                -- paragraphs.ord
    ord INTEGER NOT NULL,                 -- position in the article
    sid TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (article_id, sid)
);
CREATE UNIQUE INDEX sentences_order ON sentences(article_id, ord);
CREATE TABLE translations (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sid TEXT NOT NULL,
    model_key TEXT NOT NULL,
    text TEXT NOT NULL,
    added TEXT NOT NULL,
    UNIQUE (article_id, sid, model_key)
);
CREATE TABLE terms (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,             -- glossary entry id, or "ding:" + lemma
    source TEXT NOT NULL,                 -- glossary | dictionary
    de TEXT NOT NULL,
    en TEXT NOT NULL,                     -- English renderings joined by U+001F
    kind TEXT NOT NULL
);
CREATE TABLE term_forms (                 -- folded spellings a reader may type for a term
    form TEXT NOT NULL,
    term INTEGER NOT NULL REFERENCES terms(id) ON DELETE CASCADE,
    PRIMARY KEY (form, term)
) WITHOUT ROWID;
CREATE TABLE hits (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sid TEXT NOT NULL,
    term INTEGER NOT NULL REFERENCES terms(id),
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    related TEXT NOT NULL DEFAULT ''      -- curated: ids the hit also covers, comma-joined
);
CREATE INDEX hits_term ON hits(term, article_id);
CREATE INDEX hits_article ON hits(article_id);
CREATE TABLE article_terms (              -- hits counted per article: the term index
    term INTEGER NOT NULL REFERENCES terms(id),
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    sids TEXT NOT NULL,                   -- its sentence ids in document order, comma-joined
    PRIMARY KEY (term, article_id)
) WITHOUT ROWID;
CREATE INDEX article_terms_article ON article_terms(article_id, term, n);
CREATE TABLE tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (article_id, tag)
) WITHOUT ROWID;
CREATE INDEX tags_tag ON tags(tag);
"""

_V2_FTS = """
CREATE VIRTUAL TABLE de_fts USING fts5(
    text, content='sentences', content_rowid='id',
    tokenize='unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE lemma_fts USING fts5(
    lemmas, content='sentences', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE en_fts USING fts5(
    text, content='translations', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
    INSERT INTO de_fts(rowid, text) VALUES (new.id, new.text);
    INSERT INTO lemma_fts(rowid, lemmas) VALUES (new.id, new.lemmas);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
    INSERT INTO de_fts(de_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO lemma_fts(lemma_fts, rowid, lemmas) VALUES ('delete', old.id, old.lemmas);
END;
CREATE TRIGGER sentences_au AFTER UPDATE ON sentences BEGIN
    INSERT INTO de_fts(de_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO lemma_fts(lemma_fts, rowid, lemmas) VALUES ('delete', old.id, old.lemmas);
    INSERT INTO de_fts(rowid, text) VALUES (new.id, new.text);
    INSERT INTO lemma_fts(rowid, lemmas) VALUES (new.id, new.lemmas);
END;
CREATE TRIGGER translations_ai AFTER INSERT ON translations BEGIN
    INSERT INTO en_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER translations_ad AFTER DELETE ON translations BEGIN
    INSERT INTO en_fts(en_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER translations_au AFTER UPDATE ON translations BEGIN
    INSERT INTO en_fts(en_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO en_fts(rowid, text) VALUES (new.id, new.text);
END;
"""


def _v1(conn: sqlite3.Connection) -> None:
    _script(conn, _V1)


def _v2(conn: sqlite3.Connection) -> None:
    """Full-text search: the lemma column (filled in Python), FTS5 tables and triggers."""
    from desktop.core.library.lemmas import lemma_text

    conn.execute("ALTER TABLE sentences ADD COLUMN lemmas TEXT NOT NULL DEFAULT ''")
    rows = conn.execute("SELECT id, text FROM sentences").fetchall()
    conn.executemany(
        "UPDATE sentences SET lemmas = ? WHERE id = ?", [(lemma_text(t), i) for i, t in rows]
    )
    _script(conn, _V2_FTS)
    for table in ("de_fts", "lemma_fts", "en_fts"):
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")


def _script(conn: sqlite3.Connection, script: str) -> None:
    # executescript() would COMMIT first; a migration step must stay in one transaction.
    for statement in _statements(script):
        conn.execute(statement)


def _statements(script: str) -> list[str]:
    out, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            out.append(buffer.strip())
            buffer = ""
    return [s for s in out if s]


#: Forward migrations: MIGRATIONS[i] takes version i to i + 1. Append, never edit.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2]
VERSION = len(MIGRATIONS)


def version(conn: sqlite3.Connection) -> int:
    """The schema version of CONN's database (0 for a new, empty file)."""
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not has_table:
        return 0
    row = conn.execute("SELECT version FROM schema_version").fetchone()
    return int(row[0]) if row else 0


def migrate(conn: sqlite3.Connection, target: int = VERSION) -> int:
    """Bring CONN's database forward to TARGET; the version reached.

    A file from a newer Lagebild is left alone (LibraryError), never downgraded.
    """
    current = version(conn)
    if current > VERSION:
        raise LibraryError(
            f"the library was written by a newer Lagebild (schema {current}, this one "
            f"knows {VERSION}); it was left unchanged"
        )
    while current < target:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Read again under the write lock: another process (two `library add` at
            # once on a new library) may have migrated since the read above.
            current = version(conn)
            if current < target:
                MIGRATIONS[current](conn)
                conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
                conn.execute("DELETE FROM schema_version")
                conn.execute("INSERT INTO schema_version VALUES (?)", (current + 1,))
                current += 1
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return current


def connect(path: Path) -> sqlite3.Connection:
    """A connection with the library's settings (WAL, foreign keys, busy timeout).

    ``isolation_level=None``: transactions are explicit (``Library._write``), so each
    article is committed whole or not at all.
    """
    conn = sqlite3.connect(str(path), timeout=10.0, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
        if mode and str(mode[0]).lower() != "wal":
            conn.execute("PRAGMA journal_mode = DELETE")  # e.g. a file system without mmap
        # NORMAL in WAL mode survives a killed process (not a power cut): the price of
        # an fsync per article would be a 10x slower import.
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA temp_store = MEMORY")
    except BaseException:
        conn.close()
        raise
    return conn


def is_damage(exc: sqlite3.DatabaseError) -> bool:
    """True when EXC says the file is not a usable database (as opposed to locked or full)."""
    text = str(exc).lower()
    return isinstance(exc, sqlite3.DatabaseError) and any(
        marker in text for marker in ("not a database", "malformed", "file is encrypted", "corrupt")
    )


def move_aside(path: Path) -> Path:
    """Rename a damaged database (and its WAL/SHM files) to ``<name>.damaged-<time>``."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    dest = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while dest.exists():
        n += 1
        dest = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    path.rename(dest)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        with contextlib.suppress(FileNotFoundError):
            side.rename(dest.with_name(dest.name + suffix))
    return dest


def storage_message(exc: sqlite3.Error, path: Path) -> str:
    """One line for a database error the user can act on (read-only, full, locked)."""
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        return f"the library {path} is read-only; nothing was changed"
    if "full" in text:
        return f"the disk holding the library {path} is full; nothing more was stored"
    if "locked" in text or "busy" in text:
        return f"the library {path} is in use by another Lagebild; try again in a moment"
    if "unable to open" in text and path.is_dir():
        return f"the library {path} is a folder, not a library file; move it out of the way"
    if "unable to open" in text:
        return f"the library {path} cannot be opened (check the folder's permissions)"
    if "disk i/o" in text:
        return f"the library {path} could not be read or written (a disk error)"
    return f"library database error: {exc}"
