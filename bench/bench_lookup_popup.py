"""Click-to-popup latency of the word lookup in the real window (offscreen).

Opens the real MainWindow in a temporary LAGEBILD_HOME with the real Ding dictionary
(/usr/share/trans/de-en; its index is built first, or --index links an existing one), opens
the bundled German article (or --file), waits for the glossary and the dictionary warm-up,
then clicks ~200 distinct words of the German pane one after another (plain clicks on words
that are not glossary terms, as a reader would) and measures, per click, the time from the
mouse press until

- "shown": the popup holds the answer (LookupController.lookupShown), and
- "painted": the popup's entries were painted on screen afterwards.

Goal: < 100 ms. Prints p50/p95/max, the first click after the warm-up, and the build time.

    .venv/bin/python bench/bench_lookup_popup.py [--words 200] [--index PATH] [--file F]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_WORD = re.compile(r"\w+(?:[-‐]\w+)*")  # as the popup finds words (hyphens inside)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=200)
    parser.add_argument("--index", type=Path, help="an already built ding.sqlite to reuse")
    parser.add_argument("--file", type=Path, help="the German article (default: bundled)")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="lagebild-bench-")
    os.environ["LAGEBILD_HOME"] = home
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from desktop import resources
    from desktop.config import Paths
    from desktop.core.dictionary import SYSTEM_SOURCE, DictionaryFiles, build_index

    paths = Paths.from_env().ensure()
    files = DictionaryFiles.from_paths(paths)
    files.index.parent.mkdir(parents=True, exist_ok=True)
    if args.index:
        shutil.copyfile(args.index, files.index)
        print(f"index: copied from {args.index}")
    elif SYSTEM_SOURCE.is_file():
        started = time.perf_counter()
        info = build_index(SYSTEM_SOURCE, files.index)
        print(
            f"index: {info.entries:,} entries built in {time.perf_counter() - started:.1f} s "
            f"({info.index_bytes / 1_048_576:.0f} MB)"
        )
    else:
        print(f"no dictionary: {SYSTEM_SOURCE} is missing (sudo apt install trans-de-en)")
        return 1
    try:
        return measure(paths, args.file or resources.default_article(), args.words)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def measure(paths, article_path: Path, count: int) -> int:
    from PySide6.QtCore import QEvent, QObject, QPoint, Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    from desktop.ui.app import make_app, open_settings
    from desktop.ui.main_window import MainWindow

    app = make_app(["bench"])
    window = MainWindow(paths, open_settings(paths))
    window.headless = True
    window.resize(1400, 900)
    window.show()
    flags = {"glossary": False, "warmed": None, "shown": None, "painted": False}
    window.glossaryReady.connect(lambda: flags.update(glossary=True))
    window.dictionary_service.warmed.connect(lambda ok: flags.update(warmed=ok))
    window.lookup.lookupShown.connect(lambda answer: flags.update(shown=time.perf_counter()))

    class PaintWatch(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Paint and flags["shown"] is not None:
                flags["painted"] = True
            return False

    watch = PaintWatch()
    window.lookup.popup.browser.viewport().installEventFilter(watch)

    def wait(condition, seconds: float = 30.0) -> bool:
        deadline = time.perf_counter() + seconds
        while not condition() and time.perf_counter() < deadline:
            app.processEvents()
        return condition()

    window.open_file(str(article_path))
    if not wait(lambda: flags["glossary"] and flags["warmed"] is not None, 60):
        print("the window did not get ready in time")
        return 1
    print(f"article: {article_path.name}; warm-up opened the dictionary: {flags['warmed']}")
    pane = window.view.source
    text = pane.document().toPlainText()
    seen: set[str] = set()
    targets: list[int] = []
    for match in _WORD.finditer(text):
        word = match.group()
        if len(word) < 3 or word.lower() in seen or pane.term_at(match.start() + 1):
            continue
        seen.add(word.lower())
        targets.append(match.start())
    step = max(1, len(targets) // count)
    targets = targets[::step][:count]

    shown_ms: list[float] = []
    slowest: list[tuple[float, str]] = []
    painted_ms: list[float] = []
    missed: list[str] = []
    for position in targets:
        cursor = QTextCursor(pane.document())
        cursor.setPosition(position)
        pane.setTextCursor(cursor)
        pane.ensureCursorVisible()
        wait(lambda: False, 0.005)  # let the scroll settle (the popup of the last word closes)
        point = pane.cursorRect(cursor).center() + QPoint(3, 0)
        flags.update(shown=None, painted=False)
        started = time.perf_counter()
        QTest.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point)
        if not wait(lambda: flags["shown"] is not None, 10):
            missed.append(text[position : position + 20].split()[0])
            continue
        shown_ms.append((flags["shown"] - started) * 1000)
        slowest.append((shown_ms[-1], text[position:].split(None, 1)[0]))
        if wait(lambda: flags["painted"], 2):
            painted_ms.append((time.perf_counter() - started) * 1000)
    window.shutdown()

    def line(label: str, values: list[float]) -> None:
        if not values:
            print(f"{label}: no values")
            return
        ordered = sorted(values)
        p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
        print(
            f"{label}: p50 {statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms, "
            f"max {ordered[-1]:.1f} ms over {len(ordered)} clicks"
        )

    print(f"words clicked: {len(targets)}; no popup for {len(missed)}: {missed[:10]}")
    if shown_ms:
        print(f"first click after the warm-up: shown after {shown_ms[0]:.1f} ms")
    line("click -> popup shows the answer", shown_ms)
    line("click -> popup painted", painted_ms)
    worst = ", ".join(f"{word} {ms:.0f} ms" for ms, word in sorted(slowest, reverse=True)[:5])
    print(f"slowest: {worst}")
    print("goal: < 100 ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
