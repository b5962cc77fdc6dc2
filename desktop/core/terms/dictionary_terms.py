"""Dictionary terms of an article: the words the curated glossary did not cover.

Each distinct word is classified once (:class:`~.vocabulary.Vocabulary`, cached across
articles); then every occurrence outside a curated hit becomes a TermHit. A word whose
lemma, or whose compound head, is a German term of the curated glossary is left to the
glossary: its matcher has its own rules for it (``Front`` needs military context there),
and a dictionary hit must not bring back what those rules turned down.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from desktop.core.dictionary import fold

if TYPE_CHECKING:
    from desktop.core.documents.article import Article
    from desktop.core.terms import TermHit
    from desktop.core.terms.vocabulary import Verdict, Vocabulary

# Letters only, joined by hyphens: "Raketen-Angriff"; digits make designators, not words.
_WORD = re.compile(r"[^\W\d_]+(?:[-\u2010\u2011][^\W\d_]+)*")
_HYPHENS = re.compile(r"[\u2010\u2011]")


def curated_keys(german_terms: Iterable[str]) -> frozenset[str]:
    """Folded single-word German terms of the glossary (the words it decides about)."""
    return frozenset(fold(t) for t in german_terms if " " not in t.strip())


def dictionary_terms(
    article: Article,
    vocabulary: Vocabulary,
    covered: Iterable[tuple[int, int]],
    curated: frozenset[str] = frozenset(),
) -> list[TermHit]:
    """TermHits for the dictionary terms of ARTICLE outside the COVERED spans.

    COVERED are the (start, end) offsets of curated hits: a curated entry always wins for
    the same words. CURATED are the glossary's own words (see :func:`curated_keys`).
    """
    from desktop.core.terms import DICTIONARY, TermHit

    spans = sorted(covered)
    starts = [s for s, _ in spans]
    ends_before: list[int] = []  # the furthest end among spans[: i + 1]
    furthest = -1
    for _, end in spans:
        furthest = max(furthest, end)
        ends_before.append(furthest)

    def is_covered(start: int, end: int) -> bool:
        i = bisect.bisect_left(starts, end) - 1  # the last span starting before END
        return i >= 0 and ends_before[i] > start

    tokens: list[tuple[str, int, int, str]] = []  # (sentence id, start, end, word)
    for sentence in article.sentences():
        for m in _WORD.finditer(sentence.text):
            start, end = sentence.start + m.start(), sentence.start + m.end()
            if not is_covered(start, end):
                tokens.append((sentence.id, start, end, _HYPHENS.sub("-", m.group())))
    verdicts = vocabulary.classify(word for _, _, _, word in tokens)
    allowed: dict[str, Verdict] = {
        word: v for word, v in verdicts.items() if not _curated(v, curated)
    }
    hits = []
    for sentence_id, start, end, word in tokens:
        verdict = allowed.get(word)
        if verdict is None:
            continue
        hits.append(
            TermHit(
                DICTIONARY,
                "ding:" + verdict.lemma,
                verdict.lemma,
                verdict.en,
                DICTIONARY,
                sentence_id,
                start,
                end,
                article.text[start:end],
            )
        )
    return hits


def _curated(verdict: Verdict, curated: frozenset[str]) -> bool:
    return fold(verdict.lemma) in curated or bool(verdict.head and fold(verdict.head) in curated)
