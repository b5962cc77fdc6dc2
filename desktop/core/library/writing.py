"""SQL that writes an article, its term hits and its translations (inside a transaction).

The callers (``Library``) open the transaction; each function here is a set of batched
statements (executemany) so that an article costs a handful of round trips, not one per
sentence or hit.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import re
import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop.core.library.lemmas import lemma_text

if TYPE_CHECKING:
    from desktop.core.documents.article import Article
    from desktop.core.terms import TermHit

SEP = "\x1f"  # joins English renderings and tags in one column (never in user text)
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


def insert_article(conn: sqlite3.Connection, article: Article, sha: str, added: str) -> int:
    """Insert the article row, its body, paragraphs and sentences; the new id."""
    src = article.source
    cur = conn.execute(
        "INSERT INTO articles (sha256, title, source_title, name, site, author, date, day,"
        " url, path, language, encoding, size, description, extractor, warning, added,"
        " n_sentences) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            sha, src.title or article.title, src.title, src.name, src.site, src.author,
            src.date, article_day(src.date, added), src.url, src.path, src.language,
            src.encoding, src.size, src.description, src.extractor, src.warning, added,
            len(article.sentences()),
        ),
    )  # fmt: skip
    article_id = int(cur.lastrowid or 0)
    conn.execute(
        "INSERT INTO bodies (article_id, text, raw_html) VALUES (?,?,?)",
        (article_id, article.text, src.raw_html),
    )
    conn.executemany(
        'INSERT INTO paragraphs (article_id, ord, pid, kind, start, "end") VALUES (?,?,?,?,?,?)',
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


def insert_hits(conn: sqlite3.Connection, article_id: int, hits: Sequence[TermHit]) -> None:
    """Store HITS (and their terms, forms and per-article counts) for the article."""
    from desktop.core.library.terms_index import term_forms

    terms = {h.key: h for h in hits}
    conn.executemany(
        "INSERT INTO terms (key, source, de, en, kind) VALUES (?,?,?,?,?) ON CONFLICT(key)"
        " DO UPDATE SET source = excluded.source, de = excluded.de, en = excluded.en,"
        " kind = excluded.kind",
        [(h.key, h.source, h.de, SEP.join(h.en), h.kind) for h in terms.values()],
    )
    ids: dict[str, int] = {}
    keys = list(terms)
    for start in range(0, len(keys), 500):  # SQLite's bound-parameter limit
        chunk = keys[start : start + 500]
        marks = ",".join("?" * len(chunk))
        ids.update(conn.execute(f"SELECT key, id FROM terms WHERE key IN ({marks})", chunk))
    forms = {(form, ids[h.key]) for h in hits for form in term_forms(h)}
    conn.executemany("INSERT OR IGNORE INTO term_forms (form, term) VALUES (?,?)", forms)
    conn.executemany(
        'INSERT INTO hits (article_id, sid, term, start, "end", text, related)'
        " VALUES (?,?,?,?,?,?,?)",
        [
            (article_id, h.sentence_id, ids[h.key], h.start, h.end, h.text, ",".join(h.related))
            for h in hits
        ],
    )
    per_term: dict[int, list[str]] = {}
    for h in sorted(hits, key=lambda h: (h.start, h.end)):
        per_term.setdefault(ids[h.key], []).append(h.sentence_id)
    conn.executemany(
        "INSERT INTO article_terms (term, article_id, n, sids) VALUES (?,?,?,?)",
        [(t, article_id, len(s), ",".join(dict.fromkeys(s))) for t, s in per_term.items()],
    )
    conn.execute("UPDATE articles SET n_hits = ? WHERE id = ?", (len(hits), article_id))


def delete_hits(conn: sqlite3.Connection, article_id: int) -> None:
    """Remove the article's hits and per-article counts (before storing new ones)."""
    conn.execute("DELETE FROM hits WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM article_terms WHERE article_id = ?", (article_id,))
    conn.execute("UPDATE articles SET n_hits = 0 WHERE id = ?", (article_id,))


def put_translations(
    conn: sqlite3.Connection,
    article_id: int,
    model_key: str,
    targets: dict[str, str],
    added: str,
) -> int:
    """Store TARGETS {sentence id: English} by MODEL_KEY; how many rows were new or changed.

    Ids the article does not have are ignored. The article's translated count follows.
    """
    known = {
        r[0] for r in conn.execute("SELECT sid FROM sentences WHERE article_id = ?", (article_id,))
    }
    rows = [
        (article_id, sid, model_key, text, added) for sid, text in targets.items() if sid in known
    ]
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


def purge_deleted(conn: sqlite3.Connection) -> int:
    """Delete removed articles for good, and terms no article mentions any more."""
    cur = conn.execute("DELETE FROM articles WHERE deleted = 1")  # cascades to the rest
    conn.execute(
        "DELETE FROM terms WHERE id NOT IN (SELECT term FROM article_terms)"
        " AND id NOT IN (SELECT term FROM hits)"
    )
    return cur.rowcount
