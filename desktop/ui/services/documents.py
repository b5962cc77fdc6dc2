"""Loading documents in the background so the window paints first and never freezes.

Files, pasted text or HTML, and web pages (URLs) all end in the core's one loader
(``desktop.core.documents``); a URL is fetched only when the reader asks for it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from desktop.ui.services.jobs import JobContext, JobRunner, message_for

_LOAD = "load"


class DocumentService(QObject):
    """Loads files and pasted text into Articles; the latest request wins."""

    loaded = Signal(object, object)  # path or URL (str | None), Article
    failed = Signal(object, str)  # path or URL (str | None), one-line message
    progress = Signal(object, object)  # bytes received, total bytes (None when unknown)
    cancelled = Signal(object)  # the URL whose download was cancelled

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs = JobRunner(parent=self)
        self._jobs.done.connect(self._on_done)
        self._jobs.failed.connect(self._on_failed)
        self._jobs.progress.connect(self._on_progress)
        self._path: str | None = None
        self._busy = False

    @property
    def pool(self) -> QThreadPool:
        """The worker pool (tests drain it at teardown)."""
        return self._jobs.pool

    def load_file(self, path: str, language: str = "de") -> int:
        """Load PATH (.txt/.md/.html/.docx/.pdf) into an Article."""

        def work(_: JobContext) -> Any:
            from desktop.core.documents import load

            return load(path, language=language)

        self._path = str(path)
        self._busy = True
        return self._jobs.start(_LOAD, work)

    def load_text(self, text: str, name: str, language: str = "de") -> int:
        """Turn pasted TEXT into an Article."""

        def work(_: JobContext) -> Any:
            from desktop.core.documents import load_text

            return load_text(text, name=name, language=language)

        self._path = None
        self._busy = True
        return self._jobs.start(_LOAD, work)

    def load_url(self, url: str, language: str = "de") -> int:
        """Fetch the web page at URL and extract its article (progress, cancel)."""

        def work(job: JobContext) -> Any:
            from desktop.core.documents import load_url

            return load_url(
                url,
                language=language,
                progress=lambda done, total: job.report((done, total)),
                cancel=job.cancel,
            )

        self._path = url
        self._busy = True
        return self._jobs.start(_LOAD, work)

    def cancel(self) -> bool:
        """Stop the running load; True if one ran (its result, if any, is dropped)."""
        if not self._busy:
            return False
        self._busy = False
        self._jobs.cancel(_LOAD)
        self._jobs.forget(_LOAD)
        self.cancelled.emit(self._path)
        return True

    @property
    def busy(self) -> bool:
        """True while a load runs."""
        return self._busy

    @Slot(str, object, object)
    def _on_progress(self, _kind: str, _job_id: int, payload: object) -> None:
        done, total = payload  # type: ignore[misc]
        self.progress.emit(done, total)

    @Slot(str, object, object)
    def _on_done(self, _kind: str, _job_id: int, article: object) -> None:
        self._busy = False
        self.loaded.emit(self._path, article)

    @Slot(str, object, object)
    def _on_failed(self, _kind: str, _job_id: int, exc: BaseException) -> None:
        self._busy = False
        self.failed.emit(self._path, message_for(exc, "Could not open the document"))
