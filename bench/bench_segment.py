"""Print how fast articles load and split: the bundled article and a 20 MB file.

Run: python bench/bench_segment.py
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from desktop import resources
from desktop.core.documents import load


def main() -> None:
    """Time loading the bundled article (cold and warm) and a 20 MB file."""
    with tempfile.TemporaryDirectory() as home:
        os.environ["LAGEBILD_HOME"] = home
        article_path = resources.default_article()
        t = time.perf_counter()
        article = load(article_path)
        cold = time.perf_counter() - t
        t = time.perf_counter()
        for _ in range(20):
            load(article_path)
        warm = (time.perf_counter() - t) / 20
        print(
            f"bundled article: {len(article.sentences())} sentences; "
            f"cold {cold * 1000:.0f} ms (incl. Punkt set-up), warm {warm * 1000:.1f} ms"
        )
        base = article_path.read_text(encoding="utf-8") + "\n\n"
        big = Path(home) / "big.txt"
        big.write_text(base * (20_000_000 // len(base.encode())), encoding="utf-8")
        t = time.perf_counter()
        article = load(big)
        elapsed = time.perf_counter() - t
        mb = big.stat().st_size / 1e6
        print(
            f"{mb:.1f} MB file: {len(article.sentences())} sentences in {elapsed:.2f} s "
            f"({mb / elapsed:.1f} MB/s)"
        )


if __name__ == "__main__":
    main()
