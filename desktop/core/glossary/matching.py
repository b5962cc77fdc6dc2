"""Find glossary terms in German text: inflections, compounds, variants, acronyms.

How a word is compared (all precomputed per entry, and cached per distinct word):

- acronyms (``HUR``) match case-sensitively, also with a genitive ``s`` (``HURs``);
- designators (anything with a digit: ``KN-23``, ``22M3``) match exactly, case-folded;
- other words are folded (case, umlauts, ß) and looked up by their NLTK Snowball stem; a
  stem hit is then confirmed by German inflection endings, because the stemmer alone
  merges derivations (``Krieger`` -> ``krieg``), which must not count as ``Krieg``;
- a word is split at hyphens (``Shahed-136-Drohnen``), and a closed compound matches an
  entry as its modifier (``Drohnenproduktion``: entry + linking element + a real word)
  or as its head (``Langstreckenraketen``), but only at a real part boundary: the rest of
  the word must itself be a German word (see :func:`plausible_part`), so ``Wahltermine``
  (Wahl + Termine) is not ``Wahlter`` + ``Mine``.

Ambiguous terms (an entry's ``ambiguous`` list: ``Mine``, ``Puma``, ``SWR``, ``Wagner``,
``Front``, words that are also everyday words or names) match, as themselves or inside a
compound, only with military context: a hit of a weapon, force or agency entry, or of an
entry related to theirs, in the same sentence or the one before or after it in the same
paragraph (:data:`CONTEXT_CATEGORIES`).
Places, people and general concepts do not count as context: sport and culture reporting
is full of them ("die Offensive", Stuttgart).

Overlapping candidates resolve to the longest span, then the candidate covering whole
words, then the more specific category; the losers are kept in ``Hit.related``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from desktop.core.glossary.termbase import Entry, Termbase, bulk_allocation, fold

if TYPE_CHECKING:
    from desktop.core.documents import Article

# Words joined by hyphens stay one token: the hit covers the whole written word. Entries
# and text are split by this one pattern (the same one NLTK's RegexpTokenizer would apply).
_TOKEN_PATTERN = r"\w+(?:[-\u2010\u2011]\w+)*"
_TOKEN_RE = re.compile(_TOKEN_PATTERN)
_HYPHENS = re.compile(r"[-\u2010\u2011]")
_UMLAUTS = set("äöüÄÖÜ")

# Named things beat classes and concepts when both cover the same word.
_SPECIFICITY = {
    "weapon_system": 9,
    "person": 8,
    "agency": 7,
    "organisation": 6,
    "force": 5,
    "place": 4,
    "weapon_class": 3,
    "sanctions_diplomacy": 2,
    "concept": 1,
}
# Categories whose entries are common nouns and so may be the head of a compound.
_HEAD_CATEGORIES = {"weapon_class", "concept", "force", "sanctions_diplomacy", "agency"}
_NOUN_ENDINGS = frozenset(("", "s", "es", "e", "en", "n", "ns", "nen"))
_UMLAUT_PLURAL_ENDINGS = frozenset(("er", "ern"))  # Land -> Länder, not Krieg -> Krieger
_ADJ_ENDINGS = frozenset(("", "e", "en", "em", "er", "es"))
# Every ending _word_ok accepts; a text word is compared only with the entry words that
# differ from it by one of these (the longest is three letters).
_ANY_ENDING = tuple(sorted((_NOUN_ENDINGS | _UMLAUT_PLURAL_ENDINGS | _ADJ_ENDINGS) - {""}))
_LONGEST_ENDING = max(len(e) for e in _ANY_ENDING)
_VOWEL = re.compile("[aeiouy]")
_MAX_CACHED_WORDS = 200_000
_ADJ_FORM = re.compile(r"(?:isch|ig|lich|al|iv|är|ar|on|er|ut|t|ss|z|ch|l)(?:e|er|es|en|em)$")
_LINKS = ("", "s", "n", "en", "es", "ns")
_MIN_COMPOUND_PART = 4
# A remainder that is only a derivational suffix makes a derived word, not a compound:
# Nordkorea + nisch-en, Krieg + er, Waffe + l.
_DERIVATION = re.compile(
    r"(?:(?:n|es|an|ian)?isch|lich|ig|er|el|ler|ner|aner|ianer|ier|ese|chen|lein|ung|heit|keit"
    r"|schaft|tum|in|ist|ismus|isier|isierung){1,2}"
    r"(?:e|en|er|es|em|n|s|nen|ns)?"
)
# Linking elements a compound's first part may end in (Kriegs-ende, Drohnen-abwehr).
_PART_LINKS = ("s", "es", "n", "en", "er", "e", "ns")
_MIN_LEXICON_PART = 4  # shorter pieces ("sch", "ter") are noise in any word list
#: Categories whose hits give an ambiguous term its military context.
CONTEXT_CATEGORIES = frozenset({"weapon_system", "weapon_class", "force", "agency"})


def _is_acronym(raw: str) -> bool:
    """HUR, DVRK, BfV, BMVg: two or more capitals and not a capitalised word."""
    return len(raw) >= 2 and not raw[1:].islower() and sum(c.isupper() for c in raw) >= 2


def _has_digit(raw: str) -> bool:
    return not raw.isalpha() and any(c.isdigit() for c in raw)


def _fold(raw: str) -> str:
    """termbase.fold, with a shortcut for ASCII (nothing to fold but the case)."""
    return raw.lower() if raw.isascii() else fold(raw)


@lru_cache(maxsize=65536)
def _known_word(word: str) -> bool:
    """WORD (any case) is a German word form simplemma's lexicon lists."""
    if len(word) < _MIN_LEXICON_PART:
        return False
    import simplemma

    return any(
        simplemma.is_known(form, lang="de")
        for form in dict.fromkeys((word, word[:1].upper() + word[1:]))
    )


def plausible_part(part: str, first: bool) -> bool:
    """Is PART (lower case, as written inside a compound) a real part of a German word?

    The rule for a compound's boundary: the part is a known word form, or, when it is the
    FIRST part, a known word followed by a linking element (Kriegs-, Drohnen-) or the stem
    of a known verb (Abfang-: abfangen); or it is itself two such parts (Marsch|flug-,
    Anti|personen-). ``wahlter`` (from Wahltermine) is none of these.
    """
    return _plausible(part, first, depth=2)


@lru_cache(maxsize=65536)
def _plausible(part: str, first: bool, depth: int) -> bool:
    if _known_word(part):
        return True
    if first:
        stems = [part[: -len(link)] for link in _PART_LINKS if part.endswith(link)]
        if any(_known_word(stem) for stem in stems):
            return True
        if _known_word(part + "en") or _known_word(part + "e"):  # verb or noun stem
            return True
    if depth <= 1:
        return False
    for i in range(_MIN_LEXICON_PART, len(part) - _MIN_LEXICON_PART + 1):
        if _plausible(part[:i], True, depth - 1) and _plausible(part[i:], first, depth - 1):
            return True
    return False


def _aligned_lower(raw: str, folded: str) -> str:
    """RAW in lower case with umlauts kept, sliceable at FOLDED's offsets (ß becomes ss)."""
    lowered = raw.lower().replace("ß", "ss")
    return lowered if len(lowered) == len(folded) else folded


@dataclass(frozen=True)
class Hit:
    """One occurrence of an entry; offsets are absolute into ``Article.text``."""

    entry_id: str
    sentence_id: str
    start: int
    end: int
    text: str
    related: tuple[str, ...] = ()
    compound: bool = False  # matched as part of a longer written word


class _Spec:
    """One word of an entry's term, ready for comparison."""

    __slots__ = ("base", "exact", "folded", "keys", "kind", "noun", "umlaut")

    def __init__(
        self,
        kind: str,
        base: str,
        folded: str,
        noun: bool,
        exact: bool,
        umlaut: bool,
        keys: frozenset[str] | None = None,
    ) -> None:
        self.kind = kind  # "A" acronym, "D" designator, "W" word
        self.base = base
        self.folded = folded
        self.noun = noun
        self.exact = exact
        self.umlaut = umlaut
        # Stems of every inflected form (the stemmer is not consistent). For words they are
        # computed on first use (Matcher._keys): stemming ~11 forms of every entry word up
        # front made building a matcher for 100,000 entries take half a minute.
        self.keys = keys


class _Pattern:
    """One German term of an entry: its words, the entry's category rank, creation order."""

    __slots__ = ("ambiguous", "entry_id", "first", "parts", "rank", "seq", "specs")

    def __init__(
        self,
        entry_id: str,
        parts: tuple[tuple[str, bool], ...],
        first: _Spec,
        rank: int,
        seq: int,
        ambiguous: bool = False,
    ) -> None:
        self.entry_id = entry_id
        self.ambiguous = ambiguous  # matches only with military context nearby
        self.parts = parts  # (word, attributive) for each word of the term
        self.first = first  # the first word's spec, which the index needs
        # All words' specs, made on first use (Matcher._specs): most patterns are never
        # a candidate in a given text, so a large termbase builds quickly.
        self.specs: tuple[_Spec, ...] | None = None if len(parts) > 1 else (first,)
        self.rank = rank
        self.seq = seq  # ties between candidates resolve in the order the entries are listed


@dataclass
class _Atom:
    """One hyphen-separated part of a written word in the text."""

    offset: int
    raw: str
    folded: str
    keys: tuple[str, ...]
    compounds: tuple[tuple[str, int, bool], ...]  # (entry_id, rank, ambiguous) inside this part
    patterns: tuple[_Pattern, ...]  # the entry patterns that may start at this part


class Matcher:
    """Precompiled matcher for one termbase; build once, call ``match`` often."""

    def __init__(self, termbase: Termbase | list[Entry]) -> None:
        from nltk.stem.snowball import GermanStemmer

        entries = list(termbase.entries if isinstance(termbase, Termbase) else termbase)
        self._stemmer = GermanStemmer()
        self._stems: dict[str, str] = {}
        self._tokens: dict[str, list[_Atom]] = {}
        self._index: dict[str, list[_Pattern]] = {}  # acronym and designator key -> patterns
        self._by_base: dict[str, list[_Pattern]] = {}  # first word's base form -> patterns
        self._count = 0
        self._word_keys: dict[tuple[str, str, bool, bool], frozenset[str]] = {}
        # Single-word nouns by base form, as the modifier or head of a closed compound:
        # base -> [(creation order, entry id, rank, ambiguous)].
        self._modifiers: dict[str, list[tuple[int, str, int, bool]]] = {}
        self._heads: dict[str, list[tuple[int, str, int, bool]]] = {}
        # Entries that give an ambiguous entry its context: entry id -> related ids (both
        # directions); and each entry's category.
        self._category: dict[str, str] = {}
        self._context_ids: dict[str, set[str]] = {}
        with bulk_allocation():  # 100,000 entries: millions of objects, no cycles
            for entry in entries:
                self._add_entry(entry)
        self._modifier_lengths = sorted({len(k) for k in self._modifiers})
        self._head_lengths = sorted({len(k) for k in self._heads})
        if self._context_ids:
            for entry in entries:
                for other in entry.related:
                    if other in self._context_ids:
                        self._context_ids[other].add(entry.id)

    # --- building ------------------------------------------------------------------------

    def _stem(self, folded: str) -> str:
        stem = self._stems.get(folded)
        if stem is None:
            stem = self._stems[folded] = self._stemmer.stem(folded)
        return stem

    def _spec(self, raw: str, attributive: bool = False) -> _Spec:
        folded = _fold(raw)
        if _has_digit(raw):
            return _Spec("D", folded, folded, False, True, False, frozenset(("D:" + folded,)))
        if _is_acronym(raw):
            return _Spec("A", raw, folded, False, True, False, frozenset(("A:" + raw,)))
        noun = raw[:1].isupper() and not attributive
        base = folded
        if not noun:  # an adjective is stored by its bare stem: ballistische -> ballistisch
            for ending in ("en", "em", "er", "es", "e"):
                if base.endswith(ending) and len(base) - len(ending) >= 5:
                    base = base[: -len(ending)]
                    break
        exact = not noun and len(folded) <= 4  # function words: für, der, von
        umlaut = not _UMLAUTS.isdisjoint(raw)
        return _Spec("W", base, folded, noun, exact, umlaut)

    def _keys(self, spec: _Spec) -> frozenset[str]:
        """The stem keys of a word spec, computed once on first use."""
        keys = spec.keys
        if keys is None:
            # The same word in many entries ("strategische X", "strategische Y") shares
            # one set of keys.
            signature = (spec.base, spec.folded, spec.noun, spec.exact)
            keys = self._word_keys.get(signature)
            if keys is None:
                # Snowball stems Luftkampfsystem to luftkampfsyst but Luftkampfsysteme to
                # luftkampfsystem, so a word's keys are the stems of all inflected forms.
                endings = ("",) if spec.exact else (_NOUN_ENDINGS if spec.noun else _ADJ_ENDINGS)
                forms = (spec.base + e for e in (*endings, *_UMLAUT_PLURAL_ENDINGS))
                keys = frozenset("W:" + self._stem(f) for f in (*forms, spec.folded))
                self._word_keys[signature] = keys
            spec.keys = keys
        return keys

    def _specs(self, pattern: _Pattern) -> tuple[_Spec, ...]:
        """The specs of all words of PATTERN, made once on first use."""
        specs = pattern.specs
        if specs is None:
            rest = [self._spec(p, a) for p, a in pattern.parts[1:]]
            specs = pattern.specs = (pattern.first, *rest)
        return specs

    @staticmethod
    def _parts(term: str) -> tuple[tuple[str, bool], ...]:
        """The words of a German term, split at hyphens, each with "declines as adjective"."""
        words = _TOKEN_RE.findall(term)
        if len(words) == 1 and _HYPHENS.search(words[0]) is None:
            return ((words[0], False),)  # the common case, made without the loop
        parts: list[tuple[str, bool]] = []  # (part, attributive)
        last = len(words) - 1
        for w, word in enumerate(words):
            pieces = [p for p in _HYPHENS.split(word) if p]
            following = words[w + 1] if w < last else ""
            for k, piece in enumerate(pieces):
                # A capitalised adjective inside a name declines: "Europäische Union",
                # "der Europäischen Union"; "Schwarzes Meer", "des Schwarzen Meeres".
                attributive = (
                    k == len(pieces) - 1
                    and following[:1].isupper()
                    and piece.isalpha()
                    and _ADJ_FORM.search(piece) is not None
                )
                parts.append((piece, attributive))
        return tuple(parts)

    def _add_entry(self, entry: Entry) -> None:
        rank = _SPECIFICITY.get(entry.category, 0)
        self._category[entry.id] = entry.category
        ambiguous = {self._parts(t) for t in entry.ambiguous}
        if ambiguous:
            self._context_ids[entry.id] = set(entry.related)
        terms = entry.german_terms
        if len(terms) == 1:
            keys = [self._parts(terms[0])]
        else:  # "Geran-2" and "Geran 2" make the same pattern: keep one
            keys = list(dict.fromkeys(self._parts(t) for t in dict.fromkeys(terms)))
        for key in keys:
            if not key:
                continue
            first = self._spec(*key[0])
            pattern = _Pattern(entry.id, key, first, rank, self._count, key in ambiguous)
            self._count += 1
            if first.keys is None:  # a word: found through its base form, see _word_patterns
                self._by_base.setdefault(first.base, []).append(pattern)
            else:
                for index_key in first.keys:
                    self._index.setdefault(index_key, []).append(pattern)
            if len(key) == 1 and first.kind == "W" and first.noun:
                if len(first.base) >= _MIN_COMPOUND_PART:
                    item = (pattern.seq, entry.id, rank, pattern.ambiguous)
                    self._modifiers.setdefault(first.base, []).append(item)
                    if entry.category in _HEAD_CATEGORIES:
                        self._heads.setdefault(first.base, []).append(item)

    # --- per distinct word ---------------------------------------------------------------

    def _atoms(self, token: str) -> list[_Atom]:
        atoms = self._tokens.get(token)
        if atoms is None:
            if len(self._tokens) >= _MAX_CACHED_WORDS:  # bound memory on huge documents
                self._tokens.clear()
                self._stems.clear()
            atoms = self._tokens[token] = self._analyse(token)
        return atoms

    def _word_patterns(self, folded: str, keys: tuple[str, ...]) -> tuple[_Pattern, ...]:
        """The patterns whose first word may be the text word FOLDED (with stem KEYS).

        A word only matches an entry word that equals it or differs by an inflection
        ending (_word_ok), so only those base forms are looked up, and of those only the
        patterns whose stem keys meet the word's: the same set a scan of every pattern by
        stem key would give, in the same order (first meeting key, then entry order).
        """
        bases = [folded[: len(folded) - n] for n in range(_LONGEST_ENDING + 1)]
        bases += [folded + ending for ending in _ANY_ENDING]
        found: list[tuple[int, int, _Pattern]] = []
        for base in dict.fromkeys(bases):
            for pattern in self._by_base.get(base, ()):
                spec_keys = self._keys(pattern.first)
                for order, key in enumerate(keys):
                    if key in spec_keys:
                        found.append((order, pattern.seq, pattern))
                        break
        found.sort(key=lambda f: (f[0], f[1]))
        return tuple(p for _, _, p in found)

    def _analyse(self, token: str) -> list[_Atom]:
        atoms = []
        offset = 0
        for raw in _HYPHENS.split(token):
            folded = _fold(raw)
            if _has_digit(raw):
                keys: tuple[str, ...] = ("D:" + folded,)
            elif _is_acronym(raw):
                keys = ("A:" + raw,)
                if raw.endswith("s"):
                    keys += ("A:" + raw[:-1],)
            elif len(raw) >= 3 and raw[-1] == "s" and _is_acronym(raw[:-1]):
                keys = ("A:" + raw[:-1],)  # genitive of an acronym: des HURs
            else:
                keys = (self._stem(folded),)
                if folded.endswith("s"):  # Snowball keeps -s after vowels: Nordkoreas
                    keys += (self._stem(folded[:-1]),)
                keys = tuple("W:" + k for k in dict.fromkeys(keys))
            # German nouns, and so noun compounds, are capitalised; lower-case is a verb or
            # adjective (kriegen is not Krieg).
            noun = raw[:1].isupper()
            compounds = self._compounds(raw, folded) if keys[0][0] == "W" and noun else ()
            if keys[0][0] == "W":
                patterns = self._word_patterns(folded, keys)
            else:
                patterns = tuple(dict.fromkeys(p for k in keys for p in self._index.get(k, ())))
            atoms.append(_Atom(offset, raw, folded, keys, compounds, patterns))
            offset += len(raw) + 1
        return atoms

    def _compounds(self, raw: str, folded: str) -> tuple[tuple[str, int, bool], ...]:
        if len(folded) < 2 * _MIN_COMPOUND_PART:
            return ()
        limit = len(folded) - _MIN_COMPOUND_PART
        lower = _aligned_lower(raw, folded)  # the lexicon needs the umlauts
        # As modifier: base + linking element, then a real word (not just a suffix).
        modifiers: list[tuple[int, int, str, int, bool]] = []  # (prefix length, order, ...)
        for size in self._modifier_lengths:
            if size > limit:
                break
            items = self._modifiers.get(folded[:size])
            if not items:
                continue
            for link in _LINKS:
                length = size + len(link)
                if length > limit or not folded.startswith(link, size):
                    continue
                rest = folded[length:]
                if _DERIVATION.fullmatch(rest) or not _VOWEL.search(rest):
                    continue
                if not plausible_part(lower[length:], first=False):
                    continue
                modifiers.extend((length, *item) for item in items)
        # As head: a modifier of at least _MIN_COMPOUND_PART letters, then base + ending.
        heads: list[tuple[int, int, str, int, bool]] = []  # (suffix length, order, ...)
        for ending in _NOUN_ENDINGS:
            if not folded.endswith(ending):
                continue
            end = len(folded) - len(ending)
            for size in self._head_lengths:
                length = size + len(ending)
                if length > limit:
                    break
                items = self._heads.get(folded[end - size : end])
                if items and plausible_part(lower[: end - size], first=True):
                    heads.extend((length, *item) for item in items)
        found: dict[str, tuple[int, bool]] = {}
        for _, _, entry_id, rank, ambiguous in sorted(modifiers) + sorted(heads):
            found.setdefault(entry_id, (rank, ambiguous))
        return tuple((entry_id, rank, amb) for entry_id, (rank, amb) in found.items())

    @staticmethod
    def _word_ok(atom: _Atom, spec: _Spec) -> bool:
        if spec.noun and not atom.raw[:1].isupper():
            return False  # German nouns are capitalised: kriegen is not Krieg
        a, b = atom.folded, spec.base
        if a == b:
            return True
        if spec.exact:
            return False
        if a.startswith(b):
            ending = a[len(b) :]
        elif b.startswith(a):
            ending = b[len(a) :]  # the entry itself is written inflected
        else:
            return False
        if not spec.noun:
            return ending in _ADJ_ENDINGS
        if ending in _NOUN_ENDINGS:
            return True
        has_umlaut = any(c in _UMLAUTS for c in atom.raw)
        return ending in _UMLAUT_PLURAL_ENDINGS and has_umlaut and not spec.umlaut

    # --- matching ------------------------------------------------------------------------

    def match_text(self, text: str, offset: int = 0, sentence_id: str = "") -> list[Hit]:
        """Hits in one piece of text (a sentence); offsets are shifted by ``offset``.

        An ambiguous term needs its context in this same text.
        """
        found = self._match_sentence(text, offset, sentence_id)
        return self._with_context([found])[0]

    def _match_sentence(
        self, text: str, offset: int = 0, sentence_id: str = ""
    ) -> list[tuple[Hit, bool]]:
        """Hits in one sentence, each with "needs context" (an ambiguous term)."""
        tokens: list[tuple[int, int, list[_Atom]]] = []  # (start, end, atoms)
        flat: list[tuple[int, int, _Atom]] = []  # (token index, atom index, atom)
        cache = self._tokens
        # The same pattern as the NLTK tokenizer used for the entries, called directly:
        # NLTK's span_tokenize wrapper costs a quarter of the matching time.
        for m in _TOKEN_RE.finditer(text):
            word = m.group()
            atoms = cache.get(word) or self._atoms(word)
            ti = len(tokens)
            tokens.append((m.start(), m.end(), atoms))
            for ai, atom in enumerate(atoms):
                flat.append((ti, ai, atom))
        # (span length, whole words, rank, matched chars, t0, t1, id, compound, ambiguous)
        candidates = []
        for i, (ti, ai, atom) in enumerate(flat):
            if not atom.patterns and not atom.compounds:
                continue
            for pat in atom.patterns:
                specs = pat.specs or self._specs(pat)
                n = len(specs)
                if i + n > len(flat):
                    continue
                ok = True
                for spec, (_, _, other) in zip(specs, flat[i : i + n], strict=False):
                    # The cheap spelling test first: a word's stem keys are made only for
                    # the entry words it may be (the result is the same either way).
                    if (spec.kind == "W" and not self._word_ok(other, spec)) or (
                        spec.keys or self._keys(spec)
                    ).isdisjoint(other.keys):
                        ok = False
                        break
                if not ok:
                    continue
                tj, aj, last = flat[i + n - 1]
                # a term does not run across punctuation: "Krieg, in der Ukraine"
                if tj > ti and any(
                    not text[tokens[t][1] : tokens[t + 1][0]].isspace() for t in range(ti, tj)
                ):
                    continue
                whole = ai == 0 and aj == len(tokens[tj][2]) - 1
                chars = sum(len(a.raw) for _, _, a in flat[i : i + n])
                span = tokens[tj][1] - tokens[ti][0]
                candidates.append(
                    (span, whole, pat.rank, chars, ti, tj, pat.entry_id, False, pat.ambiguous)
                )
            for entry_id, rank, ambiguous in atom.compounds:
                span = tokens[ti][1] - tokens[ti][0]
                candidates.append((span, False, rank, 0, ti, ti, entry_id, True, ambiguous))
        if not candidates:
            return []
        # an unambiguous reading of the same words wins over an ambiguous one
        candidates.sort(key=lambda c: (-c[0], -c[1], -c[2], -c[3], c[8], c[4]))
        taken: list[list] = []  # [t0, t1, entry_id, related(dict), compound, ambiguous]
        for _, _, _, _, t0, t1, entry_id, compound, ambiguous in candidates:
            for slot in taken:
                if t0 <= slot[1] and slot[0] <= t1:
                    if entry_id != slot[2]:
                        slot[3][entry_id] = None
                    break
            else:
                taken.append([t0, t1, entry_id, {}, compound, ambiguous])
        hits = []
        for t0, t1, entry_id, related, compound, ambiguous in sorted(taken):
            start, end = tokens[t0][0], tokens[t1][1]
            hit = Hit(
                entry_id,
                sentence_id,
                start + offset,
                end + offset,
                text[start:end],
                tuple(related),
                compound,
            )
            hits.append((hit, ambiguous))
        return hits

    def _gives_context(self, hit: Hit, entry_id: str) -> bool:
        """Does HIT (an unambiguous hit) give the ambiguous entry ENTRY_ID its context?"""
        if hit.entry_id == entry_id:
            return False
        if self._category.get(hit.entry_id) in CONTEXT_CATEGORIES:
            return True
        return hit.entry_id in self._context_ids.get(entry_id, ())

    def _in_context(self, hit: Hit, near: list[Hit]) -> bool:
        # "Taurus-Marschflugkörper": the entry that lost the overlap is context too.
        if any(self._category.get(r) in CONTEXT_CATEGORIES for r in hit.related):
            return True
        return any(self._gives_context(n, hit.entry_id) for n in near)

    def _with_context(self, sentences: list[list[tuple[Hit, bool]]]) -> list[list[Hit]]:
        """Per sentence, the hits without the ambiguous ones that lack context.

        Context is looked for in the same sentence and the ones just before and after.
        """
        result: list[list[Hit]] = []
        for index, found in enumerate(sentences):
            if not any(ambiguous for _, ambiguous in found):
                result.append([hit for hit, _ in found])
                continue
            near = [
                hit
                for other in sentences[max(0, index - 1) : index + 2]
                for hit, ambiguous in other
                if not ambiguous
            ]
            result.append(
                [hit for hit, ambiguous in found if not ambiguous or self._in_context(hit, near)]
            )
        return result

    def match(self, article: Article) -> list[Hit]:
        """All hits in an Article, sorted by start offset.

        An ambiguous term finds its context within its paragraph: its own sentence and the
        ones just before and after.
        """
        hits: list[Hit] = []
        for paragraph in article.paragraphs:
            hits += self.match_sentences((s.text, s.start, s.id) for s in paragraph.sentences)
        return hits

    def match_sentences(self, texts: Iterable[tuple[str, int, str]]) -> list[Hit]:
        """Hits in the consecutive sentences of one paragraph, as (text, offset, id)."""
        found = [self._match_sentence(text, offset, sid) for text, offset, sid in texts]
        return [hit for hits in self._with_context(found) for hit in hits]
