"""Term check: does the English sentence use the glossary's rendering of each German hit?

English is matched case-insensitively with simple inflection (drone/drones, ally/allies,
the possessive 's); designators and acronyms (``KN-23``, ``HUR``) must appear exactly.
Spaces and hyphens between words are interchangeable (long-range / long range).

Besides glossary hits, the hits may include *dictionary terms* (``source == "dictionary"``:
the article terms of :mod:`desktop.core.terms`, which this package does not import). Any
of their English senses counts as a rendering; they take their spans after every glossary
hit has taken its own, and a missing one is only a soft note (``TermIssue.soft``): the
dictionary lists a few senses of a word, not the rendering a translator must use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from desktop.core.glossary.termbase import Entry

if TYPE_CHECKING:
    from desktop.core.glossary.matching import Hit
    from desktop.core.glossary.termbase import Termbase

DICTIONARY = "dictionary"


class SensedHit(Protocol):
    """A dictionary term of an article (``desktop.core.terms.TermHit``): key, senses."""

    @property
    def source(self) -> str: ...
    @property
    def key(self) -> str: ...
    @property
    def de(self) -> str: ...
    @property
    def en(self) -> tuple[str, ...]: ...
    @property
    def entry_id(self) -> str: ...
    @property
    def sentence_id(self) -> str: ...
    @property
    def text(self) -> str: ...


_POSSESSIVE = r"(?:['\u2019]s|['\u2019])?"


@dataclass(frozen=True)
class TermIssue:
    """A glossary term whose English rendering is missing from the translated sentence."""

    entry_id: str
    message: str
    term: str = ""  # the German surface form
    expected: tuple[str, ...] = ()  # the accepted English renderings
    soft: bool = False  # a dictionary term: a note, not a glossary violation


@dataclass(frozen=True)
class RenderingSpan:
    """Where a glossary entry's English rendering occurs in a translated sentence."""

    start: int
    end: int
    entry: Entry  # for a dictionary term: an Entry made from it (source "dictionary")

    @property
    def source(self) -> str:
        """``"dictionary"`` for a dictionary term, else ``"glossary"``."""
        return DICTIONARY if self.entry.source == DICTIONARY else "glossary"


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
def english_pattern(term: str) -> re.Pattern[str]:
    """Regex finding an English term with simple inflection on each word."""
    words = [w for w in re.split(r"[\s\-\u2010\u2011]+", term.strip()) if w]
    body = r"[\s\-\u2010\u2011]+".join(_word_pattern(w) for w in words)
    return re.compile(r"(?<!\w)" + body + _POSSESSIVE + r"(?!\w)")


def find_english(term: str, text: str) -> re.Match[str] | None:
    """The first occurrence of ``term`` (inflected) in ``text``, or None."""
    return english_pattern(term).search(text)


def renderings(entry: Entry, hit_text: str) -> list[str]:
    """The English forms that render ENTRY, longest first.

    A ``do_not_translate`` entry may also stay exactly as written in German (the hit's own
    text and the entry's German terms).
    """
    forms = list(entry.english_terms)
    if entry.do_not_translate:
        forms += [hit_text, *entry.german_terms]
    return sorted({f for f in forms if f}, key=len, reverse=True)


def dictionary_entry(hit: SensedHit) -> Entry:
    """A dictionary term as an Entry (id = its key, English = its senses) for showing."""
    senses = tuple(s for s in hit.en if s)
    return Entry(
        hit.key,
        hit.de,
        senses[0] if senses else "",
        DICTIONARY,
        en_variants=senses[1:],
        source=DICTIONARY,
    )


def _is_dictionary(hit: Hit | SensedHit) -> bool:
    return getattr(hit, "source", "") == DICTIONARY


def _entry_of(termbase: Termbase, hit: Hit | SensedHit) -> Entry | None:
    if _is_dictionary(hit):
        return dictionary_entry(hit)  # type: ignore[arg-type]
    return termbase.get(hit.entry_id)


def rendering_spans(
    termbase: Termbase, hits: Iterable[Hit | SensedHit], target: str
) -> list[RenderingSpan]:
    """Where each hit's English rendering occurs in TARGET, without overlaps, in text order.

    The one rule used by the English pane, the bilingual export and the term check: for
    each hit (in the order given, glossary hits before dictionary terms), the longest
    accepted form that occurs in TARGET and does not overlap a span already taken.
    """
    found: list[RenderingSpan] = []
    ordered = sorted(hits, key=_is_dictionary)  # stable: the given order within each kind
    for hit in ordered:
        entry = _entry_of(termbase, hit)
        if entry is None or not entry.en:
            continue
        for form in renderings(entry, hit.text):
            match = _free_match(form, target, found)
            if match is not None:
                found.append(RenderingSpan(match[0], match[1], entry))
                break
    return sorted(found, key=lambda span: (span.start, span.end))


def _free_match(form: str, target: str, taken: list[RenderingSpan]) -> tuple[int, int] | None:
    for match in english_pattern(form).finditer(target):
        start, end = match.span()
        if not any(s.start < end and start < s.end for s in taken):
            return start, end
    return None


def check_terms(
    termbase: Termbase, hits: Iterable[Hit | SensedHit], targets: Mapping[str, str | None]
) -> dict[str, list[TermIssue]]:
    """For each sentence with a translation, the hits whose English rendering is missing.

    A glossary hit without its rendering is an issue; a dictionary term none of whose
    senses is in the sentence is a soft note (``soft=True``), listed after the issues.
    """
    issues: dict[str, list[TermIssue]] = {}
    notes: dict[str, list[TermIssue]] = {}
    seen: set[tuple[str, str]] = set()
    for hit in hits:
        target = targets.get(hit.sentence_id)
        if target is None or (hit.sentence_id, hit.entry_id) in seen:
            continue
        seen.add((hit.sentence_id, hit.entry_id))
        entry = _entry_of(termbase, hit)
        if entry is None or not entry.en:
            continue
        if rendering_spans(termbase, [hit], target):
            continue
        if entry.source == DICTIONARY:
            senses = ", ".join(f'"{v}"' for v in entry.english_terms)
            message = f'note: "{hit.text}" ({entry.de}) may mean {senses}; none is in the text'
            notes.setdefault(hit.sentence_id, []).append(
                TermIssue(entry.id, message, hit.text, tuple(entry.english_terms), soft=True)
            )
            continue
        message = f'"{hit.text}" should be rendered as "{entry.en}"'
        if entry.en_variants:
            message += " (or " + ", ".join(f'"{v}"' for v in entry.en_variants) + ")"
        issues.setdefault(hit.sentence_id, []).append(
            TermIssue(entry.id, message, hit.text, tuple(entry.english_terms))
        )
    for sentence_id, soft in notes.items():
        issues.setdefault(sentence_id, []).extend(soft)
    return issues
