"""Parts of the main window kept apart to keep main_window.py readable.

Both are mixins of MainWindow: they use its widgets and services and hold no state of
their own beyond what they set on the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop.ui import themes

DEFAULT_POINT_SIZE = 12.0
MAX_RECENT = 10
SETTINGS_MESSAGE_MS = 20_000  # the read-only settings notice, then the usual status


class ModelsExportMixin:
    """Model install/download and the exports."""

    # --- models ------------------------------------------------------------------------

    def download_model(self) -> None:
        """Download the German→English package from the Argos index."""
        text = QCoreApplication.translate("MainWindow", "Downloading from the Argos index…")
        self.view.no_model.set_busy(True, text)
        self.models.download("de", "en")

    def install_model_from_file(self, path: str | None = None) -> None:
        """Install an .argosmodel file (asks for one when PATH is None)."""
        if path is None:
            title = QCoreApplication.translate("MainWindow", "Install model")
            kinds = QCoreApplication.translate("MainWindow", "Argos packages (*.argosmodel)")
            path, _ = QFileDialog.getOpenFileName(self, title, "", kinds)
            if not path:
                return
        text = QCoreApplication.translate("MainWindow", "Installing…")
        self.view.no_model.set_busy(True, text)
        self.models.install_file(path)

    def _on_model_installed(self, info) -> None:
        self.view.no_model.set_busy(False, "")
        self.translation_service.forget_engines()
        self.view.show_target()
        self.start_translation()

    def show_models_dialog(self) -> None:
        """The Models dialog (list, install, download, remove)."""
        from desktop.ui.models_dialog import ModelsDialog

        dialog = ModelsDialog(self.models, self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()  # else it stays a child, connected to the service's signals

    # --- export ------------------------------------------------------------------------

    def export_html(self, path: str | Path) -> None:
        """Write the bilingual HTML document."""
        from desktop.core import export
        from desktop.core.files import write_text_atomic

        hits = self.glossary.terms if self.glossary else []  # with the dictionary terms
        termbase = self.glossary.termbase if self.glossary else None
        # Atomic: a failed overwrite keeps the user's earlier export intact.
        write_text_atomic(
            path, export.bilingual_html(self.article, self.translations, hits, termbase)
        )

    def export_glossary(self, path: str | Path) -> None:
        """Write the article's glossary as .csv or .tbx (by suffix)."""
        from desktop.core import export

        hits = self.glossary.hits if self.glossary else []
        termbase = self.glossary.termbase if self.glossary else None
        export.write_glossary(Path(path), hits, termbase)


class WindowSettingsMixin:
    """Layout, zoom, theme, scrolling and recent files, remembered in QSettings."""

    settings_saveable = True  # False when the config dir is read-only or full
    settings_notice = ""  # the status-bar notice saying so
    _notice_pending = False

    # --- settings ----------------------------------------------------------------------

    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        state = s.value("window/state")
        if state is not None:
            self.restoreState(state)
        self._dock_sized = state is not None
        self.view.restore(s.value("window/splitter"))
        try:
            self.zoom = float(s.value("view/pointSize", DEFAULT_POINT_SIZE))
        except (TypeError, ValueError):  # a hand-edited or damaged settings file
            self.zoom = DEFAULT_POINT_SIZE
        self.view.set_zoom(self.zoom)
        sync = s.value("view/syncScroll", True)
        self.view.sync_scrolling = sync in (True, "true", "1", 1)
        self.menu_actions.sync_scroll.setChecked(self.view.sync_scrolling)
        self.theme_mode = str(s.value("view/theme", "system"))
        self.apply_theme(themes.resolve(self.theme_mode), save=False)
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._on_system_scheme)  # follows "system"
        self.menu_actions.rebuild_recent()

    def settings_not_saved(self, directory: str | Path) -> None:
        """Say once, in the status bar, that settings live in memory only this session."""
        self.settings_saveable = False
        self.settings_notice = QCoreApplication.translate(
            "MainWindow",
            "Settings cannot be saved: %1 is read-only or full. "
            "Changes are kept until Lagebild closes.",
        ).replace("%1", str(directory))
        if self.isVisible():
            self._show_settings_notice()
        else:
            self._notice_pending = True  # a message shown before the window is, overlaps

    def showEvent(self, event) -> None:  # noqa: D102
        super().showEvent(event)
        if self._notice_pending:
            self._show_settings_notice()

    def _show_settings_notice(self) -> None:
        self._notice_pending = False
        # A temporary message is painted as plain text; the path is never rich text.
        self.statusBar().showMessage(self.settings_notice, SETTINGS_MESSAGE_MS)

    def save_settings(self) -> None:
        """Remember layout, zoom, theme and scrolling for the next start."""
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.view.saveState())
        s.setValue("view/pointSize", self.zoom)
        s.setValue("view/syncScroll", self.view.sync_scrolling)
        s.setValue("view/theme", self.theme_mode)
        s.sync()

    def recent_files(self) -> list[str]:
        """Recently opened files, newest first."""
        value = self.settings.value("files/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _remember(self, path: str) -> None:
        recent = [p for p in self.recent_files() if p != path]
        self.settings.setValue("files/recent", [path, *recent][:MAX_RECENT])
        self.settings.setValue("files/last", path)
        self.menu_actions.rebuild_recent()

    def set_zoom(self, point_size: float) -> None:
        """Reading font size in points (6..40)."""
        self.zoom = max(6.0, min(40.0, point_size))
        self.view.set_zoom(self.zoom)

    def _on_system_scheme(self, _scheme) -> None:
        if self.theme_mode == "system":
            self.apply_theme(themes.system_prefers_dark(), save=False)

    def apply_theme(self, dark: bool, save: bool = True) -> None:
        """Switch the palette and re-colour the panes."""
        app = QApplication.instance()
        colours = themes.apply(app, dark)
        self.dark = dark
        for widget in (self.view.source, self.view.target, self.dock):
            widget.colours = colours
        self.menu_actions.dark_theme.setChecked(dark)
        if save:
            self.theme_mode = "dark" if dark else "light"
        if self.article is not None:
            terms = self.glossary.terms if self.glossary else ()
            termbase = self.glossary.termbase if self.glossary else None
            self.view.source.render(self.article, terms, termbase)
            self.view.target.render(self.article, self.translations, terms, termbase)
            self._show_flags()
            if self.glossary:
                g = self.glossary
                self.dock.set_data(g.article, termbase, g.hits, g.suggestions, g.dictionary_terms)
