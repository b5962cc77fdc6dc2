"""The one place where the window reaches into the core modules of the other work streams.

Each function imports its core module late (so nothing heavy loads before the window
shows) and turns "module not there yet" into a clear, normal state instead of a crash.
Everything here is plain Python and may run in worker threads.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from desktop.config import Paths


class Unavailable(Exception):
    """A core feature is missing from this installation (module absent or incomplete)."""


def _module(name: str) -> ModuleType:
    try:
        return importlib.import_module(f"desktop.core.{name}")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("desktop.core"):
            raise Unavailable(f"desktop.core.{name} is not available in this build") from None
        raise


def available(name: str) -> bool:
    """True when desktop.core.NAME can be imported."""
    try:
        _module(name)
    except Unavailable:
        return False
    return True


# --- translation ---------------------------------------------------------------------------


def no_model_error() -> type[Exception]:
    """The NoModelError class of the translation module (or a stand-in when it is absent)."""
    try:
        return _module("translation").NoModelError
    except (Unavailable, AttributeError):
        return Unavailable


def open_engine(from_code: str, to_code: str, paths: Paths):
    """Open the real translation engine; raises NoModelError or Unavailable."""
    try:
        translation = _module("translation")
    except Unavailable as exc:
        raise Unavailable(f"Translation is not available: {exc}") from None
    _install_bundled_models(paths)
    # Leave one core to the GUI thread: with every core busy in ctranslate2 the event
    # loop starves (measured in bench/bench_ui_latency.py).
    threads = max(1, translation.default_threads() - 1) if hasattr(
        translation, "default_threads") else None
    if threads is None:
        return translation.TranslationEngine.open(from_code, to_code, paths)
    return translation.TranslationEngine.open(from_code, to_code, paths, threads=threads)


def _install_bundled_models(paths: Paths) -> None:
    """First start of a bundle: install the shipped package before the engine opens."""
    try:
        _module("bundled_models").install_pending(paths)
    except Exception:  # noqa: BLE001 - never blocks translation; the user can install by hand
        pass


# --- models ----------------------------------------------------------------------------


def models() -> ModuleType:
    """The model management module; raises Unavailable."""
    return _module("models")


def default_index_url() -> str:
    """The Argos package index address the models module uses by default."""
    mod = models()
    for name in ("DEFAULT_INDEX_URL", "INDEX_URL", "ARGOS_INDEX_URL"):
        url = getattr(mod, name, None)
        if url:
            return str(url)
    return "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"


# --- glossary --------------------------------------------------------------------------


def glossary() -> ModuleType:
    """The glossary module; raises Unavailable."""
    return _module("glossary")


def load_termbase(paths: Paths):
    """The bundled termbase plus the user's entries."""
    return glossary().Termbase.load_default(paths)


def make_matcher(termbase):
    """Build the (slow) term matcher once per termbase."""
    cached = getattr(termbase, "matcher", None)
    return cached() if callable(cached) else glossary().Matcher(termbase)


def find_english(term: str, text: str) -> tuple[int, int] | None:
    """Where an English term (inflected) occurs in TEXT, or None."""
    try:
        match = _module("termcheck").find_english(term, text)
    except (Unavailable, AttributeError):
        at = text.lower().find(term.lower())
        return (at, at + len(term)) if at >= 0 and term else None
    return match.span() if match else None


def suggest_terms(article, termbase) -> list:
    """Candidate new terms, or [] when the feature is not there."""
    for name in ("glossary", "terms"):
        try:
            fn = getattr(_module(name), "suggest_terms", None)
        except Unavailable:
            continue
        if fn is not None:
            return list(fn(article, termbase))
    return []


def check_terms(termbase, hits, targets: dict[str, str]) -> dict[str, list]:
    """Term-check issues per sentence id, or {} when the feature is not there."""
    for name in ("glossary", "termcheck"):
        try:
            fn = getattr(_module(name), "check_terms", None)
        except Unavailable:
            continue
        if fn is not None:
            return dict(fn(termbase, hits, targets))
    return {}


def new_entry(termbase, de: str, en: str, category: str, definition: str = ""):
    """A validated user Entry with a fresh id (not saved yet)."""
    if hasattr(termbase, "new_entry"):
        return termbase.new_entry(de, en, category, definition)
    mod = glossary()
    entry_id = mod.make_id(de, set(termbase.ids))
    return mod.Entry(id=entry_id, de=de, en=en, category=category, definition=definition,
                     source="user")


def tbx_module() -> ModuleType | None:
    """The glossary helper's TBX writer, if present."""
    try:
        return _module("tbx")
    except Unavailable:
        return None
