"""Offline sentence translation with installed Argos Translate packages (Qt-free).

The sentences come from *our* splitter (``desktop.core.documents.article``); argostranslate's own
splitters (stanza, minisbd, spaCy) are never used because they download models at run
time. Each sentence is encoded with the package's own tokenizer object, translated in
batches with ``ctranslate2.Translator.translate_batch`` (the call argostranslate makes,
with its target prefix and length penalty), decoded, checked and cached. When no package
goes straight from the source to the target language, packages are chained through an
intermediate language as argostranslate does (shortest chain wins).

Importing this module is cheap: argostranslate and ctranslate2 load on first use.

Designators (``KN-23``, ``Shahed-136``, ``HUR``; see ``masking``) must come out exactly,
numbers with their value. ``mask="auto"`` (default) translates plainly first and, only for
sentences that lost a designator, translates again with designators masked, restores and
verifies; ``mask="always"`` masks first and falls back to the plain translation if restoring fails.
Auto is the default because masking everything measurably hurt the Chinese test model
(numbers turned into names), while most sentences keep their designators anyway.

``translate()`` takes one document; ``translate_stream()`` takes many in a row (the library),
read lazily, so that model calls stay full across documents. With ``background=True`` a run
gives way to foreground runs (the reading window) of any engine in the process.

Flags per sentence (``SentenceResult.flags``) are described in ``desktop.core.translation.quality``.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
import time
import unicodedata
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, Protocol

from desktop.config import Paths
from desktop.core.errors import NoModelError
from desktop.core.translation import masking
from desktop.core.translation.packages import (
    PackageError,
    PackageInfo,
    install_command,
    language_name,
)
from desktop.core.translation.quality import (
    FLAG_RESTORE_FAILED,
    MAX_DECODING_LENGTH,
    judge,
)

DEFAULT_BEAM = 4
DEFAULT_BATCH = 32


@dataclass(frozen=True)
class SentenceResult:
    """The translation of one sentence (target None only if it could not be produced)."""

    sentence_id: str
    source: str
    target: str | None
    flags: tuple[str, ...]
    cached: bool


@dataclass
class _Job:
    """One sentence on its way through the model (see TranslationEngine._work)."""

    source: str  # the exact sentence text: the cache key
    text: str  # what the model gets (masked or plain)
    masked: masking.Masked | None
    fallback: tuple[str, int] | None = None  # plain output and its length, if known
    n_in: int | None = None  # source tokens of the first pass
    mask_failed: bool = False


def default_threads() -> int:
    """CPU cores available to this process."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class _Step:
    """One installed package: its tokenizer object and a lazily built CTranslate2 model."""

    def __init__(self, pkg: Any, beam_size: int, threads: int, max_batch_size: int) -> None:
        self.pkg = pkg
        self.beam_size = beam_size
        self.threads = threads
        self.max_batch_size = max_batch_size
        # Two model replicas with half the threads each beat one replica with all of them:
        # a beam-search step on a small batch barely uses two threads, and while one
        # replica decodes a long batch the other takes the next batch or a retry.
        # CTranslate2 shares the weights between replicas on the CPU.
        self.workers = 2 if threads >= 2 else 1
        self._translator = None

    def translator(self) -> Any:
        if self._translator is None:
            import ctranslate2

            self._translator = ctranslate2.Translator(
                str(Path(self.pkg.package_path) / "model"),
                device="cpu",
                compute_type="auto",
                inter_threads=self.workers,
                intra_threads=max(1, self.threads // self.workers),
            )
        return self._translator

    def submit(self, texts: list[str]) -> list[tuple[int, object]]:
        """Queue texts on the model; (input token count, async result) per text.

        CTranslate2 sorts the texts by length into batches of max_batch_size and runs
        them on its replicas in the background; each result is ready on its own.
        """
        encode = self.pkg.tokenizer.encode
        tokens = [encode(t) for t in texts]
        prefix = self.pkg.target_prefix or ""
        futures = self.translator().translate_batch(
            tokens,
            target_prefix=[[prefix]] * len(tokens) if prefix else None,
            replace_unknowns=True,
            max_batch_size=self.max_batch_size,
            beam_size=self.beam_size,
            num_hypotheses=1,
            length_penalty=0.2,
            max_decoding_length=MAX_DECODING_LENGTH,
            asynchronous=True,
        )
        return list(zip((len(t) for t in tokens), futures, strict=True))

    def output(self, future: Any) -> tuple[str, int]:
        """The decoded text of a finished async result and its output token count."""
        hyp = future.result().hypotheses[0]
        text = self.pkg.tokenizer.decode(hyp)
        prefix = self.pkg.target_prefix or ""
        if prefix and text.startswith(prefix):
            text = text[len(prefix) :]
        return _SPACES.sub(" ", text).strip(), len(hyp)

    def run(self, texts: list[str]) -> tuple[list[str], list[int], list[int]]:
        """Translate texts (blocking); return outputs and input/output token counts."""
        outs, n_in, n_out = [], [], []
        for count, future in self.submit(texts):
            text, length = self.output(future)
            outs.append(text)
            n_in.append(count)
            n_out.append(length)
        return outs, n_in, n_out


_SPACES = re.compile(r"[ \t]{2,}")
POLL_SECONDS = 0.005


def has_letters(text: str) -> bool:
    """True when TEXT holds a letter of any script (a Unicode category L* character)."""
    return any(unicodedata.category(ch)[0] == "L" for ch in text)


def find_chain(packages: list[Any], from_code: str, to_code: str) -> list[Any] | None:
    """Shortest chain of packages from from_code to to_code (breadth first), or None."""
    frontier: list[tuple[str, list[Any]]] = [(from_code, [])]
    seen = {from_code}
    while frontier:
        nxt = []
        for lang, chain in frontier:
            for pkg in packages:
                if pkg.from_code != lang or pkg.to_code in seen:
                    continue
                if pkg.to_code == to_code:
                    return [*chain, pkg]
                seen.add(pkg.to_code)
                nxt.append((pkg.to_code, [*chain, pkg]))
        frontier = nxt
    return None


def _needs_no_model(text: str) -> tuple[str, tuple[str, ...]] | None:
    """The result of a sentence the model must not see, or None for a normal one.

    Blank sentences need no model but keep their place in document order. Neither do
    sentences without a letter ("🙂🙂", "—", "***", "12:30"): there is nothing to translate,
    and the model invents words for them ("Zenium"), so they are copied through unchanged,
    unflagged, and never cached (an old cached guess is ignored)."""
    if not text.strip():
        return "", ()
    if not has_letters(text):
        return text, ()
    return None


class _Priority:
    """Foreground translations running in this process; background ones give way to them.

    A background run (the library's batch translation) queues no model call while a
    foreground one (the reading window) runs. The check and the queueing of a background
    call happen under one lock that a starting foreground run takes too, so once
    ``running()`` is entered no background call is queued until it is left."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running = 0

    @contextmanager
    def running(self, background: bool) -> Iterator[None]:
        """Count a foreground run for as long as the block lasts (background: nothing)."""
        if background:
            yield
            return
        with self._lock:
            self._running += 1
        try:
            yield
        finally:
            with self._lock:
                self._running -= 1

    def foreground_running(self) -> bool:
        return self._running > 0

    @contextmanager
    def gate(self, background: bool) -> Iterator[bool]:
        """True when a call may be queued now; a background caller holds the lock meanwhile."""
        if not background:
            yield True
            return
        with self._lock:
            yield self._running == 0


PRIORITY = _Priority()

# What _fill did: queued a call; read sentences that need no model; nothing to do yet
# (replicas busy, or a foreground run has priority); nothing left to queue.
_SUBMITTED, _READ, _BUSY, _WAITING, _IDLE = "submitted", "read", "busy", "waiting", "idle"


class _Feed(Protocol):
    """Where _work gets the sentence texts still to translate (each one once)."""

    @property
    def exhausted(self) -> bool: ...

    def take(self, n: int) -> list[str] | None:
        """Up to n texts (fewer only at the end), or None: read on, then ask again."""

    def give_back(self, texts: list[str]) -> None:
        """Put texts from the last take() back in front."""


class _ListFeed:
    """The texts of one translate() call, all known in advance."""

    def __init__(self, texts: list[str]) -> None:
        self._texts = deque(texts)

    @property
    def exhausted(self) -> bool:
        return not self._texts

    def take(self, n: int) -> list[str] | None:
        return [self._texts.popleft() for _ in range(min(n, len(self._texts)))]

    def give_back(self, texts: list[str]) -> None:
        self._texts.extendleft(reversed(texts))


class _StreamFeed:
    """The input of translate_stream, read as the model needs it, and its results in order.

    Reads in chunks of max_batch_size (one cache look-up per chunk) and at most
    READ_CHUNKS chunks per take(), so that a long run of cached sentences is passed on
    while it is read instead of after it."""

    READ_CHUNKS = 4

    def __init__(self, engine: TranslationEngine, sentences: Iterator[Any]) -> None:
        self._engine = engine
        self._input = sentences
        self._input_done = False
        self._head: list[Any] = []  # read from the input, not looked at yet
        self._backlog: deque[str] = deque()  # texts read that the model has not had yet
        self._order: deque[Any] = deque()  # sentences read and not yet passed on
        self._need: Counter[str] = Counter()  # of each text: sentences in _order
        self._done: dict[str, tuple[str, tuple[str, ...], bool]] = {}  # (target, flags, cached)
        self._asked: set[str] = set()  # texts given to the model, not finished yet

    @property
    def exhausted(self) -> bool:
        return self._input_done and not self._backlog

    def take(self, n: int) -> list[str] | None:
        if n <= 0:
            return []
        for _ in range(self.READ_CHUNKS):
            if len(self._backlog) >= n or self._input_done:
                break
            size = self._engine.max_batch_size
            chunk = self._head + list(islice(self._input, size - len(self._head)))
            # One sentence more, so that the end is known when it is reached: the last
            # retries are then queued at once, as in translate().
            self._head = list(islice(self._input, 1))
            self._input_done = not self._head
            self._read(chunk)
        if len(self._backlog) < n and not self._input_done:
            return None
        return [self._backlog.popleft() for _ in range(min(n, len(self._backlog)))]

    def give_back(self, texts: list[str]) -> None:
        self._backlog.extendleft(reversed(texts))

    def _read(self, chunk: list[Any]) -> None:
        new: list[str] = []
        for s in chunk:
            self._order.append(s)
            self._need[s.text] += 1
            if s.text in self._done or s.text in self._asked:
                continue
            needless = _needs_no_model(s.text)
            if needless is not None:
                self._done[s.text] = (*needless, False)
            else:
                self._asked.add(s.text)
                new.append(s.text)
        cache = self._engine._cache
        hits = cache.get_many(self._engine.model_key, new) if cache is not None and new else {}
        for text in new:
            if text in hits:
                self._asked.discard(text)
                self._done[text] = (*hits[text], True)
            else:
                self._backlog.append(text)

    def results(self, finished: dict[str, tuple[str, tuple[str, ...]]],
                cancel: threading.Event | None,
                on_result: Callable[[SentenceResult], None] | None,
                ) -> Iterator[SentenceResult]:  # fmt: skip
        """Take in finished sentences; yield every result now due, in input order."""
        for text, (target, flags) in finished.items():
            self._asked.discard(text)
            self._done[text] = (target, flags, False)
        while self._order and self._order[0].text in self._done:
            if cancel is not None and cancel.is_set():
                return
            s = self._order.popleft()
            target, flags, cached = self._done[s.text]
            self._need[s.text] -= 1
            if not self._need[s.text]:  # no later copy read yet: forget it (memory)
                del self._need[s.text], self._done[s.text]
            result = SentenceResult(s.id, s.text, target, flags, cached)
            if on_result:
                on_result(result)
            yield result


class _Pipeline:
    """The model calls of one _work run on one package: jobs in, finished sentences out."""

    def __init__(self, engine: TranslationEngine, step: _Step) -> None:
        self._engine = engine
        self._step = step
        self._size = engine.max_batch_size
        self.retries: deque[_Job] = deque()  # second passes, first into the next call
        self.calls: list[list[tuple[_Job, int, Any]]] = []  # per call: unfinished (job, n, future)
        self._first = True

    def room(self) -> int:
        """Sentences the next call may hold: 0 while no replica is free, else one batch
        (the first call: one batch per replica, sorted by length across them).

        CTranslate2 splits a call into batches of max_batch_size that finish as a whole,
        so a call's unfinished results, rounded up to batches, are its busy replicas."""
        busy = sum(-(-len(call) // self._size) for call in self.calls)
        if busy >= self._step.workers:
            return 0
        return self._size * (self._step.workers if self._first else 1)

    def submit(self, texts: list[str], room: int) -> None:
        """Queue one call: retries first (as many as fit beside texts), then texts."""
        k = min(len(self.retries), room - len(texts))
        jobs = [self.retries.popleft() for _ in range(k)]
        jobs += [self._engine._first_job(t) for t in texts]
        submitted = self._step.submit([j.text for j in jobs])
        self._first = False
        self.calls.append([(j, n, f) for j, (n, f) in zip(jobs, submitted, strict=True)])

    def collect(self) -> dict[str, tuple[str, tuple[str, ...]]] | None:
        """Judge the results that are ready (None if none is); their retries are kept."""
        finished: dict[str, tuple[str, tuple[str, ...]]] = {}
        calls, any_ready = [], False
        for call in self.calls:
            done = [x[2].done() for x in call]  # once: a result may finish meanwhile
            for (job, n_in, future), d in zip(call, done, strict=True):
                if d:
                    any_ready = True
                    out, n_out = self._step.output(future)
                    follow_up = self._engine._after(job, out, n_in, n_out, finished)
                    if follow_up is not None:
                        self.retries.append(follow_up)
            rest = [x for x, d in zip(call, done, strict=True) if not d]
            if rest:
                calls.append(rest)
        self.calls = calls
        return finished if any_ready else None


class TranslationEngine:
    """Translates sentences with one installed package (or chain), with a SQLite cache."""

    def __init__(self, chain: list, paths: Paths, *, beam_size: int = DEFAULT_BEAM,
                 threads: int | None = None, max_batch_size: int = DEFAULT_BATCH,
                 cache: bool = True, mask: str = "auto"):  # fmt: skip
        if mask not in ("auto", "always", "off"):
            raise ValueError(f"mask must be auto, always or off, not {mask!r}")
        self.paths = paths
        self.beam_size = beam_size
        self.threads = threads or default_threads()
        self.max_batch_size = max_batch_size
        self.mask = mask
        self._steps = [_Step(p, beam_size, self.threads, max_batch_size) for p in chain]
        self._model = _chain_info(chain)
        self._cache = None
        self._key: str | None = None
        if cache:
            from desktop.core.translation.cache import TranslationCache

            self._cache = TranslationCache(paths.translation_cache)

    @classmethod
    def open(
        cls,
        from_code: str = "de",
        to_code: str = "en",
        paths: Paths | None = None,
        **settings: Any,
    ) -> TranslationEngine:
        """The engine for from_code -> to_code; NoModelError says how to install one."""
        from desktop.core.translation.packages import installed_packages

        paths = paths or Paths.from_env()
        try:
            packages = installed_packages(paths)
        except (OSError, PackageError) as exc:
            raise NoModelError(
                f"cannot read the installed models: {exc}", from_code, to_code
            ) from None
        chain = find_chain(packages, from_code, to_code)
        if chain is None:
            raise NoModelError(
                f"No {language_name(from_code)}→{language_name(to_code)} translation model "
                f"is installed. Get one with: {install_command(from_code, to_code)}",
                from_code,
                to_code,
            )
        return cls(chain, paths, **settings)

    @property
    def model(self) -> PackageInfo:
        """The package (or pivot chain) this engine translates with."""
        return self._model

    @property
    def model_key(self) -> str:
        """Cache key of the model: code, version and hash of each package's files."""
        if self._key is None:
            parts = []
            for step in self._steps:
                root = Path(step.pkg.package_path)
                files = [root / "model" / "model.bin"]
                files += [f for f in (root / "sentencepiece.model", root / "bpe.model")
                          if f.exists()]  # fmt: skip
                digest = hashlib.sha256()
                for f in files:
                    d = self._cache.file_digest(f, _sha256) if self._cache else _sha256(f)
                    digest.update(d.encode())
                parts.append(
                    f"{_info_from(step.pkg).code}@{step.pkg.package_version}#"
                    f"{digest.hexdigest()[:16]}"
                )
            self._key = "+".join(parts)
        return self._key

    def load(self) -> None:
        """Load the CTranslate2 model(s) now instead of at the first uncached batch."""
        for step in self._steps:
            step.translator()

    def translate(self, sentences: Sequence, cancel: threading.Event | None = None,
                  on_result: Callable[[SentenceResult], None] | None = None, *,
                  background: bool = False) -> Iterator[SentenceResult]:  # fmt: skip
        """Yield a SentenceResult per sentence: cached ones at once, then the rest in
        document order as they finish. on_result is called just before each yield;
        setting cancel stops within a few milliseconds and queues nothing more (batches
        already queued on the model finish in the background, unused). background=True
        gives way to foreground translations (see translate_stream)."""
        sentences = list(sentences)
        cached = {}
        if self._cache is not None:
            wanted = [s.text for s in sentences if has_letters(s.text)]
            cached = self._cache.get_many(self.model_key, wanted)
        pending = []
        done: dict[str, tuple[str, tuple[str, ...]]] = {}
        for s in sentences:
            needless = _needs_no_model(s.text)
            if needless is not None:
                done[s.text] = needless
                pending.append(s)
            elif s.text in cached:
                target, flags = cached[s.text]
                hit = SentenceResult(s.id, s.text, target, flags, True)
                if on_result:
                    on_result(hit)
                yield hit
            else:
                pending.append(s)
        unique = [t for t in dict.fromkeys(s.text for s in pending) if t not in done]
        pos = 0

        def ready() -> Iterator[SentenceResult]:
            nonlocal pos
            while pos < len(pending) and pending[pos].text in done:
                if cancel is not None and cancel.is_set():
                    return  # several results can finish at once; stop at once anyway
                s = pending[pos]
                target, flags = done[s.text]
                result = SentenceResult(s.id, s.text, target, flags, False)
                if on_result:
                    on_result(result)
                yield result
                pos += 1

        yield from ready()
        for finished in self._work(_ListFeed(unique), cancel, background):
            done.update(finished)
            self._store(finished)
            yield from ready()

    def translate_stream(self, sentences: Iterable, cancel: threading.Event | None = None,
                         on_result: Callable[[SentenceResult], None] | None = None, *,
                         background: bool = False) -> Iterator[SentenceResult]:  # fmt: skip
        """Yield a SentenceResult per sentence of a long input, strictly in input order.

        For many documents in a row (the library): one translate() per document ends with
        an idle replica and with the document's masked retries running alone, while here
        the model calls stay full across documents and a retry rides along with the next
        document's sentences. The input is read lazily, a few batches ahead of the results
        (a caller that pages its input from a database must not re-read rows whose results
        have not come yet). Cached, blank and letterless sentences come in their place.
        Duplicates are translated once while both are read ahead. cancel and on_result as
        in translate().

        background=True: while a foreground translation (background=False, in any engine
        of this process) runs, no new model call is queued, so the foreground gets the CPU
        as soon as the calls already queued are done (at most one batch per replica)."""
        feed = _StreamFeed(self, iter(sentences))
        for finished in self._work(feed, cancel, background):
            self._store(finished)
            yield from feed.results(finished, cancel, on_result)
        yield from feed.results({}, cancel, on_result)  # the last read needed no model

    def _store(self, finished: dict[str, tuple[str, tuple[str, ...]]]) -> None:
        if self._cache is not None and finished:
            rows = [(src, t, f) for src, (t, f) in finished.items()]
            self._cache.put_many(self.model_key, rows)

    # -- the work -----------------------------------------------------------------------
    # One package: whenever a replica is free, one asynchronous call of max_batch_size
    # sentences goes to the model. The first call holds one batch per replica, which
    # CTranslate2 sorts by length (less padding, fewer decoding steps) and spreads over
    # its replicas; the short batch, usually holding the first sentence (a title),
    # finishes early. A retry (the masked second pass, or the plain fallback of
    # mask="always") is known only when its sentence's batch is done; it goes first into
    # the next call, which a replica runs while the other one is still busy, instead of
    # running alone after everything else (alone, one sentence costs as much as about
    # four in a batch: beam search on a small batch is step-bound). Only retries after
    # the last new sentence are queued at once, alone. Calls are queued when a replica is
    # free, not sooner: whatever is queued still runs after a cancel and delays the next
    # document. Results are collected as they finish (polled, so cancel is seen within a
    # few ms); translate() and translate_stream() put them back in input order. A chain
    # of packages runs call by call through _work_chain.

    def _work(
        self, feed: _Feed, cancel: threading.Event | None, background: bool
    ) -> Iterator[dict[str, Any]]:
        """Translate what feed gives; yield {source: (target, flags)} as sentences finish
        (and {} after feed read sentences that need no model, so they can be passed on)."""
        with PRIORITY.running(background):
            if len(self._steps) > 1:
                yield from self._work_chain(feed, cancel, background)
                return
            pipe = _Pipeline(self, self._steps[0])
            while True:
                if cancel is not None and cancel.is_set():
                    return  # queued calls finish in the background; nothing more is queued
                step = self._fill(pipe, feed, background)
                if step == _SUBMITTED:
                    continue
                if step == _READ:
                    yield {}
                    continue
                if not pipe.calls:
                    if step == _IDLE:
                        return
                    time.sleep(POLL_SECONDS)  # a foreground translation runs
                    continue
                finished = pipe.collect()
                if finished is None:
                    time.sleep(POLL_SECONDS)
                    continue
                yield finished

    def _fill(self, pipe: _Pipeline, feed: _Feed, background: bool) -> str:
        """Queue the next model call if it is time; says what happened (_SUBMITTED, ...)."""
        if background and PRIORITY.foreground_running():
            return _WAITING
        room = pipe.room()
        if not room:
            if not (pipe.retries and feed.exhausted):
                return _BUSY
            texts, room = [], self.max_batch_size  # the last retries: nothing to wait for
        else:
            got = feed.take(room - min(room, len(pipe.retries)))
            if got is None:
                return _READ
            if not got and not pipe.retries:
                return _IDLE
            texts = got
        if background:
            self._steps[0].translator()  # a first-time model load is not done under the lock
        with PRIORITY.gate(background) as free:
            if free:
                pipe.submit(texts, room)
                return _SUBMITTED
        feed.give_back(texts)  # a foreground translation started meanwhile
        return _WAITING

    def _work_chain(
        self, feed: _Feed, cancel: threading.Event | None, background: bool
    ) -> Iterator[dict[str, Any]]:
        """_work for a chain of packages: one blocking call through every step at a time."""
        retry: deque[_Job] = deque()
        while True:
            if cancel is not None and cancel.is_set():
                return
            if background and PRIORITY.foreground_running():
                time.sleep(POLL_SECONDS)
                continue
            jobs = [retry.popleft() for _ in range(min(len(retry), self.max_batch_size))]
            texts = feed.take(self.max_batch_size - len(jobs))
            jobs += [self._first_job(t) for t in texts or []]
            if not jobs:
                if texts is not None:  # nothing left
                    return
                yield {}
                continue
            outs, n_in, n_out = self._run_chain([j.text for j in jobs])
            finished: dict[str, tuple[str, tuple[str, ...]]] = {}
            for job, out, a, b in zip(jobs, outs, n_in, n_out, strict=True):
                follow_up = self._after(job, out, a, b, finished)
                if follow_up is not None:
                    retry.append(follow_up)
            yield finished

    def _mask(self, text: str) -> masking.Masked | None:
        return masking.mask(text, self.model.from_code, self.model.to_code)

    def _first_job(self, source: str) -> _Job:
        text = source.strip()
        m = self._mask(text) if self.mask == "always" else None
        return _Job(source, m.text if m else text, m)

    def _after(
        self, job: _Job, out: str, n_in: int, n_out: int, finished: dict[str, Any]
    ) -> _Job | None:
        """Judge one model output: finish the sentence, or return the job to run next."""
        src = job.source.strip()
        n_in = job.n_in if job.n_in is not None else n_in
        if job.masked is None:
            if job.mask_failed:  # the plain fallback after a failed "always" mask
                finished[job.source] = judge(src, out, n_in, n_out, [FLAG_RESTORE_FAILED])
                return None
            if self.mask == "auto" and masking.missing_designators(src, out):
                m = self._mask(src)
                if m is not None:
                    return _Job(job.source, m.text, m, fallback=(out, n_out), n_in=n_in)
            finished[job.source] = judge(src, out, n_in, n_out, [])
            return None
        restored = masking.restore(out, job.masked)
        if restored is not None and not masking.missing_designators(src, restored):
            finished[job.source] = judge(src, restored, n_in, n_out, [])
        elif job.fallback is not None:  # auto: the plain output is already known
            finished[job.source] = judge(src, job.fallback[0], n_in, job.fallback[1])
        else:
            return _Job(job.source, src, None, n_in=n_in, mask_failed=True)
        return None

    def _run_chain(self, texts: list[str]) -> tuple[list[str], list[int], list[int]]:
        n_in: list[int] | None = None
        n_out: list[int] = []
        for step in self._steps:
            texts, ins, outs = step.run(texts)
            n_in = ins if n_in is None else n_in
            n_out = outs
        return texts, n_in or [], n_out

    def close(self) -> None:
        """Release the cache connection."""
        if self._cache is not None:
            self._cache.close()


def _info_from(pkg: Any) -> PackageInfo:
    from desktop.core.translation.packages import _info_from_package

    return _info_from_package(pkg)


def _chain_info(chain: list) -> PackageInfo:
    infos = [_info_from(p) for p in chain]
    if len(infos) == 1:
        return infos[0]
    return PackageInfo(
        code="+".join(i.code for i in infos),
        from_code=infos[0].from_code,
        to_code=infos[-1].to_code,
        version="+".join(i.version for i in infos),
        path=infos[0].path,
        size_bytes=sum(i.size_bytes for i in infos),
        from_name=infos[0].from_name,
        to_name=infos[-1].to_name,
        via=tuple(i.to_code for i in infos[:-1]),
    )
