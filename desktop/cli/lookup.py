"""`lagebild lookup WORD [--sentence TEXT] [--reverse] [--json]`: glossary, then dictionary.

The curated glossary entry comes first, then the offline dictionary's rows (headword,
grammar, subject tags, English senses); a compound that the dictionary does not list as a
whole is shown by its parts. Without a dictionary the glossary is still searched, and
stderr says how to install one. Exit 0 when anything was found, 1 when nothing was.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

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
    from desktop.core.dictionary import Row
    from desktop.core.terms.word_lookup import Sources, WordLookup


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


def _sources(paths: Paths) -> Sources:
    from desktop.cli.dictionary import BuildProgress
    from desktop.core.terms.word_lookup import Sources, open_dictionary, open_glossary

    termbase, glossary_problem = open_glossary(paths)
    bar = BuildProgress()
    try:
        dictionary, problem, missing = open_dictionary(paths, progress=bar)
    finally:
        bar.finish()
    return Sources(termbase, dictionary, glossary_problem, problem, missing)


def run(args: argparse.Namespace) -> int:
    """Print the glossary entries and dictionary rows for WORD."""
    from desktop.config import Paths
    from desktop.core.terms.word_lookup import look_up_word

    word = args.word.strip()
    if not word:
        return usage_error("lookup", "WORD is empty")
    sources = _sources(Paths.from_env())
    try:
        found = look_up_word(
            word, sources, sentence=args.sentence, reverse=args.reverse, limit=args.limit
        )
    finally:
        if sources.dictionary is not None:
            sources.dictionary.close()
    if found.glossary_problem:
        print(safe(f"lagebild lookup: glossary: {found.glossary_problem}"), file=sys.stderr)
    if found.dictionary_problem:
        print(safe(f"lagebild lookup: {found.dictionary_problem}"), file=sys.stderr)
    if args.json:
        emit_json(found.to_json())
    else:
        _print(found)
    if not found.found:
        print(safe(f"lagebild lookup: no entry for {word!r}"), file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _row_line(row: Row, senses: int = 8) -> str:
    grammar = f" {{{', '.join(row.grammar)}}}" if row.grammar else ""
    subjects = "".join(f" [{s}]" for s in row.subjects)
    english = "; ".join(row.en[:senses]) + ("; …" if len(row.en) > senses else "")
    return f"{row.headword}{grammar}{subjects}: {english}"


def _print(found: WordLookup) -> None:
    for entry in found.glossary:
        print(safe(f"glossary: {entry.de} -> {entry.en}  [{entry.category}] ({entry.id})"))
        if entry.definition:
            print(safe(f"    {entry.definition}"))
    result = found.dictionary
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
