"""The two reading panes: German source and English target, sentence-aligned by id."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPolygon,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QTextEdit, QToolTip

from desktop.ui import themes

_MARGIN = 18  # left block margin: room for the sentence-flag marker


class ArticlePane(QTextEdit):
    """A read-only rich-text pane that knows where each sentence and term lies."""

    sentenceHovered = Signal(object)  # sentence id or None
    sentenceActivated = Signal(str)  # clicked sentence id
    caretSentence = Signal(str)  # sentence under the keyboard caret
    termClicked = Signal(str)  # glossary entry id

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.viewport().setMouseTracking(True)
        self.document().setDocumentMargin(14)
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        self.colours = themes.LIGHT
        self.tooltip_provider: Callable[[str], str] = lambda entry_id: entry_id
        self._spans: dict[str, list[int]] = {}
        self._order: list[str] = []
        self._starts: list[int] = []
        self._terms: dict[str, list[tuple[int, int, str, str]]] = {}  # sid -> rel ranges
        self._flags: dict[str, list[str]] = {}
        self._hover: str | None = None
        self._aligned: str | None = None
        self._selected_entry: str | None = None
        self._press_pos = None
        self._article = None  # the article last rendered
        self.cursorPositionChanged.connect(self._on_cursor_moved)

    # --- rendering -----------------------------------------------------------------------

    def _paragraph_blocks(self, article) -> Iterator[tuple[QTextCursor, object, bool]]:
        """Clear the pane for ARTICLE; yield (cursor, paragraph, is_heading), one block each."""
        self._article = article
        self._spans, self._order, self._starts, self._terms = {}, [], [], {}
        self.document().clear()
        cursor = QTextCursor(self.document())
        for number, para in enumerate(article.paragraphs):
            heading = para.kind == "heading"
            if number:
                cursor.insertBlock()
            cursor.setBlockFormat(self._block_format(heading))
            yield cursor, para, heading

    # --- geometry ------------------------------------------------------------------------

    def _reindex(self) -> None:
        self._order.sort(key=lambda sid: self._spans[sid][0])
        self._starts = [self._spans[sid][0] for sid in self._order]

    def sentence_at(self, position: int) -> str | None:
        """The sentence id covering document POSITION, if any."""
        i = bisect.bisect_right(self._starts, position) - 1
        if i < 0 or i >= len(self._order):
            return None
        sid = self._order[i]
        return sid if position <= self._spans[sid][1] else None

    def sentence_span(self, sid: str) -> tuple[int, int] | None:
        """Document positions (start, end) of a sentence."""
        span = self._spans.get(sid)
        return (span[0], span[1]) if span else None

    def sentence_text(self, sid: str) -> str:
        """The text shown for a sentence."""
        start, end = self._spans[sid]
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText()

    def term_ranges(self, entry_id: str | None = None) -> list[tuple[int, int, str]]:
        """Absolute (start, end, entry_id) of the marked terms, optionally of one entry."""
        out = []
        for sid, terms in self._terms.items():
            base = self._spans[sid][0]
            out += [
                (base + s, base + e, eid)
                for s, e, eid, _ in terms
                if entry_id is None or eid == entry_id
            ]
        return sorted(out)

    def term_at(self, position: int) -> str | None:
        """Entry id of the term at POSITION, if any."""
        sid = self.sentence_at(position)
        if sid is None:
            return None
        base = self._spans[sid][0]
        for s, e, eid, _ in self._terms.get(sid, ()):
            if base + s <= position < base + e:
                return eid
        return None

    def top_sentence(self) -> str | None:
        """The sentence at the top of the visible area."""
        pos = self.cursorForPosition(QPoint(_MARGIN + 20, 4)).position()
        return self.sentence_at(pos) or (self._order[0] if self._order else None)

    def scroll_to_sentence(self, sid: str, at_top: bool = False) -> None:
        """Scroll so that sentence SID is visible (at a third of the height, or at the top)."""
        span = self._spans.get(sid)
        if not span:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(span[0])
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        target = rect.top() - (4 if at_top else self.viewport().height() // 3)
        bar.setValue(bar.value() + target)

    # --- highlights ------------------------------------------------------------------------

    def set_aligned(self, sid: str | None) -> None:
        """Highlight sentence SID (the counterpart of the one the user points at)."""
        if sid != self._aligned:
            self._aligned = sid
            self._refresh_selections()

    def aligned(self) -> str | None:
        """The currently highlighted sentence id."""
        return self._aligned

    def select_entry(self, entry_id: str | None) -> None:
        """Highlight all hits of a glossary entry."""
        self._selected_entry = entry_id
        self._refresh_selections()

    def _refresh_selections(self) -> None:
        selections = []
        if self._aligned in self._spans:
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            start, end = self._spans[self._aligned]
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format.setBackground(QColor(self.colours.aligned))
            selections.append(sel)
        if self._selected_entry:
            for start, end, _ in self.term_ranges(self._selected_entry):
                sel = QTextEdit.ExtraSelection()
                cursor = QTextCursor(self.document())
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                sel.cursor = cursor
                sel.format.setBackground(QColor(self.colours.term_selected))
                sel.format.setFontWeight(700)
                selections.append(sel)
        self.setExtraSelections(selections)

    def highlighted_ranges(self) -> list[tuple[int, int]]:
        """(start, end) of the extra selections now shown (what the user sees highlighted)."""
        selections = self.extraSelections()
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in selections]

    def set_flags(self, flags: dict[str, list[str]]) -> None:
        """Mark sentences with messages from the translation and the term check."""
        self._flags = {sid: list(msgs) for sid, msgs in flags.items() if msgs}
        self.viewport().update()

    def flags(self) -> dict[str, list[str]]:
        """The sentence flags now shown."""
        return dict(self._flags)

    # --- formats -----------------------------------------------------------------------

    def _block_format(self, heading: bool) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setLeftMargin(_MARGIN)
        fmt.setBottomMargin(6 if heading else 12)
        fmt.setTopMargin(10 if heading else 0)
        fmt.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        return fmt

    def _char_format(self, heading: bool, dimmed: bool = False) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setForeground(QColor(self.colours.dimmed if dimmed else self.colours.text))
        if heading:
            fmt.setFontWeight(700)
            fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, 1)
        if dimmed:
            fmt.setFontItalic(True)
        return fmt

    def _apply_terms(self, sid: str) -> None:
        base = self._spans[sid][0]
        for s, e, _, category in self._terms.get(sid, ()):
            cursor = QTextCursor(self.document())
            cursor.setPosition(base + s)
            cursor.setPosition(base + e, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            colour = self.colours.category(category)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(colour)
            tint = QColor(colour)
            tint.setAlpha(34)
            fmt.setBackground(QBrush(tint))
            cursor.mergeCharFormat(fmt)

    # --- events ------------------------------------------------------------------------

    def mouseMoveEvent(self, event) -> None:  # noqa: D102
        super().mouseMoveEvent(event)
        pos = self.cursorForPosition(event.position().toPoint()).position()
        sid = self.sentence_at(pos)
        cursor_shape = (
            Qt.CursorShape.PointingHandCursor if self.term_at(pos) else Qt.CursorShape.IBeamCursor
        )
        self.viewport().setCursor(cursor_shape)
        if sid != self._hover:
            self._hover = sid
            self.sentenceHovered.emit(sid)

    def leaveEvent(self, event) -> None:  # noqa: D102
        super().leaveEvent(event)
        if self._hover is not None:
            self._hover = None
            self.sentenceHovered.emit(None)

    def mousePressEvent(self, event) -> None:  # noqa: D102
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: D102
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        if self._press_pos is None or (point - self._press_pos).manhattanLength() > 4:
            return  # a drag selects text; only a click navigates
        pos = self.cursorForPosition(point).position()
        entry = self.term_at(pos)
        if entry:
            self.termClicked.emit(entry)
        sid = self.sentence_at(pos)
        if sid:
            self.sentenceActivated.emit(sid)

    def _on_cursor_moved(self) -> None:
        if self.hasFocus():
            sid = self.sentence_at(self.textCursor().position())
            if sid:
                self.caretSentence.emit(sid)

    def viewportEvent(self, event) -> bool:  # noqa: D102
        if event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, point: QPoint) -> str:
        """Rich-text tooltip for the point: the term's rendering/definition and any flags."""
        pos = self.cursorForPosition(point).position()
        parts = []
        entry = self.term_at(pos)
        if entry:
            parts.append(self.tooltip_provider(entry))
        sid = self.sentence_at(pos)
        if sid and self._flags.get(sid):
            items = "".join(f"<li>{_escape(m)}</li>" for m in self._flags[sid])
            parts.append(f"<b>⚑</b><ul style='margin:0'>{items}</ul>")
        return "<hr>".join(parts)

    def paintEvent(self, event) -> None:  # noqa: D102
        super().paintEvent(event)
        if not self._flags:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.colours.flag))
        for sid in self._flags:
            span = self._spans.get(sid)
            if not span:
                continue
            cursor = QTextCursor(self.document())
            cursor.setPosition(span[0])
            rect = self.cursorRect(cursor)
            if rect.bottom() < 0 or rect.top() > self.viewport().height():
                continue
            x, y = 6 + self.document().documentMargin() // 2, rect.center().y()
            painter.drawPolygon(QPolygon([QPoint(x, y - 5), QPoint(x + 8, y), QPoint(x, y + 5)]))
        painter.end()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SourcePane(ArticlePane):
    """The German article with paragraphs, headings and glossary terms."""

    def render(self, article, hits=(), termbase=None) -> None:
        """Show ARTICLE; underline HITS by the category of their termbase entry."""
        for cursor, para, heading in self._paragraph_blocks(article):
            fmt = self._char_format(heading)
            prev = para.start
            for sent in para.sentences:
                if sent.start > prev:
                    cursor.insertText(article.text[prev : sent.start].replace("\n", " "), fmt)
                start = cursor.position()
                cursor.insertText(sent.text.replace("\n", " "), fmt)
                self._spans[sent.id] = [start, cursor.position()]
                self._order.append(sent.id)
                prev = sent.end
        self._reindex()
        self.set_hits(hits, termbase)

    def set_hits(self, hits, termbase) -> None:
        """Underline glossary hits (absolute article offsets) by category colour."""
        if self._article is None:
            return
        if self._terms:  # drop old underlines by re-rendering without them
            self._terms = {}
            self.render(self._article)
        sentences = {s.id: s for s in self._article.sentences()}
        for hit in hits:
            sent = sentences.get(hit.sentence_id)
            if sent is None:
                continue
            entry = termbase.get(hit.entry_id) if termbase is not None else None
            category = entry.category if entry is not None else ""
            self._terms.setdefault(sent.id, []).append(
                (hit.start - sent.start, hit.end - sent.start, hit.entry_id, category)
            )
        for sid in self._terms:
            self._apply_terms(sid)
        self._refresh_selections()


class TargetPane(ArticlePane):
    """The English translation, filled sentence by sentence; placeholders are dimmed."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._translated: dict[str, str] = {}
        self._hits_by_sentence: dict[str, list] = {}
        self._termbase = None

    def render(self, article, translations: dict[str, str], hits=(), termbase=None) -> None:
        """Show the translation of ARTICLE so far (missing sentences as placeholders)."""
        self._hits_by_sentence = {}
        for hit in hits:
            self._hits_by_sentence.setdefault(hit.sentence_id, []).append(hit)
        self._termbase = termbase
        self._translated = {}
        for cursor, para, heading in self._paragraph_blocks(article):
            for i, sent in enumerate(para.sentences):
                if i:
                    cursor.insertText(" ", self._char_format(heading))
                start = cursor.position()
                target = translations.get(sent.id)
                if target:
                    self._translated[sent.id] = target
                    cursor.insertText(target, self._char_format(heading))
                else:
                    cursor.insertText(self._placeholder(sent), self._char_format(heading, True))
                self._spans[sent.id] = [start, cursor.position()]
                self._order.append(sent.id)
        self._reindex()
        for sid in self._translated:
            self._find_terms(sid)
        self._refresh_selections()

    @staticmethod
    def _placeholder(sent) -> str:
        return sent.text.replace("\n", " ")

    def is_translated(self, sid: str) -> bool:
        """True once sentence SID shows its translation."""
        return sid in self._translated

    def set_translation(self, sid: str, text: str) -> None:
        """Replace the placeholder of SID with its translation (other sentences shift)."""
        span = self._spans.get(sid)
        if span is None or not text:
            return
        heading = self._is_heading(sid)
        cursor = QTextCursor(self.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text, self._char_format(heading))
        delta = len(text) - (span[1] - span[0])
        span[1] = span[0] + len(text)
        if delta:
            for other in self._order:
                s = self._spans[other]
                if s[0] > span[0]:
                    s[0] += delta
                    s[1] += delta
            self._reindex()
        self._translated[sid] = text
        self._find_terms(sid)
        self._refresh_selections()

    def _is_heading(self, sid: str) -> bool:
        for para in self._article.paragraphs:
            if any(s.id == sid for s in para.sentences):
                return para.kind == "heading"
        return False

    def set_hits(self, hits, termbase) -> None:
        """Mark the English renderings of the glossary hits in translated sentences."""
        if self._article is None:
            return
        self.render(self._article, dict(self._translated), hits, termbase)

    def _find_terms(self, sid: str) -> None:
        from desktop.core.glossary.termcheck import rendering_spans

        text = self._translated.get(sid, "")
        hits = self._hits_by_sentence.get(sid, ())
        found = []
        if self._termbase is not None:
            found = [
                (s.start, s.end, s.entry.id, s.entry.category)
                for s in rendering_spans(self._termbase, hits, text)
            ]
        self._terms[sid] = sorted(found)
        self._apply_terms(sid)
