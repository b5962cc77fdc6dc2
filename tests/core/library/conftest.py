"""Fixtures for the library tests: a real SQLite library, the real termbase and matcher."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.core.documents.article import Article, from_text
from desktop.core.glossary.termbase import Termbase
from desktop.core.library.store import Library
from desktop.core.terms import find_terms


@pytest.fixture(scope="session")
def termbase() -> Termbase:
    return Termbase.load_default()


@pytest.fixture(scope="session")
def matcher(termbase):
    return termbase.matcher()


@pytest.fixture
def lib(tmp_path):
    library = Library.open(tmp_path / "library" / "library.sqlite")
    yield library
    library.close()


def _article(text: str, name: str = "a.txt", **source) -> Article:
    art = from_text(text, name=name, language="de")
    return replace(art, source=replace(art.source, **source)) if source else art


@pytest.fixture
def make_article():
    """make_article(text, **source): a German article with Source fields (site, date...)."""
    return _article


@pytest.fixture
def add(lib, termbase, matcher):
    """Store an article with its real term hits; returns the article id."""

    def add_one(text: str, **source) -> int:
        art = _article(text, **source)
        return lib.add_article(art, hits=find_terms(art, termbase, matcher)).article_id

    return add_one
