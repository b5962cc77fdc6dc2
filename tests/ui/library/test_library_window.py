"""The library in the real window: import, list, filter, search, delete and undo, tags."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, QUrl

from desktop.ui.library.dock import SEARCH_TAB
from desktop.ui.library.model import READ, TAGS


def _titles(window):
    return [row.title for row in window.library.dock.model.rows()]


def _store(window):
    return window.library.service.library()


def _bold_words(browser) -> set[str]:
    """The words the text browser shows in bold."""
    from PySide6.QtGui import QFont

    words = set()
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().fontWeight() >= QFont.Weight.Bold:
                words.update(fragment.text().split())
            it += 1
        block = block.next()
    return words


def test_import_folder_lists_the_articles(qtbot, library_window, imported, article_folder):
    window = library_window()
    report = imported(window, [article_folder])
    assert (report.added, report.duplicates, report.failed) == (8, 0, [])
    titles = _titles(window)
    assert len(titles) == 8
    assert "BND warnt vor russischer Sabotage" in titles
    # newest first: the list is sorted by date, descending
    assert titles[0] == "Streit um Eurofighter-Export in die Türkei"
    assert titles[-1] == "Bundestag billigt weitere Eurofighter für die Luftwaffe"
    assert window.library.dock.count_label.text() == "8 articles"
    rows = {r.title: r for r in window.library.dock.model.rows()}
    assert rows["BND warnt vor russischer Sabotage"].site == "Nordwacht"
    assert rows["BND warnt vor russischer Sabotage"].date.startswith("2025-03-12")
    assert all(r.term_count > 0 for r in rows.values())  # the real matcher ran


def test_duplicate_import_is_recognised(qtbot, library_window, imported, article_folder):
    window = library_window()
    imported(window, [article_folder])
    again = imported(window, [article_folder])
    assert (again.added, again.duplicates) == (0, 8)
    assert len(_titles(window)) == 8
    assert len(_store(window).list_articles()) == 8


def test_failed_items_are_reported_one_line_each(
    qtbot, library_window, imported, article_folder, tmp_path
):
    window = library_window()
    broken = tmp_path / "kaputt.docx"
    broken.write_bytes(b"this is no docx file")
    report = imported(window, [article_folder / "bnd-bericht.html", broken, tmp_path / "fehlt.txt"])
    assert report.added == 1
    assert [item for item, _ in report.failed] == [str(broken), str(tmp_path / "fehlt.txt")]
    assert all(reason and "\n" not in reason for _, reason in report.failed)
    assert "1 added, 0 already in the library, 2 failed." in window.statusBar().currentMessage()


def test_import_report_dialog_lists_failures(
    qtbot, library_window, imported, article_folder, tmp_path
):
    window = library_window()
    window.headless = False  # the report is not modal: nothing waits for a click
    imported(window, [article_folder / "bnd-bericht.html", tmp_path / "fehlt.txt"])
    dialog = window.library.report_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    assert dialog.summary.text().startswith("1 added, 0 already in the library, 1 failed.")
    assert "fehlt.txt" in dialog.failures.toPlainText()
    dialog.close()


def test_cancel_import_keeps_what_was_stored(qtbot, library_window, tmp_path):
    window = library_window()
    folder = tmp_path / "viele"
    folder.mkdir()
    for n in range(80):  # different texts: no duplicates
        (folder / f"meldung-{n:03}.txt").write_text(
            f"Meldung {n}\n\nDie Luftwaffe meldet {n} Starts von Eurofightern am Tag {n}.\n",
            encoding="utf-8",
        )
    library = window.library
    library.service.importProgress.connect(
        lambda done, total, name: done >= 2 and library.cancel_import()
    )
    with qtbot.waitSignals([library.importDone, library.listChanged], timeout=60000):
        library.import_items([str(folder)])
    report = library.last_report
    assert report.cancelled
    assert 2 <= report.added < 80
    assert len(_titles(window)) == report.added == len(_store(window).list_articles())
    assert not library.import_strip.isVisible()


def test_filters_by_site_date_term_and_tag(qtbot, library_window, imported, article_folder):
    window = library_window()
    imported(window, [article_folder])
    dock = window.library.dock

    def shows(*titles):
        qtbot.waitUntil(lambda: sorted(_titles(window)) == sorted(titles), timeout=10000)

    # the site list is filled by its own query after the import: wait for it
    qtbot.waitUntil(lambda: dock.site.findData("Nordwacht") > 0, timeout=10000)
    dock.site.setCurrentIndex(dock.site.findData("Nordwacht"))
    shows(
        "BND warnt vor russischer Sabotage",
        "Marine testet Drohnenabwehr in der Ostsee",
        "Streit um Eurofighter-Export in die Türkei",
    )
    dock.site.setCurrentIndex(0)
    dock.since.setDate(QDate(2025, 3, 12))
    dock.until.setDate(QDate(2025, 3, 18))
    shows(
        "BND warnt vor russischer Sabotage",
        "EU beschließt neues Sanktionspaket gegen Russland",
        "Eurofighter sichern Luftraum über dem Baltikum",
    )
    dock.clear_filters()
    qtbot.waitUntil(lambda: len(_titles(window)) == 8, timeout=10000)
    dock.term.setText("Patriot")
    shows(
        "Schwere Angriffe auf Kiew: Patriot fängt Raketen ab",
        "Weiteres Patriot-System für die Ukraine",
    )
    dock.clear_filters()
    qtbot.waitUntil(lambda: len(_titles(window)) == 8, timeout=10000)
    # tags: edited in the list, then a filter
    row = dock.model.row_of(next(r.id for r in dock.model.rows() if r.title.startswith("BND")))
    dock.model.setData(dock.model.index(row, TAGS), "Spionage, Sabotage,  ")
    qtbot.waitUntil(lambda: dock.tag.findData("Spionage") > 0, timeout=10000)
    dock.tag.setCurrentIndex(dock.tag.findData("Sabotage"))
    shows("BND warnt vor russischer Sabotage")
    stored = _store(window).list_articles(tag="Spionage")
    assert [(r.title, r.tags) for r in stored] == [
        ("BND warnt vor russischer Sabotage", ("Sabotage", "Spionage"))
    ]


def test_read_mark_is_stored(qtbot, library_window, imported, article_folder):
    window = library_window()
    imported(window, [article_folder])
    dock = window.library.dock
    first = dock.model.row_at(0)
    assert not first.read
    index = dock.model.index(0, READ)
    assert dock.model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    with qtbot.waitSignal(window.library.service.edited, timeout=10000):
        dock.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert _store(window).row(first.id).read
    assert dock.model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_search_shows_marked_snippets_and_opens_at_the_sentence(
    qtbot, library_window, imported, article_folder
):
    window = library_window()
    imported(window, [article_folder])
    dock = window.library.dock
    with qtbot.waitSignal(window.library.service.searched, timeout=10000):
        dock.search.setText("Raketen")
        dock.search.returnPressed.emit()
    assert dock.tabs.currentIndex() == SEARCH_TAB
    hits = dock.results.hits
    assert hits, dock.results.toPlainText()
    assert "Raketen" in _bold_words(dock.results)  # the store's marks, shown bold
    # the list shows the articles with a hit
    qtbot.waitUntil(lambda: 0 < len(_titles(window)) < 8)
    assert {h.title for h in hits} == set(_titles(window))
    # pick a hit that is not the first sentence, so scrolling to it is visible
    n, hit = next((i, h) for i, h in enumerate(hits) if h.sentence_id != "p1s1")
    with qtbot.waitSignal(window.library.articleOpened, timeout=10000):
        dock.results.anchorClicked.emit(QUrl(f"hit:{n}"))
    assert window.article.title == hit.title
    assert window.view.source.aligned() == hit.sentence_id
    assert window.view.target.aligned() == hit.sentence_id
    assert "Raketen" in window.article.sentence(hit.sentence_id).text


def test_delete_and_undo(qtbot, library_window, imported, article_folder):
    window = library_window()
    imported(window, [article_folder])
    library, dock = window.library, window.library.dock
    dock.table.selectRow(0)
    doomed = dock.selected_ids()
    title = dock.model.row_at(0).title
    assert not library.undo_action.isEnabled()
    before = [r.id for r in _store(window).list_articles()]
    with qtbot.waitSignal(library.service.edited, timeout=10000):
        dock.delete_action.trigger()
    assert title not in _titles(window) and len(_titles(window)) == 7
    assert [r.id for r in _store(window).list_articles()] == [i for i in before if i not in doomed]
    assert library.undo_action.isEnabled() and library.undo_button.isVisible()
    # a search does not find it either
    assert all(h.article_id not in doomed for h in _store(window).search("Eurofighter"))
    with qtbot.waitSignal(library.listChanged, timeout=10000):
        library.undo_action.trigger()
    assert title in _titles(window) and len(_titles(window)) == 8
    assert doomed[0] in {r.id for r in _store(window).list_articles()}
    assert not library.undo_action.isEnabled() and not library.undo_button.isVisible()


def test_sorting_by_column_keeps_the_selection(qtbot, library_window, imported, article_folder):
    window = library_window()
    imported(window, [article_folder])
    dock = window.library.dock
    dock.table.selectRow(3)
    chosen = dock.selected_ids()
    dock.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by title
    titles = _titles(window)
    assert titles == sorted(titles, key=str.casefold)
    assert dock.selected_ids() == chosen
    dock.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # by term count
    counts = [r.term_count for r in dock.model.rows()]
    assert counts == sorted(counts, reverse=True)
    assert dock.selected_ids() == chosen


def test_a_damaged_library_is_moved_aside_with_a_message(qtbot, library_window):
    from desktop.config import Paths

    db = Paths.from_env().library_db
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b"this is not a database" * 200)
    window = library_window()
    qtbot.waitUntil(lambda: "damaged" in window.statusBar().currentMessage(), timeout=10000)
    assert "\n" not in window.statusBar().currentMessage()
    assert list(db.parent.glob(db.name + ".damaged*"))  # kept, not emptied
    assert window.library.dock.model.rowCount() == 0
