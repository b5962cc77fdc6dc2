"""The word lookup popup in the real window: clicks, selections, Ctrl+D, Esc, install, status.

The dictionary is the real Ding file's index (built once per session, skipped with a clear
reason when /usr/share/trans/de-en is absent); the no-dictionary and install tests point the
window at a missing system file and write a small Ding file of their own.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtTest import QTest

from desktop.config import Paths
from tests.core.dictionary.real_index import place_index, real_index
from tests.core.dictionary.small_ding import write_ding

ARTICLE = (
    "Lage im Osten\n\n"
    "Die Armee schoss die Drohne gestern ab.\n\n"
    "In der Kaserne erhielten die Soldaten neue Munitionslieferungen und Raketen.\n"
)
ENGLISH = {"gestern": "yesterday", "Kaserne": "barracks"}  # what the fake engine renders
TIMEOUT = 20000


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "lage.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def real_dictionary(tmp_path_factory, lagebild_home):
    """This test's data folder holds the session's index of the real Ding file."""
    return place_index(real_index(tmp_path_factory), Paths.from_env().data)


@pytest.fixture
def no_system_file(tmp_path):
    return tmp_path / "no-such-de-en"


@pytest.fixture
def lookup_window(qtbot, engine_cls, opened, article):
    """Factory: the real window with ARTICLE open and its translation done (fake engine)."""
    from desktop.ui.app import open_settings
    from desktop.ui.main_window import MainWindow
    from desktop.ui.services.dictionary import DictionaryService
    from desktop.ui.services.translation import TranslationService

    windows = []

    def make(system_source=None, engine=None, translation=True):
        paths = Paths.from_env()
        engine = engine or engine_cls(ENGLISH)
        window = MainWindow(
            paths,
            open_settings(paths),
            translation_service=TranslationService(paths, engine_factory=lambda f, t, p: engine),
            dictionary_service=DictionaryService(paths, system_source=system_source),
        )
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        opened(window, article, translation=translation)
        return window

    yield make
    for window in windows:
        window.shutdown()


def _find(pane, word: str) -> tuple[int, int]:
    flags = QTextDocument.FindFlag.FindWholeWords | QTextDocument.FindFlag.FindCaseSensitively
    found = pane.document().find(word, 0, flags)
    assert not found.isNull(), f"{word!r} is not in the pane"
    return found.selectionStart(), found.selectionEnd()


def _point(pane, position: int) -> QPoint:
    cursor = QTextCursor(pane.document())
    cursor.setPosition(position)
    return pane.cursorRect(cursor).center() + QPoint(2, 0)


def _click_word(qtbot, window, pane, word: str, double: bool = False):
    """Click WORD (inside its second letter) and return the answer the popup shows."""
    start, _end = _find(pane, word)
    viewport, point, left = pane.viewport(), _point(pane, start + 1), Qt.MouseButton.LeftButton
    with qtbot.waitSignal(window.lookup.lookupShown, timeout=TIMEOUT) as shown:
        QTest.mouseClick(viewport, left, pos=point)
        if double:  # what a mouse sends: QTest.mouseDClick alone has no release after it
            QTest.mouseDClick(viewport, left, pos=point)
            QTest.mouseRelease(viewport, left, pos=point)
    return shown.args[0]


def _drag(pane, start: int, end: int) -> None:
    viewport = pane.viewport()
    a, b = _point(pane, start) - QPoint(2, 0), _point(pane, end) - QPoint(2, 0)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a)
    QTest.mouseMove(viewport, b)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=b)


def test_click_on_a_german_word_shows_the_real_dictionary_next_to_it(
    qtbot, lookup_window, real_dictionary
):
    window = lookup_window()
    source = window.view.source
    start, _ = _find(source, "erhielten")
    assert source.term_at(start + 1) is None  # a plain word, not a glossary term
    answer = _click_word(qtbot, window, source, "erhielten")
    popup = window.lookup.popup
    assert popup.isVisible()
    text = popup.text()
    assert text.startswith("erhielten\n")
    assert "erhalten" in text and "to receive" in text  # the lemma's row from Ding
    assert answer.result.dictionary.rows[0].headword == "erhalten"
    # next to the word, not over it
    cursor = QTextCursor(source.document())
    cursor.setPosition(start)
    word_rect = source.cursorRect(cursor)
    word_top = source.viewport().mapTo(window, word_rect.topLeft()).y()
    geometry = popup.geometry()
    assert geometry.top() >= word_top + word_rect.height() or geometry.bottom() <= word_top
    assert window.rect().contains(geometry)


def test_separable_verb_is_found_with_its_sentence(qtbot, lookup_window, real_dictionary):
    window = lookup_window()
    answer = _click_word(qtbot, window, window.view.source, "schoss")
    assert answer.sentence == "Die Armee schoss die Drohne gestern ab."
    assert answer.result.dictionary.rows[0].headword == "abschießen"
    assert "abschießen" in window.lookup.popup.text()


def test_compound_shows_its_parts(qtbot, lookup_window, real_dictionary):
    window = lookup_window()
    source = window.view.source
    start, end = _find(source, "Munitionslieferungen")
    with qtbot.waitSignal(window.lookup.lookupShown, timeout=TIMEOUT):
        _drag(source, start, end)  # a selection looks up, whether or not it is a term
    text = window.lookup.popup.text()
    assert "its parts:" in text
    assert "Munition" in text and "ammunition" in text and "Lieferung" in text


def test_curated_entry_comes_first_on_double_click_of_a_term(qtbot, lookup_window, real_dictionary):
    window = lookup_window()
    source = window.view.source
    start, _ = _find(source, "Drohne")
    entry = source.term_at(start + 1)
    assert entry  # the glossary highlights it
    # a single click keeps selecting the term in the glossary panel, without a lookup
    with qtbot.waitSignal(source.termClicked, timeout=2000) as clicked:
        QTest.mouseClick(
            source.viewport(), Qt.MouseButton.LeftButton, pos=_point(source, start + 1)
        )
    assert clicked.args == [entry]
    qtbot.wait(300)
    assert not window.lookup.popup.isVisible()
    answer = _click_word(qtbot, window, source, "Drohne", double=True)
    text = window.lookup.popup.text()
    assert text.index("Glossary") < text.index("drone aircraft")
    assert answer.result.glossary and answer.result.glossary[0].id == entry


def test_english_pane_looks_up_english_to_german(qtbot, lookup_window, real_dictionary):
    window = lookup_window()
    target = window.view.target
    answer = _click_word(qtbot, window, target, "yesterday")
    assert answer.reverse and answer.sentence is None
    assert "gestern" in [row.headword for row in answer.result.dictionary.rows]
    assert "gestern" in window.lookup.popup.text()


def test_ctrl_d_looks_up_the_word_at_the_caret_and_esc_closes(
    qtbot, lookup_window, real_dictionary
):
    window = lookup_window()
    source = window.view.source
    start, _ = _find(source, "Kaserne")
    cursor = source.textCursor()
    cursor.setPosition(start + 3)
    source.setTextCursor(cursor)
    source.setFocus()
    window.activateWindow()
    with qtbot.waitSignal(window.lookup.lookupShown, timeout=TIMEOUT) as shown:
        QTest.keyClick(source, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert shown.args[0].word == "Kaserne"
    assert "barracks" in window.lookup.popup.text()
    QTest.keyClick(source, Qt.Key.Key_Escape)
    assert not window.lookup.popup.isVisible()


@pytest.fixture
def held_engine(engine_cls):
    """An engine that translates nothing until the test lets it (the translation runs)."""
    gate = threading.Event()

    class HeldEngine(engine_cls):
        def translate(self, sentences, cancel=None, on_result=None):
            for sentence in sentences:
                while not gate.wait(0.02):
                    if cancel is not None and cancel.is_set():
                        return
                yield from super().translate([sentence], cancel, on_result)

    yield HeldEngine(ENGLISH)
    gate.set()


def test_esc_closes_the_popup_before_it_cancels_a_translation(
    qtbot, lookup_window, real_dictionary, held_engine
):
    window = lookup_window(engine=held_engine, translation=False)
    source = window.view.source
    _click_word(qtbot, window, source, "erhielten")
    source.setFocus()
    QTest.keyClick(source, Qt.Key.Key_Escape)
    assert not window.lookup.popup.isVisible()
    assert "cancelled" not in window.status_label.text()
    QTest.keyClick(source, Qt.Key.Key_Escape)  # no popup now: Esc cancels as before
    assert "cancelled" in window.status_label.text()


def test_untranslated_sentence_in_the_english_pane_is_looked_up_as_german(
    qtbot, lookup_window, real_dictionary, held_engine
):
    window = lookup_window(engine=held_engine, translation=False)
    target = window.view.target
    assert not target.is_translated(target.sentence_at(_find(target, "schoss")[0]))
    answer = _click_word(qtbot, window, target, "schoss")  # the German placeholder text
    assert not answer.reverse and answer.sentence == "Die Armee schoss die Drohne gestern ab."
    assert answer.result.dictionary.rows[0].headword == "abschießen"


def test_long_selection_and_clicks_beside_the_text_do_not_look_up(
    qtbot, lookup_window, real_dictionary
):
    window = lookup_window()
    source = window.view.source
    _click_word(qtbot, window, source, "erhielten")
    start, _ = _find(source, "In")
    _, end = _find(source, "Raketen")
    with qtbot.assertNotEmitted(window.dictionary_service.answered, wait=500):
        _drag(source, start, end)  # a whole sentence: selected for copying
    assert source.textCursor().hasSelection()
    far_right = QPoint(source.viewport().width() - 30, _point(source, start).y())
    QTest.mouseClick(source.viewport(), Qt.MouseButton.LeftButton, pos=far_right)
    assert not window.lookup.popup.isVisible()


def test_without_a_dictionary_the_popup_says_how_to_get_one(qtbot, lookup_window, no_system_file):
    window = lookup_window(system_source=no_system_file)
    answer = _click_word(qtbot, window, window.view.source, "Drohne", double=True)
    assert answer.result.dictionary_missing
    popup = window.lookup.popup
    text = popup.text()
    assert "Glossary" in text and "drone" in text  # the curated entry is still there
    assert "trans-de-en" in text and "Install from file" in text
    assert popup.install_button.isVisible()


def test_install_from_file_then_look_up(qtbot, lookup_window, no_system_file, tmp_path):
    window = lookup_window(system_source=no_system_file)
    ding = write_ding(tmp_path / "de-en.txt")
    service = window.dictionary_service
    with qtbot.waitSignals([service.building, service.installed], timeout=TIMEOUT):
        window.lookup.install_from_file(str(ding))
    assert window.status_label.text() == "Dictionary installed: 7 entries."
    assert not window.lookup.progress.isVisible()
    answer = _click_word(qtbot, window, window.view.source, "Raketen", double=True)
    rows = answer.result.dictionary.rows
    assert rows[0].headword == "Rakete" and "missile" in rows[0].en
    assert "missile" in window.lookup.popup.text()
    assert not window.lookup.popup.install_button.isVisible()


def test_first_lookup_builds_a_missing_index_with_progress(qtbot, lookup_window, no_system_file):
    from desktop.core.dictionary import DictionaryFiles

    files = DictionaryFiles.from_paths(Paths.from_env(), no_system_file)
    files.installed.parent.mkdir(parents=True)
    write_ding(files.installed)  # a Ding file in place, its index not built yet
    window = lookup_window(system_source=no_system_file)
    steps = []
    window.dictionary_service.building.connect(lambda done, total: steps.append(done))
    answer = _click_word(qtbot, window, window.view.source, "Raketen", double=True)
    assert steps and files.index.is_file()
    assert answer.result.dictionary.rows[0].headword == "Rakete"
    assert window.status_label.text() == "Dictionary index ready."
    assert not window.lookup.progress.isVisible()


def test_install_of_a_bad_file_is_one_line_and_keeps_the_window(
    qtbot, lookup_window, no_system_file, tmp_path
):
    window = lookup_window(system_source=no_system_file)
    bad = tmp_path / "notes.txt"
    bad.write_text("just some notes\nand more\n", encoding="utf-8")
    with qtbot.waitSignal(window.dictionary_service.failed, timeout=TIMEOUT) as failed:
        window.lookup.install_from_file(str(bad))
    message = failed.args[0]
    assert "does not look like a Ding dictionary file" in message and "\n" not in message
    assert window.status_label.text() == message
    assert window.article is not None


def test_status_in_the_dictionary_menu(qtbot, lookup_window, real_dictionary):
    window = lookup_window()
    titles = [a.text() for a in window.menuBar().actions()]
    tools = window.menuBar().actions()[titles.index("&Tools")].menu()
    submenus = {a.text(): a.menu() for a in tools.actions() if a.menu()}
    dictionary_menu = submenus["&Dictionary"]
    status = next(a for a in dictionary_menu.actions() if a.text() == "&Status")
    with qtbot.waitSignal(window.dictionary_service.statusReady, timeout=TIMEOUT):
        status.trigger()
    text = window.lookup.status_box.text()
    assert "/usr/share/trans/de-en (system file)" in text
    assert text.startswith("Dictionary: 206,") and "Index size:" in text
    window.lookup.status_box.close()


def test_status_without_a_dictionary(qtbot, lookup_window, no_system_file):
    window = lookup_window(system_source=no_system_file)
    with qtbot.waitSignal(window.dictionary_service.statusReady, timeout=TIMEOUT):
        window.menu_actions.dictionary_status.trigger()
    assert "sudo apt install trans-de-en" in window.lookup.status_box.text()
    window.lookup.status_box.close()
