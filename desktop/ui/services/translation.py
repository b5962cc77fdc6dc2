"""Translation in the background: one engine per language pair, one running job at a time."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from desktop.config import Paths
from desktop.ui.services.jobs import JobContext, JobRunner, message_for

EngineFactory = Callable[[str, str, Paths], object]


@dataclass(frozen=True)
class Progress:
    """How far the current job is: done of total sentences, words per second."""

    job_id: int
    done: int
    total: int
    words_per_second: float


_TRANSLATE = "translate"


def open_engine(from_code: str, to_code: str, paths: Paths) -> object:
    """Open the real engine (after installing models shipped in a bundle)."""
    from desktop.core.translation import bundled, engine

    bundled.install_pending(paths)  # logs its own errors, never raises
    # Leave one core to the GUI thread: with every core busy in ctranslate2 the event
    # loop starves (measured in bench/bench_ui_latency.py).
    threads = max(1, engine.default_threads() - 1)
    return engine.TranslationEngine.open(from_code, to_code, paths, threads=threads)


class TranslationService(QObject):
    """Translation in the background; results of an old job never reach the window."""

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
        self._factory = engine_factory or open_engine
        # jobs run one after another; a new one cancels the old one
        self._jobs = JobRunner(parent=self)
        self._jobs.done.connect(self._on_finished)
        self._jobs.failed.connect(self._on_failed)
        self._jobs.progress.connect(self._on_progress)
        self._engines: dict[tuple[str, str], object] = {}
        self._lock = threading.Lock()
        self._total = 0
        self._done = 0
        self._words = 0
        self._t0 = 0.0

    @property
    def pool(self) -> QThreadPool:
        """The worker pool (tests drain it at teardown)."""
        return self._jobs.pool

    def forget_engines(self) -> None:
        """Drop opened engines so a newly installed model is picked up."""
        with self._lock:
            self._engines.clear()

    def translate(self, sentences: Sequence[Any], from_code: str, to_code: str = "en") -> int:
        """Start translating; cancels the previous job. Returns the new job id."""
        self._total, self._done, self._words = len(sentences), 0, 0
        self._t0 = time.monotonic()
        sentences = list(sentences)

        def work(job: JobContext) -> bool:
            engine: Any = self._engine(from_code, to_code)
            job.report(("engine", engine))
            for result in engine.translate(sentences, cancel=job.cancel):
                if job.cancelled:
                    break
                job.report(("result", result))
            return job.cancelled

        return self._jobs.start(_TRANSLATE, work)

    def cancel(self) -> None:
        """Ask the running job to stop; its remaining results are dropped."""
        self._jobs.cancel(_TRANSLATE)

    def _engine(self, from_code: str, to_code: str) -> object:
        key = (from_code, to_code)
        with self._lock:
            engine = self._engines.get(key)
        if engine is None:
            engine = self._factory(from_code, to_code, self._paths)
            with self._lock:
                self._engines[key] = engine
        return engine

    # --- GUI thread ---------------------------------------------------------------------

    @Slot(str, object, object)
    def _on_progress(self, _kind: str, job_id: int, event: Any) -> None:
        what, value = event
        if what == "engine":
            self.modelReady.emit(getattr(value, "model", None))
            return
        self._done += 1
        if value.target:
            self._words += len(value.source.split())
        elapsed = max(time.monotonic() - self._t0, 1e-6)
        self.sentenceTranslated.emit(value)
        self.progress.emit(Progress(job_id, self._done, self._total, self._words / elapsed))

    @Slot(str, object, object)
    def _on_finished(self, _kind: str, job_id: int, _cancelled: object) -> None:
        self.finished.emit(job_id)

    @Slot(str, object, object)
    def _on_failed(self, _kind: str, job_id: int, exc: BaseException) -> None:
        from desktop.core.errors import NoModelError

        if isinstance(exc, NoModelError):
            self.modelMissing.emit(str(exc))
        else:
            self.failed.emit(message_for(exc))
        self.finished.emit(job_id)
