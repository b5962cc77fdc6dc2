"""Review fixes in the main window."""

from __future__ import annotations


class _BrokenEngine:
    """An engine whose translate() fails at once (e.g. a corrupt model file)."""

    model = None

    def translate(self, sentences, cancel=None, on_result=None):
        raise RuntimeError("model file is corrupt")
        yield  # pragma: no cover - makes this a generator like the real engine


def test_translation_failure_stays_in_the_status_bar(qtbot, make_window, opened, article_path):
    window = make_window(_BrokenEngine())
    opened(window, article_path, glossary=False)
    text = window.status_label.text()
    assert "model file is corrupt" in text
    assert window.translation_done
    assert not window.progress.isVisible()


def test_escape_after_translation_keeps_the_finished_status(
    qtbot, make_window, opened, fake_engine, article_path
):
    window = make_window(fake_engine)
    opened(window, article_path)
    finished = window.status_label.text()
    assert finished.startswith("Translated")
    window.menu_actions.cancel.trigger()  # Esc, e.g. pressed to leave the glossary search field
    assert window.status_label.text() == finished


def test_models_dialog_is_deleted_after_closing(qtbot, make_window, monkeypatch):
    from PySide6.QtCore import QCoreApplication, QEvent

    from desktop.ui.models_dialog import ModelsDialog

    monkeypatch.setattr(ModelsDialog, "exec", lambda self: 0)
    window = make_window()
    window.show_models_dialog()
    window.show_models_dialog()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    window.models.pool.waitForDone(5000)
    qtbot.wait(20)
    assert window.findChildren(ModelsDialog) == []


def test_progress_bars_have_accessible_names(qtbot, make_window):
    from desktop.ui.models_dialog import ModelsDialog

    window = make_window()
    dialog = ModelsDialog(window.models, window)
    try:
        assert window.progress.accessibleName()
        assert dialog.progress.accessibleName()
    finally:
        window.models.pool.waitForDone(5000)
        dialog.deleteLater()


def test_damaged_zoom_setting_falls_back_to_the_default(qtbot, make_window):
    from desktop.config import Paths
    from desktop.ui.app import open_settings
    from desktop.ui.window_parts import DEFAULT_POINT_SIZE

    settings = open_settings(Paths.from_env())
    settings.setValue("view/pointSize", "huge")
    settings.sync()
    window = make_window(None)
    assert window.zoom == DEFAULT_POINT_SIZE


def test_failed_html_export_keeps_the_earlier_file(
    qtbot, make_window, opened, fake_engine, article_path, tmp_path, monkeypatch
):
    import errno
    import os

    import pytest

    window = make_window(fake_engine)
    opened(window, article_path)
    out = tmp_path / "exports"
    out.mkdir()
    target = out / "article.html"
    target.write_text("earlier export", encoding="utf-8")

    def full_disk(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError):
        window.export_html(target)
    assert target.read_text(encoding="utf-8") == "earlier export"
    assert [p.name for p in out.iterdir()] == ["article.html"]
