"""`lagebild lookup` and `lagebild dictionary`: glossary first, dictionary rows, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.config import Paths
from tests.core.dictionary.real_index import place_index, real_index
from tests.core.dictionary.small_ding import write_ding

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def with_real_index(tmp_path_factory, lagebild_home):
    """This test's data dir holds the session's index of the real Ding file."""
    info = real_index(tmp_path_factory)
    return place_index(info, Paths.from_env().data)


@pytest.fixture
def no_dictionary(monkeypatch, tmp_path):
    """No system Ding file and no installed copy."""
    import desktop.core.dictionary.index as index

    monkeypatch.setattr(index, "SYSTEM_SOURCE", tmp_path / "no-such-de-en")


def _json(capsys, argv, code=0):
    assert main(argv) == code
    return json.loads(capsys.readouterr().out)


def test_lookup_json_in_a_subprocess(with_real_index, lagebild_home):
    env = dict(os.environ, LAGEBILD_HOME=str(lagebild_home))
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "lookup", "Drohnen", "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) >= {"query", "lemmas", "entries", "parts"}
    assert data["query"] == "Drohnen" and data["lemmas"][0] == "Drohne"
    sources = [e["source"] for e in data["entries"]]
    assert sources[0] == "glossary" and "dictionary" in sources
    first = next(e for e in data["entries"] if e["source"] == "dictionary")
    assert first["de"] == "Drohne" and first["grammar"] == ["f"] and "mil." in first["subjects"]
    assert all(set(e) >= {"de", "en", "grammar", "subjects", "source"} for e in data["entries"])
    assert "building" not in done.stderr  # the index was reused, not rebuilt


def test_lookup_text_shows_glossary_then_dictionary(with_real_index, capsys):
    assert main(["lookup", "Drohnen", "--limit", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("glossary: Drohne -> drone")
    assert any(line.startswith("Drohne {f} [mil.]: drone aircraft") for line in lines)


def test_lookup_compound_parts(with_real_index, capsys):
    data = _json(capsys, ["lookup", "Munitionslieferungen", "--json"])
    assert [p["de"] for p in data["parts"]] == ["Munition", "Lieferung"]
    assert "ammunition" in data["parts"][0]["en"]
    assert main(["lookup", "Munitionslieferungen"]) == 0
    assert "its parts:" in capsys.readouterr().out


def test_lookup_separable_verb_with_sentence(with_real_index, capsys):
    data = _json(
        capsys, ["lookup", "schoss", "--sentence", "Die Armee schoss die Drohne ab.", "--json"]
    )
    assert data["lemmas"][0] == "abschießen"
    dictionary_rows = [e for e in data["entries"] if e["source"] == "dictionary"]
    assert dictionary_rows[0]["de"] == "abschießen"


def test_lookup_reverse(with_real_index, capsys):
    data = _json(capsys, ["lookup", "missile", "--reverse", "--json"])
    synonyms = " ".join(e.get("synonyms", "") for e in data["entries"])
    assert "Flugkörper" in synonyms and "Rakete" in synonyms


def test_without_dictionary_the_glossary_still_answers(no_dictionary, capsys):
    assert main(["lookup", "Drohnen"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("glossary: Drohne -> drone")
    assert "sudo apt install trans-de-en" in captured.err
    assert "Traceback" not in captured.err
    data = _json(capsys, ["lookup", "Drohnen", "--json"])
    assert [e["source"] for e in data["entries"]] == ["glossary"]
    assert "trans-de-en" in data["dictionary_problem"]


def test_without_dictionary_an_unknown_word_fails(no_dictionary, capsys):
    assert main(["lookup", "Waffel"]) == 1
    err = capsys.readouterr().err
    assert "lagebild dictionary install FILE" in err and "no entry for 'Waffel'" in err


def test_dictionary_status(with_real_index, capsys):
    assert main(["dictionary", "status"]) == 0
    out = capsys.readouterr().out
    assert "/usr/share/trans/de-en (system file)" in out
    assert "entries: 206," in out and "checksum: sha256 " in out and "index size:" in out
    data = _json(capsys, ["dictionary", "status", "--json"])
    assert data["current"] is True and len(data["sha256"]) == 64 and data["entries"] > 200_000


def test_dictionary_status_without_dictionary(no_dictionary, capsys):
    assert main(["dictionary", "status"]) == 0
    assert "sudo apt install trans-de-en" in capsys.readouterr().out
    assert main(["dictionary", "rebuild"]) == 1
    assert "sudo apt install trans-de-en" in capsys.readouterr().err


def test_dictionary_install_and_rebuild(no_dictionary, tmp_path, capsys):
    ding = write_ding(tmp_path / "de-en.txt")
    assert main(["dictionary", "install", str(ding)]) == 0
    captured = capsys.readouterr()
    assert "installed: 7 entries" in captured.out and "index built" in captured.err
    data = _json(capsys, ["lookup", "Raketen", "--json"])
    rows = [e for e in data["entries"] if e["source"] == "dictionary"]
    assert rows[0]["de"] == "Rakete" and rows[0]["en"] == ["missile", "rocket"]
    assert main(["dictionary", "rebuild"]) == 0
    assert "rebuilt: 7 entries" in capsys.readouterr().out
    assert main(["dictionary", "status"]) == 0
    assert "(installed copy)" in capsys.readouterr().out


def test_dictionary_install_fifo_is_one_line_error(tmp_path, capsys):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert main(["dictionary", "install", str(fifo)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a regular file" in err and "Traceback" not in err


def test_dictionary_usage_errors(capsys):
    assert main(["dictionary", "install"]) == 2
    assert "install needs a FILE" in capsys.readouterr().err
    assert main(["dictionary", "status", "extra"]) == 2
    assert main(["lookup", "  "]) == 2
