"""Fixtures for the article-terms tests: the real Ding index (once per session), the termbase."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop import resources
from desktop.core.dictionary import Dictionary
from desktop.core.glossary.termbase import Termbase
from tests.core.dictionary.real_index import real_index


@pytest.fixture(scope="session")
def real_dictionary(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dictionary]:
    """A Dictionary on the index of /usr/share/trans/de-en (skips when it is absent)."""
    dictionary = Dictionary(real_index(tmp_path_factory).path)
    yield dictionary
    dictionary.close()


@pytest.fixture(scope="session")
def bundled() -> Termbase:
    """The bundled termbase without any user file (its matcher is built once, kept on it)."""
    termbase = Termbase.load(resources.path(resources.DEFAULT_GLOSSARY))
    termbase.matcher()
    return termbase
