"""The one shape of background work: a QRunnable running a plain function in a pool."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable

from PySide6.QtCore import QRunnable

log = logging.getLogger(__name__)

_ids = itertools.count(1)


def next_job_id() -> int:
    """A process-wide increasing job id; results carry it so stale ones can be dropped."""
    return next(_ids)


class FunctionJob(QRunnable):
    """Run ``fn()`` in a worker; the callbacks are invoked from the worker thread.

    Callbacks must only emit signals (queued to the GUI thread), never touch widgets.
    """

    def __init__(
        self,
        fn: Callable[[], object],
        on_done: Callable[[object], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        super().__init__()
        self._fn, self._on_done, self._on_error = fn, on_done, on_error
        self.setAutoDelete(True)

    def run(self) -> None:  # noqa: D102 - QRunnable API
        try:
            result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - reported to the GUI, never lost
            log.debug("background job failed", exc_info=True)
            self._on_error(exc)
            return
        self._on_done(result)
