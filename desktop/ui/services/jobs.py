"""The one shape of background work: ``JobRunner.start(kind, fn)``.

A job is a plain function run in a worker thread. Its result, failure or progress comes back
by signal on the GUI thread, tagged with its kind and job id. Per kind the latest job wins:
whatever an older job of the same kind reports is dropped. Every job can be cancelled.
Workers never touch widgets; services turn the runner's signals into their own.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

_ids = itertools.count(1)


def next_job_id() -> int:
    """A process-wide increasing job id; results carry it so stale ones can be dropped."""
    return next(_ids)


def message_for(exc: BaseException, context: str = "") -> str:
    """The one rule turning an exception into a line for the user.

    The core's own errors already are such a line; anything else is unexpected, so it is
    named by type (prefixed with CONTEXT, e.g. "Could not open the document").
    """
    from desktop.core.errors import LagebildError

    if isinstance(exc, LagebildError):
        return str(exc) or type(exc).__name__
    text = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return f"{context}: {text}" if context else text


@dataclass
class JobContext:
    """What a running job may use: its id, its cancel flag, and a progress reporter."""

    job_id: int
    cancel: threading.Event
    report: Callable[[object], None] = field(repr=False)

    @property
    def cancelled(self) -> bool:
        """True once the job was cancelled or replaced by a newer job of its kind."""
        return self.cancel.is_set()


class _Relay(QObject):
    done = Signal(str, object, object)  # kind, job_id, result
    failed = Signal(str, object, object)  # kind, job_id, exception
    progress = Signal(str, object, object)  # kind, job_id, payload


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], object], kind: str, job_id: int, relay: _Relay) -> None:
        super().__init__()
        self._fn, self._kind, self._job_id, self._relay = fn, kind, job_id, relay
        self.setAutoDelete(True)

    def run(self) -> None:  # QRunnable API
        try:
            result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - reported to the GUI, never lost
            log.debug("background job failed", exc_info=True)
            self._relay.failed.emit(self._kind, self._job_id, exc)
            return
        self._relay.done.emit(self._kind, self._job_id, result)


class JobRunner(QObject):
    """Runs jobs in its own pool; per kind the latest wins; cancel is always possible."""

    done = Signal(str, object, object)  # kind, job_id, result (latest job of its kind only)
    failed = Signal(str, object, object)  # kind, job_id, exception
    progress = Signal(str, object, object)  # kind, job_id, payload

    def __init__(self, threads: int = 1, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._latest: dict[str, int] = {}
        self._cancels: dict[str, threading.Event] = {}
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self._relay.progress.connect(self._on_progress)

    @property
    def pool(self) -> QThreadPool:
        """The worker pool (tests drain it at teardown)."""
        return self._pool

    def start(self, kind: str, fn: Callable[[JobContext], object]) -> int:
        """Run FN(context) in a worker as the new latest job of KIND; returns its id.

        The previous job of KIND is cancelled: its flag is set and its reports are dropped.
        """
        self.cancel(kind)
        job_id = next_job_id()
        cancel = threading.Event()
        self._latest[kind], self._cancels[kind] = job_id, cancel
        relay = self._relay

        def report(payload: object) -> None:
            relay.progress.emit(kind, job_id, payload)

        context = JobContext(job_id, cancel, report)
        self._pool.start(_Job(lambda: fn(context), kind, job_id, relay))
        return job_id

    def cancel(self, kind: str) -> None:
        """Ask the running job of KIND to stop; what it reports from now on is dropped."""
        event = self._cancels.get(kind)
        if event is not None:
            event.set()

    def is_cancelled(self, kind: str) -> bool:
        """True when the latest job of KIND was cancelled."""
        event = self._cancels.get(kind)
        return event is not None and event.is_set()

    def forget(self, kind: str) -> None:
        """Drop whatever the current job of KIND still reports (without cancelling it)."""
        self._latest.pop(kind, None)

    def is_current(self, kind: str, job_id: int) -> bool:
        """True when JOB_ID is the latest job of KIND."""
        return self._latest.get(kind) == job_id

    @Slot(str, object, object)
    def _on_done(self, kind: str, job_id: int, result: object) -> None:
        if self.is_current(kind, job_id):
            self.done.emit(kind, job_id, result)

    @Slot(str, object, object)
    def _on_failed(self, kind: str, job_id: int, exc: BaseException) -> None:
        if self.is_current(kind, job_id):
            self.failed.emit(kind, job_id, exc)

    @Slot(str, object, object)
    def _on_progress(self, kind: str, job_id: int, payload: object) -> None:
        if self.is_current(kind, job_id) and not self._cancels[kind].is_set():
            self.progress.emit(kind, job_id, payload)
