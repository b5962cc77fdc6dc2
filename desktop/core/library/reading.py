"""SQL that reads articles back: list rows, filters and sorts, and whole stored articles."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from desktop.core.library.records import ArticleRow, LibraryError, StoredArticle, UnknownArticle

SEP = "\x1f"
SORTS = {
    "date": "a.day {d}, a.id {d}",
    "added": "a.id {d}",
    "title": "a.title COLLATE NOCASE {d}, a.id",
    "site": "a.site COLLATE NOCASE {d}, a.day DESC",
    "translated": "(CAST(a.n_translated AS REAL) / MAX(a.n_sentences, 1)) {d}, a.id DESC",
    "terms": "a.n_hits {d}, a.id DESC",
}
ROW_SQL = (
    "SELECT a.id, a.title, a.site, a.author, a.date, a.url, a.path, a.added, a.n_sentences,"
    " a.n_translated, a.n_hits, (SELECT group_concat(tag, char(31)) FROM"
    " (SELECT tag FROM tags t WHERE t.article_id = a.id ORDER BY tag)),"
    " a.read, a.deleted, a.day FROM articles a"
)


def to_row(r: Sequence[Any]) -> ArticleRow:
    """An ArticleRow from a ROW_SQL result row."""
    tags = tuple(r[11].split(SEP)) if r[11] else ()
    return ArticleRow(
        id=r[0], title=r[1], site=r[2], author=r[3], date=r[4], url=r[5], path=r[6],
        added=r[7], sentences=r[8], translated=r[9], term_count=r[10], tags=tags,
        read=bool(r[12]), deleted=bool(r[13]), day=r[14],
    )  # fmt: skip


def row(conn: sqlite3.Connection, article_id: int) -> ArticleRow:
    """The list row of one article (UnknownArticle if there is none)."""
    r = conn.execute(ROW_SQL + " WHERE a.id = ?", (article_id,)).fetchone()
    if r is None:
        raise UnknownArticle(article_id)
    return to_row(r)


def list_rows(
    conn: sqlite3.Connection,
    *,
    site: str | None,
    since: str | None,
    until: str | None,
    term: int | None,
    tag: str | None,
    article_ids: list[int] | None,
    sort: str,
    descending: bool,
    include_deleted: bool,
) -> list[ArticleRow]:
    """Rows matching every filter given (TERM is a term id, ARTICLE_IDS a search result)."""
    if sort not in SORTS:
        raise LibraryError(f"unknown sort {sort!r}; use one of {', '.join(SORTS)}")
    where: list[str] = []
    params: list[object] = []
    if not include_deleted:
        where.append("a.deleted = 0")
    for clause, value in (
        ("a.site = ?", site),
        ("a.day >= ?", since),
        ("a.day <= ?", until),
        ("a.id IN (SELECT article_id FROM tags WHERE tag = ?)", tag),
        ("a.id IN (SELECT article_id FROM article_terms WHERE term = ?)", term),
    ):
        if value is not None and value != "":
            where.append(clause)
            params.append(value)
    if article_ids is not None:
        # Ids are ints from our own query: safe to inline, and no parameter limit applies.
        where.append(f"a.id IN ({','.join(str(int(i)) for i in article_ids) or 'NULL'})")
    order = SORTS[sort].format(d="DESC" if descending else "ASC")
    sql = f"{ROW_SQL} WHERE {' AND '.join(where) or '1'} ORDER BY {order}"
    return [to_row(r) for r in conn.execute(sql, params)]


def stored_article(conn: sqlite3.Connection, article_id: int) -> StoredArticle:
    """The article rebuilt (paragraphs, headings, sentences, source), translations, hits."""
    from desktop.core.documents.article import Article, Paragraph, Sentence, Source
    from desktop.core.terms import TermHit

    listed = row(conn, article_id)
    a = conn.execute(
        "SELECT b.text, name, encoding, size, language, source_title, site, date, author, url,"
        " description, extractor, warning, b.raw_html, path FROM articles"
        " JOIN bodies b ON b.article_id = id WHERE id = ?",
        (article_id,),
    ).fetchone()
    paras = conn.execute(
        'SELECT ord, pid, kind, start, "end" FROM paragraphs WHERE article_id = ? ORDER BY ord',
        (article_id,),
    ).fetchall()
    sents = conn.execute(
        'SELECT para, sid, start, "end", text FROM sentences WHERE article_id = ? ORDER BY ord',
        (article_id,),
    ).fetchall()
    trans = conn.execute(
        "SELECT sid, model_key, text FROM translations WHERE article_id = ? ORDER BY added, id",
        (article_id,),
    ).fetchall()
    hit_rows = conn.execute(
        'SELECT t.source, t.key, t.de, t.en, t.kind, h.sid, h.start, h."end", h.text, h.related'
        " FROM hits h JOIN terms t ON t.id = h.term WHERE h.article_id = ?"
        ' ORDER BY h.start, h."end", h.id',
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
        TermHit(
            src,
            key,
            de,
            tuple(en.split(SEP)) if en else (),
            kind,
            sid,
            s,
            e,
            text,
            tuple(related.split(",")) if related else (),
        )  # fmt: skip
        for src, key, de, en, kind, sid, s, e, text, related in hit_rows
    ]
    article = Article(text=a[0], paragraphs=paragraphs, source=source)
    return StoredArticle(article, translations, hits, listed, model_key)
