"""German-aware matching on small hand-made termbases."""

from __future__ import annotations

import pytest

from desktop.core.documents.article import from_text
from desktop.core.glossary.matching import Matcher
from desktop.core.glossary.termbase import Entry, Termbase


def E(id, de, category="weapon_class", variants=(), en="x"):  # noqa: N802 - short helper
    return Entry(id, de, en, category, de_variants=tuple(variants))


TB = Termbase(
    [
        E("drohne", "Drohne"),
        E("rakete", "Rakete"),
        E("waffe", "Waffe"),
        E("krieg", "Krieg", "concept"),
        E("ballistische_rakete", "ballistische Rakete"),
        E("militaergeheimdienst", "Militärgeheimdienst", "agency"),
        E("hur", "HUR", "agency", ["GUR", "Hauptverwaltung für Aufklärung"]),
        E("shahed_136", "Shahed-136", "weapon_system", ["Shahed 136"]),
        E("kn_23", "KN-23", "weapon_system"),
        E("tu_22m3", "Tu-22M3", "weapon_system"),
        E("nordkorea", "Nordkorea", "place"),
        E("land", "Land", "place"),
        E("asiatisch_pazifisch", "asiatisch-pazifischer Raum", "place"),
        E("eu", "Europäische Union", "organisation", ["EU"]),
        E("schwarzes_meer", "Schwarzes Meer", "place"),
        E("mad", "Militärischer Abschirmdienst", "agency", ["MAD"]),
    ]
)


@pytest.fixture(scope="module")
def matcher():
    return Matcher(TB)


def found(matcher, text):
    return [(h.text, h.entry_id) for h in matcher.match_text(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eine Drohne, zwei Drohnen.", [("Drohne", "drohne"), ("Drohnen", "drohne")]),
        ("mit ballistischen Raketen", [("ballistischen Raketen", "ballistische_rakete")]),
        ("eines ballistischen Rakete", [("ballistischen Rakete", "ballistische_rakete")]),
        ("des Militärgeheimdienstes", [("Militärgeheimdienstes", "militaergeheimdienst")]),
        ("des Krieges, im Kriege", [("Krieges", "krieg"), ("Kriege", "krieg")]),
        ("die Länder", [("Länder", "land")]),  # umlaut plural with -er
        ("Nordkoreas Raketen", [("Nordkoreas", "nordkorea"), ("Raketen", "rakete")]),
        (
            "in der asiatisch-pazifischen Raum",
            [("asiatisch-pazifischen Raum", "asiatisch_pazifisch")],
        ),
        # capitalised adjectives inside names decline too
        ("der Europäischen Union", [("Europäischen Union", "eu")]),
        ("des Schwarzen Meeres", [("Schwarzen Meeres", "schwarzes_meer")]),
        ("des Militärischen Abschirmdienstes", [("Militärischen Abschirmdienstes", "mad")]),
    ],
)
def test_inflection(matcher, text, expected):
    assert found(matcher, text) == expected


@pytest.mark.parametrize(
    ("text", "surface", "entry", "related"),
    [
        ("die Drohnenproduktion", "Drohnenproduktion", "drohne", ()),
        ("Langstreckenraketen", "Langstreckenraketen", "rakete", ()),
        ("Raketenabwehr", "Raketenabwehr", "rakete", ()),
        ("bis Kriegsende", "Kriegsende", "krieg", ()),
        ("Shahed-136-Drohnen", "Shahed-136-Drohnen", "shahed_136", ("drohne",)),
        ("KN-23-Raketen", "KN-23-Raketen", "kn_23", ("rakete",)),
        ("HUR-Chef", "HUR-Chef", "hur", ()),
    ],
)
def test_compounds(matcher, text, surface, entry, related):
    hits = matcher.match_text(text)
    assert [(h.text, h.entry_id, h.related) for h in hits] == [(surface, entry, related)]


def test_compound_flag(matcher):
    (compound,) = matcher.match_text("Drohnenangriffe")
    (plain,) = matcher.match_text("Drohnen")
    assert compound.compound and not plain.compound


@pytest.mark.parametrize(
    "text",
    [
        "Er aß eine Waffel.",  # not Waffe
        "Der Krieger schlief.",  # not Krieg
        "Wir kriegen das hin.",  # a verb, lower case
        "Die hur und Hur sind keine Abkürzung.",  # acronyms are case-sensitive
        "Die russisch-nordkoreanische Zusammenarbeit",  # derived adjective, not a compound
        "Eine Landung",  # derivation of Land
        "Er kam mit Tu und 22M3.",  # designator parts apart are not the designator
        "Die Europäische Kommission",  # only the whole name is the entry
        "Das Meer ist blau.",
    ],
)
def test_no_hits_in_unrelated_words(matcher, text):
    assert found(matcher, text) == []


def test_no_term_across_punctuation(matcher):
    assert found(matcher, "Die Lage ist ballistische. Raketen") == [("Raketen", "rakete")]
    assert found(matcher, "ballistische Raketen") == [
        ("ballistische Raketen", "ballistische_rakete")
    ]


def test_variants_and_acronyms(matcher):
    text = "Die GUR, also die Hauptverwaltung für Aufklärung, des HURs, und Shahed 136, Tu-22M3."
    assert found(matcher, text) == [
        ("GUR", "hur"),
        ("Hauptverwaltung für Aufklärung", "hur"),
        ("HURs", "hur"),
        ("Shahed 136", "shahed_136"),
        ("Tu-22M3", "tu_22m3"),
    ]


def test_overlap_prefers_longest_and_keeps_related(matcher):
    (hit,) = matcher.match_text("ballistische Raketen")
    assert hit.entry_id == "ballistische_rakete" and hit.related == ("rakete",)


def test_article_offsets_and_sentence_ids(matcher):
    art = from_text("Erster Satz ohne Begriff.\n\nDie HUR meldet Drohnen. Dann KN-23-Raketen.")
    hits = matcher.match(art)
    assert [(h.sentence_id, h.entry_id) for h in hits] == [
        ("p2s1", "hur"),
        ("p2s1", "drohne"),
        ("p2s2", "kn_23"),
    ]
    for hit in hits:
        assert art.text[hit.start : hit.end] == hit.text
        sentence = art.sentence(hit.sentence_id)
        assert sentence.start <= hit.start < hit.end <= sentence.end
    assert hits[0].start == art.text.find("HUR")
    assert hits == sorted(hits, key=lambda h: h.start)


def test_matcher_is_cached_per_termbase():
    tb = Termbase([E("drohne", "Drohne")])
    assert tb.matcher() is tb.matcher()
    before = tb.matcher()
    tb.add_user_entry(E("rakete", "Rakete"))
    assert tb.matcher() is not before
    assert found(tb.matcher(), "Raketen") == [("Raketen", "rakete")]
