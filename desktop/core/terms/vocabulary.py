"""What the Ding dictionary says about security words: which German nouns are terms.

A German noun is a *dictionary term* when its Ding senses are mostly security senses:

- a sense tagged ``[mil.]``, or naming the police, military, intelligence or terrorism in
  its ``(context)`` (:data:`CONTEXT_WORDS`), counts twice; a sense tagged ``[pol.]`` or
  ``[jur.]`` and nothing else (``[hist.]`` aside) counts once: Ding also gives ``[pol.]``
  to the political use of everyday words, and then mostly beside ``[soc.]``, ``[adm.]``
  or ``[geogr.]`` (Region, Akteur, Reaktion);
- that count is at least the number of its other noun senses (Rakete: 2 against 2;
  Termin: 1 against 8);
- none of its senses belongs to a field where the same word means something else in
  everyday, sport or culture writing (:data:`RIVAL_SUBJECTS`: ``Angriff`` is also a sport
  word, ``Mine`` a mining word); and
- it is not one of the everyday words of all news (:data:`~.wordlists.COMMON_WORDS`:
  Regierung, Partei, Vertrag).

Such a word is *strong*; a tagged word that fails one of the two tests is *weak*. A word
the dictionary does not list as a term may still be one by its compound head: the head is
strong (``Munitionsdepots``: Depot [mil.]), or the head is weak and the modifier strong
(``Raketenangriffe``: Rakete [mil.] + Angriff, which is also sport). Either way the
modifier must be a word the dictionary knows (with a linking element, or as a verb stem),
so a compound is split only at a real part boundary.

The word lists come from one pass over the tagged lines of the index (about a second, once
per index file and process); each open Dictionary gets a Vocabulary that caches every word
it classified, so the words of an article cost one batch of SQLite queries, and a word
seen before costs nothing.
"""

from __future__ import annotations

import re
import threading
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from desktop.core.dictionary import fold
from desktop.core.dictionary.ding import NOUN_CODES, SubEntry, parse_subentries
from desktop.core.dictionary.index import KIND_PREFIX
from desktop.core.terms.wordlists import COMMON_WORDS, STOP_WORDS

if TYPE_CHECKING:
    from collections.abc import Iterable

    from desktop.core.dictionary import Dictionary
    from desktop.core.dictionary.lookup import Hit

#: Subject tags that make a sense a security sense. ``[adm.]`` (administration) is left out:
#: Ding gives it to Mitglied, Motorrad and kurzfristig.
SUBJECTS = frozenset({"mil.", "pol.", "jur."})
MILITARY = "mil."
#: Tags a [pol.] or [jur.] sense may carry beside them and still count.
_POLITICAL_COMPANIONS = SUBJECTS | {"hist."}
#: Words in a sense's (context) that make it a security sense: "Kriminaldienst (Polizei)".
CONTEXT_WORDS = (
    "Polizei",
    "Militär",
    "Terror",
    "Geheimdienst",
    "Nachrichtendienst",
    "Spionage",
    "police",
    "military",
    "terroris",
    "intelligence service",
)
#: Fields whose senses make a word ambiguous in everyday, sport and culture writing.
RIVAL_SUBJECTS = frozenset(
    {
        "sport", "mus.", "art", "lit.", "print", "photo.", "cook.", "textil.", "school",
        "school.", "stud.", "ornith.", "zool.", "bot.", "myc.", "biol.", "anat.", "med.",
        "min.", "geol.", "meteo.", "astron.", "astrol.", "agr.", "relig.", "games", "ling.",
    }
)  # fmt: skip
STRONG, WEAK, NONE = 2, 1, 0
MIN_WORD = 4  #: shorter capitalised words are abbreviations or names
MIN_HEAD = 4
MIN_MODIFIER = 3
MAX_SENSES = 4
_ENDINGS = ("es", "s", "en", "n", "e", "ns")
# "er" is left out: its compounds start with a plural that is a word itself (Kinder-).
_LINKS = ("s", "es", "n", "en", "e", "ns")
_COMMON = frozenset(fold(w) for w in COMMON_WORDS)
_STOP = frozenset(fold(w) for w in STOP_WORDS)
_SENSE_NOISE = re.compile(
    r"\([^()]*\)|\[[^\[\]]*\]|\{[^{}]*\}|<[^<>]*>|/[^/\s][^/]*/|(?<!\S)/\S*|\S*/(?!\S)"
)
_PLACEHOLDER = re.compile(r"\b(?:sb|sth)\.(?:['’]s)?|\bone['’]s\b|\bsomebody\b|\bsomething\b")
_SPACES = re.compile(r"\s+")
_MAX_CACHED = 200_000
_ADJECTIVAL = frozenset({"m", "f"})  # both genders: a noun made from an adjective
# "{m}", "{pl}", "{m,f}" ... in a line's raw text
_NOUN_MARK = re.compile(r"\{(?:" + "|".join(sorted(NOUN_CODES)) + r")\s*[,;}]")


@dataclass(frozen=True)
class Reading:
    """What the dictionary says about one German form (as a noun)."""

    lemma: str  #: the base headword ("Anschlag" for "Anschläge"); "" if not listed as a noun
    en: tuple[str, ...] = ()  #: a few English senses, security senses first
    strength: int = NONE
    rival: bool = False  #: has a sense in another field (sport, mining, weather ...)


@dataclass(frozen=True)
class Verdict:
    """A word of an article that is a dictionary term: its lemma and English senses."""

    lemma: str
    en: tuple[str, ...]
    head: str = ""  #: for a compound the dictionary does not list: its head's lemma


class Vocabulary:
    """The security nouns of one Dictionary, and a cache of classified words."""

    def __init__(self, dictionary: Dictionary) -> None:
        self.dictionary = dictionary
        self._lock = threading.Lock()
        self.keys: frozenset[str] = frozenset()  #: folded forms of security nouns
        self._heads: frozenset[str] = frozenset()
        self._verdicts: dict[str, Verdict | None] = {}
        self._readings: dict[str, Reading] = {}
        self._known: dict[str, bool] = {}  #: a form the dictionary lists at all
        #: parsed noun sub-entries by (line, position); None for one that is no noun
        self._subs: dict[tuple[int, int], _Sub | None] = {}
        self._build()

    def _build(self) -> None:
        # The lists depend only on the index file: Dictionaries opened on the same index
        # (the window's, the library's) share them instead of scanning it again.
        index = self.dictionary.index
        try:
            stamp = (str(index), index.stat().st_mtime_ns)
        except OSError:
            stamp = None
        with _KEYS_LOCK:
            cached = _KEYS.get(stamp) if stamp is not None else None
        if cached is None:
            cached = self._scan()
            if stamp is not None:
                with _KEYS_LOCK:
                    _KEYS.clear()  # one index at a time is in use
                    _KEYS[stamp] = cached
        self.keys, self._heads = cached

    def _scan(self) -> tuple[frozenset[str], frozenset[str]]:
        """The folded forms of security nouns, and those forms with the endings heads add."""
        markers = [f"[{s}]" for s in SUBJECTS] + list(CONTEXT_WORDS)
        keys: set[str] = set()
        for _, text in self.dictionary.lines_containing(markers):
            for sub, subjects in parse_subentries(text, keep=_has_noun_mark):
                if not _security_weight(sub, subjects) or not any(t.is_noun for t in sub.german):
                    continue
                for term in sub.german:
                    word = term.bare()
                    if word and " " not in word and len(word) >= MIN_HEAD:
                        keys.add(fold(word))
        # a head may carry a case or plural ending the list lacks (Depot-s, Kaserne-n)
        heads = keys | {k + e for k in keys for e in _ENDINGS}
        return frozenset(keys), frozenset(heads)

    # --- classifying the words of an article -------------------------------------------------

    def classify(self, words: Iterable[str]) -> dict[str, Verdict]:
        """The dictionary terms among WORDS (distinct surface forms), by surface form."""
        words = list(dict.fromkeys(words))
        with self._lock:
            todo = [w for w in words if w not in self._verdicts]
            if todo:
                if len(self._verdicts) > _MAX_CACHED:  # bound memory over many articles
                    self._verdicts.clear()
                self._classify(todo)
            return {w: v for w in words if (v := self._verdicts.get(w)) is not None}

    def _classify(self, words: list[str]) -> None:
        plans: dict[str, _Plan] = {}
        for word in words:
            plan = self._plan(word)
            if plan is None:
                self._verdicts[word] = None
            else:
                plans[word] = plan
        needed = {text for plan in plans.values() for text in plan.texts()}
        self._read(needed)
        for word, plan in plans.items():
            self._verdicts[word] = self._decide(plan)

    def _plan(self, word: str) -> _Plan | None:
        """What to look up for WORD, or None when it cannot be a term."""
        if len(word) < MIN_WORD or not word[:1].isupper() or not word.replace("-", "").isalpha():
            return None
        if word.isupper() or sum(c.isupper() for c in word) > 1 + word.count("-"):
            return None  # acronyms and names like McAllister: the glossary's suggestions
        folded = fold(word)
        if folded in _STOP:
            return None
        if "-" in word:
            pieces = [p for p in word.split("-") if p]
            if len(pieces) < 2 or len(pieces[-1]) < MIN_HEAD:
                return None
            head = pieces[-1]
            modifier = "-".join(pieces[:-1])
            return _Plan(word, forms=(), splits=((modifier, _forms(head), True),))
        forms = _forms(word)
        if any(fold(f) in self.keys for f in forms):
            return _Plan(word, forms=forms, splits=self._splits(word))
        splits = self._splits(word)
        if not splits:
            return None
        return _Plan(word, forms=forms, splits=splits)

    def _splits(self, word: str) -> tuple[tuple[str, tuple[str, ...], bool], ...]:
        """(modifier, head forms, hyphenated) for the two longest security heads of WORD."""
        if len(word) < MIN_MODIFIER + MIN_HEAD:
            return ()
        folded = fold(word)
        if len(folded) != len(word):
            return ()  # ß: offsets would not line up; rare enough to skip
        heads = self._heads
        found: list[tuple[str, tuple[str, ...], bool]] = []
        for cut in range(MIN_MODIFIER, len(word) - MIN_HEAD + 1):
            if folded[cut:] in heads:
                head = word[cut:]
                head = head[:1].upper() + head[1:]
                found.append((word[:cut], _forms(head), False))
                if len(found) == 2:
                    break
        return tuple(found)

    def _read(self, texts: set[str]) -> None:
        """Readings of TEXTS not read yet, each the reading of its lemma.

        Two rounds of batch queries: the forms, then the lemmas they point to (a plural
        such as ``Termine`` is listed under only some senses of ``Termin``).
        """
        todo = [t for t in texts if t not in self._readings]
        if not todo:
            return
        if len(self._readings) > _MAX_CACHED:
            self._readings.clear()
            self._known.clear()
        first = self._rows(todo)
        lemmas = {r.lemma for r in first.values() if r.lemma and r.lemma not in self._readings}
        lemmas -= set(todo)
        second = self._rows(sorted(lemmas)) if lemmas else {}
        for text, reading in first.items():
            lemma = reading.lemma
            base = second.get(lemma) or first.get(lemma) or self._readings.get(lemma)
            self._readings[text] = base if base is not None and base.lemma else reading
        for lemma, reading in second.items():
            self._readings.setdefault(lemma, reading)

    def _rows(self, texts: list[str]) -> dict[str, Reading]:
        hits = self.dictionary.german_hits_many(texts)
        subs = self._subs
        if len(subs) > _MAX_CACHED:
            subs.clear()
        wanted = {(h.line, h.pos) for found in hits.values() for h in found} - subs.keys()
        lines = self.dictionary.line_texts({line for line, _ in wanted})
        positions: dict[int, list[int]] = {}
        for line, pos in sorted(wanted):
            positions.setdefault(line, []).append(pos)
        for line, text in lines.items():
            wanted_here = positions[line]
            for pos in wanted_here:
                subs[(line, pos)] = None  # not a noun: never parsed again
            # only nouns can be terms: verb and adjective senses are not even parsed; the
            # main sub-entry tells whether the line is an adjective used as a noun
            parsed = parse_subentries(text, sorted({0, *wanted_here}), _has_noun_mark)
            adjectival = bool(parsed) and parsed[0][0].pos == 0 and _is_adjectival(parsed[0][0])
            for sub, subjects in parsed:
                if sub.pos in wanted_here:
                    subs[(line, sub.pos)] = _Sub(sub, subjects, adjectival)
        readings = {}
        for text in texts:
            found = hits.get(text, ())
            # as written, umlauts included: "Wahlt" is not "wählt"
            self._known.setdefault(text, any(h.exact for h in found))
            readings[text] = _reading(found, subs)
        return readings

    def _reading_of(self, forms: Iterable[str]) -> Reading:
        """The first of FORMS the dictionary lists as a noun, security readings first."""
        best = Reading("")
        for form in forms:
            reading = self._readings.get(form, Reading(""))
            if reading.strength > best.strength:
                best = reading
            elif not best.lemma and reading.lemma:
                best = reading
        return best

    def _decide(self, plan: _Plan) -> Verdict | None:
        whole = self._reading_of(plan.forms)
        if whole.strength == STRONG:
            return Verdict(whole.lemma, whole.en)
        if whole.lemma and whole.rival and whole.strength == NONE:
            return None  # listed, in another field: Goldmine, Wetterfront
        for modifier, head_forms, hyphenated in plan.splits:
            head = self._reading_of(head_forms)
            if head.strength == NONE:
                continue
            mod_forms = _modifier_forms(modifier) if not hyphenated else (modifier,)
            mod = self._reading_of(mod_forms)
            known = hyphenated or any(self._known.get(f) for f in mod_forms)
            if not known:
                continue  # not a real part: Wahlter|mine
            if head.strength == STRONG or mod.strength == STRONG:
                lemma = f"{modifier}-{head.lemma}" if hyphenated else modifier + head.lemma.lower()
                return Verdict(lemma, _compound_senses(mod, head), head.lemma)
        return None


@dataclass(frozen=True)
class _Plan:
    word: str
    forms: tuple[str, ...]  #: the word and its base forms, looked up whole
    splits: tuple[tuple[str, tuple[str, ...], bool], ...]  #: (modifier, head forms, hyphen)

    def texts(self) -> set[str]:
        texts = set(self.forms)
        for modifier, head_forms, hyphenated in self.splits:
            texts.update(head_forms)
            texts.update((modifier,) if hyphenated else _modifier_forms(modifier))
        return texts


def _forms(word: str) -> tuple[str, ...]:
    """WORD, and WORD without a case or plural ending; irregular plurals (Anschläge) are
    forms the dictionary lists itself, so no lemmatiser is needed."""
    forms = [word]
    forms += [word[: -len(e)] for e in _ENDINGS if word.endswith(e) and len(word) - len(e) >= 3]
    return tuple(dict.fromkeys(forms))


def _has_noun_mark(german: str) -> bool:
    return _NOUN_MARK.search(german) is not None


def _modifier_forms(modifier: str) -> tuple[str, ...]:
    """A compound's first part as a word: as written, without a linking element, as a stem."""
    base = modifier[:1].upper() + modifier[1:]
    forms = [base]
    forms += [base[: -len(k)] for k in _LINKS if base.endswith(k) and len(base) - len(k) >= 3]
    forms += [modifier.lower() + "en", base + "e"]  # abfang-en (a verb), Schul-e
    return tuple(dict.fromkeys(f for f in forms if len(f) >= MIN_MODIFIER))


def _security_weight(sub: SubEntry, subjects: tuple[str, ...]) -> int:
    """2 for a military sense, 1 for a purely political or legal one, else 0.

    SUBJECTS are the sub-entry's tags, else those of its line's main sub-entry.
    """
    if MILITARY in subjects:
        return 2
    contexts = " ".join(c for t in (*sub.german, *sub.english) for c in t.contexts)
    if contexts and any(word in contexts for word in CONTEXT_WORDS):
        return 2
    if SUBJECTS.intersection(subjects) and _POLITICAL_COMPANIONS.issuperset(subjects):
        return 1
    return 0


class _Sub(NamedTuple):
    """A parsed noun sub-entry, its subject tags, and whether its line is adjectival."""

    sub: SubEntry
    subjects: tuple[str, ...]
    adjectival: bool


def _is_adjectival(sub: SubEntry) -> bool:
    """ "Rote {m,f}" (a red): an adjective used as a noun, marked with both genders."""
    return any(_ADJECTIVAL.issubset(t.grammar) for t in sub.german)


def _reading(hits: Iterable[Hit], subs: dict[tuple[int, int], _Sub | None]) -> Reading:
    security_lemma = other_lemma = ""
    security_weight = plain_count = 0
    adjectival = False
    security_senses: list[str] = []
    other_senses: list[str] = []
    rival = False
    for hit in hits:
        found = subs.get((hit.line, hit.pos))
        if found is None or hit.kind == KIND_PREFIX:
            continue
        sub, subjects, adjectival_line = found
        if not sub.german:
            continue
        term = sub.german[hit.syn] if hit.syn < len(sub.german) else sub.german[0]
        if not (term.is_noun or (not term.grammar and any(t.is_noun for t in sub.german))):
            continue
        if adjectival_line or _is_adjectival(sub):
            # "Rote {m,f}" (a red), "Roten {pl}": an adjective used as a noun; capitalised
            # in a name (im Roten Meer, die Rote Armee) it is the adjective: no term
            adjectival = True
            continue
        senses = [s for s in (_clean_sense(t.display()) for t in sub.english) if s]
        weight = _security_weight(sub, subjects)
        if weight:
            security_lemma = security_lemma or term.bare()
            security_senses += senses
            security_weight += weight
        else:
            if RIVAL_SUBJECTS.intersection(subjects):
                rival = True
            else:
                plain_count += 1
            other_lemma = other_lemma or term.bare()
            other_senses += senses
    lemma = security_lemma or other_lemma
    if not lemma or adjectival:
        return Reading("")
    en = _distinct([*security_senses, *other_senses])
    if not security_lemma:
        return Reading(lemma, en, NONE, rival)
    mostly = security_weight >= plain_count
    strong = mostly and not rival and fold(lemma) not in _COMMON
    return Reading(lemma, en, STRONG if strong else WEAK, rival)


def _distinct(senses: Iterable[str]) -> tuple[str, ...]:
    """The first MAX_SENSES senses, without repeats that differ only in case."""
    kept: dict[str, str] = {}
    for sense in senses:
        kept.setdefault(sense.casefold(), sense)
    return tuple(kept.values())[:MAX_SENSES]


def _clean_sense(text: str) -> str:
    """An English sense for showing and for the term check: no markup or placeholders."""
    text = _SENSE_NOISE.sub(" ", text)
    text = _PLACEHOLDER.sub(" ", text)
    text = _SPACES.sub(" ", text).strip(" ,;:.-")
    if text.startswith("to "):
        text = text[3:]
    return text


def _compound_senses(mod: Reading, head: Reading) -> tuple[str, ...]:
    """English for a compound the dictionary does not list: "modifier head", then the head."""
    senses: list[str] = []
    short = [sense for sense in mod.en if len(sense.split()) == 1]
    if short and head.en:
        senses.append(f"{short[0]} {head.en[0]}")
    senses += head.en
    return _distinct(senses)


_KEYS: dict[tuple[str, int], tuple[frozenset[str], frozenset[str]]] = {}
_KEYS_LOCK = threading.Lock()
_VOCABULARIES: weakref.WeakKeyDictionary[Dictionary, Vocabulary] = weakref.WeakKeyDictionary()
_VOCABULARIES_LOCK = threading.Lock()


def vocabulary_for(dictionary: Dictionary) -> Vocabulary:
    """The (cached) Vocabulary of an open Dictionary."""
    with _VOCABULARIES_LOCK:
        vocabulary = _VOCABULARIES.get(dictionary)
        if vocabulary is None:
            vocabulary = _VOCABULARIES[dictionary] = Vocabulary(dictionary)
        return vocabulary
