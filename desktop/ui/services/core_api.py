"""The window's calls into the core, each importing its module late.

Nothing here is imported before the window shows: the translation stack (argostranslate,
CTranslate2) and the glossary matcher load on first use, in worker threads. Everything is
plain Python and may run in any thread.
"""

from __future__ import annotations

from types import ModuleType

from desktop.config import Paths

# --- translation ---------------------------------------------------------------------------


def no_model_error() -> type[Exception]:
    """The exception raised when no package translates the requested pair."""
    from desktop.core.translation.engine import NoModelError

    return NoModelError


def open_engine(from_code: str, to_code: str, paths: Paths):
    """Open the translation engine (after installing models shipped in a bundle)."""
    from desktop.core.translation import bundled as bundled_models
    from desktop.core.translation import engine as translation

    bundled_models.install_pending(paths)  # logs its own errors, never raises
    # Leave one core to the GUI thread: with every core busy in ctranslate2 the event
    # loop starves (measured in bench/bench_ui_latency.py).
    threads = max(1, translation.default_threads() - 1)
    return translation.TranslationEngine.open(from_code, to_code, paths, threads=threads)


# --- models ----------------------------------------------------------------------------


def models() -> ModuleType:
    """The model management module."""
    from desktop.core.translation import packages as models_mod

    return models_mod


# --- glossary --------------------------------------------------------------------------


def load_termbase(paths: Paths):
    """The bundled termbase plus the user's entries."""
    from desktop.core.glossary.termbase import Termbase

    return Termbase.load_default(paths)


def find_english(term: str, text: str) -> tuple[int, int] | None:
    """Where an English term (inflected) occurs in TEXT, or None."""
    from desktop.core.glossary.termcheck import find_english as find

    match = find(term, text)
    return match.span() if match else None


def suggest_terms(article, termbase) -> list:
    """Candidate new terms for the article."""
    from desktop.core.glossary.suggestions import suggest_terms as suggest

    return list(suggest(article, termbase))


def check_terms(termbase, hits, targets: dict[str, str]) -> dict[str, list]:
    """Term-check issues per sentence id."""
    from desktop.core.glossary.termcheck import check_terms as check

    return dict(check(termbase, hits, targets))
