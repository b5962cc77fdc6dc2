"""Dictionary terms of an article: the words the curated glossary did not cover.

Each distinct word is classified once (:class:`~.vocabulary.Vocabulary`, cached across
articles); then every occurrence outside a curated hit becomes a TermHit, where the text
is about security:

- A word whose lemma, or whose compound head, is a German term of the curated glossary is
  left to the glossary: its matcher has its own rules for it (``Front`` needs military
  context there), and a dictionary hit must not bring back what those rules turned down.
- Dictionary terms are kept only in paragraphs whose neighbourhood (the paragraph and the
  ones before and after it) is dense with security words: at least :data:`MIN_DENSITY`
  per 1,000 words, counting curated hits (places and people aside) and dictionary terms.
  Defence and security reporting has far more (about 100 per 1,000 words); sport and
  culture writing uses a military word now and then as a metaphor ("die Bombe platzte",
  "der Mord an Caesar") and stays well below. So the layer adds vocabulary to the news it
  is for and stays quiet elsewhere.
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
#: Security words (curated hits and dictionary terms) per 1,000 words a paragraph's
#: neighbourhood needs for its dictionary terms to be shown.
MIN_DENSITY = 40.0
#: Curated hits of these kinds do not make a text about security.
_NEUTRAL_KINDS = frozenset({"place", "person"})


def curated_keys(german_terms: Iterable[str]) -> frozenset[str]:
    """Folded single-word German terms of the glossary (the words it decides about)."""
    return frozenset(fold(t) for t in german_terms if " " not in t.strip())


def dictionary_terms(
    article: Article,
    vocabulary: Vocabulary,
    hits: Iterable[TermHit],
    curated: frozenset[str] = frozenset(),
) -> list[TermHit]:
    """TermHits for the dictionary terms of ARTICLE outside the curated HITS.

    A curated entry always wins for the same words. CURATED are the glossary's own words
    (see :func:`curated_keys`).
    """
    from desktop.core.terms import DICTIONARY, TermHit

    curated_hits = list(hits)
    spans = sorted((h.start, h.end) for h in curated_hits)
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
            if not m.group()[0].isupper():
                continue  # German nouns are capitalised; other words are never terms
            start, end = sentence.start + m.start(), sentence.start + m.end()
            if not is_covered(start, end):
                tokens.append((sentence.id, start, end, _HYPHENS.sub("-", m.group())))
    verdicts = vocabulary.classify(word for _, _, _, word in tokens)
    allowed: dict[str, Verdict] = {
        word: v for word, v in verdicts.items() if not _curated(v, curated)
    }
    found: list[tuple[str, int, int, Verdict]] = [
        (sid, start, end, allowed[word]) for sid, start, end, word in tokens if word in allowed
    ]
    dense = _dense_sentences(article, curated_hits, [(sid, s) for sid, s, _, _ in found])
    result = []
    for sentence_id, start, end, verdict in found:
        if sentence_id not in dense:
            continue
        result.append(
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
    return result


def _dense_sentences(
    article: Article, curated: list[TermHit], candidates: list[tuple[str, int]]
) -> set[str]:
    """Ids of the sentences in paragraphs whose neighbourhood is dense with security words."""
    paragraph_of: dict[str, int] = {}
    words: list[int] = []
    for index, paragraph in enumerate(article.paragraphs):
        words.append(sum(len(s.text.split()) for s in paragraph.sentences))
        for sentence in paragraph.sentences:
            paragraph_of[sentence.id] = index
    signals = [0] * len(words)
    for hit in curated:
        if hit.kind not in _NEUTRAL_KINDS and hit.sentence_id in paragraph_of:
            signals[paragraph_of[hit.sentence_id]] += 1
    for sentence_id, _ in candidates:
        signals[paragraph_of[sentence_id]] += 1
    dense: set[str] = set()
    for index, paragraph in enumerate(article.paragraphs):
        near = range(max(0, index - 1), min(len(words), index + 2))
        count = sum(words[i] for i in near)
        if count and sum(signals[i] for i in near) * 1000 >= MIN_DENSITY * count:
            dense.update(s.id for s in paragraph.sentences)
    return dense


def _curated(verdict: Verdict, curated: frozenset[str]) -> bool:
    return fold(verdict.lemma) in curated or bool(verdict.head and fold(verdict.head) in curated)
