"""Fixtures for driving the real MainWindow offscreen, with a German test-double engine.

The double stands in for a German→English model (none can be fetched here): it
"translates" by putting each glossary hit's English rendering in place of the German
term, so term highlighting and the term check see realistic English. Everything else
(services, thread pools, panes, dock) is the real code.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from desktop.config import Paths
from desktop.core.translation.engine import SentenceResult

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
ZH_MODEL = SHARED / "models" / "translate-zh_en-1_9.argosmodel"


class FakeEngine:
    """A TranslationEngine stand-in: glossary-aware word substitution, optional delay."""

    def __init__(self, replacements=None, delay: float = 0.0, skip: frozenset = frozenset()):
        self.replacements = dict(replacements or {})
        self.delay = delay
        self.skip = skip  # German terms deliberately left untranslated (term check)
        self.calls = 0
        self.model = None

    def render(self, text: str) -> str:
        out = text
        for de, en in sorted(self.replacements.items(), key=lambda kv: -len(kv[0])):
            if de not in self.skip:
                out = out.replace(de, en)
        return "EN " + out

    def translate_stream(self, sentences, cancel=None, on_result=None, background=False):
        # the library's batch: one stream over many articles (the fake needs no laziness)
        yield from self.translate(list(sentences), cancel, on_result)

    def translate(self, sentences, cancel=None, on_result=None):
        self.calls += 1
        for sent in sentences:
            if cancel is not None and cancel.is_set():
                return
            if self.delay:
                time.sleep(self.delay)
            result = SentenceResult(sent.id, sent.text, self.render(sent.text), (), False)
            if on_result:
                on_result(result)
            yield result


@pytest.fixture(scope="session")
def glossary_replacements():
    """German surface form -> English rendering, from the real termbase on the real article."""
    from desktop import resources
    from desktop.core.documents import load
    from desktop.core.glossary.termbase import Termbase

    termbase = Termbase.load(resources.path(resources.DEFAULT_GLOSSARY))
    article = load(resources.default_article())
    return {h.text: termbase.get(h.entry_id).en for h in termbase.matcher().match(article)}


@pytest.fixture
def fake_engine(glossary_replacements):
    """A fresh fake engine for one test."""
    return FakeEngine(glossary_replacements)


@pytest.fixture
def make_window(qtbot):
    """Factory: a real MainWindow whose translation service uses ENGINE (None = real engine)."""
    from desktop.ui.app import create_window
    from desktop.ui.services.translation import TranslationService

    windows = []

    def make(engine=None, file=None, open_initial=False, size=(1200, 800)):
        paths = Paths.from_env()
        services = {}
        if engine is not None:
            services["translation_service"] = TranslationService(
                paths, engine_factory=lambda f, t, p: engine
            )
        from desktop.ui.main_window import MainWindow

        if open_initial:
            window = create_window(file, paths, **services)
        else:
            from desktop.ui.app import open_settings

            window = MainWindow(paths, open_settings(paths), **services)
        qtbot.addWidget(window)
        if size:
            window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.shutdown()


def open_and_wait(qtbot, window, path, translation=True, glossary=True, timeout=20000, **kw):
    """Open PATH and wait for the article (and translation/glossary when asked)."""
    signals = [window.documentShown]
    if translation:
        signals.append(window.translationFinished)
    if glossary:
        signals.append(window.glossaryReady)
    with qtbot.waitSignals(signals, timeout=timeout):
        window.open_file(path, **kw)
    return window.article


@pytest.fixture
def engine_cls():
    """The FakeEngine class, for tests that need a delay or skipped terms."""
    return FakeEngine


@pytest.fixture
def opened(qtbot):
    """open_and_wait bound to qtbot: opened(window, path, translation=..., glossary=...)."""
    return lambda window, path, **kw: open_and_wait(qtbot, window, path, **kw)


@pytest.fixture
def article_path():
    """The bundled German article."""
    from desktop import resources

    return resources.default_article()


@pytest.fixture
def zh_model():
    """The real zh->en Argos test package (skips when ../shared is absent)."""
    if not ZH_MODEL.is_file():
        pytest.skip(f"real test model not found at {ZH_MODEL} (../shared is not checked out)")
    return ZH_MODEL


@pytest.fixture
def gate():
    """An event tests can use to hold a worker."""
    return threading.Event()
