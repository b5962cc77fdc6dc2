"""`lagebild library ...`: the library of articles read, from the command line.

add, list, search, term, translate, export, remove and restore call the same
``core.library`` functions as the window's library view.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli.output import (
    EXIT_FAILED,
    EXIT_OK,
    CommandError,
    Parser,
    bounded_int,
    emit_json,
    safe,
)

if TYPE_CHECKING:
    from desktop.core.library.records import ArticleRow, SearchHit, TermReport
    from desktop.core.library.store import Library

MAX_ID = 2**62
_EPILOG = (
    "forms:\n"
    "  lagebild library add PATH|URL...       files, folders, text files of URLs, URLs\n"
    "  lagebild library list [--json] [--site S] [--term T] [--tag T] [--since D] [--until D]\n"
    "  lagebild library search QUERY [--json] [--lang de|en|both]\n"
    "  lagebild library term TERM [--json] [--week]\n"
    "  lagebild library translate [--limit N]\n"
    "  lagebild library export term TERM FILE.csv\n"
    "  lagebild library export digest FILE.html [--ids 1,2]\n"
    "  lagebild library remove ID / restore ID / tag ID [TAG...] / stats\n"
    'search: words and "phrases" are all required; OR between two makes either do;\n'
    "a trailing * makes a prefix. German also matches other forms (Raketen -> Rakete)."
)


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the `library` command and its actions."""
    p = sub.add_parser(
        "library",
        help="the library of articles: add, list, search, terms across articles",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Every article read, searchable in German and English, with a "
        "cross-article term index.",
        epilog=_EPILOG,
    )
    p.set_defaults(func=lambda args: _usage(p))
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=Parser)

    a = actions.add_parser("add", help="import files, folders, URL lists and URLs")
    a.add_argument("items", nargs="+", metavar="PATH|URL")
    a.add_argument("--lang", type=_language, default="de", help="document language (default: de)")
    a.add_argument("--json", action="store_true", help="machine-readable output")
    a.set_defaults(func=_add)

    ls = actions.add_parser("list", help="the articles, newest first")
    ls.add_argument("--json", action="store_true", help="machine-readable output")
    ls.add_argument("--site", metavar="S", help="only articles from site S")
    ls.add_argument("--term", metavar="T", help="only articles mentioning term T")
    ls.add_argument("--tag", metavar="T", help="only articles tagged T")
    ls.add_argument("--text", metavar="QUERY", help="only articles matching a search")
    ls.add_argument("--since", metavar="YYYY-MM-DD", help="only articles from this day on")
    ls.add_argument("--until", metavar="YYYY-MM-DD", help="only articles up to this day")
    ls.add_argument("--sort", default="date", help="date, added, title, site, translated, terms")
    ls.add_argument("--ascending", action="store_true", help="oldest (or A) first")
    ls.add_argument("--deleted", action="store_true", help="include removed articles")
    ls.set_defaults(func=_list)

    s = actions.add_parser("search", help="full-text search in German and English")
    s.add_argument("query", metavar="QUERY")
    s.add_argument("--json", action="store_true", help="machine-readable output")
    s.add_argument("--lang", choices=("de", "en", "both"), default="both")
    s.add_argument("--limit", type=bounded_int(1, 10_000), default=50, metavar="N")
    s.set_defaults(func=_search)

    t = actions.add_parser("term", help="a term across articles: counts, timeline, company")
    t.add_argument("term", metavar="TERM", help="a term key, or a German or English form")
    t.add_argument("--json", action="store_true", help="machine-readable output")
    t.add_argument("--week", action="store_true", help="timeline per ISO week (default: day)")
    t.set_defaults(func=_term)

    tr = actions.add_parser("translate", help="translate the library's untranslated sentences")
    tr.add_argument("--limit", type=bounded_int(1, 10_000_000), default=None, metavar="N")
    tr.add_argument("--from", dest="from_code", default="de", help="source language (de)")
    tr.add_argument("--to", dest="to_code", default="en", help="target language (en)")
    tr.add_argument("--beam", type=bounded_int(1, 16), default=None, help="beam size 1-16")
    tr.add_argument("--threads", type=bounded_int(1, 64), default=None, help="CPU threads")
    tr.set_defaults(func=_translate)

    e = actions.add_parser("export", help="a term's mentions as CSV, or an HTML digest")
    kinds = e.add_subparsers(dest="kind", metavar="KIND", parser_class=Parser)
    et = kinds.add_parser("term", help="one CSV row per mention of TERM")
    et.add_argument("term", metavar="TERM")
    et.add_argument("file", metavar="FILE.csv")
    et.set_defaults(func=_export_term)
    ed = kinds.add_parser("digest", help="a bilingual HTML digest of articles")
    ed.add_argument("file", metavar="FILE.html")
    ed.add_argument("--ids", type=_id_list, default=None, metavar="1,2", help="article ids")
    ed.set_defaults(func=_export_digest)
    e.set_defaults(func=lambda args: _usage(e))

    for name, what, func in (
        ("remove", "remove an article (undo with restore)", _remove),
        ("restore", "bring a removed article back", _restore),
    ):
        r = actions.add_parser(name, help=what)
        r.add_argument("id", type=bounded_int(1, MAX_ID), metavar="ID")
        r.set_defaults(func=func)

    tg = actions.add_parser("tag", help="set an article's tags (none: remove all)")
    tg.add_argument("id", type=bounded_int(1, MAX_ID), metavar="ID")
    tg.add_argument("tags", nargs="*", metavar="TAG")
    tg.set_defaults(func=_tag)

    st = actions.add_parser("stats", help="counts and size of the library")
    st.add_argument("--json", action="store_true", help="machine-readable output")
    st.set_defaults(func=_stats)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_usage(sys.stderr)
    print(f"{parser.prog}: error: choose an action (see --help)", file=sys.stderr)
    return 2


def _language(text: str) -> str:
    # Stored with each article: `translate --from de` would never pick up a "Deutsch" one.
    if not re.fullmatch(r"[a-z]{2,3}", text):
        raise argparse.ArgumentTypeError(f"{safe(text)!r} is not a language code (de, en, ...)")
    return text


def _id_list(text: str) -> list[int]:
    ids = []
    for part in text.split(","):
        part = part.strip()
        if not part.isdigit() or not 0 < int(part) <= MAX_ID:
            raise argparse.ArgumentTypeError(f"{part!r} is not an article id")
        ids.append(int(part))
    return ids


@contextmanager
def _library() -> Iterator[Library]:
    """The user's library; its errors become one-line CommandErrors."""
    from desktop.core.library.records import LibraryError
    from desktop.core.library.store import Library

    try:
        lib = Library.open_default()
    except LibraryError as exc:
        raise CommandError(str(exc)) from None
    if lib.notice:
        print(f"lagebild: {lib.notice}", file=sys.stderr)
    try:
        yield lib
    except LibraryError as exc:
        raise CommandError(str(exc)) from None
    finally:
        lib.close()


def _row_json(row: ArticleRow) -> dict[str, Any]:
    return {
        "id": row.id, "title": row.title, "site": row.site, "author": row.author,
        "date": row.date, "day": row.day, "url": row.url, "path": row.path,
        "added": row.added, "sentences": row.sentences, "translated": row.translated,
        "term_count": row.term_count, "tags": list(row.tags), "read": row.read,
        "deleted": row.deleted,
    }  # fmt: skip


def _add(args: argparse.Namespace) -> int:
    from desktop.core.library.importer import ready_dictionary

    def progress(done: int, total: int, item: str) -> None:
        if item and sys.stderr.isatty():
            print(f"\r[{done + 1}/{total}] {safe(item)[:70]:<70}", end="", file=sys.stderr)

    with _library() as lib:
        report = lib.import_paths(
            args.items, progress=progress, dictionary=ready_dictionary(), language=args.lang
        )
    if sys.stderr.isatty():
        print("\r" + " " * 80 + "\r", end="", file=sys.stderr)
    if args.json:
        emit_json({
            "added": report.added, "duplicates": report.duplicates,
            "article_ids": report.article_ids,
            "failed": [{"item": i, "message": m} for i, m in report.failed],
        })  # fmt: skip
    else:
        for item, message in report.failed:
            print(safe(f"lagebild library add: {item}: {message}"), file=sys.stderr)
        print(f"added {report.added}, duplicates {report.duplicates}, failed {len(report.failed)}")
    return EXIT_FAILED if report.failed else EXIT_OK


def _list(args: argparse.Namespace) -> int:
    with _library() as lib:
        rows = lib.list_articles(
            site=args.site, since=args.since, until=args.until, term=args.term, tag=args.tag,
            text=args.text, sort=args.sort, descending=not args.ascending,
            include_deleted=args.deleted,
        )  # fmt: skip
    if args.json:
        emit_json([_row_json(r) for r in rows])
        return EXIT_OK
    if not rows:
        print("no articles", file=sys.stderr)
    for r in rows:
        share = f"{round(100 * r.translated_share):3d}%"
        mark = " (removed)" if r.deleted else ""
        site = f"  [{r.site}]" if r.site else ""
        print(safe(f"{r.id:>6}  {r.day}  {share}  {r.term_count:>4} terms  {r.title}{site}{mark}"))
    return EXIT_OK


def _hit_json(hit: SearchHit) -> dict[str, Any]:
    from desktop.core.library.records import snippet_parts

    return {
        "article": hit.article_id, "sentence": hit.sentence_id, "language": hit.language,
        "title": hit.title, "date": hit.date, "how": hit.how,
        "snippet": "".join(text for text, _ in snippet_parts(hit.snippet)),
        "marks": _marks(hit.snippet),
    }  # fmt: skip


def _marks(snippet: str) -> list[list[int]]:
    """[start, end] of each marked match in the snippet's plain text."""
    from desktop.core.library.records import snippet_parts

    out, pos = [], 0
    for text, marked in snippet_parts(snippet):
        if marked:
            out.append([pos, pos + len(text)])
        pos += len(text)
    return out


def _search(args: argparse.Namespace) -> int:
    from desktop.core.library.records import plain_snippet

    with _library() as lib:
        hits = lib.search(args.query, language=args.lang, limit=args.limit)
    if args.json:
        emit_json([_hit_json(h) for h in hits])
        return EXIT_OK
    if not hits:
        print(safe(f"nothing in the library matches {args.query!r}"), file=sys.stderr)
    for h in hits:
        print(safe(f"{h.article_id:>6} {h.sentence_id:<7} {h.language}  {h.title}"))
        print(safe(f"{'':>15}{plain_snippet(h.snippet, '[', ']')}"))
    return EXIT_OK


def _term_json(rep: TermReport) -> dict[str, Any]:
    return {
        "key": rep.key, "de": rep.de, "en": list(rep.en), "source": rep.source,
        "kind": rep.kind, "mentions": rep.mentions, "article_count": len(rep.articles),
        "first_seen": rep.first_seen, "last_seen": rep.last_seen, "period": rep.period,
        "articles": [
            {"id": a.article_id, "title": a.title, "site": a.site, "date": a.date,
             "day": a.day, "count": a.count, "sentences": list(a.sentence_ids)}
            for a in rep.articles
        ],
        "timeline": [
            {"period": p.period, "mentions": p.mentions, "articles": p.articles}
            for p in rep.timeline
        ],
        "co_mentions": [
            {"key": c.key, "de": c.de, "en": list(c.en), "source": c.source,
             "articles": c.articles, "mentions": c.mentions}
            for c in rep.co_mentions
        ],
        "alternatives": list(rep.alternatives),
    }  # fmt: skip


def _term(args: argparse.Namespace) -> int:
    with _library() as lib:
        rep = lib.term(args.term, period="week" if args.week else "day")
    if rep is None:
        raise CommandError(f"no article in the library mentions {args.term.strip()!r}")
    if args.json:
        emit_json(_term_json(rep))
        return EXIT_OK
    en = ", ".join(rep.en[:3])
    print(safe(f"{rep.de} — {en}  [{rep.key}, {rep.source}]"))
    print(
        f"{rep.mentions} mentions in {len(rep.articles)} articles, "
        f"first seen {rep.first_seen}, last seen {rep.last_seen}"
    )
    print("\narticles:")
    for a in rep.articles:
        print(safe(f"{a.article_id:>6}  {a.day}  {a.count:>3}x  {a.title}"))
    print(f"\ntimeline (per {rep.period}):")
    for p in rep.timeline:
        print(f"  {p.period}  {p.mentions:>4}  {'#' * min(p.mentions, 60)}")
    if rep.co_mentions:
        print("\nmentioned with:")
        for c in rep.co_mentions:
            print(safe(f"  {c.de:<40} {c.articles:>4} articles  {c.mentions:>5} mentions"))
    return EXIT_OK


def _translate(args: argparse.Namespace) -> int:
    from desktop.core.translation.engine import DEFAULT_BEAM, NoModelError, TranslationEngine
    from desktop.core.translation.packages import PackageError

    with _library() as lib:
        pending = lib.count_untranslated(args.from_code)
        if not pending:
            others = lib.count_untranslated()
            if others:
                print(safe(f"no untranslated {args.from_code!r} sentences; "
                           f"{others} in other languages (--from)"))  # fmt: skip
            else:
                print("every sentence in the library is translated")
            return EXIT_OK
        try:
            engine = TranslationEngine.open(
                args.from_code, args.to_code, beam_size=args.beam or DEFAULT_BEAM,
                threads=args.threads,
            )  # fmt: skip
        except NoModelError as exc:
            raise CommandError(str(exc)) from None
        progress = _translate_progress() if sys.stderr.isatty() else None
        try:
            done = lib.translate_pending(
                engine, limit=args.limit, progress=progress, language=args.from_code
            )
        except (PackageError, RuntimeError, OSError) as exc:
            raise CommandError(f"translation failed: {exc}") from None
        finally:
            engine.close()
        left = lib.count_untranslated(args.from_code)
    if progress:
        print(file=sys.stderr)
    print(f"translated {done} sentences; {left} left")
    return EXIT_OK


def _translate_progress() -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        print(f"\rtranslated {done}/{total}", end="", file=sys.stderr, flush=True)

    return show


def _export_term(args: argparse.Namespace) -> int:
    with _library() as lib:
        n = lib.export_term_csv(args.term, Path(args.file))
    print(safe(f"wrote {n} mentions to {args.file}"))
    return EXIT_OK


def _export_digest(args: argparse.Namespace) -> int:
    with _library() as lib:
        ids = args.ids if args.ids is not None else [r.id for r in lib.list_articles()]
        n = lib.export_digest_html(ids, Path(args.file))
    print(safe(f"wrote a digest of {n} articles to {args.file}"))
    return EXIT_OK


def _remove(args: argparse.Namespace) -> int:
    with _library() as lib:
        lib.remove(args.id)
        title = lib.row(args.id).title
    print(safe(f"removed {args.id}: {title} (undo: lagebild library restore {args.id})"))
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    with _library() as lib:
        lib.restore(args.id)
        title = lib.row(args.id).title
    print(safe(f"restored {args.id}: {title}"))
    return EXIT_OK


def _tag(args: argparse.Namespace) -> int:
    with _library() as lib:
        lib.set_tags(args.id, args.tags)
        tags = lib.row(args.id).tags
    print(safe(f"{args.id}: " + (", ".join(tags) if tags else "no tags")))
    return EXIT_OK


def _stats(args: argparse.Namespace) -> int:
    with _library() as lib:
        st = lib.stats()
        path = lib.path
    if args.json:
        emit_json({**st.__dict__, "path": str(path)})
        return EXIT_OK
    print(safe(f"{path}"))
    print(
        f"{st.articles} articles ({st.deleted} removed), {st.sentences} sentences, "
        f"{st.translated} translated, {st.term_hits} term mentions of {st.terms} terms, "
        f"{st.sites} sites, {st.database_bytes / 1e6:.1f} MB"
    )
    return EXIT_OK
