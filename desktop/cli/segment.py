"""`lagebild segment FILE`: the paragraphs and sentences of a document."""

from __future__ import annotations

import argparse

from desktop.cli.output import EXIT_OK, article_json, emit_json, load_article, safe


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the `segment` command."""
    p = sub.add_parser("segment", help="split a document into paragraphs and sentences")
    p.add_argument("file", help="document to split (.txt, .md, .html, .docx, .pdf)")
    p.add_argument("--lang", default="de", help="source language code (default: de)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the paragraphs and sentences of FILE."""
    art = load_article(args.file, args.lang)
    if args.json:
        emit_json(article_json(art))
        return EXIT_OK
    for para in art.paragraphs:
        marker = "#" if para.kind == "heading" else " "
        for sent in para.sentences:
            print(f"{marker} {sent.id:>8}  {safe(sent.text)}")
        print()
    return EXIT_OK
