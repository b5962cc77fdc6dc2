"""Bringing articles in (files, folders, URL lists, URLs) and batch-translating them.

Every document goes through the one loader (``documents.load`` / ``load_url``) and the one
term finder (``terms.find_terms``), so an imported article is the article the reader sees.
A bad item is reported and skipped; a storage failure (disk full, read-only) stops the
import, since every later article would fail the same way.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.library.records import ImportReport, LibraryError

if TYPE_CHECKING:
    from desktop.config import Paths
    from desktop.core.documents.article import Article
    from desktop.core.glossary.matching import Matcher
    from desktop.core.glossary.termbase import Termbase
    from desktop.core.library.store import Library

URL_LIST_SUFFIXES = (".txt", ".urls", ".list")
MAX_URL_LIST = 4 * 1024 * 1024
TRANSLATE_CHUNK = 256  # untranslated rows read from the store per page of the stream
STORE_EVERY = 32  # translations per write transaction


def _url_list(path: Path) -> list[str] | None:
    """The URLs of a text file whose first real line is an http(s) address, else None.

    Blank lines and lines starting with ``#`` are skipped; other non-URL lines are ignored.
    """
    from desktop.core.documents import is_url
    from desktop.core.files import read_limited

    if path.suffix.lower() not in URL_LIST_SUFFIXES:
        return None
    try:
        data = read_limited(path, MAX_URL_LIST)
    except OSError:
        return None  # too large or unreadable: not a URL list; the loader says why
    lines = [ln.strip() for ln in data.decode("utf-8", "replace").splitlines()]
    lines = [ln for ln in lines if ln and not ln.startswith("#")]
    if not lines or not is_url(lines[0]):
        return None
    return [ln.split()[0] for ln in lines if is_url(ln)]


def expand(items: list[str]) -> Iterator[tuple[str, str | None]]:
    """(item, problem) for each document the ITEMS name: files, folder contents, URLs.

    A folder is read recursively (supported extensions, hidden entries skipped); a text
    file of URLs yields its URLs. PROBLEM is a one-line message for an item that names
    nothing readable.
    """
    from desktop.core.documents import SUPPORTED, is_url

    for item in items:
        if is_url(item):
            yield item.strip(), None
            continue
        path = Path(item).expanduser()
        if path.is_dir():
            found = False
            for file in sorted(path.rglob("*")):
                rel = file.relative_to(path).parts
                if any(p.startswith(".") for p in rel) or not file.is_file():
                    continue
                if file.suffix.lower() in SUPPORTED:
                    found = True
                    yield from _file_items(file)
            if not found:
                yield item, f"{path} holds no documents ({', '.join(SUPPORTED)})"
        elif path.exists():
            yield from _file_items(path)
        else:
            yield item, f"{path} does not exist"


def _file_items(path: Path) -> Iterator[tuple[str, str | None]]:
    urls = _url_list(path)
    if urls is None:
        yield str(path), None
    else:
        for url in urls:
            yield url, None


def ready_dictionary(paths: Paths | None = None) -> Any | None:
    """The installed dictionary when its index is built and current, else None.

    Opening is then cheap; a missing or outdated index would mean a build of a minute,
    which an import should not start on its own (``lagebild dictionary`` does that).
    """
    from desktop.config import Paths
    from desktop.core.dictionary import Dictionary, DictionaryError
    from desktop.core.dictionary.index import DictionaryFiles, status

    paths = paths or Paths.from_env()
    try:
        if not status(DictionaryFiles.from_paths(paths)).current:
            return None
        return Dictionary.open(paths)
    except (DictionaryError, OSError):
        return None


def _load(item: str, language: str, cancel: threading.Event | None) -> Article:
    from desktop.core.documents import is_url, load, load_url

    if is_url(item):
        return load_url(item, language=language, cancel=cancel)
    return load(item, language=language)


def import_paths(
    library: Library,
    items: list[str],
    *,
    progress: Callable[[int, int, str], None] | None = None,
    cancel: threading.Event | None = None,
    termbase: Termbase | None = None,
    matcher: Matcher | None = None,
    dictionary: Any | None = None,
    language: str = "de",
) -> ImportReport:
    """Import ITEMS into LIBRARY; a report of what was added, duplicated and failed.

    PROGRESS(done, total, item) is called before each document and once at the end;
    CANCEL stops between documents (and aborts a download in flight). The termbase is
    the default one when none is given; its matcher is reused for every article.
    """
    from desktop.core.documents import ArticleError
    from desktop.core.terms import find_terms

    report = ImportReport()
    work = list(expand(items))
    total = len(work)
    if termbase is None:
        from desktop.core.glossary.termbase import Termbase

        termbase = Termbase.load_default()
    matcher = matcher or termbase.matcher()
    for done, (item, problem) in enumerate(work):
        if cancel is not None and cancel.is_set():
            report.cancelled = True
            break
        if progress:
            progress(done, total, item)
        if problem:
            report.failed.append((item, problem))
            continue
        try:
            article = _load(item, language, cancel)
        except ArticleError as exc:
            if cancel is not None and cancel.is_set():
                report.cancelled = True
                break
            report.failed.append((item, str(exc)))
            continue
        except Exception as exc:  # a parser's own error (damaged PDF/DOCX): skip the item
            report.failed.append((item, f"cannot be read: {type(exc).__name__}: {exc}"))
            continue
        try:
            if library.find_duplicate(article) is not None:
                result = library.add_article(article)  # a removed one comes back
            else:
                hits = find_terms(article, termbase, matcher, dictionary)
                result = library.add_article(article, hits=hits)
        except LibraryError as exc:
            report.failed.append((item, str(exc)))
            report.stopped = str(exc)
            break
        if result.duplicate:
            report.duplicates += 1
        else:
            report.added += 1
        report.article_ids.append(result.article_id)
    if progress and not report.cancelled and report.stopped is None:
        progress(total, total, "")
    return report


def translate_pending(
    library: Library,
    engine: Any,
    *,
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
    language: str | None = None,
    background: bool = False,
) -> int:
    """Translate up to LIMIT stored sentences that have no translation; the number stored.

    The sentences of all pending articles go to ``engine.translate_stream`` as one stream,
    so the model calls stay full across articles and a masked retry rides along with the
    next article's sentences (one ``translate()`` per article left a replica idle at each
    article's end). Results are stored every few sentences, so a cancelled, failed or
    killed run keeps what it finished and the next run starts where this one stopped. A
    sentence the engine cannot translate is skipped for this run. LANGUAGE limits the work
    to articles in the engine's source language; BACKGROUND lets a foreground translation
    (the reading window) take the model first.
    """
    total = library.count_untranslated(language)
    if limit is not None:
        total = min(total, limit)
    stored = 0
    key = engine.model_key
    if progress:
        progress(0, total)
    pending: dict[int, dict[str, str]] = {}
    count = 0
    results = engine.translate_stream(
        _pending_stream(library, total, language), cancel=cancel, background=background
    )
    try:
        for result in results:
            if result.target is None:
                continue
            article, _, sid = result.sentence_id.partition(":")
            pending.setdefault(int(article), {})[sid] = result.target
            count += 1
            if count >= STORE_EVERY:
                stored += library.store_many(key, pending)
                pending, count = {}, 0
                if progress:
                    progress(min(stored, total), total)
    finally:
        if pending:
            stored += library.store_many(key, pending)
    if progress:
        progress(min(stored, total), total)
    return stored


def _pending_stream(library: Library, limit: int, language: str | None) -> Iterator[Any]:
    """Up to LIMIT untranslated sentences, paged from the store with a cursor.

    The cursor only moves forward: the engine reads a few batches ahead of its results, and
    rows whose results have not come yet must not be read again.
    """
    from desktop.core.documents.article import Sentence

    cursor: tuple[int, int] | None = None
    taken = 0
    while taken < limit:
        rows = library.pending_sentences(
            min(TRANSLATE_CHUNK, limit - taken), after=cursor, language=language
        )
        if not rows:
            return
        cursor = (rows[-1][0], rows[-1][1])
        for article, _, sid, text in rows:
            # Sentence ids repeat across articles (p1s1): the engine sees "article:sentence".
            yield Sentence(f"{article}:{sid}", 0, len(text), text)
        taken += len(rows)
