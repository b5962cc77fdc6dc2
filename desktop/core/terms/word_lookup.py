"""One word looked up for the reader: the curated glossary entry first, then the dictionary.

``lagebild lookup`` and the window's lookup popup both call :func:`look_up_word`, so the
order (curated entries before dictionary rows), the JSON shape and the handling of a
missing dictionary are decided here once. The caller opens the termbase and the
dictionary (:func:`open_glossary`, :func:`open_dictionary`) and may keep them open for
many lookups; a source that cannot be opened is a normal state carried as a one-line
problem, and the other source still answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.config import Paths
    from desktop.core.dictionary import Dictionary, LookupResult, Progress
    from desktop.core.glossary.termbase import Entry, Termbase


@dataclass(frozen=True)
class Sources:
    """What lookups read: the termbase and the dictionary, or why each one is absent."""

    termbase: Termbase | None
    dictionary: Dictionary | None
    glossary_problem: str = ""
    dictionary_problem: str = ""
    #: True when no Ding file is installed (the problem then says how to get one).
    dictionary_missing: bool = False


@dataclass(frozen=True)
class WordLookup:
    """What one lookup found: curated entries, dictionary rows and compound parts."""

    query: str
    reverse: bool = False
    glossary: tuple[Entry, ...] = ()
    dictionary: LookupResult | None = None
    glossary_problem: str = ""
    dictionary_problem: str = ""
    dictionary_missing: bool = False

    @property
    def found(self) -> bool:
        """True when the glossary or the dictionary knows the word."""
        return bool(self.glossary) or (self.dictionary is not None and self.dictionary.found)

    def to_json(self) -> dict[str, Any]:
        """``{"query", "lemmas", "entries", "parts", "dictionary_problem"}``; glossary first."""
        data: dict[str, Any] = {"query": self.query, "lemmas": [], "entries": [], "parts": []}
        if self.dictionary is not None:
            data = self.dictionary.to_json()
        data["entries"] = [glossary_json(e) for e in self.glossary] + data["entries"]
        data["dictionary_problem"] = self.dictionary_problem or None
        return data


def glossary_json(entry: Entry) -> dict[str, Any]:
    """A curated entry in the shape of a dictionary row (``"source": "glossary"``)."""
    return {
        "de": entry.de,
        "en": list(dict.fromkeys(entry.english_terms)),
        "grammar": [],
        "subjects": [],
        "source": "glossary",
        "id": entry.id,
        "category": entry.category,
        "definition": entry.definition,
    }


def open_glossary(paths: Paths) -> tuple[Termbase | None, str]:
    """The bundled termbase with the user's entries, or None and why it cannot be read."""
    from desktop.core.glossary.termbase import GlossaryError, Termbase

    try:
        return Termbase.load_default(paths), ""
    except GlossaryError as exc:
        return None, str(exc)


def open_dictionary(
    paths: Paths, progress: Progress | None = None, system_source: Path | None = None
) -> tuple[Dictionary | None, str, bool]:
    """``(dictionary, problem, missing)``: the opened dictionary, else why not.

    Builds the index first when it is missing or out of date (PROGRESS reports the build).
    SYSTEM_SOURCE replaces ``/usr/share/trans/de-en`` (tests point it elsewhere).
    """
    from desktop.core.dictionary import Dictionary, DictionaryError, DictionaryMissing

    try:
        return Dictionary.open(paths, progress=progress, system_source=system_source), "", False
    except DictionaryMissing as exc:  # a normal state: the message says how to get one
        return None, str(exc), True
    except DictionaryError as exc:
        return None, str(exc), False
    except OSError as exc:  # the data dir is unusable (not a folder, no permission)
        where = exc.filename or paths.data
        return None, f"the dictionary index cannot be read or made: {exc.strerror}: {where}", False


def look_up_word(
    word: str,
    sources: Sources,
    *,
    sentence: str | None = None,
    reverse: bool = False,
    limit: int = 10,
) -> WordLookup:
    """Curated entries for WORD, then dictionary rows (English -> German when REVERSE).

    SENTENCE is the sentence WORD stands in: it lets a separated verb particle be found
    ("schoss ... ab" -> abschießen). At most LIMIT dictionary rows.
    """
    from desktop.core.dictionary import DictionaryError

    query = word.strip()
    entries: tuple[Entry, ...] = ()
    if sources.termbase is not None and query:
        entries = tuple(sources.termbase.lookup(query))
    result: LookupResult | None = None
    problem = sources.dictionary_problem
    dictionary = sources.dictionary
    if dictionary is not None and query:
        try:
            if reverse:
                result = dictionary.reverse(query, limit=limit)
            else:
                result = dictionary.lookup(query, sentence=sentence, limit=limit)
        except DictionaryError as exc:  # e.g. the index went bad under us: still one line
            problem = str(exc)
    return WordLookup(
        query=query,
        reverse=reverse,
        glossary=entries,
        dictionary=result,
        glossary_problem=sources.glossary_problem,
        dictionary_problem=problem,
        dictionary_missing=sources.dictionary_missing,
    )
