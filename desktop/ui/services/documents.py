"""Loading documents in the background so the window paints first and never freezes."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from desktop.ui.services.jobs import FunctionJob, next_job_id


class _Relay(QObject):
    done = Signal(object, object, object)  # job_id, path or None, Article
    failed = Signal(object, object, object)  # job_id, path or None, exception


class DocumentService(QObject):
    """Loads files and pasted text into Articles; the latest request wins."""

    loaded = Signal(object, object)  # path (str | None), Article
    failed = Signal(object, str)  # path (str | None), one-line message

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._job_id = 0
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)

    @property
    def pool(self) -> QThreadPool:
        """The worker pool (tests drain it at teardown)."""
        return self._pool

    def _start(self, path: str | None, fn) -> int:
        job_id = next_job_id()
        self._job_id = job_id
        relay = self._relay
        self._pool.start(
            FunctionJob(
                fn,
                lambda art: relay.done.emit(job_id, path, art),
                lambda exc: relay.failed.emit(job_id, path, exc),
            )
        )
        return job_id

    def load_file(self, path: str, language: str = "de") -> int:
        """Load PATH (.txt/.md/.html/.docx/.pdf) into an Article."""

        def work():
            from desktop.core.documents import load

            return load(path, language=language)

        return self._start(str(path), work)

    def load_text(self, text: str, name: str, language: str = "de") -> int:
        """Turn pasted TEXT into an Article."""

        def work():
            from desktop.core.documents import load_text

            return load_text(text, name=name, language=language)

        return self._start(None, work)

    @Slot(object, object, object)
    def _on_done(self, job_id, path, article) -> None:
        if job_id == self._job_id:
            self.loaded.emit(path, article)

    @Slot(object, object, object)
    def _on_failed(self, job_id, path, exc) -> None:
        if job_id != self._job_id:
            return
        from desktop.core.documents.article import ArticleError

        if isinstance(exc, ArticleError):
            message = str(exc)
        else:
            message = f"Could not open the document: {type(exc).__name__}: {exc}"
        self.failed.emit(path, message)
