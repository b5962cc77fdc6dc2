"""The cross-article term index: a term's articles, mentions, timeline and company.

Term hits come from ``terms.find_terms`` (curated and dictionary terms) when an article is
stored; ``article_terms`` counts them per article, so the questions here read one row per
(term, article) rather than one per mention. A reader names a term by its key or by any
German or English form: the forms seen in the hits are stored folded (``term_forms``), and
a termbase, when given, adds its own lookup (inflected English, compounds).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import TYPE_CHECKING

from desktop.core.library import lemmas
from desktop.core.library.records import (
    CoMention,
    Mention,
    QueryError,
    TermArticle,
    TermReport,
    TimelinePoint,
)

if TYPE_CHECKING:
    from desktop.core.glossary.termbase import Termbase
    from desktop.core.terms import TermHit

SEP = "\x1f"
PERIODS = ("day", "week")
CO_MENTIONS = 20
#: Co-mentions are counted over a term's latest CO_WINDOW articles. Exact for all but the
#: commonest terms; for those ("Bundeswehr" in every other article) counting all would
#: read every term row of the library (100 ms and more at 10,000 articles), and the
#: recent company (weeks of reading) is the picture the reader wants anyway.
CO_WINDOW = 1000


def form_key(text: str) -> str:
    """TEXT folded for term lookup: its words, lower case, single-spaced."""
    return " ".join(lemmas.words(text)).casefold()


def lemma_key(text: str) -> str:
    """TEXT as the lemmas of its words (``Flugabwehrraketen`` -> ``flugabwehrrakete``)."""
    return " ".join(lemmas.lemma(w) for w in lemmas.words(text))


def term_forms(hit: TermHit) -> set[str]:
    """The folded forms under which HIT's term can be asked for."""
    forms = {hit.key.casefold()}
    for text in (hit.de, hit.text, *hit.en):
        forms.add(form_key(text))
        forms.add(lemma_key(text))
    forms.discard("")
    return forms


def _query_forms(query: str) -> set[str]:
    forms = {query.strip().casefold(), form_key(query), lemma_key(query)}
    words = lemmas.words(query)
    if len(words) == 1:
        forms.update(lemmas.query_lemmas(words[0]))
    # An English plural typed for a stored singular ("drones" -> "drone").
    for form in list(forms):
        for ending in ("es", "s"):
            if form.endswith(ending) and len(form) > len(ending) + 2:
                forms.add(form[: -len(ending)])
    forms.discard("")
    return forms


def candidates(conn: sqlite3.Connection, query: str, termbase: Termbase | None = None) -> list[int]:
    """Term ids QUERY may name, most mentioned first (empty when none is in the library)."""
    if not lemmas.words(query):
        raise QueryError("the term is empty: type a term, a German or an English word")
    exact = conn.execute("SELECT id FROM terms WHERE key = ?", (query.strip(),)).fetchone()
    if exact:
        return [int(exact[0])]
    forms = sorted(_query_forms(query))
    marks = ",".join("?" * len(forms))
    ids = {
        r[0] for r in conn.execute(f"SELECT term FROM term_forms WHERE form IN ({marks})", forms)
    }
    if termbase is not None:
        keys = [entry.id for entry in termbase.lookup(query)][:100]
        if keys:
            marks = ",".join("?" * len(keys))
            ids.update(
                r[0] for r in conn.execute(f"SELECT id FROM terms WHERE key IN ({marks})", keys)
            )
    if not ids:
        return []
    marks = ",".join(str(int(i)) for i in ids)
    rows = conn.execute(
        "SELECT at.term, sum(at.n) FROM article_terms at JOIN articles a ON a.id = at.article_id"
        f" WHERE at.term IN ({marks}) AND a.deleted = 0 GROUP BY at.term"
        " ORDER BY sum(at.n) DESC, at.term"
    ).fetchall()
    return [int(r[0]) for r in rows]


def resolve_id(
    conn: sqlite3.Connection, query: str, termbase: Termbase | None = None
) -> int | None:
    """The one term id QUERY names (the most mentioned of its candidates), or None."""
    found = candidates(conn, query, termbase)
    return found[0] if found else None


def week_of(day: str) -> str:
    """The ISO week ("2025-W07") of an ISO day."""
    year, week, _ = dt.date.fromisoformat(day).isocalendar()
    return f"{year}-W{week:02d}"


def _en(text: str) -> tuple[str, ...]:
    return tuple(text.split(SEP)) if text else ()


def report(
    conn: sqlite3.Connection,
    query: str,
    *,
    period: str = "day",
    termbase: Termbase | None = None,
) -> TermReport | None:
    """The term QUERY names across the library, or None when no article mentions it."""
    if period not in PERIODS:
        raise QueryError(f"unknown timeline period {period!r}; use day or week")
    ids = candidates(conn, query, termbase)
    if not ids:
        return None
    term = ids[0]
    key, source, de, en, kind = conn.execute(
        "SELECT key, source, de, en, kind FROM terms WHERE id = ?", (term,)
    ).fetchone()
    rows = conn.execute(
        "SELECT at.article_id, a.title, a.site, a.date, a.day, at.n, at.sids"
        " FROM article_terms at JOIN articles a ON a.id = at.article_id"
        " WHERE at.term = ? AND a.deleted = 0 ORDER BY a.day DESC, a.id DESC",
        (term,),
    ).fetchall()
    articles = [
        TermArticle(aid, title, site, date, day, n, tuple(sids.split(",")))
        for aid, title, site, date, day, n, sids in rows
    ]
    others = ",".join(str(i) for i in ids[1:])
    alternatives = [
        r[0] for r in conn.execute(f"SELECT key FROM terms WHERE id IN ({others or 'NULL'})")
    ]
    return TermReport(
        key=key,
        de=de,
        en=_en(en),
        source=source,
        kind=kind,
        mentions=sum(a.count for a in articles),
        articles=articles,
        first_seen=min(a.day for a in articles),
        last_seen=max(a.day for a in articles),
        timeline=_timeline(articles, period),
        co_mentions=co_mentions(conn, term, [a.article_id for a in articles[:CO_WINDOW]]),
        period=period,
        alternatives=tuple(alternatives),
        co_window=min(len(articles), CO_WINDOW),
    )


def _timeline(articles: list[TermArticle], period: str) -> list[TimelinePoint]:
    buckets: dict[str, list[int]] = {}
    weeks: dict[str, str] = {}
    for art in articles:
        if period == "day":
            slot = art.day
        else:
            slot = weeks.get(art.day) or weeks.setdefault(art.day, week_of(art.day))
        counts = buckets.setdefault(slot, [0, 0])
        counts[0] += art.count
        counts[1] += 1
    return [TimelinePoint(p, m, a) for p, (m, a) in sorted(buckets.items())]


def co_mentions(
    conn: sqlite3.Connection, term: int, article_ids: list[int], limit: int = CO_MENTIONS
) -> list[CoMention]:
    """Terms in ARTICLE_IDS (TERM's articles) other than TERM: most shared articles first,
    then most mentions."""
    if not article_ids:
        return []
    ids = ",".join(str(int(i)) for i in article_ids)  # our own ints: no parameter limit
    rows = conn.execute(
        "SELECT term, count(*) AS shared, sum(n) AS total FROM article_terms"
        f" WHERE article_id IN ({ids}) AND term != ? GROUP BY term"
        " ORDER BY shared DESC, total DESC, term LIMIT ?",
        (term, limit),
    ).fetchall()
    return _with_terms(conn, rows)


def _with_terms(conn: sqlite3.Connection, rows: list[tuple[int, int, int]]) -> list[CoMention]:
    if not rows:
        return []
    marks = ",".join(str(int(r[0])) for r in rows)
    info = {
        r[0]: r[1:]
        for r in conn.execute(f"SELECT id, key, de, en, source FROM terms WHERE id IN ({marks})")
    }
    return [
        CoMention(info[t][0], info[t][1], _en(info[t][2]), info[t][3], shared, total)
        for t, shared, total in rows
    ]


def top_terms(conn: sqlite3.Connection, limit: int = 100) -> list[CoMention]:
    """The terms in most articles (then most mentions), as CoMention records."""
    rows = conn.execute(
        "SELECT at.term, count(*) AS shared, sum(at.n) AS total FROM article_terms at"
        " JOIN articles a ON a.id = at.article_id AND a.deleted = 0"
        " GROUP BY at.term ORDER BY shared DESC, total DESC, at.term LIMIT ?",
        (limit,),
    ).fetchall()
    return _with_terms(conn, rows)


def mentions(
    conn: sqlite3.Connection, query: str, *, termbase: Termbase | None = None
) -> list[Mention]:
    """Every mention of the term QUERY names: oldest article first, in text order.

    The English is the latest stored translation of the sentence, None when there is none.
    """
    term = resolve_id(conn, query, termbase)
    if term is None:
        return []
    rows = conn.execute(
        'SELECT h.article_id, a.day, a.title, a.site, h.sid, s.text, h.start, h."end", h.text,'
        " (SELECT t.text FROM translations t WHERE t.article_id = h.article_id"
        "  AND t.sid = h.sid ORDER BY t.added DESC, t.id DESC LIMIT 1)"
        " FROM hits h JOIN articles a ON a.id = h.article_id AND a.deleted = 0"
        " JOIN sentences s ON s.article_id = h.article_id AND s.sid = h.sid"
        " WHERE h.term = ? ORDER BY a.day, a.id, h.start",
        (term,),
    ).fetchall()
    return [
        Mention(aid, day, title, site, sid, german, english, start, end, text)
        for aid, day, title, site, sid, german, start, end, text, english in rows
    ]
