"""Glossary work in the background: termbase + matcher built once, then one match per article.

A match also finds the article's dictionary terms (``desktop.core.terms``) when the
dictionary's index is built and current: the service opens it in its worker thread and
keeps it open. It never builds the index itself (the lookup popup and ``lagebild lookup``
do, with progress); without one the result has the curated hits alone, and no error.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from desktop.config import Paths
from desktop.ui.services.jobs import JobContext, JobRunner, message_for


@dataclass(frozen=True)
class GlossaryResult:
    """Everything the window shows for one article."""

    job_id: int
    article: object
    termbase: object
    hits: list  # the curated glossary's hits (desktop.core.glossary.matching.Hit)
    suggestions: list = field(default_factory=list)
    #: terms from the dictionary (desktop.core.terms.TermHit, source "dictionary")
    dictionary_terms: list = field(default_factory=list)

    @property
    def terms(self) -> list:
        """The curated hits, then the dictionary terms: what the panes mark and check."""
        return [*self.hits, *self.dictionary_terms]


_MATCH, _CHECK = "match", "check"


class GlossaryService(QObject):
    """Glossary work in the background; a newer request wins, older results are dropped."""

    matched = Signal(object)  # GlossaryResult
    checked = Signal(object)  # dict sentence_id -> list[TermIssue]
    failed = Signal(str)

    def __init__(
        self,
        paths: Paths,
        parent: QObject | None = None,
        *,
        system_source: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._paths = paths
        self._system = system_source  # None: the trans-de-en file; tests point elsewhere
        self._lock = threading.Lock()
        self._termbase: Any = None
        self._matcher: Any = None
        self._dictionary: Any = None  # opened and used in the worker only
        self._jobs = JobRunner(parent=self)
        self._jobs.done.connect(self._on_done)
        self._jobs.failed.connect(self._on_failed)

    @property
    def pool(self) -> QThreadPool:
        """The worker pool (tests drain it at teardown)."""
        return self._jobs.pool

    def _ensure(self) -> tuple[Any, Any]:
        from desktop.core.glossary.termbase import Termbase

        with self._lock:
            if self._matcher is None:
                termbase = Termbase.load_default(self._paths)
                self._matcher = termbase.matcher()
                self._termbase = termbase
            return self._termbase, self._matcher

    def match(self, article: Any) -> int:
        """Find glossary hits and term suggestions for ARTICLE; returns the job id."""
        self._jobs.forget(_CHECK)  # a pending check is of the article shown before: drop it

        def work(job: JobContext) -> GlossaryResult:
            from desktop.core.glossary.suggestions import suggest_terms

            termbase, matcher = self._ensure()
            hits = list(matcher.match(article))
            try:
                suggestions = list(suggest_terms(article, termbase, hits))
            except Exception:  # noqa: BLE001 - suggestions are optional, hits are not
                suggestions = []
            terms = self._dictionary_terms(article, termbase, hits)
            return GlossaryResult(job.job_id, article, termbase, hits, suggestions, terms)

        return self._jobs.start(_MATCH, work)

    def _dictionary_terms(self, article: Any, termbase: Any, hits: list) -> list:
        """The dictionary terms of ARTICLE (worker side); [] without a built index."""
        from desktop.core.dictionary import DictionaryError
        from desktop.core.terms import curated_terms, dictionary_terms_of

        dictionary = self._open_dictionary()
        if dictionary is None:
            return []
        try:
            return dictionary_terms_of(article, termbase, dictionary, curated_terms(hits, termbase))
        except DictionaryError:  # the index went bad under us: the curated hits still show
            self._close_dictionary()
            return []

    def _open_dictionary(self) -> Any:
        """The dictionary if its index is built and current, else None (nothing is built)."""
        from desktop.core.dictionary import Dictionary, DictionaryError, DictionaryFiles, status

        if self._dictionary is None:
            files = DictionaryFiles.from_paths(self._paths, self._system)
            found = status(files)
            if found.current and found.info is not None:
                try:
                    self._dictionary = Dictionary(found.info.path)
                except DictionaryError:
                    self._dictionary = None
        return self._dictionary

    def _close_dictionary(self) -> None:
        dictionary, self._dictionary = self._dictionary, None
        if dictionary is not None:
            dictionary.close()

    def close(self, timeout_ms: int = 5000) -> None:
        """Window shutdown: wait for the worker, then close the dictionary."""
        if self.pool.waitForDone(timeout_ms):
            self._close_dictionary()

    def check(self, hits: list[Any], targets: dict[str, str]) -> int:
        """Check that glossary terms were rendered as the glossary says."""
        targets = dict(targets)

        def work(_: JobContext) -> dict[str, list[Any]]:
            from desktop.core.glossary.termcheck import check_terms

            termbase, _matcher = self._ensure()
            return check_terms(termbase, hits, targets)

        return self._jobs.start(_CHECK, work)

    def add_entry(self, values: dict, article=None):
        """Save a new user entry (atomic file write), rebuild the matcher, re-match ARTICLE.

        VALUES holds de, en, category, definition. Returns the saved Entry; raises the
        glossary's own error (with a clear message) when it is invalid or cannot be saved.
        """
        with self._lock:
            if self._termbase is None:
                from desktop.core.glossary.termbase import Termbase

                self._termbase = Termbase.load_default(self._paths)
            termbase = self._termbase
        from desktop.core.glossary.termbase import add_term

        entry = add_term(
            termbase,
            values["de"],
            values["en"],
            values["category"],
            values.get("definition", ""),
            self._paths,
        )
        with self._lock:
            self._matcher = None  # rebuilt with the new entry on the next match
            self._termbase = None
        if article is not None:
            self.match(article)
        return entry

    @Slot(str, object, object)
    def _on_done(self, kind: str, _job_id: int, result: Any) -> None:
        if kind == _MATCH:
            self.matched.emit(result)
        else:
            self.checked.emit(result)

    @Slot(str, object, object)
    def _on_failed(self, kind: str, _job_id: int, exc: BaseException) -> None:
        if kind == _MATCH:
            self.failed.emit(message_for(exc))
        else:  # the term check is an extra: no issues rather than an error
            self.checked.emit({})
