"""Offline sentence translation with installed Argos Translate packages (Qt-free).

The sentences come from *our* splitter (``desktop.core.article``); argostranslate's own
splitters (stanza, minisbd, spaCy) are never used because they download models at run
time. Each sentence is encoded with the package's own tokenizer object, translated in
batches with ``ctranslate2.Translator.translate_batch`` (the call argostranslate makes,
with its target prefix and length penalty), decoded, checked and cached. When no package
goes straight from the source to the target language, packages are chained through an
intermediate language as argostranslate does (shortest chain wins).

Importing this module is cheap: argostranslate and ctranslate2 load on first use.

Designators (``KN-23``, ``Shahed-136``, ``HUR``, numbers; see ``masking``) must come out
exactly. ``mask="auto"`` (default) translates plainly first and, only for sentences that
lost a designator, translates again with designators masked, restores and verifies;
``mask="always"`` masks first and falls back to the plain translation if restoring fails.
Auto is the default because masking everything measurably hurt the Chinese test model
(numbers turned into names), while most sentences keep their designators anyway.

Flags per sentence (``SentenceResult.flags``):

- ``empty``: the output is empty although the source has text.
- ``copied_source``: the output is (nearly) the source copied through.
- ``repetition``: the output loops (a word or phrase repeated 3-4 times in a row).
- ``length_ratio``: output/input token ratio is implausible (below 0.3 or above 4).
- ``designator_lost``: a designator or number of the source is not in the output exactly.
- ``mask_restore_failed``: (``mask="always"``) placeholders did not come back; the
  plain translation was used instead.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from desktop.config import Paths
from desktop.core import masking
from desktop.core.models import ModelError, ModelInfo, install_command, language_name

DEFAULT_BEAM = 4
DEFAULT_BATCH = 32
MAX_DECODING_LENGTH = 256
FLAG_EMPTY = "empty"
FLAG_COPIED = "copied_source"
FLAG_REPETITION = "repetition"
FLAG_LENGTH = "length_ratio"
FLAG_DESIGNATOR_LOST = "designator_lost"
FLAG_RESTORE_FAILED = "mask_restore_failed"


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


class NoModelError(Exception):
    """No installed package (or chain) translates between the two languages."""


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

    def __init__(self, pkg, beam_size: int, threads: int, max_batch_size: int):
        self.pkg = pkg
        self.beam_size = beam_size
        self.threads = threads
        self.max_batch_size = max_batch_size
        self._translator = None
        self._lock = threading.Lock()

    def translator(self):
        if self._translator is None:
            import ctranslate2

            self._translator = ctranslate2.Translator(
                str(Path(self.pkg.package_path) / "model"),
                device="cpu",
                compute_type="auto",
                inter_threads=1,
                intra_threads=self.threads,
            )
        return self._translator

    def run(self, texts: list[str]) -> tuple[list[str], list[int], list[int]]:
        """Translate texts; return outputs and input/output token counts."""
        tokens = [self.pkg.tokenizer.encode(t) for t in texts]
        prefix = self.pkg.target_prefix or ""
        with self._lock:  # one batch at a time per model; CTranslate2 uses the cores
            results = self.translator().translate_batch(
                tokens,
                target_prefix=[[prefix]] * len(tokens) if prefix else None,
                replace_unknowns=True,
                max_batch_size=self.max_batch_size,
                beam_size=self.beam_size,
                num_hypotheses=1,
                length_penalty=0.2,
                max_decoding_length=MAX_DECODING_LENGTH,
            )
        outs, lengths = [], []
        for res in results:
            hyp = res.hypotheses[0]
            text = self.pkg.tokenizer.decode(hyp)
            if prefix and text.startswith(prefix):
                text = text[len(prefix) :]
            outs.append(re.sub(r"[ \t]{2,}", " ", text).strip())
            lengths.append(len(hyp))
        return outs, [len(t) for t in tokens], lengths


def find_chain(packages: list, from_code: str, to_code: str) -> list | None:
    """Shortest chain of packages from from_code to to_code (breadth first), or None."""
    frontier, seen = [(from_code, [])], {from_code}
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
            from desktop.core.cache import TranslationCache

            self._cache = TranslationCache(paths.translation_cache)

    @classmethod
    def open(cls, from_code: str = "de", to_code: str = "en", paths: Paths | None = None,
             **settings) -> TranslationEngine:  # fmt: skip
        """The engine for from_code -> to_code; NoModelError says how to install one."""
        from desktop.core.models import installed_packages

        paths = paths or Paths.from_env()
        try:
            packages = installed_packages(paths)
        except (OSError, ModelError) as exc:
            raise NoModelError(f"cannot read the installed models: {exc}") from None
        chain = find_chain(packages, from_code, to_code)
        if chain is None:
            raise NoModelError(
                f"No {language_name(from_code)}→{language_name(to_code)} translation model "
                f"is installed. Get one with: {install_command(from_code, to_code)}"
            )
        return cls(chain, paths, **settings)

    @property
    def model(self) -> ModelInfo:
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
        document order as batches finish. on_result is called just before each yield;
        setting cancel stops before the next batch."""
        sentences = list(sentences)
        cached = {}
        if self._cache is not None:
            cached = self._cache.get_many(self.model_key, [s.text for s in sentences])
        pending = []
        # Blank sentences need no model but keep their place in document order.
        done: dict[str, tuple[str, tuple[str, ...]]] = {}
        for s in sentences:
            if not s.text.strip():
                done[s.text] = ("", ())
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
    # Each model call takes up to max_batch_size jobs: retries left over from the previous
    # call first, then new sentences. A retry (the masked second pass, or the plain
    # fallback of mask="always") rides along with the next batch because a model call
    # of 2 sentences costs about as long as one of 20 (beam search is step-bound).

    def _work(self, texts: list[str], cancel) -> Iterator[dict]:
        """Translate texts; after each model call yield {source: (target, flags)} finished."""
        new, retry = deque(texts), deque()
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

    def _after(self, job: _Job, out: str, n_in: int, n_out: int, finished: dict):
        """Judge one model output: finish the sentence, or return the job to run next."""
        src = job.source.strip()
        n_in = job.n_in if job.n_in is not None else n_in
        if job.masked is None:
            if job.mask_failed:  # the plain fallback after a failed "always" mask
                finished[job.source] = _final(src, out, n_in, n_out, [FLAG_RESTORE_FAILED])
                return None
            if self.mask == "auto" and masking.missing_designators(src, out):
                m = self._mask(src)
                if m is not None:
                    return _Job(job.source, m.text, m, fallback=(out, n_out), n_in=n_in)
            finished[job.source] = _final(src, out, n_in, n_out, [])
            return None
        restored = masking.restore(out, job.masked)
        if restored is not None and not masking.missing_designators(src, restored):
            finished[job.source] = _final(src, restored, n_in, n_out, [])
        elif job.fallback is not None:  # auto: the plain output is already known
            finished[job.source] = _final(src, job.fallback[0], n_in, job.fallback[1])
        else:
            return _Job(job.source, src, None, n_in=n_in, mask_failed=True)
        return None

    def _run_chain(self, texts: list[str]) -> tuple[list[str], list[int], list[int]]:
        n_in = n_out = None
        for step in self._steps:
            texts, ins, outs = step.run(texts)
            n_in = ins if n_in is None else n_in
            n_out = outs
        return texts, n_in, n_out

    def close(self) -> None:
        """Release the cache connection."""
        if self._cache is not None:
            self._cache.close()


def _info_from(pkg) -> ModelInfo:
    from desktop.core.models import _info_from_package

    return _info_from_package(pkg)


def _chain_info(chain: list) -> ModelInfo:
    infos = [_info_from(p) for p in chain]
    if len(infos) == 1:
        return infos[0]
    return ModelInfo(
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


def _final(src: str, target: str, n_in: int, n_out: int, flags: list[str] | None = None):
    """(target, flags) for a finished sentence: designator check plus quality flags."""
    flags = list(flags or [])
    if masking.missing_designators(src, target):
        flags.append(FLAG_DESIGNATOR_LOST)
    flags.extend(quality_flags(src, target, n_in, n_out))
    return target, tuple(dict.fromkeys(flags))


_WORD = re.compile(r"\w+", re.UNICODE)


def _loops(words: list[str]) -> bool:
    for n in range(1, 5):
        need = 4 if n == 1 else 3
        for start in range(0, len(words) - n * need + 1):
            gram = words[start : start + n]
            if all(words[start + k * n : start + (k + 1) * n] == gram for k in range(1, need)):
                return True
    return False


def quality_flags(source: str, target: str, n_in: int, n_out: int) -> list[str]:
    """Suspicion flags for one translated sentence (see the module docstring)."""
    if not _WORD.search(source):
        return []
    if not target.strip():
        return [FLAG_EMPTY]
    flags = []
    src_norm = " ".join(_WORD.findall(source.casefold()))
    tgt_norm = " ".join(_WORD.findall(target.casefold()))
    designators = {d.casefold() for _, _, d in masking.find_designators(source)}
    only_designators = set(_WORD.findall(src_norm)) <= designators
    if len(src_norm) >= 12 and not only_designators and (
        src_norm == tgt_norm or SequenceMatcher(None, src_norm, tgt_norm).ratio() >= 0.9
    ):
        flags.append(FLAG_COPIED)
    if _loops(tgt_norm.split()) or n_out >= MAX_DECODING_LENGTH:
        flags.append(FLAG_REPETITION)
    if n_in >= 4 and not 0.3 <= n_out / n_in <= 4.0:
        flags.append(FLAG_LENGTH)
    return flags
