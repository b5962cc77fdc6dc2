"""A large document in the real window: the first screen at once, the rest on demand.

The article (about 4 MB of generated German) is far above the size the panes render
completely; eager rendering took tens of seconds for it with the GUI thread blocked.
"""

from __future__ import annotations

import random
import time

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

_SIZE = 4_000_000  # bytes of German text

_WHO = [
    "Der ukrainische Militärgeheimdienst",
    "Ein Sprecher der Regierung",
    "Die Luftwaffe",
    "Das Verteidigungsministerium in Moskau",
    "Ein Beobachter vor Ort",
    "Die Marine",
]
_WHAT = ["meldete am Montag", "bestätigte", "bestritt", "erklärte am Abend", "warnte"]
_THAT = [
    "dass {n} Drohnen abgefangen worden seien",
    "dass Nordkorea Raketen liefere",
    "dass die Sanktionen verschärft würden",
    "dass die Truppen um {n} Mann verstärkt wurden",
    "dass der Angriff auf das Depot bei Nacht erfolgte",
]


def _german(size: int) -> str:
    rng = random.Random(5)
    lines, total, number = [], 0, 0
    while total < size:
        if number % 10 == 0:
            line = f"Lagebericht Teil {number // 10 + 1}"
        else:
            line = " ".join(
                f"{rng.choice(_WHO)} {rng.choice(_WHAT)}, "
                f"{rng.choice(_THAT).format(n=rng.randint(2, 999))}."
                for _ in range(rng.randint(3, 6))
            )
        lines.append(line)
        total += len(line.encode("utf-8")) + 2
        number += 1
    return "\n\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def large_article(tmp_path_factory):
    """The generated article, loaded once for the module."""
    from desktop.core.documents import load

    path = tmp_path_factory.mktemp("large") / "gross.txt"
    path.write_text(_german(_SIZE), encoding="utf-8")
    return load(path)


def _on_screen(pane, sid: str) -> bool:
    span = pane.sentence_span(sid)
    if span is None:
        return False
    cursor = QTextCursor(pane.document())
    cursor.setPosition(span[0])
    rect = pane.cursorRect(cursor)
    return rect.bottom() > 0 and rect.top() < pane.viewport().height()


def _no_selection(pane) -> bool:
    """Nothing selected in PANE (the caret is not dragged along by inserted text)."""
    return not pane.textCursor().hasSelection()


def test_large_document_first_screen_fast_and_end_reachable(
    qtbot, make_window, engine_cls, large_article, monkeypatch
):
    class Backwards(engine_cls):
        """Translates the last sentences first: they arrive before they are rendered."""

        def translate(self, sentences, cancel=None, on_result=None):
            yield from super().translate(list(reversed(sentences)), cancel, on_result)

    article = large_article
    assert len(article.text) > 3_500_000
    first = article.paragraphs[0].sentences[0]
    last = article.sentences()[-1]
    window = make_window(Backwards(delay=0.002))
    # glossary hits are the third test's subject; matching 4 MB would only slow this one
    monkeypatch.setattr(window.glossary_service, "match", lambda _article: 0)
    source, target = window.view.source, window.view.target

    gaps, stamp = [], [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        gaps.append(now - stamp[0])
        stamp[0] = now

    probe = QTimer()
    probe.setInterval(10)
    probe.timeout.connect(tick)
    probe.start()
    started = time.perf_counter()
    window.show_article(article)
    qtbot.waitUntil(
        lambda: source.document().firstBlock().text().startswith(first.text), timeout=10_000
    )
    first_screen = time.perf_counter() - started
    assert first_screen < 5.0, f"first screen after {first_screen:.1f} s"
    assert _on_screen(source, first.id) and _on_screen(target, first.id)
    assert source.sentence_text(first.id) == first.text.replace("\n", " ")
    assert _no_selection(source) and _no_selection(target)
    # the document holds only what is near the view, not the whole article
    assert not source.is_rendered(last.id)

    # the translation of the last sentence arrives while it is not rendered ...
    qtbot.waitUntil(lambda: last.id in window.translations, timeout=10_000)
    assert target.is_translated(last.id) and not target.is_rendered(last.id)
    qtbot.wait(300)  # the window keeps running while translations stream in
    probe.stop()
    assert max(gaps) < 2.0, f"GUI thread stalled for {max(gaps):.1f} s"

    # ... and shows when the user goes there (the glossary panel's sentence link)
    window.dock.sentenceRequested.emit(last.id)
    qtbot.waitUntil(
        lambda: _on_screen(source, last.id) and _on_screen(target, last.id), timeout=5_000
    )
    assert source.sentence_text(last.id) == last.text.replace("\n", " ")
    assert target.sentence_text(last.id) == window.translations[last.id]
    assert source.aligned() == target.aligned() == last.id
    assert _no_selection(source) and _no_selection(target)
    # a click on it selects it in both panes
    source.scroll_to_sentence(last.id)  # the German pane as it was, not synced to English
    start, _ = source.sentence_span(last.id)
    cursor = QTextCursor(source.document())
    cursor.setPosition(start + 2)
    point = source.cursorRect(cursor).center() + QPoint(2, 0)
    window.view.highlight(None)
    QTest.mouseClick(source.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert target.aligned() == last.id and source.aligned() == last.id


def test_large_document_scrolls_through_a_bounded_window(qtbot, large_article):
    from desktop.ui.panes import SourcePane

    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.resize(700, 600)
    pane.show()
    qtbot.waitExposed(pane)
    pane.render(large_article)
    bar = pane.scroll_bar()
    assert bar is not pane.verticalScrollBar() and bar.isVisible()
    last = large_article.sentences()[-1]
    bar.setValue(bar.maximum())  # drag the overview to the end
    qtbot.waitUntil(lambda: _on_screen(pane, last.id), timeout=5_000)
    assert _no_selection(pane)
    # wheel-like scrolling upwards: the window follows, its size stays bounded
    inner = pane.verticalScrollBar()
    seen = set()
    for _ in range(60):
        inner.setValue(inner.value() - 120)
        qtbot.wait(1)
        seen.add(pane.top_sentence())
        assert pane.document().blockCount() < 200
    assert len(seen) > 20
    assert bar.value() < bar.maximum()
    qtbot.waitUntil(pane.render_complete, timeout=5_000)
    assert _no_selection(pane)


def test_small_article_rendered_whole_without_selection(
    qtbot, opened, make_window, fake_engine, article_path
):
    window = make_window(fake_engine)
    article = opened(window, article_path)
    for pane in (window.view.source, window.view.target):
        assert pane.document().blockCount() == len(article.paragraphs)
        assert all(pane.is_rendered(s.id) for s in article.sentences())
        assert pane.scroll_bar() is pane.verticalScrollBar()
        assert _no_selection(pane)
        assert pane.verticalScrollBar().value() == 0


def test_glossary_hits_of_unrendered_sentences_shown_when_rendered(qtbot, large_article):
    from desktop import resources
    from desktop.core.glossary.termbase import Termbase
    from desktop.ui.panes import SourcePane

    termbase = Termbase.load(resources.path(resources.DEFAULT_GLOSSARY))
    matcher = termbase.matcher()
    late = next(s for s in reversed(large_article.sentences()) if "Militär" in s.text)
    hits = matcher.match_text(late.text, offset=late.start, sentence_id=late.id)
    assert hits
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.resize(700, 600)
    pane.show()
    pane.render(large_article)
    pane.set_hits(hits, termbase)
    qtbot.waitUntil(pane.render_complete, timeout=5_000)
    assert not pane.is_rendered(late.id) and pane.term_ranges() == []
    pane.scroll_to_sentence(late.id)
    assert _on_screen(pane, late.id)
    ranges = pane.term_ranges(hits[0].entry_id)
    assert ranges
    start, end, _ = ranges[0]
    cursor = QTextCursor(pane.document())
    cursor.setPosition(start + 1)
    assert cursor.charFormat().underlineStyle() != cursor.charFormat().UnderlineStyle.NoUnderline
    assert pane.term_at(start + 1) == hits[0].entry_id


def test_one_long_paragraph_is_shown_in_slices(qtbot):
    from desktop.core.documents import load_text
    from desktop.ui.panes import TargetPane

    article = load_text(_german(120_000).replace("\n\n", " "), name="Ein Absatz")
    assert len(article.paragraphs) == 1 and len(article.text) > 100_000
    pane = TargetPane()
    qtbot.addWidget(pane)
    pane.resize(700, 600)
    pane.show()
    pane.render(article, {})
    last = article.sentences()[-1]
    pane.set_translation(last.id, "EN the last one.")
    qtbot.waitUntil(pane.render_complete, timeout=5_000)
    assert pane.document().blockCount() < 10  # slices of the paragraph near the view
    pane.scroll_to_sentence(last.id)
    assert _on_screen(pane, last.id) and pane.sentence_text(last.id) == "EN the last one."
    assert _no_selection(pane)
