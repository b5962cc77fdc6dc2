"""The library's part of the window: wires the panel, the service and the reading window.

Every article the window shows (file, URL, paste) is added to the library in the
background; an article opened from the library shows its stored translations at once and
its new ones are stored when the reading translation ends. Imports and the batch
translation report in the status bar, with Cancel; a deletion can be undone.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QPushButton

from desktop.ui.library.dock import ARTICLES_TAB, SEARCH_TAB, TERM_TAB, LibraryDock
from desktop.ui.library.widgets import ImportReportDialog, JobStrip, summary_text
from desktop.ui.services.library import LibraryService

log = logging.getLogger(__name__)

MESSAGE_MS = 10_000  # how long a library notice stays in the status bar
UNDO_MS = 30_000  # how long the status bar offers Undo after a deletion


class LibraryController(QObject):
    """Owns the library panel, its service and its actions; the window calls it."""

    listChanged = Signal()  # the article list shows new rows
    articleOpened = Signal(object, object)  # article id, sentence id (or None)
    importDone = Signal(object)  # ImportReport
    batchDone = Signal(object)  # sentences translated

    def __init__(self, window, service: LibraryService | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.service = service or LibraryService(window.paths, parent=window)
        self.dock = LibraryDock(window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        # Shares the glossary panel's place (a tab beside it): the reading panes keep
        # their width; the panel can be dragged out or floated like any dock.
        window.tabifyDockWidget(window.dock, self.dock)
        window.dock.raise_()
        self.current_id: int | None = None  # library id of the article the window shows
        self._stored: dict[str, str] = {}  # its translations the store already has
        self._opening = None  # the Article being shown from the library
        self._undo: list[int] = []
        self._stale = True
        self.last_report = None
        self.report_dialog: ImportReportDialog | None = None

        bar = window.statusBar()
        self.import_strip = JobStrip(self.tr("Library import"), self.tr("Cancel the import"))
        self.batch_strip = JobStrip(
            self.tr("Library translation"), self.tr("Cancel the library translation")
        )
        self.undo_button = QPushButton(self.tr("Undo delete"))
        self.undo_button.setAccessibleName(self.tr("Undo the deletion from the library"))
        self.undo_button.hide()
        for widget in (self.import_strip, self.batch_strip, self.undo_button):
            bar.addPermanentWidget(widget)
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(UNDO_MS)
        self._undo_timer.timeout.connect(self.undo_button.hide)
        self._build_actions()
        self._wire()

    # --- actions ---------------------------------------------------------------------------

    def _act(self, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)  # shortcuts work with the menu bar hidden
        return action

    def _build_actions(self) -> None:
        self.show_action = self._act(
            self.tr("&Library"), "Ctrl+Shift+L", lambda: self.show(ARTICLES_TAB, focus=True)
        )
        self.search_action = self._act(
            self.tr("&Search the Library"), "Ctrl+Shift+F", self.focus_search
        )
        self.term_action = self._act(
            self.tr("Follow &Term Across Articles"), "Ctrl+Shift+T", self.follow_term
        )
        self.import_files_action = self._act(
            self.tr("Import &Files into the Library…"), "Ctrl+I", self.ask_import_files
        )
        self.import_folder_action = self._act(
            self.tr("Import a F&older…"), None, self.ask_import_folder
        )
        self.import_urls_action = self._act(
            self.tr("Import a List of &URLs…"), None, self.ask_import_url_list
        )
        self.batch_action = self._act(self.tr("Translate the &Library"), None, self.toggle_batch)
        self.undo_action = self._act(
            self.tr("&Undo Delete"), QKeySequence.StandardKey.Undo, self.undo
        )
        self.undo_action.setEnabled(False)
        self.export_term_action = self._act(
            self.tr("Export Term &Mentions (CSV)…"), None, self._export_current_term
        )
        self.export_digest_action = self._act(
            self.tr("Export Bilingual &Digest of Selected Articles…"), None, self.export_digest
        )

    def actions(self) -> dict[str, QAction]:
        """The library's actions by name (for the window's shortcut list)."""
        return {
            name: value
            for name, value in vars(self).items()
            if name.endswith("_action") and isinstance(value, QAction)
        }

    def install_menus(self, registry, file_menu: QMenu, view_menu: QMenu, tools: QMenu, before):
        """Put the actions in File, View, Tools and a Library menu (inserted before BEFORE).

        REGISTRY (the window's Actions) gets them as attributes, so Help lists them.
        """
        for name, action in self.actions().items():
            setattr(registry, f"library_{name.removesuffix('_action')}", action)
        imports = QMenu(self.tr("&Import into Library"), file_menu)
        imports.addActions(
            [self.import_files_action, self.import_folder_action, self.import_urls_action]
        )
        first_separator = next((a for a in file_menu.actions() if a.isSeparator()), None)
        file_menu.insertMenu(first_separator, imports)
        view_menu.addSeparator()
        view_menu.addAction(self.show_action)
        tools.addSeparator()
        tools.addAction(self.batch_action)
        menu = QMenu(self.tr("&Library"), self.window)
        menu.addActions([self.show_action, self.search_action, self.term_action])
        menu.addSeparator()
        menu.addActions(
            [self.import_files_action, self.import_folder_action, self.import_urls_action]
        )
        menu.addSeparator()
        menu.addAction(self.batch_action)
        menu.addSeparator()
        menu.addAction(self.undo_action)
        menu.addSeparator()
        menu.addActions([self.export_term_action, self.export_digest_action])
        self.window.menuBar().insertMenu(before.menuAction(), menu)
        self.menu = menu

    # --- wiring ----------------------------------------------------------------------------

    def _wire(self) -> None:
        d, s, w = self.dock, self.service, self.window
        d.filtersChanged.connect(lambda filters: s.list_articles(**filters))
        d.searchRequested.connect(self.search)
        d.search.returnPressed.connect(lambda: d.tabs.setCurrentIndex(SEARCH_TAB))
        d.articleActivated.connect(self.open_article)
        d.deleteRequested.connect(self.delete)
        d.readRequested.connect(s.set_read)
        d.tagsEdited.connect(s.set_tags)
        d.digestRequested.connect(self.export_digest)
        d.shown.connect(self._on_shown)
        d.results.resultActivated.connect(self.open_article)
        d.term_view.termRequested.connect(s.term)
        d.term_view.mentionActivated.connect(self.open_article)
        d.term_view.exportRequested.connect(self.export_term_csv)
        self.import_strip.cancelRequested.connect(self.cancel_import)
        self.batch_strip.cancelRequested.connect(self.cancel_batch)
        self.undo_button.clicked.connect(self.undo)
        s.listed.connect(self._on_listed)
        s.facets.connect(d.set_facets)
        s.searched.connect(self._on_searched)
        s.termReady.connect(d.term_view.set_report)
        s.articleReady.connect(self._on_article_ready)
        s.added.connect(self._on_added)
        s.edited.connect(self._on_edited)
        s.importProgress.connect(self._on_import_progress)
        s.importFinished.connect(self._on_import_finished)
        s.batchProgress.connect(self._on_batch_progress)
        s.batchPaused.connect(self._on_batch_paused)
        s.batchFinished.connect(self._on_batch_finished)
        s.exported.connect(self._on_exported)
        s.failed.connect(self._on_failed)
        s.notice.connect(lambda message: self._say(message))
        w.documentShown.connect(self._on_document_shown)
        w.translationFinished.connect(self._store_window_translations)
        # The reading translation goes first: the batch pauses while it runs.
        ts = w.translation_service
        ts.modelReady.connect(s.reading_started)
        ts.finished.connect(s.reading_finished)
        w.models.installed.connect(lambda _info: s.forget_engines())
        w.dock.entrySelected.connect(self._on_glossary_entry)

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Stop the long jobs, wait for the workers and close the store."""
        self.service.close(timeout_ms)

    # --- the panel ---------------------------------------------------------------------------

    def show(self, tab: int = ARTICLES_TAB, focus: bool = False) -> None:
        """Show the library panel at TAB (listing the articles when stale)."""
        self.dock.show_tab(tab)
        if self._stale:
            self.refresh()
        if focus:
            {ARTICLES_TAB: self.dock.table, SEARCH_TAB: self.dock.search}.get(
                tab, self.dock.term_view.query
            ).setFocus()

    def refresh(self) -> None:
        """List the articles again (now when the panel is shown, else when it is next)."""
        if not self.dock.isVisible():
            self._stale = True
            return
        self._stale = False
        self.service.list_articles(**self.dock.filters())
        self.service.load_facets()

    def _on_shown(self) -> None:
        if self._stale:
            self.refresh()

    def _on_listed(self, rows) -> None:
        self.dock.set_rows(rows)
        self.listChanged.emit()

    def focus_search(self) -> None:
        """Put the cursor in the library search box."""
        self.show(self.dock.tabs.currentIndex())
        self.dock.search.setFocus()
        self.dock.search.selectAll()

    def search(self, query: str) -> None:
        """Search every article for QUERY (results in the Search tab)."""
        if not query:
            self.dock.results.show_message(
                self.tr("Type in the search box to search every article.")
            )
            return
        self.dock.results.show_message(self.tr("Searching…"))
        self.service.search(query)

    def _on_searched(self, query: str, hits) -> None:
        if query == self.dock.search.text().strip():  # an older query's answer is dropped
            self.dock.results.set_hits(query, hits)

    # --- opening and adding -----------------------------------------------------------------

    def open_article(self, article_id: int, sentence_id: str | None = None) -> None:
        """Show a stored article in the reading panes (at SENTENCE_ID when given)."""
        self._say(self.tr("Opening from the library…"))
        self.service.open_article(article_id, sentence_id or None)

    def _on_article_ready(self, stored, sentence_id) -> None:
        self.window.statusBar().clearMessage()
        self._opening = stored.article
        try:
            self.window.show_article(stored.article, translations=stored.translations)
        finally:
            self._opening = None
        self.current_id = stored.id
        self._stored = dict(stored.translations)
        if sentence_id and stored.article is self.window.article:
            self.window.reveal_sentence(sentence_id)
        if not stored.row.read:
            self.dock.model.update_rows([stored.id], read=True)
            self.service.set_read([stored.id], True)
        self.articleOpened.emit(stored.id, sentence_id)

    def _on_document_shown(self, article) -> None:
        if article is self._opening:
            return  # it came from the library
        self.current_id, self._stored = None, {}
        self.service.add_article(article)

    def _on_added(self, article, result) -> None:
        if article is self.window.article:
            self.current_id = result.article_id
            if self.window.translation_done:
                self._store_window_translations()
        self.refresh()

    def _store_window_translations(self) -> None:
        w = self.window
        if self.current_id is None or w.article is None or not w.translations:
            return
        new = {sid: t for sid, t in w.translations.items() if self._stored.get(sid) != t}
        if not new:
            return
        self._stored.update(new)
        self.service.store_translations(self.current_id, new, w.article.source.language, "en")

    # --- edits --------------------------------------------------------------------------------

    def delete(self, article_ids) -> None:
        """Remove articles from the library (Undo brings them back)."""
        ids = list(article_ids)
        if not ids:
            return
        self.dock.model.drop_rows(ids)
        self.dock.count_label.setText(
            self.tr("%1 articles").replace("%1", f"{self.dock.model.rowCount():,}")
        )
        self.service.remove(ids)

    def undo(self) -> None:
        """Bring back the articles deleted last."""
        ids, self._undo = self._undo, []
        self.undo_action.setEnabled(False)
        self.undo_button.hide()
        if ids:
            self.service.restore(ids)

    def _on_edited(self, what: str, ids) -> None:
        if what == "remove":
            self._undo = list(ids)
            self.undo_action.setEnabled(True)
            self.undo_button.show()
            self._undo_timer.start()
            self._say(self.tr("Deleted %1 articles from the library.").replace("%1", str(len(ids))))
            self.service.load_facets()
        elif what == "restore":
            self._say(self.tr("Restored %1 articles.").replace("%1", str(len(ids))))
            self.refresh()
        elif what == "tags":
            self.service.load_facets()
        elif what == "translations":
            self.refresh()  # its translated share changed

    # --- import -------------------------------------------------------------------------------

    def ask_import_files(self) -> None:
        """Choose documents (or text files of URLs) to import."""
        paths, _ = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Import into the library"),
            "",
            self.tr(
                "Documents and URL lists (*.txt *.md *.markdown *.html *.htm *.docx *.pdf "
                "*.urls *.list);;All files (*)"
            ),
        )
        if paths:
            self.import_items(paths)

    def ask_import_folder(self) -> None:
        """Choose a folder whose documents are imported (subfolders too)."""
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Import a folder"))
        if folder:
            self.import_items([folder])

    def ask_import_url_list(self) -> None:
        """Choose a text file with one web address per line."""
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import a list of URLs"),
            "",
            self.tr("URL lists (*.txt *.urls *.list);;All files (*)"),
        )
        if path:
            self.import_items([path])

    def import_items(self, items) -> bool:
        """Import files, folders and URL lists in the background; False when one runs."""
        if self.service.importing:
            self._say(self.tr("An import is running; wait for it or cancel it first."))
            return False
        self.import_strip.start(self.tr("Importing…"))
        self.service.import_items(list(items), self.window.language)
        return True

    def cancel_import(self) -> None:
        """Stop the import after the article being stored."""
        self.import_strip.cancel.setEnabled(False)
        self.import_strip.label.setText(self.tr("Stopping the import…"))
        self.service.cancel_import()

    def _on_import_progress(self, done: int, total: int, name: str) -> None:
        if not self.import_strip.cancel.isEnabled():
            return  # stopping: keep saying so
        short = _short_name(name)
        text = (
            self.tr("Importing %1/%2: %3")
            .replace("%1", str(min(done + 1, total)))
            .replace("%2", str(total))
            .replace("%3", short)
            if short
            else self.tr("Imported %1 items.").replace("%1", str(total))
        )
        self.import_strip.set_progress(done, total, text)

    def _on_import_finished(self, report) -> None:
        self.import_strip.stop()
        self.last_report = report
        self._say(self.tr("Import: %1").replace("%1", summary_text(report)))
        if not self.window.headless:
            if self.report_dialog is not None:
                self.report_dialog.close()
            self.report_dialog = ImportReportDialog(report, self.window)
            self.report_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.report_dialog.destroyed.connect(self._forget_report_dialog)
            self.report_dialog.show()  # not modal: the reader goes on reading
        self.refresh()
        self.importDone.emit(report)

    def _forget_report_dialog(self) -> None:
        self.report_dialog = None

    # --- batch translation ----------------------------------------------------------------------

    def toggle_batch(self) -> None:
        """Start the library translation, or stop it when it runs."""
        if self.service.translating:
            self.cancel_batch()
        else:
            self.start_batch()

    def start_batch(self) -> None:
        """Translate every stored sentence without a translation, in the background."""
        if self.service.translating:
            return
        self.batch_strip.start(self.tr("Translating the library…"))
        self.batch_action.setText(self.tr("Stop Translating the &Library"))
        self.service.translate_library("de", "en")

    def cancel_batch(self) -> None:
        """Stop the library translation (what is translated stays stored)."""
        self.batch_strip.cancel.setEnabled(False)
        self.service.cancel_batch()

    def _on_batch_progress(self, done: int, total: int) -> None:
        self.batch_strip.set_progress(
            done,
            total,
            self.tr("Library: %1/%2 sentences")
            .replace("%1", f"{done:,}")
            .replace("%2", f"{total:,}"),
        )

    def _on_batch_paused(self, paused: bool) -> None:
        if paused:
            self.batch_strip.label.setText(self.tr("Library: waiting for this article"))

    def _on_batch_finished(self, count: int, cancelled: bool) -> None:
        self.batch_strip.stop()
        self.batch_action.setText(self.tr("Translate the &Library"))
        text = self.tr("Library translation: %1 sentences translated.").replace("%1", f"{count:,}")
        if cancelled:
            text += " " + self.tr("Stopped; it goes on from there next time.")
        self._say(text)
        self.refresh()
        self.batchDone.emit(count)

    # --- terms ----------------------------------------------------------------------------------

    def follow_term(self, query: str | None = None) -> None:
        """The term view for QUERY, else the glossary's selection, else the selected text."""
        shown = None
        if query is None:
            query = self.window.dock.current_entry()
            glossary = self.window.glossary
            entry = glossary.termbase.get(query) if query and glossary else None
            shown = entry.de if entry is not None else None
        if not query:
            query = self.window.view.source.textCursor().selectedText().strip() or None
        self.show(TERM_TAB, focus=not query)
        if query:
            self.dock.term_view.request(query, shown)

    def _on_glossary_entry(self, entry_id) -> None:
        # While the term view is in sight, it follows the glossary selection.
        if entry_id and self.dock.isVisible() and self.dock.tabs.currentIndex() == TERM_TAB:
            self.follow_term()

    # --- exports ------------------------------------------------------------------------------

    def _export_current_term(self) -> None:
        report = self.dock.term_view.report
        if report is None:
            self.follow_term()
            self._say(self.tr("Choose a term first, then export its mentions."))
            return
        self.export_term_csv(report.key)

    def export_term_csv(self, key: str, path: str | None = None) -> None:
        """Write every mention of the term KEY as CSV (asks where when PATH is None)."""
        if path is None:
            name = re.sub(r"[^\w.-]+", "-", key).strip("-") or "term"
            path, _ = QFileDialog.getSaveFileName(
                self.window,
                self.tr("Export the term's mentions"),
                f"{name}-mentions.csv",
                self.tr("CSV (*.csv)"),
            )
            if not path:
                return
        self.service.export_term_csv(key, path)

    def export_digest(self, article_ids=None, path: str | None = None) -> None:
        """Write a bilingual HTML digest of the articles (default: those selected)."""
        ids = list(article_ids or self.dock.selected_ids())
        if not ids:
            self.show(ARTICLES_TAB)
            self._say(self.tr("Select articles in the library first."))
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self.window,
                self.tr("Export a bilingual digest"),
                "lagebild-digest.html",
                self.tr("HTML (*.html)"),
            )
            if not path:
                return
        self.service.export_digest(ids, path)

    def _on_exported(self, path: str, count: int) -> None:
        self._say(self.tr("Exported %1 to %2.").replace("%1", str(count)).replace("%2", path))

    # --- messages -------------------------------------------------------------------------------

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, MESSAGE_MS)

    def _on_failed(self, kind: str, message: str) -> None:
        if kind == "search":
            self.dock.results.show_message(message)
        elif kind == "term":
            self.dock.term_view.show_failure(message)
        elif kind == "import":
            self.import_strip.stop()
            self._say(message)
            self.window.warn(self.tr("The import failed"), message)
        elif kind == "batch":
            self.batch_strip.stop()
            self.batch_action.setText(self.tr("Translate the &Library"))
            self._say(self.tr("Library translation: %1").replace("%1", message))
        elif kind == "export":
            self._say(message)
            self.window.warn(self.tr("Export failed"), message)
        elif kind in ("add", "translations"):
            log.info("library: %s", message)  # reading goes on; the library is an extra
            self._say(self.tr("Not stored in the library: %1").replace("%1", message))
        else:
            self._say(message)


def _short_name(name: str, limit: int = 48) -> str:
    """The last part of a path or URL, cut to LIMIT characters."""
    tail = name.rstrip("/").rsplit("/", 1)[-1] or name
    return tail if len(tail) <= limit else tail[: limit - 1] + "…"
