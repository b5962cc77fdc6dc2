"""The main window end to end: article, streaming translation, alignment, glossary links."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest


def _point_of(pane, position: int) -> QPoint:
    cursor = QTextCursor(pane.document())
    cursor.setPosition(position)
    return pane.cursorRect(cursor).center() + QPoint(2, 0)


def test_german_text_and_glossary_shown(
    qtbot, opened, engine_cls, make_window, fake_engine, article_path
):
    window = make_window(fake_engine)
    article = opened(window, article_path)
    source = window.view.source
    assert source.toPlainText().startswith(article.paragraphs[0].sentences[0].text)
    assert len(source.toPlainText().split("\n")) == len(article.paragraphs)
    assert window.windowTitle().startswith(article.title)
    # every sentence is addressable and shows exactly its own text
    for sent in article.sentences():
        assert source.sentence_text(sent.id) == sent.text.replace("\n", " ")
    assert window.dock.hit_count("militaergeheimdienst") == 1
    assert window.dock.select_entry("militaergeheimdienst")
    assert "military intelligence" in window.dock.detail.toPlainText()
    # the hit list links to the sentence: clicking it highlights it in both panes
    hit_sentence = next(s.id for s in article.sentences() if "Militärgeheimdienst" in s.text)
    window.dock.detail.anchorClicked.emit(QUrl(f"sentence:{hit_sentence}"))
    assert source.aligned() == window.view.target.aligned() == hit_sentence


def test_translation_streams_into_english_pane(
    qtbot, opened, engine_cls, make_window, fake_engine, article_path
):
    window = make_window(fake_engine)
    article = opened(window, article_path)
    target = window.view.target
    assert not window.view.no_model_shown()
    for sent in article.sentences():
        assert target.is_translated(sent.id)
        assert target.sentence_text(sent.id) == fake_engine.render(sent.text)
    n = len(article.sentences())
    assert f"{n}/{n}" in window.status_label.text()
    assert not window.cancel_button.isVisible()


def test_placeholders_dimmed_until_translated(
    qtbot, opened, engine_cls, make_window, glossary_replacements, article_path
):
    engine = engine_cls(glossary_replacements, delay=0.05)
    window = make_window(engine)
    with qtbot.waitSignal(window.documentShown):
        window.open_file(article_path)
    target = window.view.target
    first, last = window.article.sentences()[0], window.article.sentences()[-1]
    qtbot.waitUntil(lambda: target.is_translated(first.id), timeout=5000)
    assert window.cancel_button.isVisible()
    assert not target.is_translated(last.id)
    start, _ = target.sentence_span(last.id)
    cursor = QTextCursor(target.document())
    cursor.setPosition(start + 1)
    assert cursor.charFormat().fontItalic()  # the dimmed placeholder style
    with qtbot.waitSignal(window.translationFinished, timeout=10000):
        window.cancel_translation()
    assert not target.is_translated(last.id)
    assert "cancelled" in window.status_label.text().lower()


def test_stale_results_of_previous_document_dropped(
    qtbot, opened, engine_cls, make_window, glossary_replacements, article_path, tmp_path
):
    engine = engine_cls(glossary_replacements, delay=0.03)
    window = make_window(engine)
    with qtbot.waitSignal(window.documentShown):
        window.open_file(article_path)
    qtbot.waitUntil(lambda: len(window.translations) >= 1, timeout=5000)
    other = tmp_path / "kurz.txt"
    other.write_text("Kurzer Text.\n\nZweiter Absatz hier.\n", encoding="utf-8")
    opened(window, other, glossary=False)
    assert set(window.translations) == {s.id for s in window.article.sentences()}
    assert window.translations["p1s1"] == "EN Kurzer Text."


def test_hover_and_caret_highlight_counterpart(
    qtbot, opened, engine_cls, make_window, fake_engine, article_path
):
    window = make_window(fake_engine)
    article = opened(window, article_path)
    source, target = window.view.source, window.view.target
    sent = article.paragraphs[1].sentences[1]
    point = _point_of(source, source.sentence_span(sent.id)[0] + 3)
    QTest.mouseMove(source.viewport(), point)
    qtbot.waitUntil(lambda: target.aligned() == sent.id, timeout=2000)
    assert target.sentence_span(sent.id) in target.highlighted_ranges()
    # the caret (keyboard) does the same from the English side
    other = article.paragraphs[2].sentences[0]
    target.setFocus()
    cursor = target.textCursor()
    cursor.setPosition(target.sentence_span(other.id)[0] + 2)
    target.setTextCursor(cursor)
    assert source.aligned() == other.id
    assert source.sentence_span(other.id) in source.highlighted_ranges()


def test_click_scrolls_other_pane_and_sync_toggle(
    qtbot, opened, engine_cls, make_window, fake_engine, article_path
):
    window = make_window(fake_engine, size=(900, 500))
    article = opened(window, article_path)
    source, target = window.view.source, window.view.target
    window.menu_actions.sync_scroll.setChecked(True)
    window.menu_actions.sync_scroll.trigger()  # the menu action turns it off
    assert window.view.sync_scrolling is False
    last = article.sentences()[-1]
    source.verticalScrollBar().setValue(source.verticalScrollBar().maximum())
    assert target.verticalScrollBar().value() == 0  # sync off: the other pane stays
    point = _point_of(source, source.sentence_span(last.id)[0] + 2)
    QTest.mouseClick(source.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert target.verticalScrollBar().value() > 0
    assert target.aligned() == last.id
    # sync on: scrolling the German pane scrolls the English one
    window.menu_actions.sync_scroll.trigger()
    assert window.view.sync_scrolling is True
    source.verticalScrollBar().setValue(0)
    assert target.verticalScrollBar().value() < 50


def test_glossary_selection_highlights_both_panes(
    qtbot, opened, engine_cls, make_window, fake_engine, article_path
):
    window = make_window(fake_engine)
    opened(window, article_path)
    source, target = window.view.source, window.view.target
    assert window.dock.select_entry("militaergeheimdienst")
    src = [source.toPlainText()[s:e] for s, e in source.highlighted_ranges()]
    assert "Militärgeheimdienstes" in src
    tgt = [target.toPlainText()[s:e] for s, e in target.highlighted_ranges()]
    assert "military intelligence" in tgt
    # deselecting clears the term highlight
    window.dock.tree.setCurrentItem(None)
    assert not any(
        source.toPlainText()[s:e] == "Militärgeheimdienstes" for s, e in source.highlighted_ranges()
    )


def test_term_click_selects_entry_and_tooltip(
    qtbot, opened, engine_cls, make_window, fake_engine, article_path
):
    window = make_window(fake_engine)
    opened(window, article_path)
    source = window.view.source
    start, end, entry_id = source.term_ranges("militaergeheimdienst")[0]
    point = _point_of(source, start + 3)
    tip = source.tooltip_at(point)
    assert "military intelligence" in tip and "armed forces" in tip
    QTest.mouseClick(source.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.dock.current_entry() == "militaergeheimdienst"
    underline = QTextCursor(source.document())
    underline.setPosition(start + 1)
    assert (
        underline.charFormat().fontUnderline()
        or underline.charFormat().underlineStyle()
        != underline.charFormat().UnderlineStyle.NoUnderline
    )


def test_term_check_flags_sentence(
    qtbot, opened, engine_cls, make_window, glossary_replacements, article_path
):
    engine = engine_cls(glossary_replacements, skip=frozenset({"Militärgeheimdienstes"}))
    window = make_window(engine)
    with qtbot.waitSignal(window.checkFinished, timeout=20000):
        opened(window, article_path)
    flags = window.view.target.flags()
    flagged = [
        sid for sid, msgs in flags.items() if any("military intelligence" in m for m in msgs)
    ]
    assert len(flagged) == 1
    sid = flagged[0]
    assert "Militärgeheimdienst" in window.article.sentence(sid).text
    point = _point_of(window.view.target, window.view.target.sentence_span(sid)[0] + 1)
    assert "military intelligence" in window.view.target.tooltip_at(point)


def test_search_finds_entries_outside_article(
    qtbot, opened, engine_cls, make_window, fake_engine, article_path
):
    window = make_window(fake_engine)
    opened(window, article_path)
    dock = window.dock
    in_article = dock.tree.topLevelItemCount()
    termbase = window.glossary.termbase
    absent = next(e for e in termbase.entries if dock.hit_count(e.id) == 0 and len(e.de) > 4)
    dock.search.setText(absent.de)
    assert dock._find(absent.id) is not None
    dock.search.clear()
    assert dock.tree.topLevelItemCount() == in_article
    dock.category.setCurrentIndex(dock.category.findData("agency"))
    labels = [dock.tree.topLevelItem(i).text(0) for i in range(dock.tree.topLevelItemCount())]
    assert len(labels) == 1 and "Agencies" in labels[0]
