"""Model management in the background: list, install from file, download, remove."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from desktop.config import Paths
from desktop.ui.services.jobs import JobContext, JobRunner, message_for

_LIST, _INSTALL, _REMOVE = "list", "install", "remove"


class ModelService(QObject):
    """Runs package work in the background; every operation reports by signal on the GUI thread.

    Kinds are separate jobs: listing the packages while a download runs must not drop the
    download's install.
    """

    installed = Signal(object)  # PackageInfo after install/download
    removed = Signal(str)  # package code
    listed = Signal(object)  # list[PackageInfo]
    progress = Signal(object, object)  # done bytes, total bytes (0 when unknown)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, paths: Paths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._paths = paths
        self._jobs = JobRunner(parent=self)
        self._jobs.done.connect(self._on_done)
        self._jobs.failed.connect(self._on_failed)
        self._jobs.progress.connect(self._on_progress)
        self._download_job = 0

    @property
    def pool(self) -> QThreadPool:
        """The worker pool (tests drain it at teardown)."""
        return self._jobs.pool

    def list_installed(self) -> int:
        """Emit ``listed`` with the installed packages."""
        from desktop.core.translation import packages

        return self._jobs.start(_LIST, lambda _: list(packages.installed(self._paths)))

    def install_file(self, path: str) -> int:
        """Install an .argosmodel file; emits ``installed``."""
        from desktop.core.translation import packages

        return self._jobs.start(_INSTALL, lambda _: packages.install_file(path, self._paths))

    def remove(self, code: str) -> int:
        """Remove an installed package; emits ``removed``."""
        from desktop.core.translation import packages

        def work(_: JobContext) -> str:
            packages.remove(code, self._paths)
            return code

        return self._jobs.start(_REMOVE, work)

    def download(self, from_code: str = "de", to_code: str = "en", url: str | None = None) -> int:
        """Find FROM→TO in the index and download + install it, with progress and cancel."""
        from desktop.core.translation import packages

        def work(job: JobContext) -> object:
            def report(done: int, total: int | None = None) -> None:
                job.report((done, total or 0))

            return packages.download(
                f"translate-{from_code}_{to_code}", url, self._paths, report, job.cancel
            )

        self._download_job = self._jobs.start(_INSTALL, work)
        return self._download_job

    def cancel(self) -> None:
        """Stop a running download."""
        self._jobs.cancel(_INSTALL)

    @Slot(str, object, object)
    def _on_done(self, kind: str, _job_id: int, result: object) -> None:
        signal = {_LIST: self.listed, _INSTALL: self.installed, _REMOVE: self.removed}[kind]
        signal.emit(result)

    @Slot(str, object, object)
    def _on_failed(self, kind: str, job_id: int, exc: BaseException) -> None:
        from desktop.core.translation.packages import DownloadCancelled

        # Only the download job can be cancelled; a later install's error is an error.
        if job_id == self._download_job and (
            self._jobs.is_cancelled(kind) or isinstance(exc, DownloadCancelled)
        ):
            self.cancelled.emit()
            return
        self.failed.emit(message_for(exc))

    @Slot(str, object, object)
    def _on_progress(self, _kind: str, job_id: int, payload: object) -> None:
        if job_id == self._download_job:
            done, total = payload  # type: ignore[misc]
            self.progress.emit(done, total)
