"""Article terms: curated glossary hits and, below them, terms from the dictionary.

This package composes two independent features (``glossary`` and ``dictionary``); it is the
one place that decides which words of an article the reader sees as terms. The CLI, the
window and the library all call ``find_terms``.

Curated hits come from the glossary's matcher. Dictionary terms are the other words whose
Ding entry carries a military, political or legal subject tag, or whose compound head does
(:mod:`.vocabulary` has the rules; :mod:`.dictionary_terms` finds them in an article). A
curated entry always wins for the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

    from desktop.core.documents.article import Article
    from desktop.core.glossary.matching import Hit, Matcher
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
    related: tuple[str, ...] = ()  #: curated: ids of entries the hit also covers

    @property
    def entry_id(self) -> str:
        """The key, under the name glossary hits use (the term check reads either)."""
        return self.key


#: The category a dictionary term gets when the reader adds it to the glossary in one step.
PROMOTED_CATEGORY = "concept"


def glossary_values(term: TermHit) -> dict[str, str]:
    """The user-glossary entry for a dictionary term, for ``termbase.add_term``.

    German: the lemma; English: the first sense; the other senses go into the definition,
    so nothing the dictionary said is lost. The category is :data:`PROMOTED_CATEGORY`
    (the reader can edit the entry later; one click must not ask).
    """
    senses = [s for s in term.en if s]
    definition = "From the dictionary" + (": " + "; ".join(senses) + "." if senses else ".")
    return {
        "de": term.de,
        "en": senses[0] if senses else term.de,
        "category": PROMOTED_CATEGORY,
        "definition": definition,
    }


def curated_terms(hits: Iterable[Hit], termbase: Termbase) -> list[TermHit]:
    """Glossary matcher hits as TermHits (hits of unknown entries are left out)."""
    found: list[TermHit] = []
    for hit in hits:
        entry = termbase.get(hit.entry_id)
        if entry is None:
            continue
        found.append(
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
                hit.related,
            )
        )
    return found


def find_terms(
    article: Article,
    termbase: Termbase,
    matcher: Matcher,
    dictionary: Any | None = None,
    *,
    hits: Iterable[Hit] | None = None,
) -> list[TermHit]:
    """Curated hits (and dictionary terms when DICTIONARY is given), in text order.

    HITS are the matcher's hits of ARTICLE when the caller has them already. DICTIONARY is
    an open :class:`desktop.core.dictionary.Dictionary`; its word lists are built on first
    use and kept for as long as it is open.
    """
    curated = curated_terms(matcher.match(article) if hits is None else hits, termbase)
    found = list(curated)
    if dictionary is not None:
        found += dictionary_terms_of(article, termbase, dictionary, curated)
    found.sort(key=lambda h: (h.start, h.end, h.source != GLOSSARY))
    return found


def dictionary_terms_of(
    article: Article, termbase: Termbase, dictionary: Any, curated: Iterable[TermHit]
) -> list[TermHit]:
    """The dictionary terms of ARTICLE outside the CURATED hits."""
    from desktop.core.terms.dictionary_terms import curated_keys, dictionary_terms
    from desktop.core.terms.vocabulary import vocabulary_for

    keys = curated_keys(t for entry in termbase.entries for t in entry.german_terms)
    return dictionary_terms(article, vocabulary_for(dictionary), curated, keys)
