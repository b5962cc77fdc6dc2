"""The glossary panel: terms of this article by category, search over the whole termbase.

Below the curated entries, a quieter group lists the article's terms from the dictionary
(English senses, no definition); "Add to my glossary" turns the selected one into a user
entry in one click (the window saves it through ``termbase.add_term``).
"""

from __future__ import annotations

import html
from collections import Counter

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import themes

ENTRY_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1


class GlossaryDock(QDockWidget):
    """Dockable glossary panel; emits intent, the main window wires it to the panes."""

    entrySelected = Signal(object)  # entry id or None
    addTermRequested = Signal(str, str)  # German term, context sentence
    promoteRequested = Signal(str)  # key of a dictionary term to add to the user glossary
    sentenceRequested = Signal(str)  # sentence id clicked in the hit list

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("glossaryDock")
        self.setWindowTitle(self.tr("Glossary"))
        self.colours = themes.LIGHT
        self._article = None
        self._termbase = None
        self._hits: list = []
        self._suggestions: list = []
        self._counts: Counter = Counter()
        self._dictionary: dict[str, list] = {}  # key -> its TermHits, in text order

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        row = QHBoxLayout()
        self.search = QLineEdit(body)
        self.search.setPlaceholderText(self.tr("Search the glossary…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Glossary search"))
        self.category = QComboBox(body)
        self.category.setAccessibleName(self.tr("Category filter"))
        self.category.addItem(self.tr("All categories"), "")
        for name in themes.CATEGORY_COLOURS:
            self.category.addItem(category_label(name), name)
        self.category.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.category.setMinimumContentsLength(10)
        row.addWidget(self.search, 3)
        row.addWidget(self.category, 2)
        layout.addLayout(row)

        split = QSplitter(Qt.Orientation.Vertical, body)
        self.tree = QTreeWidget(split)
        self.tree.setAccessibleName(self.tr("Glossary terms"))
        self.tree.setHeaderLabels([self.tr("Term"), self.tr("English"), self.tr("Hits")])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 130)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.detail = QTextBrowser(split)
        self.detail.setAccessibleName(self.tr("Glossary entry details"))
        self.detail.setOpenLinks(False)
        self.detail.anchorClicked.connect(self._on_anchor)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        self.add_button = QPushButton(self.tr("Add to glossary…"), body)
        self.add_button.setAccessibleName(self.tr("Add to glossary"))
        self.add_button.setToolTip(
            self.tr("Add the selected suggestion, or a new term, to your own glossary")
        )
        self.promote_button = QPushButton(self.tr("Add to my glossary"), body)
        self.promote_button.setAccessibleName(self.tr("Add dictionary term to my glossary"))
        self.promote_button.setToolTip(
            self.tr("Add the selected term from the dictionary to your own glossary")
        )
        self.promote_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.promote_button)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._on_context_menu)
        self.promote_button.clicked.connect(self._on_promote)

        self.search.textChanged.connect(self._rebuild)
        self.category.currentIndexChanged.connect(self._rebuild)
        self.tree.currentItemChanged.connect(self._on_current)
        self.add_button.clicked.connect(self._on_add)
        self._show_placeholder(self.tr("The glossary is loading…"))

    # --- data ------------------------------------------------------------------------

    def set_data(self, article, termbase, hits, suggestions, dictionary_terms=()) -> None:
        """Show the terms of ARTICLE; keeps the selection when the entry is still there.

        HITS are the curated glossary's; DICTIONARY_TERMS (core TermHits) are listed below.
        """
        current = self.current_entry()
        self._article, self._termbase = article, termbase
        self._hits, self._suggestions = list(hits), list(suggestions)
        self._counts = Counter(h.entry_id for h in self._hits)
        self._dictionary = {}
        for term in dictionary_terms:
            self._dictionary.setdefault(term.key, []).append(term)
        self._rebuild()
        if current:
            self.select_entry(current)
        else:
            self._show_placeholder(
                self.tr(
                    "Glossary terms in this article: %1. Select one to see its definition and "
                    "where it occurs; search to look up any entry of the glossary."
                ).replace("%1", str(len(self._counts)))
            )

    def clear(self, message: str) -> None:
        """Empty the panel and say why (loading, failed)."""
        self._article, self._termbase, self._hits, self._suggestions = None, None, [], []
        self._counts = Counter()
        self._dictionary = {}
        self.tree.clear()
        self._show_placeholder(message)

    def _show_placeholder(self, message: str) -> None:
        self.detail.setHtml(f"<p><i>{html.escape(message)}</i></p>")

    def hit_count(self, entry_id: str) -> int:
        """How often the entry (or dictionary term) occurs in the article."""
        return self._counts.get(entry_id, 0) or len(self._dictionary.get(entry_id, ()))

    def dictionary_keys(self) -> list[str]:
        """Keys of the dictionary terms listed (for tests and the window)."""
        return list(self._dictionary)

    def _rebuild(self) -> None:
        selected = self.current_entry()
        self.tree.blockSignals(True)
        self.tree.clear()
        if self._termbase is None:
            self.tree.blockSignals(False)
            return
        typed = self.search.text().strip()  # as typed: German lookup needs the capital
        query = typed.lower()
        wanted = self.category.currentData() or ""
        found = self._lookup(typed) if query else []
        found_ids = {e.id for e in found}
        groups: dict[str, QTreeWidgetItem] = {}
        for entry_id in sorted(self._counts, key=lambda e: self._sort_key(e)):
            entry = self._termbase.get(entry_id)
            if entry is None or (wanted and entry.category != wanted):
                continue
            if query and entry_id not in found_ids:
                continue
            group = groups.get(entry.category)
            if group is None:
                group = groups[entry.category] = self._group(
                    category_label(entry.category), entry.category
                )
            self._entry_item(group, entry, self._counts[entry_id])
        for group in groups.values():
            total = sum(int(group.child(i).text(2)) for i in range(group.childCount()))
            group.setText(0, f"{group.text(0)} ({total})")
        if self._dictionary and not wanted:
            self._dictionary_group(query)
        if query:
            others = [
                e
                for e in found
                if e.id not in self._counts and (not wanted or e.category == wanted)
            ]
            if others:
                group = self._group(
                    self.tr("Other glossary entries (%1)").replace("%1", str(len(others))), ""
                )
                for entry in others[:200]:
                    self._entry_item(group, entry, 0)
        if self._suggestions and not wanted:
            group = self._group(
                self.tr("Suggested new terms (%1)").replace("%1", str(len(self._suggestions))), ""
            )
            for sug in self._suggestions:
                if query and query not in sug.term.lower():
                    continue
                item = QTreeWidgetItem(group, [sug.term, "", str(len(sug.contexts))])
                item.setData(0, ENTRY_ROLE, sug.term)
                item.setData(0, KIND_ROLE, "suggestion")
                item.setToolTip(0, self.tr("Not in the glossary yet"))
        self.tree.expandAll()
        self.tree.blockSignals(False)
        if selected:
            self.select_entry(selected, emit=False)

    def _dictionary_group(self, query: str) -> None:
        """The article's dictionary terms, below the curated entries, in a quieter style."""
        shown = [
            (key, terms)
            for key, terms in sorted(self._dictionary.items(), key=lambda kv: kv[1][0].de.lower())
            if not query
            or query in terms[0].de.lower()
            or any(query in sense.lower() for sense in terms[0].en)
        ]
        if not shown:
            return
        group = self._group(self.tr("From the dictionary (%1)").replace("%1", str(len(shown))), "")
        group.setData(0, KIND_ROLE, "dictionary-group")
        quiet = QColor(self.colours.dimmed)
        for key, terms in shown:
            first = terms[0]
            item = QTreeWidgetItem(group, [first.de, "; ".join(first.en[:2]), str(len(terms))])
            item.setData(0, ENTRY_ROLE, key)
            item.setData(0, KIND_ROLE, "dictionary")
            font = item.font(0)
            font.setItalic(True)
            for column in range(3):
                item.setForeground(column, quiet)
                item.setFont(column, font)
            label = self.tr("From the dictionary: %1").replace("%1", "; ".join(first.en))
            item.setToolTip(0, _tooltip_html(label))

    def _lookup(self, query: str) -> list:
        """Entries whose terms contain QUERY, plus the termbase's own inflection-aware lookup."""
        found = {e.id: e for e in self._termbase.entries if _matches(e, query.lower())}
        if len(query) >= 3:
            for entry in self._termbase.lookup(query):  # "Drohnen" finds "Drohne", English
                found.setdefault(entry.id, entry)
        return list(found.values())

    def _sort_key(self, entry_id: str):
        entry = self._termbase.get(entry_id)
        return (
            list(themes.CATEGORY_COLOURS).index(entry.category)
            if entry and entry.category in themes.CATEGORY_COLOURS
            else 99,
            (entry.de if entry else entry_id).lower(),
        )

    def _group(self, label: str, category: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [label, "", ""])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        if category:
            pix = QPixmap(12, 12)
            pix.fill(self.colours.category(category))
            item.setIcon(0, QIcon(pix))
        item.setData(0, KIND_ROLE, "group")
        item.setFirstColumnSpanned(True)
        return item

    def _entry_item(self, group, entry, count: int) -> QTreeWidgetItem:
        item = QTreeWidgetItem(group, [entry.de, entry.en, str(count)])
        item.setData(0, ENTRY_ROLE, entry.id)
        item.setData(0, KIND_ROLE, "entry")
        item.setForeground(0, self.colours.category(entry.category))
        # Tooltips guess the format (a QLabel with AutoText): escaped inside our own tag.
        item.setToolTip(0, _tooltip_html(entry.definition or entry.en))
        return item

    # --- selection -------------------------------------------------------------------

    def current_entry(self) -> str | None:
        """Entry id (or suggested term, or dictionary term key) of the selected row."""
        item = self.tree.currentItem()
        if item is None or item.data(0, KIND_ROLE) not in ("entry", "suggestion", "dictionary"):
            return None
        return item.data(0, ENTRY_ROLE)

    def current_dictionary_term(self) -> str | None:
        """Key of the selected dictionary term, or None."""
        item = self.tree.currentItem()
        if item is None or item.data(0, KIND_ROLE) != "dictionary":
            return None
        return item.data(0, ENTRY_ROLE)

    def select_entry(self, entry_id: str, emit: bool = True) -> bool:
        """Select ENTRY_ID in the tree (clearing a filter that hides it)."""
        item = self._find(entry_id)
        if item is None and (self.search.text() or self.category.currentIndex()):
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.category.blockSignals(True)
            self.category.setCurrentIndex(0)
            self.category.blockSignals(False)
            self._rebuild()
            item = self._find(entry_id)
        if item is None:
            return False
        if not emit:
            self.tree.blockSignals(True)
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)
        if not emit:
            self.tree.blockSignals(False)
        return True

    def _find(self, key: str):
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                if group.child(j).data(0, ENTRY_ROLE) == key:
                    return group.child(j)
        return None

    def _on_current(self, item, _previous=None) -> None:
        kind = item.data(0, KIND_ROLE) if item else None
        self.promote_button.setEnabled(kind == "dictionary")
        if kind == "dictionary":
            key = item.data(0, ENTRY_ROLE)
            self.detail.setHtml(self._dictionary_html(key))
            self.entrySelected.emit(key)
        elif kind == "entry":
            entry_id = item.data(0, ENTRY_ROLE)
            self.detail.setHtml(self._entry_html(entry_id))
            self.entrySelected.emit(entry_id)
        elif kind == "suggestion":
            self.detail.setHtml(self._suggestion_html(item.data(0, ENTRY_ROLE)))
            self.entrySelected.emit(None)
        else:
            self.entrySelected.emit(None)

    def _on_add(self) -> None:
        term = (
            self.current_entry()
            if self.tree.currentItem() is not None
            and self.tree.currentItem().data(0, KIND_ROLE) == "suggestion"
            else ""
        )
        context = ""
        for sug in self._suggestions:
            if sug.term == term and sug.contexts and self._article is not None:
                context = self._article.sentence(sug.contexts[0][0]).text
                break
        self.addTermRequested.emit(term or "", context)

    def _on_promote(self) -> None:
        key = self.current_dictionary_term()
        if key:
            self.promoteRequested.emit(key)

    def _on_context_menu(self, point) -> None:
        item = self.tree.itemAt(point)
        if item is None or item.data(0, KIND_ROLE) != "dictionary":
            return
        self.tree.setCurrentItem(item)
        menu = QMenu(self.tree)
        action = menu.addAction(self.tr("Add to my glossary"))
        action.triggered.connect(self._on_promote)
        menu.exec(self.tree.viewport().mapToGlobal(point))

    def _on_anchor(self, url) -> None:
        if url.scheme() == "sentence":
            self.sentenceRequested.emit(url.path() or url.host())

    # --- details -----------------------------------------------------------------------

    def _entry_html(self, entry_id: str) -> str:
        entry = self._termbase.get(entry_id)
        if entry is None:
            return ""
        esc = html.escape
        colour = self.colours.category(entry.category).name()
        parts = [
            f"<h3 style='margin:0'>{esc(entry.de)} → {esc(entry.en)}</h3>",
            f"<p style='color:{colour}'>{esc(category_label(entry.category))}"
            + (" · " + esc(self.tr("your entry")) if entry.source == "user" else "")
            + "</p>",
        ]
        if entry.definition:
            parts.append(f"<p>{esc(entry.definition)}</p>")
        de_label = self.tr("German variants")
        en_label = self.tr("English variants")
        kept = self.tr("Kept as is in translations.")
        hits_label = self.tr("Hits in this article")
        absent = self.tr("Not found in this article.")
        if entry.de_variants:
            parts.append(f"<p><b>{esc(de_label)}:</b> {esc(', '.join(entry.de_variants))}</p>")
        if entry.en_variants:
            parts.append(f"<p><b>{esc(en_label)}:</b> {esc(', '.join(entry.en_variants))}</p>")
        if entry.do_not_translate:
            parts.append(f"<p><i>{esc(kept)}</i></p>")
        hits = [h for h in self._hits if h.entry_id == entry_id]
        if hits and self._article is not None:
            parts.append(f"<p><b>{esc(hits_label)} ({len(hits)}):</b></p><ol>")
            for hit in hits:
                sent = self._article.sentence(hit.sentence_id)
                a, b = hit.start - sent.start, hit.end - sent.start
                ctx = (
                    esc(sent.text[:a])
                    + f"<b style='color:{colour}'>{esc(sent.text[a:b])}</b>"
                    + esc(sent.text[b:])
                )
                parts.append(f"<li><a href='sentence:{sent.id}'>{sent.id}</a> {ctx}</li>")
            parts.append("</ol>")
        elif self._article is not None:
            parts.append(f"<p><i>{esc(absent)}</i></p>")
        return "".join(parts)

    def _dictionary_html(self, key: str) -> str:
        terms = self._dictionary.get(key, [])
        if not terms:
            return ""
        esc = html.escape
        first = terms[0]
        quiet = self.colours.dimmed
        parts = [
            f"<h3 style='margin:0'>{esc(first.de)}</h3>",
            f"<p style='color:{quiet}'><i>{esc(self.tr('From the dictionary'))}</i></p>",
            f"<p><b>{esc(self.tr('English'))}:</b> {esc('; '.join(first.en))}</p>",
        ]
        if self._article is not None:
            hits_label = self.tr("Hits in this article")
            parts.append(f"<p><b>{esc(hits_label)} ({len(terms)}):</b></p><ol>")
            for term in terms:
                sent = self._article.sentence(term.sentence_id)
                a, b = term.start - sent.start, term.end - sent.start
                ctx = esc(sent.text[:a]) + f"<b>{esc(sent.text[a:b])}</b>" + esc(sent.text[b:])
                parts.append(f"<li><a href='sentence:{sent.id}'>{sent.id}</a> {ctx}</li>")
            parts.append("</ol>")
        note = self.tr("Not in your glossary: “Add to my glossary” keeps it there.")
        parts.append(f"<p style='color:{quiet}'>{esc(note)}</p>")
        return "".join(parts)

    def _suggestion_html(self, term: str) -> str:
        esc = html.escape
        note = self.tr("Suggested new term, not in the glossary yet.")
        parts = [f"<h3 style='margin:0'>{esc(term)}</h3>", f"<p><i>{esc(note)}</i></p>"]
        for sug in self._suggestions:
            if sug.term == term and self._article is not None:
                parts.append("<ol>")
                for sid, start, end in sug.contexts[:10]:
                    sent = self._article.sentence(sid)
                    a, b = start - sent.start, end - sent.start
                    ctx = esc(sent.text[:a]) + f"<b>{esc(sent.text[a:b])}</b>" + esc(sent.text[b:])
                    parts.append(f"<li><a href='sentence:{sid}'>{sid}</a> {ctx}</li>")
                parts.append("</ol>")
        return "".join(parts)


def _tooltip_html(text: str) -> str:
    """TEXT (entry data) as a rich-text tooltip that shows it literally."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>" if text else ""


def _matches(entry, query: str) -> bool:
    fields = (entry.de, entry.en, *entry.de_variants, *entry.en_variants)
    return any(query in f.lower() for f in fields if f)


def category_label(name: str) -> str:
    """Human (translated) label of a category id."""
    labels = {
        "agency": QCoreApplication.translate("Category", "Agencies and services"),
        "force": QCoreApplication.translate("Category", "Armed forces and units"),
        "weapon_system": QCoreApplication.translate("Category", "Weapon systems"),
        "weapon_class": QCoreApplication.translate("Category", "Weapon classes"),
        "concept": QCoreApplication.translate("Category", "Concepts"),
        "sanctions_diplomacy": QCoreApplication.translate("Category", "Sanctions and diplomacy"),
        "person": QCoreApplication.translate("Category", "People"),
        "place": QCoreApplication.translate("Category", "Places"),
        "organisation": QCoreApplication.translate("Category", "Organisations"),
    }
    return labels.get(name, name.replace("_", " ").capitalize())
