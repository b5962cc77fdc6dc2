"""The library panel: article list with filters, search results and the term view, in tabs.

The panel emits intent (open this article, delete these, search for that); the library
controller turns it into service calls and window actions.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDockWidget,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.library.model import (
    DATE,
    READ,
    SITE,
    TAGS,
    TERMS,
    TITLE,
    TRANSLATED,
    ArticleTableModel,
)
from desktop.ui.library.search_view import SearchResults
from desktop.ui.library.term_view import TermView

FILTER_DELAY_MS = 250  # typing pauses this long before the list is queried again
NO_DATE = QDate(1900, 1, 1)  # the date edits' minimum: "no limit"
ARTICLES_TAB, SEARCH_TAB, TERM_TAB = range(3)


class LibraryDock(QDockWidget):
    """Dockable library panel; only the controller connects it to services."""

    filtersChanged = Signal(object)  # dict of Library.list_articles keywords
    searchRequested = Signal(str)  # full-text query ("" clears)
    articleActivated = Signal(object)  # article id
    deleteRequested = Signal(object)  # list of article ids
    readRequested = Signal(object, bool)  # list of article ids, read
    tagsEdited = Signal(object, object)  # article id, list of tags
    digestRequested = Signal(object)  # list of article ids
    shown = Signal()  # the panel became visible (lists may be stale)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryDock")
        self.setWindowTitle(self.tr("Library"))
        self.setAccessibleName(self.tr("Library panel"))
        self._refreshing = False
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)

        self.search = QLineEdit(body)
        self.search.setPlaceholderText(self.tr("Search all articles, German or English…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Library search"))
        layout.addWidget(self.search)

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        self.site = QComboBox(body)
        self.site.setAccessibleName(self.tr("Site filter"))
        self.site.addItem(self.tr("All sites"), None)
        self.tag = QComboBox(body)
        self.tag.setAccessibleName(self.tr("Tag filter"))
        self.tag.addItem(self.tr("All tags"), None)
        for combo in (self.site, self.tag):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        self.term = QLineEdit(body)
        self.term.setPlaceholderText(self.tr("Term…"))
        self.term.setClearButtonEnabled(True)
        self.term.setAccessibleName(self.tr("Term filter"))
        self.since = self._date_edit(body, self.tr("from any date"), self.tr("From date"))
        self.until = self._date_edit(body, self.tr("to any date"), self.tr("To date"))
        grid.addWidget(self.site, 0, 0)
        grid.addWidget(self.tag, 0, 1)
        grid.addWidget(self.term, 0, 2)
        grid.addWidget(self.since, 1, 0)
        grid.addWidget(self.until, 1, 1)
        self.count_label = QLabel(body)
        self.count_label.setAccessibleName(self.tr("Articles listed"))
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.count_label, 1, 2)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        layout.addLayout(grid)

        self.tabs = QTabWidget(body)
        self.tabs.setAccessibleName(self.tr("Library views"))
        self.model = ArticleTableModel(self)
        self.table = QTableView(self.tabs)
        self.table.setObjectName("libraryTable")
        self.table.setAccessibleName(self.tr("Library articles"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        # Widths from the header and a typical value, not ResizeToContents: that measures
        # rows, which stalls with thousands of them.
        fm = self.fontMetrics()
        for column, sample in (
            (SITE, "Kurier Politik"),
            (DATE, "2025-03-12"),
            (TRANSLATED, "100 %"),
            (TERMS, "999"),
            (TAGS, "Sabotage, Spionage"),
        ):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(fm.horizontalAdvance(title) + 28, fm.horizontalAdvance(sample) + 16)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setSectionResizeMode(READ, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.results = SearchResults(self.tabs)
        self.term_view = TermView(self.tabs)
        self.tabs.addTab(self.table, self.tr("Articles"))
        self.tabs.addTab(self.results, self.tr("Search"))
        self.tabs.addTab(self.term_view, self.tr("Term"))
        layout.addWidget(self.tabs, 1)
        self.setWidget(body)

        self.delete_action = self._local_action(
            self.tr("Delete from Library"), QKeySequence.StandardKey.Delete, self._delete
        )
        self.open_action = self._local_action(self.tr("Open"), None, self._open_current)
        self.read_action = self._local_action(self.tr("Mark Read"), None, lambda: self._mark(True))
        self.unread_action = self._local_action(
            self.tr("Mark Unread"), None, lambda: self._mark(False)
        )
        self.tags_action = self._local_action(self.tr("Edit Tags"), None, self._edit_tags)
        self.digest_action = self._local_action(
            self.tr("Export Bilingual Digest…"), None, self._digest
        )

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(self._emit_filters)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(FILTER_DELAY_MS)
        self._search_timer.timeout.connect(self._emit_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._emit_search)
        self.term.textChanged.connect(lambda _t: self._timer.start())
        for widget in (self.site, self.tag):
            widget.currentIndexChanged.connect(lambda _i: self._emit_filters())
        for widget in (self.since, self.until):
            widget.dateChanged.connect(lambda _d: self._timer.start())
        self.table.activated.connect(self._on_activated)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.model.readToggled.connect(lambda i, read: self.readRequested.emit([i], read))
        self.model.tagsEdited.connect(self.tagsEdited)
        self.visibilityChanged.connect(lambda visible: visible and self.shown.emit())

    def _date_edit(self, parent, empty: str, name: str) -> QDateEdit:
        edit = QDateEdit(parent)
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(empty)  # shown while the date is the minimum
        edit.setDate(NO_DATE)
        return edit

    def _local_action(self, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.table.addAction(action)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # --- filters ----------------------------------------------------------------------------

    def filters(self) -> dict:
        """The list filters as Library.list_articles keywords."""
        since, until = self.since.date(), self.until.date()
        text = self.search.text().strip()
        return {
            "site": self.site.currentData(),
            "tag": self.tag.currentData(),
            "term": self.term.text().strip() or None,
            "since": since.toString("yyyy-MM-dd") if since != NO_DATE else None,
            "until": until.toString("yyyy-MM-dd") if until != NO_DATE else None,
            "text": text or None,
        }

    def clear_filters(self) -> None:
        """Show every article again."""
        for widget in (self.site, self.tag, self.term, self.since, self.until, self.search):
            widget.blockSignals(True)
        self.site.setCurrentIndex(0)
        self.tag.setCurrentIndex(0)
        self.term.clear()
        self.search.clear()
        self.since.setDate(NO_DATE)
        self.until.setDate(NO_DATE)
        for widget in (self.site, self.tag, self.term, self.since, self.until, self.search):
            widget.blockSignals(False)
        self._emit_filters()
        self._emit_search()

    def set_facets(self, sites, tags) -> None:
        """Fill the site and tag boxes, keeping what is chosen."""
        for combo, values in ((self.site, sites), (self.tag, tags)):
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for name, count in values:
                combo.addItem(f"{name} ({count})", name)
            index = combo.findData(chosen) if chosen is not None else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
            if chosen is not None and index < 0:
                self._emit_filters()  # the chosen one is gone (its last article deleted)

    def _emit_filters(self) -> None:
        self._timer.stop()
        self.filtersChanged.emit(self.filters())

    def _emit_search(self) -> None:
        self._search_timer.stop()
        query = self.search.text().strip()
        self.searchRequested.emit(query)
        self._emit_filters()  # the list shows the articles with a hit, too

    # --- the list ---------------------------------------------------------------------------

    def set_rows(self, rows) -> None:
        """Show ROWS; the selection stays on the articles still listed."""
        selected = self.selected_ids()
        current = self.current_id()
        scrolled = self.table.verticalScrollBar().value()
        self.model.set_rows(rows)
        self.table.verticalScrollBar().setValue(scrolled)  # a refresh keeps the place
        self.count_label.setText(self.tr("%1 articles").replace("%1", f"{len(rows):,}"))
        selection = self.table.selectionModel()
        for article_id in selected:
            row = self.model.row_of(article_id)
            if row is not None:
                selection.select(
                    self.model.index(row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )
        if current is not None and self.model.row_of(current) is not None:
            index = self.model.index(self.model.row_of(current), TITLE)
            selection.setCurrentIndex(index, selection.SelectionFlag.NoUpdate)

    def selected_ids(self) -> list[int]:
        """Ids of the selected articles, in list order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r).id for r in rows]

    def current_id(self) -> int | None:
        """Id of the article under the list's cursor."""
        index = self.table.currentIndex()
        return self.model.row_at(index.row()).id if index.isValid() else None

    def select_article(self, article_id: int) -> bool:
        """Make ARTICLE_ID the current, selected row."""
        row = self.model.row_of(article_id)
        if row is None:
            return False
        index = self.model.index(row, TITLE)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid() and index.column() != READ:
            self.articleActivated.emit(self.model.row_at(index.row()).id)

    def _open_current(self) -> None:
        article_id = self.current_id()
        if article_id is not None:
            self.articleActivated.emit(article_id)

    def _delete(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.deleteRequested.emit(ids)

    def _mark(self, read: bool) -> None:
        ids = self.selected_ids()
        if ids:
            self.model.update_rows(ids, read=read)
            self.readRequested.emit(ids, read)

    def _edit_tags(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.table.edit(self.model.index(index.row(), TAGS))

    def _digest(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.digestRequested.emit(ids)

    def _context_menu(self, pos: QPoint) -> None:
        if not self.table.indexAt(pos).isValid():
            return
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addSeparator()
        menu.addActions([self.read_action, self.unread_action, self.tags_action])
        menu.addSeparator()
        menu.addAction(self.digest_action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def show_tab(self, tab: int) -> None:
        """Show the panel (raised over a panel it shares the place with) at TAB."""
        self.show()
        self.raise_()
        self.tabs.setCurrentIndex(tab)
