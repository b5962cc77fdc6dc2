"""`lagebild glossary FILE`: dictionary terms in the same `terms` list, and without one."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main
from desktop.config import Paths
from tests.core.dictionary.real_index import place_index, real_index
from tests.core.dictionary.small_ding import write_ding
from tests.core.terms.texts import FOOTBALL_REPORT, SECURITY_NEWS

TERM_FIELDS = {"entry", "term", "english", "category", "definition", "hits", "source"}
HIT_FIELDS = {"sentence", "start", "end", "text", "related"}


@pytest.fixture
def news(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text(SECURITY_NEWS, encoding="utf-8")
    return path


@pytest.fixture
def with_real_index(tmp_path_factory, lagebild_home):
    """This test's data dir holds the session's index of the real Ding file."""
    return place_index(real_index(tmp_path_factory), Paths.from_env().data)


@pytest.fixture
def no_dictionary(monkeypatch, tmp_path):
    import desktop.core.dictionary.index as index

    monkeypatch.setattr(index, "SYSTEM_SOURCE", tmp_path / "no-such-de-en")


def _run(capsys, argv):
    assert main(argv) == 0
    captured = capsys.readouterr()
    return json.loads(captured.out), captured.err


def test_dictionary_terms_in_the_terms_list(capsys, news, with_real_index):
    data, _ = _run(capsys, ["glossary", str(news), "--json"])
    text = news.read_text(encoding="utf-8")
    terms = data["terms"]
    sources = [t["source"] for t in terms]
    assert "glossary" in sources and "dictionary" in sources
    # curated entries first, then the dictionary terms
    assert sources == sorted(sources, key=lambda s: s != "glossary")
    for term in terms:
        assert TERM_FIELDS <= set(term)
        for hit in term["hits"]:
            assert set(hit) == HIT_FIELDS
            assert text[hit["start"] : hit["end"]] == hit["text"]
    by_entry = {t["entry"]: t for t in terms}
    barracks = by_entry["ding:Kaserne"]
    assert (barracks["term"], barracks["category"], barracks["definition"]) == (
        "Kaserne",
        "dictionary",
        "",
    )
    assert barracks["english"] == barracks["senses"][0] == "barracks"
    assert [h["text"] for h in barracks["hits"]] == ["Kasernen"]
    assert by_entry["waffenstillstand"]["source"] == "glossary"
    assert data["dictionary_problem"] is None


def test_no_dictionary_option(capsys, news, with_real_index):
    data, _ = _run(capsys, ["glossary", str(news), "--json", "--no-dictionary"])
    assert {t["source"] for t in data["terms"]} == {"glossary"}
    assert data["dictionary_problem"] is None


def test_sport_report_has_no_dictionary_terms(capsys, tmp_path, with_real_index):
    path = tmp_path / "sport.txt"
    path.write_text(FOOTBALL_REPORT, encoding="utf-8")
    data, _ = _run(capsys, ["glossary", str(path), "--json"])
    assert [t["entry"] for t in data["terms"] if t["source"] == "dictionary"] == []


def test_text_output_lists_dictionary_terms_below(capsys, news, with_real_index):
    assert main(["glossary", str(news), "--no-suggestions"]) == 0
    out = capsys.readouterr().out
    curated, _, below = out.partition("\nfrom the dictionary:\n")
    assert "Waffenstillstand -> ceasefire" in curated
    assert "Kaserne -> barracks  [dictionary]  1x: Kasernen" in below


def test_without_a_dictionary_curated_terms_and_one_line_on_stderr(capsys, news, no_dictionary):
    data, err = _run(capsys, ["glossary", str(news), "--json"])
    assert data["terms"] and {t["source"] for t in data["terms"]} == {"glossary"}
    assert "trans-de-en" in data["dictionary_problem"]
    (line,) = err.strip().splitlines()
    assert line.startswith("lagebild glossary: ") and "dictionary terms are left out" in line


def test_the_index_is_built_on_first_need(capsys, news, no_dictionary):
    # A Ding file of the user's own (installed into the data dir) and no index yet.
    installed = Paths.from_env().data / "dictionary" / "de-en.txt"
    installed.parent.mkdir(parents=True)
    write_ding(
        installed,
        [
            "Kaserne {f} [mil.] | Kasernen {pl} :: barracks | barracks",
            "Unterhändler {m} [pol.] | Unterhändler {pl} :: negotiator | negotiators",
        ],
    )
    data, err = _run(capsys, ["glossary", str(news), "--json"])
    assert (installed.parent / "ding.sqlite").is_file()
    assert "building the dictionary index" in err
    found = {t["entry"] for t in data["terms"] if t["source"] == "dictionary"}
    assert found == {"ding:Kaserne", "ding:Unterhändler"}
