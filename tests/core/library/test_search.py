"""Full-text search: exact and lemma indexes, English, snippets, hostile queries."""

from __future__ import annotations

import pytest

from desktop.core.library import lemmas
from desktop.core.library.records import (
    MARK_END,
    MARK_START,
    LibraryError,
    QueryError,
    plain_snippet,
    snippet_parts,
)
from desktop.core.library.search import exact_query, lemma_query, parse

DEPOT = "Angriff auf Depot\n\nZwei Raketen trafen in der Nacht das Depot bei Charkiw.\n"
AIR = (
    "Neue Luftverteidigung\n\n"
    "Die Bundeswehr erhielt eine Rakete für das System IRIS-T SLM. "
    "Weitere Flugabwehrraketen folgen im Sommer.\n"
)
TANKS = "Panzer für Litauen\n\nDie Raketenwerfer und Kampfpanzer stehen schön bereit in Rukla.\n"


@pytest.fixture
def three(add):
    return add(DEPOT), add(AIR), add(TANKS)


def _found(lib, query, **kw):
    return {(h.article_id, h.sentence_id, h.how) for h in lib.search(query, **kw)}


def test_exact_word_with_marked_snippet(lib, three):
    depot, _, _ = three
    hits = lib.search("Raketen", language="de")
    exact = [h for h in hits if h.how == "exact"]
    assert [(h.article_id, h.sentence_id) for h in exact] == [(depot, "p2s1")]
    assert (
        exact[0].snippet
        == f"Zwei {MARK_START}Raketen{MARK_END} trafen in der Nacht das Depot bei Charkiw."
    )
    assert exact[0].title == "Angriff auf Depot" and exact[0].language == "de"
    assert snippet_parts(exact[0].snippet)[1] == ("Raketen", True)
    assert (
        plain_snippet(exact[0].snippet)
        == "Zwei [Raketen] trafen in der Nacht das Depot bei Charkiw."
    )


def test_lemma_index_finds_other_forms_and_compounds(lib, three):
    depot, air, tanks = three
    found = _found(lib, "Raketen", language="de")
    # Rakete (singular), Flugabwehrraketen (head), Raketenwerfer (first part) via lemmas.
    assert (air, "p2s1", "lemma") in found
    assert (air, "p2s2", "lemma") in found
    assert (tanks, "p2s1", "lemma") in found
    assert (depot, "p2s1", "exact") in found
    assert len(found) == 4
    singular = {(a, s) for a, s, _ in _found(lib, "Rakete")}
    assert (depot, "p2s1") in singular  # Raketen found by typing Rakete
    marked = next(h for h in lib.search("Rakete") if h.sentence_id == "p2s2")
    assert f"{MARK_START}Flugabwehrraketen{MARK_END}" in marked.snippet


def test_lower_case_query_for_a_noun(lib, three):
    _, air, _ = three
    assert (air, "p2s2") in {(a, s) for a, s, _ in _found(lib, "flugabwehrrakete")}


def test_exact_index_keeps_umlauts_lemma_index_folds_them(lib, three):
    _, _, tanks = three
    assert any(h.how == "exact" for h in lib.search("schön"))
    assert not [h for h in lib.search("schon") if h.how == "exact"]
    assert {h.article_id for h in lib.search("Rukla")} == {tanks}


def test_phrases_or_and_prefix(lib, three):
    depot, air, tanks = three
    assert {h.article_id for h in lib.search('"das Depot bei Charkiw"')} == {depot}
    assert lib.search('"Depot das"') == []
    assert {h.article_id for h in lib.search("Charkiw OR Rukla")} == {depot, tanks}
    assert {h.article_id for h in lib.search("Bundes*")} == {air}
    assert {h.article_id for h in lib.search("Zwei Charkiw")} == {depot}
    assert lib.search("Zwei Rukla") == []


def test_english_search_after_translation(lib, three):
    depot, air, _ = three
    lib.store_translations(
        depot, "m", {"p2s1": "Two missiles hit the depot near Kharkiv at night."}
    )
    hits = lib.search("missile", language="en")  # the Porter stemmer: missiles
    assert [(h.article_id, h.sentence_id, h.language) for h in hits] == [(depot, "p2s1", "en")]
    assert f"{MARK_START}missiles{MARK_END}" in hits[0].snippet
    assert lib.search("missile", language="de") == []
    both = lib.search("Kharkiv OR Charkiw")
    assert {(h.article_id, h.language) for h in both} == {(depot, "de"), (depot, "en")}
    # A new model's text replaces nothing else and is found at once (triggers).
    lib.store_translations(depot, "m", {"p2s1": "Two rockets struck the depot."})
    assert lib.search("missile", language="en") == []
    assert len(lib.search("rockets", language="en")) == 1


def test_removed_articles_are_not_found_until_restored(lib, three):
    depot, _, _ = three
    lib.remove(depot)
    assert depot not in {h.article_id for h in lib.search("Raketen")}
    lib.restore(depot)
    assert depot in {h.article_id for h in lib.search("Raketen")}
    lib.remove(depot)
    lib.purge()
    assert depot not in {h.article_id for h in lib.search("Raketen")}
    assert lib.check() is None


def test_limit_and_many_removed(lib, add):
    ids = [add(f"Meldung {i}\n\nDie Marine übt heute zum {i}. Mal.\n") for i in range(12)]
    for article_id in ids[-6:]:
        lib.remove(article_id)
    hits = lib.search("Marine", limit=5)
    assert len(hits) == 5 and {h.article_id for h in hits} <= set(ids[:6])
    assert len(lib.search("Marine", limit=100)) == 6


@pytest.mark.parametrize(
    "query",
    [
        '"Raketen',
        "Raketen)",
        "(Raketen",
        "NEAR(Raketen Depot)",
        "Raketen AND",
        "-Raketen",
        "Raketen^",
        "text:Raketen",
        "Rak*ten",
        "OR Raketen",
        "Raketen OR",
        "' OR 1=1 --",
        "{Raketen}",
    ],
)
def test_hostile_queries_are_text_not_syntax(lib, three, query):
    hits = lib.search(query)  # never an FTS5 syntax error
    assert all(isinstance(h.snippet, str) for h in hits)


@pytest.mark.parametrize("query", ["", "   ", '""', '"', "***", "- ( ) ^"])
def test_empty_query_is_one_clear_line(lib, query):
    with pytest.raises(QueryError) as info:
        lib.search(query)
    assert str(info.value) == "the search is empty: type a word to find"


def test_unknown_language(lib):
    with pytest.raises(LibraryError, match="unknown search language"):
        lib.search("x", language="fr")


def test_query_building():
    groups = parse('Raketen "nach Kiew" Bundes* OR Heer')
    assert exact_query(groups) == '("Raketen") AND ("nach Kiew") AND ("Bundes" * OR "Heer")'
    assert '"rakete" *' in lemma_query(groups)
    assert '"nach kiew"' in lemma_query(groups)


def test_a_word_repeated_is_searched_once():
    # FTS5's time grows with the square of repeats: 8,000 x "Drohnen" took 46 s.
    assert parse("Drohnen " * 8000) == parse("Drohnen")
    groups = parse("Heer OR Heer Marine Marine OR Heer")
    assert exact_query(groups) == '("Heer") AND ("Marine") AND ("Marine" OR "Heer")'


def test_lemma_text_keeps_order_and_adds_heads():
    text = lemmas.lemma_text("Zwei Flugabwehrraketen trafen Panzerhaubitzen.")
    words = text.split()
    assert words[:4] == ["zwei", "flugabwehrrakete", "treffen", "panzerhaubitze"]
    assert {"rakete", "haubitze"} <= set(words[4:])
    assert "bitze" not in words  # Panzerhau|bitze: the modifier is no word


def test_exact_before_lemma_and_newest_first(lib, add):
    old = add("Alt\n\nZwei Raketen am Montag.\n")
    lemma_only = add("Mitte\n\nEine Rakete am Dienstag.\n")
    new = add("Neu\n\nDrei Raketen am Mittwoch.\n")
    order = [(h.article_id, h.how) for h in lib.search("Raketen")]
    assert order == [(new, "exact"), (old, "exact"), (lemma_only, "lemma")]
