"""Small parts of the library's window side: a progress strip and the import report."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class JobStrip(QWidget):
    """Label, progress bar and Cancel for one long library job, in the status bar."""

    cancelRequested = Signal()

    def __init__(self, name: str, cancel_name: str, parent=None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # item names are data
        self.label.setAccessibleName(name)
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName(name)
        self.bar.setMaximumWidth(140)
        self.bar.setTextVisible(False)
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.setAccessibleName(cancel_name)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self.cancel.clicked.connect(self.cancelRequested)
        self.hide()

    def start(self, text: str) -> None:
        """Show the strip, busy until the first progress."""
        self.label.setText(text)
        self.bar.setRange(0, 0)
        self.cancel.setEnabled(True)
        self.show()

    def set_progress(self, done: int, total: int, text: str) -> None:
        """DONE of TOTAL, with TEXT beside the bar."""
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        self.label.setText(text)

    def stop(self) -> None:
        """Hide the strip (the job ended)."""
        self.hide()


class ImportReportDialog(QDialog):
    """What an import did: added, duplicates, failed items with one-line reasons."""

    def __init__(self, report, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import finished"))
        self.setAccessibleName(self.tr("Import report"))
        self.report = report
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Import summary"))
        self.summary.setText(summary_text(report))
        layout.addWidget(self.summary)
        self.failures = QPlainTextEdit(self)
        self.failures.setReadOnly(True)
        self.failures.setAccessibleName(self.tr("Items that could not be imported"))
        lines = [f"{item}: {' '.join(str(reason).split())}" for item, reason in report.failed]
        self.failures.setPlainText("\n".join(lines))
        self.failures.setVisible(bool(lines))
        layout.addWidget(self.failures, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        buttons.accepted.connect(self.close)
        layout.addWidget(buttons)
        self.resize(560, 320 if lines else 140)


def summary_text(report) -> str:
    """One line: how many articles were added, already there, failed (and cancelled)."""
    # One fixed context ("ImportReport"), so that lupdate and the lookup at run time agree.
    text = (
        QCoreApplication.translate(
            "ImportReport", "%1 added, %2 already in the library, %3 failed."
        )
        .replace("%1", str(report.added))
        .replace("%2", str(report.duplicates))
        .replace("%3", str(len(report.failed)))
    )
    if getattr(report, "cancelled", False):
        text += " " + QCoreApplication.translate(
            "ImportReport", "The import was cancelled; what was imported stays."
        )
    stopped = getattr(report, "stopped", None)
    if stopped:
        text += " " + QCoreApplication.translate("ImportReport", "The import stopped: %1").replace(
            "%1", str(stopped)
        )
    return text
