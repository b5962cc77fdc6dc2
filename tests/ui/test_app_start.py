"""Start-up, German UI, excepthook and the screenshot command."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from desktop.ui import i18n

ROOT = Path(__file__).resolve().parents[2]


def _menu_titles(window):
    return [a.text() for a in window.menuBar().actions()]


def test_german_ui_from_qt_translation(qtbot, make_window):
    app = QApplication.instance()
    try:
        assert i18n.install(app, "de_DE") == "de"
        window = make_window(None)
        assert _menu_titles(window)[:2] == ["&Datei", "&Ansicht"]
        assert window.view.source_label.text() == "Deutsch"
        assert window.dock.windowTitle() == "Glossar"
        assert window.view.no_model.download_button.text() == "Aus dem Argos-Index herunterladen"
    finally:
        assert i18n.install(app, "en_GB") == "en"
    english = make_window(None)
    assert _menu_titles(english)[:2] == ["&File", "&View"]


def test_language_setting_overrides_locale(qtbot, monkeypatch):
    from desktop.config import Paths
    from desktop.ui.app import create_window, open_settings

    settings = open_settings(Paths.from_env())
    settings.setValue("ui/language", "de")
    settings.sync()
    window = create_window(None)
    qtbot.addWidget(window)
    try:
        assert _menu_titles(window)[0] == "&Datei"
    finally:
        i18n.install(QApplication.instance(), "en")
        window.shutdown()


def test_excepthook_shows_copyable_details(qtbot, make_window, monkeypatch):
    from desktop.ui import app as app_mod
    from desktop.ui import dialogs

    shown = []
    monkeypatch.setattr(
        dialogs.ErrorDialog, "exec", lambda self: shown.append(self.details.toPlainText())
    )
    window = make_window(None)
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    app_mod.install_excepthook(window)
    try:
        raise ValueError("kaputt")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    assert shown and "ValueError: kaputt" in shown[0] and "Traceback" in shown[0]


def test_screenshot_command_writes_png(tmp_path, qtbot):
    from desktop.cli import main

    out = tmp_path / "shot.png"
    assert main(["screenshot", "--out", str(out), "--size", "900x600", "--wait"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (900, 600)
    # not a blank image: the German text and panel draw many distinct colours
    colours = {image.pixel(x, y) for x in range(0, 900, 7) for y in range(0, 600, 7)}
    assert len(colours) > 20


def test_screenshot_bad_size_is_usage_error(tmp_path, capsys):
    from desktop.cli import main

    assert main(["screenshot", "--out", str(tmp_path / "x.png"), "--size", "big"]) == 1
    assert "--size" in capsys.readouterr().err


def test_first_paint_is_fast_and_imports_nothing_heavy(tmp_path):
    """A fresh process shows the window without importing the translation stack."""
    script = textwrap.dedent("""
        import os, sys, time
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        t0 = time.monotonic()
        from desktop.ui.app import create_window, make_app
        app = make_app(["lagebild"])
        window = create_window(None)
        window.show()
        window.grab()  # the first paint, before the event loop runs the queued open
        painted = time.monotonic() - t0
        heavy = [m for m in ("argostranslate", "ctranslate2", "torch", "stanza", "nltk",
                             "sentencepiece", "spacy") if m in sys.modules]
        print(f"{painted:.3f}", ",".join(heavy))
        # and the document then opens in the background
        deadline = time.monotonic() + 30
        while window.article is None and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        print(window.article.title if window.article else "NO ARTICLE")
        window.shutdown()
    """)
    env = {
        "LAGEBILD_HOME": str(tmp_path / "home"),
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    first, title = done.stdout.splitlines()[:2]
    seconds, *heavy = first.split()
    assert heavy == []
    assert float(seconds) < 1.5
    assert title and title != "NO ARTICLE"
