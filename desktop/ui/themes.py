"""Light and dark themes (Fusion + palette) and the colours the panes use."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

# Category colours: (light theme, dark theme). Mid-saturation so underlines read on white
# and on near-black; the dark variants are lighter.
CATEGORY_COLOURS: dict[str, tuple[str, str]] = {
    "agency": ("#1f6fb8", "#6cb4ff"),
    "force": ("#2e7d32", "#7bd67f"),
    "weapon_system": ("#c62828", "#ff7b73"),
    "weapon_class": ("#d84315", "#ffa06e"),
    "concept": ("#6a1b9a", "#d095f0"),
    "sanctions_diplomacy": ("#00838f", "#5fd8e2"),
    "person": ("#ad1457", "#ff80b5"),
    "place": ("#8d6e00", "#e8c547"),
    "organisation": ("#455a64", "#a9bfca"),
}
_FALLBACK = ("#616161", "#bdbdbd")


@dataclass(frozen=True)
class Colours:
    """Colours of the reading panes for one theme."""

    dark: bool
    text: str
    background: str
    dimmed: str
    aligned: str  # the counterpart sentence of the hovered/caret sentence
    term_selected: str  # hits of the entry selected in the glossary panel
    flag: str

    def category(self, name: str) -> QColor:
        """The underline colour of a glossary category."""
        light, dark = CATEGORY_COLOURS.get(name, _FALLBACK)
        return QColor(dark if self.dark else light)


LIGHT = Colours(False, "#1b1b1b", "#ffffff", "#9a9a9a", "#fff4b8", "#ffab40", "#e07b00")
DARK = Colours(True, "#e6e6e6", "#1e1f22", "#7a7d83", "#3d3a22", "#9a5a10", "#ffa630")


def system_prefers_dark() -> bool:
    """True when the desktop asks for a dark colour scheme."""
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def resolve(mode: str) -> bool:
    """Map a theme setting ('system' | 'light' | 'dark') to dark=True/False."""
    if mode == "dark":
        return True
    if mode == "light":
        return False
    return system_prefers_dark()


def apply(app: QApplication, dark: bool) -> Colours:
    """Apply Fusion with a light or dark palette; returns the pane colours."""
    app.setStyle("Fusion")
    pal = QPalette()
    if dark:
        window, base, text = QColor("#2b2d30"), QColor("#1e1f22"), QColor("#e6e6e6")
        pal.setColor(QPalette.ColorRole.Window, window)
        pal.setColor(QPalette.ColorRole.WindowText, text)
        pal.setColor(QPalette.ColorRole.Base, base)
        pal.setColor(QPalette.ColorRole.AlternateBase, QColor("#26282b"))
        pal.setColor(QPalette.ColorRole.Text, text)
        pal.setColor(QPalette.ColorRole.Button, window)
        pal.setColor(QPalette.ColorRole.ButtonText, text)
        pal.setColor(QPalette.ColorRole.ToolTipBase, QColor("#3c3f41"))
        pal.setColor(QPalette.ColorRole.ToolTipText, text)
        pal.setColor(QPalette.ColorRole.Highlight, QColor("#3d6fb4"))
        pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        pal.setColor(QPalette.ColorRole.PlaceholderText, QColor("#9a9da3"))
        pal.setColor(QPalette.ColorRole.Link, QColor("#6cb4ff"))
        for role in (
            QPalette.ColorRole.Text,
            QPalette.ColorRole.WindowText,
            QPalette.ColorRole.ButtonText,
        ):
            pal.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6b6e73"))
    else:
        pal = app.style().standardPalette()
        pal.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
        pal.setColor(QPalette.ColorRole.Window, QColor("#f3f3f3"))
        pal.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffe8"))
        pal.setColor(QPalette.ColorRole.ToolTipText, QColor("#1b1b1b"))
    app.setPalette(pal)
    return DARK if dark else LIGHT
