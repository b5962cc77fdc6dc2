"""Model management in the background: list, install from file, download, remove."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from desktop.config import Paths
from desktop.ui.services import core_api
from desktop.ui.services.jobs import FunctionJob, next_job_id


class _Relay(QObject):
    done = Signal(object, object, object)  # job_id, kind, result
    failed = Signal(object, object, object)  # job_id, kind, exception
    progress = Signal(object, object, object)  # job_id, done bytes, total bytes


class ModelService(QObject):
    """Owns the model pool; every operation reports by signal on the GUI thread."""

    installed = Signal(object)  # PackageInfo after install/download
    removed = Signal(str)  # package code
    listed = Signal(object)  # list[PackageInfo]
    progress = Signal(object, object)  # done bytes, total bytes (0 when unknown)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, paths: Paths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._paths = paths
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._cancel = threading.Event()
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self._relay.progress.connect(self._on_progress)
        # Latest job per kind: a newer request of the same kind wins, but listing the
        # models while a download runs must not drop the download's result.
        self._latest: dict[str, int] = {}
        self._download_job = 0

    @property
    def pool(self) -> QThreadPool:
        """The worker pool (tests drain it at teardown)."""
        return self._pool

    def _start(self, kind: str, fn, job_id: int | None = None) -> int:
        job_id = job_id or next_job_id()
        self._latest[kind] = job_id
        relay = self._relay
        self._pool.start(
            FunctionJob(
                fn,
                lambda res: relay.done.emit(job_id, kind, res),
                lambda exc: relay.failed.emit(job_id, kind, exc),
            )
        )
        return job_id

    def list_installed(self) -> int:
        """Emit ``listed`` with the installed packages."""
        return self._start("list", lambda: list(core_api.models().installed(self._paths)))

    def install_file(self, path: str) -> int:
        """Install an .argosmodel file; emits ``installed``."""
        return self._start("install", lambda: core_api.models().install_file(path, self._paths))

    def remove(self, code: str) -> int:
        """Remove an installed package; emits ``removed``."""

        def work():
            core_api.models().remove(code, self._paths)
            return code

        return self._start("remove", work)

    def download(self, from_code: str = "de", to_code: str = "en", url: str | None = None) -> int:
        """Find FROM→TO in the index and download + install it, with progress and cancel."""
        self._cancel = cancel = threading.Event()
        relay = self._relay
        job_id = self._download_job = next_job_id()

        def report(done, total=None):
            relay.progress.emit(job_id, done, total or 0)

        def work():
            return core_api.models().download(
                f"translate-{from_code}_{to_code}", url, self._paths, report, cancel)

        return self._start("install", work, job_id)

    def cancel(self) -> None:
        """Stop a running download."""
        self._cancel.set()

    @Slot(object, object, object)
    def _on_done(self, job_id, kind, result) -> None:
        if job_id != self._latest.get(kind):
            return
        signal = {
            "list": self.listed,
            "install": self.installed,
            "remove": self.removed,
        }[kind]
        signal.emit(result)

    @Slot(object, object, object)
    def _on_failed(self, job_id, kind, exc) -> None:
        if job_id != self._latest.get(kind):
            return
        # Only the download job can be cancelled; a later install's error is an error.
        if job_id == self._download_job and (
                self._cancel.is_set() or isinstance(exc, core_api.models().DownloadCancelled)):
            self.cancelled.emit()
            return
        self.failed.emit(str(exc) or type(exc).__name__)

    @Slot(object, object, object)
    def _on_progress(self, job_id, done, total) -> None:
        if job_id == self._download_job:
            self.progress.emit(done, total)
