"""The one place that finds files shipped under ``resources/``.

In a source checkout (and an editable install) the directory sits beside the package;
in a PyInstaller bundle it lies under ``sys._MEIPASS``.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

DEFAULT_ARTICLE = "articles/article-de.txt"
DEFAULT_GLOSSARY = "glossary/termbase.json"


@cache
def root() -> Path:
    """Return the resources directory."""
    here = Path(__file__).resolve().parent
    candidates = [here.parent / "resources"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / "resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("Lagebild's resources directory is missing from this installation")


def path(relative: str) -> Path:
    """Return the absolute path of a shipped resource file."""
    return root() / relative


def default_article() -> Path:
    """The article shown on first start."""
    return path(DEFAULT_ARTICLE)
