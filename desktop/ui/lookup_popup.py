"""The word lookup popup: the curated glossary entry, then the dictionary, next to the word.

Gestures (chosen so they do not fight selecting text or the term highlights):

- a plain click on a word that is not a glossary term looks it up (a click on a term still
  selects it in the glossary panel, as before);
- a double-click (any word, terms too) or a mouse selection of a short phrase looks up
  what is selected; a long selection (copying a paragraph) is left alone;
- Look Up Word (Ctrl+D) looks up the selection or the word at the caret of the focused pane.

German words are looked up with their sentence (separable verbs: "schoss ... ab" ->
abschießen); words of the English pane are looked up English -> German.

The popup is a frame floating over the main window (a child widget, not a top-level
window: it is placed exactly on every platform, never takes the keyboard focus from the
pane and needs no window manager). Esc, the close button, a click beside the words, a
scroll of the pane or a new document close it. The lookup runs in DictionaryService's
worker; a popup only ever shows the answer to the latest request.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

WIDTH = 440  # px; narrower when the window is
MAX_HEIGHT = 380
GAP = 4  # px between the word and the popup
BUSY_DELAY_MS = 150  # "Looking up…" only for a lookup that takes this long
WARM_DELAY_MS = 400  # after the window shows: let it paint first
MAX_PHRASE_CHARS = 80  # a longer mouse selection is for copying, not a lookup
MAX_PHRASE_WORDS = 6
SENSES = 8  # English senses shown per row
_app = QCoreApplication  # _app.translate("LookupPopup", ...): lupdate reads these calls
# A word: letters/digits, inner hyphens kept (Shahed-136-Drohnen, F-35, U-Boot).
_WORD = re.compile(r"\w+(?:[-‐]\w+)*")


def missing_text() -> str:
    """What the popup says when no dictionary is installed."""
    return _app.translate(
        "LookupPopup",
        "No German–English dictionary is installed. Install the Debian package trans-de-en "
        "(sudo apt install trans-de-en), or choose Tools → Dictionary → Install from file… "
        "and pick a Ding file (de-en.txt).",
    )


# --- what the popup shows ---------------------------------------------------------------------


def lookup_html(result, colours) -> str:
    """Rich text for a core WordLookup; every piece of data is escaped."""
    e = html.escape
    dim = f"color:{colours.dimmed}"
    out: list[str] = []
    label = e(_app.translate("LookupPopup", "Glossary"))
    for entry in result.glossary:
        en = "; ".join(dict.fromkeys(entry.english_terms))
        out.append(
            f"<p style='margin:0 0 6px 0'><span style='{dim}'>{label}</span> "
            f"<b>{e(entry.de)}</b> → <b>{e(en)}</b> "
            f"<span style='{dim}'>({e(entry.category.replace('_', ' '))})</span>"
            + (f"<br>{e(entry.definition)}" if entry.definition else "")
            + "</p>"
        )
    found = result.dictionary
    if found is not None and found.rows:
        lemmas = [x for x in found.lemmas if x != found.query]
        if lemmas:
            out.append(f"<p style='margin:0;{dim}'>{e(found.query)} → {e(', '.join(lemmas))}</p>")
        for row in found.rows:
            out.append(_row_html(row, result.reverse, dim))
        if found.truncated:
            more = _app.translate("LookupPopup", "%1 more in the dictionary").replace(
                "%1", str(found.truncated)
            )
            out.append(f"<p style='margin:0;{dim}'>{e(more)}</p>")
    elif found is not None and found.parts:
        note = _app.translate("LookupPopup", "%1 is not listed as a whole; its parts:").replace(
            "%1", found.query
        )
        out.append(f"<p style='margin:0 0 2px 0;{dim}'>{e(note)}</p>")
        for part in found.parts:
            senses = "; ".join(part.en[:SENSES]) or "–"
            subjects = "".join(f" [{s}]" for s in part.subjects)
            out.append(
                f"<p style='margin:0 0 4px 10px'><b>{e(part.de)}</b>"
                f"<span style='{dim}'>{e(subjects)}</span>: {e(senses)}</p>"
            )
    if result.dictionary_missing:
        out.append(f"<p style='margin:6px 0 0 0'>{e(missing_text())}</p>")
    elif result.dictionary_problem:
        out.append(f"<p style='margin:6px 0 0 0'>{e(result.dictionary_problem)}</p>")
    elif not result.found:
        nothing = _app.translate("LookupPopup", "No entry for “%1”.").replace("%1", result.query)
        out.append(f"<p style='margin:0'>{e(nothing)}</p>")
    return "".join(out)


def _row_html(row, reverse: bool, dim: str) -> str:
    e = html.escape
    grammar = f" <i>{{{e(', '.join(row.grammar))}}}</i>" if row.grammar else ""
    subjects = "".join(f" [{s}]" for s in row.subjects)
    senses = "; ".join(row.en[:SENSES]) + ("; …" if len(row.en) > SENSES else "")
    head = f"<b>{e(row.headword)}</b>{grammar}<span style='{dim}'>{e(subjects)}</span>"
    if reverse:  # English -> German: the German side is the answer
        body = f"{head}: {e(row.de)}<br><span style='{dim}'>{e(senses)}</span>"
    else:
        body = f"{head}: {e(senses)}" if senses else head
        if row.de != row.headword:
            body += f"<br><span style='{dim}'>{e(row.de)}</span>"
    return f"<p style='margin:0 0 4px 0'>{body}</p>"


class LookupPopup(QFrame):
    """The floating lookup panel: a title, the entries, and Install when there is none."""

    installRequested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lookupPopup")
        self.setAccessibleName(self.tr("Dictionary lookup"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFrameShadow(QFrame.Shadow.Raised)
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 8)
        layout.setSpacing(2)
        header = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # the word comes from the article
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setAccessibleName(self.tr("Close the lookup"))
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.hide)
        header.addWidget(self.title, 1)
        header.addWidget(self.close_button)
        layout.addLayout(header)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(self.tr("Dictionary entries"))
        self.browser.setOpenLinks(False)
        self.browser.setFrameShape(QFrame.Shape.NoFrame)
        self.browser.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        layout.addWidget(self.browser, 1)
        self.install_button = QPushButton(self.tr("Install from file…"), self)
        self.install_button.setAccessibleName(self.tr("Install a dictionary from a file"))
        self.install_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.install_button.clicked.connect(self.installRequested)
        self.install_button.setVisible(False)
        layout.addWidget(self.install_button)
        self.anchor = QRect()
        self.hide()

    def text(self) -> str:
        """The plain text now shown (title and entries)."""
        return f"{self.title.text()}\n{self.browser.toPlainText()}"

    def show_message(self, title: str, text: str, anchor: QRect) -> None:
        """Show TITLE and the plain TEXT next to ANCHOR (parent coordinates)."""
        self._show(title, f"<p style='margin:0'>{html.escape(text)}</p>", anchor, False)

    def show_result(self, title: str, rich: str, anchor: QRect, missing: bool) -> None:
        """Show RICH (from lookup_html) next to ANCHOR; MISSING adds the Install button."""
        self._show(title, rich, anchor, missing)

    def _show(self, title: str, rich: str, anchor: QRect, missing: bool) -> None:
        self.title.setText(title)
        self.browser.setHtml(rich)
        self.install_button.setVisible(missing)
        self.anchor = QRect(anchor)
        self._place()
        self.show()
        self.raise_()

    def _place(self) -> None:
        """Below the word if there is room, else above; always inside the window."""
        parent = self.parentWidget()
        room = parent.rect().adjusted(8, 8, -8, -8)
        width = max(160, min(WIDTH, room.width()))
        doc = self.browser.document()
        margins = self.layout().contentsMargins()
        doc.setTextWidth(width - margins.left() - margins.right() - 2 * self.frameWidth() - 20)
        extra = self.title.sizeHint().height() + margins.top() + margins.bottom() + 12
        if not self.install_button.isHidden():
            extra += self.install_button.sizeHint().height()
        wanted = int(doc.size().height()) + extra
        below = room.bottom() - (self.anchor.bottom() + GAP)
        above = self.anchor.top() - GAP - room.top()
        height = min(wanted, MAX_HEIGHT, max(below, above, 80))
        if below >= height or below >= above:
            y = self.anchor.bottom() + GAP
        else:
            y = self.anchor.top() - GAP - height
        x = min(max(self.anchor.left(), room.left()), room.right() - width)
        y = min(max(y, room.top()), max(room.top(), room.bottom() - height))
        self.setGeometry(x, y, width, height)

    def keyPressEvent(self, event) -> None:  # noqa: D102
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)


# --- wiring ---------------------------------------------------------------------------------------


class LookupController(QObject):
    """Connects the panes, the Look Up action and the Dictionary menu to the service."""

    lookupShown = Signal(object)  # the LookupAnswer now shown (tests and the bench wait on it)

    def __init__(self, window, service) -> None:
        super().__init__(window)
        self.window = window
        self.service = service
        self.popup = LookupPopup(window)
        self.popup.installRequested.connect(lambda: self.install_from_file())
        self._request: tuple | None = None  # (pane, start, end, text) of the latest lookup
        self._busy = QTimer(self)
        self._busy.setSingleShot(True)
        self._busy.setInterval(BUSY_DELAY_MS)
        self._busy.timeout.connect(self._show_busy)
        self._building: tuple[int, int] | None = None
        self._warm = QTimer(self)  # a child: it dies with the window, never fires after it
        self._warm.setSingleShot(True)
        self._warm.setInterval(WARM_DELAY_MS)
        self._warm.timeout.connect(service.warm)
        self._status_box: QMessageBox | None = None
        self.progress = QProgressBar(window)
        self.progress.setAccessibleName(self.tr("Dictionary index"))
        self.progress.setMaximumWidth(140)
        self.progress.setRange(0, 1000)
        self.progress.setVisible(False)
        window.statusBar().addPermanentWidget(self.progress)
        view = window.view
        for pane in (view.source, view.target):
            pane.wordClicked.connect(lambda point, p=pane: self._on_click(p, point))
            pane.phraseSelected.connect(lambda s, e, p=pane: self._on_selection(p, s, e))
            pane.termClicked.connect(lambda _id: self.close_popup())  # the panel shows it
            pane.scrolled.connect(lambda p=pane: self._on_scrolled(p))
            pane.installEventFilter(self)
        self.popup.browser.installEventFilter(self)
        window.installEventFilter(self)
        service.answered.connect(self._on_answer)
        service.building.connect(self._on_building)
        service.installed.connect(self._on_installed)
        service.failed.connect(self._on_failed)
        service.statusReady.connect(self._on_status)
        window.documentShown.connect(lambda _article: self.close_popup())
        window.glossary_service.matched.connect(lambda r: service.use_termbase(r.termbase))
        self._warmed = False

    # --- requests -----------------------------------------------------------------------

    def look_up_at_cursor(self) -> bool:
        """Look up the selection, else the word at the caret, of the focused pane."""
        view = self.window.view
        pane = view.target if view.target.hasFocus() else view.source
        cursor = pane.textCursor()
        if cursor.hasSelection():
            return self.look_up_range(pane, cursor.selectionStart(), cursor.selectionEnd())
        return self.look_up_position(pane, cursor.position())

    def look_up_position(self, pane, position: int) -> bool:
        """Look up the word at document POSITION of PANE; False if there is none."""
        span = word_at(pane, position)
        if span is None:
            self.close_popup()
            return False
        return self.look_up_range(pane, *span)

    def look_up_range(self, pane, start: int, end: int, *, mouse: bool = False) -> bool:
        """Look up the text of PANE's document from START to END (a word or a phrase)."""
        cursor = QTextCursor(pane.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        text = " ".join(cursor.selectedText().replace("\u2029", " ").split())
        if not text or not any(ch.isalnum() for ch in text):
            return False
        if mouse and (len(text) > MAX_PHRASE_CHARS or len(text.split()) > MAX_PHRASE_WORDS):
            return False  # selected for copying
        request = (pane, start, end, text)
        if request == self._request and (self.popup.isVisible() or self._busy.isActive()):
            return True  # the release after a double-click: the same lookup again
        self._request = request
        target = self.window.view.target
        sid = pane.sentence_at(start)
        # English -> German, except in a sentence of the English pane that still shows its
        # German text (not translated yet): that is German, looked up with its sentence.
        reverse = pane is target and not (sid and not target.is_translated(sid))
        sentence = None if reverse else self._sentence(pane, start)
        self.service.lookup(text, sentence, reverse)
        self._busy.start()
        return True

    def _sentence(self, pane, position: int) -> str | None:
        article = self.window.article
        sid = pane.sentence_at(position)
        if article is None or not sid:
            return None
        try:
            return article.sentence(sid).text
        except KeyError:
            return None

    def close_popup(self) -> None:
        """Hide the popup; an answer still on its way is not shown."""
        self._request = None
        self._busy.stop()
        self.popup.hide()

    def _on_click(self, pane, point: QPoint) -> None:
        offset = QPointF(pane.horizontalScrollBar().value(), pane.verticalScrollBar().value())
        layout = pane.document().documentLayout()
        position = layout.hitTest(QPointF(point) + offset, Qt.HitTestAccuracy.ExactHit)
        if position < 0:  # beside the text: a click away from the popup
            self.close_popup()
            return
        self.look_up_position(pane, position)

    def _on_selection(self, pane, start: int, end: int) -> None:
        self.look_up_range(pane, start, end, mouse=True)

    def _on_scrolled(self, pane) -> None:
        if self._request is not None and self._request[0] is pane:
            self.close_popup()  # the word moved away from the popup

    # --- answers ----------------------------------------------------------------------------

    def _anchor(self) -> QRect:
        pane, start, end, _text = self._request
        cursor = QTextCursor(pane.document())
        cursor.setPosition(start)
        first = pane.cursorRect(cursor)
        cursor.setPosition(end)
        last = pane.cursorRect(cursor)
        rect = first.united(last) if last.top() == first.top() else first
        top_left = pane.viewport().mapTo(self.window, rect.topLeft())
        return QRect(top_left, rect.size())

    def _title(self) -> str:
        text = self._request[3]
        return text if len(text) <= 60 else text[:57] + "…"

    def _show_busy(self) -> None:
        if self._request is None:
            return
        if self._building is not None:
            done, total = self._building
            percent = 100 * done // max(1, total)
            message = self.tr("Building the dictionary index (once)… %1%").replace(
                "%1", str(percent)
            )
        else:
            message = self.tr("Looking up…")
        self.popup.show_message(self._title(), message, self._anchor())

    def _on_answer(self, answer) -> None:
        self._end_building()
        request = self._request
        if request is None or answer.word != request[3]:
            return  # closed meanwhile, or the answer to an older request
        self._busy.stop()
        result = answer.result
        rich = lookup_html(result, self.window.view.source.colours)
        self.popup.show_result(self._title(), rich, self._anchor(), result.dictionary_missing)
        self.lookupShown.emit(answer)

    def _on_building(self, done, total) -> None:
        self._building = (done, total)
        self.progress.setVisible(True)
        self.progress.setValue(int(1000 * done / max(1, total)))
        self.window.status_label.setText(
            self.tr("Building the dictionary index… %1%").replace(
                "%1", str(100 * done // max(1, total))
            )
        )
        if self._request is not None:
            self._show_busy()

    def _end_building(self) -> None:
        if self._building is not None:
            self._building = None
            self.progress.setVisible(False)
            self.window.status_label.setText(self.tr("Dictionary index ready."))

    def _on_failed(self, message: str) -> None:
        self._end_building()
        self.progress.setVisible(False)
        self.window.status_label.setText(" ".join(message.split()))
        if self._request is not None:
            self._busy.stop()
            self.popup.show_message(self._title(), message, self._anchor())

    # --- the Dictionary menu ------------------------------------------------------------------

    def install_from_file(self, path: str | None = None) -> None:
        """Tools → Dictionary → Install from file…: copy a Ding file in and build its index."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.window,
                self.tr("Install a dictionary"),
                "",
                self.tr("Ding dictionary files (de-en* *.txt);;All files (*)"),
            )
            if not path:
                return
        self.close_popup()
        self.window.status_label.setText(self.tr("Installing the dictionary…"))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.service.install_file(path)

    def _on_installed(self, result) -> None:
        self._building = None
        self.progress.setVisible(False)
        info = result.info
        self.window.status_label.setText(
            self.tr("Dictionary installed: %1 entries.").replace("%1", f"{info.entries:,}")
        )

    def show_status(self) -> None:
        """Tools → Dictionary → Status: where the dictionary is and what its index holds."""
        self.service.status()

    def _on_status(self, state) -> None:
        text = status_text(state, self.service.files())
        self.window.status_label.setText(text.splitlines()[0])
        if getattr(self.window, "headless", False):
            return
        if self._status_box is None:
            box = QMessageBox(self.window)
            box.setWindowTitle(self.tr("Dictionary"))
            box.setTextFormat(Qt.TextFormat.PlainText)  # paths and error text
            box.setIcon(QMessageBox.Icon.Information)
            self._status_box = box
        self._status_box.setText(text)
        self._status_box.open()  # not exec(): nothing waits on it

    @property
    def status_box(self) -> QMessageBox | None:
        """The status message box, once shown."""
        return self._status_box

    # --- events --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: D102
        kind = event.type()
        if watched is self.window:
            if kind == QEvent.Type.Show and not self._warmed:
                self._warmed = True
                self._warm.start()
            elif kind == QEvent.Type.Resize and self.popup.isVisible():
                self.popup.hide()
            return False
        if self.popup.isVisible() and kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            if event.key() == Qt.Key.Key_Escape and not event.modifiers():
                if kind == QEvent.Type.ShortcutOverride:
                    event.accept()  # Esc closes the popup, it does not cancel the translation
                else:
                    self.close_popup()
                return True
        return False


def word_at(pane, position: int) -> tuple[int, int] | None:
    """The document range of the word at or just before POSITION, or None."""
    block = pane.document().findBlock(position)
    if not block.isValid():
        return None
    text = block.text()
    offset = _index_of(text, position - block.position())
    for match in _WORD.finditer(text):
        if match.start() <= offset <= match.end():
            base = block.position()
            return base + _u16(text[: match.start()]), base + _u16(text[: match.end()])
        if match.start() > offset:
            break
    return None


def _u16(text: str) -> int:
    """Length of TEXT in UTF-16 code units (QTextDocument positions)."""
    return len(text.encode("utf-16-le")) // 2 if not text.isascii() else len(text)


def _index_of(text: str, units: int) -> int:
    """The str index at UTF-16 offset UNITS of TEXT (they differ after astral characters)."""
    if text.isascii() or len(text) == _u16(text):
        return units
    return len(text.encode("utf-16-le")[: 2 * units].decode("utf-16-le", errors="ignore"))


def status_text(state, files) -> str:
    """The dictionary status as lines of plain text (first line: the summary)."""
    if state.source is None:
        return f"{missing_text()}\n" + _app.translate("LookupPopup", "Index: %1").replace(
            "%1", str(state.index)
        )
    kind = (
        _app.translate("LookupPopup", "installed copy")
        if state.source == files.installed
        else _app.translate("LookupPopup", "system file")
    )
    lines = []
    info = state.info
    if info is not None:
        lines.append(
            _app.translate("LookupPopup", "Dictionary: %1 entries.").replace(
                "%1", f"{info.entries:,}"
            )
        )
    else:
        lines.append(_app.translate("LookupPopup", "Dictionary: the index is not built yet."))
    lines.append(
        _app.translate("LookupPopup", "File: %1 (%2)")
        .replace("%1", str(state.source))
        .replace("%2", kind)
    )
    lines.append(_app.translate("LookupPopup", "Index: %1").replace("%1", str(state.index)))
    if state.problem:
        lines.append(
            _app.translate("LookupPopup", "The index is %1; the next lookup rebuilds it.").replace(
                "%1", state.problem
            )
        )
    elif info is None:
        lines.append(
            _app.translate("LookupPopup", "The first lookup builds it (once; it takes a while).")
        )
    else:
        size = f"{info.index_bytes / 1_048_576:.1f} MB"
        lines.append(
            _app.translate("LookupPopup", "Index size: %1, built %2")
            .replace("%1", size)
            .replace("%2", info.built_at)
        )
        if state.current is False:
            lines.append(
                _app.translate(
                    "LookupPopup", "The file changed: the next lookup rebuilds the index."
                )
            )
    return "\n".join(lines)
