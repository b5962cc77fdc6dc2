"""Small dialogs: term editor, error details, keyboard shortcuts, paste as new document.

Also ``plain_text_message_boxes``: Qt's static QMessageBox functions with the message
shown as plain text.
"""

from __future__ import annotations

import html
import traceback
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
)

from desktop.ui import themes
from desktop.ui.glossary_dock import category_label


class _PlainTextBoxes(QObject):
    """Event filter: a QMessageBox about to show gets Qt.TextFormat.PlainText."""

    def eventFilter(self, obj, event) -> bool:  # noqa: D102
        if event.type() == QEvent.Type.Show and isinstance(obj, QMessageBox):
            obj.setTextFormat(Qt.TextFormat.PlainText)
        return False


@contextmanager
def plain_text_message_boxes() -> Iterator[None]:
    """Message boxes shown inside the block display their text as plain text.

    Qt's static QMessageBox functions (warning, question) take no text format and guess
    (AutoText), so a file name or package name like ``<img src=...>`` would render as
    HTML. The static functions stay (callers and tests rely on them); this switches the
    box they create to plain text before it first paints.
    """
    app = QApplication.instance()
    if app is None:
        yield
        return
    plain = _PlainTextBoxes()
    app.installEventFilter(plain)
    try:
        yield
    finally:
        app.removeEventFilter(plain)
        plain.deleteLater()


class TermEditorDialog(QDialog):
    """Add a term to the user glossary: German term and context prefilled."""

    def __init__(self, term: str = "", context: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add to glossary"))
        self.setMinimumWidth(480)
        form = QFormLayout(self)
        self.de = QLineEdit(term, self)
        self.de.setAccessibleName(self.tr("German term"))
        self.en = QLineEdit(self)
        self.en.setAccessibleName(self.tr("English rendering"))
        self.category = QComboBox(self)
        self.category.setAccessibleName(self.tr("Category"))
        for name in themes.CATEGORY_COLOURS:
            self.category.addItem(category_label(name), name)
        self.category.setCurrentIndex(list(themes.CATEGORY_COLOURS).index("concept"))
        self.definition = QPlainTextEdit(self)
        self.definition.setAccessibleName(self.tr("Definition"))
        self.definition.setTabChangesFocus(True)
        self.definition.setFixedHeight(80)
        self.context = QLabel(context or self.tr("(no context)"), self)
        self.context.setTextFormat(Qt.TextFormat.PlainText)  # a sentence from the document
        self.context.setWordWrap(True)
        self.context.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("&German term:"), self.de)
        form.addRow(self.tr("&English rendering:"), self.en)
        form.addRow(self.tr("&Category:"), self.category)
        form.addRow(self.tr("&Definition:"), self.definition)
        form.addRow(self.tr("Context:"), self.context)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        (self.en if term else self.de).setFocus()

    def values(self) -> dict:
        """The fields as Entry keyword arguments."""
        return {
            "de": self.de.text().strip(),
            "en": self.en.text().strip(),
            "category": self.category.currentData(),
            "definition": self.definition.toPlainText().strip(),
        }

    def _accept(self) -> None:
        if not self.de.text().strip() or not self.en.text().strip():
            message = self.tr("Please fill in the German term and its English rendering.")
            QMessageBox.warning(self, self.windowTitle(), message)
            return
        self.accept()


class ErrorDialog(QDialog):
    """An unexpected error with details the user can copy into a bug report."""

    def __init__(self, exc_type, exc, tb, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.setMinimumSize(560, 360)
        layout = QVBoxLayout(self)
        label = QLabel(
            self.tr(
                "Something went wrong. Your document is still open. "
                "The details below help to fix it:"
            ),
            self,
        )
        label.setWordWrap(True)
        layout.addWidget(label)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Error details"))
        self.details.setPlainText("".join(traceback.format_exception(exc_type, exc, tb)))
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton(self.tr("Copy details"), self)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.details.toPlainText())
        )
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class PasteDialog(QDialog):
    """Paste or type a text to open as a new document."""

    def __init__(self, text: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Paste as new document"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        self.edit = QPlainTextEdit(text, self)
        self.edit.setAccessibleName(self.tr("Text to open"))
        self.edit.setTabChangesFocus(True)
        layout.addWidget(self.edit, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def text(self) -> str:
        """The text to open."""
        return self.edit.toPlainText()


class ShortcutsDialog(QDialog):
    """Lists every action with its keyboard shortcut."""

    def __init__(self, actions, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(480, 520)
        layout = QVBoxLayout(self)
        view = QTextBrowser(self)
        view.setAccessibleName(self.tr("Keyboard shortcuts"))
        rows = []
        for action in actions:
            keys = ", ".join(s.toString(s.SequenceFormat.NativeText) for s in action.shortcuts())
            if keys:
                name = html.escape(action.text().replace("&", ""))
                rows.append(f"<tr><td>{name}</td><td><b>{html.escape(keys)}</b></td></tr>")
        view.setHtml("<table cellpadding='4'>" + "".join(rows) + "</table>")
        layout.addWidget(view)
        self.rows = len(rows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
