"""`lagebild translate FILE`: an offline translation, sentence by sentence."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from desktop.cli.output import (
    EXIT_OK,
    CommandError,
    article_json,
    bounded_int,
    emit_json,
    load_article,
    safe,
)

if TYPE_CHECKING:
    from desktop.core.documents import Article
    from desktop.core.translation.engine import SentenceResult

# Beyond these, a run takes minutes for no better result (a beam of 16 is already rare).
MAX_BEAM = 16
MAX_THREADS = 64


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the `translate` command."""
    p = sub.add_parser("translate", help="translate a document offline")
    p.add_argument("file", help="document to translate (.txt, .md, .html, .docx, .pdf)")
    p.add_argument("--from", dest="from_code", default="de", help="source language (default: de)")
    p.add_argument("--to", dest="to_code", default="en", help="target language (default: en)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument(
        "--beam", type=bounded_int(1, MAX_BEAM), default=None, help="beam size 1-16 (default: 4)"
    )
    p.add_argument(
        "--threads",
        type=bounded_int(1, MAX_THREADS),
        default=None,
        help="CPU threads 1-64 (default: all cores)",
    )
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Translate FILE sentence by sentence with an installed offline model."""
    from desktop.core.translation.engine import DEFAULT_BEAM, NoModelError, TranslationEngine
    from desktop.core.translation.packages import PackageError

    art = load_article(args.file, args.from_code)
    try:
        engine = TranslationEngine.open(
            args.from_code,
            args.to_code,
            beam_size=args.beam or DEFAULT_BEAM,
            threads=args.threads,
            cache=not args.no_cache,
        )
    except NoModelError as exc:
        raise CommandError(str(exc)) from None
    sentences = art.sentences()
    results: dict[str, SentenceResult] = {}
    try:
        if args.json:
            results = {r.sentence_id: r for r in engine.translate(sentences)}
        else:
            _print_text(art, engine.translate(sentences), results)
    except BrokenPipeError:
        raise  # the reader went away (| head): not a translation failure
    except (PackageError, RuntimeError, OSError) as exc:  # e.g. a damaged model.bin
        raise CommandError(f"translation failed: {exc}") from None
    finally:
        engine.close()
    if args.json:
        data: dict[str, Any] = article_json(art)
        for para in data["paragraphs"]:
            for sent in para["sentences"]:
                r = results.get(sent["id"])
                sent["target"] = r.target if r else None
                sent["flags"] = list(r.flags) if r else []
        model = engine.model
        data["model"] = {
            "code": model.code,
            "version": model.version,
            "from": model.from_code,
            "to": model.to_code,
            "via": list(model.via),
        }
        emit_json(data)
    return EXIT_OK


def _print_text(
    art: Article, stream: Iterable[SentenceResult], results: dict[str, SentenceResult]
) -> None:
    """Print paragraph by paragraph in document order while results stream in."""
    order = [(p, s) for p in art.paragraphs for s in p.sentences]
    pos = 0
    for result in stream:
        results[result.sentence_id] = result
        while pos < len(order) and order[pos][1].id in results:
            para, sent = order[pos]
            r = results[sent.id]
            flags = f"  [{', '.join(r.flags)}]" if r.flags else ""
            print(f"{sent.id:>8}  {safe(sent.text)}")
            print(f"{'':>8}  {safe(r.target or '')}{flags}", flush=True)
            if sent is para.sentences[-1]:
                print()
            pos += 1
