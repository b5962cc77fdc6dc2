"""Term check: does the English sentence use the glossary's rendering of each German hit?

English is matched case-insensitively with simple inflection (drone/drones, ally/allies,
the possessive 's); designators and acronyms (``KN-23``, ``HUR``) must appear exactly.
Spaces and hyphens between words are interchangeable (long-range / long range).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

_POSSESSIVE = r"(?:['\u2019]s|['\u2019])?"


@dataclass(frozen=True)
class TermIssue:
    """A glossary term whose English rendering is missing from the translated sentence."""

    entry_id: str
    message: str
    term: str = ""  # the German surface form
    expected: tuple[str, ...] = ()  # the accepted English renderings


def _word_pattern(word: str) -> str:
    if any(c.isdigit() for c in word) or (len(word) >= 2 and sum(c.isupper() for c in word) >= 2):
        return re.escape(word) + r"s?"  # KN-23s, HURs: plural/genitive only
    low = word.lower()
    if re.search(r"[^aeiou]y$", low):
        body = re.escape(low[:-1]) + r"(?:y|ies)"
    elif re.search(r"(?:s|x|z|ch|sh)$", low):
        body = re.escape(low) + r"(?:es)?"
    elif low.endswith("f"):
        body = re.escape(low[:-1]) + r"(?:f|fs|ves)"
    else:
        body = re.escape(low) + r"(?:s|es)?"
    return r"(?i:" + body + r")"


@lru_cache(maxsize=4096)
def english_pattern(term: str) -> re.Pattern:
    """Regex finding an English term with simple inflection on each word."""
    words = [w for w in re.split(r"[\s\-\u2010\u2011]+", term.strip()) if w]
    body = r"[\s\-\u2010\u2011]+".join(_word_pattern(w) for w in words)
    return re.compile(r"(?<!\w)" + body + _POSSESSIVE + r"(?!\w)")


def find_english(term: str, text: str) -> re.Match | None:
    """The first occurrence of ``term`` (inflected) in ``text``, or None."""
    return english_pattern(term).search(text)


def check_terms(termbase, hits: Iterable, targets: dict[str, str | None]) -> dict[str, list]:
    """For each sentence with a translation, the hits whose English rendering is missing."""
    issues: dict[str, list[TermIssue]] = {}
    seen: set[tuple[str, str]] = set()
    for hit in hits:
        target = targets.get(hit.sentence_id)
        if target is None or (hit.sentence_id, hit.entry_id) in seen:
            continue
        seen.add((hit.sentence_id, hit.entry_id))
        entry = termbase.get(hit.entry_id)
        if entry is None:
            continue
        accepted = list(entry.english_terms)
        if entry.do_not_translate:  # a name may stay exactly as written in German
            accepted += [*entry.german_terms, hit.text]
        if any(find_english(term, target) for term in dict.fromkeys(accepted)):
            continue
        message = f'"{hit.text}" should be rendered as "{entry.en}"'
        if entry.en_variants:
            message += " (or " + ", ".join(f'"{v}"' for v in entry.en_variants) + ")"
        issues.setdefault(hit.sentence_id, []).append(
            TermIssue(entry.id, message, hit.text, tuple(entry.english_terms))
        )
    return issues
