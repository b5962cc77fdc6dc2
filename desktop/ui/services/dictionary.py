"""Word lookups in the background: the dictionary opened once in the worker and reused.

One worker thread runs every job of this service, one after another, so the open
Dictionary (a SQLite connection and its caches) and the termbase are only ever used by that
thread and need no further locking. Lookups are the latest-wins kind: a click on another
word cancels a lookup that has not started yet. Opening the dictionary may build its index
(once, ~10-30 s); the build's progress comes out as ``building``.

``warm()`` runs after the window shows: it opens an index that is already built and loads
the lemmatiser (simplemma's first load takes 1-2 s), so the first click answers quickly.
It never builds the index: that is pure-Python work that would slow the start-up, and it
happens on the first lookup instead, with its progress in the popup.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from desktop.config import Paths
from desktop.ui.services.jobs import JobContext, JobRunner, message_for

_LOOKUP, _WARM, _GLOSSARY, _INSTALL, _STATUS = "lookup", "warm", "glossary", "install", "status"
#: At most this many dictionary rows per lookup (as `lagebild lookup` without --limit).
ROW_LIMIT = 10


@dataclass(frozen=True)
class LookupAnswer:
    """One lookup's request and what it found (a core WordLookup)."""

    job_id: int
    word: str
    sentence: str | None
    reverse: bool
    result: Any  # desktop.core.terms.word_lookup.WordLookup


class DictionaryService(QObject):
    """Glossary-then-dictionary lookups, installing a Ding file and the dictionary status."""

    answered = Signal(object)  # LookupAnswer of the latest lookup
    building = Signal(object, object)  # done, total: the index is being built
    installed = Signal(object)  # EnsureResult after Install from file
    statusReady = Signal(object)  # core Status
    failed = Signal(str)  # install or status failed: one line
    warmed = Signal(bool)  # warm-up finished; True when a dictionary is open

    def __init__(
        self,
        paths: Paths,
        parent: QObject | None = None,
        *,
        system_source: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._paths = paths
        self._system = system_source  # None: the trans-de-en file; tests point elsewhere
        # Worker-side state (only the one worker thread reads and writes it).
        self._dictionary: Any = None
        self._own_termbase: Any = None
        self._glossary_problem: str | None = None
        # Set on the GUI thread (the termbase the glossary panel matched with): one
        # attribute assignment, read by the worker at the start of a lookup.
        self._termbase: Any = None
        self._closed = False
        self._jobs = JobRunner(threads=1, parent=self)
        self._jobs.done.connect(self._on_done)
        self._jobs.failed.connect(self._on_failed)
        self._jobs.progress.connect(self._on_progress)

    @property
    def pool(self) -> QThreadPool:
        """The worker pool (the window waits for it at shutdown)."""
        return self._jobs.pool

    def files(self) -> Any:
        """The DictionaryFiles this service reads (data folder, system file)."""
        from desktop.core.dictionary import DictionaryFiles

        return DictionaryFiles.from_paths(self._paths, self._system)

    # --- requests (GUI thread) ---------------------------------------------------------

    def _start(self, kind: str, fn: Any) -> int:
        if self._closed:  # the window is closing: nothing new may start (0: no job)
            return 0
        return self._jobs.start(kind, fn)

    def lookup(self, word: str, sentence: str | None = None, reverse: bool = False) -> int:
        """Look WORD up (English -> German when REVERSE); emits ``answered``."""

        def work(job: JobContext) -> LookupAnswer | None:
            from desktop.core.terms.word_lookup import look_up_word

            if job.cancelled:  # a newer click came before this one started
                return None
            sources = self._sources(job)
            result = look_up_word(
                word, sources, sentence=sentence, reverse=reverse, limit=ROW_LIMIT
            )
            if result.dictionary_problem and sources.dictionary is not None:
                self._close_dictionary()  # it failed while reading: the next lookup reopens it
            return LookupAnswer(job.job_id, word, sentence, reverse, result)

        return self._start(_LOOKUP, work)

    def use_termbase(self, termbase: Any) -> None:
        """Look curated entries up in TERMBASE (the one the glossary panel shows) from now on."""
        if termbase is None or termbase is self._termbase:
            return
        self._termbase = termbase

        def work(_: JobContext) -> None:
            termbase.lookup_index()  # built once per termbase; the first lookup stays quick

        self._start(_GLOSSARY, work)

    def warm(self) -> int:
        """Open an already built index and load the lemmatiser; emits ``warmed``.

        The termbase is not loaded here: the glossary panel's comes by ``use_termbase``
        (building a second matcher would cost a third of a second for nothing).
        """

        def work(job: JobContext) -> bool:
            from desktop.core.dictionary import status

            if self._dictionary is None and status(self.files()).current:
                self._sources(job)
            if self._dictionary is not None:
                self._dictionary.lookup("Angriffen")  # loads simplemma's German data
            return self._dictionary is not None

        return self._start(_WARM, work)

    def install_file(self, path: str | Path) -> int:
        """Copy the Ding file PATH into the data folder and build its index; ``installed``."""

        def work(job: JobContext) -> object:
            from desktop.core.dictionary import Dictionary, install

            self._close_dictionary()  # its index file is about to be replaced
            result = install(self.files(), Path(path), lambda d, t: job.report((d, t)))
            self._dictionary = Dictionary(result.info.path)
            return result

        return self._start(_INSTALL, work)

    def status(self) -> int:
        """Emit ``statusReady`` with the dictionary's status (nothing is built for it)."""
        from desktop.core.dictionary import status

        return self._start(_STATUS, lambda _: status(self.files()))

    def close(self, timeout_ms: int = 5000) -> None:
        """Window shutdown: start nothing more, wait for the worker, close the dictionary."""
        self._closed = True
        self._jobs.cancel(_LOOKUP)
        if self.pool.waitForDone(timeout_ms):
            self._close_dictionary()

    # --- worker side --------------------------------------------------------------------

    def _glossary(self) -> tuple[Any, str]:
        from desktop.core.terms.word_lookup import open_glossary

        termbase = self._termbase
        if termbase is not None:
            return termbase, ""
        if self._own_termbase is None and self._glossary_problem is None:
            self._own_termbase, self._glossary_problem = open_glossary(self._paths)
            if self._own_termbase is not None:
                self._own_termbase.lookup_index()
        return self._own_termbase, self._glossary_problem or ""

    def _sources(self, job: JobContext) -> Any:
        from desktop.core.terms.word_lookup import Sources, open_dictionary

        termbase, glossary_problem = self._glossary()
        problem, missing = "", False
        if self._dictionary is None:
            # Not cached when it fails: after `apt install trans-de-en` the next click works.
            self._dictionary, problem, missing = open_dictionary(
                self._paths, lambda d, t: job.report((d, t)), self._system
            )
        return Sources(termbase, self._dictionary, glossary_problem, problem, missing)

    def _close_dictionary(self) -> None:
        dictionary, self._dictionary = self._dictionary, None
        if dictionary is not None:
            dictionary.close()

    # --- results (GUI thread) -----------------------------------------------------------

    @Slot(str, object, object)
    def _on_done(self, kind: str, _job_id: int, result: Any) -> None:
        if kind == _LOOKUP and result is not None:
            self.answered.emit(result)
        elif kind == _WARM:
            self.warmed.emit(bool(result))
        elif kind == _INSTALL:
            self.installed.emit(result)
        elif kind == _STATUS:
            self.statusReady.emit(result)

    @Slot(str, object, object)
    def _on_failed(self, kind: str, _job_id: int, exc: BaseException) -> None:
        if kind == _WARM:
            self.warmed.emit(False)  # a lookup will say what is wrong
        elif kind in (_INSTALL, _STATUS, _LOOKUP):
            self.failed.emit(message_for(exc, "Dictionary"))

    @Slot(str, object, object)
    def _on_progress(self, _kind: str, _job_id: int, payload: object) -> None:
        done, total = payload  # type: ignore[misc]
        self.building.emit(done, total)
