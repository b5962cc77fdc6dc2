"""`lagebild segment`, --version, --help and exit codes, run as a real process."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from desktop import __version__, resources


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, text=True, timeout=timeout
    )


def test_segment_json_on_bundled_article():
    result = run("segment", str(resources.default_article()), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    text = resources.default_article().read_text(encoding="utf-8")
    assert data["source"]["encoding"] == "utf-8"
    first = data["paragraphs"][0]
    assert first["kind"] == "heading" and first["id"] == "p1"
    for para in data["paragraphs"]:
        for s in para["sentences"]:
            assert set(s) == {"id", "start", "end", "text"}
            assert text[s["start"] : s["end"]] == s["text"]


def test_segment_text_mode_marks_headings():
    result = run("segment", str(resources.default_article()))
    assert result.returncode == 0
    assert "#     p1s1  Russland soll Nordkorea" in result.stdout.splitlines()[0]


def test_version_and_help():
    assert run("--version").stdout.strip() == f"Lagebild {__version__}"
    helped = run("--help")
    assert helped.returncode == 0
    for command in ("segment", "translate", "glossary", "models", "screenshot"):
        assert command in helped.stdout


def test_bad_usage_exits_2():
    result = run("segment")
    assert result.returncode == 2
    assert "error" in result.stderr and "Traceback" not in result.stderr


def _files(tmp_path, case):
    if case == "big":
        base = resources.default_article().read_text(encoding="utf-8") + "\n\n"
        big = tmp_path / "big.txt"
        big.write_text(base * (20_000_000 // len(base.encode())), encoding="utf-8")
    cases = {
        "missing": (tmp_path / "nope.txt", 1, "does not exist"),
        "directory": (tmp_path, 1, "is a folder"),
        "empty": (tmp_path / "empty.txt", 1, "is empty"),
        "whitespace": (tmp_path / "ws.txt", 1, "only whitespace"),
        "png": (tmp_path / "pic.png", 1, "PNG image"),
        "cp1252": (tmp_path / "win.txt", 0, None),
        "utf16": (tmp_path / "u16.txt", 0, None),
        "mixed": (tmp_path / "mixed.txt", 0, None),
        "nul": (tmp_path / "nul.txt", 0, None),
        "long": (tmp_path / "long.txt", 0, None),
        "big": (tmp_path / "big.txt", 0, None),
    }
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ws.txt").write_bytes(b"  \n\n\t ")
    (tmp_path / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "win.txt").write_bytes("Die Größe der Drohne überraschte.".encode("cp1252"))
    (tmp_path / "u16.txt").write_bytes("Die Größe der Drohne überraschte.".encode("utf-16"))
    (tmp_path / "mixed.txt").write_bytes(b"Eins.\r\nZwei.\rDrei.\n")
    (tmp_path / "nul.txt").write_bytes(b"Eins.\x00 Zwei." + b" Drei." * 30)
    (tmp_path / "long.txt").write_text(" ".join(["Gefechtskopf"] * 420), encoding="utf-8")
    return cases


@pytest.mark.parametrize(
    "case",
    [
        "missing",
        "directory",
        "empty",
        "whitespace",
        "png",
        "cp1252",
        "utf16",
        "mixed",
        "nul",
        "long",
        "big",
    ],
)
def test_segment_bad_input(tmp_path, case):
    path, code, message = _files(tmp_path, case)[case]
    result = run("segment", str(path), "--json")
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    if message:
        assert message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    else:
        data = json.loads(result.stdout)
        sentences = [s for p in data["paragraphs"] for s in p["sentences"]]
        assert sentences
        assert all(len(s["text"]) <= 400 for s in sentences)
        if case in ("cp1252", "utf16"):
            assert sentences[0]["text"] == "Die Größe der Drohne überraschte."
        if case == "mixed":
            assert [s["text"] for s in sentences] == ["Eins.", "Zwei.", "Drei."]


def test_reader_closing_the_pipe_is_not_an_error(tmp_path):
    big = tmp_path / "long.txt"
    big.write_text(resources.default_article().read_text(encoding="utf-8") * 200, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop", "segment", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 0
    assert err == b""


def test_segment_malformed_url_is_one_line():
    result = run("segment", "https://[::1")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "not a valid web address" in result.stderr
