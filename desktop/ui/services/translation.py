"""Translation in the background: one engine per language pair, one running job at a time."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from desktop.config import Paths
from desktop.ui.services import core_api
from desktop.ui.services.jobs import FunctionJob, next_job_id

EngineFactory = Callable[[str, str, Paths], object]


@dataclass(frozen=True)
class Progress:
    """How far the current job is: done of total sentences, words per second."""

    job_id: int
    done: int
    total: int
    words_per_second: float


class _Relay(QObject):
    """Carries worker events to the GUI thread (queued, since it lives in the GUI thread)."""

    result = Signal(object, object)  # job_id, SentenceResult
    finished = Signal(object, object)  # job_id, cancelled: bool
    failed = Signal(object, object)  # job_id, exception
    engine = Signal(object, object)  # job_id, engine


class TranslationService(QObject):
    """Owns the translation pool; results of an old job never reach the window."""

    modelMissing = Signal(str)  # message with a way forward
    modelReady = Signal(object)  # PackageInfo (or whatever the engine reports)
    sentenceTranslated = Signal(object)  # SentenceResult of the current job
    progress = Signal(object)  # Progress
    finished = Signal(object)  # job_id (also after cancel)
    failed = Signal(str)

    def __init__(
        self,
        paths: Paths,
        engine_factory: EngineFactory | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._paths = paths
        self._factory = engine_factory or core_api.open_engine
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # jobs run one after another; cancel ends the old one
        self._engines: dict[tuple[str, str], object] = {}
        self._lock = threading.Lock()
        self._job_id = 0
        self._cancel = threading.Event()
        self._total = 0
        self._done = 0
        self._words = 0
        self._t0 = 0.0
        self._relay = _Relay(self)
        self._relay.result.connect(self._on_result)
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._relay.engine.connect(self._on_engine)

    @property
    def pool(self) -> QThreadPool:
        """The worker pool (tests drain it at teardown)."""
        return self._pool

    def forget_engines(self) -> None:
        """Drop opened engines so a newly installed model is picked up."""
        with self._lock:
            self._engines.clear()

    def translate(self, sentences: Sequence, from_code: str, to_code: str = "en") -> int:
        """Start translating; cancels the previous job. Returns the new job id."""
        self.cancel()
        job_id = next_job_id()
        self._job_id = job_id
        cancel = threading.Event()
        self._cancel = cancel
        self._total, self._done, self._words = len(sentences), 0, 0
        self._t0 = time.monotonic()
        sentences = list(sentences)
        relay = self._relay

        def work() -> bool:
            engine = self._engine(from_code, to_code)
            relay.engine.emit(job_id, engine)
            for result in engine.translate(sentences, cancel=cancel):
                if cancel.is_set():
                    break
                relay.result.emit(job_id, result)
            return cancel.is_set()

        self._pool.start(
            FunctionJob(
                work,
                lambda cancelled: relay.finished.emit(job_id, cancelled),
                lambda exc: relay.failed.emit(job_id, exc),
            )
        )
        return job_id

    def cancel(self) -> None:
        """Ask the running job to stop; its remaining results are dropped."""
        self._cancel.set()

    def _engine(self, from_code: str, to_code: str):
        key = (from_code, to_code)
        with self._lock:
            engine = self._engines.get(key)
        if engine is None:
            engine = self._factory(from_code, to_code, self._paths)
            with self._lock:
                self._engines[key] = engine
        return engine

    # --- GUI thread ---------------------------------------------------------------------

    @Slot(object, object)
    def _on_engine(self, job_id, engine) -> None:
        if job_id == self._job_id:
            self.modelReady.emit(getattr(engine, "model", None))

    @Slot(object, object)
    def _on_result(self, job_id, result) -> None:
        if job_id != self._job_id or self._cancel.is_set():
            return  # stale: from a previous document or a cancelled run
        self._done += 1
        if result.target:
            self._words += len(result.source.split())
        elapsed = max(time.monotonic() - self._t0, 1e-6)
        self.sentenceTranslated.emit(result)
        self.progress.emit(Progress(job_id, self._done, self._total, self._words / elapsed))

    @Slot(object, object)
    def _on_finished(self, job_id, _cancelled) -> None:
        if job_id == self._job_id:
            self.finished.emit(job_id)

    @Slot(object, object)
    def _on_failed(self, job_id, exc) -> None:
        if job_id != self._job_id:
            return
        if isinstance(exc, core_api.no_model_error()):
            self.modelMissing.emit(str(exc))
        else:
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        self.finished.emit(job_id)
