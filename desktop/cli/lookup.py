"""`lagebild lookup WORD [--sentence TEXT] [--reverse] [--json]`: glossary, then dictionary.

The curated glossary entry comes first, then the offline dictionary's rows (headword,
grammar, subject tags, English senses); a compound that the dictionary does not list as a
whole is shown by its parts. Without a dictionary the glossary is still searched, and
stderr says how to install one. Exit 0 when anything was found, 1 when nothing was.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from desktop.cli.output import (
    EXIT_FAILED,
    EXIT_OK,
    bounded_int,
    emit_json,
    safe,
    usage_error,
)

if TYPE_CHECKING:
    from desktop.config import Paths
    from desktop.core.dictionary import LookupResult, Row
    from desktop.core.glossary.termbase import Entry


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the `lookup` command."""
    p = sub.add_parser(
        "lookup",
        help="look a word up: the glossary entry, then the offline German–English dictionary",
        description="Look a German word up in any form (inflected, separable verb, compound), "
        "or an English word with --reverse. The glossary entry comes first.",
    )
    p.add_argument("word", metavar="WORD", help="the word as it appears in the text")
    p.add_argument(
        "--sentence",
        metavar="TEXT",
        help="the sentence WORD is in (finds separable verbs: schoss ... ab -> abschießen)",
    )
    p.add_argument("--reverse", action="store_true", help="look up an English word")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument(
        "--limit",
        type=bounded_int(1, 500),
        default=10,
        metavar="N",
        help="at most N dictionary rows (default: 10)",
    )
    p.set_defaults(func=run)


def _glossary(word: str, paths: Paths) -> tuple[list[Entry], str]:
    from desktop.core.glossary.termbase import GlossaryError, Termbase

    try:
        return Termbase.load_default(paths).lookup(word), ""
    except GlossaryError as exc:
        return [], str(exc)


def _dictionary(
    args: argparse.Namespace, word: str, paths: Paths
) -> tuple[LookupResult | None, str]:
    from desktop.cli.dictionary import BuildProgress
    from desktop.core.dictionary import Dictionary, DictionaryError

    bar = BuildProgress()
    try:
        with Dictionary.open(paths, progress=bar) as dictionary:
            bar.finish()
            if args.reverse:
                return dictionary.reverse(word, limit=args.limit), ""
            return dictionary.lookup(word, sentence=args.sentence, limit=args.limit), ""
    except DictionaryError as exc:  # DictionaryMissing included: its message says what to do
        return None, str(exc)
    finally:
        bar.finish()


def run(args: argparse.Namespace) -> int:
    """Print the glossary entries and dictionary rows for WORD."""
    from desktop.config import Paths

    word = args.word.strip()
    if not word:
        return usage_error("lookup", "WORD is empty")
    paths = Paths.from_env()
    entries, glossary_problem = _glossary(word, paths)
    result, problem = _dictionary(args, word, paths)
    if glossary_problem:
        print(safe(f"lagebild lookup: glossary: {glossary_problem}"), file=sys.stderr)
    if problem:
        print(safe(f"lagebild lookup: {problem}"), file=sys.stderr)
    found = bool(entries) or (result is not None and result.found)
    if args.json:
        emit_json(_json(word, entries, result, problem))
    else:
        _print(word, entries, result)
    if not found:
        print(safe(f"lagebild lookup: no entry for {word!r}"), file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _glossary_json(entry: Entry) -> dict[str, Any]:
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


def _json(
    word: str, entries: list[Entry], result: LookupResult | None, problem: str
) -> dict[str, Any]:
    data: dict[str, Any] = {"query": word, "lemmas": [], "entries": [], "parts": []}
    if result is not None:
        data = result.to_json()
    data["entries"] = [_glossary_json(e) for e in entries] + data["entries"]
    data["dictionary_problem"] = problem or None
    return data


def _row_line(row: Row, senses: int = 8) -> str:
    grammar = f" {{{', '.join(row.grammar)}}}" if row.grammar else ""
    subjects = "".join(f" [{s}]" for s in row.subjects)
    english = "; ".join(row.en[:senses]) + ("; …" if len(row.en) > senses else "")
    return f"{row.headword}{grammar}{subjects}: {english}"


def _print(word: str, entries: list[Entry], result: LookupResult | None) -> None:
    for entry in entries:
        print(safe(f"glossary: {entry.de} -> {entry.en}  [{entry.category}] ({entry.id})"))
        if entry.definition:
            print(safe(f"    {entry.definition}"))
    if result is None:
        return
    if result.rows:
        lemmas = [lemma for lemma in result.lemmas if lemma != result.query]
        if lemmas:
            print(safe(f"{result.query}: {', '.join(lemmas)}"))
        for row in result.rows:
            print(safe(_row_line(row)))
            if row.de != row.headword:
                print(safe(f"    {row.de}"))
        if result.truncated:
            print(f"({result.truncated} more; --limit N shows more)")
    elif result.parts:
        print(safe(f"{result.query} is not listed as a whole; its parts:"))
        for part in result.parts:
            if part.rows:
                print(safe("  " + _row_line(part.rows[0]._replace(headword=part.de))))
                for row in part.rows[1:]:
                    print(safe("    also: " + "; ".join(row.en[:6])))
