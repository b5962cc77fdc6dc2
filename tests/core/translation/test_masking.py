"""Designator finding/masking and the per-sentence suspicion flags (no model needed)."""

from __future__ import annotations

import pytest

from desktop.core.translation import masking
from desktop.core.translation.quality import quality_flags


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Russland feuerte KN-23-Raketen ab.", ["KN-23"]),
        ("Shahed-Drohnen und Shahed-136 griffen an.", ["Shahed-136"]),
        ("Der HUR meldet Geran-2 und Tu-22M3.", ["HUR", "Geran-2", "Tu-22M3"]),
        ("Drei IRIS-T-Systeme und F-16-Kampfjets.", ["IRIS-T", "F-16"]),
        (
            "Am 24. Februar 2022 kostete es 1.000 Euro, also 3,5 Prozent.",
            ["24", "2022", "1.000", "3,5"],
        ),
        ("A und B sind Buchstaben, Bundeswehr ist ein Wort.", []),
        ("发射了KN-23导弹和42架无人机。", ["KN-23", "42"]),
        ("价值610亿美元。", []),  # bound to a Chinese numeral unit: 61 billion, not 610
    ],
)
def test_find_designators(text, expected):
    found = masking.find_designators(text)
    assert [d for _, _, d in found] == expected
    assert all(text[s:e] == d for s, e, d in found)


def test_mask_and_restore_round_trip():
    m = masking.mask("Der HUR meldet Geran-2 über Tu-22M3.")
    assert m.text == "Der XYA meldet XYB über XYC."
    assert masking.restore("HUR: XYB over XYC, says XYA.", m) == (
        "HUR: Geran-2 over Tu-22M3, says HUR."
    )


@pytest.mark.parametrize("output", ["XYA said XYB.", "XYA XYA XYB XYC", "nothing"])
def test_restore_fails_unless_each_placeholder_once(output):
    m = masking.mask("Der HUR meldet Geran-2 über Tu-22M3.")
    assert masking.restore(output, m) is None


def test_no_mask_when_nothing_or_placeholder_in_text():
    assert masking.mask("Keine Bezeichner hier.") is None
    assert masking.mask("XYA und KN-23") is None  # would collide with our placeholders


def test_missing_designators_counts_exact_spelling():
    src = "KN-23 und noch eine KN-23, dazu 1.000 Soldaten."
    assert masking.missing_designators(src, "KN-23 and another KN-23, 1.000 soldiers.") == []
    # "1,000" is the English spelling of German "1.000": the number is kept.
    assert masking.missing_designators(src, "KN-23 and another one, 1,000 soldiers.") == ["KN-23"]
    assert masking.missing_designators(src, "KN-23 and another one, 100 soldiers.") == [
        "KN-23",
        "1.000",
    ]
    assert masking.missing_designators("KN-2", "KN-23") == ["KN-2"]


def test_plurals_and_number_words_keep_designators():
    # false alarms that sent sentences to a masked retry which read worse ("the 3 drone")
    assert masking.missing_designators("两架F-16", "two F-16s") == []
    assert masking.missing_designators("KN-23", "the KN-23's range") == []
    assert masking.missing_designators("3 Drohnen", "three drones") == []
    assert masking.missing_designators("13 Drohnen", "Thirteen drones") == []
    # still lost: another designator, a capital suffix, another number, a number word too big
    assert masking.missing_designators("F-16", "an F-16A") == ["F-16"]
    assert masking.missing_designators("F-16", "F-16S") == ["F-16"]
    assert masking.missing_designators("3 Drohnen", "four drones") == ["3"]
    assert masking.missing_designators("30 Drohnen", "thirty drones") == ["30"]


def test_quality_flags():
    assert quality_flags("Das ist ein Satz.", "", 5, 0) == ["empty"]
    assert quality_flags("Das ist ein ganz normaler Satz.", "Das ist ein ganz normaler Satz.",
                         8, 8) == ["copied_source"]  # fmt: skip
    looping = "the the the the the drones"
    assert "repetition" in quality_flags("Die Drohnen kamen.", looping, 5, 6)
    assert "repetition" in quality_flags("x y", "we went we went we went home", 2, 7)
    assert quality_flags("Ein langer Satz mit vielen Wörtern hier.", "Yes.", 12, 2) == [
        "length_ratio"
    ]
    assert quality_flags("Die Bundeswehr wird reformiert.", "The Bundeswehr is reformed.",
                         7, 6) == []  # fmt: skip
    assert quality_flags("KN-23", "KN-23", 4, 4) == []  # a bare designator may copy through
    assert quality_flags("。", "", 1, 0) == []  # nothing to translate, nothing to flag


def test_numbers_are_kept_by_value_across_number_styles():
    from desktop.core.translation.masking import missing_designators

    source = "Die EU gab 1,5 Milliarden Euro für 2.000 Drohnen vom Typ Shahed-136."
    assert (
        missing_designators(source, "The EU gave 1.5 billion euros for 2,000 Shahed-136 drones.")
        == []
    )
    assert (
        missing_designators(source, "The EU gave 1,5 billion euros for 2.000 Shahed-136 drones.")
        == []
    )
    assert missing_designators(
        source, "The EU gave 15 billion euros for 200 Shahed 136 drones."
    ) == [
        "1,5",
        "2.000",
        "Shahed-136",
    ]
    assert missing_designators("射程超过2000公里。", "a range of over 2,000 kilometres") == []


def test_restored_numbers_follow_the_target_language_style():
    from desktop.core.translation.masking import mask, restore

    masked = mask(
        "Russland lieferte 1.200 Raketen vom Typ KN-23 und 2,5 Tonnen Munition.", "de", "en"
    )
    assert masked is not None
    english = masked.text.replace("Russland lieferte", "Russia delivered").replace(
        "Raketen vom Typ", "missiles of type"
    )
    restored = restore(english, masked)
    assert restored is not None
    assert "1,200" in restored and "KN-23" in restored and "2.5" in restored
    # Same style on both sides (zh -> en): digits come back as written.
    same = mask("发射了1200枚导弹。", "zh", "en")
    assert same is not None and list(same.mapping.values()) == ["1200"]


def test_placeholder_inside_a_word_is_not_restored():
    m = masking.mask("Der HUR meldet KN-23.")
    assert m is not None and set(m.mapping) == {"XYA", "XYB"}
    # "MXYA" is not the placeholder XYA: restoring into it would corrupt a word.
    assert masking.restore("MXYA reports XYB.", m) is None
    assert masking.restore("XYA reports XYB.", m) == "HUR reports KN-23."
