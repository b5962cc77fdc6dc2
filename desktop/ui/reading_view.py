"""The central widget: German pane beside the English pane (or the no-model panel)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.no_model_panel import NoModelPanel
from desktop.ui.panes import SourcePane, TargetPane


def _column(parent, title: str, body: QWidget) -> tuple[QWidget, QLabel]:
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    label = QLabel(title, box)
    label.setContentsMargins(12, 6, 12, 6)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    layout.addWidget(label)
    layout.addWidget(body, 1)
    return box, label


class ReadingView(QSplitter):
    """Owns the two panes and keeps them aligned (hover, caret, click, scrolling)."""

    termClicked = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("readingView")
        self.setChildrenCollapsible(False)
        self.source = SourcePane(self)
        self.source.setAccessibleName(self.tr("German text"))
        self.target = TargetPane(self)
        self.target.setAccessibleName(self.tr("English translation"))
        self.no_model = NoModelPanel(self)
        # In a scroll area, so that the panel's buttons never force the column wider.
        self.no_model_area = QScrollArea(self)
        self.no_model_area.setWidget(self.no_model)
        self.no_model_area.setWidgetResizable(True)
        self.no_model_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.no_model_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.target)
        self.stack.addWidget(self.no_model_area)
        left, self.source_label = _column(self, self.tr("German"), self.source)
        self.article_header = self._header(left)
        right, self.target_label = _column(self, self.tr("English"), self.stack)
        self.addWidget(left)
        self.addWidget(right)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 1)
        self._sized = False
        self.sync_scrolling = True
        self._syncing = False
        self._caret: str | None = None
        for pane, other in ((self.source, self.target), (self.target, self.source)):
            pane.sentenceHovered.connect(self._on_hover)
            pane.caretSentence.connect(self._on_caret)
            pane.sentenceActivated.connect(lambda sid, o=other: self._on_activated(sid, o))
            pane.termClicked.connect(self.termClicked)
            # not the scroll bar's valueChanged: a windowed pane also moves its bar only to
            # keep the view in place, and its overview bar moves the view without it
            pane.scrolled.connect(lambda p=pane, o=other: self._on_scrolled(p, o))

    def _header(self, column: QWidget) -> QLabel:
        """The web article's header above the German text: title, site, date, author, link."""
        label = QLabel(column)
        label.setObjectName("articleHeader")
        label.setAccessibleName(self.tr("Article details"))
        label.setTextFormat(Qt.TextFormat.RichText)  # built from escaped fields only
        label.setWordWrap(True)
        label.setOpenExternalLinks(True)  # the link opens in the system browser
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        label.setContentsMargins(12, 0, 12, 6)
        label.setVisible(False)
        layout = column.layout()
        layout.insertWidget(1, label)  # under the column title, above the text
        return label

    def set_header(self, source) -> None:
        """Show SOURCE's page metadata (web articles), or hide the header."""
        rows = header_html(source)
        self.article_header.setText(rows)
        self.article_header.setToolTip(html.escape(source.url or ""))
        self.article_header.setVisible(bool(rows))

    def showEvent(self, event) -> None:  # noqa: D102
        super().showEvent(event)
        if not self._sized:  # equal halves unless the user's layout was restored
            self._sized = True
            self.equalize()

    def equalize(self) -> None:
        """Give both columns the same width."""
        half = max(self.width() // 2, 100)
        self.setSizes([half, half])

    def restore(self, state) -> None:
        """Restore a saved splitter state (the user's column widths)."""
        if state is not None and self.restoreState(state):
            self._sized = True

    def show_no_model(self, reason: str) -> None:
        """Replace the English pane by the explanation with install actions."""
        self.no_model.set_reason(reason)
        self.stack.setCurrentWidget(self.no_model_area)

    def show_target(self) -> None:
        """Show the English pane."""
        self.stack.setCurrentWidget(self.target)

    def no_model_shown(self) -> bool:
        """True while the no-model panel replaces the English pane."""
        return self.stack.currentWidget() is self.no_model_area

    def highlight(self, sid: str | None) -> None:
        """Highlight sentence SID in both panes."""
        self.source.set_aligned(sid)
        self.target.set_aligned(sid)

    def _on_hover(self, sid) -> None:
        self.highlight(sid or self._caret)

    def _on_caret(self, sid: str) -> None:
        self._caret = sid
        self.highlight(sid)
        other = self.target if self.sender() is self.source else self.source
        # guarded like a click: the pane the user works in must not be scrolled back to
        # the other one's top sentence (a mouse press moves the caret before the release)
        self._syncing = True
        try:
            other.scroll_to_sentence(sid)
        finally:
            self._syncing = False

    def _on_activated(self, sid: str, other) -> None:
        self._caret = sid
        self.highlight(sid)
        self._syncing = True
        try:
            other.scroll_to_sentence(sid)
        finally:
            self._syncing = False

    def _on_scrolled(self, pane, other) -> None:
        if not self.sync_scrolling or self._syncing or not pane.isVisible():
            return
        sid = pane.top_sentence()
        if sid:
            self._syncing = True
            try:
                # the same sentence at the same height: one that starts above the view
                # starts above it in the other pane too
                other.scroll_to_sentence(sid, at_top=True, y=pane.sentence_y(sid))
            finally:
                self._syncing = False

    def set_zoom(self, point_size: float) -> None:
        """Reading font size of both panes."""
        for pane in (self.source, self.target):
            font = QFont(pane.document().defaultFont())
            font.setPointSizeF(point_size)
            pane.document().setDefaultFont(font)


def header_html(source) -> str:
    """Rich text for the article header; empty when SOURCE has no page metadata.

    Every field comes from the page (untrusted): escaped, and the link is only an http(s)
    address, so a page cannot put markup or a ``javascript:`` link into the window.
    """
    if source.extractor is None and not source.url:
        return ""
    parts = []
    if source.title:
        parts.append(f"<b>{html.escape(source.title)}</b>")
    line = [html.escape(x) for x in (source.site, source.date, source.author) if x]
    if line:
        parts.append(" · ".join(line))
    url = source.url or ""
    if url.lower().startswith(("http://", "https://")):
        shown = url if len(url) <= 90 else url[:87] + "…"
        parts.append(f'<a href="{html.escape(url, quote=True)}">{html.escape(shown)}</a>')
    if source.warning:  # a consent or paywall page: the reader must see why text is missing
        parts.append(f"<span style='color:#b45309'>⚠ {html.escape(source.warning)}</span>")
    return "<br>".join(parts)
