"""The German UI translation covers every string in the UI code and is compiled."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from desktop import resources

ROOT = Path(__file__).resolve().parents[2]
TS = resources.path("i18n/lagebild_de.ts")


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (ctx.findtext("name"), msg.findtext("source")): msg
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    }


def test_every_message_translated():
    messages = _messages(TS)
    assert len(messages) > 100
    unfinished = [
        key
        for key, msg in messages.items()
        if msg.find("translation").get("type") in ("unfinished", "obsolete")
    ]
    assert unfinished == []


def test_ts_covers_the_code(tmp_path):
    lupdate = shutil.which("pyside6-lupdate") or str(
        Path(sys.executable).with_name("pyside6-lupdate")
    )
    if not Path(lupdate).exists():
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "desktop" / "ui").rglob("*.py"))
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    missing = set(_messages(fresh)) - set(_messages(TS))
    assert missing == set(), "run pyside6-lupdate and translate the new strings"


def test_qm_loads_and_translates():
    translator = QTranslator()
    assert translator.load(str(resources.path("i18n/lagebild_de.qm")))
    assert translator.translate("Actions", "&File") == "&Datei"
    assert translator.translate("Category", "Weapon systems") == "Waffensysteme"
