"""Hostile data in the real window: no rich-text injection; a read-only home still starts.

Qt labels guess their format (AutoText): a package version, file name or glossary
definition like HOSTILE would render as HTML and load a local image. Every label that
shows data is plain text, and rich text built by us escapes the data in it.
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from desktop.config import Paths

HOSTILE = "<b><font color=red>x</font></b><img src=/local/file.png>"


def test_hostile_string_would_render_as_html():
    """The premise of this file: under AutoText, Qt takes HOSTILE for rich text."""
    assert QtGui.Qt.mightBeRichText(HOSTILE)


def _info(version=HOSTILE, code="translate-de_en"):
    from desktop.core.translation.packages import PackageInfo

    return PackageInfo(
        code=code,
        from_code="de",
        to_code="en",
        version=version,
        path=Path("/nowhere"),
        size_bytes=1_000_000,
    )


def _modal_box_seen(qtbot, trigger):
    """Run TRIGGER (which opens a modal QMessageBox); return (format, text), closing it."""
    seen = []

    def inspect():
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, inspect)
            return
        seen.append((box.textFormat(), box.text()))
        box.done(0)

    QTimer.singleShot(20, inspect)
    trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    return seen[0]


# --- case 13: rich-text injection ------------------------------------------------------


def test_package_version_in_the_status_bar_is_plain(qtbot, make_window, fake_engine):
    window = make_window(fake_engine)
    window.translation_service.modelReady.emit(_info())
    label = window.model_label
    assert HOSTILE in label.text()
    assert label.textFormat() == Qt.TextFormat.PlainText


def test_file_name_in_status_bar_and_warning_is_plain(qtbot, make_window, fake_engine, tmp_path):
    window = make_window(fake_engine)
    missing = tmp_path / "<b>fett<img src=bild.png>.txt"  # a legal file name
    fmt, text = _modal_box_seen(qtbot, lambda: window.open_file(missing))
    assert "<b>fett<img src=bild.png>" in text and fmt == Qt.TextFormat.PlainText
    assert "<b>fett" in window.status_label.text()
    assert window.status_label.textFormat() == Qt.TextFormat.PlainText


def test_models_dialog_rows_status_and_question_are_plain(qtbot, make_window, monkeypatch):
    from desktop.ui.models_dialog import ModelsDialog

    window = make_window(None)
    dialog = ModelsDialog(window.models, window)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(window.models, "remove", lambda code: None)
    window.models.listed.emit([_info(code=HOSTILE)])
    assert dialog.table.item(0, 0).text() == HOSTILE
    assert dialog.table.item(0, 2).text() == HOSTILE
    dialog.table.selectRow(0)
    fmt, text = _modal_box_seen(qtbot, dialog.remove_button.click)
    assert HOSTILE in text and fmt == Qt.TextFormat.PlainText
    window.models.failed.emit(f"download failed: {HOSTILE}")
    assert HOSTILE in dialog.status.text()
    assert dialog.status.textFormat() == Qt.TextFormat.PlainText
    dialog.close()


def test_no_model_panel_labels_are_plain(qtbot, make_window):
    window = make_window(None)
    panel = window.view.no_model
    window.translation_service.modelMissing.emit(
        f"No {HOSTILE}→English model is installed. Get one with: {HOSTILE}"
    )
    window.models.failed.emit(HOSTILE)
    assert HOSTILE in panel.title.text() and HOSTILE in panel.detail.text()
    assert panel.status.text() == HOSTILE
    for label in (panel.title, panel.message, panel.detail, panel.status):
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_document_header_is_plain(qtbot, make_window, fake_engine):
    from desktop.core.documents.article import from_text

    window = make_window(fake_engine)
    article = from_text("Ein Satz. Noch einer.", language=HOSTILE)  # an unknown code
    with qtbot.waitSignal(window.documentShown):
        window.show_article(article)
    assert window.view.source_label.text() == HOSTILE
    assert window.view.source_label.textFormat() == Qt.TextFormat.PlainText
    assert window.view.target_label.textFormat() == Qt.TextFormat.PlainText


def test_glossary_tooltip_shows_a_hostile_definition_literally(
    qtbot, make_window, fake_engine, opened, tmp_path
):
    from desktop.core.glossary.termbase import Entry, write_termbase
    from desktop.ui.glossary_dock import ENTRY_ROLE

    entry = Entry(
        id="quarkrakete",
        de="Quarkrakete",
        en="curd rocket",
        category="concept",
        definition=HOSTILE,
        source="user",
    )
    write_termbase(Paths.from_env().user_glossary, [entry])
    doc = tmp_path / "quark.txt"
    doc.write_text("Die Quarkrakete flog weit. Das ist neu.\n", encoding="utf-8")
    window = make_window(fake_engine)
    opened(window, doc, translation=False)
    item = window.dock._find("quarkrakete")
    assert item is not None and item.data(0, ENTRY_ROLE) == "quarkrakete"
    tip = item.toolTip(0)
    # A tooltip is an AutoText label: render it the way Qt does and read what shows.
    shown = QTextDocument()
    if QtGui.Qt.mightBeRichText(tip):
        shown.setHtml(tip)
    else:
        shown.setPlainText(tip)
    assert shown.toPlainText() == HOSTILE
    assert "<img" not in shown.toHtml()


def test_term_editor_context_is_plain_and_unescaped(qtbot):
    from desktop.ui.dialogs import TermEditorDialog

    context = 'Er sagte: "<b>Drohnen</b> & Raketen" <img src=/local/file.png>'
    dialog = TermEditorDialog("Drohne", context)
    qtbot.addWidget(dialog)
    assert dialog.context.text() == context
    assert dialog.context.textFormat() == Qt.TextFormat.PlainText


# --- case 20: a read-only home ---------------------------------------------------------


def _unwritable_paths(tmp_path: Path) -> Paths:
    blocker = tmp_path / "home-is-a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    # mkdir under a regular file fails for every user, root included.
    return Paths(data=blocker / "data", config=blocker / "config", cache=blocker / "cache")


def _settings_messages(monkeypatch):
    from PySide6.QtWidgets import QStatusBar

    messages = []
    real = QStatusBar.showMessage

    def spy(self, text, timeout=0):
        messages.append(text)
        real(self, text, timeout)

    monkeypatch.setattr(QStatusBar, "showMessage", spy)
    return messages


def test_read_only_home_starts_and_says_so_once(qtbot, monkeypatch, tmp_path):
    from desktop.ui.app import create_window

    messages = _settings_messages(monkeypatch)
    paths = _unwritable_paths(tmp_path)
    window = create_window(None, paths)  # the bundled article: German
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.documentShown, timeout=20000):
            window.show()
        assert window.article is not None and len(window.article.sentences()) > 10
        notice = [m for m in messages if "Settings cannot be saved" in m]
        assert notice == [window.settings_notice]
        assert str(paths.config) in notice[0]
        assert window.statusBar().currentMessage() == notice[0]
        assert window.settings_saveable is False
        # Settings keep working in memory, and saving fails quietly.
        window.set_zoom(17)
        window.save_settings()
        assert float(window.settings.value("view/pointSize")) == 17.0
        window.close()
        assert not paths.config.exists()
        assert [m for m in messages if "Settings cannot be saved" in m] == notice
    finally:
        window.shutdown()


def test_full_config_disk_says_so(qtbot, monkeypatch, tmp_path):
    """The config dir exists but no file can be written in it (ENOSPC)."""
    import desktop.config as config
    from desktop.ui.app import create_window

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    messages = _settings_messages(monkeypatch)
    monkeypatch.setattr(config.tempfile, "mkstemp", full)
    paths = Paths.from_env()
    window = create_window(None, paths)
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.documentShown, timeout=20000):
            window.show()
        assert [m for m in messages if "Settings cannot be saved" in m] == [window.settings_notice]
        assert str(paths.config) in window.settings_notice
    finally:
        window.shutdown()


def test_writable_home_says_nothing(qtbot, monkeypatch):
    from desktop.ui.app import create_window

    messages = _settings_messages(monkeypatch)
    window = create_window(None, Paths.from_env())
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.documentShown, timeout=20000):
            window.show()
        assert window.settings_saveable is True
        assert not [m for m in messages if "Settings cannot be saved" in m]
    finally:
        window.shutdown()


@pytest.mark.parametrize("broken", ["config", "data", "cache"])
def test_open_settings_never_raises(tmp_path, broken):
    from desktop.ui.app import open_settings, settings_unsaved_dir

    good = Paths(tmp_path / "d", tmp_path / "c", tmp_path / "k")
    bad = _unwritable_paths(tmp_path)
    paths = Paths(
        **{
            name: getattr(bad if name == broken else good, name)
            for name in ("data", "config", "cache")
        }
    )
    settings = open_settings(paths)
    settings.setValue("x", 1)
    assert settings.value("x") == 1
    assert (settings_unsaved_dir(paths) is not None) == (broken == "config")
