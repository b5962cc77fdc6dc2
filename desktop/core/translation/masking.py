"""Designators that must survive translation exactly: find, mask, restore, verify.

A *designator* is a run of ASCII letters and digits, possibly joined by ``-``, ``/``, ``.``
or ``,`` (``KN-23``, ``Shahed-136``, ``Tu-22M3``, ``IRIS-T``, ``1.000``, ``3,5``), that either
contains a digit or is an all-caps acronym of two or more letters (``HUR``, ``FSB``). German
compounds that merely start with one (``KN-23-Raketen``, ``F-16-Kampfjets``) contribute only
the designator part (``KN-23``, ``F-16``); ordinary words (``Shahed-Drohnen``) are not masked.

Numbers are compared by value, not by spelling: German writes ``2.000`` and ``1,5`` where
English writes ``2,000`` and ``1.5``, so a translation that localises a number keeps it,
and a number restored from a placeholder is written in the target language's style.

Masking replaces each designator by a placeholder ``XYA``, ``XYB``, ... The placeholder
style was chosen by experiment with the Chinese->English Argos model: of ``X1``, ``[1]``,
``<1>``, ``#1``, ``ZX1``, ``QQ1`` and ``XYA``, only ``XYA``-style letters came back exactly
once in every test sentence (digits inside placeholders get re-formatted or merged; angle
brackets are dropped).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_RUN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]+(?:[-/.,][A-Za-z0-9]+)*(?![A-Za-z0-9])")
_SEP = re.compile(r"([-/.,])")
_CJK_UNITS = set("十百千万亿")
# Whole tokens only: "XYAS" is not the placeholder XYA followed by an S.
_PLACEHOLDER = re.compile(r"(?<![A-Za-z])XY[A-Z]{1,2}(?![A-Za-z])")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Languages that write a decimal comma (and group thousands with a period or a space).
DECIMAL_COMMA = frozenset(
    "de fr es it pt nl pl ru uk cs sk sl hr sr bg ro tr sv da nb fi et lt lv el id az".split()
)


def _number_values(number: str) -> set[float]:
    """The values a written number can mean: read with a decimal point and with a comma."""
    values = set()
    for thousands, decimal in ((",", "."), (".", ",")):
        groups = number.split(decimal)
        if len(groups) > 2:
            continue
        whole = groups[0].split(thousands)
        # Thousands groups have three digits; otherwise the separator is not one.
        if len(whole) > 1 and not all(len(g) == 3 for g in whole[1:]):
            continue
        text = "".join(whole) + ("." + groups[1] if len(groups) == 2 else "")
        values.add(float(text))
    return values


def localise_number(number: str, source_lang: str, target_lang: str) -> str:
    """Write a number in the target language's style (``1.000,5`` -> ``1,000.5`` for de->en)."""
    if (source_lang in DECIMAL_COMMA) == (target_lang in DECIMAL_COMMA):
        return number
    return number.translate(str.maketrans(".,", ",."))


def _is_key_part(part: str) -> bool:
    """A part that makes a designator: has a digit, or is upper case (``T`` in IRIS-T)."""
    return any(c.isdigit() for c in part) or (part.isalpha() and part.isupper())


def _designator_in(run: str) -> str | None:
    """The designator at the start of a run of letters/digits, or None."""
    pieces = _SEP.split(run)  # parts at even indexes, separators between them
    parts = pieces[0::2]
    last = max((i for i, p in enumerate(parts) if _is_key_part(p)), default=-1)
    if last < 0:
        return None
    candidate = "".join(pieces[: 2 * last + 1])
    letters = [c for c in candidate if c.isalpha()]
    has_digit = any(c.isdigit() for c in candidate)
    # A lone capital letter ("A", "T") is a word, not an acronym.
    if not has_digit and (len(letters) < 2 or not all(c.isupper() for c in letters)):
        return None
    return candidate


def find_designators(text: str) -> list[tuple[int, int, str]]:
    """All designators in text as (start, end, designator), in order."""
    found = []
    for m in _RUN.finditer(text):
        des = _designator_in(m.group())
        # "610亿" is 61 billion: a number bound to a CJK numeral unit is not kept as is.
        end = m.start() + len(des) if des else 0
        if des and des.isdigit() and text[end : end + 1] in _CJK_UNITS:
            continue
        if des:
            found.append((m.start(), m.start() + len(des), des))
    return found


def _placeholder(i: int) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if i < 26:
        return "XY" + letters[i]
    return "XY" + letters[(i // 26) - 1] + letters[i % 26]


@dataclass(frozen=True)
class Masked:
    """A masked sentence and the placeholder -> designator map to undo it."""

    text: str
    mapping: dict[str, str]


def mask(text: str, source_lang: str = "", target_lang: str = "") -> Masked | None:
    """Replace designators by placeholders; None if there is nothing (safe) to mask.

    Numbers come back in the target language's style (see ``localise_number``).
    """
    spans = find_designators(text)
    if not spans or _PLACEHOLDER.search(text) or len(spans) > 26 * 27:
        return None
    out, mapping, pos = [], {}, 0
    for i, (start, end, des) in enumerate(spans):
        ph = _placeholder(i)
        out.append(text[pos:start])
        out.append(ph)
        if _NUMBER.fullmatch(des):
            des = localise_number(des, source_lang, target_lang)
        mapping[ph] = des
        pos = end
    out.append(text[pos:])
    return Masked("".join(out), mapping)


def restore(translated: str, masked: Masked) -> str | None:
    """Put the designators back; None unless every placeholder came back exactly once."""
    found = _PLACEHOLDER.findall(translated)
    if sorted(found) != sorted(masked.mapping):
        return None
    return _PLACEHOLDER.sub(lambda m: masked.mapping[m.group()], translated)


# English writes small numbers as words ("three drones" for "3 Drohnen"); a number so
# written is kept, and a masked retry would only make the sentence worse ("the 3 drone").
# "zero" and "one" are left out: "one" is as often a pronoun ("another one") as a number.
_NUMBER_WORDS = {
    word: float(value)
    for value, word in enumerate(
        "- - two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
    if word != "-"
}
_WORD = re.compile(r"[A-Za-z]+")


def missing_designators(source: str, target: str) -> list[str]:
    """Designators of source that target lacks: spelled exactly, numbers by value.

    An English plural of a designator keeps it (``F-16s``, ``KN-23's``); a small whole
    number may come back as an English word (``3`` as ``three``).
    """
    want = Counter(des for _, _, des in find_designators(source))
    target_numbers = [_number_values(n) for n in _NUMBER.findall(target)]
    target_words = [_NUMBER_WORDS[w] for w in _WORD.findall(target.lower()) if w in _NUMBER_WORDS]
    missing = []
    for des, n in want.items():
        if _NUMBER.fullmatch(des):
            values = _number_values(des)
            found = sum(1 for v in target_numbers if v & values)
            if des.isdigit():  # a plain whole number (not "1.000", which may mean 1.0)
                found += sum(1 for v in target_words if v in values)
        else:
            pattern = r"(?<![A-Za-z0-9])" + re.escape(des) + r"(?:'?s)?(?![A-Za-z0-9])"
            found = len(re.findall(pattern, target))
        if found < n:
            missing.append(des)
    return missing
