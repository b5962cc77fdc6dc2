"""Benchmark: glossary matching on 1 MB of German text, and a 100,000-entry user glossary.

Run: .venv/bin/python bench/bench_glossary.py [--entries N] [--skip-1mb] [--skip-cli]

Part 1 (issue 3): the time to build the Matcher for the bundled termbase, to match 1 MB
cold (empty word cache) and warm, and to match a 1 MB text whose every word is distinct
(worst case for the per-word cache). Goal: under 1 s per MB.

Part 2 (hostile-glossary issue, case E): N synthetic entries (default 100,000; made here,
deterministically) are exported as TBX, imported into a temporary user glossary, loaded
again, and then: matcher build, lookup-index build, lookup p50/p99 over 600 queries
(German and English terms, inflected forms, acronyms, misses), and matching the bundled
article. Goals: lookup < 50 ms, article match < 1 s. Then the same through the CLI
(`glossary lookup HUR`, `glossary match ARTICLE`) as a user runs it, which also loads the
file. Everything runs in a temporary LAGEBILD_HOME.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from desktop import resources
from desktop.core.documents.article import from_text
from desktop.core.glossary.matching import Matcher
from desktop.core.glossary.termbase import CATEGORIES, Entry, Termbase

TARGET = 1_000_000
T = TypeVar("T")

_SYLLABLES = (
    "ka",
    "lo",
    "mer",
    "tin",
    "gra",
    "sel",
    "bun",
    "dor",
    "fis",
    "wen",
    "trak",
    "pol",
    "zen",
    "ber",
    "mund",
    "stal",
    "vik",
    "rop",
    "hal",
    "gan",
)
_HEADS = (
    ("rakete", "missile"),
    ("drohne", "drone"),
    ("dienst", "service"),
    ("werk", "works"),
    ("system", "system"),
    ("", "unit"),
)
_ADJECTIVES = (
    ("ballistische", "ballistic"),
    ("taktische", "tactical"),
    ("strategische", "strategic"),
    ("nukleare", "nuclear"),
)


def _timed(label: str, func: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = func()
    print(f"{label:<52} {time.perf_counter() - start:8.3f} s")
    return result


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- part 1 ------------------------------------------------------------------------------


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


def bench_1mb() -> None:
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


# --- part 2 ------------------------------------------------------------------------------


def synthetic_entries(count: int, seed: int = 7) -> list[Entry]:
    """COUNT made-up user entries shaped like real ones: compounds, adjective + noun
    names, acronyms and designators, with variants and a short definition each."""
    rng = random.Random(seed)
    entries = []
    for number in range(count):
        stem = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
        kind = rng.random()
        if kind < 0.6:
            head, english = rng.choice(_HEADS)
            de, en = stem.capitalize() + head, f"{stem} {english}"
        elif kind < 0.75:
            adjective, english = rng.choice(_ADJECTIVES)
            de, en = f"{adjective} {stem.capitalize()}", f"{english} {stem}"
        elif kind < 0.9:
            de = en = "".join(rng.choice("ABCDEFGHKLMNPRSTUVWZ") for _ in range(rng.randint(3, 5)))
        else:
            de = en = f"{stem[:3].upper()}-{rng.randint(1, 999)}"
        suffixes = rng.sample(["-Typ", "er Art", "-X", "-Neu"], rng.randint(0, 2))
        entries.append(
            Entry(
                f"syn_{number:06d}",
                de,
                en,
                rng.choice(CATEGORIES),
                de_variants=tuple(dict.fromkeys(stem.capitalize() + s for s in suffixes)),
                en_variants=(f"{en} variant",) if rng.random() < 0.3 else (),
                definition=f"Synthetic entry {number} for the benchmark; "
                + " ".join(rng.choice(_SYLLABLES) for _ in range(8)),
                do_not_translate=de.isupper(),
                source="user",
            )
        )
    return entries


def _queries(termbase: Termbase, rng: random.Random) -> list[str]:
    """600 lookup words: terms as written, inflected German, English plurals, misses."""
    entries = termbase.entries
    picks = [rng.choice(entries) for _ in range(100)]
    words = [e.de for e in picks]
    words += [e.de + ("n" if e.de.endswith("e") else "en") for e in picks]  # Raketen
    words += [e.en for e in picks]
    words += [e.en + "s" for e in picks]  # drones
    words += [
        "HUR",
        "Drohnen",
        "drones",
        "Militärgeheimdienstes",
        "Langstreckenraketen",
        "ballistic missiles",
    ] * 10
    words += ["Waffel", "Zzyzx", "nothing here", "Fahrradklingel", "Kuchen"] * 8
    words += [e.id for e in picks[:40]]
    return words


def bench_large(count: int, work: Path, cli: bool) -> None:
    from desktop.config import Paths
    from desktop.core.glossary import tbx

    print(f"\n{count:,} synthetic user entries")
    entries = _timed(f"make {count:,} entries", lambda: synthetic_entries(count))
    source = work / "big.tbx"
    tbx.export_file(entries, source)
    print(f"{'TBX file':<52} {source.stat().st_size / 1_048_576:8.1f} MB")
    del entries
    # As a user runs it, in its own process. Its peak memory is VmHWM from /proc (Linux):
    # getrusage would count this process's memory too, which a forked child inherits.
    child = (
        "import sys\n"
        "from desktop.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "try:\n"
        "    peak = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0]\n"
        "    print('peak RSS of the import:', peak.split(':')[1].strip(), file=sys.stderr)\n"
        "except OSError:\n"
        "    pass\n"
        "sys.exit(code)\n"
    )
    imported = _timed(
        "CLI: glossary import big.tbx (read, validate, save)",
        lambda: subprocess.run(
            [sys.executable, "-c", child, "glossary", "import", str(source)],
            check=True,
            capture_output=True,
            text=True,
        ),
    )
    for line in (imported.stdout + imported.stderr).splitlines():
        print(f"  {line}")
    user_file = Paths.from_env().user_glossary
    print(f"{'user-termbase.json':<52} {user_file.stat().st_size / 1_048_576:8.1f} MB")
    termbase = _timed("load bundled + user glossary", Termbase.load_default)
    matcher = _timed("build Matcher", termbase.matcher)
    _timed("build lookup index", termbase.lookup_index)
    words = _queries(termbase, random.Random(5))
    times = []
    found = 0
    for word in words:
        start = time.perf_counter()
        found += bool(termbase.lookup(word))
        times.append(time.perf_counter() - start)
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(
        f"{'lookup, ' + str(len(words)) + ' words (' + str(found) + ' found)':<52} "
        f"p50 {statistics.median(times) * 1000:.2f} ms, p99 {p99 * 1000:.2f} ms, "
        f"max {times[-1] * 1000:.2f} ms"
    )
    article = from_text(resources.default_article().read_text(encoding="utf-8"))
    hits = _timed("match the bundled article (first time)", lambda: matcher.match(article))
    _timed("match the bundled article (again)", lambda: matcher.match(article))
    print(f"hits: {len(hits)}; peak RSS {_rss_mb():.0f} MB")
    if not cli:
        return
    env = dict(os.environ)
    command = [sys.executable, "-m", "desktop", "glossary"]
    for label, args in (
        ("CLI: glossary lookup HUR (end to end)", ["lookup", "HUR"]),
        (
            "CLI: glossary match ARTICLE --no-suggestions",
            ["match", str(resources.default_article()), "--no-suggestions"],
        ),
    ):
        _timed(
            label,
            lambda a=args: subprocess.run(command + a, env=env, check=True, capture_output=True),
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--skip-1mb", action="store_true", help="skip part 1")
    parser.add_argument("--skip-cli", action="store_true", help="skip the CLI timings")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lagebild-bench-") as home:
        os.environ["LAGEBILD_HOME"] = home  # never the user's own glossary
        if not args.skip_1mb:
            bench_1mb()
        bench_large(args.entries, Path(home), cli=not args.skip_cli)


if __name__ == "__main__":
    main()
