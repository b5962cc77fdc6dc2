"""The library store: one SQLite file of articles, sentences, translations and term hits.

``Library`` is the one entry point for the CLI and the window. Each article is written in
one transaction (a killed import loses at most the article in flight); reads and writes go
through one connection behind a lock, so the window's jobs may share one ``Library``.
Searching, the term index, importing and exporting live in their own modules; the methods
here are their front door.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.library import schema
from desktop.core.library.lemmas import lemma_text
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

if TYPE_CHECKING:
    from desktop.config import Paths
    from desktop.core.documents.article import Article
    from desktop.core.glossary.matching import Matcher
    from desktop.core.glossary.termbase import Termbase
    from desktop.core.terms import TermHit

__all__ = [
    "MARK_END",
    "MARK_START",
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
    "translate_pending",
]

#: progress(done, total, item) for imports; progress(done, total) for batch translation.
ImportProgress = Callable[[int, int, str], None]
TranslateProgress = Callable[[int, int], None]

SEP = "\x1f"  # joins English renderings and tags in one column (never in user text)
SORTS = {
    "date": "a.day {d}, a.id {d}",
    "added": "a.id {d}",
    "title": "a.title COLLATE NOCASE {d}, a.id",
    "site": "a.site COLLATE NOCASE {d}, a.day DESC",
    "translated": "(CAST(a.n_translated AS REAL) / MAX(a.n_sentences, 1)) {d}, a.id DESC",
    "terms": "a.n_hits {d}, a.id DESC",
}
_ROW_SQL = (
    "SELECT a.id, a.title, a.site, a.author, a.date, a.url, a.path, a.added, a.n_sentences,"
    " a.n_translated, a.n_hits, (SELECT group_concat(tag, char(31)) FROM"
    " (SELECT tag FROM tags t WHERE t.article_id = a.id ORDER BY tag)),"
    " a.read, a.deleted, a.day FROM articles a"
)
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_GERMAN_DAY = re.compile(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})")


def content_hash(article: Article) -> str:
    """The duplicate test: SHA-256 of the extracted (normalised) text."""
    return hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()


def article_day(date: str | None, added: str) -> str:
    """YYYY-MM-DD for timelines and sorting: the article's date if readable, else ADDED's."""
    for pattern, order in ((_ISO_DAY, (0, 1, 2)), (_GERMAN_DAY, (2, 1, 0))):
        found = pattern.search(date or "")
        if found:
            y, m, d = (int(found.group(i + 1)) for i in order)
            with contextlib.suppress(ValueError):
                return dt.date(y, m, d).isoformat()
    return added[:10]


def now() -> str:
    """The current UTC time as an ISO timestamp (seconds)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _row(r: Sequence[Any]) -> ArticleRow:
    tags = tuple(r[11].split(SEP)) if r[11] else ()
    return ArticleRow(
        id=r[0], title=r[1], site=r[2], author=r[3], date=r[4], url=r[5], path=r[6],
        added=r[7], sentences=r[8], translated=r[9], term_count=r[10], tags=tags,
        read=bool(r[12]), deleted=bool(r[13]), day=r[14],
    )  # fmt: skip


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
            notice = f"the library {path.name} was damaged; it was moved to {moved.name} and a new one started"
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
            row = conn.execute(
                "SELECT id FROM articles WHERE sha256 = ?", (content_hash(article),)
            ).fetchone()
        return int(row[0]) if row else None

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
            row = conn.execute("SELECT id FROM articles WHERE sha256 = ?", (sha,)).fetchone()
            if row:
                article_id = int(row[0])
                conn.execute("UPDATE articles SET deleted = 0 WHERE id = ?", (article_id,))
                duplicate = True
            else:
                article_id = self._insert(conn, article, sha, added)
                if hits:
                    self._insert_hits(conn, article_id, hits)
                duplicate = False
            if translations and model_key:
                self._put_translations(conn, article_id, model_key, translations, added)
        return AddResult(article_id, duplicate)

    @staticmethod
    def _insert(conn: sqlite3.Connection, article: Article, sha: str, added: str) -> int:
        src = article.source
        cur = conn.execute(
            "INSERT INTO articles (sha256, title, source_title, name, site, author, date, day,"
            " url, path, language, encoding, size, description, extractor, warning, raw_html,"
            " text, added, n_sentences) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                sha, src.title or article.title, src.title, src.name, src.site, src.author, src.date,
                article_day(src.date, added), src.url, src.path, src.language,
                src.encoding, src.size, src.description, src.extractor, src.warning,
                src.raw_html, article.text, added, len(article.sentences()),
            ),
        )  # fmt: skip
        article_id = int(cur.lastrowid or 0)
        conn.executemany(
            'INSERT INTO paragraphs (article_id, ord, pid, kind, start, "end")'
            " VALUES (?,?,?,?,?,?)",
            [(article_id, i, p.id, p.kind, p.start, p.end) for i, p in enumerate(article.paragraphs)],
        )
        rows, order = [], 0
        for i, para in enumerate(article.paragraphs):
            for s in para.sentences:
                rows.append((article_id, i, order, s.id, s.start, s.end, s.text, lemma_text(s.text)))
                order += 1
        conn.executemany(
            'INSERT INTO sentences (article_id, para, ord, sid, start, "end", text, lemmas)'
            " VALUES (?,?,?,?,?,?,?,?)",
            rows,
        )
        return article_id

    @staticmethod
    def _insert_hits(conn: sqlite3.Connection, article_id: int, hits: Sequence[TermHit]) -> None:
        from desktop.core.library.terms_index import term_forms

        terms = {h.key: h for h in hits}
        conn.executemany(
            "INSERT INTO terms (key, source, de, en, kind) VALUES (?,?,?,?,?) ON CONFLICT(key)"
            " DO UPDATE SET source = excluded.source, de = excluded.de, en = excluded.en,"
            " kind = excluded.kind",
            [(h.key, h.source, h.de, SEP.join(h.en), h.kind) for h in terms.values()],
        )
        forms = {(form, h.key) for h in hits for form in term_forms(h)}
        conn.executemany("INSERT OR IGNORE INTO term_forms (form, key) VALUES (?,?)", forms)
        conn.executemany(
            'INSERT INTO hits (article_id, sid, key, start, "end", text) VALUES (?,?,?,?,?,?)',
            [(article_id, h.sentence_id, h.key, h.start, h.end, h.text) for h in hits],
        )
        counts: dict[str, int] = {}
        for h in hits:
            counts[h.key] = counts.get(h.key, 0) + 1
        conn.executemany(
            "INSERT INTO article_terms (key, article_id, n) VALUES (?,?,?)",
            [(key, article_id, n) for key, n in counts.items()],
        )
        conn.execute("UPDATE articles SET n_hits = ? WHERE id = ?", (len(hits), article_id))

    def replace_hits(self, article_id: int, hits: Sequence[TermHit]) -> None:
        """Store HITS as the article's term hits (after the glossary changed)."""
        with self._write() as conn:
            self._require(conn, article_id)
            conn.execute("DELETE FROM hits WHERE article_id = ?", (article_id,))
            conn.execute("DELETE FROM article_terms WHERE article_id = ?", (article_id,))
            self._insert_hits(conn, article_id, hits)

    # -- translations -------------------------------------------------------------------

    def store_translations(self, article_id: int, model_key: str, targets: dict[str, str]) -> int:
        """Store English TARGETS {sentence id: text} by MODEL_KEY; how many were new.

        Ids the article does not have are ignored; a sentence already translated by this
        model gets the new text.
        """
        with self._write() as conn:
            self._require(conn, article_id)
            return self._put_translations(conn, article_id, model_key, targets, now())

    @staticmethod
    def _put_translations(
        conn: sqlite3.Connection,
        article_id: int,
        model_key: str,
        targets: dict[str, str],
        added: str,
    ) -> int:
        known = {
            r[0] for r in conn.execute("SELECT sid FROM sentences WHERE article_id = ?", (article_id,))
        }
        rows = [(article_id, sid, model_key, text, added) for sid, text in targets.items() if sid in known]
        cur = conn.executemany(
            "INSERT INTO translations (article_id, sid, model_key, text, added)"
            " VALUES (?,?,?,?,?) ON CONFLICT(article_id, sid, model_key)"
            " DO UPDATE SET text = excluded.text, added = excluded.added"
            " WHERE text != excluded.text",
            rows,
        )
        changed = max(0, cur.rowcount)  # rows of this statement, not of its triggers
        conn.execute(
            "UPDATE articles SET n_translated = (SELECT count(DISTINCT sid) FROM translations"
            " WHERE article_id = ?1) WHERE id = ?1",
            (article_id,),
        )
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
        where, params = "", []
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
                " AND NOT EXISTS (SELECT 1 FROM translations t"
                " WHERE t.article_id = s.article_id AND t.sid = s.sid)"
                f"{where} ORDER BY s.article_id DESC, s.ord LIMIT ?",
                (*params, max(0, limit)),
            ).fetchall()
        return [(int(a), int(o), str(sid), str(t)) for a, o, sid, t in rows]

    def count_untranslated(self, language: str | None = None) -> int:
        """How many sentences of listed articles (in LANGUAGE) have no translation."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT coalesce(sum(n_sentences - n_translated), 0) FROM articles"
                " WHERE deleted = 0 AND (?1 IS NULL OR language = ?1)",
                (language,),
            ).fetchone()
        return int(row[0])

    def store_many(self, model_key: str, by_article: dict[int, dict[str, str]]) -> int:
        """``store_translations`` for several articles in one transaction; how many new.

        Articles purged in the meantime are skipped (a batch may outlive its article).
        """
        stamp, changed = now(), 0
        with self._write() as conn:
            for article_id, targets in by_article.items():
                if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone():
                    changed += self._put_translations(conn, article_id, model_key, targets, stamp)
        return changed

    def translate_pending(
        self,
        engine: Any,
        *,
        limit: int | None = None,
        progress: TranslateProgress | None = None,
        cancel: threading.Event | None = None,
        language: str | None = None,
    ) -> int:
        """Translate stored sentences that have no translation yet; see ``translate_pending``."""
        return translate_pending(
            self, engine, limit=limit, progress=progress, cancel=cancel, language=language
        )

    # -- reading ------------------------------------------------------------------------

    def _require(self, conn: sqlite3.Connection, article_id: int) -> None:
        if not conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone():
            raise UnknownArticle(article_id)

    def row(self, article_id: int) -> ArticleRow:
        """The list row of one article (UnknownArticle if there is none)."""
        with self._read() as conn:
            r = conn.execute(_ROW_SQL + " WHERE a.id = ?", (article_id,)).fetchone()
        if r is None:
            raise UnknownArticle(article_id)
        return _row(r)

    def get(self, article_id: int) -> StoredArticle:
        """The stored article rebuilt, with its latest translations and its term hits."""
        from desktop.core.documents.article import Article, Paragraph, Sentence, Source
        from desktop.core.terms import TermHit

        row = self.row(article_id)
        with self._read() as conn:
            a = conn.execute(
                "SELECT text, name, encoding, size, language, source_title, site, date, author, url,"
                " description, extractor, warning, raw_html, path FROM articles WHERE id = ?",
                (article_id,),
            ).fetchone()
            paras = conn.execute(
                'SELECT ord, pid, kind, start, "end" FROM paragraphs WHERE article_id = ?'
                " ORDER BY ord",
                (article_id,),
            ).fetchall()
            sents = conn.execute(
                'SELECT para, sid, start, "end", text FROM sentences WHERE article_id = ?'
                " ORDER BY ord",
                (article_id,),
            ).fetchall()
            trans = conn.execute(
                "SELECT sid, model_key, text FROM translations WHERE article_id = ?"
                " ORDER BY added, id",
                (article_id,),
            ).fetchall()
            hit_rows = conn.execute(
                'SELECT t.source, h.key, t.de, t.en, t.kind, h.sid, h.start, h.end, h.text'
                " FROM hits h JOIN terms t ON t.key = h.key WHERE h.article_id = ?"
                " ORDER BY h.start, h.end",
                (article_id,),
            ).fetchall()
        by_para: dict[int, list[Sentence]] = {}
        for para, sid, start, end, text in sents:
            by_para.setdefault(para, []).append(Sentence(sid, start, end, text))
        paragraphs = tuple(
            Paragraph(pid, kind, start, end, tuple(by_para.get(ord_, ())))
            for ord_, pid, kind, start, end in paras
        )
        source = Source(
            path=a[14], name=a[1], encoding=a[2], size=a[3], language=a[4], title=a[5],
            site=a[6], date=a[7], author=a[8], url=a[9], description=a[10],
            extractor=a[11], warning=a[12], raw_html=a[13],
        )  # fmt: skip
        # The latest model wins where several translated a sentence.
        translations: dict[str, str] = {}
        model_key = None
        for sid, key, text in trans:
            translations[sid] = text
            model_key = key
        hits = [
            TermHit(src, key, de, tuple(en.split(SEP)) if en else (), kind, sid, s, e, text)
            for src, key, de, en, kind, sid, s, e, text in hit_rows
        ]
        article = Article(text=a[0], paragraphs=paragraphs, source=source)
        return StoredArticle(article, translations, hits, row, model_key)

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
        if sort not in SORTS:
            raise LibraryError(f"unknown sort {sort!r}; use one of {', '.join(SORTS)}")
        where, params = ["1"], []
        if not include_deleted:
            where.append("a.deleted = 0")
        if site:
            where.append("a.site = ?")
            params.append(site)
        if since:
            where.append("a.day >= ?")
            params.append(since)
        if until:
            where.append("a.day <= ?")
            params.append(until)
        if tag:
            where.append("a.id IN (SELECT article_id FROM tags WHERE tag = ?)")
            params.append(tag)
        if term is not None:
            from desktop.core.library import terms_index

            with self._read() as conn:
                key = terms_index.resolve(conn, term)
            if key is None:
                return []
            where.append("a.id IN (SELECT article_id FROM article_terms WHERE key = ?)")
            params.append(key)
        if text is not None:
            from desktop.core.library import search

            with self._read() as conn:
                ids = search.matching_articles(conn, text)
            where.append(f"a.id IN ({','.join(str(i) for i in ids) or 'NULL'})")
        order = SORTS[sort].format(d="DESC" if descending else "ASC")
        with self._read() as conn:
            rows = conn.execute(
                f"{_ROW_SQL} WHERE {' AND '.join(where)} ORDER BY {order}", params
            ).fetchall()
        return [_row(r) for r in rows]

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
            self._require(conn, article_id)
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
            cur = conn.execute("DELETE FROM articles WHERE deleted = 1")
            conn.execute(
                "DELETE FROM terms WHERE key NOT IN (SELECT key FROM article_terms)"
            )
            conn.execute(
                "DELETE FROM term_forms WHERE key NOT IN (SELECT key FROM terms)"
            )
            return cur.rowcount

    def set_read(self, article_id: int, read: bool) -> None:
        """Mark the article read or unread."""
        self._set(article_id, "read", int(read))

    def set_tags(self, article_id: int, tags: Iterable[str]) -> None:
        """Replace the article's tags (trimmed; empty ones dropped)."""
        clean = sorted({" ".join(t.split()) for t in tags} - {""})
        if any(SEP in t for t in clean):
            raise LibraryError("a tag cannot contain control characters")
        with self._write() as conn:
            self._require(conn, article_id)
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

    def term(self, query: str, *, period: str = "day", termbase: Termbase | None = None) -> TermReport | None:
        """A term across the library (by key or any German/English form), or None."""
        from desktop.core.library import terms_index

        with self._read() as conn:
            return terms_index.report(conn, query, period=period, termbase=termbase)

    def terms(self, limit: int = 100) -> list[CoMention]:
        """The most mentioned terms (articles, mentions), for a term list."""
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

    def export_term_csv(self, query: str, dest: Path, *, termbase: Termbase | None = None) -> int:
        """Write a term's mentions as CSV to DEST; the number of rows."""
        from desktop.core.library import export

        return export.term_csv(self, query, dest, termbase=termbase)

    def export_digest_html(self, article_ids: Sequence[int], dest: Path) -> int:
        """Write a bilingual HTML digest of the articles to DEST; the number of articles."""
        from desktop.core.library import export

        return export.digest_html(self, article_ids, dest)

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


def translate_pending(
    library: Library,
    engine: Any,
    *,
    limit: int | None = None,
    progress: TranslateProgress | None = None,
    cancel: threading.Event | None = None,
    language: str | None = None,
) -> int:
    """Run untranslated library sentences through ENGINE; the number stored.

    See ``importer.translate_pending`` (results are stored as they stream in, so a
    cancelled or killed run resumes where it stopped).
    """
    from desktop.core.library import importer

    return importer.translate_pending(
        library, engine, limit=limit, progress=progress, cancel=cancel, language=language
    )
