"""No-model panel, bad files, export, settings, adding terms, shortcuts, paste, drop."""

from __future__ import annotations

import csv
import io
import json

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox


def test_no_model_panel_and_german_side_still_works(qtbot, make_window, opened, article_path):
    window = make_window(None)  # the real engine; the tmp home has no model installed
    opened(window, article_path)
    assert window.view.no_model_shown()
    panel = window.view.no_model
    assert "lagebild models" in panel.detail.text()
    assert panel.download_button.isVisible() and panel.install_button.isVisible()
    assert panel.download_button.accessibleName() and panel.install_button.accessibleName()
    assert "Budanov" in window.view.source.toPlainText()
    assert window.dock.hit_count("militaergeheimdienst") == 1
    assert "No model" in window.model_label.text()


def test_install_from_file_in_panel_starts_translation(
    qtbot, make_window, opened, zh_model, tmp_path
):
    window = make_window(None)
    text = tmp_path / "zh.txt"
    text.write_text("俄罗斯军队试图包围一个小镇。他们逮捕了两名嫌疑人。\n", encoding="utf-8")
    opened(window, text, glossary=False)  # the window's default: guess the language
    assert window.article.source.language == "zh"
    assert window.view.source_label.text() == "Chinese"
    assert window.view.no_model_shown()
    with qtbot.waitSignal(window.translationFinished, timeout=180000):
        window.install_model_from_file(str(zh_model))
    assert not window.view.no_model_shown()
    english = window.view.target.toPlainText()
    assert "Russian" in english and "suspects" in english
    assert "zh→en" in window.model_label.text()


def test_bad_file_message_keeps_current_document(
    qtbot, make_window, opened, fake_engine, article_path, tmp_path, monkeypatch
):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    window = make_window(fake_engine)
    article = opened(window, article_path)
    bad = tmp_path / "bild.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with qtbot.waitSignal(window.documentFailed) as blocker:
        window.open_file(bad)
    assert "PNG" in blocker.args[0] and shown == [blocker.args[0]]
    assert window.article is article
    assert "Budanov" in window.view.source.toPlainText()
    with qtbot.waitSignal(window.documentFailed):
        window.open_file(tmp_path / "missing.pdf")
    assert "does not exist" in shown[-1]


def test_export_html_and_glossary(qtbot, make_window, opened, fake_engine, article_path, tmp_path):
    window = make_window(fake_engine)
    article = opened(window, article_path)
    out = tmp_path / "a.html"
    window.export_html(out)
    page = out.read_text(encoding="utf-8")
    first = article.sentences()[1]
    assert page.count("<tr id=") == len(article.sentences())
    assert f'<tr id="{first.id}">' in page
    assert "EN " in page and 'class="term"' in page
    assert "military intelligence" in page and "armed forces" in page  # appendix definition
    csv_path = tmp_path / "g.csv"
    window.export_glossary(csv_path)
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    by_id = {r["id"]: r for r in rows}
    assert by_id["militaergeheimdienst"]["en"] == "military intelligence"
    assert "armed forces" in by_id["militaergeheimdienst"]["definition"]
    assert len(rows) == len({h.entry_id for h in window.glossary.hits})


def test_export_tbx(qtbot, make_window, opened, fake_engine, article_path, tmp_path):
    pytest.importorskip("desktop.core.glossary.tbx")
    window = make_window(fake_engine)
    opened(window, article_path)
    out = tmp_path / "g.tbx"
    window.export_glossary(out)
    text = out.read_text(encoding="utf-8")
    assert "Militärgeheimdienst" in text and "military intelligence" in text


def test_settings_round_trip(qtbot, make_window, opened, fake_engine, article_path):
    window = make_window(fake_engine)
    opened(window, article_path)
    window.set_zoom(15)
    window.menu_actions.sync_scroll.setChecked(True)
    window.menu_actions.sync_scroll.trigger()
    window.apply_theme(True)
    window.resize(1000, 700)
    window.close()
    again = make_window(fake_engine, open_initial=True, size=None)
    with qtbot.waitSignal(again.documentShown, timeout=10000):
        pass
    assert again.zoom == 15
    assert again.view.source.document().defaultFont().pointSizeF() == 15
    assert again.view.sync_scrolling is False and not again.menu_actions.sync_scroll.isChecked()
    assert again.dark and again.menu_actions.dark_theme.isChecked()
    assert again.recent_files() == [str(article_path)]
    assert [a.toolTip() for a in again.menu_actions.recent_menu.actions()] == [str(article_path)]
    assert again.article.source.path == str(article_path)  # the last file reopened
    # the saved geometry is used instead of the 1400x900 default (offscreen may clamp width)
    assert again.size().height() == 700
    again.apply_theme(False)


def test_add_suggested_term_to_user_glossary(
    qtbot, make_window, opened, fake_engine, article_path, monkeypatch
):
    from desktop.config import Paths
    from desktop.ui import dialogs

    def fake_exec(dialog):
        assert dialog.de.text() == "Enthüllung"
        assert "Enthüllung" in dialog.context.text()
        dialog.en.setText("revelation")
        dialog.definition.setPlainText("Something made known.")
        return dialogs.TermEditorDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs.TermEditorDialog, "exec", fake_exec)
    window = make_window(fake_engine)
    article = opened(window, article_path)
    context = next(s.text for s in article.sentences() if "Enthüllung" in s.text)
    with qtbot.waitSignal(window.glossaryReady, timeout=20000):
        assert window.add_term("Enthüllung", context)
    saved = json.loads(Paths.from_env().user_glossary.read_text(encoding="utf-8"))
    entries = saved["entries"] if isinstance(saved, dict) else saved
    assert any(e["de"] == "Enthüllung" and e["en"] == "revelation" for e in entries)
    new_id = next(e["id"] for e in entries if e["de"] == "Enthüllung")
    assert window.dock.hit_count(new_id) >= 1
    assert window.view.source.term_ranges(new_id)


def test_shortcuts_dialog_lists_actions(qtbot, make_window):
    from desktop.ui.dialogs import ShortcutsDialog

    window = make_window(None)
    dialog = ShortcutsDialog(window.menu_actions.all(), window)
    qtbot.addWidget(dialog)
    with_keys = [a for a in window.menu_actions.all() if a.shortcuts()]
    assert dialog.rows == len(with_keys) >= 15
    from PySide6.QtWidgets import QTextBrowser

    listing = dialog.findChild(QTextBrowser).toPlainText()
    assert "Ctrl+O" in listing and "Open" in listing


def test_every_pane_and_control_has_accessible_name(qtbot, make_window):
    window = make_window(None)
    view = window.view
    for widget in (
        view.source,
        view.target,
        view.no_model,
        window.dock,
        window.dock.search,
        window.dock.tree,
        window.dock.detail,
        window.dock.category,
        window.cancel_button,
        window.status_label,
    ):
        assert widget.accessibleName(), widget


def test_zoom_shortcuts(qtbot, make_window):
    window = make_window(None)
    before = window.zoom
    window.menu_actions.zoom_in.trigger()
    window.menu_actions.zoom_in.trigger()
    assert window.zoom == before + 2
    window.menu_actions.zoom_out.trigger()
    assert window.view.target.document().defaultFont().pointSizeF() == before + 1
    window.menu_actions.zoom_reset.trigger()
    assert window.zoom == 12


def test_paste_and_drop_open_documents(qtbot, make_window, fake_engine, monkeypatch, tmp_path):
    from desktop.ui import dialogs

    window = make_window(fake_engine)
    QApplication.clipboard().setText("Der Bundesnachrichtendienst warnt.\n\nZweiter Satz hier.")
    monkeypatch.setattr(
        dialogs.PasteDialog, "exec", lambda self: dialogs.PasteDialog.DialogCode.Accepted
    )
    with qtbot.waitSignal(window.documentShown):
        window.menu_actions.paste.trigger()
    assert window.article.source.path is None
    assert window.view.source.toPlainText().startswith("Der Bundesnachrichtendienst warnt.")
    dropped = tmp_path / "drop.md"
    dropped.write_text("# Titel\n\nEin **fetter** Satz.\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.documentShown):
        window.dropEvent(event)
    assert window.view.source.toPlainText() == "Titel\nEin fetter Satz."
    assert window.article.paragraphs[0].kind == "heading"


def test_suggestions_listed_and_add_button_prefills(
    qtbot, make_window, opened, fake_engine, article_path, monkeypatch
):
    from desktop.ui import dialogs
    from desktop.ui.glossary_dock import KIND_ROLE

    seen = []

    def fake_exec(dialog):
        seen.append((dialog.de.text(), dialog.context.text()))
        return dialogs.TermEditorDialog.DialogCode.Rejected

    monkeypatch.setattr(dialogs.TermEditorDialog, "exec", fake_exec)
    window = make_window(fake_engine)
    article = opened(window, article_path)
    suggestions = window.glossary.suggestions
    if not suggestions:  # whatever the suggester finds, the panel must list and add it
        from desktop.core.glossary.suggestions import Suggestion

        sent = next(s for s in article.sentences() if "Enthüllung" in s.text)
        at = article.text.index("Enthüllung", sent.start)
        suggestions = [Suggestion("Enthüllung", 1.0, "noun", [(sent.id, at, at + 10)])]
        g = window.glossary
        window.dock.set_data(article, g.termbase, g.hits, suggestions)
    tree = window.dock.tree
    group = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0).startswith("Suggested new terms")
    )
    assert group.childCount() == len(suggestions)
    item = group.child(0)
    assert item.data(0, KIND_ROLE) == "suggestion"
    tree.setCurrentItem(item)
    assert suggestions[0].term in window.dock.detail.toPlainText()
    window.dock.add_button.click()
    sid = suggestions[0].contexts[0][0]
    assert seen == [(suggestions[0].term, article.sentence(sid).text)]
