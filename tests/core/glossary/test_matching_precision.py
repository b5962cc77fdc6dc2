"""Matching precision: compounds split only at real part boundaries; ambiguous terms need context."""

from __future__ import annotations

import pytest

from desktop.core.documents.article import from_text
from desktop.core.glossary.matching import Matcher, plausible_part
from desktop.core.glossary.termbase import Entry, GlossaryError, Termbase, entry_from_json


def E(id, de, category="weapon_class", variants=(), ambiguous=(), related=()):  # noqa: N802
    return Entry(
        id,
        de,
        "x",
        category,
        de_variants=tuple(variants),
        ambiguous=tuple(ambiguous),
        related=tuple(related),
    )


# --- compounds: only at real part boundaries ------------------------------------------------

PLAIN = Matcher(
    [
        E("mine", "Mine"),
        E("rakete", "Rakete"),
        E("drohne", "Drohne"),
        E("iran", "Iran", "place"),
        E("wahl", "Wahl", "concept"),
    ]
)


def found(matcher, text):
    return [(h.text, h.entry_id) for h in matcher.match_text(text)]


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Die Wahltermine stehen fest.", "mine"),  # Wahl + Termine, not Wahlter + Mine
        ("Die Iranistik lehrt Sprachen.", "iran"),  # -istik is no word of its own
    ],
)
def test_no_hit_where_the_rest_is_no_word(text, wrong):
    assert wrong not in [e for _, e in found(PLAIN, text)]


def test_wahltermine_is_wahl_plus_termine():
    # the real boundary gives the real part: Wahl (an entry here) + Termine
    assert found(PLAIN, "Die Wahltermine stehen fest.") == [("Wahltermine", "wahl")]


@pytest.mark.parametrize(
    ("word", "entry"),
    [
        ("Panzerminen", "mine"),
        ("Tretminen", "mine"),  # treten: a verb stem
        ("Antipersonenminen", "mine"),  # Anti + Personen: two known parts
        ("Langstreckenraketen", "rakete"),  # Langstrecke + linking n
        ("Präzisionsraketen", "rakete"),  # Präzision + linking s
        ("Abfangdrohnen", "drohne"),  # abfangen
        ("Großraketen", "rakete"),  # ß in the modifier
        ("Drohnenabwehrsystem", "drohne"),  # the rest is itself a compound
        ("Raketenangriffe", "rakete"),
    ],
)
def test_real_compounds_still_match(word, entry):
    assert found(PLAIN, word) == [(word, entry)]


def test_plausible_part_rule():
    assert plausible_part("wahl", first=True)
    assert plausible_part("kriegs", first=True)  # linking s
    assert plausible_part("marschflug", first=True)  # two parts
    assert not plausible_part("wahlter", first=True)
    assert not plausible_part("istik", first=False)
    # a linking element or verb stem only makes a first part
    assert plausible_part("termine", first=False)
    assert plausible_part("abfang", first=True)
    assert not plausible_part("abfang", first=False)


# --- ambiguous terms need context -------------------------------------------------------------

AMBIGUOUS = Termbase(
    [
        E("mine", "Landmine", variants=("Mine",), ambiguous=("Mine",)),
        E("puma", "Schützenpanzer Puma", "weapon_system", ("Puma",), ("Puma",)),
        E(
            "wagner",
            "Wagner-Gruppe",
            "force",
            ("Wagner",),
            ("Wagner",),
            related=("prigoschin",),
        ),
        E("prigoschin", "Jewgeni Prigoschin", "person", ("Prigoschin",)),
        E("marschflugkoerper", "Marschflugkörper"),
        E("taurus", "Taurus", "weapon_system", ambiguous=("Taurus",)),
        E("panzer", "Panzer"),
        E("offensive", "Offensive", "concept"),
        E("stuttgart", "Stuttgart", "place"),
    ]
)


def article_hits(text):
    return [(h.text, h.entry_id) for h in AMBIGUOUS.matcher().match(from_text(text))]


@pytest.mark.parametrize(
    "text",
    [
        "Eine Mine für Bleistifte ist weich.",
        "Musik von Richard Wagner dröhnte.",
        "Die Fans in ihren neuen Puma-Trikots pfiffen.",
        "Für Literaturfreunde ist die Übersetzung eine wahre Goldmine.",
        # a place and a general concept are no military context
        "In Stuttgart wirkte die Offensive ideenlos. Die Fans trugen Puma-Schuhe.",
    ],
)
def test_ambiguous_term_without_context_is_no_hit(text):
    assert [e for _, e in article_hits(text) if e in ("mine", "puma", "wagner")] == []


def test_context_in_the_same_or_a_neighbouring_sentence():
    assert article_hits("Eine Mine traf den Panzer.") == [("Mine", "mine"), ("Panzer", "panzer")]
    assert article_hits("Eine Mine explodierte. Der Panzer brannte aus.") == [
        ("Mine", "mine"),
        ("Panzer", "panzer"),
    ]
    # two sentences away, or in the next paragraph, is too far
    assert article_hits("Eine Mine explodierte. Es war laut. Der Panzer brannte.") == [
        ("Panzer", "panzer")
    ]
    assert article_hits("Eine Mine explodierte.\n\nDer Panzer brannte.") == [("Panzer", "panzer")]


def test_a_related_entry_gives_context_whatever_its_category():
    assert article_hits("Prigoschin gründete Wagner.") == [
        ("Prigoschin", "prigoschin"),
        ("Wagner", "wagner"),
    ]


def test_the_other_part_of_the_written_word_gives_context():
    assert article_hits("Berlin liefert keine Taurus-Marschflugkörper.") == [
        ("Taurus-Marschflugkörper", "taurus")
    ]


def test_unambiguous_forms_need_no_context():
    assert article_hits("Die Landminen und der Schützenpanzer Puma.") == [
        ("Landminen", "mine"),
        ("Schützenpanzer Puma", "puma"),
    ]


def test_match_text_alone_needs_context_in_that_text():
    matcher = AMBIGUOUS.matcher()
    assert [h.entry_id for h in matcher.match_text("Der Puma fuhr vor.")] == []
    assert [h.entry_id for h in matcher.match_text("Der Puma und der Panzer.")] == [
        "puma",
        "panzer",
    ]


def test_lookup_still_finds_an_ambiguous_term():
    assert [e.id for e in AMBIGUOUS.lookup("Puma")] == ["puma"]


def test_ambiguous_must_name_a_german_term_of_the_entry():
    obj = {"id": "mine", "de": "Landmine", "en": "mine", "category": "weapon_class"}
    entry = entry_from_json({**obj, "de_variants": ["Mine"], "ambiguous": ["Mine"]}, "test")
    assert entry.ambiguous == ("Mine",) and entry.to_json()["ambiguous"] == ["Mine"]
    assert "ambiguous" not in entry_from_json(obj, "test").to_json()
    with pytest.raises(GlossaryError, match="'ambiguous' lists 'Puma'"):
        entry_from_json({**obj, "ambiguous": ["Puma"]}, "test")


def test_bundled_termbase_sport_and_culture_sentences_stay_quiet():
    matcher = Termbase.load_default().matcher()
    for text in (
        "Der SWR übertrug einen Mitschnitt im Radio.",
        "Im Hintergrund dröhnt Musik von Richard Wagner.",
        "Die Fans in ihren neuen Puma-Trikots pfiffen zur Pause.",
        "Die Front der Verschwörer bricht danach schnell auseinander.",
        "Die Wahltermine für den Landtag stehen fest.",
        "Heerscharen von Touristen strömten in die Altstadt.",
    ):
        assert matcher.match(from_text(text)) == [], text


def test_bundled_termbase_ambiguous_terms_in_military_context():
    matcher = Termbase.load_default().matcher()
    art = from_text(
        "Der SWR, Russlands Auslandsgeheimdienst, warb Agenten an. "
        "Die Bundeswehr erhält weitere Puma, der Puma ersetzt den Marder. "
        "An der Front setzen russische Truppen Mine um Mine."
    )
    found = {h.entry_id for h in matcher.match(art)}
    assert {"swr", "puma", "marder", "mine", "frontlinie"} <= found
