"""The cross-article term index with the real termbase and matcher."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.library.records import QueryError
from desktop.core.library.terms_index import week_of


@pytest.fixture
def keys(termbase):
    def key(word: str) -> str:
        return termbase.lookup(word)[0].id

    return key


@pytest.fixture
def corpus(add):
    a = add(
        "Übung\n\nDie Bundeswehr testet Drohnen. Die Bundeswehr ist bereit.\n",
        date="2025-01-06",
    )
    b = add(
        "Lieferung\n\nDie Bundeswehr liefert IRIS-T SLM. Eine Drohne wurde abgeschossen.\n",
        date="2025-01-08",
    )
    c = add("Angriff\n\nIn der Nacht griffen Drohnen Odessa an.\n", date="2025-02-03")
    d = add("Ohne Datum\n\nDie Bundeswehr meldet nichts Neues.\n")
    return a, b, c, d


def test_term_report_counts_dates_timeline(lib, corpus, keys):
    a, b, c, d = corpus
    today = lib.row(d).day
    rep = lib.term("Bundeswehr")
    assert rep is not None and rep.key == keys("Bundeswehr") and rep.source == "glossary"
    counts = {x.article_id: x.count for x in rep.articles}
    assert counts == {a: 2, b: 1, d: 1} and rep.mentions == 4
    assert [x.article_id for x in rep.articles] == [d, b, a]  # newest day first
    assert rep.articles[-1].sentence_ids == ("p2s1", "p2s2")
    assert (rep.first_seen, rep.last_seen) == ("2025-01-06", today)
    assert [(p.period, p.mentions, p.articles) for p in rep.timeline] == [
        ("2025-01-06", 2, 1),
        ("2025-01-08", 1, 1),
        (today, 1, 1),
    ]
    weekly = lib.term("Bundeswehr", period="week")
    assert [(p.period, p.mentions, p.articles) for p in weekly.timeline] == [
        ("2025-W02", 3, 2),
        (week_of(today), 1, 1),
    ]


def test_co_mentions_ranked_by_shared_articles_then_mentions(lib, corpus, keys):
    rep = lib.term("Bundeswehr")
    ranked = [(m.key, m.articles) for m in rep.co_mentions]
    drone, iris = keys("Drohne"), keys("IRIS-T SLM")
    assert ranked[0] == (drone, 2)  # in a and b
    assert (iris, 1) in ranked
    assert rep.key not in {m.key for m in rep.co_mentions}
    other = lib.term("Drohne")
    assert other.mentions == 3 and len(other.articles) == 3
    assert other.co_mentions[0].key == keys("Bundeswehr")


@pytest.mark.parametrize("query", ["Drohnen", "drone", "drones", "DROHNE", "Drohne"])
def test_a_term_is_found_by_any_form(lib, corpus, keys, query):
    rep = lib.term(query)
    assert rep is not None and rep.key == keys("Drohne")


def test_term_by_key_and_with_a_termbase(lib, corpus, keys, termbase):
    assert lib.term(keys("IRIS-T SLM")).mentions == 1
    assert lib.term("unmanned aerial vehicle", termbase=termbase).key == keys("Drohne")


def test_unknown_and_empty_terms(lib, corpus):
    assert lib.term("Schokolade") is None
    assert lib.mentions("Schokolade") == []
    with pytest.raises(QueryError, match="the term is empty"):
        lib.term("  ")
    with pytest.raises(QueryError, match="unknown timeline period"):
        lib.term("Bundeswehr", period="year")


def test_removed_articles_leave_the_term_index(lib, corpus):
    a, b, c, d = corpus
    lib.remove(a)
    rep = lib.term("Bundeswehr")
    assert {x.article_id for x in rep.articles} == {b, d} and rep.first_seen == "2025-01-08"
    assert a not in {m.article_id for m in lib.mentions("Bundeswehr")}


def test_mentions_in_date_order_with_english(lib, corpus):
    a, b, _, d = corpus
    lib.store_translations(a, "m", {"p2s1": "The Bundeswehr tests drones."})
    rows = lib.mentions("Bundeswehr")
    assert [(m.article_id, m.sentence_id) for m in rows] == [
        (a, "p2s1"),
        (a, "p2s2"),
        (b, "p2s1"),
        (d, "p2s1"),
    ]
    assert rows[0].english == "The Bundeswehr tests drones." and rows[1].english is None
    assert rows[0].german == "Die Bundeswehr testet Drohnen." and rows[0].text == "Bundeswehr"


def test_top_terms_and_replace_hits(lib, corpus, keys):
    a, *_ = corpus
    top = lib.terms(3)
    assert {t.key for t in top[:2]} == {keys("Bundeswehr"), keys("Drohne")}
    lib.replace_hits(a, [])
    assert lib.row(a).term_count == 0
    assert a not in {x.article_id for x in lib.term("Bundeswehr").articles}
    assert lib.list_articles(term="Bundeswehr", sort="added", descending=False)[0].id != a


def test_week_of_uses_iso_weeks():
    assert week_of("2025-01-01") == "2025-W01"
    assert week_of("2024-12-30") == "2025-W01"
    assert week_of(dt.date(2021, 1, 3).isoformat()) == "2020-W53"


def test_co_mentions_of_a_common_term_come_from_its_latest_articles(lib, corpus, keys, monkeypatch):
    from desktop.core.library import terms_index

    full = lib.term("Bundeswehr")
    assert full.co_window == len(full.articles) == 3
    monkeypatch.setattr(terms_index, "CO_WINDOW", 2)  # the latest two: d (today) and b
    windowed = lib.term("Bundeswehr")
    assert windowed.co_window == 2 and len(windowed.articles) == 3
    shared = {m.key: m.articles for m in windowed.co_mentions}
    assert shared[keys("Drohne")] == 1  # only b of the two has drones (a is older)
    assert keys("IRIS-T SLM") in shared
