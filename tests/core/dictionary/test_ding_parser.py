"""The Ding parser on lines written for these tests: |, ;, {pl}, [mil.], /abbr./, (context)."""

from __future__ import annotations

import pytest

from desktop.core.dictionary import DingFormatError, fold, iter_entries, parse_line, parse_term

TANK = (
    "Kampfpanzer {m}; Panzer {m} (Fahrzeug) [mil.] | Kampfpanzer {pl}; Panzer {pl} | "
    "Schützenpanzer {m} /SPz/ | Grenzpanzer {m} | Kinderpanzer {pl} :: "
    "main battle tank /MBT/; tank (vehicle) | main battle tanks; tanks | "
    "infantry fighting vehicle /IFV/ | border tank | toy tanks"
)
SHOOT_DOWN = (
    "(ein Flugzeug) abschießen; herunterholen [ugs.] {vt} [mil.] | abschießend; herunterholend | "
    "abgeschossen; heruntergeholt | schießt ab; holt herunter | schoss ab; holte herunter | "
    "Sie schossen die Drohne ab. :: to shoot down (an aircraft); to down | shooting down; downing | "
    "shot down; downed | shoots down; downs | shot down; downed | They shot the drone down."
)


def test_sides_split_into_aligned_subentries():
    entry = parse_line(TANK, 7)
    assert entry is not None and entry.line == 7
    assert len(entry.subentries) == 5
    ifv = entry.subentries[2]
    assert [t.headword for t in ifv.german] == ["Schützenpanzer"]
    assert [t.headword for t in ifv.english] == ["infantry fighting vehicle"]
    assert entry.subentries[4].english[0].headword == "toy tanks"


def test_semicolon_synonyms_and_markup():
    main = parse_line(TANK).subentries[0]
    first, second = main.german
    assert (first.headword, first.grammar) == ("Kampfpanzer", ("m",))
    assert second.headword == "Panzer"
    assert second.contexts == ("Fahrzeug",)
    assert second.labels == ("mil.",) and second.subjects == ("mil.",)
    assert main.subjects == ("mil.",)
    mbt, tank = main.english
    assert mbt.abbreviations == ("MBT",) and mbt.headword == "main battle tank"
    assert tank.headword == "tank" and tank.display() == "tank (vehicle)"


def test_semicolon_inside_brackets_does_not_split():
    term = parse_line("werfen {vt} :: to throw {threw; thrown}").subentries[0].english
    assert len(term) == 1
    assert term[0].notes == ("threw; thrown",) and term[0].headword == "to throw"
    assert term[0].display() == "to throw {threw; thrown}"


def test_plural_points_to_its_singular_but_a_new_plural_headword_does_not():
    subs = parse_line(TANK).subentries
    assert subs[1].form_of == 0 and subs[1].form_synonyms == (0, 1)
    assert subs[2].form_of is None  # Schützenpanzer: a headword of its own
    assert subs[3].form_of is None
    # "Kinderpanzer {pl}" follows "Grenzpanzer {m}" but is not its plural.
    assert subs[4].form_of is None


def test_verb_forms_point_to_the_infinitive():
    subs = parse_line(SHOOT_DOWN).subentries
    verb = subs[0]
    assert verb.is_verb and verb.german[0].headword == "abschießen"
    assert verb.german[0].contexts == ("ein Flugzeug",)
    assert verb.german[1].usage == ("ugs.",) and verb.german[1].grammar == ("vt",)
    for pos in (1, 2, 3, 4):
        assert subs[pos].form_of == 0, pos
    assert [t.headword for t in subs[4].german] == ["schoss ab", "holte herunter"]
    assert subs[5].form_of is None  # an example sentence


def test_usage_labels_are_not_subjects():
    term = parse_term("Panzerfaust {f} [ugs.] [Dt.] [mil.] [hist.]")
    assert term.usage == ("ugs.", "Dt.")
    assert term.subjects == ("mil.", "hist.")


def test_placeholders_and_bare_form():
    term = parse_term("jdn./etw. angreifen {vt}")
    assert term.placeholders == ("jdn./etw.",)
    assert term.bare() == "angreifen"
    assert parse_term("sich (gegen etw.) verteidigen {vr}").bare() == "verteidigen"
    english = parse_term("to attack sb./sth.")
    assert english.placeholders == ("sb./sth.",) and english.bare() == "to attack"
    assert parse_term("Angriff {m}").placeholders == ()


def test_hidden_variants_abbreviations_and_combining_forms():
    term = parse_term("Bundeswehr {f} /Bw/ <Bundes-Wehr>")
    assert term.hidden == ("Bundes-Wehr",) and term.abbreviations == ("Bw",)
    assert term.headword == "Bundeswehr" and "<" not in term.text
    assert parse_term("Luft/Boden-Rakete {f}").abbreviations == ()  # a slash inside a word
    prefix = parse_term("Angriffs…")
    assert prefix.is_prefix and prefix.headword == "Angriffs"


def test_comments_blank_and_malformed_lines():
    assert parse_line("# Version :: 1") is None
    assert parse_line("   ") is None
    with pytest.raises(DingFormatError, match="line 3"):
        parse_line("Panzer {m} tank", 3)
    entries = list(iter_entries("# c\nPanzer {m} :: tank\nkaputt\nAal {m} :: eel\n"))
    assert [e.line for e in entries] == [2, 4]


def test_fewer_english_subentries_are_padded():
    entry = parse_line("Panzer {m} | Panzer {pl} :: tank")
    assert entry.subentries[1].english == ()


def test_fold():
    assert fold("Größe") == "grosse"
    assert fold("ÄRGER") == "arger"
    assert fold("Señor") == "senor"
    assert fold("Panzer") == "panzer"
