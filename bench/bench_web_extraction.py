"""Print how well and how fast web pages are extracted: trafilatura vs. the structural pass.

For every page in tests/data/web (hand-written German news-style pages; truth.json says
which text is the article's own), each extractor's text is split into sentences by our
segmenter and compared with the true article sentences:

* precision: extracted sentences that are article sentences / all extracted sentences
  (sentences the truth file calls neutral, e.g. captions and bylines, count neither way);
* recall: article sentences found / all article sentences.

Extractors: "auto" (what web.py chooses: trafilatura, or the structural pass for fragments
and pages where trafilatura finds too little), "trafilatura" (forced, no fallback),
"structural" (forced; web.py's pruning of AMP/consent/paywall furniture first) and
"html_to_text" (the loader before web.py: formats.html_to_text on the whole page).

Time per page is the median of several runs; MB/s is over all pages and over one large
synthetic page (an article with thousands of comments).

Run: python bench/bench_web_extraction.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

WEB = Path(__file__).resolve().parents[1] / "tests" / "data" / "web"
EXTRACTORS = ("auto", "trafilatura", "structural", "html_to_text")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _snippets(text: str) -> list[str]:
    from desktop.core.documents.article import from_text

    if not text.strip():
        return []
    return [_flat(s.text) for s in from_text(text).sentences()]


def _extractor(name: str) -> Callable[[bytes], str]:
    from desktop.core.documents import formats, web

    if name == "html_to_text":
        return lambda data: formats.html_to_text(web.decode_html(data)[0])
    forced = None if name == "auto" else name
    return lambda data: web.extract(data, extractor=forced).text


def _time(run: Callable[[bytes], str], data: bytes, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run(data)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _big_page() -> bytes:
    """The Drohnenabwehr page with 20,000 extra comments and teasers (~4.7 MB)."""
    page = (WEB / "drohnenabwehr.html").read_text("utf-8")
    extra = "".join(
        f'<div class="comment"><p class="comment-author">Leser{i} schrieb:</p><p>Kommentar '
        f"Nummer {i}: Die Drohnenabwehr kommt zu spät, meint dieser Leser.</p></div>\n"
        f'<div class="teaser"><a href="/t/{i}"><h3>Weitere Meldung {i}</h3></a></div>\n'
        for i in range(20000)
    )
    return page.replace("</section>\n</main>", extra + "</section>\n</main>").encode("utf-8")


def main() -> None:
    """Print precision/recall per page and extractor, then the timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs per page (median)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["LAGEBILD_HOME"] = home
        truth = {k: v for k, v in json.loads((WEB / "truth.json").read_text("utf-8")).items()
                 if not k.startswith("_") and v["article"]}  # fmt: skip
        runs = {name: _extractor(name) for name in EXTRACTORS}
        for run in runs.values():  # warm-up: imports, Punkt tables, trafilatura's caches
            run((WEB / "drohnenabwehr.html").read_bytes())
        totals = {name: [0, 0, 0, 0] for name in EXTRACTORS}  # tp, extracted, found, true
        seconds = dict.fromkeys(EXTRACTORS, 0.0)
        size = 0
        print(f"{'page':24} {'KB':>5}  " + "  ".join(f"{n:>22}" for n in EXTRACTORS))
        print(f"{'':24} {'':>5}  " + "  ".join(f"{'P      R     ms':>22}" for _ in EXTRACTORS))
        for page, t in sorted(truth.items()):
            data = (WEB / page).read_bytes()
            size += len(data)
            true = set(_snippets("\n\n".join(t["article"])))
            neutral = set(_snippets("\n\n".join(t["neutral"]))) if t["neutral"] else set()
            cells = []
            for name, run in runs.items():
                got = [s for s in _snippets(run(data)) if s not in neutral]
                tp = sum(1 for s in got if s in true)
                found = len(true & set(got))
                seconds[name] += (took := _time(run, data, args.repeat))
                for i, value in enumerate((tp, len(got), found, len(true))):
                    totals[name][i] += value
                p = tp / len(got) if got else 0.0
                cells.append(f"{p:6.2f} {found / len(true):5.2f} {took * 1000:7.1f}")
            held = " (held out)" if t.get("held_out") else ""
            print(f"{page + held:24.24} {len(data) / 1024:5.1f}  " + "  ".join(
                f"{c:>22}" for c in cells))  # fmt: skip
        print()
        for name in EXTRACTORS:
            tp, got, found, true_n = totals[name]
            per_page = seconds[name] / len(truth)
            print(f"{name:13} precision {tp / got:.3f} ({tp}/{got})  recall {found / true_n:.3f} "
                  f"({found}/{true_n})  {per_page * 1000:6.1f} ms/page  "
                  f"{size / 1e6 / seconds[name]:5.2f} MB/s on these pages")  # fmt: skip
        big = _big_page()
        print(f"\nlarge page: {len(big) / 1e6:.1f} MB (one article, 20,000 comments and teasers)")
        for name, run in runs.items():
            took = _time(run, big, max(1, args.repeat // 3))
            text = run(big)
            print(f"{name:13} {took:6.2f} s  {len(big) / 1e6 / took:5.2f} MB/s  "
                  f"{len(text):>8} chars of text")  # fmt: skip


if __name__ == "__main__":
    main()
