"""Text printed to a terminal cannot drive it; numeric options have upper bounds."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desktop.cli import main
from desktop.cli.output import safe

# OSC 52 (write the clipboard), clear screen, a bell and a C1 control.
HOSTILE = "Die Drohne\x1b]52;c;cm0gLXJmIH4=\x07 flog.\x1b[2J\x1b[H Noch ein Satz\x9b."


def test_safe_escapes_controls_but_keeps_text():
    shown = safe(HOSTILE)
    assert "\x1b" not in shown and "\x07" not in shown and "\x9b" not in shown
    assert "\\x1b]52;c;" in shown and "Die Drohne" in shown and "Noch ein Satz" in shown
    assert safe("Zeile\tmit Tab") == "Zeile\tmit Tab"


def test_segment_text_output_has_no_escape_sequences(tmp_path, capsys):
    doc = tmp_path / "doc.txt"
    doc.write_text(HOSTILE, encoding="utf-8")
    assert main(["segment", str(doc)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b[2J" in out


def test_segment_json_keeps_the_exact_text(tmp_path, capsys):
    import json

    doc = tmp_path / "doc.txt"
    doc.write_text("Die Drohne\x1b[2J flog.", encoding="utf-8")
    assert main(["segment", str(doc), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "\x1b[2J" in data["paragraphs"][0]["sentences"][0]["text"]


@pytest.mark.parametrize("option", [["--beam", "100000"], ["--threads", "5000"], ["--beam", "0"]])
def test_translate_bounds_beam_and_threads(tmp_path, option):
    doc = tmp_path / "doc.txt"
    doc.write_text("Ein Satz.", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "translate", str(doc), *option],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "must be between" in result.stderr and "Traceback" not in result.stderr
