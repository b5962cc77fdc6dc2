"""German lemma text for the lemma index: the same function for stored text and for queries.

Each word becomes its simplemma lemma (through ``dictionary.lookup.lemmatize``), folded
(lower case, ß -> ss), so ``Raketen`` and ``Rakete`` share the token ``rakete``. Compounds
are found by their parts at little cost:

- by the head: a compound's known heads are appended after the sentence's lemmas
  (``Flugabwehrraketen`` adds ``abwehrrakete`` and ``rakete``), so ``Rakete`` finds it;
  appending (rather than inserting) keeps phrase positions of the lemmas intact;
- by the first part: the query's lemmas are matched as prefixes (``Flugabwehr*``), which
  FTS5 does from its term b-tree without extra index.

A head counts only when the part before it is itself a known word, perhaps with a linking
element (Drohne-n-angriff), which keeps out accidents like ``Panzerhau|bitze``. Both
lookups are cached per distinct word: a corpus repeats its words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+")  # as FTS5 unicode61 splits: letters and digits
_LINKS = ("es", "en", "er", "s", "n", "e")
MIN_MODIFIER = 3
MIN_HEAD = 4
#: Shorter words are not split (and a query word this short is not used as a prefix).
MIN_COMPOUND = 8
MIN_PREFIX = 4


def words(text: str) -> list[str]:
    """The words of TEXT as the lemma index tokenises them (letters and digits)."""
    return _WORD.findall(text)


def fold(word: str) -> str:
    """Lower case with ß as ss; diacritics are removed by the index's tokeniser."""
    return word.casefold()


def _simplemma(word: str) -> str:
    import simplemma

    try:
        return str(simplemma.lemmatize(word, lang="de"))
    except (ValueError, LookupError):  # pragma: no cover - simplemma data problem
        return word


def _known(part: str) -> bool:
    import simplemma

    return bool(simplemma.is_known(part, lang="de"))


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The folded lemma of WORD as written (simplemma; the word itself when it knows none).

    As written, not case-guessed: "Angriff" stays a noun, while "angriff" would be read
    as the verb "angreifen". Queries try the other casings too (``query_lemmas``).
    """
    if len(word) < 2 or not word.isalpha():
        return fold(word)
    return fold(_simplemma(word))


def query_lemmas(word: str) -> tuple[str, ...]:
    """The folded lemmas a query word may stand for: as typed, capitalised, lower case."""
    variants = dict.fromkeys([word, word[:1].upper() + word[1:], word.lower()])
    return tuple(dict.fromkeys(lemma(v) for v in variants))


@lru_cache(maxsize=200_000)
def heads(word: str) -> tuple[str, ...]:
    """Folded lemmas of the known heads of compound WORD, longest first (may be empty)."""
    if len(word) < MIN_COMPOUND or not word.isalpha():
        return ()
    base = _simplemma(word)
    folded_base = fold(base)
    out: list[str] = []
    for cut in range(MIN_MODIFIER, len(base) - MIN_HEAD + 1):
        head = base[cut].upper() + base[cut + 1 :]
        if not _known(head) or not _known_modifier(base[:cut], _known):
            continue
        folded = fold(_simplemma(head))
        if folded != folded_base and folded not in out:
            out.append(folded)
    return tuple(out)


def _known_modifier(modifier: str, known: Callable[[str], bool]) -> bool:
    if known(modifier):
        return True
    return any(
        modifier.endswith(link) and len(modifier) - len(link) >= MIN_MODIFIER
        and known(modifier[: -len(link)])
        for link in _LINKS
    )  # fmt: skip


def lemma_text(text: str) -> str:
    """The lemma-index text of a German sentence: lemmas in order, then compound heads."""
    tokens = words(text)
    out = [lemma(w) for w in tokens]
    extra: dict[str, None] = {}
    for w in tokens:
        for head in heads(w):
            extra.setdefault(head, None)
    if extra:
        out.extend(extra)
    return " ".join(out)
