"""Everything a reader works with is reachable with Tab alone, and named for screen readers."""

from __future__ import annotations

from PySide6.QtCore import Qt


def _tab_chain(window, start, steps=300):
    """The widgets Tab visits from START, following Qt's focus chain (visible, tab-focusable)."""
    seen, widget = [], start
    for _ in range(steps):
        widget = widget.nextInFocusChain()
        if widget is start:
            break
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.window() is window
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            seen.append(widget)
    return seen


def test_tab_reaches_panes_glossary_and_model_panel(qtbot, make_window, opened, article_path):
    window = make_window(None)  # no model installed: the English side shows the no-model panel
    opened(window, article_path, translation=False)
    qtbot.waitUntil(window.view.no_model_shown, timeout=20000)
    chain = _tab_chain(window, window.view.source)
    wanted = {
        "German pane": window.view.source,
        "glossary search": window.dock.search,
        "category filter": window.dock.category,
        "term list": window.dock.tree,
        "entry details": window.dock.detail,
        "add to glossary": window.dock.add_button,
        "download button": window.view.no_model.download_button,
        "install button": window.view.no_model.install_button,
    }
    missing = [
        name
        for name, widget in wanted.items()
        if widget is not window.view.source and widget not in chain
    ]
    assert missing == []
    for name, widget in wanted.items():
        assert widget.accessibleName(), f"{name} has no accessible name"


def test_tab_reaches_the_english_pane_when_translating(
    qtbot, make_window, opened, fake_engine, article_path
):
    window = make_window(fake_engine)
    opened(window, article_path)
    chain = _tab_chain(window, window.view.source)
    assert window.view.target in chain
    assert window.view.target.accessibleName() == "English translation"
