"""The termbase: entries, loading with a schema check, the user's own entries, lookup.

File format (``resources/glossary/termbase.json`` and the user's file)::

    {"format": "lagebild-termbase", "version": 1, "entries": [
      {"id": "hur", "de": "HUR", "de_variants": ["GUR"], "en": "HUR", "en_variants": [],
       "category": "agency", "definition": "...", "do_not_translate": true,
       "related": ["budanov"]}]}

``id``, ``de``, ``en`` and ``category`` are required; the other fields default to empty.
The user's entries are saved atomically (temp file + fsync + rename) with one ``.bak``.
Matching lives in :mod:`desktop.core.glossary.matching`, suggestions in
:mod:`desktop.core.glossary.suggestions`, the term check in
:mod:`desktop.core.glossary.termcheck`; they are re-exported here lazily.
"""

from __future__ import annotations

import gc
import json
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.errors import LagebildError
from desktop.core.files import FileTooLarge, UnreadableFile, read_limited

if TYPE_CHECKING:
    from desktop.config import Paths
    from desktop.core.glossary.matching import Matcher

FORMAT_NAME = "lagebild-termbase"
FORMAT_VERSION = 1
CATEGORIES = (
    "agency",
    "force",
    "weapon_system",
    "weapon_class",
    "concept",
    "sanctions_diplomacy",
    "person",
    "place",
    "organisation",
)
SOURCES = ("builtin", "user")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_LIST_FIELDS = ("de_variants", "en_variants", "related", "ambiguous")
_TEXT_FIELDS = ("id", "de", "en", "category", "definition")
_KNOWN_FIELDS = set(_LIST_FIELDS) | set(_TEXT_FIELDS) | {"do_not_translate", "source"}
# A termbase file (built-in or the user's) is read whole; this bounds memory and refuses
# devices and pipes. 100,000 entries take about 40 MB.
MAX_TERMBASE_BYTES = 256 * 1024 * 1024


class GlossaryError(LagebildError):
    """A termbase that cannot be read or saved; ``str(e)`` names the file, entry and field."""


class GlossarySaveError(GlossaryError, OSError):
    """The user's termbase could not be written (disk full, no permission); nothing changed."""


@dataclass(frozen=True)
class Entry:
    """One concept: German base form, English rendering, variants, category, definition."""

    id: str
    de: str
    en: str
    category: str
    de_variants: tuple[str, ...] = ()
    en_variants: tuple[str, ...] = ()
    definition: str = ""
    do_not_translate: bool = False
    related: tuple[str, ...] = ()
    source: str = "builtin"
    #: German terms of this entry that are also everyday words or names (Mine, Puma, SWR):
    #: they match only with military context nearby (see matching.py).
    ambiguous: tuple[str, ...] = ()

    @property
    def german_terms(self) -> tuple[str, ...]:
        """The base form first, then the variants."""
        return (self.de, *self.de_variants)

    @property
    def english_terms(self) -> tuple[str, ...]:
        """The preferred English rendering first, then accepted variants."""
        return (self.en, *self.en_variants)

    def to_json(self) -> dict:
        """The entry as a JSON object in the file format (without ``source``)."""
        data = {
            "id": self.id,
            "de": self.de,
            "de_variants": list(self.de_variants),
            "en": self.en,
            "en_variants": list(self.en_variants),
            "category": self.category,
            "definition": self.definition,
            "do_not_translate": self.do_not_translate,
            "related": list(self.related),
        }
        if self.ambiguous:  # written only when set, so other entries keep their shape
            data["ambiguous"] = list(self.ambiguous)
        return data


def _shown(value: object) -> str:
    """VALUE for a message: short, and never a walk through nested data."""
    if isinstance(value, str):
        return repr(value if len(value) <= 60 else value[:60] + "...")
    if value is None or isinstance(value, bool | float):
        return repr(value)
    if isinstance(value, int):
        return repr(value) if abs(value) < 10**18 else "a very long number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"


def entry_from_json(obj: object, where: str, source: str = "builtin") -> Entry:
    """Validate one JSON object and build an Entry; errors name ``where`` and the field."""
    if not isinstance(obj, dict):
        raise GlossaryError(f"{where}: must be an object, not {type(obj).__name__}")
    ident = obj.get("id")
    if isinstance(ident, str) and ident:
        where = f"{where} (id {_shown(ident)})"
    unknown = sorted(str(k) for k in set(obj) - _KNOWN_FIELDS)
    if unknown:
        raise GlossaryError(f"{where}: unknown field {_shown(unknown[0])}")
    values: dict = {}
    for name in _TEXT_FIELDS:
        value = obj.get(name, "" if name == "definition" else None)
        if value is None:
            raise GlossaryError(f"{where}: field {name!r} is missing")
        if not isinstance(value, str):
            raise GlossaryError(f"{where}: field {name!r} must be a string")
        value = unicodedata.normalize("NFC", value.strip())
        if not value and name != "definition":
            raise GlossaryError(f"{where}: field {name!r} is empty")
        values[name] = value
    if not _ID_RE.match(values["id"]):
        raise GlossaryError(
            f"{where}: field 'id' must be lower-case letters, digits, '_', '-' or '.'"
        )
    if values["category"] not in CATEGORIES:
        raise GlossaryError(
            f"{where}: field 'category' is {_shown(values['category'])}, "
            f"expected one of {', '.join(CATEGORIES)}"
        )
    for name in _LIST_FIELDS:
        value = obj.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise GlossaryError(f"{where}: field {name!r} must be a list of non-empty strings")
        values[name] = tuple(dict.fromkeys(unicodedata.normalize("NFC", v.strip()) for v in value))
    terms = {fold(t) for t in (values["de"], *values["de_variants"])}
    stray = [t for t in values["ambiguous"] if fold(t) not in terms]
    if stray:
        raise GlossaryError(
            f"{where}: field 'ambiguous' lists {_shown(stray[0])}, which is not one of the "
            "entry's German terms"
        )
    dnt = obj.get("do_not_translate", False)
    if not isinstance(dnt, bool):
        raise GlossaryError(f"{where}: field 'do_not_translate' must be true or false")
    return Entry(do_not_translate=dnt, source=source, **values)


def parse_termbase(data: object, name: str, source: str = "builtin") -> list[Entry]:
    """Validate a decoded termbase document; return its entries."""
    if not isinstance(data, dict):
        raise GlossaryError(f"{name}: the top level must be an object")
    version = data.get("version")
    if data.get("format") != FORMAT_NAME:
        raise GlossaryError(f"{name}: field 'format' must be {FORMAT_NAME!r}")
    if type(version) is not int or version != FORMAT_VERSION:
        raise GlossaryError(f"{name}: unsupported version {_shown(version)}")
    raw = data.get("entries")
    if not isinstance(raw, list):
        raise GlossaryError(f"{name}: field 'entries' must be a list")
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    with bulk_allocation():
        for number, obj in enumerate(raw, start=1):
            entry = entry_from_json(obj, f"{name}: entry {number}", source)
            if entry.id in seen:
                raise GlossaryError(
                    f"{name}: entry {number}: id {entry.id!r} repeats entry {seen[entry.id]}"
                )
            seen[entry.id] = number
            entries.append(entry)
    return entries


def read_termbase(path: Path, source: str = "builtin") -> list[Entry]:
    """Read and validate a termbase file; any problem is one GlossaryError naming the file.

    The file is only read, never changed: a broken user file stays for the user to fix.
    Devices, pipes and files over MAX_TERMBASE_BYTES are refused without being read.
    """
    path = Path(path)
    try:
        raw = read_limited(path, MAX_TERMBASE_BYTES)
    except FileTooLarge:
        raise GlossaryError(
            f"{path}: over {MAX_TERMBASE_BYTES // 1_048_576} MB, too large for a termbase"
        ) from None
    except UnreadableFile:
        raise GlossaryError(f"{path}: not a regular file (a device, pipe or socket)") from None
    except OSError as exc:
        raise GlossaryError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")  # a BOM from a Windows editor is not an error
    except UnicodeDecodeError as exc:
        raise GlossaryError(f"{path}: not UTF-8 text (byte {exc.start:,})") from None
    del raw
    try:
        with bulk_allocation():
            data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GlossaryError(f"{path}: line {exc.lineno}: invalid JSON ({exc.msg})") from None
    except RecursionError:
        raise GlossaryError(
            f"{path}: not a termbase: lists or objects are nested too deeply to read"
        ) from None
    except ValueError as exc:  # e.g. a number with more digits than Python converts
        reason = "a number is too long" if "digits" in str(exc) else "unreadable value"
        raise GlossaryError(f"{path}: invalid JSON ({reason})") from None
    return parse_termbase(data, str(path), source)


@contextmanager
def bulk_allocation() -> Iterator[None]:
    """Pause the cyclic garbage collector while many small objects are made.

    Reading or indexing 100,000 entries makes millions of objects and no reference cycles;
    the collector's repeated passes over them doubled the time. It runs again afterwards
    (unless something else had switched it off). After many objects it makes one full pass
    at once, so the new objects settle in the oldest generation here and not in a pause
    of half a second during some later lookup.
    """
    enabled = gc.isenabled()
    before = gc.get_count()[0]
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
            if gc.get_count()[0] - before > 100_000:
                gc.collect()


def write_termbase(path: Path, entries: list[Entry]) -> None:
    """Save entries atomically: temp file, fsync, keep one .bak, rename over the target.

    Raises GlossarySaveError (an OSError too) when the file cannot be written.
    """
    path = Path(path)
    doc = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "entries": [e.to_json() for e in entries],
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise GlossarySaveError(f"{path}: cannot save ({exc.strerror or exc})") from None
    bak = path.with_name(path.name + ".bak")
    bak_tmp = Path(tmp + ".bak")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(doc, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            # copy, not move: the target must exist at every moment of the save; via a
            # temp file, so a full disk cannot leave a cut-off backup either.
            shutil.copy2(path, bak_tmp)
            os.replace(bak_tmp, bak)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        bak_tmp.unlink(missing_ok=True)
        raise GlossarySaveError(
            f"{path}: cannot save ({exc.strerror or exc}); the previous version is unchanged"
        ) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        bak_tmp.unlink(missing_ok=True)
        raise
    try:  # make the rename itself durable; not possible on every platform
        dir_fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def fold(text: str) -> str:
    """Case- and umlaut-insensitive key: casefold, ä->a, ö->o, ü->u, ß->ss, no accents."""
    text = text.casefold().replace("ß", "ss")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def make_id(text: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A fresh entry id made from a term (``Tu-22M3`` -> ``tu-22m3``)."""
    base = re.sub(r"[^a-z0-9]+", "_", fold(text)).strip("_") or "term"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    return candidate


_EN_WORD_SPLIT = re.compile(r"[\s\-\u2010\u2011]+")  # as termcheck.english_pattern splits
_POSSESSIVES = ("'s", "\u2019s", "'", "\u2019")


def _fold_fast(text: str) -> str:
    return text.lower() if text.isascii() else fold(text)


class LookupIndex:
    """Dictionaries for Termbase.lookup, built once per set of entries.

    ``exact`` maps every German and English term, folded, to the ids of its entries.
    ``english`` maps (first word, last word, number of words), folded, of every English
    term to (id, term, folded middle words): a word can only match the inflected-English
    pattern of terms under one of a few such keys (see english_candidates). Ids are kept
    in entry order, so a lookup lists entries in the order a scan of all entries would.
    """

    def __init__(self, entries: list[Entry]) -> None:
        self.position: dict[str, int] = {}
        self.exact: dict[str, list[str]] = {}
        self.english: dict[tuple[str, str, int], list[tuple[str, str, tuple[str, ...]]]] = {}
        self.wordless: list[tuple[str, str]] = []  # English terms of separators only
        with bulk_allocation():
            for number, entry in enumerate(entries):
                self.position[entry.id] = number
                for term in (*entry.german_terms, *entry.english_terms):
                    ids = self.exact.setdefault(_fold_fast(term), [])
                    if not ids or ids[-1] != entry.id:
                        ids.append(entry.id)
                for term in entry.english_terms:
                    words = [w for w in _EN_WORD_SPLIT.split(term.strip()) if w]
                    if not words:
                        self.wordless.append((entry.id, term))
                        continue
                    folded = [_fold_fast(w) for w in words]
                    key = (folded[0], folded[-1], len(words))
                    middle = tuple(folded[1:-1])
                    self.english.setdefault(key, []).append((entry.id, term, middle))

    @staticmethod
    def _bases(token: str, last: bool) -> set[str]:
        """The folded forms an English term word may have if it matches TOKEN.

        termcheck.english_pattern lets a word match as itself, +s, +es, y->ies, f->ves,
        f->fs (an acronym or designator: itself or +s), and the last word also with a
        possessive ('s, '). Every such form is TOKEN minus at most three final letters,
        perhaps plus y or f, so these few strings cover them all (and more).
        """
        forms = {token}
        if last:
            forms |= {token[: -len(p)] for p in _POSSESSIVES if token.endswith(p)}
        bases: set[str] = set()
        for form in forms:
            bases |= {form, form[:-1], form[:-2], form[:-3] + "y", form[:-3] + "f"}
        return bases

    def english_candidates(self, word: str) -> list[tuple[str, str]]:
        """(id, term) of the English terms whose pattern may match WORD: a superset, which
        the caller confirms with the pattern itself."""
        tokens = [t for t in _EN_WORD_SPLIT.split(word) if t]
        found = list(self.wordless)
        if not tokens:
            return found
        count = len(tokens)
        firsts = self._bases(_fold_fast(tokens[0]), last=count == 1)
        if count == 1:
            keys = {(base, base) for base in firsts}
        else:
            lasts = self._bases(_fold_fast(tokens[-1]), last=True)
            keys = {(first, last) for first in firsts for last in lasts}
        middle = [self._bases(_fold_fast(t), last=False) for t in tokens[1:-1]]
        for first, last in keys:
            for entry_id, term, words in self.english.get((first, last, count), ()):
                if all(w in bases for w, bases in zip(words, middle, strict=True)):
                    found.append((entry_id, term))
        return found


class Termbase:
    """The built-in entries plus the user's own (user entries override by id)."""

    def __init__(self, entries: list[Entry] | None = None) -> None:
        self.entries: list[Entry] = []
        self._by_id: dict[str, Entry] = {}
        for entry in entries or []:
            self._put(entry)
        self._matcher: Matcher | None = None

    def _put(self, entry: Entry) -> None:
        if entry.id in self._by_id:
            self.entries = [e for e in self.entries if e.id != entry.id]
        self._by_id[entry.id] = entry
        self.entries.append(entry)

    @classmethod
    def load(cls, builtin: Path | None, user: Path | None = None) -> Termbase:
        """Load a built-in file and, if it exists, a user file."""
        entries = read_termbase(builtin) if builtin is not None else []
        if user is not None and Path(user).exists():
            try:
                entries += read_termbase(user, source="user")
            except GlossaryError as exc:
                backup = Path(user).with_name(Path(user).name + ".bak")
                if backup.exists():
                    raise GlossaryError(f"{exc}; the previous version is in {backup}") from None
                raise
        return cls(entries)

    @classmethod
    def load_default(cls, paths: Paths | None = None) -> Termbase:
        """The bundled termbase plus the user's file from ``paths.user_glossary``."""
        from desktop import resources
        from desktop.config import Paths

        paths = paths or Paths.from_env()
        return cls.load(resources.path(resources.DEFAULT_GLOSSARY), paths.user_glossary)

    def get(self, entry_id: str) -> Entry | None:
        """The entry with this id, or None."""
        return self._by_id.get(entry_id)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    @property
    def ids(self) -> set[str]:
        """All entry ids."""
        return set(self._by_id)

    def warnings(self) -> list[str]:
        """Non-fatal problems, e.g. ``related`` ids that name no entry."""
        return [
            f"entry {e.id!r}: related id {r!r} names no entry"
            for e in self.entries
            for r in e.related
            if r not in self._by_id
        ]

    def matcher(self) -> Matcher:
        """The (cached) Matcher for these entries."""
        if self._matcher is None:
            from desktop.core.glossary.matching import Matcher

            self._matcher = Matcher(self)
        return self._matcher

    def lookup_index(self) -> LookupIndex:
        """The LookupIndex for the current entries (rebuilt when the matcher is)."""
        matcher = self.matcher()
        cached: tuple[object, LookupIndex] | None = getattr(self, "_lookup_cache", None)
        if cached is None or cached[0] is not matcher:  # entries changed since: rebuild
            cached = (matcher, LookupIndex(self.entries))
            self._lookup_cache = cached
        return cached[1]

    def lookup(self, word: str) -> list[Entry]:
        """Entries for a word in any form, German (inflected, compound) or English.

        In order: entries with the word (folded) as a term or id, then entries whose
        English term matches it inflected, then entries the matcher finds in it. Each step
        uses LookupIndex dictionaries; no step reads every entry.
        """
        word = unicodedata.normalize("NFC", word.strip())
        if not word:
            return []
        from desktop.core.glossary.termcheck import english_pattern

        index = self.lookup_index()
        key = fold(word)
        exact = set(index.exact.get(key, ()))
        if key in self._by_id:
            exact.add(key)
        in_order = index.position.__getitem__
        found = {entry_id: self._by_id[entry_id] for entry_id in sorted(exact, key=in_order)}
        english = {
            entry_id
            for entry_id, term in index.english_candidates(word)
            if entry_id not in found and english_pattern(term).fullmatch(word)
        }
        for entry_id in sorted(english, key=in_order):
            found[entry_id] = self._by_id[entry_id]
        for hit in self.matcher().match_text(word):
            for entry_id in (hit.entry_id, *hit.related):
                if entry_id not in found and (entry := self.get(entry_id)):
                    found[entry_id] = entry
        return list(found.values())

    def user_entries(self) -> list[Entry]:
        """The entries that came from the user's file."""
        return [e for e in self.entries if e.source == "user"]

    def add_user_entries(self, entries: list[Entry], paths: Paths | None = None) -> None:
        """Add or replace user entries and save the user file atomically (all or nothing)."""
        from desktop.config import Paths

        paths = paths or Paths.from_env()
        target = Path(paths.user_glossary)
        current = read_termbase(target, source="user") if target.exists() else []
        merged = {e.id: e for e in current}
        for entry in entries:
            merged[entry.id] = replace(entry, source="user")
        write_termbase(target, list(merged.values()))
        for entry in entries:
            self._put(replace(entry, source="user"))
        self._matcher = None

    def add_user_entry(self, entry: Entry, paths: Paths | None = None) -> None:
        """Add (or replace) one user entry and save the user file atomically."""
        self.add_user_entries([entry], paths)

    def new_entry(
        self, de: str, en: str, category: str, definition: str = "", **extra: object
    ) -> Entry:
        """A validated user Entry with a fresh id (not yet saved)."""
        obj = {
            "id": make_id(de, self.ids),
            "de": de,
            "en": en,
            "category": category,
            "definition": definition,
            **extra,
        }
        return entry_from_json(obj, f"new entry {de!r}", source="user")


def add_term(
    termbase: Termbase,
    term: str,
    english: str,
    category: str,
    definition: str = "",
    paths: Paths | None = None,
) -> Entry:
    """Add a user entry and save it; the one add-term path of the CLI and the window.

    A term whose German form is already in the glossary (in any spelling that folds to the
    same key) is refused with a GlossaryError naming the entry, instead of saving a duplicate.
    """
    key = fold(term.strip())
    for known in termbase.entries:
        if any(fold(t) == key for t in known.german_terms):
            raise GlossaryError(f"{term.strip()!r} is already in the glossary (entry {known.id!r})")
    entry = termbase.new_entry(term.strip(), english, category, definition)
    termbase.add_user_entry(entry, paths)
    return entry


def __getattr__(name: str) -> object:
    # Lazy re-exports keep the documented API in one place without import cycles.
    if name in ("Matcher", "Hit"):
        from desktop.core.glossary import matching

        return getattr(matching, name)
    if name in ("suggest_terms", "Suggestion"):
        from desktop.core.glossary import suggestions as terms

        return getattr(terms, name)
    if name in ("check_terms", "TermIssue"):
        from desktop.core.glossary import termcheck

        return getattr(termcheck, name)
    raise AttributeError(name)
