"""Benchmark: article terms with and without the dictionary layer, per MB of German text.

Run: .venv/bin/python bench/bench_article_terms.py [--mb N] [--ding FILE]

Builds the dictionary index of the installed Ding file (/usr/share/trans/de-en, or --ding)
in a temporary LAGEBILD_HOME, then times ``core.terms.find_terms`` on two texts of about
N MB (default 1):

- "repeated": the bundled article repeated (a realistic word distribution; the per-word
  caches make repeats cheap);
- "distinct": German example sentences from the Ding file itself, five to a paragraph,
  read at run time (nothing is copied into the repository): tens of thousands of distinct
  words, the worst case for the caches.

For each: curated only (the glossary matcher) and curated + dictionary, cold (a new
Dictionary: no word is cached; the word lists, scanned once per index file and process,
are printed first) and warm (the same text again). Prints seconds, seconds per MB (wall
clock, and the process's CPU time, which other load on the machine does not inflate) and
the counts of curated and dictionary terms.
Goal (issue 12): the dictionary layer under 1 s per MB.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from desktop import resources
from desktop.config import Paths
from desktop.core.dictionary import SYSTEM_SOURCE, Dictionary, DictionaryFiles, ensure_index
from desktop.core.documents.article import Article, from_text
from desktop.core.glossary.termbase import Termbase
from desktop.core.terms import DICTIONARY, GLOSSARY, find_terms


def repeated_text(size: int) -> str:
    article = resources.path("articles/article-de.txt").read_text(encoding="utf-8")
    copies = max(1, size // len(article.encode("utf-8")) + 1)
    return "\n\n".join([article] * copies)


def distinct_text(ding: Path, size: int) -> str:
    """German example sentences of the Ding file, five to a paragraph, about SIZE bytes."""
    sentences: list[str] = []
    total = 0
    with ding.open(encoding="utf-8") as handle:
        for line in handle:
            german = line.partition(" :: ")[0]
            for part in german.split(" | "):
                part = part.strip()
                if part.endswith((".", "!", "?")) and part.count(" ") >= 4 and "{" not in part:
                    sentences.append(part)
                    total += len(part.encode("utf-8")) + 1
            if total >= size:
                break
    paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
    return "\n\n".join(paragraphs)


def run(name: str, article: Article, termbase: Termbase, index: Path) -> None:
    megabytes = len(article.text.encode("utf-8")) / 1_000_000
    words = len(article.text.split())
    matcher = termbase.matcher()
    started = time.perf_counter()
    hits = matcher.match(article)
    match_seconds = time.perf_counter() - started
    started = time.perf_counter()
    curated = find_terms(article, termbase, matcher, hits=hits)
    curated_seconds = match_seconds + time.perf_counter() - started
    print(f"{name}: {megabytes:.2f} MB, {words:,} words, {len(article.sentences()):,} sentences")
    print(
        f"  curated only:          {curated_seconds:6.2f} s  "
        f"({curated_seconds / megabytes:.2f} s/MB)  {len(curated):,} terms"
    )
    from desktop.core.terms.vocabulary import vocabulary_for

    for label in ("cold", "warm"):
        lists = 0.0
        if label == "cold":
            dictionary = Dictionary(index)
            started = time.perf_counter()
            vocabulary_for(dictionary)  # the word lists: once per open dictionary
            lists = time.perf_counter() - started
        started, cpu = time.perf_counter(), time.process_time()
        terms = find_terms(article, termbase, matcher, dictionary, hits=hits)
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu
        layer = seconds - (curated_seconds - match_seconds)
        if lists > 0.05:
            print(f"  (cold: the dictionary's word lists first, {lists:.2f} s)")
        glossary = sum(1 for t in terms if t.source == GLOSSARY)
        found = [t for t in terms if t.source == DICTIONARY]
        distinct = len({t.key for t in found})
        print(
            f"  + dictionary ({label}):   {match_seconds + seconds:6.2f} s  "
            f"(dictionary layer {layer:.2f} s = {layer / megabytes:.2f} s/MB, "
            f"CPU {cpu / megabytes:.2f} s/MB)  "
            f"{glossary:,} curated + {len(found):,} dictionary terms ({distinct:,} distinct), "
            f"{len(found) * 1000 / words:.1f} per 1,000 words"
        )
    dictionary.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="text size in MB (default 1)")
    parser.add_argument("--ding", type=Path, default=SYSTEM_SOURCE, help="the Ding file")
    args = parser.parse_args()
    if not args.ding.is_file():
        print(f"no Ding file at {args.ding} (sudo apt install trans-de-en)", file=sys.stderr)
        return 1
    size = int(args.mb * 1_000_000)
    with tempfile.TemporaryDirectory() as home:
        os.environ["LAGEBILD_HOME"] = home
        paths = Paths.from_env()
        started = time.perf_counter()
        info = ensure_index(DictionaryFiles.from_paths(paths, args.ding)).info
        print(f"dictionary index built in {time.perf_counter() - started:.1f} s")
        termbase = Termbase.load_default(paths)
        started = time.perf_counter()
        termbase.matcher()
        print(
            f"termbase: {len(termbase):,} entries, matcher built in "
            f"{time.perf_counter() - started:.2f} s"
        )
        with Dictionary(info.path) as dictionary:
            import simplemma  # its German data loads once per process (about 1 s)

            from desktop.core.terms.vocabulary import Vocabulary

            simplemma.lemmatize("Haus", lang="de")
            started = time.perf_counter()
            vocabulary = Vocabulary(dictionary)
            print(
                f"dictionary word lists: {len(vocabulary.keys):,} security noun forms, "
                f"built in {time.perf_counter() - started:.2f} s (once per index and process)"
            )
        run("repeated", from_text(repeated_text(size), "repeated"), termbase, info.path)
        run("distinct", from_text(distinct_text(args.ding, size), "distinct"), termbase, info.path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
