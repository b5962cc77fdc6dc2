"""The window's glossary search and add-term use the same core paths as the CLI."""

from __future__ import annotations

import json

import pytest

from desktop.config import Paths


def _listed(window) -> set[str]:
    tree = window.dock.tree
    ids = set()
    for g in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(g)
        for i in range(group.childCount()):
            ids.add(group.child(i).data(0, 0x0100))  # Qt.UserRole: the entry id
    return ids


@pytest.mark.parametrize(
    ("typed", "entry_id"),
    [("Drohnen", "drohne"), ("Langstreckenraketen", "langstreckenrakete")],
)
def test_search_box_finds_inflected_forms(
    qtbot, make_window, opened, fake_engine, article_path, typed, entry_id
):
    from desktop.core.glossary.termbase import Termbase

    assert Termbase.load_default().get(entry_id) is not None  # the entry exists at all
    window = make_window(fake_engine)
    opened(window, article_path)
    window.dock.search.setText(typed)
    qtbot.waitUntil(lambda: entry_id in _listed(window), timeout=5000)


def test_adding_a_known_term_in_the_window_is_refused(
    qtbot, make_window, opened, fake_engine, article_path, monkeypatch
):
    from desktop.ui import dialogs

    def fake_exec(dialog):
        dialog.de.setText("Drohne")
        dialog.en.setText("drone")
        return dialogs.TermEditorDialog.DialogCode.Accepted

    warnings = []
    monkeypatch.setattr(dialogs.TermEditorDialog, "exec", fake_exec)
    monkeypatch.setattr(
        "desktop.ui.main_window.QMessageBox.warning", lambda *args: warnings.append(args[2])
    )
    window = make_window(fake_engine)
    opened(window, article_path)
    assert window.add_term("Drohne") is False
    assert warnings and "already in the glossary" in warnings[0]
    user = Paths.from_env().user_glossary
    saved = json.loads(user.read_text(encoding="utf-8"))["entries"] if user.exists() else []
    assert not any(e["de"] == "Drohne" for e in saved)
