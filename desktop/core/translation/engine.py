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

Flags per sentence (``SentenceResult.flags``) are described in ``desktop.core.translation.quality``.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
import time
import unicodedata
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
                  on_result: Callable[[SentenceResult], None] | None = None,
                  ) -> Iterator[SentenceResult]:  # fmt: skip
        """Yield a SentenceResult per sentence: cached ones at once, then the rest in
        document order as they finish. on_result is called just before each yield;
        setting cancel stops within a few milliseconds and queues nothing more (batches
        already queued on the model finish in the background, unused)."""
        sentences = list(sentences)
        cached = {}
        if self._cache is not None:
            wanted = [s.text for s in sentences if has_letters(s.text)]
            cached = self._cache.get_many(self.model_key, wanted)
        pending = []
        # Blank sentences need no model but keep their place in document order. Neither do
        # sentences without a letter ("🙂🙂", "—", "***", "12:30"): there is nothing to
        # translate, and the model invents words for them ("Zenium"), so they are copied
        # through unchanged, unflagged, and never cached (an old cached guess is ignored).
        done: dict[str, tuple[str, tuple[str, ...]]] = {}
        for s in sentences:
            if not s.text.strip():
                done[s.text] = ("", ())
                pending.append(s)
            elif not has_letters(s.text):
                done[s.text] = (s.text, ())
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
        for finished in self._work(unique, cancel):
            done.update(finished)
            if self._cache is not None and finished:
                rows = [(src, t, f) for src, (t, f) in finished.items()]
                self._cache.put_many(self.model_key, rows)
            yield from ready()

    # -- the work -----------------------------------------------------------------------
    # One package: the first window (max_batch_size per replica) goes to the model in one
    # asynchronous call, which CTranslate2 sorts by length (less padding, fewer decoding
    # steps) and spreads over its replicas; the short batch, usually holding the first
    # sentence (a title), finishes early. After that one batch of max_batch_size is
    # queued whenever a replica is free, so the model never waits for Python. A retry
    # (the masked second pass, or the plain fallback of mask="always") rides along with
    # the next batch because a call of 2 sentences costs about as long as one of 20 (beam
    # search is step-bound); retries after the last batch are queued at once.
    # Results are collected as they finish (polled, so cancel is seen within a few ms);
    # translate() puts them back in document order. A chain of packages runs call by
    # call through _work_chain.

    def _work(self, texts: list[str], cancel: threading.Event | None) -> Iterator[dict[str, Any]]:
        """Translate texts; yield {source: (target, flags)} as sentences finish."""
        if len(self._steps) > 1:
            yield from self._work_chain(texts, cancel)
            return
        step, size = self._steps[0], self.max_batch_size
        window = size * step.workers  # the first window: one batch per replica
        new = deque(texts)
        held: list[_Job] = []
        inflight: list[tuple[_Job, int, Any]] = []  # (job, tokens, future)
        while new or held or inflight:
            if cancel is not None and cancel.is_set():
                return  # queued batches finish in the background; nothing more is queued
            # Queue the next batch when a replica is free (its results collected, so that
            # their retries ride along), not sooner: whatever is queued still runs after
            # a cancel and delays the next document.
            if (new and len(inflight) <= size * (step.workers - 1)) or (held and not new):
                jobs, held = held[:window], held[window:]
                while new and len(jobs) < window:
                    jobs.append(self._first_job(new.popleft()))
                submitted = step.submit([j.text for j in jobs])
                inflight += [(j, n, f) for j, (n, f) in zip(jobs, submitted, strict=True)]
                window = size
                continue
            done = [x[2].done() for x in inflight]  # once: a result may finish meanwhile
            ready = [x for x, d in zip(inflight, done, strict=True) if d]
            if not ready:
                time.sleep(POLL_SECONDS)
                continue
            inflight = [x for x, d in zip(inflight, done, strict=True) if not d]
            finished: dict[str, tuple[str, tuple[str, ...]]] = {}
            for job, n_in, future in ready:
                out, n_out = step.output(future)
                follow_up = self._after(job, out, n_in, n_out, finished)
                if follow_up is not None:
                    held.append(follow_up)
            yield finished

    def _work_chain(
        self, texts: list[str], cancel: threading.Event | None
    ) -> Iterator[dict[str, Any]]:
        """_work for a chain of packages: one blocking call through every step at a time."""
        new = deque(texts)
        retry: deque[_Job] = deque()
        while new or retry:
            if cancel is not None and cancel.is_set():
                return
            jobs = [retry.popleft() for _ in range(min(len(retry), self.max_batch_size))]
            while new and len(jobs) < self.max_batch_size:
                jobs.append(self._first_job(new.popleft()))
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
