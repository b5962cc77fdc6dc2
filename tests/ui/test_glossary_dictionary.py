"""The glossary panel and the panes with terms from the dictionary, in the real window."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor

from desktop.config import Paths
from desktop.ui.glossary_dock import ENTRY_ROLE, KIND_ROLE
from tests.core.dictionary.real_index import place_index, real_index
from tests.core.terms.texts import SECURITY_NEWS

BARRACKS = "ding:Kaserne"


@pytest.fixture
def news(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text(SECURITY_NEWS, encoding="utf-8")
    return path


@pytest.fixture
def with_dictionary(tmp_path_factory, lagebild_home):
    """The session's index of the real Ding file in this test's data dir."""
    return place_index(real_index(tmp_path_factory), Paths.from_env().data)


@pytest.fixture
def engine(engine_cls):
    # Renders the dictionary term as one of its senses, so the English pane can mark it.
    return engine_cls({"Kasernen": "barracks", "Waffenstillstand": "ceasefire"})


def _groups(dock):
    tree = dock.tree
    return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]


def _dictionary_group(dock):
    found = [g for g in _groups(dock) if g.data(0, KIND_ROLE) == "dictionary-group"]
    return found[0] if found else None


def _item(group, key):
    for i in range(group.childCount()):
        if group.child(i).data(0, ENTRY_ROLE) == key:
            return group.child(i)
    return None


def _format_at(pane, start):
    cursor = QTextCursor(pane.document())
    cursor.setPosition(start + 1)
    return cursor.charFormat()


def test_dictionary_terms_are_listed_below_curated_entries(
    qtbot, make_window, opened, engine, news, with_dictionary
):
    window = make_window(engine)
    opened(window, news)
    keys = {t.key for t in window.glossary.dictionary_terms}
    assert BARRACKS in keys
    groups = _groups(window.dock)
    group = _dictionary_group(window.dock)
    assert group is not None and group.text(0).startswith("From the dictionary (")
    kinds = [g.data(0, KIND_ROLE) for g in groups]
    curated = [i for i, g in enumerate(groups) if not g.icon(0).isNull()]  # category groups
    assert curated and kinds.index("dictionary-group") > max(curated)
    item = _item(group, BARRACKS)
    assert item is not None and item.data(0, KIND_ROLE) == "dictionary"
    assert (item.text(0), item.text(2)) == ("Kaserne", "1")
    assert "barracks" in item.text(1) and item.font(0).italic()
    assert not window.dock.promote_button.isEnabled()
    window.dock.tree.setCurrentItem(item)
    detail = window.dock.detail.toPlainText()
    assert "From the dictionary" in detail and "barracks" in detail and "Kasernen" in detail
    assert window.dock.promote_button.isEnabled()


def test_dictionary_terms_are_marked_more_quietly_in_both_panes(
    qtbot, make_window, opened, engine, news, with_dictionary
):
    window = make_window(engine)
    opened(window, news)
    source, target = window.view.source, window.view.target
    (start, end, key), *_ = source.term_ranges(BARRACKS)
    assert source.toPlainText()[start:end] == "Kasernen"
    quiet = _format_at(source, start)
    assert quiet.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    assert quiet.background().style() == Qt.BrushStyle.NoBrush
    (c_start, _, _), *_ = source.term_ranges("waffenstillstand")
    curated = _format_at(source, c_start)
    assert curated.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    assert curated.background().style() != Qt.BrushStyle.NoBrush
    qtbot.waitUntil(lambda: target.term_ranges(BARRACKS) != [], timeout=5000)
    (t_start, t_end, _), *_ = target.term_ranges(BARRACKS)
    assert target.toPlainText()[t_start:t_end] == "barracks"
    assert _format_at(target, t_start).underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    # the tooltip of a dictionary term gives its senses and says where they come from
    tip = window._term_tooltip(BARRACKS)
    assert "Kaserne" in tip and "barracks" in tip and "from the dictionary" in tip


def test_one_click_adds_a_dictionary_term_to_my_glossary(
    qtbot, make_window, opened, engine, news, with_dictionary
):
    window = make_window(engine)
    opened(window, news)
    item = _item(_dictionary_group(window.dock), BARRACKS)
    window.dock.tree.setCurrentItem(item)
    with qtbot.waitSignal(window.glossaryReady, timeout=20000):
        qtbot.mouseClick(window.dock.promote_button, Qt.MouseButton.LeftButton)
    saved = json.loads(Paths.from_env().user_glossary.read_text(encoding="utf-8"))["entries"]
    (entry,) = [e for e in saved if e["de"] == "Kaserne"]
    assert (entry["en"], entry["category"]) == ("barracks", "concept")
    # now a curated entry of the user: no longer a dictionary term, marked as an entry
    assert BARRACKS not in {t.key for t in window.glossary.dictionary_terms}
    assert entry["id"] in {h.entry_id for h in window.glossary.hits}
    assert window.view.source.term_ranges(entry["id"])
    assert "Kaserne" in window.status_label.text()


def test_without_a_dictionary_index_only_curated_terms(qtbot, make_window, opened, engine, news):
    window = make_window(engine)
    opened(window, news)
    assert window.glossary.hits and window.glossary.dictionary_terms == []
    assert _dictionary_group(window.dock) is None
    assert "unavailable" not in window.dock.detail.toPlainText()
