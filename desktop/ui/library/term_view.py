"""The term view: one term across the library (its articles, a timeline, what comes with it)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.library.chart import TimelineChart

ARTICLE_ROLE = Qt.ItemDataRole.UserRole
SENTENCE_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
PERIOD_ROLE = Qt.ItemDataRole.UserRole + 3
LABEL_ROLE = Qt.ItemDataRole.UserRole + 4
MAX_MENTIONS_SHOWN = 50  # per article in the tree; the CSV export has them all
EXPAND_UP_TO = 60  # mentions: up to this many, the article list opens showing them


class TermView(QWidget):
    """Shows a TermReport; emits what the reader asks for (a term, a mention, an export)."""

    termRequested = Signal(str, str)  # query, period ("day" | "week")
    mentionActivated = Signal(object, str)  # article id, sentence id
    exportRequested = Signal(str)  # term key

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.report = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        row = QHBoxLayout()
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr("A term: Eurofighter, Bundeswehr, Rakete…"))
        self.query.setClearButtonEnabled(True)
        self.query.setAccessibleName(self.tr("Term to follow"))
        self.period = QComboBox(self)
        self.period.setAccessibleName(self.tr("Timeline period"))
        self.period.addItem(self.tr("per day"), "day")
        self.period.addItem(self.tr("per week"), "week")
        self.show_button = QPushButton(self.tr("Show"), self)
        self.show_button.setAccessibleName(self.tr("Show the term"))
        self.export_button = QPushButton(self.tr("CSV…"), self)
        self.export_button.setAccessibleName(self.tr("Export the term's mentions as CSV"))
        self.export_button.setToolTip(self.tr("Export every mention of the term as CSV"))
        self.export_button.setEnabled(False)
        row.addWidget(self.query, 1)
        row.addWidget(self.period)
        row.addWidget(self.show_button)
        row.addWidget(self.export_button)
        layout.addLayout(row)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # term names are data
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Term summary"))
        layout.addWidget(self.summary)

        split = QSplitter(Qt.Orientation.Vertical, self)
        self.chart = TimelineChart(split)
        lists = QSplitter(Qt.Orientation.Horizontal, split)
        self.articles = QTreeWidget(lists)
        self.articles.setAccessibleName(self.tr("Articles mentioning the term"))
        self.articles.setHeaderLabels([self.tr("Article"), self.tr("Date"), self.tr("Mentions")])
        self.articles.setUniformRowHeights(True)
        self.articles.setAlternatingRowColors(True)
        self._fit(self.articles)
        self.co_mentions = QTreeWidget(lists)
        self.co_mentions.setAccessibleName(self.tr("Terms mentioned with it"))
        self.co_mentions.setHeaderLabels(
            [self.tr("Mentioned with"), self.tr("Articles"), self.tr("Mentions")]
        )
        self.co_mentions.setRootIsDecorated(False)
        self.co_mentions.setUniformRowHeights(True)
        self._fit(self.co_mentions)
        lists.setStretchFactor(0, 3)
        lists.setStretchFactor(1, 2)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        self._split = split
        self._sized = False
        layout.addWidget(split, 1)
        self.summary.setText(
            self.tr("Follow a term across the library: type it, or select it in the glossary.")
        )

        self.query.returnPressed.connect(self.request)
        self.show_button.clicked.connect(self.request)
        self.period.currentIndexChanged.connect(lambda _i: self.query.text() and self.request())
        self.export_button.clicked.connect(
            lambda: self.report is not None and self.exportRequested.emit(self.report.key)
        )
        self.articles.itemActivated.connect(self._on_article)
        self.articles.itemClicked.connect(self._on_article)
        self.co_mentions.itemActivated.connect(self._on_co_mention)
        self.chart.periodClicked.connect(self.select_period)

    def showEvent(self, event) -> None:  # noqa: D102
        super().showEvent(event)
        if not self._sized:  # the lists' size hints would leave the chart a strip
            self._sized = True
            half = max(self._split.height() // 2, 1)
            self._split.setSizes([half, half])

    @staticmethod
    def _fit(tree: QTreeWidget) -> None:
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    # --- requests ---------------------------------------------------------------------------

    def request(self, query: str | None = None, shown: str | None = None) -> None:
        """Ask for QUERY (else the typed term) at the chosen period; SHOWN is typed for it."""
        if query is not None:
            self.query.setText(shown or query)
        text = (query or self.query.text()).strip()
        if text:
            self.summary.setText(self.tr("Looking for “%1”…").replace("%1", text))
            self.termRequested.emit(text, self.period.currentData())

    # --- results ---------------------------------------------------------------------------

    def show_failure(self, message: str) -> None:
        """Say why nothing is shown."""
        self.report = None
        self.export_button.setEnabled(False)
        self.summary.setText(message)
        self.articles.clear()
        self.co_mentions.clear()
        self.chart.clear(message)

    def set_report(self, query: str, report, mentions) -> None:
        """Show REPORT (a TermReport, None when the library has no such term)."""
        if report is None:
            self.show_failure(
                self.tr("“%1” is not mentioned in any article of the library.").replace("%1", query)
            )
            return
        self.report = report
        self.export_button.setEnabled(True)
        english = ", ".join([e for e in report.en if e != report.de][:2] or report.en[:1])
        name = f"{report.de} → {english}" if english else report.de
        self.summary.setText(
            self.tr("%1: %2 mentions in %3 articles, first %4, last %5.")
            .replace("%1", name)
            .replace("%2", str(report.mentions))
            .replace("%3", str(len(report.articles)))
            .replace("%4", report.first_seen)
            .replace("%5", report.last_seen)
            + (
                "  " + self.tr("Also: %1").replace("%1", ", ".join(report.alternatives[:3]))
                if report.alternatives
                else ""
            )
        )
        self.chart.set_timeline(report.timeline)
        by_article: dict[int, list] = {}
        for mention in mentions:
            by_article.setdefault(mention.article_id, []).append(mention)
        self.articles.clear()
        for art in report.articles:
            item = QTreeWidgetItem(self.articles, [art.title, art.date or art.day, str(art.count)])
            item.setData(0, ARTICLE_ROLE, art.article_id)
            item.setData(0, SENTENCE_ROLE, art.sentence_ids[0] if art.sentence_ids else "")
            item.setData(0, PERIOD_ROLE, art.day)
            item.setToolTip(0, art.site or "")
            for mention in by_article.get(art.article_id, [])[:MAX_MENTIONS_SHOWN]:
                child = QTreeWidgetItem(item, [_context(mention), "", ""])
                child.setData(0, ARTICLE_ROLE, art.article_id)
                child.setData(0, SENTENCE_ROLE, mention.sentence_id)
                child.setToolTip(0, mention.german)
                child.setFirstColumnSpanned(True)  # the sentence gets the whole width
        if sum(len(v) for v in by_article.values()) <= EXPAND_UP_TO:
            self.articles.expandAll()  # few mentions: show them all at once
        self.co_mentions.clear()
        for co in report.co_mentions:
            english = ", ".join(co.en[:2])
            label = f"{co.de} ({english})" if english else co.de
            item = QTreeWidgetItem(self.co_mentions, [label, str(co.articles), str(co.mentions)])
            item.setData(0, KEY_ROLE, co.key)
            item.setData(0, LABEL_ROLE, co.de)

    def article_rows(self) -> list[tuple[int, str, int]]:
        """(article id, title, mentions) as listed, top to bottom."""
        out = []
        for i in range(self.articles.topLevelItemCount()):
            item = self.articles.topLevelItem(i)
            out.append((item.data(0, ARTICLE_ROLE), item.text(0), int(item.text(2))))
        return out

    def select_period(self, period: str) -> None:
        """Select the articles of PERIOD (a clicked bar) in the article list."""
        from desktop.ui.library.chart import period_span, period_start

        start = period_start(period)
        end = start.timestamp() + period_span(period)
        self.articles.clearSelection()
        first = None
        for i in range(self.articles.topLevelItemCount()):
            item = self.articles.topLevelItem(i)
            day = item.data(0, PERIOD_ROLE) or ""
            try:
                when = period_start(day).timestamp()
            except ValueError:
                continue
            if start.timestamp() <= when < end:
                item.setSelected(True)
                first = first or item
        if first is not None:
            self.articles.scrollToItem(first)

    def _on_article(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        sid = item.data(0, SENTENCE_ROLE)
        article_id = item.data(0, ARTICLE_ROLE)
        if article_id is not None:
            self.mentionActivated.emit(article_id, sid or "")

    def _on_co_mention(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        key = item.data(0, KEY_ROLE)
        if key:
            self.request(key, item.data(0, LABEL_ROLE))


def _context(mention) -> str:
    """The mention in its sentence, cut to a readable length around the term."""
    text = " ".join(mention.german.split())
    if len(text) <= 140:
        return text
    at = max(0, text.find(mention.text))
    start = max(0, at - 60)
    return ("…" if start else "") + text[start : start + 140] + "…"
