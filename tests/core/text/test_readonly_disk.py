"""German sentence splitting on a read-only or full disk: nothing is written, nothing fails.

Tests may run as root, where chmod does not stop writes; so the unwritable data dir is
also made by putting it under a regular file (mkdir fails for everyone), and a full disk
is simulated by making every write raise ENOSPC.
"""

from __future__ import annotations

import builtins
import errno
import json
import os
import pathlib
import subprocess
import sys
import tempfile

import pytest

from desktop.core.documents.article import from_text
from desktop.core.text import segment

TEXT = "Der Oberst a. D. Müller sagte, z. B. Drohnen seien u. a. gefährlich. Das ist neu."
EXPECTED = ["Der Oberst a. D. Müller sagte, z. B. Drohnen seien u. a. gefährlich.", "Das ist neu."]


@pytest.fixture
def fresh_tokenizer():
    """Build the Punkt tokenizer again inside the test (it is cached per process)."""
    segment._tokenizer.cache_clear()
    yield
    segment._tokenizer.cache_clear()


def _sentences(text: str) -> list[str]:
    return [s.text for s in from_text(text, language="de").sentences()]


def _under_a_file(tmp_path: pathlib.Path) -> pathlib.Path:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a regular file", encoding="utf-8")
    return blocker / "data"  # mkdir fails here, even for root


def test_german_splits_when_the_data_dir_cannot_be_created(tmp_path, monkeypatch, fresh_tokenizer):
    data = _under_a_file(tmp_path)
    monkeypatch.setenv("LAGEBILD_DATA_DIR", str(data))
    assert _sentences(TEXT) == EXPECTED
    assert not data.exists()


def test_german_splits_when_every_write_fails_with_enospc(monkeypatch, fresh_tokenizer):
    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    real_open, real_os_open = builtins.open, os.open

    def open_no_write(file, mode="r", *args, **kwargs):
        if any(c in mode for c in "wax+"):
            full()
        return real_open(file, mode, *args, **kwargs)

    def os_open_no_write(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            full()
        return real_os_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "mkdir", full)
    monkeypatch.setattr(builtins, "open", open_no_write)
    monkeypatch.setattr(os, "open", os_open_no_write)
    monkeypatch.setattr(os, "replace", full)
    monkeypatch.setattr(tempfile, "mkstemp", full)
    assert _sentences(TEXT) == EXPECTED


def test_segment_reads_no_lagebild_environment(monkeypatch, fresh_tokenizer):
    """Only desktop/config.py resolves LAGEBILD_* variables; the splitter needs no paths."""
    from desktop.config import Paths

    def refuse(*_a, **_k):
        raise AssertionError("segment.py must not resolve the data dir")

    monkeypatch.setattr(Paths, "from_env", classmethod(refuse))
    assert _sentences(TEXT) == EXPECTED
    assert "LAGEBILD_" not in pathlib.Path(segment.__file__).read_text(encoding="utf-8")


def test_parameters_are_the_packaged_tables(fresh_tokenizer):
    from punkt import load_model

    package = load_model("german")
    params = segment.punkt_parameters("german")
    assert params.abbrev_types == set(package.abbrev_types)
    assert params.collocations == set(package.collocations)
    assert params.sent_starters == set(package.sent_starters)
    assert dict(params.ortho_context) == dict(package.ortho_context)
    # A copy: our own abbreviations go into the tokenizer, never into the package's cache.
    segment._tokenizer("german")
    assert "hptm" not in load_model("german").abbrev_types
    assert "hptm" in segment._tokenizer("german")._params.abbrev_types


def _segment_cli(doc: pathlib.Path, data: pathlib.Path, tmp_path: pathlib.Path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("LAGEBILD_")}
    env["LAGEBILD_HOME"] = str(tmp_path / "home")
    env["LAGEBILD_DATA_DIR"] = str(data)
    return subprocess.run(
        [sys.executable, "-m", "desktop", "segment", str(doc), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


@pytest.mark.parametrize("kind", ["under-a-file", "chmod-0500"])
def test_segment_command_on_an_unwritable_data_dir(tmp_path, kind):
    doc = tmp_path / "meldung.txt"
    doc.write_text(TEXT + "\n", encoding="utf-8")
    if kind == "under-a-file":
        data = _under_a_file(tmp_path)
    else:
        data = tmp_path / "readonly-data"
        data.mkdir()
        data.chmod(0o500)  # as root this stops nothing: the check below still holds
    try:
        result = _segment_cli(doc, data, tmp_path)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        sentences = [
            s["text"] for p in json.loads(result.stdout)["paragraphs"] for s in p["sentences"]
        ]
        assert sentences == EXPECTED
        # Nothing written into the data dir (this holds for root too).
        assert not data.exists() or list(data.iterdir()) == []
    finally:
        if data.exists():
            data.chmod(0o700)


def test_glossary_command_on_an_unwritable_data_dir(tmp_path):
    """The glossary command splits German too: it works without a writable data dir."""
    doc = tmp_path / "meldung.txt"
    doc.write_text("Der Geheimdienst meldet neue Drohnen. Das ist neu.\n", encoding="utf-8")
    data = _under_a_file(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith("LAGEBILD_")}
    env["LAGEBILD_HOME"] = str(tmp_path / "home")
    env["LAGEBILD_DATA_DIR"] = str(data)
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "glossary", str(doc), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    terms = {
        t["entry"]: [h["sentence"] for h in t["hits"]] for t in json.loads(result.stdout)["terms"]
    }
    assert terms["geheimdienst"] == ["p1s1"] and terms["drohne"] == ["p1s1"]
