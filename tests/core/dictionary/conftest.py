"""Fixtures for the dictionary tests: the real Ding index (once per session), small files."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.core.dictionary import Dictionary, IndexInfo
from tests.core.dictionary.real_index import build_seconds, real_index


@pytest.fixture(scope="session")
def ding_index(tmp_path_factory: pytest.TempPathFactory) -> IndexInfo:
    """The index of /usr/share/trans/de-en, built once for the whole session."""
    return real_index(tmp_path_factory)


@pytest.fixture(scope="session")
def real_dictionary(ding_index: IndexInfo) -> Iterator[Dictionary]:
    """A Dictionary on the session index."""
    dictionary = Dictionary(ding_index.path)
    yield dictionary
    dictionary.close()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    seconds = build_seconds()
    if seconds is not None:
        terminalreporter.write_line(f"dictionary: real Ding index built in {seconds:.1f} s")
