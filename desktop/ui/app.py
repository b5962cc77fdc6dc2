"""Start-up of the window: QApplication, translation, theme, excepthook, first paint fast.

Nothing heavy (argostranslate, ctranslate2, torch, nltk) is imported here; the document
is loaded and translated in the background once the window has been shown.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QLocale, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME, resources
from desktop.config import Paths
from desktop.ui import i18n

log = logging.getLogger(__name__)


def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication (reused when one exists, as in tests)."""
    # Workers run pure-Python steps (segmenting, matching, argos pre/post-processing);
    # a shorter GIL switch interval lets the GUI thread in sooner (default 5 ms).
    sys.setswitchinterval(0.001)
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("lagebild")
    icon = resources.path("icons/lagebild.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def open_settings(paths: Paths) -> QSettings:
    """QSettings in INI format at the path the config module names."""
    paths.ensure()
    return QSettings(str(paths.settings_file), QSettings.Format.IniFormat)


def install_excepthook(window) -> None:
    """Show unexpected errors in a dialog with copyable details instead of dying silently."""
    previous = sys.excepthook

    def hook(exc_type, exc, tb):
        log.error("unexpected error", exc_info=(exc_type, exc, tb))
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        try:
            from desktop.ui.dialogs import ErrorDialog

            ErrorDialog(exc_type, exc, tb, window).exec()
        except Exception:  # noqa: BLE001 - never recurse inside the hook
            previous(exc_type, exc, tb)

    sys.excepthook = hook


def create_window(file: str | None = None, paths: Paths | None = None,
                  language: str = "auto", **services):
    """Build the main window (not shown) and queue the document to open after show."""
    from desktop.ui.main_window import MainWindow

    app = make_app()
    paths = paths or Paths.from_env()
    settings = open_settings(paths)
    ui_language = str(settings.value("ui/language", "") or QLocale.system().name())
    i18n.install(app, ui_language)
    window = MainWindow(paths, settings, language=language, **services)
    QTimer.singleShot(0, lambda: window.open_initial(file))
    return window


def run(file: str | None) -> int:
    """Open the window on FILE (else the last file, else the bundled article)."""
    app = make_app(sys.argv[:1])
    window = create_window(file)
    install_excepthook(window)
    window.show()
    return app.exec()
