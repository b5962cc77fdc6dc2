"""find_terms with the real Ding dictionary: dictionary terms beside curated hits."""

from __future__ import annotations

import pytest

from desktop.core.documents.article import from_text
from desktop.core.terms import DICTIONARY, GLOSSARY, TermHit, find_terms
from tests.core.terms.texts import (
    BOOK_REVIEW,
    FOOTBALL_REPORT,
    HANDBALL_REPORT,
    POLICE_CYBER_COUP_NEWS,
    SECURITY_NEWS,
)

#: Dictionary terms per 1,000 words that sport and culture text may have (issue 12).
QUIET = 1.5


def _terms(text, bundled, dictionary):
    article = from_text(text)
    return article, find_terms(article, bundled, bundled.matcher(), dictionary)


def _dictionary_terms(terms: list[TermHit]) -> list[TermHit]:
    return [t for t in terms if t.source == DICTIONARY]


def test_security_news_gets_dictionary_terms_beside_curated_ones(bundled, real_dictionary):
    article, terms = _terms(SECURITY_NEWS, bundled, real_dictionary)
    found = {t.key for t in _dictionary_terms(terms)}
    # words of the text that the curated glossary lacks and Ding tags [mil.] or [jur.]
    assert {"ding:Kaserne", "ding:Stützpunkt", "ding:Unterhändler", "ding:Haftrichter"} <= found
    for term in terms:
        assert article.text[term.start : term.end] == term.text
        sentence = article.sentence(term.sentence_id)
        assert sentence.start <= term.start < term.end <= sentence.end
    base = next(t for t in terms if t.text == "Kasernen")
    assert (base.source, base.key, base.de, base.kind) == (
        DICTIONARY,
        "ding:Kaserne",
        "Kaserne",
        DICTIONARY,
    )
    assert "barracks" in base.en and len(base.en) <= 4
    assert terms == sorted(terms, key=lambda t: (t.start, t.end))


def test_curated_entries_win_for_the_same_words(bundled, real_dictionary):
    _, terms = _terms(SECURITY_NEWS, bundled, real_dictionary)
    curated = [(t.start, t.end) for t in terms if t.source == GLOSSARY]
    assert curated  # Soldaten, Waffenstillstand, Haubitzen ...
    for term in _dictionary_terms(terms):
        assert not any(s < term.end and term.start < e for s, e in curated), term
    # Waffenstillstand is in Ding as [mil.] too, but the curated entry takes it
    keys = {t.key for t in terms if t.text == "Waffenstillstand"}
    assert keys == {"waffenstillstand"}


def test_the_dictionary_does_not_bring_back_what_the_glossary_turned_down(bundled, real_dictionary):
    # "Front" (Ding: [mil.]) is an ambiguous curated term; here it lacks military context
    # in its own and the neighbouring sentences, so the glossary leaves it, and so must
    # the dictionary, even in a paragraph full of dictionary terms.
    text = (
        "Die Putschisten besetzten die Kasernen. Unterhändler verhandelten mit der Junta. "
        "Die Offiziere hielten die Stützpunkte. Danach gab es keine Front mehr."
    )
    _, terms = _terms(text, bundled, real_dictionary)
    assert "Front" not in [t.text for t in terms]
    assert {"ding:Putschist", "ding:Junta"} <= {t.key for t in _dictionary_terms(terms)}


def test_compound_heads_and_real_part_boundaries(bundled, real_dictionary):
    text = (
        "Die Putschisten besetzten die Kasernen und die Rebellenstützpunkte. "
        "Militärposten wurden verstärkt, die Offiziere verhandelten. "
        "Die Junta verschob die Wahltermine."
    )
    _, terms = _terms(text, bundled, real_dictionary)
    found = {t.text: t for t in _dictionary_terms(terms)}
    # a head Ding tags [mil.] (Stützpunkt), and a weak head with a military modifier
    assert found["Rebellenstützpunkte"].de == "Rebellenstützpunkt"
    assert found["Militärposten"].de == "Militärposten"
    # Wahl + Termine: Ding's [pol.] sense of Termin is one of nine, and no part is "Mine"
    assert "Wahltermine" not in found


@pytest.mark.parametrize(
    "text", [FOOTBALL_REPORT, HANDBALL_REPORT, BOOK_REVIEW], ids=["football", "handball", "book"]
)
def test_sport_and_culture_stay_quiet(bundled, real_dictionary, text):
    _, terms = _terms(text, bundled, real_dictionary)
    found = _dictionary_terms(terms)
    words = len(text.split())
    assert len(found) * 1000 / words <= QUIET, [t.text for t in found]


def test_a_military_metaphor_in_sport_is_no_term_but_in_security_news_it_is(
    bundled, real_dictionary
):
    # "Bombe" (Ding: [mil.]) in the football report: a metaphor in a paragraph without
    # other security words; beside other security words it is a term.
    _, sport = _terms(FOOTBALL_REPORT, bundled, real_dictionary)
    assert "Bombe" not in [t.text for t in _dictionary_terms(sport)]
    text = (
        "Die Putschisten zündeten vor den Kasernen eine Bombe. Die Junta ließ die "
        "Stützpunkte räumen, Unterhändler verhandelten mit den Offizieren."
    )
    _, news = _terms(text, bundled, real_dictionary)
    assert "Bombe" in [t.text for t in _dictionary_terms(news)]


def test_second_text_of_security_news(bundled, real_dictionary):
    _, terms = _terms(POLICE_CYBER_COUP_NEWS, bundled, real_dictionary)
    found = {t.key for t in _dictionary_terms(terms)}
    assert {"ding:Putschist", "ding:Junta", "ding:Haftstrafe"} <= found


def test_without_a_dictionary_only_curated_terms(bundled):
    article = from_text(SECURITY_NEWS)
    terms = find_terms(article, bundled, bundled.matcher())
    assert terms and {t.source for t in terms} == {GLOSSARY}
    hits = bundled.matcher().match(article)
    assert [(t.key, t.start) for t in terms] == [(h.entry_id, h.start) for h in hits]


def test_hits_given_by_the_caller_are_used(bundled, real_dictionary):
    article = from_text(SECURITY_NEWS)
    hits = bundled.matcher().match(article)
    assert find_terms(article, bundled, bundled.matcher(), real_dictionary, hits=hits) == (
        find_terms(article, bundled, bundled.matcher(), real_dictionary)
    )


def test_a_capitalised_adjective_in_a_name_is_no_term(bundled, real_dictionary):
    # Ding lists "Rote {m,f}; Roten {pl}" [pol.] (a red, the Reds): in "im Roten Meer" it is
    # the adjective of a name, in a paragraph dense with other dictionary terms.
    text = (
        "Die Putschisten flohen über das Rote Meer. Im Roten Meer kreuzten Fregatten, "
        "die Junta räumte die Kasernen und Stützpunkte."
    )
    _, terms = _terms(text, bundled, real_dictionary)
    found = [t.text for t in _dictionary_terms(terms)]
    assert "Kasernen" in found and "Rote" not in found and "Roten" not in found
