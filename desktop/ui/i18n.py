"""UI language: Qt .qm translations from resources/i18n (German), English built in.

The .ts source is resources/i18n/lagebild_de.ts (made with pyside6-lupdate, edited by
hand); `pyside6-lrelease` compiles it to lagebild_de.qm, which is shipped.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from desktop import resources

SUPPORTED = ("en", "de")


def qm_path(language: str):
    """The compiled translation file for LANGUAGE (may not exist)."""
    return resources.path(f"i18n/lagebild_{language}.qm")


def install(app: QApplication, language: str) -> str:
    """Install translators for LANGUAGE ('de_DE', 'de', 'en'...); returns the language used."""
    lang = (language or "en").split("_")[0].split("-")[0].lower()
    for old in getattr(app, "_lagebild_translators", []):
        app.removeTranslator(old)
    app._lagebild_translators = []
    if lang not in SUPPORTED or lang == "en":
        return "en"
    ours = QTranslator(app)
    if not ours.load(str(qm_path(lang))):
        return "en"
    app.installTranslator(ours)
    app._lagebild_translators.append(ours)
    qt_own = QTranslator(app)  # Qt's own strings (standard buttons, context menus)
    if qt_own.load(
        QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_own)
        app._lagebild_translators.append(qt_own)
    return lang
