"""The Models dialog: list, install from file, download and remove Argos packages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.ui.dialogs import plain_text_message_boxes


class ModelsDialog(QDialog):
    """Manages translation packages through the ModelService (never blocks)."""

    def __init__(self, service, parent=None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(self.tr("Translation models"))
        self.resize(640, 360)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4, self)
        self.table.setAccessibleName(self.tr("Installed models"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Package"), self.tr("Languages"), self.tr("Version"), self.tr("Size")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # errors, package names
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Download progress"))
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        row = QHBoxLayout()
        self.install_button = QPushButton(self.tr("Install from file…"), self)
        self.download_button = QPushButton(self.tr("Download German → English"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.cancel_button = QPushButton(self.tr("Cancel download"), self)
        self.cancel_button.setVisible(False)
        for button in (
            self.install_button,
            self.download_button,
            self.remove_button,
            self.cancel_button,
        ):
            button.setAccessibleName(button.text().replace("…", ""))
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._models: list = []

        self.install_button.clicked.connect(self._install)
        self.download_button.clicked.connect(self._download)
        self.remove_button.clicked.connect(self._remove)
        self.cancel_button.clicked.connect(service.cancel)
        service.listed.connect(self._show)
        service.installed.connect(self._changed)
        service.removed.connect(self._changed)
        service.failed.connect(self._failed)
        service.cancelled.connect(lambda: self._busy(False, self.tr("Download cancelled.")))
        service.progress.connect(self._progress)
        self.refresh()

    def refresh(self) -> None:
        """Ask the service for the installed packages."""
        self.status.setText(self.tr("Reading installed models…"))
        self.service.list_installed()

    def _show(self, models) -> None:
        self._models = list(models)
        self.table.setRowCount(len(self._models))
        for row, info in enumerate(self._models):
            cells = [
                info.code,
                f"{info.from_code} → {info.to_code}",
                str(info.version),
                f"{info.size_bytes / 1e6:.0f} MB",
            ]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.status.setText(self.tr("Installed models: %1").replace("%1", str(len(self._models))))
        self.remove_button.setEnabled(bool(self._models))

    def _busy(self, busy: bool, text: str) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.cancel_button.setVisible(busy)
        for button in (self.install_button, self.download_button, self.remove_button):
            button.setEnabled(not busy)
        self.status.setText(text)

    def _install(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Install model"), "", self.tr("Argos packages (*.argosmodel)")
        )
        if path:
            self._busy(True, self.tr("Installing…"))
            self.service.install_file(path)

    def _download(self) -> None:
        self._busy(True, self.tr("Downloading from the Argos index…"))
        self.service.download("de", "en")

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self._models):
            self.status.setText(self.tr("Select a model to remove."))
            return
        code = self._models[row].code
        with plain_text_message_boxes():  # the code comes from the package's metadata
            answer = QMessageBox.question(
                self, self.windowTitle(), self.tr("Remove the model %1?").replace("%1", code)
            )
        if answer == QMessageBox.StandardButton.Yes:
            self._busy(True, self.tr("Removing…"))
            self.service.remove(code)

    def _changed(self, _info) -> None:
        self._busy(False, "")
        self.refresh()

    def _failed(self, message: str) -> None:
        self._busy(False, message)

    def _progress(self, done, total) -> None:
        if total:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * done / total))
