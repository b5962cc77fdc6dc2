"""The real window with a real SQLite library in the test's LAGEBILD_HOME.

Translation uses the test double of tests/ui/conftest.py (no German model can be fetched
here), given a model key so the library can store what it translates.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from desktop.config import Paths

_spec = importlib.util.spec_from_file_location(
    "library_test_articles", Path(__file__).with_name("articles.py")
)
articles = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(articles)


@pytest.fixture
def article_data():
    """The test articles: (file name, site, date, title, paragraphs)."""
    return articles.ARTICLES


@pytest.fixture
def article_folder(tmp_path):
    """A folder with the test articles (eight German news pages)."""
    folder = tmp_path / "artikel"
    articles.write_articles(folder)
    return folder


@pytest.fixture
def keyed_engine(engine_cls, glossary_replacements):
    """A fake engine with a model key, shared by the reading window and the library."""
    engine = engine_cls(glossary_replacements)
    engine.model_key = "fake-de-en@1"
    return engine


@pytest.fixture
def library_window(qtbot, keyed_engine):
    """Factory: the real MainWindow with a LibraryService over ENGINE; the library shown."""
    from desktop.ui.app import open_settings
    from desktop.ui.main_window import MainWindow
    from desktop.ui.services.library import LibraryService
    from desktop.ui.services.translation import TranslationService

    windows = []

    def make(engine=None, size=(1500, 900), show_library=True):
        engine = engine or keyed_engine
        paths = Paths.from_env()
        window = MainWindow(
            paths,
            open_settings(paths),
            translation_service=TranslationService(paths, engine_factory=lambda f, t, p: engine),
            library_service=LibraryService(paths, engine_factory=lambda f, t, p: engine),
        )
        window.headless = True  # no modal dialogs in tests; reports stay readable
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        if show_library:
            with qtbot.waitSignal(window.library.listChanged, timeout=10000):
                window.library.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.shutdown()


def import_and_wait(qtbot, window, items, timeout=30000):
    """Import ITEMS through the window and wait for the report and the new list."""
    with qtbot.waitSignals(
        [window.library.importDone, window.library.listChanged], timeout=timeout
    ) as blocker:
        assert window.library.import_items([str(i) for i in items])
    return window.library.last_report if blocker.signal_triggered else None


@pytest.fixture
def imported(qtbot):
    """import_and_wait bound to qtbot."""
    return lambda window, items, **kw: import_and_wait(qtbot, window, items, **kw)
