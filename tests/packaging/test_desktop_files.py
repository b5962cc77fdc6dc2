"""The launcher, metainfo and icon: valid by the freedesktop tools, consistent with each other."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

LINUX = Path(__file__).resolve().parents[2] / "packaging" / "linux"
APP_ID = "org.lagebild.Lagebild"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICON = LINUX / f"{APP_ID}.svg"


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive in desktop files
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed"
)
def test_desktop_file_validates():
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_validates():
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--no-color", str(METAINFO)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_launcher_opens_text_and_html_files():
    entry = _entry()
    assert entry["Exec"].split()[0] == "lagebild" and "%f" in entry["Exec"]
    assert entry["Icon"] == APP_ID
    assert {"text/plain", "text/html"} <= set(filter(None, entry["MimeType"].split(";")))


def test_metainfo_matches_launcher():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name
    assert root.find("provides/binary").text == _entry()["Exec"].split()[0]
    types = {m.text for m in root.findall("provides/mediatype")}
    assert types == set(filter(None, _entry()["MimeType"].split(";")))


def test_icon_is_a_square_svg_that_renders():
    root = ET.parse(ICON).getroot()
    assert root.tag.endswith("svg")
    assert root.get("width") == root.get("height")
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    from PySide6.QtWidgets import QApplication

    # A QApplication (not QGuiApplication): pytest-qt reuses it for the widget tests.
    _app = QApplication.instance() or QApplication([])
    renderer = QSvgRenderer(str(ICON))
    assert renderer.isValid()
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, 64, 64))
    painter.end()
    opaque = sum(1 for y in range(64) for x in range(64) if QColor(image.pixel(x, y)).alpha() > 0)
    colours = {image.pixel(x, y) for y in range(0, 64, 2) for x in range(0, 64, 2)}
    assert opaque > 0.7 * 64 * 64 and len(colours) > 5
