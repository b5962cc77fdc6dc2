"""Benchmark: glossary matching on 1 MB of German text (the bundled article repeated).

Run: /work/venv/bin/python bench/bench_glossary.py
Prints the time to build the Matcher, to match 1 MB cold (empty word cache) and warm, and
to match a 1 MB text whose every word is distinct (worst case for the per-word cache).
Goal (issue 3): matching 1 MB of German text in under 1 s.
"""

from __future__ import annotations

import random
import time

from desktop import resources
from desktop.core.documents.article import from_text
from desktop.core.glossary.matching import Matcher
from desktop.core.glossary.termbase import Termbase

TARGET = 1_000_000


def _timed(label: str, func):
    start = time.perf_counter()
    result = func()
    print(f"{label:<44} {time.perf_counter() - start:8.3f} s")
    return result


def _distinct_words_text(base: str) -> str:
    # Glue random syllables onto article words so nearly every word is new to the cache.
    rng = random.Random(3)
    syllables = ["ka", "lo", "mer", "tin", "gra", "sel", "bun", "dor", "fis", "wen"]
    words, size = [], 0
    source = base.split()
    while size < TARGET:
        word = rng.choice(source)
        if word[:1].isupper():
            word += "".join(rng.choice(syllables) for _ in range(2))
        words.append(word)
        size += len(word) + 1
    return " ".join(words)


def main() -> None:
    base = resources.default_article().read_text(encoding="utf-8")
    text = ("\n\n".join([base] * (TARGET // len(base) + 1)))[:TARGET]
    termbase = Termbase.load_default()
    print(f"termbase entries: {len(termbase)}; text: {len(text):,} characters")
    article = _timed("segment 1 MB (article.from_text, not ours)", lambda: from_text(text))
    matcher = _timed("build Matcher", lambda: Matcher(termbase))
    hits = _timed("match 1 MB repeated article (cold cache)", lambda: matcher.match(article))
    _timed("match 1 MB repeated article (warm cache)", lambda: matcher.match(article))
    print(f"hits: {len(hits):,}")
    varied = from_text(_distinct_words_text(base))
    fresh = Matcher(termbase)
    _timed("match 1 MB of mostly distinct words (cold)", lambda: fresh.match(varied))


if __name__ == "__main__":
    main()
