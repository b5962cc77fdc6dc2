"""The article list's model: a table over ArticleRow records, sorted in memory.

The rows come from one store query in a worker; ``data()`` only reads the record, so ten
thousand rows scroll without a query per row. Sorting by a column sorts the records
in place (keeping the selection), without asking the store again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont

TITLE, SITE, DATE, TRANSLATED, TERMS, TAGS, READ = range(7)
ID_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


def _sort_keys() -> dict[int, Callable[[Any], Any]]:
    return {
        TITLE: lambda r: (r.title or "").casefold(),
        SITE: lambda r: (r.site or "").casefold(),
        DATE: lambda r: (r.day or r.date or "", r.id),
        TRANSLATED: lambda r: (r.translated_share, r.sentences),
        TERMS: lambda r: r.term_count,
        TAGS: lambda r: ", ".join(r.tags).casefold(),
        READ: lambda r: r.read,
    }


class ArticleTableModel(QAbstractTableModel):
    """Articles of the library as table rows; emits intent for edits (read, tags)."""

    readToggled = Signal(object, bool)  # article id, read
    tagsEdited = Signal(object, object)  # article id, list of tags

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._pos: dict[int, int] = {}
        self._sort_column = DATE
        self._sort_order = Qt.SortOrder.DescendingOrder
        self._keys = _sort_keys()
        self._bold = QFont()
        self._bold.setBold(True)
        self._headers = {
            TITLE: self.tr("Title"),
            SITE: self.tr("Site"),
            DATE: self.tr("Date"),
            TRANSLATED: self.tr("Translated"),
            TERMS: self.tr("Terms"),
            TAGS: self.tr("Tags"),
            READ: self.tr("Read"),
        }
        self._tips = {
            TRANSLATED: self.tr("Share of sentences with a stored English translation"),
            TERMS: self.tr("Glossary and dictionary terms found in the article"),
            READ: self.tr("Read mark: click to mark read or unread"),
            TAGS: self.tr("Your tags, comma-separated (F2 to edit)"),
        }

    # --- rows -----------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[Any]) -> None:
        """Replace all rows (sorted by the current column)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._sort_rows()
        self.endResetModel()

    def rows(self) -> list[Any]:
        """The rows in display order."""
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        """The ArticleRow shown in ROW."""
        return self._rows[row]

    def row_of(self, article_id: int) -> int | None:
        """The display row of ARTICLE_ID, None when it is not listed."""
        return self._pos.get(article_id)

    def update_rows(self, article_ids: Sequence[int], **changes: Any) -> None:
        """Change fields (read, tags) of listed rows in place, as the store just did."""
        for article_id in article_ids:
            row = self._pos.get(article_id)
            if row is None:
                continue
            self._rows[row] = dataclasses.replace(self._rows[row], **changes)
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def drop_rows(self, article_ids: Sequence[int]) -> None:
        """Take rows out (deleted), without a new query."""
        gone = set(article_ids)
        for row in sorted((self._pos[i] for i in gone if i in self._pos), reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
        self._index_positions()

    # --- Qt model API -----------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: D102
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: D102
        return 0 if parent is not None and parent.isValid() else 7

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: D102
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers.get(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips.get(section)
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:  # noqa: D102
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == READ:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif index.column() == TAGS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):  # noqa: D102
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == TITLE:
                return r.title
            if col == SITE:
                return r.site or ""
            if col == DATE:
                return r.date or r.day or ""
            if col == TRANSLATED:
                return f"{round(100 * r.translated_share)} %" if r.sentences else "–"
            if col == TERMS:
                return str(r.term_count)
            if col == TAGS:
                return ", ".join(r.tags)
            return None
        if role == Qt.ItemDataRole.EditRole and col == TAGS:
            return ", ".join(r.tags)
        if role == Qt.ItemDataRole.CheckStateRole and col == READ:
            return Qt.CheckState.Checked if r.read else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.FontRole and col == TITLE and not r.read:
            return self._bold  # unread titles in bold, as in a mail reader
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (TRANSLATED, TERMS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == TITLE:
            return r.url or r.path or r.title
        if role == ID_ROLE:
            return r.id
        if role == ROW_ROLE:
            return r
        return None

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: D102
        if not index.isValid():
            return False
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == READ:
            read = Qt.CheckState(value) == Qt.CheckState.Checked
            self.update_rows([r.id], read=read)
            self.readToggled.emit(r.id, read)
            return True
        if role == Qt.ItemDataRole.EditRole and index.column() == TAGS:
            tags = parse_tags(str(value))
            self.update_rows([r.id], tags=tuple(tags))
            self.tagsEdited.emit(r.id, tags)
            return True
        return False

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:  # noqa: D102
        if column not in self._keys:
            return
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._rows[i.row()].id for i in persistent]
        self._sort_rows()
        self.changePersistentIndexList(
            persistent,
            [self.index(self._pos[i], p.column()) for i, p in zip(ids, persistent, strict=True)],
        )
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        key = self._keys[self._sort_column]
        self._rows.sort(key=key, reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        self._index_positions()

    def _index_positions(self) -> None:
        self._pos = {r.id: n for n, r in enumerate(self._rows)}


def parse_tags(text: str) -> list[str]:
    """'Luftwaffe, Beschaffung,, ' as ['Luftwaffe', 'Beschaffung'] (each once, in order)."""
    seen: dict[str, None] = {}
    for part in text.split(","):
        tag = " ".join(part.split())
        if tag and tag.casefold() not in {t.casefold() for t in seen}:
            seen[tag] = None
    return list(seen)
