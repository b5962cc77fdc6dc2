"""Glossary work in the background: termbase + matcher built once, then one match per article."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from desktop.config import Paths
from desktop.ui.services import core_api
from desktop.ui.services.jobs import FunctionJob, next_job_id


@dataclass(frozen=True)
class GlossaryResult:
    """Everything the window shows for one article."""

    job_id: int
    article: object
    termbase: object
    hits: list
    suggestions: list = field(default_factory=list)


class _Relay(QObject):
    done = Signal(object, object)  # job_id, GlossaryResult
    failed = Signal(object, object)  # job_id, exception
    checked = Signal(object, object)  # job_id, issues dict


class GlossaryService(QObject):
    """Owns the glossary pool; a newer request wins, older results are dropped."""

    matched = Signal(object)  # GlossaryResult
    checked = Signal(object)  # dict sentence_id -> list[TermIssue]
    failed = Signal(str)

    def __init__(self, paths: Paths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._paths = paths
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._lock = threading.Lock()
        self._termbase = None
        self._matcher = None
        self._job_id = 0
        self._check_id = 0
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self._relay.checked.connect(self._on_checked)

    @property
    def pool(self) -> QThreadPool:
        """The worker pool (tests drain it at teardown)."""
        return self._pool

    def _ensure(self):
        with self._lock:
            if self._matcher is None:
                termbase = core_api.load_termbase(self._paths)
                self._matcher = termbase.matcher()
                self._termbase = termbase
            return self._termbase, self._matcher

    def match(self, article) -> int:
        """Find glossary hits and term suggestions for ARTICLE; returns the job id."""
        job_id = next_job_id()
        self._job_id = job_id
        self._check_id = 0  # a pending check is of the article shown before: drop it
        relay = self._relay

        def work() -> GlossaryResult:
            termbase, matcher = self._ensure()
            hits = list(matcher.match(article))
            try:
                suggestions = core_api.suggest_terms(article, termbase)
            except Exception:  # noqa: BLE001 - suggestions are optional, hits are not
                suggestions = []
            return GlossaryResult(job_id, article, termbase, hits, suggestions)

        self._pool.start(
            FunctionJob(
                work,
                lambda res: relay.done.emit(job_id, res),
                lambda exc: relay.failed.emit(job_id, exc),
            )
        )
        return job_id

    def check(self, hits: list, targets: dict[str, str]) -> int:
        """Check that glossary terms were rendered as the glossary says."""
        self._check_id = check_id = next_job_id()
        relay = self._relay

        def work():
            termbase, _ = self._ensure()
            return core_api.check_terms(termbase, hits, dict(targets))

        self._pool.start(
            FunctionJob(
                work,
                lambda res: relay.checked.emit(check_id, res),
                lambda exc: relay.checked.emit(check_id, {}),
            )
        )
        return check_id

    def add_entry(self, values: dict, article=None):
        """Save a new user entry (atomic file write), rebuild the matcher, re-match ARTICLE.

        VALUES holds de, en, category, definition. Returns the saved Entry; raises the
        glossary's own error (with a clear message) when it is invalid or cannot be saved.
        """
        with self._lock:
            if self._termbase is None:
                self._termbase = core_api.load_termbase(self._paths)
            termbase = self._termbase
        entry = termbase.new_entry(**values)
        termbase.add_user_entry(entry, self._paths)
        with self._lock:
            self._matcher = None  # rebuilt with the new entry on the next match
            self._termbase = None
        if article is not None:
            self.match(article)
        return entry

    @Slot(object, object)
    def _on_done(self, job_id, result) -> None:
        if job_id != self._job_id:
            return
        self.matched.emit(result)

    @Slot(object, object)
    def _on_failed(self, job_id, exc) -> None:
        if job_id == self._job_id:
            self.failed.emit(str(exc) or type(exc).__name__)

    @Slot(object, object)
    def _on_checked(self, check_id, issues) -> None:
        if check_id == self._check_id:
            self.checked.emit(issues)
