"""Start-up of the window: QApplication, translation, theme, excepthook, first paint fast.

Nothing heavy (argostranslate, ctranslate2, torch, nltk) is imported here; the document
is loaded and translated in the background once the window has been shown.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME, resources
from desktop.config import Paths, writable_problem
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
    """QSettings in INI format at the path the config module names.

    Never fails: the directories are created where possible, and when the config dir
    cannot be created or written (read-only home, full disk) the settings still work
    for this session, in memory (QSettings keeps the values; its writes fail quietly).
    ``settings_unsaved_dir`` says whether that is the case.
    """
    for directory in (paths.data, paths.config, paths.cache):
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # read-only or full: work without it, say so where it matters
            log.info("cannot create %s: %s", directory, exc)
    return QSettings(str(paths.settings_file), QSettings.Format.IniFormat)


def settings_unsaved_dir(paths: Paths) -> Path | None:
    """The config dir when settings cannot be saved there (read-only, full), else None."""
    error = writable_problem(paths.config)
    if error is None:
        return None
    log.info("settings cannot be saved in %s: %s", paths.config, error)
    return paths.config


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


def quiet_qt_messages() -> None:
    """Send Qt's own messages to the log, so a headless run prints only its own lines.

    (The offscreen platform, for one, warns about every window it cannot resize.)
    """

    def handler(kind, _context, message: str) -> None:
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            log.error("Qt: %s", message)
        else:
            log.debug("Qt: %s", message)

    qInstallMessageHandler(handler)


def create_window(
    file: str | None = None,
    paths: Paths | None = None,
    language: str = "auto",
    headless: bool = False,
    **services,
):
    """Build the main window (not shown) and queue the document to open after show.

    HEADLESS (the screenshot command): the window never opens a dialog.
    """
    from desktop.ui.main_window import MainWindow

    app = make_app()
    paths = paths or Paths.from_env()
    settings = open_settings(paths)
    unsaved_dir = settings_unsaved_dir(paths)
    ui_language = str(settings.value("ui/language", "") or QLocale.system().name())
    i18n.install(app, ui_language)
    window = MainWindow(paths, settings, language=language, **services)
    window.headless = headless
    if unsaved_dir is not None:
        window.settings_not_saved(unsaved_dir)
    QTimer.singleShot(0, lambda: window.open_initial(file))
    return window


def run(file: str | None) -> int:
    """Open the window on FILE (else the last file, else the bundled article)."""
    app = make_app(sys.argv[:1])
    window = create_window(file)
    install_excepthook(window)
    window.show()
    return app.exec()
