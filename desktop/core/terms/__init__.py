"""Article terms: curated glossary hits and, below them, terms from the dictionary.

This package composes two independent features (``glossary`` and ``dictionary``); it is the
one place that decides which words of an article the reader sees as terms. The CLI, the
window and the library all call ``find_terms``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.documents.article import Article
    from desktop.core.glossary.matching import Matcher
    from desktop.core.glossary.termbase import Termbase

GLOSSARY, DICTIONARY = "glossary", "dictionary"


@dataclass(frozen=True)
class TermHit:
    """One occurrence of a term in ``Article.text`` (absolute offsets).

    ``key`` is stable across articles: the entry id for curated entries, ``"ding:" + lemma``
    for dictionary terms. ``source`` is ``"glossary"`` or ``"dictionary"``.
    """

    source: str
    key: str
    de: str
    en: tuple[str, ...]
    kind: str  # the glossary category, or "dictionary"
    sentence_id: str
    start: int
    end: int
    text: str


def find_terms(
    article: Article,
    termbase: Termbase,
    matcher: Matcher,
    dictionary: Any | None = None,
) -> list[TermHit]:
    """Curated hits (and dictionary terms when DICTIONARY is given), in text order."""
    hits: list[TermHit] = []
    for hit in matcher.match(article):
        entry = termbase.get(hit.entry_id)
        if entry is None:
            continue
        hits.append(
            TermHit(
                GLOSSARY,
                hit.entry_id,
                entry.de,
                entry.english_terms,
                entry.category,
                hit.sentence_id,
                hit.start,
                hit.end,
                hit.text,
            )
        )
    hits.sort(key=lambda h: (h.start, h.end))
    return hits
