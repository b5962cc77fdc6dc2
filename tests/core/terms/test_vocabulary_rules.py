"""The dictionary-term rules on a small Ding file written for these tests."""

from __future__ import annotations

import pytest

from desktop.core.dictionary import Dictionary, build_index
from desktop.core.documents.article import from_text
from desktop.core.terms import DICTIONARY, GLOSSARY, TermHit
from desktop.core.terms.dictionary_terms import MIN_DENSITY, curated_keys, dictionary_terms
from desktop.core.terms.vocabulary import Vocabulary, vocabulary_for
from tests.core.dictionary.small_ding import write_ding

LINES = [
    "Kaserne {f} [mil.] | Kasernen {pl} :: barracks | barracks",
    "Stützpunkt {m} [mil.] | Stützpunkte {pl} :: base | bases",
    "Angriff {m} [mil.] | Angriffe {pl} :: attack | attacks",
    "Angriff {m} [sport] :: attack (ball games)",
    "Rakete {f} [mil.] | Raketen {pl} :: missile | missiles",
    "Region {f} [adm.] [geogr.] [pol.] | Regionen {pl} :: region | regions",
    "Putsch {m} [pol.] | Putsche {pl} :: coup; putsch | coups",
    "Termin {m} [pol.] :: engagement",
    "Termin {m} :: date",
    "Termin {m} :: appointment",
    "Termin {m} | Termine {pl} :: deadline | deadlines",
    "Wahl {f} [pol.] | Wahlen {pl} :: election | elections",
    "Regierung {f} [pol.] | Regierungen {pl} :: government /Gov./ | governments",
    "Posten {m} :: post",
    "Posten {m} [mil.] :: sentry",
    "Posten {m} :: item",
    "Posten {m} :: lot",
    "Militär {n} [mil.] :: military",
    "Gold {n} :: gold",
    "Mine {f} [mil.] | Minen {pl} :: mine | mines",
    "Mine {f} [min.] :: mine (pit)",
    "Rebell {m} | Rebellen {pl} :: rebel | rebels",
    "Kriminaldienst {m} (Polizei) [adm.] :: detective service",
    "abfangen {vt} | abfangend | abgefangen :: to intercept | intercepting | intercepted",
    "jdn. angreifen {vt} [mil.] :: to attack sb.",
    "Rote {m,f}; Roter [pol.] | Roten {pl}; Rote :: red; commie [coll.] | reds; commies",
]


@pytest.fixture(scope="module")
def vocabulary(tmp_path_factory):
    folder = tmp_path_factory.mktemp("small-ding")
    info = build_index(write_ding(folder / "de-en.txt", LINES), folder / "ding.sqlite")
    dictionary = Dictionary(info.path)
    yield Vocabulary(dictionary)
    dictionary.close()


def lemma(vocabulary, word):
    verdict = vocabulary.classify([word]).get(word)
    return verdict.lemma if verdict else None


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Kaserne", "Kaserne"),
        ("Kasernen", "Kaserne"),  # a listed plural points to its base
        ("Stützpunkts", "Stützpunkt"),  # a genitive the file does not list
        ("Putsch", "Putsch"),  # [pol.] alone counts
        ("Kriminaldienst", "Kriminaldienst"),  # (Polizei) in its context counts
    ],
)
def test_security_nouns_are_terms(vocabulary, word, expected):
    assert lemma(vocabulary, word) == expected


@pytest.mark.parametrize(
    ("word", "why"),
    [
        ("Angriff", "also a sport word"),
        ("Mine", "also a mining word"),
        ("Region", "[pol.] beside [adm.] and [geogr.]: the political use of an everyday word"),
        ("Termin", "one [pol.] sense against three others"),
        ("Termine", "its lemma's senses count, not only the line listing the plural"),
        ("Regierung", "an everyday word of all news"),
        ("Rebell", "no tag"),
        ("Gold", "no tag"),
        ("angreifen", "not a noun"),
        ("Angreifen", "not a noun, even capitalised"),
    ],
)
def test_other_words_are_not(vocabulary, word, why):
    assert lemma(vocabulary, word) is None, why


def test_compound_with_a_security_head(vocabulary):
    verdict = vocabulary.classify(["Rebellenstützpunkte"])["Rebellenstützpunkte"]
    assert (verdict.lemma, verdict.head) == ("Rebellenstützpunkt", "Stützpunkt")
    assert verdict.en[0] == "rebel base"  # "modifier head" in English, then the head
    assert "base" in verdict.en


def test_compound_with_a_weak_head_needs_a_security_modifier(vocabulary):
    assert lemma(vocabulary, "Raketenangriffe") == "Raketenangriff"  # Angriff: also sport
    assert lemma(vocabulary, "Militärregierung") == "Militärregierung"  # Regierung: everyday
    assert lemma(vocabulary, "Militärposten") == "Militärposten"
    assert lemma(vocabulary, "Goldminen") is None  # Gold is no security word
    assert lemma(vocabulary, "Wahlposten") is None


def test_compounds_split_only_at_real_part_boundaries(vocabulary):
    assert lemma(vocabulary, "Xylostützpunkt") is None  # "Xylo" is no word Ding knows
    assert lemma(vocabulary, "Abfangstützpunkt") == "Abfangstützpunkt"  # abfangen: a verb stem
    assert lemma(vocabulary, "Rebellen-Stützpunkt") == "Rebellen-Stützpunkt"


def test_words_that_are_never_looked_up(vocabulary):
    words = ["kaserne", "NATO", "Die", "Nach", "Kas", "Kaserne2", "McKaserne"]
    assert vocabulary.classify(words) == {}


def test_senses_are_cleaned_for_showing_and_checking(vocabulary):
    assert vocabulary.classify(["Putsch"])["Putsch"].en == ("coup", "putsch")
    verdict = vocabulary.classify(["Militärregierung"])["Militärregierung"]
    assert "government" in verdict.en and not any("/" in s for s in verdict.en)


def test_the_vocabulary_is_kept_per_open_dictionary(vocabulary):
    assert vocabulary_for(vocabulary.dictionary) is vocabulary_for(vocabulary.dictionary)


def _paragraph_terms(vocabulary, text, curated=frozenset()):
    return [t.text for t in dictionary_terms(from_text(text), vocabulary, [], curated)]


def test_terms_need_a_paragraph_dense_with_security_words(vocabulary):
    dense = "Die Rebellen griffen die Kasernen an. Der Putsch begann an den Stützpunkten."
    assert _paragraph_terms(vocabulary, dense) == ["Kasernen", "Putsch", "Stützpunkten"]
    filler = " ".join(["Das Spiel war lang und die Zuschauer waren müde."] * 12)
    sparse = f"{filler} Der Trainer sprach vom Putsch in der Kabine. {filler}"
    assert _paragraph_terms(vocabulary, sparse) == []
    # one security word in 200 is 5 per 1,000: far below the density needed
    assert MIN_DENSITY > 5


def test_a_neighbouring_paragraph_lends_its_density(vocabulary):
    text = "Die Kasernen und Stützpunkte fielen.\n\nDer Putsch war vorbei."
    assert _paragraph_terms(vocabulary, text) == ["Kasernen", "Stützpunkte", "Putsch"]


def test_glossary_words_are_left_to_the_glossary(vocabulary):
    text = "Die Kasernen und Stützpunkte und die Rebellenstützpunkte fielen."
    curated = curated_keys(["Stützpunkt", "Schwarzes Meer"])
    assert curated == frozenset({"stutzpunkt"})
    # neither the word nor a compound with it as head: the glossary decides about them
    assert _paragraph_terms(vocabulary, text, curated) == ["Kasernen"]


def _curated_hit(article, start, end):
    sentence = next(s for s in article.sentences() if s.start <= start < s.end)
    text = article.text[start:end]
    return TermHit(
        GLOSSARY, "kaserne", "Kaserne", ("barracks",), "concept", sentence.id, start, end, text
    )


def test_term_hits_carry_offsets_and_the_dictionary_source(vocabulary):
    text = "Vor den Kasernen stand ein Posten. Die Kasernen brannten."
    article = from_text(text)
    curated = [_curated_hit(article, 8, 16)]  # the first "Kasernen" is a curated hit here
    hits = dictionary_terms(article, vocabulary, curated)
    assert [(h.text, h.start, h.source, h.key, h.kind) for h in hits] == [
        ("Kasernen", text.rindex("Kasernen"), DICTIONARY, "ding:Kaserne", DICTIONARY)
    ]


def test_a_form_read_after_its_lemma_gets_the_lemma_reading(vocabulary):
    fresh = Vocabulary(vocabulary.dictionary)
    assert fresh.classify(["Mine"]) == {}
    # "Minen" is listed only under the [mil.] line; "Mine" (read first) is also mining
    assert fresh.classify(["Minen", "Goldminen"]) == {}


def test_an_adjective_used_as_a_noun_is_no_term(vocabulary):
    # "Rote {m,f}" [pol.] (a red); capitalised in "das Rote Meer" it is the adjective
    assert lemma(vocabulary, "Rote") is None
    assert lemma(vocabulary, "Roten") is None
