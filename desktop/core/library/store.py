"""The library store: one SQLite file of articles, sentences, translations and term hits.

``Library`` is the one entry point for the CLI and the window. Each article is written in
one transaction (a killed import loses at most the article in flight); reads and writes go
through one connection behind a lock, so the window's jobs may share one ``Library``.
The SQL lives in ``writing``/``reading``; searching, the term index, importing and
exporting in their own modules; the methods here are their front door.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.library import reading, schema, writing
from desktop.core.library.reading import SORTS
from desktop.core.library.records import (
    MARK_END,
    MARK_START,
    AddResult,
    ArticleRow,
    CoMention,
    ImportReport,
    LibraryError,
    LibraryStats,
    Mention,
    QueryError,
    SearchHit,
    StoredArticle,
    TermArticle,
    TermReport,
    TimelinePoint,
    UnknownArticle,
)
from desktop.core.library.writing import SEP, article_day, content_hash, now

if TYPE_CHECKING:
    from desktop.config import Paths
    from desktop.core.documents.article import Article
    from desktop.core.glossary.matching import Matcher
    from desktop.core.glossary.termbase import Termbase
    from desktop.core.terms import TermHit

__all__ = [
    "MARK_END",
    "MARK_START",
    "SORTS",
    "AddResult",
    "ArticleRow",
    "CoMention",
    "ImportReport",
    "Library",
    "LibraryError",
    "LibraryStats",
    "Mention",
    "QueryError",
    "SearchHit",
    "StoredArticle",
    "TermArticle",
    "TermReport",
    "TimelinePoint",
    "UnknownArticle",
    "article_day",
    "content_hash",
]

#: progress(done, total, item) for imports; progress(done, total) for batch translation.
ImportProgress = Callable[[int, int, str], None]
TranslateProgress = Callable[[int, int], None]


class Library:
    """All articles read: a SQLite store with full-text search and a term index.

    Open with ``Library.open(path)`` (or ``open_default(paths)``); ``notice`` is a one-line
    message when a damaged file was moved aside on opening, else None.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, notice: str | None) -> None:
        self._conn = conn
        self.path = path
        self.notice = notice
        self._lock = threading.RLock()

    # -- opening ------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> Library:
        """Open (creating or migrating) the library at PATH; LibraryError in one line.

        A file that is not a usable database is renamed ``<name>.damaged-<time>`` and a
        fresh library started; ``notice`` says so. Nothing is ever emptied in place.
        """
        path = Path(path)
        try:
            if not path.parent.is_dir():  # mkdir on an existing folder can still say EACCES
                path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(
                f"cannot create the library folder {path.parent}: {exc.strerror or exc}"
            ) from None
        notice = None
        try:
            conn = cls._connect(path)
        except sqlite3.DatabaseError as exc:
            if not schema.is_damage(exc):
                raise LibraryError(schema.storage_message(exc, path)) from None
            try:
                moved = schema.move_aside(path)
            except OSError as err:
                raise LibraryError(
                    f"the library {path} is damaged and cannot be moved aside: "
                    f"{err.strerror or err}"
                ) from None
            notice = (
                f"the library {path.name} was damaged; it was moved to {moved.name} "
                "and a new one started"
            )
            try:
                conn = cls._connect(path)
            except sqlite3.Error as err:
                raise LibraryError(schema.storage_message(err, path)) from None
        return cls(conn, path, notice)

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        conn = schema.connect(path)
        try:
            schema.migrate(conn)
            # quick_check reads every page (not the index contents): damage is found when
            # the library opens, where it can be moved aside, not halfway through a job.
            result = conn.execute("PRAGMA quick_check(1)").fetchone()
            if result is None or result[0] != "ok":
                raise sqlite3.DatabaseError(f"database disk image is malformed ({result})")
        except BaseException:
            conn.close()
            raise
        return conn

    @classmethod
    def open_default(cls, paths: Paths | None = None) -> Library:
        """The library at ``paths.library_db`` (from the environment when PATHS is None)."""
        from desktop.config import Paths

        return cls.open((paths or Paths.from_env()).library_db)

    def close(self) -> None:
        """Close the database (idempotent)."""
        with self._lock:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions -------------------------------------------------------------------

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all or nothing; database errors become LibraryError."""
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise self._error(exc) from None
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise self._error(exc) from None
                raise

    @contextlib.contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """Reads under the lock; database errors become LibraryError."""
        with self._lock:
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise self._error(exc) from None

    def _error(self, exc: sqlite3.Error) -> LibraryError:
        if isinstance(exc, sqlite3.ProgrammingError) and "closed" in str(exc):
            return LibraryError("the library is closed")
        if isinstance(exc, sqlite3.DatabaseError) and schema.is_damage(exc):
            return LibraryError(
                f"the library {self.path} is damaged ({exc}); it is moved aside the next "
                "time it is opened"
            )
        return LibraryError(schema.storage_message(exc, self.path))

    # -- adding -------------------------------------------------------------------------

    def find_duplicate(self, article: Article) -> int | None:
        """The id of a stored article with the same text, or None."""
        with self._read() as conn:
            found = conn.execute(
                "SELECT id FROM articles WHERE sha256 = ?", (content_hash(article),)
            ).fetchone()
        return int(found[0]) if found else None

    def add_article(
        self,
        article: Article,
        *,
        hits: Sequence[TermHit] | None = None,
        translations: dict[str, str] | None = None,
        model_key: str | None = None,
    ) -> AddResult:
        """Store ARTICLE (with its term HITS and any TRANSLATIONS) in one transaction.

        An article whose text is already stored is a duplicate: nothing new is written
        except translations not stored yet and, when it had been removed, its return.
        HITS None stores no hits (the importer and the window pass ``find_terms`` hits).
        """
        sha = content_hash(article)
        added = now()
        with self._write() as conn:
            found = conn.execute("SELECT id FROM articles WHERE sha256 = ?", (sha,)).fetchone()
            if found:
                article_id, duplicate = int(found[0]), True
                conn.execute("UPDATE articles SET deleted = 0 WHERE id = ?", (article_id,))
            else:
                article_id, duplicate = writing.insert_article(conn, article, sha, added), False
                if hits:
                    writing.insert_hits(conn, article_id, hits)
            if translations and model_key:
                writing.put_translations(conn, article_id, model_key, translations, added)
        return AddResult(article_id, duplicate)

    def replace_hits(self, article_id: int, hits: Sequence[TermHit]) -> None:
        """Store HITS as the article's term hits (after the glossary changed)."""
        with self._write() as conn:
            reading.row(conn, article_id)
            writing.delete_hits(conn, article_id)
            if hits:
                writing.insert_hits(conn, article_id, hits)

    # -- translations -------------------------------------------------------------------

    def store_translations(self, article_id: int, model_key: str, targets: dict[str, str]) -> int:
        """Store English TARGETS {sentence id: text} by MODEL_KEY; how many were new.

        Ids the article does not have are ignored; a sentence already translated by this
        model gets the new text.
        """
        with self._write() as conn:
            reading.row(conn, article_id)
            return writing.put_translations(conn, article_id, model_key, targets, now())

    def store_many(self, model_key: str, by_article: dict[int, dict[str, str]]) -> int:
        """``store_translations`` for several articles in one transaction; how many new.

        Articles purged in the meantime are skipped (a batch may outlive its article).
        """
        stamp, changed = now(), 0
        with self._write() as conn:
            for article_id, targets in by_article.items():
                if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone():
                    changed += writing.put_translations(conn, article_id, model_key, targets, stamp)
        return changed

    def untranslated(
        self, limit: int = 100, *, after: tuple[int, int] | None = None
    ) -> list[tuple[int, str, str]]:
        """Up to LIMIT sentences without any translation: (article id, sentence id, text).

        Newest article first, then document order: a batch that stopped (cancel, restart)
        picks up where it stopped because stored sentences drop out of the list. AFTER is
        a cursor: (article id, sentence position) of the last row already taken.
        """
        return [(a, sid, text) for a, _, sid, text in self.pending_sentences(limit, after=after)]

    def pending_sentences(
        self,
        limit: int,
        *,
        after: tuple[int, int] | None = None,
        language: str | None = None,
    ) -> list[tuple[int, int, str, str]]:
        """``untranslated`` with each row's position: (article id, position, id, text).

        LANGUAGE keeps only articles in that language (the engine's source language).
        """
        where = ""
        params: list[object] = []
        if after is not None:
            where = " AND (s.article_id < ? OR (s.article_id = ? AND s.ord > ?))"
            params = [after[0], after[0], after[1]]
        if language is not None:
            where += " AND a.language = ?"
            params.append(language)
        with self._read() as conn:
            rows = conn.execute(
                "SELECT s.article_id, s.ord, s.sid, s.text FROM sentences s"
                " JOIN articles a ON a.id = s.article_id WHERE a.deleted = 0"
                " AND a.n_translated < a.n_sentences AND NOT EXISTS (SELECT 1 FROM"
                " translations t WHERE t.article_id = s.article_id AND t.sid = s.sid)"
                f"{where} ORDER BY s.article_id DESC, s.ord LIMIT ?",
                (*params, max(0, limit)),
            ).fetchall()
        return [(int(a), int(o), str(sid), str(t)) for a, o, sid, t in rows]

    def count_untranslated(self, language: str | None = None) -> int:
        """How many sentences of listed articles (in LANGUAGE) have no translation."""
        with self._read() as conn:
            found = conn.execute(
                "SELECT coalesce(sum(n_sentences - n_translated), 0) FROM articles"
                " WHERE deleted = 0 AND (?1 IS NULL OR language = ?1)",
                (language,),
            ).fetchone()
        return int(found[0])

    def translate_pending(
        self,
        engine: Any,
        *,
        limit: int | None = None,
        progress: TranslateProgress | None = None,
        cancel: threading.Event | None = None,
        language: str | None = None,
        background: bool = False,
    ) -> int:
        """Translate stored sentences that have no translation yet (as a stream, stored as the
        results come, so a cancelled or killed run resumes where it stopped); see
        ``importer.translate_pending``."""
        from desktop.core.library import importer

        return importer.translate_pending(
            self,
            engine,
            limit=limit,
            progress=progress,
            cancel=cancel,
            language=language,
            background=background,
        )

    # -- reading ------------------------------------------------------------------------

    def row(self, article_id: int) -> ArticleRow:
        """The list row of one article (UnknownArticle if there is none)."""
        with self._read() as conn:
            return reading.row(conn, article_id)

    def get(self, article_id: int) -> StoredArticle:
        """The stored article rebuilt, with its latest translations and its term hits."""
        with self._read() as conn:
            return reading.stored_article(conn, article_id)

    def list_articles(
        self,
        *,
        site: str | None = None,
        since: str | None = None,
        until: str | None = None,
        term: str | None = None,
        tag: str | None = None,
        text: str | None = None,
        sort: str = "date",
        descending: bool = True,
        include_deleted: bool = False,
    ) -> list[ArticleRow]:
        """Article rows, filtered and sorted (SORTS names the orders).

        SINCE/UNTIL are ISO days (inclusive) on the article day; TERM is resolved like
        ``term()`` (no such term: no rows); TEXT is a search query (as ``search()``).
        """
        from desktop.core.library import search, terms_index

        since, until = _filter_day(since), _filter_day(until)
        with self._read() as conn:
            term_id = None
            if term is not None:
                term_id = terms_index.resolve_id(conn, term)
                if term_id is None:
                    return []
            ids = search.matching_articles(conn, text) if text is not None else None
            return reading.list_rows(
                conn, site=site, since=since, until=until, term=term_id, tag=tag,
                article_ids=ids, sort=sort, descending=descending,
                include_deleted=include_deleted,
            )  # fmt: skip

    def sites(self) -> list[tuple[str, int]]:
        """Sites with their article counts, most articles first (for a filter menu)."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT site, count(*) FROM articles WHERE deleted = 0 AND site IS NOT NULL"
                " GROUP BY site ORDER BY count(*) DESC, site"
            ).fetchall()
        return [(str(s), int(n)) for s, n in rows]

    def tags(self) -> list[tuple[str, int]]:
        """Tags with their article counts, by name."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT tag, count(*) FROM tags JOIN articles a ON a.id = article_id"
                " WHERE a.deleted = 0 GROUP BY tag ORDER BY tag"
            ).fetchall()
        return [(str(t), int(n)) for t, n in rows]

    # -- changing -----------------------------------------------------------------------

    def _set(self, article_id: int, column: str, value: int) -> None:
        with self._write() as conn:
            reading.row(conn, article_id)
            conn.execute(f"UPDATE articles SET {column} = ? WHERE id = ?", (value, article_id))

    def remove(self, article_id: int) -> None:
        """Soft-delete: the article leaves lists, searches and term views until restored."""
        self._set(article_id, "deleted", 1)

    def restore(self, article_id: int) -> None:
        """Undo ``remove``."""
        self._set(article_id, "deleted", 0)

    def purge(self) -> int:
        """Delete removed articles for good (with their sentences, hits, index rows)."""
        with self._write() as conn:
            return writing.purge_deleted(conn)

    def set_read(self, article_id: int, read: bool) -> None:
        """Mark the article read or unread."""
        self._set(article_id, "read", int(read))

    def set_tags(self, article_id: int, tags: Iterable[str]) -> None:
        """Replace the article's tags (trimmed; empty ones dropped)."""
        clean = sorted({" ".join(t.split()) for t in tags} - {""})
        if any(SEP in t for t in clean):
            raise LibraryError("a tag cannot contain control characters")
        with self._write() as conn:
            reading.row(conn, article_id)
            conn.execute("DELETE FROM tags WHERE article_id = ?", (article_id,))
            conn.executemany(
                "INSERT INTO tags (article_id, tag) VALUES (?, ?)",
                [(article_id, t) for t in clean],
            )

    # -- search, terms, import, export (own modules) -----------------------------------

    def search(self, query: str, *, language: str = "both", limit: int = 50) -> list[SearchHit]:
        """Sentences matching QUERY in German, English or both; see ``library.search``."""
        from desktop.core.library import search

        with self._read() as conn:
            return search.search(conn, query, language=language, limit=limit)

    def term(
        self, query: str, *, period: str = "day", termbase: Termbase | None = None
    ) -> TermReport | None:
        """A term across the library (by key or any German/English form), or None."""
        from desktop.core.library import terms_index

        with self._read() as conn:
            return terms_index.report(conn, query, period=period, termbase=termbase)

    def terms(self, limit: int = 100) -> list[CoMention]:
        """The terms in most articles (then most mentions), for a term list."""
        from desktop.core.library import terms_index

        with self._read() as conn:
            return terms_index.top_terms(conn, limit)

    def mentions(self, query: str, *, termbase: Termbase | None = None) -> list[Mention]:
        """Every mention of a term, oldest article first (empty when no term matches)."""
        from desktop.core.library import terms_index

        with self._read() as conn:
            return terms_index.mentions(conn, query, termbase=termbase)

    def import_paths(
        self,
        items: list[str],
        *,
        progress: ImportProgress | None = None,
        cancel: threading.Event | None = None,
        termbase: Termbase | None = None,
        matcher: Matcher | None = None,
        dictionary: Any | None = None,
        language: str = "de",
    ) -> ImportReport:
        """Import files, folders, URL lists and URLs; see ``importer.import_paths``."""
        from desktop.core.library import importer

        return importer.import_paths(
            self, items, progress=progress, cancel=cancel, termbase=termbase,
            matcher=matcher, dictionary=dictionary, language=language,
        )  # fmt: skip

    def export_term_csv(
        self, query: str, dest: Path | str, *, termbase: Termbase | None = None
    ) -> int:
        """Write a term's mentions as CSV to DEST; the number of rows."""
        from desktop.core.library import export

        return export.term_csv(self, query, Path(dest), termbase=termbase)

    def export_digest_html(self, article_ids: Sequence[int], dest: Path | str) -> int:
        """Write a bilingual HTML digest of the articles to DEST; the number of articles."""
        from desktop.core.library import export

        return export.digest_html(self, article_ids, Path(dest))

    # -- health -------------------------------------------------------------------------

    def stats(self) -> LibraryStats:
        """Counts and the size on disk."""
        with self._read() as conn:
            one = conn.execute(
                "SELECT count(*) FILTER (WHERE deleted = 0), count(*) FILTER (WHERE deleted = 1),"
                " coalesce(sum(n_sentences), 0), coalesce(sum(n_translated), 0),"
                " coalesce(sum(n_hits), 0), count(DISTINCT site) FROM articles"
            ).fetchone()
            terms = conn.execute("SELECT count(*) FROM terms").fetchone()[0]
        size = sum(
            p.stat().st_size
            for p in (self.path, self.path.with_name(self.path.name + "-wal"))
            if p.exists()
        )
        return LibraryStats(
            articles=one[0], deleted=one[1], sentences=one[2], translated=one[3],
            term_hits=one[4], terms=terms, sites=one[5], database_bytes=size,
        )  # fmt: skip

    def check(self) -> str | None:
        """Run SQLite's integrity check and the FTS5 index checks; a problem, or None."""
        with self._lock:
            conn = self._conn
            try:
                result = conn.execute("PRAGMA integrity_check").fetchone()[0]
                if result != "ok":
                    return str(result)
                for table in ("de_fts", "lemma_fts", "en_fts"):
                    conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as exc:
                return str(exc)
        return None


def _filter_day(text: str | None) -> str | None:
    """TEXT as YYYY-MM-DD; days are compared as text, so anything else would filter wrongly."""
    import datetime as dt

    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise QueryError(f"{text.strip()!r} is not a day; write it as YYYY-MM-DD") from None
