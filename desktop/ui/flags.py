"""Readable, translated texts for the translation engine's sentence flags."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def flag_text(flag: str) -> str:
    """The user-facing explanation of a flag id from desktop.core.translation.engine."""
    known = {
        "empty": QCoreApplication.translate(
            "Flags", "The model produced no translation for this sentence."
        ),
        "copied_source": QCoreApplication.translate(
            "Flags", "The model copied the German sentence instead of translating it."
        ),
        "repetition": QCoreApplication.translate(
            "Flags", "The translation repeats itself (a model loop)."
        ),
        "length_ratio": QCoreApplication.translate(
            "Flags", "The translation is much shorter or longer than the German sentence."
        ),
        "designator_lost": QCoreApplication.translate(
            "Flags", "A designator or number (e.g. KN-23, 42) is missing from the translation."
        ),
        "mask_restore_failed": QCoreApplication.translate(
            "Flags", "Protected terms could not be restored in the translation."
        ),
    }
    return known.get(flag) or QCoreApplication.translate("Flags", "Translation check: %1").replace(
        "%1", flag.replace("_", " ")
    )
