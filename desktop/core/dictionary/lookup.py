"""German-aware lookup in the Ding index: forms, lemmas, separable verbs, compounds, English.

The steps for a German word, each adding rows after the ones before:

1. with a sentence, a separable verb: ``schoss`` in "Die Armee schoss die Drohne ab." has
   the particle ``ab`` at the end of its clause, so ``schoss ab`` (a form Ding lists) and
   ``ab`` + the lemma (``abschießen``) are looked up first;
2. the word as listed in Ding: a headword, or an inflected form on the German side of a
   sub-entry (``Drohnen {pl}``), which points to its base headword (``Drohne``);
3. the lemmas simplemma gives (``Angriffs`` -> ``Angriff``, ``Soldaten`` -> ``Soldat``);
4. if nothing was found: the word without a genitive/dative ending (``-es``, ``-s``, ``-n``,
   ``-en``, ``-e``), each candidate checked against the index;
5. if still nothing: a compound split into known parts, the longest known head first, with
   the linking elements -s-, -es-, -n-, -en-, -er-, -e- between them
   (``Munitionslieferungen`` -> Munition + Lieferung); hyphenated words split at hyphens.

Within a step, rows whose spelling matches with umlauts and ß come first (a match only after
folding ä->a is used when nothing else matches), then rows tagged with a security subject
(this is a defence-news reader), then headwords before forms, main sub-entries before the
rest, and the file's order.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from desktop.config import Paths
from desktop.core.dictionary.ding import DingEntry, SubEntry, fold, lower_key, parse_line
from desktop.core.dictionary.index import (
    KIND_BARE,
    KIND_FORM,
    KIND_HEADWORD,
    KIND_PREFIX,
    KIND_VARIANT,
    DictionaryError,
    DictionaryFiles,
    EnsureResult,
    IndexInfo,
    Progress,
    _Damaged,
    connect,
    ensure_index,
    read_info,
)

if TYPE_CHECKING:
    import sqlite3

#: Subject tags that make a word a security term (military, political, legal, administrative).
SECURITY_SUBJECTS = frozenset({"mil.", "pol.", "jur.", "adm."})

#: Particles of separable verbs that stand at the end of a clause ("schoss ... ab").
PARTICLES = frozenset(
    {
        "ab", "an", "auf", "aus", "bei", "dar", "durch", "ein", "empor", "entgegen", "fest",
        "fort", "frei", "heim", "her", "heran", "herauf", "heraus", "herbei", "herein",
        "herüber", "herum", "herunter", "hervor", "hin", "hinauf", "hinaus", "hinein",
        "hinterher", "hinunter", "hinzu", "hoch", "los", "mit", "nach", "nieder", "statt",
        "um", "vor", "voran", "voraus", "vorbei", "vorüber", "weg", "weiter", "wieder",
        "zu", "zurecht", "zurück", "zusammen",
    }
)  # fmt: skip
_CLAUSE_WORDS = frozenset(
    {
        "und", "oder", "aber", "sondern", "denn", "doch", "weil", "dass", "daß", "als", "wenn",
        "ob", "obwohl", "während", "nachdem", "bevor", "damit", "sodass", "falls", "wie",
    }
)  # fmt: skip
_TOKEN = re.compile(r"\w+|[^\w\s]")
_CLAUSE_END = frozenset(',;:.!?()[]"„“”«»–—')
_EDGE_PUNCT = " \t\r\n.,;:!?\"'„“”‚‘’«»‹›()[]{}<>…"
#: Genitive/dative endings tried (checked against the index) when nothing else matches.
_ENDINGS = ("es", "s", "en", "n", "e", "er", "ern")
#: Endings a compound's head may carry beyond its listed form (Kampfjets -> Jet).
_HEAD_ENDINGS = ("es", "s", "en", "n")
#: Linking elements between compound parts, longest first.
_LINKS = ("es", "en", "er", "s", "n", "e")
MIN_PART = 3
MIN_HEAD = 4
_CACHE_SIZE = 4096
_BATCH = 500  #: keys per query in batch lookups (SQLite allows 32,766 parameters)
_SQL = {
    table: f"SELECT line, pos, syn, kind, exact, key FROM {table} WHERE key = ?"
    for table in ("de", "en")
}
#: Ranking of key kinds: a headword with placeholders ("jdn. angreifen") is as good as one
#: without; then inflected forms, hidden variants, combining forms.
_KIND_RANK = {KIND_HEADWORD: 0, KIND_BARE: 0, KIND_FORM: 1, KIND_VARIANT: 2, KIND_PREFIX: 3}


class Hit(NamedTuple):
    """One key match: which sub-entry (and synonym) of which line, and how it matched."""

    line: int
    pos: int
    syn: int
    kind: int
    exact: bool  #: the spelling matched with umlauts and ß, not only after folding


class Row(NamedTuple):
    """One dictionary row for showing: headword, grammar, subject tags, English senses."""

    headword: str  #: the matched German headword (its base form for an inflected word)
    de: str  #: all German synonyms of the sub-entry, as shown
    en: tuple[str, ...]  #: the English senses
    grammar: tuple[str, ...]
    subjects: tuple[str, ...]
    line: int
    pos: int
    match: str  #: "separable", "exact", "form", "lemma", "ending", "reverse"

    def to_json(self) -> dict[str, Any]:
        return {
            "de": self.headword,
            "en": list(self.en),
            "grammar": list(self.grammar),
            "subjects": list(self.subjects),
            "source": "dictionary",
            "synonyms": self.de,
            "match": self.match,
            "line": self.line,
        }


class Part(NamedTuple):
    """A part of a compound: its base form and the rows found for it."""

    de: str
    rows: tuple[Row, ...]

    @property
    def en(self) -> tuple[str, ...]:
        """The English senses of the part's rows, without repeats."""
        return tuple(dict.fromkeys(sense for row in self.rows for sense in row.en))

    @property
    def subjects(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for row in self.rows for s in row.subjects))

    def to_json(self) -> dict[str, Any]:
        return {"de": self.de, "en": list(self.en)}


@dataclass(frozen=True)
class LookupResult:
    """What a lookup found: lemmas tried with success, rows, and compound parts."""

    query: str
    lemmas: tuple[str, ...] = ()
    rows: tuple[Row, ...] = ()
    parts: tuple[Part, ...] = ()
    truncated: int = 0  #: rows left off because of the limit

    @property
    def found(self) -> bool:
        return bool(self.rows or self.parts)

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "lemmas": list(self.lemmas),
            "entries": [row.to_json() for row in self.rows],
            "parts": [part.to_json() for part in self.parts],
        }


@dataclass
class _Collector:
    limit: int
    rows: OrderedDict[tuple[int, int], Row] = field(default_factory=OrderedDict)
    lemmas: dict[str, None] = field(default_factory=dict)
    extra: int = 0

    def add(self, rows: Iterable[Row]) -> None:
        for row in rows:
            slot = (row.line, row.pos)
            if slot in self.rows:
                continue
            if len(self.rows) >= self.limit:
                self.extra += 1
                continue
            self.rows[slot] = row

    def lemma(self, text: str) -> None:
        if text:
            self.lemmas.setdefault(text, None)


def clean_word(word: str) -> str:
    """WORD in NFC with surrounding spaces and punctuation removed."""
    return unicodedata.normalize("NFC", word).strip(_EDGE_PUNCT)


class Dictionary:
    """A read-only view of one built index; safe to share between threads."""

    def __init__(self, index: Path) -> None:
        try:
            self._db: sqlite3.Connection = connect(index)
        except FileNotFoundError:
            raise DictionaryError(f"the dictionary index {index} does not exist") from None
        except _Damaged as exc:
            raise DictionaryError(
                f"the dictionary index {index} is damaged ({exc}); "
                "run `lagebild dictionary rebuild`"
            ) from None
        self.index = index
        self._lock = threading.Lock()
        self._entries: OrderedDict[int, DingEntry] = OrderedDict()
        self._keys: OrderedDict[tuple[str, str], tuple[Hit, ...]] = OrderedDict()

    @classmethod
    def open(
        cls,
        paths: Paths,
        progress: Progress | None = None,
        system_source: Path | None = None,
    ) -> Dictionary:
        """Make sure the index for PATHS is current (building it if needed) and open it.

        Raises DictionaryMissing when no Ding file is installed (a normal state; its message
        says how to install one) and DictionaryError for other problems.
        """
        files = DictionaryFiles.from_paths(paths, system_source)
        ensured: EnsureResult = ensure_index(files, progress)
        return cls(ensured.info.path)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Dictionary:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def info(self) -> IndexInfo:
        try:
            return read_info(self.index)
        except (FileNotFoundError, _Damaged) as exc:
            raise DictionaryError(
                f"the dictionary index {self.index} cannot be read: {exc}"
            ) from None

    # --- low level ------------------------------------------------------------------------

    def _query(self, table: str, text: str) -> tuple[Hit, ...]:
        """Hits for TEXT in TABLE ("de" or "en"): spelling matches, else folded matches."""
        cache_key = (table, text)
        with self._lock:
            cached = self._keys.get(cache_key)
            if cached is not None:
                self._keys.move_to_end(cache_key)
                return cached
        lowered = lower_key(text)
        rows = self._fetch(_SQL[table], (fold(text),))
        hits = [
            Hit(line, pos, syn, kind, (exact if exact is not None else key) == lowered)
            for line, pos, syn, kind, exact, key in rows
        ]
        if any(h.exact for h in hits):
            hits = [h for h in hits if h.exact]
        result = tuple(hits)
        with self._lock:
            self._keys[cache_key] = result
            if len(self._keys) > _CACHE_SIZE:
                self._keys.popitem(last=False)
        return result

    def _fetch(self, sql: str, params: tuple[object, ...]) -> list[tuple[Any, ...]]:
        import sqlite3

        with self._lock:
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise DictionaryError(
                    f"the dictionary index {self.index} cannot be read ({exc}); "
                    "run `lagebild dictionary rebuild`"
                ) from None

    def german_hits(self, text: str) -> tuple[Hit, ...]:
        """Index hits for a German form (headword, inflected form or hidden variant)."""
        return self._query("de", text)

    def english_hits(self, text: str) -> tuple[Hit, ...]:
        """Index hits for an English headword or form."""
        return self._query("en", text)

    def german_hits_many(self, texts: Iterable[str]) -> dict[str, tuple[Hit, ...]]:
        """:meth:`german_hits` for many forms, with one query per few hundred of them.

        For scanning a whole article: a query per word costs more than the lookup itself.
        Forms without hits map to ``()``.
        """
        wanted = list(dict.fromkeys(texts))
        found: dict[str, tuple[Hit, ...]] = {}
        missing: list[str] = []
        with self._lock:
            for text in wanted:
                cached = self._keys.get(("de", text))
                if cached is not None:
                    found[text] = cached
                else:
                    missing.append(text)
        rows_by_key: dict[str, list[tuple[Any, ...]]] = {}
        keys = list(dict.fromkeys(fold(text) for text in missing))
        for start in range(0, len(keys), _BATCH):
            chunk = keys[start : start + _BATCH]
            sql = (
                "SELECT line, pos, syn, kind, exact, key FROM de WHERE key IN "
                f"({','.join('?' * len(chunk))})"
            )
            for row in self._fetch(sql, tuple(chunk)):
                rows_by_key.setdefault(row[5], []).append(row)
        for text in missing:
            lowered = lower_key(text)
            hits = [
                Hit(line, pos, syn, kind, (exact if exact is not None else key) == lowered)
                for line, pos, syn, kind, exact, key in rows_by_key.get(fold(text), ())
            ]
            if any(h.exact for h in hits):
                hits = [h for h in hits if h.exact]
            found[text] = tuple(hits)
        return found

    def line_texts(self, lines: Iterable[int]) -> dict[int, str]:
        """The source text of LINES, read with one query per few hundred lines.

        With :func:`~.ding.parse_subentry`, for reading the hits of many words at once.
        """
        wanted = sorted(set(lines))
        found: dict[int, str] = {}
        for start in range(0, len(wanted), _BATCH):
            chunk = wanted[start : start + _BATCH]
            sql = f"SELECT id, text FROM lines WHERE id IN ({','.join('?' * len(chunk))})"
            found.update(self._fetch(sql, tuple(chunk)))
        return found

    def lines_containing(self, markers: Iterable[str]) -> list[tuple[int, str]]:
        """(line, text) of every line that contains one of MARKERS (``"[mil.]"``).

        One pass over the index's lines; for building word lists by subject tag.
        """
        markers = [m for m in dict.fromkeys(markers) if m]
        if not markers:
            return []
        where = " OR ".join("instr(text, ?) > 0" for _ in markers)
        return [
            (line, text)
            for line, text in self._fetch(
                f"SELECT id, text FROM lines WHERE {where}", tuple(markers)
            )
        ]

    def entry(self, line: int) -> DingEntry:
        """The parsed entry on LINE (cached)."""
        with self._lock:
            cached = self._entries.get(line)
            if cached is not None:
                self._entries.move_to_end(line)
                return cached
        found = self._fetch("SELECT text FROM lines WHERE id = ?", (line,))
        if not found:
            raise DictionaryError(f"the dictionary index {self.index} has no line {line}")
        entry = parse_line(found[0][0], line)
        if entry is None:
            raise DictionaryError(f"the dictionary index {self.index} has a bad line {line}")
        with self._lock:
            self._entries[line] = entry
            if len(self._entries) > _CACHE_SIZE:
                self._entries.popitem(last=False)
        return entry

    def _row(self, hit: Hit, match: str) -> Row | None:
        entry = self.entry(hit.line)
        if hit.pos >= len(entry.subentries):
            return None
        sub = entry.subentries[hit.pos]
        if not sub.german:
            return None
        term = sub.german[hit.syn] if hit.syn < len(sub.german) else sub.german[0]
        if match == "exact" and hit.kind == KIND_FORM:
            match = "form"
        return Row(
            headword=term.headword,
            de="; ".join(t.display() for t in sub.german),
            en=tuple(t.display() for t in sub.english if t.display()),
            grammar=term.grammar or sub.grammar,
            subjects=entry.subjects_of(hit.pos),
            line=hit.line,
            pos=hit.pos,
            match=match,
        )

    def _rows(self, hits: Iterable[Hit], match: str) -> list[Row]:
        ranked: list[tuple[tuple[int, ...], Row]] = []
        for hit in hits:
            row = self._row(hit, match)
            if row is None:
                continue
            security = 0 if SECURITY_SUBJECTS.intersection(row.subjects) else 1
            order = (security, _KIND_RANK[hit.kind], hit.syn > 0, hit.pos > 0, hit.line)
            ranked.append(((0 if hit.exact else 1, *order), row))
        ranked.sort(key=lambda item: item[0])
        return [row for _, row in ranked]

    def _bases(self, hits: Iterable[Hit]) -> list[str]:
        """The single-word base headwords the hits point to."""
        bases: dict[str, None] = {}
        for hit in hits:
            entry = self.entry(hit.line)
            if hit.pos >= len(entry.subentries):
                continue
            sub = entry.subentries[hit.pos]
            if not sub.german:
                continue
            term = sub.german[hit.syn] if hit.syn < len(sub.german) else sub.german[0]
            word = term.bare()
            if word and " " not in word:
                bases.setdefault(word, None)
        return list(bases)

    def _is_verb(self, hit: Hit) -> bool:
        sub = self._sub(hit)
        return sub is not None and sub.is_verb

    def _sub(self, hit: Hit) -> SubEntry | None:
        entry = self.entry(hit.line)
        return entry.subentries[hit.pos] if hit.pos < len(entry.subentries) else None

    # --- German ---------------------------------------------------------------------------

    def lookup(self, word: str, sentence: str | None = None, limit: int = 20) -> LookupResult:
        """Rows for a German WORD in any form; SENTENCE helps with separable verbs."""
        query = clean_word(word)
        if not query:
            return LookupResult(query=query)
        found = _Collector(limit=max(1, limit))
        if sentence:
            for particle in detached_particles(query, sentence):
                verbs: dict[str, None] = {}
                verb_hits = list(self.german_hits(f"{query} {particle}"))  # Ding lists "schoss ab"
                for lemma in dict.fromkeys([query.lower(), *lemmatize(query.lower())]):
                    more = [h for h in self.german_hits(particle + lemma) if self._is_verb(h)]
                    if more:
                        verbs.setdefault(particle + lemma, None)
                        verb_hits.extend(more)
                verb_hits = [h for h in verb_hits if self._is_verb(h)]
                if verb_hits:
                    for verb in [*verbs, *self._bases(verb_hits)]:
                        found.lemma(verb)
                    found.add(self._rows(verb_hits, "separable"))
                    break
        exact = self.german_hits(query)
        # "Angriffs…" (a combining form, only used in compounds) comes after the lemmas.
        prefixes = [h for h in exact if h.kind == KIND_PREFIX]
        exact = tuple(h for h in exact if h.kind != KIND_PREFIX)
        if exact:
            for base in self._bases(exact):
                found.lemma(base)
            found.add(self._rows(exact, "exact"))
        for lemma in lemmatize(query):
            if fold(lemma) == fold(query):
                continue
            hits = self.german_hits(lemma)
            if hits:
                found.lemma(lemma)
                found.add(self._rows(hits, "lemma"))
        if prefixes:
            found.add(self._rows(prefixes, "exact"))
        if not found.rows:
            for stem in _strip_endings(query):
                hits = self.german_hits(stem)
                if hits:
                    found.lemma(stem)
                    found.add(self._rows(hits, "ending"))
                    break
        parts: tuple[Part, ...] = ()
        if not found.rows:
            parts = self._compound_parts(query, found)
        return LookupResult(
            query=query,
            lemmas=tuple(found.lemmas),
            rows=tuple(found.rows.values()),
            parts=parts,
            truncated=found.extra,
        )

    def _compound_parts(self, query: str, found: _Collector) -> tuple[Part, ...]:
        if "-" in query.strip("-"):
            # Shahed-136-Drohnen: each piece on its own; the last one is the head.
            parts: list[Part] = []
            for piece in (p for p in query.split("-") if len(p) >= 2):
                result = self.lookup(piece, limit=3)
                if result.rows:
                    parts.append(Part(result.lemmas[0] if result.lemmas else piece, result.rows))
                else:
                    parts.extend(result.parts)
            return tuple(parts)
        candidates = [query, *lemmatize(query), *_strip_endings(query)]
        for candidate in dict.fromkeys(candidates):
            split = self.split_compound(candidate)
            if split is None:
                continue
            parts = []
            for text, _surface, hits in split:
                bases = self._bases(hits)
                base = bases[0] if bases else text
                parts.append(Part(base, tuple(self._rows(hits, "lemma")[:3])))
            head_surface = split[-1][1]
            found.lemma(candidate[: len(candidate) - len(head_surface)] + parts[-1].de.lower())
            return tuple(parts)
        return ()

    def split_compound(
        self, word: str, depth: int = 3
    ) -> list[tuple[str, str, tuple[Hit, ...]]] | None:
        """WORD as known parts [(part, as written, hits), ...], the longest head first.

        The head (last part) is a noun, as listed or without a genitive/plural ending
        (``Kampfjets`` -> Kampf + Jet); the parts before it may end in a linking element.
        None if WORD is not made of known parts.
        """
        if len(word) < MIN_PART + MIN_HEAD:
            return None
        for i in range(MIN_PART, len(word) - MIN_HEAD + 1):
            head = word[i:]
            found_head = self._head(head)
            if found_head is None:
                continue
            head_text, head_hits = found_head
            modifier = word[:i]
            candidates = _modifier_candidates(modifier)
            for candidate in candidates:
                hits = self._part_hits(candidate)
                if hits:
                    return [(candidate, modifier, hits), (head_text, head, head_hits)]
            if depth > 1:
                for candidate in candidates:
                    inner = self.split_compound(candidate, depth - 1)
                    if inner:
                        return [*inner, (head_text, head, head_hits)]
        return None

    def _head(self, head: str) -> tuple[str, tuple[Hit, ...]] | None:
        """A compound's head as a known noun: as written, or without an ending."""
        for text in (head, *(head[: -len(e)] for e in _HEAD_ENDINGS if head.endswith(e))):
            if len(text) >= MIN_PART and (hits := self._noun_hits(text)):
                return text, hits
        return None

    def _single_word_hits(self, text: str) -> tuple[Hit, ...]:
        return tuple(h for h in self.german_hits(text) if h.exact)

    def _noun_hits(self, text: str) -> tuple[Hit, ...]:
        """Hits for TEXT as a noun (a compound's head is a noun)."""
        hits = []
        for hit in self._single_word_hits(text):
            sub = self._sub(hit)
            if sub is not None and any(t.is_noun for t in sub.german):
                hits.append(hit)
        return tuple(hits)

    def _part_hits(self, text: str) -> tuple[Hit, ...]:
        if len(text) < MIN_PART:
            return ()
        return self._single_word_hits(text)

    # --- English --------------------------------------------------------------------------

    def reverse(self, word: str, limit: int = 20) -> LookupResult:
        """Rows whose English side lists WORD (``missile`` -> Flugkörper, Rakete ...)."""
        query = clean_word(word)
        if not query:
            return LookupResult(query=query)
        found = _Collector(limit=max(1, limit))
        for candidate in _english_candidates(query):
            hits = self.english_hits(candidate)
            if hits:
                found.lemma(candidate)
                found.add(self._reverse_rows(hits))
                break
        return LookupResult(
            query=query,
            lemmas=tuple(found.lemmas),
            rows=tuple(found.rows.values()),
            truncated=found.extra,
        )

    def _reverse_rows(self, hits: Iterable[Hit]) -> list[Row]:
        """Rows for English hits; the German side is shown from its first synonym."""
        ranked: list[tuple[tuple[int, ...], Row]] = []
        for hit in hits:
            row = self._row(hit._replace(syn=0), "reverse")
            if row is None:
                continue
            security = 0 if SECURITY_SUBJECTS.intersection(row.subjects) else 1
            # An English synonym in first place is the closest translation.
            ranked.append(
                ((security, _KIND_RANK[hit.kind], hit.syn > 0, hit.pos > 0, hit.line), row)
            )
        ranked.sort(key=lambda item: item[0])
        return [row for _, row in ranked]

    # --- subjects ---------------------------------------------------------------------------

    def subjects(self, word: str) -> set[str]:
        """The subject tags (``mil.``, ``pol.`` ...) of the rows for a German word.

        The word's own rows if it has any, else the parts of a compound.
        """
        result = self.lookup(word, limit=50)
        if result.rows:
            return {s for row in result.rows for s in row.subjects}
        return {s for part in result.parts for s in part.subjects}

    def is_security_term(self, word: str) -> bool:
        """True if WORD carries a military, political, legal or administrative subject tag."""
        return bool(self.subjects(word) & SECURITY_SUBJECTS)


# --- helpers ------------------------------------------------------------------------------------


def lemmatize(word: str) -> list[str]:
    """German lemmas simplemma gives for WORD (as written, capitalised, lower case)."""
    return list(_lemmas(word))


def _lemmas(word: str) -> tuple[str, ...]:
    cached = _LEMMA_CACHE.get(word)
    if cached is not None:
        return cached
    import simplemma

    found: dict[str, None] = {}
    variants = dict.fromkeys([word, word[:1].upper() + word[1:], word.lower()])
    for variant in variants:
        try:
            lemma = simplemma.lemmatize(variant, lang="de")
        except (ValueError, LookupError):  # pragma: no cover - simplemma data problem
            continue
        if lemma and lemma != variant:
            found.setdefault(lemma, None)
    result = tuple(found)
    if len(_LEMMA_CACHE) > 20000:
        _LEMMA_CACHE.clear()
    _LEMMA_CACHE[word] = result
    return result


_LEMMA_CACHE: dict[str, tuple[str, ...]] = {}


def detached_particles(word: str, sentence: str) -> list[str]:
    """Particles of a separable verb that WORD may have left at the end of its clause.

    ``detached_particles("schoss", "Die Armee schoss die Drohne ab.")`` is ``["ab"]``.
    """
    tokens = _TOKEN.findall(unicodedata.normalize("NFC", sentence))
    target = word.lower()
    try:
        start = next(i for i, t in enumerate(tokens) if t.lower() == target)
    except StopIteration:
        return []
    found: list[str] = []
    for i in range(start + 1, len(tokens)):
        token = tokens[i]
        low = token.lower()
        if token in _CLAUSE_END or low in _CLAUSE_WORDS:
            break
        if low in PARTICLES:
            following = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
            if not following or following in _CLAUSE_END or following in _CLAUSE_WORDS:
                found.append(low)
    return found[::-1]


def _strip_endings(word: str) -> list[str]:
    stems: list[str] = []
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_PART:
            stems.append(word[: -len(ending)])
    return stems


def _modifier_candidates(modifier: str) -> list[str]:
    """A compound's first part as written, without a linking element, or as a verb stem."""
    candidates = [modifier]
    for link in _LINKS:
        if modifier.endswith(link) and len(modifier) - len(link) >= MIN_PART:
            candidates.append(modifier[: -len(link)])
    candidates += [modifier + "e", modifier + "en", modifier + "n"]
    return list(dict.fromkeys(c for c in candidates if len(c) >= MIN_PART))


def _english_candidates(query: str) -> list[str]:
    low = query.lower()
    candidates = [query]
    for article in ("to ", "a ", "an ", "the "):
        if low.startswith(article):
            candidates.append(query[len(article) :])
    if low.endswith("ies"):
        candidates.append(query[:-3] + "y")
    if low.endswith("es"):
        candidates.append(query[:-2])
    if low.endswith("s"):
        candidates.append(query[:-1])
    return list(dict.fromkeys(c for c in candidates if c))
