"""Judging a translated sentence: the flags that mark suspicious output (Qt-free).

- ``empty``: the output is empty although the source has text.
- ``copied_source``: the output is (nearly) the source copied through.
- ``repetition``: the output loops (a word or phrase repeated 3-4 times in a row), or runs
  to the decoder's length cap.
- ``length_ratio``: output/input token ratio is implausible (below 0.3 or above 4).
- ``designator_lost``: a designator or number of the source is not in the output.
- ``mask_restore_failed``: placeholders did not come back; the plain translation was used.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from desktop.core.translation import masking

# The decoder's output cap (tokens); an output that reaches it is a runaway loop.
MAX_DECODING_LENGTH = 256
FLAG_EMPTY = "empty"
FLAG_COPIED = "copied_source"
FLAG_REPETITION = "repetition"
FLAG_LENGTH = "length_ratio"
FLAG_DESIGNATOR_LOST = "designator_lost"
FLAG_RESTORE_FAILED = "mask_restore_failed"


def judge(
    src: str, target: str, n_in: int, n_out: int, flags: list[str] | None = None
) -> tuple[str, tuple[str, ...]]:
    """(target, flags) for a finished sentence: designator check plus quality flags."""
    flags = list(flags or [])
    if masking.missing_designators(src, target):
        flags.append(FLAG_DESIGNATOR_LOST)
    flags.extend(quality_flags(src, target, n_in, n_out))
    return target, tuple(dict.fromkeys(flags))


_WORD = re.compile(r"\w+", re.UNICODE)


def _loops(words: list[str]) -> bool:
    for n in range(1, 5):
        need = 4 if n == 1 else 3
        for start in range(0, len(words) - n * need + 1):
            gram = words[start : start + n]
            if all(words[start + k * n : start + (k + 1) * n] == gram for k in range(1, need)):
                return True
    return False


def quality_flags(source: str, target: str, n_in: int, n_out: int) -> list[str]:
    """Suspicion flags for one translated sentence (see the module docstring)."""
    if not _WORD.search(source):
        return []
    if not target.strip():
        return [FLAG_EMPTY]
    flags = []
    src_norm = " ".join(_WORD.findall(source.casefold()))
    tgt_norm = " ".join(_WORD.findall(target.casefold()))
    designators = {d.casefold() for _, _, d in masking.find_designators(source)}
    only_designators = set(_WORD.findall(src_norm)) <= designators
    if (
        len(src_norm) >= 12
        and not only_designators
        and (src_norm == tgt_norm or SequenceMatcher(None, src_norm, tgt_norm).ratio() >= 0.9)
    ):
        flags.append(FLAG_COPIED)
    if _loops(tgt_norm.split()) or n_out >= MAX_DECODING_LENGTH:
        flags.append(FLAG_REPETITION)
    if n_in >= 4 and not 0.3 <= n_out / n_in <= 4.0:
        flags.append(FLAG_LENGTH)
    return flags
