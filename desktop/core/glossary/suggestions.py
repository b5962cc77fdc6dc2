"""New-term suggestions: words the glossary does not know that look military or agency-like.

Kinds, strongest first: ``designator`` (Tu-22M3, S-400), ``alias`` (names after "bekannt
als", "genannt", "sogenannte"), ``acronym`` (SZRU, BfV), ``organisation`` (an institution
head with its complement, "Ministerium für Staatssicherheit", found by NLTK regexp
chunking over word-shape tags) and ``compound`` (a noun whose head is military:
Rüstungsindustrie, Marschflugkörper). Words inside glossary hits are not suggested, except
an acronym or designator that the hit's entry does not name (``KSK`` in ``KSK-Soldaten``,
a hit of Soldat). Forms are grouped by their Snowball stem, so plural and singular count
together. Designators and acronyms used more than once are always suggested, beyond the
limit: they are the terms a reader most often needs and the glossary most often lacks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from desktop.core.glossary.termbase import Termbase, fold

if TYPE_CHECKING:
    from desktop.core.documents import Article
    from desktop.core.glossary.matching import Hit

_WEIGHTS = {"designator": 3.0, "alias": 3.0, "acronym": 2.0, "organisation": 2.0, "compound": 1.5}
_DESIGNATOR = re.compile(
    r"(?<![\w-])[A-Z][A-Za-z]{0,11}-?\d{1,4}[A-Za-z0-9]*(?:-\d+[A-Za-z0-9]*)?(?![\w])"
)
# Designators without digits: capitals, a hyphen, one or two capitals (IRIS-T, SAMP-T).
_LETTER_DESIGNATOR = re.compile(r"(?<![\w-])[A-Z]{2,}-[A-Z]{1,2}(?![\w])")
# A designator may go on with a short acronym naming the variant: IRIS-T SLM, IRIS-T SLS.
_VARIANT = re.compile(r" [A-Z]{2,4}(?![\w-])")
_ACRONYM = re.compile(r"(?<![\w-])[A-ZÄÖÜ][A-Za-zÄÖÜ]{1,6}(?![\w])")
_ALIAS = re.compile(
    r"\b(?:bekannt als|genannt|sogenannte[nmrs]?|so genannte[nmrs]?|namens|Codename)\s+"
    r"([\"„»]?[A-Z][\w-]*(?:\s*(?:,|und|oder)\s*[\"„»]?[A-Z][\w-]*)*)"
)
_ALIAS_NAME = re.compile(r"[A-Z][\w-]*")
_WORD = re.compile(r"\w+(?:-\w+)*")
# Heads that make a compound military on their own.
_MILITARY_HEADS = (
    "rakete",
    "raketen",
    "drohne",
    "drohnen",
    "flugkorper",
    "panzer",
    "haubitze",
    "haubitzen",
    "abwehr",
    "geheimdienst",
    "nachrichtendienst",
    "truppe",
    "truppen",
    "streitkrafte",
    "brigade",
    "brigaden",
    "bataillon",
    "bataillone",
    "regiment",
    "division",
    "divisionen",
    "armee",
    "flotte",
    "bomber",
    "kampfjet",
    "kampfjets",
    "flugzeug",
    "flugzeuge",
    "hubschrauber",
    "munition",
    "granate",
    "granaten",
    "bombe",
    "bomben",
    "sprengkopf",
    "sprengkopfe",
    "marschflugkorper",
    "artillerie",
    "offensive",
    "gegenoffensive",
    "front",
    "soldaten",
)
# Generic heads that count only with a military modifier (Luftkampfsystem, not Schulsystem).
_GENERIC_HEADS = (
    "system",
    "systeme",
    "technologie",
    "technologien",
    "fahigkeit",
    "fahigkeiten",
    "programm",
    "programme",
    "industrie",
    "produktion",
    "fabrik",
    "fabriken",
    "lieferung",
    "lieferungen",
    "angriff",
    "angriffe",
    "einsatz",
    "einsatze",
    "konzern",
    "hersteller",
    "einheit",
    "einheiten",
)
_MILITARY_MODIFIERS = (
    "kampf",
    "waffe",
    "rakete",
    "drohne",
    "panzer",
    "militar",
    "rustung",
    "armee",
    "krieg",
    "front",
    "abwehr",
    "marine",
    "spionage",
    "geheim",
    "sanktion",
    "munition",
    "nuklear",
    "atom",
)
_ENDINGS = ("n", "en", "e", "s", "es")
_ORG_HEADS = (
    "amt",
    "ministerium",
    "behorde",
    "agentur",
    "dienst",
    "direktorat",
    "verwaltung",
    "kommando",
    "rat",
    "institut",
    "organisation",
    "komitee",
    "ausschuss",
    "stab",
    "korps",
)
_ORG_GRAMMAR = r"""
    ORG: {<HEAD><ART|PREP>+<ADJ>*<NOUN|ACR>}
    """


@cache
def _org_chunker() -> Any:
    # nltk loads on first use, not when the module is imported (start-up stays cheap).
    from nltk.chunk import RegexpParser

    return RegexpParser(_ORG_GRAMMAR)


_ARTICLES = {"der", "des", "den", "dem", "die", "das"}
_PREPOSITIONS = {"für", "zur", "zum", "von", "vom"}
# Frequent upper-case tokens that are not terms (news agencies, parties, units).
_NOT_ACRONYMS = {
    "AFP",
    "DPA",
    "dpa",
    "ARD",
    "ZDF",
    "CDU",
    "CSU",
    "SPD",
    "FDP",
    "AfD",
    "KI",
    "TV",
    "OK",
    "PDF",
    "CEO",
    "UTC",
    "MEZ",
    "GmbH",
    "AG",
    "Mio",
    "Mrd",
}


@dataclass
class Suggestion:
    """A term the glossary lacks, with where it occurs (sentence id, absolute offsets)."""

    term: str
    score: float
    kind: str
    contexts: list[tuple[str, int, int]] = field(default_factory=list)


def _is_acronym(word: str) -> bool:
    return sum(c.isupper() for c in word) >= 2 and not word[1:].islower()


def _shape(word: str) -> str:
    low = word.lower()
    if low in _ARTICLES:
        return "ART"
    if low in _PREPOSITIONS:
        return "PREP"
    if _is_acronym(word):
        return "ACR"
    if word[:1].isupper():
        return "HEAD" if fold(word).endswith(_ORG_HEADS) else "NOUN"
    return "ADJ" if re.search(r"(?:isch|lich|al|iv)(?:e|en|er|es|em)?$", low) else "O"


def _organisations(text: str) -> Iterator[tuple[int, int]]:
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    tagged = [(i, _shape(w)) for i, (w, _, _) in enumerate(words)]
    if not any(tag == "HEAD" for _, tag in tagged):
        return  # the chunker is the slow part; most sentences have no institution head
    for subtree in _org_chunker().parse(tagged).subtrees(lambda t: t.label() == "ORG"):
        first, last = subtree.leaves()[0][0], subtree.leaves()[-1][0]
        yield words[first][1], words[last][2]


def _designators(text: str) -> Iterator[tuple[int, int]]:
    for m in _DESIGNATOR.finditer(text):
        if re.search(r"[A-Za-z]", m.group()) and not re.fullmatch(r"[A-Z]\d{1,2}", m.group()):
            yield m.start(), m.end()
    for m in _LETTER_DESIGNATOR.finditer(text):
        if not any(part in _NOT_ACRONYMS for part in m.group().split("-")):
            yield m.start(), m.end()


def _candidates(text: str) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end) in one sentence; offsets relative to ``text``."""
    designators = []
    for start, end in _designators(text):
        variant = _VARIANT.match(text, end)
        if variant and variant.group().strip() not in _NOT_ACRONYMS:
            end = variant.end()
        designators.append((start, end))
        yield "designator", start, end
    for m in _ALIAS.finditer(text):
        for name in _ALIAS_NAME.finditer(m.group(1)):
            if name.group() not in ("und", "oder"):
                yield "alias", m.start(1) + name.start(), m.start(1) + name.end()
    for m in _ACRONYM.finditer(text):
        word = m.group()
        if any(s <= m.start() < e for s, e in designators):
            continue  # IRIS and SLM in IRIS-T SLM
        if _is_acronym(word) and word not in _NOT_ACRONYMS and not any(c.isdigit() for c in word):
            yield "acronym", m.start(), m.end()
    for start, end in _organisations(text):
        yield "organisation", start, end
    for m in _WORD.finditer(text):
        word = m.group()
        if not word[:1].isupper() or "-" in word or len(word) < 9:
            continue
        folded = fold(word)
        # try the word without a plural/genitive ending too: Rüstungsindustrie-n
        forms = [folded] + [folded[: -len(e)] for e in _ENDINGS if folded.endswith(e)]
        head = next((h for f in forms for h in _MILITARY_HEADS if f.endswith(h)), None)
        generic = next((h for f in forms for h in _GENERIC_HEADS if f.endswith(h)), None)
        if head and len(folded) - len(head) >= 4:
            yield "compound", m.start(), m.end()
        elif generic and any(mod in folded[: -len(generic)] for mod in _MILITARY_MODIFIERS):
            yield "compound", m.start(), m.end()


def suggest_terms(
    article: Article, termbase: Termbase, hits: Iterable[Hit] | None = None, limit: int = 50
) -> list[Suggestion]:
    """Ranked suggestions for terms in ``article`` that ``termbase`` does not know."""
    if hits is None:
        hits = termbase.matcher().match(article)
    covered: dict[str, list[tuple[int, int, str]]] = {}
    for hit in hits:
        covered.setdefault(hit.sentence_id, []).append((hit.start, hit.end, hit.entry_id))
    known = {fold(t) for e in termbase.entries for t in e.german_terms}
    from nltk.stem.snowball import GermanStemmer

    stemmer = GermanStemmer()
    groups: dict[str, Suggestion] = {}
    for sentence in article.sentences():
        spans = covered.get(sentence.id, [])
        for kind, start, end in _candidates(sentence.text):
            start, end = start + sentence.start, end + sentence.start
            surface = article.text[start:end]
            if fold(surface) in known or any(
                start < e and s < end and _names(termbase, entry_id, kind, surface)
                for s, e, entry_id in spans
            ):
                continue
            key = surface if kind in ("designator", "acronym") else stemmer.stem(fold(surface))
            group = groups.get(key)
            if group is None:
                group = groups[key] = Suggestion(surface, 0.0, kind)
            elif _WEIGHTS[kind] > _WEIGHTS[group.kind]:
                group.kind = kind
            if len(surface) < len(group.term):
                group.term = surface  # the shortest form is usually the base form
            if (sentence.id, start, end) not in group.contexts:
                group.contexts.append((sentence.id, start, end))
                # a sentence that already has glossary terms is a military context
                group.score += _WEIGHTS[kind] + (0.5 if spans else 0.0)
    ranked = sorted(groups.values(), key=lambda s: (-s.score, s.term.casefold()))
    return ranked[:limit] + [s for s in ranked[limit:] if _always(s)]


def _always(suggestion: Suggestion) -> bool:
    """A designator, or an acronym the article uses more than once."""
    return suggestion.kind == "designator" or (
        suggestion.kind == "acronym" and len(suggestion.contexts) > 1
    )


def _names(termbase: Termbase, entry_id: str, kind: str, surface: str) -> bool:
    """Does a hit of ENTRY_ID account for the candidate SURFACE it overlaps?

    Any hit does for words; an acronym or designator only if the entry has it in one of its
    German terms (``HUR`` in ``HUR-Chef``, a hit of HUR), not when the hit is of another part
    of the written word (``KSK`` in ``KSK-Soldaten``, a hit of Soldat).
    """
    if kind not in ("acronym", "designator"):
        return True
    entry = termbase.get(entry_id)
    if entry is None:
        return True
    key = fold(surface)
    return any(key in fold(term) for term in entry.german_terms)
