"""The library in the background: queries, edits, imports and batch translation off the GUI thread.

The store (``desktop.core.library``) is opened lazily in a worker, so the window starts
without touching SQLite. Four runners keep the kinds of work apart: queries (latest wins per
kind: a newer filter replaces an older one), edits (each one runs; none replaces another),
imports and the batch translation (long jobs with progress and cancel).

The batch translation runs in a thread of lower OS priority and gives way to the reading
window: while the reading translation runs (``reading_started``/``reading_finished``) it
pauses between, and interrupts within, its small chunks of sentences.
"""

from __future__ import annotations

import itertools
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from desktop.config import Paths
from desktop.ui.services.jobs import JobContext, JobRunner, message_for

log = logging.getLogger(__name__)

EngineFactory = Callable[[str, str, Paths], object]

_LIST, _FACETS, _SEARCH, _TERM, _GET = "list", "facets", "search", "term", "get"
_IMPORT, _BATCH = "import", "batch"
LOW_PRIORITY_NICE = 10  # added to the batch thread's nice value (Linux: per thread)


class LibraryService(QObject):
    """Library work in the background; results come back by signal on the GUI thread."""

    listed = Signal(object)  # list[ArticleRow]
    facets = Signal(object, object)  # sites [(name, count)], tags [(name, count)]
    searched = Signal(str, object)  # query, list[SearchHit]
    termReady = Signal(str, object, object)  # query, TermReport | None, list[Mention]
    articleReady = Signal(object, object)  # StoredArticle, sentence id to reveal (or None)
    added = Signal(object, object)  # Article, AddResult
    changed = Signal()  # an edit went through: lists are stale
    edited = Signal(str, object)  # what ("remove", "restore", "tags", "read", ...), ids
    importProgress = Signal(object, object, str)  # done, total, item name
    importFinished = Signal(object)  # ImportReport
    batchProgress = Signal(object, object)  # sentences done, sentences to do
    batchPaused = Signal(bool)  # True while the reading translation has the engine's turn
    batchFinished = Signal(object, bool)  # sentences translated, cancelled
    exported = Signal(str, object)  # destination, rows or articles written
    failed = Signal(str, str)  # what failed (a job kind), one-line message
    notice = Signal(str)  # a message from the store worth showing once (damaged file moved)

    def __init__(
        self,
        paths: Paths,
        engine_factory: EngineFactory | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._paths = paths
        self._engine_factory = engine_factory
        self._lock = threading.Lock()
        self._library: Any = None
        self._terms: Any = None  # (glossary mtime, termbase, matcher, dictionary)
        self._terms_lock = threading.Lock()
        self._engines: dict[tuple[str, str], object] = {}
        self._model_keys: dict[tuple[str, str], str] = {}
        self._edit_ids = itertools.count(1)
        self.reading = threading.Event()  # set while the reading window translates
        self._batch_running = False
        self._import_running = False
        self._runners: dict[str, JobRunner] = {}
        for name in ("queries", "edits", "imports", "batch"):
            runner = JobRunner(parent=self)
            runner.done.connect(self._on_done)
            runner.failed.connect(self._on_failed)
            runner.progress.connect(self._on_progress)
            self._runners[name] = runner
        self._queries = self._runners["queries"]
        self._edits = self._runners["edits"]
        self._imports = self._runners["imports"]
        self._batch = self._runners["batch"]

    # --- plumbing -----------------------------------------------------------------------

    @property
    def pools(self) -> list[QThreadPool]:
        """Every worker pool (the window drains them at shutdown)."""
        return [runner.pool for runner in self._runners.values()]

    def library(self) -> Any:
        """The opened store (opened on first use, in whatever worker asks first)."""
        with self._lock:
            if self._library is None:
                from desktop.core.library.store import Library

                self._library = Library.open_default(self._paths)
                message = getattr(self._library, "notice", None)
                if message:  # a damaged file was moved aside: say so (queued to the GUI)
                    self.notice.emit(str(message))
            return self._library

    def terms(self) -> tuple[Any, Any, Any]:
        """Termbase, matcher and (when its index is ready) dictionary for new articles.

        Rebuilt when the user glossary file changed (a term was added in the window).
        """
        stamp = _mtime(self._paths.user_glossary)
        with self._terms_lock:  # not the store's lock: a query need not wait for this
            if self._terms is None or self._terms[0] != stamp:
                from desktop.core.glossary.termbase import Termbase
                from desktop.core.library.importer import ready_dictionary

                termbase = Termbase.load_default(self._paths)
                dictionary = self._terms[3] if self._terms else ready_dictionary(self._paths)
                self._terms = (stamp, termbase, termbase.matcher(), dictionary)
            return self._terms[1], self._terms[2], self._terms[3]

    def _termbase(self) -> Any:
        """The termbase for resolving a typed term (inflections, English), None if broken."""
        try:
            return self.terms()[0]
        except Exception:  # noqa: BLE001 - the store resolves by its own forms then
            log.info("no termbase for the term query", exc_info=True)
            return None

    def forget_engines(self) -> None:
        """Drop the batch engine and model keys (a model was installed or removed)."""
        with self._lock:
            self._engines.clear()
            self._model_keys.clear()

    def model_key(self, from_code: str = "de", to_code: str = "en") -> str:
        """The key the engine stores translations under (what the reading window used).

        Opening an engine is cheap (the model loads at its first sentence); the key hashes
        the model files once.
        """
        pair = (from_code, to_code)
        with self._lock:
            key = self._model_keys.get(pair)
        if key is None:
            key = str(getattr(self._engine(from_code, to_code), "model_key", "") or "unknown")
            with self._lock:
                self._model_keys[pair] = key
        return key

    def close(self, timeout_ms: int = 5000) -> None:
        """Cancel the long jobs, wait for every pool and close the store."""
        self._imports.cancel(_IMPORT)
        self._batch.cancel(_BATCH)
        for pool in self.pools:
            pool.waitForDone(timeout_ms)
        with self._lock:
            library, self._library = self._library, None
        if library is not None:
            try:
                library.close()
            except Exception:  # noqa: BLE001 - closing at exit must not raise
                log.debug("closing the library failed", exc_info=True)

    def _edit(self, what: str, fn: Callable[[Any], object]) -> int:
        # Every edit runs (a unique kind each), one after another in the edit pool.
        kind = f"edit:{what}:{next(self._edit_ids)}"
        return self._edits.start(kind, lambda _job: (what, fn(self.library())))

    # --- queries (latest wins) ------------------------------------------------------------

    def list_articles(self, **filters: Any) -> int:
        """List the articles matching FILTERS (Library.list_articles keywords)."""
        return self._queries.start(_LIST, lambda _job: self.library().list_articles(**filters))

    def load_facets(self) -> int:
        """The sites and tags of the library, for the filter boxes."""
        return self._queries.start(
            _FACETS, lambda _job: (self.library().sites(), self.library().tags())
        )

    def search(self, query: str, limit: int = 100) -> int:
        """Full-text search in German and English; results with marked snippets."""
        return self._queries.start(
            _SEARCH, lambda _job: (query, self.library().search(query, limit=limit))
        )

    def term(self, query: str, period: str = "day") -> int:
        """A term across the library (articles, timeline, co-mentions) and its mentions."""

        def work(_job: JobContext) -> tuple[str, Any, Any]:
            library = self.library()
            termbase = self._termbase()
            report = library.term(query, period=period, termbase=termbase)
            mentions = library.mentions(report.key) if report is not None else []
            return query, report, mentions

        return self._queries.start(_TERM, work)

    def open_article(self, article_id: int, sentence_id: str | None = None) -> int:
        """Rebuild a stored article (text, translations, hits) to show it."""
        return self._queries.start(_GET, lambda _job: (self.library().get(article_id), sentence_id))

    # --- edits ----------------------------------------------------------------------------

    def add_article(self, article: Any) -> int:
        """Store an opened ARTICLE with its terms (a duplicate is recognised, not doubled)."""

        def add(library: Any) -> tuple[Any, Any]:
            from desktop.core.terms import find_terms

            hits = None
            try:
                termbase, matcher, dictionary = self.terms()
                hits = find_terms(article, termbase, matcher, dictionary)
            except Exception:  # noqa: BLE001 - the article is kept even without its terms
                log.info("no terms for the library", exc_info=True)
            return article, library.add_article(article, hits=hits)

        return self._edit("add", add)

    def store_translations(
        self, article_id: int, targets: dict[str, str], from_code: str = "de", to_code: str = "en"
    ) -> int:
        """Keep the reading window's translations of an article (under its model's key)."""
        targets = dict(targets)

        def store(library: Any) -> int:
            return int(
                library.store_translations(article_id, self.model_key(from_code, to_code), targets)
            )

        return self._edit("translations", store)

    def remove(self, article_ids: Sequence[int]) -> int:
        """Move articles to the bin (restore() brings them back)."""
        ids = list(article_ids)
        return self._edit("remove", lambda library: [library.remove(i) for i in ids] and ids)

    def restore(self, article_ids: Sequence[int]) -> int:
        """Bring removed articles back."""
        ids = list(article_ids)
        return self._edit("restore", lambda library: [library.restore(i) for i in ids] and ids)

    def set_read(self, article_ids: Sequence[int], read: bool) -> int:
        """Mark articles read or unread."""
        ids = list(article_ids)
        return self._edit("read", lambda library: [library.set_read(i, read) for i in ids] and ids)

    def set_tags(self, article_id: int, tags: Iterable[str]) -> int:
        """Replace the tags of an article."""
        wanted = [t for t in tags]
        return self._edit(
            "tags", lambda library: library.set_tags(article_id, wanted) or [article_id]
        )

    def export_term_csv(self, query: str, dest: str | Path) -> int:
        """Write a term's mentions as CSV."""
        path = Path(dest)
        return self._edit(
            "export",
            lambda library: (
                str(path),
                library.export_term_csv(query, path, termbase=self._termbase()),
            ),
        )

    def export_digest(self, article_ids: Sequence[int], dest: str | Path) -> int:
        """Write a bilingual HTML digest of the articles."""
        ids, path = list(article_ids), Path(dest)
        return self._edit(
            "export", lambda library: (str(path), library.export_digest_html(ids, path))
        )

    # --- import ---------------------------------------------------------------------------

    @property
    def importing(self) -> bool:
        """True while an import runs."""
        return self._import_running

    def import_items(self, items: Sequence[str], language: str = "de") -> int:
        """Import files, folders, URL lists (Library.import_paths) with progress and cancel."""
        items = [str(i) for i in items]

        def work(job: JobContext) -> Any:
            termbase = matcher = dictionary = None
            try:
                termbase, matcher, dictionary = self.terms()
            except Exception:  # noqa: BLE001 - the importer loads the default termbase
                log.info("the window's termbase is unavailable", exc_info=True)
            return self.library().import_paths(
                items,
                progress=lambda done, total, name: job.report((done, total, name)),
                cancel=job.cancel,
                termbase=termbase,
                matcher=matcher,
                dictionary=dictionary,
                language=language,
            )

        self._import_running = True
        return self._imports.start(_IMPORT, work)

    def cancel_import(self) -> None:
        """Stop the import after the article being stored (what is stored stays)."""
        self._imports.cancel(_IMPORT)

    # --- batch translation ------------------------------------------------------------------

    @property
    def translating(self) -> bool:
        """True while the batch translation runs."""
        return self._batch_running

    def reading_started(self, *_args: object) -> None:
        """The reading window's translation runs: the batch gives way."""
        self.reading.set()

    def reading_finished(self, *_args: object) -> None:
        """The reading window's translation ended: the batch may go on."""
        self.reading.clear()

    def translate_library(self, from_code: str = "de", to_code: str = "en") -> int:
        """Translate every untranslated sentence of the library, giving way to the reader.

        While the reading window translates, the batch stops where it is (keeping what it
        stored) and waits; then it goes on. Resumable: the store knows which sentences still
        lack a translation, so a batch stopped (cancel, exit) goes on where it was.
        """

        def work(job: JobContext) -> tuple[int, bool]:
            _lower_thread_priority()
            library = self.library()
            engine = self._engine(from_code, to_code)
            total = library.count_untranslated(from_code)
            done = 0
            job.report(("progress", done, total))
            paused = False
            while not job.cancelled:
                if self.reading.is_set():
                    if not paused:
                        paused = True
                        job.report(("paused", True))
                    time.sleep(0.05)
                    continue
                if paused:
                    paused = False
                    job.report(("paused", False))
                interrupt = _ChunkCancel(job.cancel, self.reading)
                count = library.translate_pending(
                    engine,
                    language=from_code,
                    progress=lambda n, _m, base=done: job.report(
                        ("progress", base + n, max(total, base + n))
                    ),
                    cancel=interrupt,  # type: ignore[arg-type]
                    background=True,  # the reading window's translation takes the model first
                )
                done += count
                job.report(("progress", done, max(total, done)))
                if count == 0 and not interrupt.is_set():
                    break  # nothing left
            return done, job.cancelled

        self._batch_running = True
        return self._batch.start(_BATCH, work)

    def cancel_batch(self) -> None:
        """Stop the batch translation (what is translated stays stored)."""
        self._batch.cancel(_BATCH)

    def _engine(self, from_code: str, to_code: str) -> object:
        pair = (from_code, to_code)
        with self._lock:
            engine = self._engines.get(pair)
        if engine is None:
            factory = self._engine_factory
            if factory is None:
                from desktop.ui.services.translation import open_engine

                factory = open_engine
            engine = factory(from_code, to_code, self._paths)
            with self._lock:
                self._engines[pair] = engine
        return engine

    # --- GUI thread -----------------------------------------------------------------------

    @Slot(str, object, object)
    def _on_progress(self, kind: str, _job_id: int, payload: Any) -> None:
        if kind == _IMPORT:
            done, total, name = payload
            self.importProgress.emit(done, total, str(name))
        elif kind == _BATCH:
            if payload[0] == "paused":
                self.batchPaused.emit(bool(payload[1]))
            else:
                self.batchProgress.emit(payload[1], payload[2])

    @Slot(str, object, object)
    def _on_done(self, kind: str, _job_id: int, result: Any) -> None:
        if kind == _LIST:
            self.listed.emit(result)
        elif kind == _FACETS:
            self.facets.emit(*result)
        elif kind == _SEARCH:
            self.searched.emit(*result)
        elif kind == _TERM:
            self.termReady.emit(*result)
        elif kind == _GET:
            self.articleReady.emit(*result)
        elif kind == _IMPORT:
            self._import_running = False
            self.importFinished.emit(result)
            self.changed.emit()
        elif kind == _BATCH:
            self._batch_running = False
            self.batchFinished.emit(*result)
            self.changed.emit()
        elif kind.startswith("edit:"):
            self._edits.forget(kind)
            what, value = result
            if what == "add":
                self.added.emit(*value)
            elif what == "export":
                self.exported.emit(*value)
            else:
                self.edited.emit(what, value)
            self.changed.emit()

    @Slot(str, object, object)
    def _on_failed(self, kind: str, _job_id: int, exc: BaseException) -> None:
        if kind == _IMPORT:
            self._import_running = False
        elif kind == _BATCH:
            self._batch_running = False
        elif kind.startswith("edit:"):
            self._edits.forget(kind)
            kind = kind.split(":")[1]
        self.failed.emit(kind, message_for(exc, "The library failed"))
        if kind in (_IMPORT, _BATCH):
            self.changed.emit()  # what was stored before the failure is listed


class _ChunkCancel:
    """Set when the user cancels or the reading translation starts (an Event look-alike)."""

    def __init__(self, *events: threading.Event) -> None:
        self._events = events

    def is_set(self) -> bool:
        return any(e.is_set() for e in self._events)

    def wait(self, timeout: float | None = None) -> bool:
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self.is_set():
            if deadline is not None and time.monotonic() >= deadline:
                return False
            time.sleep(0.02)
        return True


def _lower_thread_priority() -> None:
    """Lower this worker thread's CPU priority; threads it starts (the engine's) inherit it.

    On Linux the nice value is per thread, so the reading window's translation and the
    GUI keep their priority. Elsewhere it stays as it is.
    """
    if not hasattr(os, "setpriority") or not hasattr(threading, "get_native_id"):
        return
    try:
        tid = threading.get_native_id()
        current = os.getpriority(os.PRIO_PROCESS, tid)
        if current < LOW_PRIORITY_NICE:
            os.setpriority(os.PRIO_PROCESS, tid, LOW_PRIORITY_NICE)
    except OSError:
        log.debug("cannot lower the batch thread's priority", exc_info=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
