"""Loading documents in the background so the window paints first and never freezes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from desktop.ui.services.jobs import JobContext, JobRunner, message_for

_LOAD = "load"


class DocumentService(QObject):
    """Loads files and pasted text into Articles; the latest request wins."""

    loaded = Signal(object, object)  # path (str | None), Article
    failed = Signal(object, str)  # path (str | None), one-line message

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs = JobRunner(parent=self)
        self._jobs.done.connect(self._on_done)
        self._jobs.failed.connect(self._on_failed)
        self._path: str | None = None

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
        return self._jobs.start(_LOAD, work)

    def load_text(self, text: str, name: str, language: str = "de") -> int:
        """Turn pasted TEXT into an Article."""

        def work(_: JobContext) -> Any:
            from desktop.core.documents import load_text

            return load_text(text, name=name, language=language)

        self._path = None
        return self._jobs.start(_LOAD, work)

    @Slot(str, object, object)
    def _on_done(self, _kind: str, _job_id: int, article: object) -> None:
        self.loaded.emit(self._path, article)

    @Slot(str, object, object)
    def _on_failed(self, _kind: str, _job_id: int, exc: BaseException) -> None:
        self.failed.emit(self._path, message_for(exc, "Could not open the document"))
