"""Guess a document's language from its script, for choosing a splitter and a model.

Lagebild is built for German; other languages only matter when the text is visibly in
another script (the Chinese test model, a Russian or Ukrainian source). Latin-script text
is taken as German, which the reader can override.
"""

from __future__ import annotations

AUTO = "auto"

_UKRAINIAN_LETTERS = set("іїєґІЇЄҐ")


def guess(text: str, default: str = "de") -> str:
    """Return a language code for text: zh, ja, ko, ru, uk, else ``default``."""
    sample = text[:20000]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return default
    counts = {"ja": 0, "ko": 0, "zh": 0, "cyrillic": 0}
    for char in letters:
        code = ord(char)
        if 0x3040 <= code <= 0x30FF:
            counts["ja"] += 1
        elif 0xAC00 <= code <= 0xD7AF:
            counts["ko"] += 1
        elif 0x4E00 <= code <= 0x9FFF:
            counts["zh"] += 1
        elif 0x0400 <= code <= 0x04FF:
            counts["cyrillic"] += 1
    total = len(letters)
    if counts["ja"] / total > 0.05:
        return "ja"
    if counts["ko"] / total > 0.3:
        return "ko"
    if counts["zh"] / total > 0.3:
        return "zh"
    if counts["cyrillic"] / total > 0.5:
        return "uk" if any(c in _UKRAINIAN_LETTERS for c in letters) else "ru"
    return default
