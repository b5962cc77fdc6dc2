"""Benchmark: the Ding dictionary index (import time, size) and lookup latency.

Run: .venv/bin/python bench/bench_dictionary.py [DING_FILE] [--words N]
Builds the index of the real Ding file (default /usr/share/trans/de-en) in a temporary
folder, prints the import time (wall and CPU), the index size and the time of the fast
freshness check, then the latency of `Dictionary.lookup` over N (default 1,000) inflected
words generated from Ding headwords: genitive -s/-es and dative -n/-en of nouns, weak verb
forms, plural + dative -n, separable verbs in a sentence, and new compounds of two nouns.
Goal (dictionary issue): p99 < 20 ms per lookup.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from desktop.core.dictionary import (
    SYSTEM_SOURCE,
    Dictionary,
    DictionaryFiles,
    build_index,
    ensure_index,
    iter_entries,
)
from desktop.core.dictionary.lookup import PARTICLES


def _headwords(source: Path) -> tuple[list[str], list[str], list[str], list[str]]:
    """Single-word nouns (m/n), feminine nouns, plurals and verbs from the Ding file."""
    masc_neut: set[str] = set()
    fem: set[str] = set()
    plurals: set[str] = set()
    verbs: set[str] = set()
    text = source.read_text(encoding="utf-8")
    for entry in iter_entries(text):
        for sub in entry.subentries:
            for term in sub.german:
                word = term.headword
                if " " in word or not word.isalpha() or len(word) < 4:
                    continue
                if "pl" in term.grammar:
                    plurals.add(word)
                elif "f" in term.grammar:
                    fem.add(word)
                elif "m" in term.grammar or "n" in term.grammar:
                    masc_neut.add(word)
                elif term.is_verb and word.endswith("en") and word.islower():
                    verbs.add(word)
    return sorted(masc_neut), sorted(fem), sorted(plurals), sorted(verbs)


def _words(source: Path, count: int) -> list[tuple[str, str | None]]:
    """COUNT (word, sentence) pairs: inflected forms of Ding headwords."""
    rng = random.Random(7)
    masc_neut, fem, plurals, verbs = _headwords(source)
    simple_verbs = [v for v in verbs if not any(v.startswith(p) for p in PARTICLES)]
    words: list[tuple[str, str | None]] = []
    makers = [
        lambda: (rng.choice(masc_neut) + rng.choice(["s", "es"]), None),
        lambda: (rng.choice(fem) + rng.choice(["en", "n"]), None),
        lambda: (rng.choice(plurals) + "n", None),
        lambda: (rng.choice(verbs)[:-2] + rng.choice(["te", "t", "st", "ten"]), None),
        lambda: _separable(rng, simple_verbs),
        lambda: (rng.choice(masc_neut) + "s" + rng.choice(fem).lower() + "en", None),
    ]
    while len(words) < count:
        words.append(rng.choice(makers)())
    return words


def _separable(rng: random.Random, verbs: list[str]) -> tuple[str, str]:
    verb = rng.choice(verbs)
    finite = verb[:-2] + "te"
    particle = rng.choice(["ab", "an", "auf", "aus", "ein", "zurück"])
    return finite, f"Die Armee {finite} gestern die Stellung {particle}."


def _percentile(sorted_values: list[float], fraction: float) -> float:
    index = min(len(sorted_values) - 1, max(0, round(fraction * len(sorted_values)) - 1))
    return sorted_values[index]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", default=str(SYSTEM_SOURCE))
    parser.add_argument("--words", type=int, default=1000)
    args = parser.parse_args()
    source = Path(args.source)
    if not source.is_file():
        print(f"no Ding file at {source} (sudo apt install trans-de-en)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="lagebild-bench-dict-") as folder:
        index = Path(folder) / "ding.sqlite"
        wall, cpu = time.perf_counter(), time.process_time()
        info = build_index(source, index)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"source: {source} ({info.size / 1_048_576:.1f} MB, {info.entries:,} entries)")
        print(f"import: {wall:.1f} s wall, {cpu:.1f} s CPU (this process)")
        print(
            f"index: {info.index_bytes / 1_048_576:.1f} MB; {info.subentries:,} sub-entries, "
            f"{info.german_keys:,} German keys, {info.english_keys:,} English keys"
        )
        files = DictionaryFiles(index=index, installed=Path(folder) / "none", system=source)
        start = time.perf_counter()
        ensure_index(files)
        print(f"freshness check of a current index: {(time.perf_counter() - start) * 1000:.1f} ms")

        words = _words(source, args.words)
        start = time.perf_counter()
        dictionary = Dictionary(index)
        print(f"open: {(time.perf_counter() - start) * 1000:.1f} ms")
        start = time.perf_counter()
        dictionary.lookup("Bundeswehr")  # loads simplemma's German data
        print(f"first lookup (loads simplemma): {(time.perf_counter() - start) * 1000:.0f} ms")
        latencies: list[float] = []
        found = split = 0
        for word, sentence in words:
            start = time.perf_counter()
            result = dictionary.lookup(word, sentence=sentence)
            latencies.append((time.perf_counter() - start) * 1000)
            found += result.found
            split += bool(result.parts)
        latencies.sort()
        p50, p90, p99 = (_percentile(latencies, f) for f in (0.50, 0.90, 0.99))
        print(
            f"lookup over {len(words):,} generated inflected words: p50 {p50:.2f} ms, "
            f"p90 {p90:.2f} ms, p99 {p99:.2f} ms, max {latencies[-1]:.2f} ms"
        )
        print(f"  found something for {found:,} ({split:,} by compound parts)")
        print(f"  goal p99 < 20 ms: {'met' if p99 < 20 else 'NOT met'}")
        dictionary.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
