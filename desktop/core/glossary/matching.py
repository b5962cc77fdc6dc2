"""Find glossary terms in German text: inflections, compounds, variants, acronyms.

How a word is compared (all precomputed per entry, and cached per distinct word):

- acronyms (``HUR``) match case-sensitively, also with a genitive ``s`` (``HURs``);
- designators (anything with a digit: ``KN-23``, ``22M3``) match exactly, case-folded;
- other words are folded (case, umlauts, ß) and looked up by their NLTK Snowball stem; a
  stem hit is then confirmed by German inflection endings, because the stemmer alone
  merges derivations (``Krieger`` -> ``krieg``), which must not count as ``Krieg``;
- a word is split at hyphens (``Shahed-136-Drohnen``), and a closed compound matches an
  entry as its modifier (``Drohnenproduktion``: entry + linking element + a real word)
  or as its head (``Langstreckenraketen``).

Overlapping candidates resolve to the longest span, then the candidate covering whole
words, then the more specific category; the losers are kept in ``Hit.related``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
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
# Known accidental compounds (a head or modifier that happens to spell an entry).
_NOT_COMPOUNDS = (
    "schutzweste",
    "westentasche",
    "krimi",
    "heerschar",
    "frontmann",
    "frontfrau",
    "frontscheibe",
)


def _is_acronym(raw: str) -> bool:
    """HUR, DVRK, BfV, BMVg: two or more capitals and not a capitalised word."""
    return len(raw) >= 2 and not raw[1:].islower() and sum(c.isupper() for c in raw) >= 2


def _has_digit(raw: str) -> bool:
    return not raw.isalpha() and any(c.isdigit() for c in raw)


def _fold(raw: str) -> str:
    """termbase.fold, with a shortcut for ASCII (nothing to fold but the case)."""
    return raw.lower() if raw.isascii() else fold(raw)


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

    __slots__ = ("entry_id", "first", "parts", "rank", "seq", "specs")

    def __init__(
        self, entry_id: str, parts: tuple[tuple[str, bool], ...], first: _Spec, rank: int, seq: int
    ) -> None:
        self.entry_id = entry_id
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
    compounds: tuple[tuple[str, int], ...]  # (entry_id, rank) matched inside this part
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
        # base -> [(creation order, entry id, rank)].
        self._modifiers: dict[str, list[tuple[int, str, int]]] = {}
        self._heads: dict[str, list[tuple[int, str, int]]] = {}
        with bulk_allocation():  # 100,000 entries: millions of objects, no cycles
            for entry in entries:
                self._add_entry(entry)
        self._modifier_lengths = sorted({len(k) for k in self._modifiers})
        self._head_lengths = sorted({len(k) for k in self._heads})

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
        terms = entry.german_terms
        if len(terms) == 1:
            keys = [self._parts(terms[0])]
        else:  # "Geran-2" and "Geran 2" make the same pattern: keep one
            keys = list(dict.fromkeys(self._parts(t) for t in dict.fromkeys(terms)))
        for key in keys:
            if not key:
                continue
            first = self._spec(*key[0])
            pattern = _Pattern(entry.id, key, first, rank, self._count)
            self._count += 1
            if first.keys is None:  # a word: found through its base form, see _word_patterns
                self._by_base.setdefault(first.base, []).append(pattern)
            else:
                for index_key in first.keys:
                    self._index.setdefault(index_key, []).append(pattern)
            if len(key) == 1 and first.kind == "W" and first.noun:
                if len(first.base) >= _MIN_COMPOUND_PART:
                    item = (pattern.seq, entry.id, rank)
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
            compounds = self._compounds(folded) if keys[0][0] == "W" and noun else ()
            if keys[0][0] == "W":
                patterns = self._word_patterns(folded, keys)
            else:
                patterns = tuple(dict.fromkeys(p for k in keys for p in self._index.get(k, ())))
            atoms.append(_Atom(offset, raw, folded, keys, compounds, patterns))
            offset += len(raw) + 1
        return atoms

    def _compounds(self, folded: str) -> tuple[tuple[str, int], ...]:
        if len(folded) < 2 * _MIN_COMPOUND_PART or folded.startswith(_NOT_COMPOUNDS):
            return ()
        limit = len(folded) - _MIN_COMPOUND_PART
        # As modifier: base + linking element, then a real word (not just a suffix).
        modifiers: list[tuple[int, int, str, int]] = []  # (prefix length, order, id, rank)
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
                modifiers.extend((length, seq, entry_id, rank) for seq, entry_id, rank in items)
        # As head: a modifier of at least _MIN_COMPOUND_PART letters, then base + ending.
        heads: list[tuple[int, int, str, int]] = []  # (suffix length, order, id, rank)
        for ending in _NOUN_ENDINGS:
            if not folded.endswith(ending):
                continue
            end = len(folded) - len(ending)
            for size in self._head_lengths:
                length = size + len(ending)
                if length > limit:
                    break
                for seq, entry_id, rank in self._heads.get(folded[end - size : end], ()):
                    heads.append((length, seq, entry_id, rank))
        found: dict[str, int] = {}
        for _, _, entry_id, rank in sorted(modifiers) + sorted(heads):
            found.setdefault(entry_id, rank)
        return tuple(found.items())

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
        """Hits in one piece of text (a sentence); offsets are shifted by ``offset``."""
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
        candidates = []  # (span length, whole words, rank, matched chars, t0, t1, id, compound)
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
                candidates.append((span, whole, pat.rank, chars, ti, tj, pat.entry_id, False))
            for entry_id, rank in atom.compounds:
                span = tokens[ti][1] - tokens[ti][0]
                candidates.append((span, False, rank, 0, ti, ti, entry_id, True))
        if not candidates:
            return []
        candidates.sort(key=lambda c: (-c[0], -c[1], -c[2], -c[3], c[4]))
        taken: list[list] = []  # [t0, t1, entry_id, related(dict), compound]
        for _, _, _, _, t0, t1, entry_id, compound in candidates:
            for slot in taken:
                if t0 <= slot[1] and slot[0] <= t1:
                    if entry_id != slot[2]:
                        slot[3][entry_id] = None
                    break
            else:
                taken.append([t0, t1, entry_id, {}, compound])
        hits = []
        for t0, t1, entry_id, related, compound in sorted(taken):
            start, end = tokens[t0][0], tokens[t1][1]
            hits.append(
                Hit(
                    entry_id,
                    sentence_id,
                    start + offset,
                    end + offset,
                    text[start:end],
                    tuple(related),
                    compound,
                )
            )
        return hits

    def match(self, article: Article) -> list[Hit]:
        """All hits in an Article, sorted by start offset."""
        hits: list[Hit] = []
        for sentence in article.sentences():
            hits.extend(self.match_text(sentence.text, sentence.start, sentence.id))
        return hits
