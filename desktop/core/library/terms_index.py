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


def candidates(
    conn: sqlite3.Connection, query: str, termbase: Termbase | None = None
) -> list[str]:
    """Keys QUERY may name, most mentioned first (empty when none is in the library)."""
    if not lemmas.words(query):
        raise QueryError("the term is empty: type a term, a German or an English word")
    exact = conn.execute("SELECT key FROM terms WHERE key = ?", (query.strip(),)).fetchone()
    if exact:
        return [str(exact[0])]
    forms = sorted(_query_forms(query))
    marks = ",".join("?" * len(forms))
    keys = {r[0] for r in conn.execute(f"SELECT key FROM term_forms WHERE form IN ({marks})", forms)}
    if termbase is not None:
        keys.update(entry.id for entry in termbase.lookup(query))
    if not keys:
        return []
    marks = ",".join("?" * len(keys))
    rows = conn.execute(
        f"SELECT at.key, sum(at.n) FROM article_terms at JOIN articles a ON a.id = at.article_id"
        f" WHERE at.key IN ({marks}) AND a.deleted = 0 GROUP BY at.key"
        " ORDER BY sum(at.n) DESC, at.key",
        sorted(keys),
    ).fetchall()
    return [str(r[0]) for r in rows]


def resolve(
    conn: sqlite3.Connection, query: str, termbase: Termbase | None = None
) -> str | None:
    """The one key QUERY names (the most mentioned of its candidates), or None."""
    found = candidates(conn, query, termbase)
    return found[0] if found else None


def week_of(day: str) -> str:
    """The ISO week ("2025-W07") of an ISO day."""
    year, week, _ = dt.date.fromisoformat(day).isocalendar()
    return f"{year}-W{week:02d}"


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
    keys = candidates(conn, query, termbase)
    if not keys:
        return None
    key = keys[0]
    term = conn.execute("SELECT source, de, en, kind FROM terms WHERE key = ?", (key,)).fetchone()
    rows = conn.execute(
        "SELECT h.article_id, a.title, a.site, a.date, a.day, count(*), group_concat(h.sid)"
        " FROM (SELECT article_id, sid FROM hits WHERE key = ?1 ORDER BY article_id, start) h"
        " JOIN articles a ON a.id = h.article_id WHERE a.deleted = 0"
        " GROUP BY h.article_id ORDER BY a.day DESC, a.id DESC",
        (key,),
    ).fetchall()
    articles = [
        TermArticle(aid, title, site, date, day, n, tuple(dict.fromkeys(sids.split(","))))
        for aid, title, site, date, day, n, sids in rows
    ]
    timeline = _timeline(articles, period)
    return TermReport(
        key=key,
        de=term[1],
        en=tuple(term[2].split(SEP)) if term[2] else (),
        source=term[0],
        kind=term[3],
        mentions=sum(a.count for a in articles),
        articles=articles,
        first_seen=min(a.day for a in articles),
        last_seen=max(a.day for a in articles),
        timeline=timeline,
        co_mentions=co_mentions(conn, key),
        period=period,
        alternatives=tuple(keys[1:]),
    )


def _timeline(articles: list[TermArticle], period: str) -> list[TimelinePoint]:
    buckets: dict[str, list[int]] = {}
    for art in articles:
        slot = art.day if period == "day" else week_of(art.day)
        mentions_articles = buckets.setdefault(slot, [0, 0])
        mentions_articles[0] += art.count
        mentions_articles[1] += 1
    return [TimelinePoint(p, m, a) for p, (m, a) in sorted(buckets.items())]


def co_mentions(conn: sqlite3.Connection, key: str, limit: int = CO_MENTIONS) -> list[CoMention]:
    """Terms in the same articles as KEY: most shared articles first, then most mentions."""
    rows = conn.execute(
        "SELECT o.key, t.de, t.en, t.source, count(*), sum(o.n) FROM article_terms k"
        " JOIN articles a ON a.id = k.article_id AND a.deleted = 0"
        " JOIN article_terms o ON o.article_id = k.article_id AND o.key != k.key"
        " JOIN terms t ON t.key = o.key WHERE k.key = ?"
        " GROUP BY o.key ORDER BY count(*) DESC, sum(o.n) DESC, o.key LIMIT ?",
        (key, limit),
    ).fetchall()
    return [
        CoMention(k, de, tuple(en.split(SEP)) if en else (), src, n_art, n)
        for k, de, en, src, n_art, n in rows
    ]


def top_terms(conn: sqlite3.Connection, limit: int = 100) -> list[CoMention]:
    """The terms in most articles (then most mentions), as CoMention records."""
    rows = conn.execute(
        "SELECT at.key, t.de, t.en, t.source, count(*), sum(at.n) FROM article_terms at"
        " JOIN articles a ON a.id = at.article_id AND a.deleted = 0"
        " JOIN terms t ON t.key = at.key"
        " GROUP BY at.key ORDER BY count(*) DESC, sum(at.n) DESC, at.key LIMIT ?",
        (limit,),
    ).fetchall()
    return [
        CoMention(k, de, tuple(en.split(SEP)) if en else (), src, n_art, n)
        for k, de, en, src, n_art, n in rows
    ]


def mentions(
    conn: sqlite3.Connection, query: str, *, termbase: Termbase | None = None
) -> list[Mention]:
    """Every mention of the term QUERY names: oldest article first, in text order.

    The English is the latest stored translation of the sentence, None when there is none.
    """
    key = resolve(conn, query, termbase)
    if key is None:
        return []
    rows = conn.execute(
        'SELECT h.article_id, a.day, a.title, a.site, h.sid, s.text, h.start, h.end, h.text,'
        " (SELECT t.text FROM translations t WHERE t.article_id = h.article_id"
        "  AND t.sid = h.sid ORDER BY t.added DESC, t.id DESC LIMIT 1)"
        " FROM hits h JOIN articles a ON a.id = h.article_id AND a.deleted = 0"
        " JOIN sentences s ON s.article_id = h.article_id AND s.sid = h.sid"
        " WHERE h.key = ? ORDER BY a.day, a.id, h.start",
        (key,),
    ).fetchall()
    return [
        Mention(aid, day, title, site, sid, german, english, start, end, text)
        for aid, day, title, site, sid, german, start, end, text, english in rows
    ]
