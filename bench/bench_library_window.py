"""The library panel at scale: list fill, sort and scroll with 10,000 articles.

A library of short synthetic articles (sentences varied from a few templates written for
this) is stored through ``Library.add_article``; then the real window lists it and the
benchmark measures, offscreen:

- the store query (``list_articles``, in the worker) and the model fill (GUI thread),
- sorting by a column (in memory, GUI thread),
- scrolling the table page by page to the end: the slowest repaint of a page.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_library_window.py [--articles N]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SITES = ["Lageblick", "Nordwacht", "Kurier Politik", "Ostsee-Zeitung", "Heeresbote"]
SYSTEMS = ["Eurofighter", "Patriot", "IRIS-T", "Leopard 2", "Taurus", "Boxer", "Fregatte"]
PLACES = ["Kiew", "Vilnius", "Rostock", "Brüssel", "Odessa", "Riga", "Koblenz", "Kiel"]


def _article(n: int, rng: random.Random):
    from desktop.core.documents.article import from_text

    system, place = rng.choice(SYSTEMS), rng.choice(PLACES)
    title = f"Meldung {n}: {system} in {place}"
    body = (
        f"Die Bundeswehr hat {rng.randint(2, 90)} {system} nach {place} verlegt. "
        f"Die NATO spricht von einer Lage, die sich seit Tag {n} verschärft habe.\n\n"
        f"Ein Sprecher in {place} bestätigte am Abend {rng.randint(1, 30)} weitere Starts."
    )
    article = from_text(f"{title}\n\n{body}\n", name=f"meldung-{n}.txt")
    day = f"2025-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"
    source = dataclasses.replace(article.source, site=rng.choice(SITES), date=day, title=title)
    return dataclasses.replace(article, source=source)


def build(count: int) -> float:
    """Store COUNT articles in the library of LAGEBILD_HOME; seconds taken."""
    from desktop.core.library.store import Library

    rng = random.Random(13)
    started = time.perf_counter()
    with Library.open_default() as library:
        for n in range(count):
            library.add_article(_article(n, rng))
    return time.perf_counter() - started


def measure(count: int) -> None:
    """Print the figures for a library of COUNT articles."""
    from PySide6.QtCore import Qt

    from desktop.config import Paths
    from desktop.ui.app import make_app, open_settings
    from desktop.ui.main_window import MainWindow

    app = make_app(["bench"])
    paths = Paths.from_env()
    window = MainWindow(paths, open_settings(paths))
    window.headless = True
    window.resize(1500, 900)
    window.show()
    library = window.library
    dock = library.dock
    filled: list[float] = []
    original = dock.set_rows

    def timed_set_rows(rows):
        t0 = time.perf_counter()
        original(rows)
        app.processEvents()  # the table lays out and paints the first page
        filled.append(time.perf_counter() - t0)

    dock.set_rows = timed_set_rows
    library.service.listed.disconnect()
    library.service.listed.connect(lambda rows: (timed_set_rows(rows), library.listChanged.emit()))
    done: list[bool] = []
    library.listChanged.connect(lambda: done.append(True))
    started = time.perf_counter()
    library.show()
    while not done:
        app.processEvents()
        time.sleep(0.001)
    total = time.perf_counter() - started
    rows = dock.model.rowCount()
    print(f"rows listed:                 {rows:,}")
    print(f"query + fill + first paint:  {total * 1000:.0f} ms")
    print(f"model fill + first paint:    {filled[-1] * 1000:.0f} ms (GUI thread)")

    for column, name in ((0, "title"), (4, "terms"), (2, "date")):
        t0 = time.perf_counter()
        dock.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        app.processEvents()
        print(f"sort by {name:<6}               {(time.perf_counter() - t0) * 1000:.0f} ms")

    bar = dock.table.verticalScrollBar()
    bar.setValue(0)
    app.processEvents()
    worst, steps = 0.0, 0
    t_all = time.perf_counter()
    while bar.value() < bar.maximum():
        t0 = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        dock.table.viewport().repaint()
        app.processEvents()
        worst = max(worst, time.perf_counter() - t0)
        steps += 1
    print(
        f"scroll to the end:           {steps} pages, slowest {worst * 1000:.1f} ms, "
        f"all {(time.perf_counter() - t_all) * 1000:.0f} ms"
    )
    window.shutdown(3000)
    window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["LAGEBILD_HOME"] = tempfile.mkdtemp(prefix="lagebild-bench-list-")
    seconds = build(args.articles)
    print(f"stored {args.articles:,} short articles in {seconds:.1f} s")
    measure(args.articles)


if __name__ == "__main__":
    main()
