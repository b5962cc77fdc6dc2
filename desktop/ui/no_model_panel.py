"""Shown instead of the English pane when no German→English model is installed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class NoModelPanel(QWidget):
    """Explains the missing model and offers download and install-from-file."""

    downloadRequested = Signal()
    installFileRequested = Signal()
    cancelRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("noModelPanel")
        self.setAccessibleName(self.tr("No translation model"))
        self.setAutoFillBackground(True)  # same paper colour as the reading panes
        self.setBackgroundRole(QPalette.ColorRole.Base)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 28, 28, 28)
        layout.addStretch(1)
        self.title = QLabel(self.tr("No German → English translation model is installed"), self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # may name the missing pair
        layout.addWidget(self.title)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setText(
            self.tr(
                "Lagebild translates offline with an Argos Translate package. Download the "
                "German → English package from the Argos index (about 100 MB, once), or install "
                "an .argosmodel file you already have. The German text and the glossary work "
                "fully meanwhile."
            )
        )
        layout.addWidget(self.message)
        self.detail = QLabel(self)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)  # the engine's message
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(self.detail)
        row = QVBoxLayout()  # stacked: the column stays narrow-friendly
        self.download_button = QPushButton(self.tr("Download from the Argos index"), self)
        self.download_button.setAccessibleName(self.tr("Download model from the Argos index"))
        self.install_button = QPushButton(self.tr("Install from file…"), self)
        self.install_button.setAccessibleName(self.tr("Install model from file"))
        row.addWidget(self.download_button, 0, Qt.AlignmentFlag.AlignLeft)
        row.addWidget(self.install_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(row)
        prow = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Download progress"))
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel download"))
        self.cancel_button.setVisible(False)
        prow.addWidget(self.progress, 1)
        prow.addWidget(self.cancel_button)
        layout.addLayout(prow)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # download and install errors
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch(2)
        self.download_button.clicked.connect(self.downloadRequested)
        self.install_button.clicked.connect(self.installFileRequested)
        self.cancel_button.clicked.connect(self.cancelRequested)

    def set_reason(self, text: str) -> None:
        """The engine's message: which pair is missing and which command installs it."""
        first, sep, command = text.partition(" Get one with: ")
        if not sep:
            self.detail.setText(text)
            return
        if "German→English" not in first:  # another pair, e.g. for a Chinese document
            self.title.setText(first)
        # The title already says what is missing; repeat only the command.
        self.detail.setText(self.tr("From the command line: %1").replace("%1", command))

    def set_busy(self, busy: bool, text: str = "") -> None:
        """Show or hide the progress row while a download/install runs."""
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.download_button.setEnabled(not busy)
        self.install_button.setEnabled(not busy)
        if busy:
            self.progress.setRange(0, 0)
        self.status.setText(text)

    def set_progress(self, done: int, total: int) -> None:
        """Bytes downloaded so far (busy indicator while the total is unknown)."""
        if total:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * done / total))
            self.progress.setFormat(f"{done / 1e6:.1f} / {total / 1e6:.1f} MB")
        else:
            self.progress.setRange(0, 0)
