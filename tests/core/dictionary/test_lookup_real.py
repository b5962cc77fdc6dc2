"""German-aware lookup against the real /usr/share/trans/de-en (index built once a session)."""

from __future__ import annotations

import pytest

from desktop.core.dictionary import detached_particles


def _headwords(result):
    return [row.headword for row in result.rows]


def test_plural_form_points_to_drohne(real_dictionary):
    result = real_dictionary.lookup("Drohnen")
    assert result.lemmas[0] == "Drohne"
    first = result.rows[0]
    assert first.headword == "Drohne" and first.match == "form"
    assert "mil." in first.subjects and first.grammar == ("f",)
    assert any("drone" in sense for sense in first.en)


def test_inflected_compound_found_through_its_lemma(real_dictionary):
    result = real_dictionary.lookup("Panzerabwehrraketen")
    assert "Panzerabwehrrakete" in result.lemmas
    assert result.rows and result.rows[0].headword == "Panzerabwehrrakete"
    assert "anti-tank missile" in result.rows[0].en
    assert result.parts == ()


def test_unlisted_compound_is_split_into_parts(real_dictionary):
    result = real_dictionary.lookup("Munitionslieferungen")
    assert result.rows == ()
    assert [part.de for part in result.parts] == ["Munition", "Lieferung"]
    munition, lieferung = result.parts
    assert "ammunition" in munition.en and "mil." in munition.subjects
    assert any("delivery" in sense for sense in lieferung.en)
    assert result.lemmas == ("Munitionslieferung",)


def test_separable_verb_from_the_sentence(real_dictionary):
    result = real_dictionary.lookup("schoss", sentence="Die Armee schoss die Drohne ab.")
    assert result.lemmas[0] == "abschießen"
    first = result.rows[0]
    assert first.match == "separable" and first.headword == "abschießen"
    assert "mil." in first.subjects
    assert any("shoot down" in sense for sense in first.en)


def test_without_the_particle_schoss_is_schiessen(real_dictionary):
    result = real_dictionary.lookup("schoss")
    assert "abschießen" not in result.lemmas
    assert "schießen" in result.lemmas
    assert all(row.match != "separable" for row in result.rows)
    # A preposition that is not clause-final is not taken for a particle.
    moved = real_dictionary.lookup("schoss", sentence="Sie schoss mit dem Gewehr.")
    assert all(row.match != "separable" for row in moved.rows)


@pytest.mark.parametrize(
    ("word", "base"),
    [("Angriffs", "Angriff"), ("Krieges", "Krieg"), ("Soldaten", "Soldat")],
)
def test_genitive_and_dative_forms_find_their_base(real_dictionary, word, base):
    result = real_dictionary.lookup(word)
    assert result.lemmas[0] == base
    assert result.rows[0].headword == base
    assert "mil." in result.rows[0].subjects


def test_umlaut_and_sharp_s_spellings_are_kept_apart(real_dictionary):
    assert "Schoß" not in _headwords(real_dictionary.lookup("schoss", limit=50))
    assert _headwords(real_dictionary.lookup("Schoß"))[0] == "Schoß"
    # Typed without umlauts or ß (Swiss spelling), the folded form still finds the word.
    assert _headwords(real_dictionary.lookup("Grosse"))[0] == "Größe"
    assert _headwords(real_dictionary.lookup("Strasse"))[0] == "Straße"


def test_hyphenated_word_uses_its_pieces(real_dictionary):
    result = real_dictionary.lookup("Shahed-136-Drohnen")
    assert [part.de for part in result.parts] == ["Drohne"]


def test_unknown_word_finds_nothing(real_dictionary):
    result = real_dictionary.lookup("Xqzvortlimb")
    assert not result.found and result.lemmas == ()


def test_reverse_missile(real_dictionary):
    result = real_dictionary.reverse("missile")
    german = " ; ".join(f"{row.headword}; {row.de}" for row in result.rows)
    assert "Flugkörper" in german and "Rakete" in german
    assert all(row.match == "reverse" for row in result.rows)
    assert any("missile" in row.en for row in result.rows)
    plural = real_dictionary.reverse("missiles")
    assert plural.rows and "Flugkörper" in " ".join(row.de for row in plural.rows)


def test_mil_subject_tag_is_parsed_from_the_real_file(real_dictionary):
    rows = real_dictionary.lookup("Angriff", limit=50).rows
    assert any(row.subjects == ("mil.",) and "attack" in " ".join(row.en) for row in rows)
    assert any("sport" in row.subjects for row in rows)


def test_subjects_and_security_terms(real_dictionary):
    assert "mil." in real_dictionary.subjects("Drohnen")
    assert real_dictionary.is_security_term("Angriff")
    assert real_dictionary.is_security_term("Munitionslieferungen")  # through Munition [mil.]
    assert not real_dictionary.is_security_term("Aalsuppe")
    assert real_dictionary.subjects("Xqzvortlimb") == set()


def test_detached_particles():
    assert detached_particles("schoss", "Die Armee schoss die Drohne ab.") == ["ab"]
    assert detached_particles("kam", "Er kam gestern an, und sie ging.") == ["an"]
    assert detached_particles("fuhr", "Er fuhr mit Freunden nach Berlin.") == []
    assert detached_particles("schoss", "Niemand schoss.") == []
    assert detached_particles("ging", "Die Sonne schien.") == []


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("Drohnenabwehrsystems", ["Drohne", "Abwehrsystem"]),  # genitive -s on the head
        ("Kampfjets", ["Kampf", "Jet"]),  # the head's plural is not listed as "Jets"
    ],
)
def test_compound_heads_with_endings(real_dictionary, word, parts):
    assert [part.de for part in real_dictionary.lookup(word).parts] == parts


def test_participle_points_to_the_verb(real_dictionary):
    result = real_dictionary.lookup("eingesetzt")
    assert result.lemmas[0] == "einsetzen"
    assert result.rows[0].match == "form" and result.rows[0].headword.endswith("einsetzen")


def test_separable_verb_with_placeholder_headword(real_dictionary):
    result = real_dictionary.lookup("griff", sentence="Russland griff in der Nacht die Stadt an.")
    assert result.lemmas[0] == "angreifen"
    assert all(row.headword.endswith("angreifen") for row in result.rows[:3])
    assert any("to attack sb." in row.en for row in result.rows)


def test_lookups_from_several_threads_agree(real_dictionary):
    from concurrent.futures import ThreadPoolExecutor

    words = ["Drohnen", "Soldaten", "Munitionslieferungen", "Krieges", "Kampfjets"] * 20
    expected = {w: real_dictionary.lookup(w) for w in set(words)}
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(real_dictionary.lookup, words))
    assert all(result == expected[word] for word, result in zip(words, results, strict=True))
