"""`lagebild glossary ...`: terms in a document, lookup, add, import and export.

The terms of a document are the curated glossary's hits and, below them, dictionary terms:
words the glossary lacks whose Ding entry is tagged military, political or legal (see
:mod:`desktop.core.terms`). Both are in the one ``terms`` list, told apart by ``source``
(``"glossary"`` or ``"dictionary"``). The dictionary index is built on first need, as for
``lagebild lookup``; without a dictionary the curated terms come alone and stderr says how
to install one. ``--no-dictionary`` leaves the dictionary out.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli.output import (
    EXIT_OK,
    CommandError,
    emit_json,
    load_article,
    safe,
    usage_error,
)

if TYPE_CHECKING:
    from desktop.core.documents.article import Article
    from desktop.core.glossary.matching import Hit
    from desktop.core.glossary.termbase import Termbase
    from desktop.core.terms import TermHit

ACTIONS = ("match", "lookup", "import", "export", "add")

_EPILOG = (
    "forms:\n"
    "  lagebild glossary FILE [--json] [--no-dictionary]\n"
    "                                            terms, dictionary terms and suggestions\n"
    "  lagebild glossary match FILE [--json]     the same (for a file named like an action)\n"
    "  lagebild glossary FILE --add-suggestion TERM --english X --category C [--definition D]\n"
    "  lagebild glossary add TERM --english X --category C [--definition D]\n"
    "  lagebild glossary lookup WORD [--json]    entries for a word in any form, de or en\n"
    "  lagebild glossary import FILE             .tbx or .csv into your own glossary\n"
    "  lagebild glossary export FILE [--user-only]  .tbx or .csv\n"
    "categories: agency, force, weapon_system, weapon_class, concept, "
    "sanctions_diplomacy, person, place, organisation"
)


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the `glossary` command."""
    p = sub.add_parser(
        "glossary",
        help="glossary terms in a document; lookup, import, export",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Find glossary terms in a document, look words up, manage your own entries.",
        epilog=_EPILOG,
    )
    p.add_argument(
        "target", metavar="FILE|ACTION", help="a document, or one of: " + ", ".join(ACTIONS)
    )
    p.add_argument("operand", nargs="?", metavar="ARG", help="the action's FILE, WORD or TERM")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--lang", default="de", help="document language (default: de)")
    p.add_argument("--no-suggestions", action="store_true", help="skip new-term suggestions")
    p.add_argument(
        "--no-dictionary",
        action="store_true",
        help="only the curated glossary's terms, no terms from the dictionary",
    )
    p.add_argument("--add-suggestion", metavar="TERM", help="add TERM to your own glossary")
    p.add_argument("--english", metavar="X", help="English rendering for add / --add-suggestion")
    p.add_argument("--category", metavar="C", help="category for add / --add-suggestion")
    p.add_argument("--definition", metavar="D", default="", help="definition for a new entry")
    p.add_argument("--user-only", action="store_true", help="export only your own entries")
    p.set_defaults(func=run)


def _termbase() -> Termbase:
    from desktop.core.glossary.termbase import GlossaryError, Termbase

    try:
        return Termbase.load_default()
    except GlossaryError as exc:
        raise CommandError(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    """Match terms in a document, look up a word, add, import or export entries."""
    from desktop.core.glossary.termbase import GlossaryError

    action, operand = args.target, args.operand
    if action not in ACTIONS:
        action, operand = "match", args.target
        if args.operand is not None:
            return usage_error("glossary", f"unexpected argument {args.operand!r}")
    if operand is None:
        return usage_error("glossary", f"{action} needs an argument")
    adding = action == "add" or (action == "match" and args.add_suggestion)
    if adding and (not args.english or not args.category):
        return usage_error("glossary", "adding an entry needs --english and --category")
    try:
        return _HANDLERS[action](args, operand)
    except GlossaryError as exc:
        raise CommandError(str(exc)) from None


def _add(args: argparse.Namespace, term: str, quiet: bool = False) -> int:
    from desktop.core.glossary.termbase import add_term

    entry = add_term(_termbase(), term, args.english, args.category, args.definition)
    if not quiet:
        print(safe(f"added {entry.id}: {entry.de} -> {entry.en} ({entry.category})"))
    return EXIT_OK


def _match(args: argparse.Namespace, file: str) -> int:
    from desktop.core.glossary.suggestions import suggest_terms

    art = load_article(file, args.lang)
    if args.add_suggestion:
        _add(args, args.add_suggestion, quiet=args.json)
    termbase = _termbase()
    hits = termbase.matcher().match(art)
    found, problem = _terms(args, art, termbase, hits)
    if problem:
        print(safe(f"lagebild glossary: {problem}; dictionary terms are left out"), file=sys.stderr)
    suggestions = [] if args.no_suggestions else suggest_terms(art, termbase, hits)
    terms = _terms_json(found, termbase)
    if args.json:
        emit_json(
            {
                "terms": terms,
                "suggestions": [
                    {
                        "term": s.term,
                        "score": s.score,
                        "kind": s.kind,
                        "contexts": [
                            {"sentence": sid, "start": a, "end": b, "text": art.text[a:b]}
                            for sid, a, b in s.contexts
                        ],
                    }
                    for s in suggestions
                ],
                "dictionary_problem": problem or None,
            }
        )
        return EXIT_OK
    shown_heading = False
    for term in terms:
        if term["source"] == "dictionary" and not shown_heading:
            print("\nfrom the dictionary:")
            shown_heading = True
        forms = ", ".join(dict.fromkeys(h["text"] for h in term["hits"]))
        english = "; ".join(term["senses"]) if term["source"] == "dictionary" else term["english"]
        print(
            safe(
                f"{term['term']} -> {english}  [{term['category']}]  {len(term['hits'])}x: {forms}"
            )
        )
    if suggestions:
        print("\nsuggestions (not in the glossary yet):")
        for s in suggestions:
            print(safe(f"  {s.term}  [{s.kind}, score {s.score:g}, {len(s.contexts)}x]"))
    return EXIT_OK


def _terms(
    args: argparse.Namespace, art: Article, termbase: Termbase, hits: list[Hit]
) -> tuple[list[TermHit], str]:
    """The article's terms (curated, then dictionary ones) and why the dictionary is absent."""
    from desktop.core.dictionary import DictionaryError
    from desktop.core.terms import find_terms

    matcher = termbase.matcher()
    if args.no_dictionary:
        return find_terms(art, termbase, matcher, hits=hits), ""
    dictionary, problem = _open_dictionary()
    if dictionary is None:
        return find_terms(art, termbase, matcher, hits=hits), problem
    try:
        return find_terms(art, termbase, matcher, dictionary, hits=hits), ""
    except DictionaryError as exc:  # the index went bad while reading: still the curated ones
        return find_terms(art, termbase, matcher, hits=hits), str(exc)
    finally:
        dictionary.close()


def _open_dictionary() -> tuple[Any, str]:
    """The dictionary (its index built first when needed, with a progress bar), or why not."""
    from desktop.cli.dictionary import BuildProgress
    from desktop.config import Paths
    from desktop.core.terms.word_lookup import open_dictionary

    bar = BuildProgress()
    try:
        dictionary, problem, _missing = open_dictionary(Paths.from_env(), progress=bar)
    finally:
        bar.finish()
    return dictionary, problem


def _terms_json(found: list[TermHit], termbase: Termbase) -> list[dict[str, Any]]:
    """One object per term with its hits: curated ones first, then dictionary ones.

    Each keeps the fields the command always had (entry, term, english, category,
    definition, hits); ``source`` says where it comes from, and a dictionary term lists its
    English ``senses`` (``english`` is the first of them) and has no definition.
    """
    grouped: dict[str, list[TermHit]] = {}
    for term in found:
        grouped.setdefault(term.key, []).append(term)
    curated: list[dict[str, Any]] = []
    dictionary: list[dict[str, Any]] = []
    for key, term_hits in grouped.items():
        first = term_hits[0]
        hits = [
            {
                "sentence": h.sentence_id,
                "start": h.start,
                "end": h.end,
                "text": h.text,
                "related": list(h.related),
            }
            for h in term_hits
        ]
        if first.source == "dictionary":
            dictionary.append(
                {
                    "entry": key,
                    "term": first.de,
                    "english": first.en[0] if first.en else "",
                    "category": "dictionary",
                    "definition": "",
                    "hits": hits,
                    "source": "dictionary",
                    "senses": list(first.en),
                }
            )
            continue
        entry = termbase.get(key)
        if entry is None:
            continue
        curated.append(
            {
                "entry": entry.id,
                "term": entry.de,
                "english": entry.en,
                "category": entry.category,
                "definition": entry.definition,
                "hits": hits,
                "source": "glossary",
            }
        )
    return curated + dictionary


def _lookup(args: argparse.Namespace, word: str) -> int:
    entries = _termbase().lookup(word)
    if args.json:
        emit_json([dict(e.to_json(), source=e.source) for e in entries])
        return EXIT_OK
    if not entries:
        raise CommandError(f"no glossary entry for {word!r}")
    for e in entries:
        variants = ", ".join(dict.fromkeys(e.de_variants + e.en_variants))
        print(safe(f"{e.de} -> {e.en}  [{e.category}] ({e.id})"))
        if variants:
            print(safe(f"  variants: {variants}"))
        if e.definition:
            print(safe(f"  {e.definition}"))
    return EXIT_OK


def _import(args: argparse.Namespace, file: str) -> int:
    from desktop.core.glossary import tbx

    # validates everything before anything is saved; notes: merged repeats, replaced
    # built-in entries, a large glossary
    result = tbx.import_into(_termbase(), Path(file))
    for note in result.notes:
        print(safe(f"note: {note}"), file=sys.stderr)
    count = len(result.entries)
    print(f"imported {count:,} {'entry' if count == 1 else 'entries'} into your glossary")
    return EXIT_OK


def _export(args: argparse.Namespace, file: str) -> int:
    from desktop.core.glossary import tbx

    termbase = _termbase()
    entries = termbase.user_entries() if args.user_only else termbase.entries
    tbx.export_file(entries, Path(file))
    count = len(entries)
    print(safe(f"exported {count:,} {'entry' if count == 1 else 'entries'} to {file}"))
    return EXIT_OK


_HANDLERS: dict[str, Callable[[argparse.Namespace, str], int]] = {
    "match": _match,
    "lookup": _lookup,
    "import": _import,
    "export": _export,
    "add": _add,
}
