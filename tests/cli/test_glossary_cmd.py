"""`lagebild glossary`: match, lookup, add, import, export; exit codes."""

from __future__ import annotations

import json

import pytest

from desktop import resources
from desktop.cli import main
from desktop.config import Paths
from desktop.core.glossary.termbase import Termbase

ARTICLE = str(resources.default_article())


@pytest.fixture(autouse=True)
def session_dictionary(tmp_path_factory, lagebild_home):
    """The session's index of the real Ding file in this test's data dir, when installed.

    `glossary FILE` builds the index on first need; without this, every test here would
    build its own (tens of seconds each).
    """
    from tests.core.dictionary.real_index import REAL_DING, place_index, real_index

    if REAL_DING.is_file():
        place_index(real_index(tmp_path_factory), Paths.from_env().data)


def _json(capsys, argv):
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_match_json_shape_and_offsets(capsys):
    data = _json(capsys, ["glossary", ARTICLE, "--json"])
    text = resources.default_article().read_text(encoding="utf-8")
    by_entry = {t["entry"]: t for t in data["terms"]}
    hur = by_entry["hur"]
    assert (hur["term"], hur["english"], hur["category"]) == ("HUR", "HUR", "agency")
    (hit,) = hur["hits"]
    assert hit["text"] == "HUR" and hit["start"] == text.find(" HUR,") + 1
    assert hit["sentence"].startswith("p")
    shahed = by_entry["shahed_136"]["hits"][0]
    assert shahed["text"] == "Shahed-136-Drohnen" and "drohne" in shahed["related"]
    assert isinstance(data["suggestions"], list)


def test_match_action_form_equals_bare_file(capsys):
    assert _json(capsys, ["glossary", "match", ARTICLE, "--json"]) == _json(
        capsys, ["glossary", ARTICLE, "--json"]
    )


def test_lookup(capsys):
    assert main(["glossary", "lookup", "Militärgeheimdienstes"]) == 0
    assert "Militärgeheimdienst -> military intelligence" in capsys.readouterr().out
    entries = _json(capsys, ["glossary", "lookup", "drones", "--json"])
    assert entries[0]["id"] == "drohne"
    assert main(["glossary", "lookup", "Waffel"]) == 1
    assert "no glossary entry for 'Waffel'" in capsys.readouterr().err


def test_add_suggestion_then_it_is_matched(tmp_path, capsys):
    doc = tmp_path / "doc.txt"
    doc.write_text("Russland setzt den Bomber Tu-160M2 ein.\n", encoding="utf-8")
    before = _json(capsys, ["glossary", str(doc), "--json"])
    assert "Tu-160M2" in [s["term"] for s in before["suggestions"]]
    data = _json(
        capsys,
        [
            "glossary",
            str(doc),
            "--json",
            "--add-suggestion",
            "Tu-160M2",
            "--english",
            "Tu-160M2",
            "--category",
            "weapon_system",
        ],
    )
    assert "tu_160m2" in [t["entry"] for t in data["terms"]]
    assert "Tu-160M2" not in [s["term"] for s in data["suggestions"]]
    assert Termbase.load(None, Paths.from_env().user_glossary).get("tu_160m2").source == "user"


def test_add_and_export_import_round_trip(tmp_path, capsys):
    assert (
        main(
            [
                "glossary",
                "add",
                "Marschflugkörper X",
                "--english",
                "cruise missile X",
                "--category",
                "weapon_class",
                "--definition",
                "test",
            ]
        )
        == 0
    )
    assert "added marschflugkorper_x" in capsys.readouterr().out
    out = tmp_path / "mine.tbx"
    assert main(["glossary", "export", str(out), "--user-only"]) == 0
    assert "exported 1 entry to" in capsys.readouterr().out
    Paths.from_env().user_glossary.unlink()
    assert main(["glossary", "import", str(out)]) == 0
    tb = Termbase.load(None, Paths.from_env().user_glossary)
    assert [(e.id, e.en, e.definition) for e in tb] == [
        ("marschflugkorper_x", "cruise missile X", "test")
    ]


def test_bad_import_fails_with_one_line_and_changes_nothing(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("de,en,category\nDrohne,drone,weapon_class\nX,y,nonsense\n", encoding="utf-8")
    assert main(["glossary", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "line 3" in err and "category" in err and len(err.strip().splitlines()) == 1
    assert not Paths.from_env().user_glossary.exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["glossary"],
        ["glossary", "lookup"],
        ["glossary", "add", "Wort"],  # needs --english and --category
        ["glossary", ARTICLE, "extra"],
    ],
)
def test_usage_errors_exit_2(argv, capsys):
    assert main(argv) == 2


def test_missing_file_exits_1(tmp_path, capsys):
    assert main(["glossary", str(tmp_path / "nope.txt")]) == 1
    assert main(["glossary", "export", str(tmp_path / "x.pdf")]) == 1
    assert "unknown format" in capsys.readouterr().err
