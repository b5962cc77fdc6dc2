"""look_up_word: the curated entry first, then the dictionary; missing or broken sources."""

from __future__ import annotations

import pytest

from desktop.config import Paths
from desktop.core.dictionary import Dictionary, DictionaryFiles, build_index
from desktop.core.terms.word_lookup import (
    Sources,
    look_up_word,
    open_dictionary,
    open_glossary,
)
from tests.core.dictionary.small_ding import write_ding


@pytest.fixture
def small_dictionary(tmp_path):
    ding = write_ding(tmp_path / "de-en.txt")
    info = build_index(ding, tmp_path / "ding.sqlite")
    dictionary = Dictionary(info.path)
    yield dictionary
    dictionary.close()


@pytest.fixture
def termbase(lagebild_home):
    termbase, problem = open_glossary(Paths.from_env())
    assert problem == ""
    return termbase


def test_glossary_entry_comes_before_dictionary_rows(termbase, small_dictionary):
    found = look_up_word("Raketen", Sources(termbase, small_dictionary))
    assert found.found and found.glossary and found.glossary[0].id == "rakete"
    data = found.to_json()
    assert set(data) == {"query", "lemmas", "entries", "parts", "dictionary_problem"}
    sources = [entry["source"] for entry in data["entries"]]
    assert sources[0] == "glossary" and sources[-1] == "dictionary"
    assert sources.index("dictionary") == len(found.glossary)
    row = data["entries"][len(found.glossary)]
    assert row["de"] == "Rakete" and row["en"] == ["missile", "rocket"] and row["grammar"] == ["f"]
    assert data["dictionary_problem"] is None


def test_reverse_and_sentence_reach_the_dictionary(termbase, small_dictionary):
    english = look_up_word("tank", Sources(None, small_dictionary), reverse=True)
    assert english.reverse and english.dictionary.rows[0].headword == "Panzer"
    verb = look_up_word(
        "griff", Sources(None, small_dictionary), sentence="Die Armee griff die Stadt an."
    )
    assert verb.dictionary.lemmas[0] == "angreifen"
    assert verb.dictionary.rows[0].headword == "jdn./etw. angreifen"


def test_limit_truncates_dictionary_rows(small_dictionary):
    found = look_up_word("Panzer", Sources(None, small_dictionary), limit=1)
    assert len(found.dictionary.rows) == 1


def test_missing_dictionary_is_a_state_with_the_way_to_get_one(termbase, tmp_path):
    paths = Paths.from_env()
    dictionary, problem, missing = open_dictionary(paths, system_source=tmp_path / "none")
    assert dictionary is None and missing and "trans-de-en" in problem
    assert not DictionaryFiles.from_paths(paths, tmp_path / "none").index.exists()
    found = look_up_word("Drohnen", Sources(termbase, None, "", problem, missing))
    assert found.found and found.dictionary is None and found.dictionary_missing
    assert found.to_json()["dictionary_problem"] == problem
    assert [entry["source"] for entry in found.to_json()["entries"]] == ["glossary"]


def test_a_dictionary_that_fails_while_reading_gives_one_line(tmp_path):
    ding = write_ding(tmp_path / "de-en.txt")
    broken = Dictionary(build_index(ding, tmp_path / "ding.sqlite").path)
    broken.close()  # every query now fails inside SQLite
    found = look_up_word("Aal", Sources(None, broken))
    assert found.dictionary is None and not found.found
    assert "cannot be read" in found.dictionary_problem and "\n" not in found.dictionary_problem


def test_unreadable_user_glossary_is_a_problem_not_a_crash(lagebild_home):
    paths = Paths.from_env()
    paths.user_glossary.parent.mkdir(parents=True)
    paths.user_glossary.write_text("{not json", encoding="utf-8")
    termbase, problem = open_glossary(paths)
    assert termbase is None and problem
    found = look_up_word("Drohnen", Sources(termbase, None, problem))
    assert found.glossary == () and found.glossary_problem == problem


def test_blank_word_finds_nothing(termbase, small_dictionary):
    found = look_up_word("  ", Sources(termbase, small_dictionary))
    assert not found.found and found.query == ""
