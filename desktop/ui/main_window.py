"""The main window: composes panes, glossary dock, status bar and services, and wires them."""

from __future__ import annotations

import html
import logging
import time
from collections import deque
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
)

from desktop import APP_NAME
from desktop.config import Paths
from desktop.ui import actions
from desktop.ui.dialogs import plain_text_message_boxes
from desktop.ui.flags import flag_text as _flag_text
from desktop.ui.glossary_dock import GlossaryDock
from desktop.ui.library.controller import LibraryController
from desktop.ui.lookup_popup import LookupController
from desktop.ui.reading_view import ReadingView
from desktop.ui.services.dictionary import DictionaryService
from desktop.ui.services.documents import DocumentService
from desktop.ui.services.glossary import GlossaryService
from desktop.ui.services.library import LibraryService
from desktop.ui.services.packages import ModelService
from desktop.ui.services.translation import TranslationService
from desktop.ui.window_parts import ModelsExportMixin, WindowSettingsMixin

log = logging.getLogger(__name__)


class MainWindow(WindowSettingsMixin, ModelsExportMixin, QMainWindow):
    """Lagebild's reading window. Public methods are what menus and tests drive."""

    documentShown = Signal(object)  # Article
    documentFailed = Signal(str)  # message shown to the user
    translationFinished = Signal()
    glossaryReady = Signal()
    checkFinished = Signal()

    # Headless (the screenshot command): never a modal dialog; errors go to the log and
    # the signals (documentFailed), so nothing waits for a click that cannot come.
    headless = False

    def __init__(
        self,
        paths: Paths | None = None,
        settings: QSettings | None = None,
        *,
        translation_service: TranslationService | None = None,
        glossary_service: GlossaryService | None = None,
        model_service: ModelService | None = None,
        dictionary_service: DictionaryService | None = None,
        library_service: LibraryService | None = None,
        language: str = "auto",
    ) -> None:
        super().__init__()
        self.paths = paths or Paths.from_env()
        self.settings = settings or QSettings(
            str(self.paths.settings_file), QSettings.Format.IniFormat
        )
        self.language = language
        self.article = None
        self.translations: dict[str, str] = {}
        self.sentence_flags: dict[str, list[str]] = {}
        self.term_issues: dict[str, list[str]] = {}
        self.glossary = None  # GlossaryResult of the current article
        self.glossary_finished = False  # matched (or failed) for the current article
        self.translation_done = False
        self._cancelled = False
        self._translation_error = ""  # shown instead of the count when the job failed
        self.setWindowTitle(APP_NAME)
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)

        self.documents = DocumentService(self)
        self.translation_service = translation_service or TranslationService(
            self.paths, parent=self
        )
        self.glossary_service = glossary_service or GlossaryService(self.paths, parent=self)
        self.models = model_service or ModelService(self.paths, parent=self)
        self.dictionary_service = dictionary_service or DictionaryService(self.paths, parent=self)

        self.view = ReadingView(self)
        self.setCentralWidget(self.view)
        for label in (self.view.source_label, self.view.target_label):
            label.setTextFormat(Qt.TextFormat.PlainText)  # the document header shows data
        self.dock = GlossaryDock(self)
        self.dock.setAccessibleName(self.tr("Glossary panel"))
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self._build_status_bar()
        self.library = LibraryController(self, library_service)  # panel, actions, jobs
        self.menu_actions = actions.build(self)
        self._pending: deque = deque()
        self._sentence_ids: set[str] = set()
        self._flags_dirty = False
        self._finish_pending = False
        self._words_per_second = 0.0
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self._flush_results)

        self._wire()
        self._restore_settings()
        self.view.source.setPlainText(self.tr("Loading…"))

    # --- construction ------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.status_label = QLabel(self.tr("Ready"), self)
        # Messages carry file names, package versions and errors: never rich text.
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setAccessibleName(self.tr("Translation progress"))
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Sentences translated"))
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(False)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel translation"))
        self.cancel_button.setVisible(False)
        # A web page being fetched has its own bar and button: a download can run while
        # the shown article is still being translated.
        self.fetch_progress = QProgressBar(self)
        self.fetch_progress.setAccessibleName(self.tr("Page download"))
        self.fetch_progress.setMaximumWidth(140)
        self.fetch_progress.setVisible(False)
        self.fetch_cancel = QPushButton(self.tr("Stop download"), self)
        self.fetch_cancel.setAccessibleName(self.tr("Stop the page download"))
        self.fetch_cancel.setVisible(False)
        self.model_label = QLabel(self)
        self.model_label.setTextFormat(Qt.TextFormat.PlainText)
        # Which extractor found a web page's text stays visible here; the message on the
        # left is soon replaced by the translation's progress.
        self.extraction_label = QLabel(self)
        self.extraction_label.setTextFormat(Qt.TextFormat.PlainText)
        self.extraction_label.setAccessibleName(self.tr("Web page extraction"))
        bar.addWidget(self.status_label, 1)
        bar.addPermanentWidget(self.extraction_label)
        bar.addPermanentWidget(self.model_label)
        bar.addPermanentWidget(self.fetch_progress)
        bar.addPermanentWidget(self.fetch_cancel)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)

    def _wire(self) -> None:
        self.documents.loaded.connect(self._on_loaded)
        self.documents.failed.connect(self._on_load_failed)
        self.documents.progress.connect(self._on_fetch_progress)
        self.documents.cancelled.connect(self._on_fetch_cancelled)
        self.fetch_cancel.clicked.connect(self.documents.cancel)
        tr = self.translation_service
        tr.sentenceTranslated.connect(self._on_sentence)
        tr.progress.connect(self._on_progress)
        tr.finished.connect(self._on_translation_finished)
        tr.modelMissing.connect(self._on_model_missing)
        tr.modelReady.connect(self._on_model_ready)
        tr.failed.connect(self._on_translation_failed)
        gs = self.glossary_service
        gs.matched.connect(self._on_glossary)
        gs.failed.connect(self._on_glossary_failed)
        gs.checked.connect(self._on_checked)
        self.cancel_button.clicked.connect(self.cancel_translation)
        self.dock.entrySelected.connect(self._on_entry_selected)
        self.dock.addTermRequested.connect(self.add_term)
        self.dock.promoteRequested.connect(self.promote_term)
        self.dock.sentenceRequested.connect(self.reveal_sentence)
        self.view.termClicked.connect(lambda eid: self.dock.select_entry(eid))
        panel = self.view.no_model
        panel.downloadRequested.connect(self.download_model)
        panel.installFileRequested.connect(self.install_model_from_file)
        panel.cancelRequested.connect(self.models.cancel)
        self.models.installed.connect(self._on_model_installed)
        self.models.progress.connect(panel.set_progress)
        self.models.failed.connect(lambda msg: panel.set_busy(False, msg))
        self.models.cancelled.connect(lambda: panel.set_busy(False, self.tr("Download cancelled.")))
        for pane in (self.view.source, self.view.target):
            pane.tooltip_provider = self._term_tooltip
        self.lookup = LookupController(self, self.dictionary_service)  # word lookup popup

    # --- documents ---------------------------------------------------------------------

    def open_file(self, path: str | Path, language: str | None = None) -> None:
        """Load PATH in the background; the current document stays until it succeeds."""
        self.status_label.setText(self.tr("Opening %1…").replace("%1", Path(path).name))
        self.documents.load_file(str(path), language or self.language)

    def open_text(self, text: str, name: str | None = None) -> None:
        """Open pasted TEXT (plain, or HTML from a browser) as a new document."""
        self.documents.load_text(text, name or self.tr("Pasted text"), self.language)

    def open_url(self, url: str) -> None:
        """Fetch the web page at URL in the background (progress and Stop in the status bar)."""
        url = url.strip()
        self.status_label.setText(self.tr("Fetching %1…").replace("%1", url))
        self.fetch_progress.setRange(0, 0)  # busy until the size is known
        self.fetch_progress.setVisible(True)
        self.fetch_cancel.setVisible(True)
        self.documents.load_url(url, self.language)

    def open_location(self, location: str) -> bool:
        """Open LOCATION if it is an http(s) URL or an existing file; False otherwise."""
        from desktop.core.documents import is_url

        location = location.strip()
        if is_url(location) and len(location.split()) == 1:  # a bare link, not a text
            self.open_url(location)
            return True
        try:
            is_file = "\n" not in location and Path(location).expanduser().is_file()
        except (OSError, ValueError):  # a name too long, a NUL in it: not a file
            is_file = False
        if location and is_file:
            self.open_file(Path(location).expanduser())
            return True
        return False

    def paste_clipboard(self) -> None:
        """Ctrl+V: a bare link opens the page, HTML from a browser opens as an article,
        any other text goes to the paste dialog first."""
        mime = QGuiApplication.clipboard().mimeData()
        text = mime.text() if mime is not None and mime.hasText() else ""
        if text and self.open_location(text):
            return
        if mime is not None and mime.hasHtml() and mime.html().strip():
            self.open_text(mime.html(), self.tr("Pasted web page"))
            return
        self.paste_document()

    def _on_fetch_progress(self, done, total) -> None:
        if total:
            self.fetch_progress.setRange(0, 1000)
            self.fetch_progress.setValue(min(1000, int(1000 * done / total)))
        self.status_label.setText(
            self.tr("Fetching the page… %1 kB").replace("%1", f"{done / 1000:.0f}")
        )

    def _end_fetch(self) -> None:
        self.fetch_progress.setVisible(False)
        self.fetch_cancel.setVisible(False)

    def _on_fetch_cancelled(self, _url) -> None:
        self._end_fetch()
        self.status_label.setText(self.tr("Download stopped; the shown document stays."))

    def _on_loaded(self, path, article) -> None:
        self._end_fetch()
        self.show_article(article)
        if path and not article.source.url:  # files only: a URL is not a recent file
            self._remember(path)

    def _on_load_failed(self, path, message: str) -> None:
        self._end_fetch()
        self.status_label.setText(message)
        self.documentFailed.emit(message)
        self.warn(self.tr("Cannot open the document"), message)

    def warn(self, title: str, message: str) -> None:
        """A modal warning showing MESSAGE as plain text; headless, only logged."""
        if self.headless:  # the caller reports it too (status bar, documentFailed)
            log.info("%s: %s", title, message)
            return
        with plain_text_message_boxes():  # messages carry file names and errors
            QMessageBox.warning(self, title, message)

    def show_article(self, article, translations: dict[str, str] | None = None) -> None:
        """Show ARTICLE at once, then start glossary matching and translation.

        TRANSLATIONS (stored ones, from the library) show at once; the rest is translated.
        """
        self.article = article
        self._sentence_ids = {s.id for s in article.sentences()}
        self._pending.clear()
        self._finish_pending = False
        self.translations = {
            sid: text for sid, text in (translations or {}).items() if sid in self._sentence_ids
        }
        self.sentence_flags, self.term_issues = {}, {}
        self.glossary = None
        self.glossary_finished = False
        self.translation_done = False
        self.setWindowTitle(f"{article.title} — {APP_NAME}")
        self.view.source_label.setText(self._language_label(article.source.language))
        self.view.source.render(article)
        self.view.target.render(article, self.translations)
        self.view.source.set_flags({})
        self.view.target.set_flags({})
        self.view.source.verticalScrollBar().setValue(0)
        self.dock.clear(self.tr("Looking for glossary terms…"))
        self.view.set_header(article.source)
        status = self.tr("%1 sentences").replace("%1", str(len(article.sentences())))
        from desktop.core.documents.web import extraction_note

        note = extraction_note(article.source)
        self.status_label.setText(f"{status} · {note}" if note else status)
        extractor = article.source.extractor
        self.extraction_label.setText(
            self.tr("Text: %1").replace("%1", extractor) if extractor else ""
        )
        self.extraction_label.setToolTip(html.escape(note or ""))
        self.documentShown.emit(article)
        self.glossary_service.match(article)
        self.start_translation()

    def _language_label(self, code: str) -> str:
        if code == "de":
            return self.tr("German")
        from desktop.core.translation.packages import (
            language_name,  # cheap: argostranslate stays unloaded
        )

        return language_name(code)

    def start_translation(self) -> None:
        """(Re)translate the current article in the background."""
        if self.article is None:
            return
        self.translation_done = False
        self._cancelled = False
        self._translation_error = ""
        sentences = [s for s in self.article.sentences() if s.id not in self.translations]
        self.progress.setRange(0, max(len(self.article.sentences()), 1))
        self.progress.setValue(len(self.translations))
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.translation_service.translate(sentences, self.article.source.language, "en")

    def cancel_translation(self) -> None:
        """Stop the running translation; what is done stays."""
        if self.article is None or self.translation_done:
            return  # nothing runs (Esc is also pressed for other reasons)
        self.translation_service.cancel()
        self._cancelled = True
        self.cancel_button.setVisible(False)
        self.progress.setVisible(False)
        self.status_label.setText(
            self.tr("Translation cancelled: %1 of %2 sentences.")
            .replace("%1", str(len(self.translations)))
            .replace("%2", str(len(self.article.sentences())))
        )

    # --- translation results -----------------------------------------------------------

    def _on_sentence(self, result) -> None:
        # Results come in bursts (one per batch); apply them in short slices so the event
        # loop never stays busy for long (bench/bench_ui_latency.py).
        self._pending.append(result)
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def _flush_results(self) -> None:
        started = time.perf_counter()
        while self._pending and time.perf_counter() - started < 0.012:
            result = self._pending.popleft()
            if self.article is None or result.sentence_id not in self._sentence_ids:
                continue
            if result.target:
                self.translations[result.sentence_id] = result.target
                self.view.target.set_translation(result.sentence_id, result.target)
            if result.flags:
                self.sentence_flags[result.sentence_id] = [_flag_text(f) for f in result.flags]
                self._flags_dirty = True
        if self._pending:
            self._flush_timer.start()
            return
        if self._flags_dirty:
            self._flags_dirty = False
            self._show_flags()
        self._update_progress_label()
        if self._finish_pending:
            self._finish_pending = False
            self._finish_translation()

    def _on_progress(self, progress) -> None:
        self._words_per_second = progress.words_per_second

    def _update_progress_label(self) -> None:
        if self.article is None or self.translation_done:
            return
        self.progress.setValue(len(self.translations))
        self.status_label.setText(
            self.tr("Translated %1/%2 sentences · %3 words/s")
            .replace("%1", str(len(self.translations)))
            # not article.sentences(): that builds a list of all of them, on every flush
            .replace("%2", str(len(self._sentence_ids)))
            .replace("%3", f"{self._words_per_second:.0f}")
        )

    def _on_translation_finished(self, _job_id) -> None:
        if self._pending:
            self._finish_pending = True  # after the queued results are shown
            return
        self._finish_translation()

    def _finish_translation(self) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        if self.view.no_model_shown():
            self.status_label.setText(self.tr("No translation model installed."))
        elif self._translation_error:
            self.status_label.setText(
                self.tr("Translation failed: %1").replace("%1", self._translation_error)
            )
        elif self.article is not None and not self._cancelled:
            total = len(self.article.sentences())
            self.status_label.setText(
                self.tr("Translated %1/%2 sentences.")
                .replace("%1", str(len(self.translations)))
                .replace("%2", str(total))
            )
        self.translation_done = True
        self.translationFinished.emit()
        self._run_term_check()

    def _on_translation_failed(self, message: str) -> None:
        # The service emits finished right after; _finish_translation shows the message.
        self._translation_error = message

    def _on_glossary_failed(self, message: str) -> None:
        self.dock.clear(self.tr("The glossary is unavailable: %1").replace("%1", message))
        self.glossary_finished = True
        self.glossaryReady.emit()  # nothing more will come; waiting code can go on

    def _on_model_missing(self, reason: str) -> None:
        self.view.show_no_model(reason)
        self.model_label.setText(self.tr("No model"))

    def _on_model_ready(self, info) -> None:
        self.view.show_target()
        if info is not None:
            self.model_label.setText(f"{info.from_code}→{info.to_code} {info.version}")

    # --- glossary ----------------------------------------------------------------------

    def _on_glossary(self, result) -> None:
        if result.article is not self.article:
            return  # matched an article that is no longer shown
        self.glossary = result
        self.glossary_finished = True
        self.view.source.set_hits(result.terms, result.termbase)
        self.view.target.set_hits(result.terms, result.termbase)
        self.dock.set_data(
            result.article,
            result.termbase,
            result.hits,
            result.suggestions,
            result.dictionary_terms,
        )
        self.glossaryReady.emit()
        self._run_term_check()

    def _run_term_check(self) -> None:
        if self.glossary is not None and self.translation_done and self.translations:
            self.glossary_service.check(self.glossary.terms, dict(self.translations))

    def _on_checked(self, issues: dict) -> None:
        self.term_issues = {
            sid: [issue.message for issue in items] for sid, items in issues.items()
        }
        self._show_flags()
        self.checkFinished.emit()

    def _show_flags(self) -> None:
        merged: dict[str, list[str]] = {}
        for source in (self.sentence_flags, self.term_issues):
            for sid, msgs in source.items():
                merged.setdefault(sid, []).extend(msgs)
        self.view.source.set_flags(merged)
        self.view.target.set_flags(merged)

    def _on_entry_selected(self, entry_id) -> None:
        self.view.source.select_entry(entry_id)
        self.view.target.select_entry(entry_id)
        if entry_id:
            ranges = self.view.source.term_ranges(entry_id)
            if ranges:
                sid = self.view.source.sentence_at(ranges[0][0])
                if sid:
                    self.view.source.scroll_to_sentence(sid)
                    self.view.target.scroll_to_sentence(sid)

    def reveal_sentence(self, sid: str) -> None:
        self.view.highlight(sid)
        self.view.source.scroll_to_sentence(sid)
        self.view.target.scroll_to_sentence(sid)

    def _term_tooltip(self, entry_id: str) -> str:
        termbase = self.glossary.termbase if self.glossary else None
        entry = termbase.get(entry_id) if termbase else None
        if entry is None:
            for term in self.glossary.dictionary_terms if self.glossary else ():
                if term.key == entry_id:  # from the dictionary: its senses, no definition
                    senses = html.escape("; ".join(term.en))
                    label = html.escape(self.tr("from the dictionary"))
                    return f"<b>{html.escape(term.de)}</b> → {senses}<br><i>{label}</i>"
            return html.escape(entry_id)
        text = f"<b>{html.escape(entry.de)}</b> → <b>{html.escape(entry.en)}</b>"
        if entry.definition:
            text += f"<br>{html.escape(entry.definition)}"
        return f"<div style='max-width:360px'>{text}</div>"

    def add_term(self, term: str = "", context: str = "") -> bool:
        """Open the term editor; save the entry to the user glossary. True when saved."""
        from desktop.ui.dialogs import TermEditorDialog

        dialog = TermEditorDialog(term, context, self)
        if dialog.exec() != TermEditorDialog.DialogCode.Accepted:
            return False
        try:
            entry = self.glossary_service.add_entry(dialog.values(), self.article)
        except Exception as exc:  # noqa: BLE001 - shown to the user, the document stays
            self.warn(self.tr("Could not save the glossary"), str(exc))
            return False
        self.status_label.setText(self.tr("Added “%1” to your glossary.").replace("%1", entry.de))
        return True

    def promote_term(self, key: str) -> bool:
        """Add the dictionary term KEY to the user glossary in one step. True when saved."""
        term = next(
            (t for t in (self.glossary.dictionary_terms if self.glossary else ()) if t.key == key),
            None,
        )
        if term is None:
            return False
        from desktop.core.terms import glossary_values

        try:
            entry = self.glossary_service.add_entry(glossary_values(term), self.article)
        except Exception as exc:  # noqa: BLE001 - shown to the user, the document stays
            self.warn(self.tr("Could not save the glossary"), str(exc))
            return False
        self.status_label.setText(self.tr("Added “%1” to your glossary.").replace("%1", entry.de))
        return True

    def showEvent(self, event) -> None:  # noqa: D102
        super().showEvent(event)
        if not self._dock_sized:  # first start: a glossary panel wide enough to read
            self._dock_sized = True
            self.resizeDocks([self.dock], [max(380, self.width() // 4)], Qt.Orientation.Horizontal)
            if not self.settings.contains("window/splitter"):
                QTimer.singleShot(0, self.view.equalize)  # after the dock took its width

    # --- drag and drop, close ------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:  # noqa: D102
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasText() or mime.hasHtml():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: D102
        # A link dragged from a browser comes as a URL (and as text): fetch the page. A file
        # from the file manager opens; dropped HTML or text opens as a pasted document.
        mime = event.mimeData()
        urls = mime.urls()
        local = [u.toLocalFile() for u in urls if u.isLocalFile()]
        web = [u.toString() for u in urls if u.scheme() in ("http", "https")]
        if local:
            self.open_file(local[0])
        elif web:
            self.open_url(web[0])
        elif mime.hasText() and self.open_location(mime.text()):
            pass
        elif mime.hasHtml() and mime.html().strip():
            self.open_text(mime.html(), self.tr("Dropped web page"))
        elif mime.hasText():
            self.open_text(mime.text())
        event.acceptProposedAction()

    def closeEvent(self, event) -> None:  # noqa: D102
        self.save_settings()
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Cancel background work and wait for the pools (window close, tests)."""
        self.translation_service.cancel()
        self.models.cancel()
        self.documents.cancel()
        self.dictionary_service.close(timeout_ms)  # and start no more lookups
        for service in (
            self.translation_service,
            self.glossary_service,
            self.models,
            self.documents,
        ):
            service.pool.waitForDone(timeout_ms)
        self.library.shutdown(timeout_ms)

    def paste_document(self) -> None:
        """Paste as new document: the clipboard text, editable first."""
        from desktop.ui.dialogs import PasteDialog

        dialog = PasteDialog(QGuiApplication.clipboard().text(), self)
        if dialog.exec() == PasteDialog.DialogCode.Accepted and dialog.text().strip():
            self.open_text(dialog.text())

    def open_initial(self, file: str | None) -> None:
        """FILE, else the last opened file, else the bundled article."""
        from desktop import resources

        if file:
            if not self.open_location(file):
                self.open_file(file)  # reports the missing or unreadable file
            return
        last = self.settings.value("files/last")
        if last and Path(str(last)).is_file():
            self.open_file(str(last))
        else:
            self.open_file(str(resources.default_article()))
