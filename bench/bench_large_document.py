"""Large documents in the window: time to first paint, GUI-thread stalls, total fill time.

Generates German texts of the given sizes (varied sentences, paragraphs, headings, glossary
terms), loads each with ``desktop.core.documents.load`` (timed on this thread), loads it
again through the window's DocumentService (a worker thread) while a 10 ms QTimer probe
watches the GUI thread, and then shows the article in the real MainWindow offscreen:

- first paint: from ``show_article`` to the first paint of the German pane's viewport that
  shows the first paragraph;
- navigation: the dock asks for the last sentence right after the first paint; how long
  until it is on screen in both panes;
- fill: until both panes have nothing left to do (the panes' ``render_complete()``: for a
  windowed article, the window around the view is filled) and the glossary hits arrived
  and are applied; the probe's longest gap (a gap = time between two 10 ms ticks, so
  10 ms is "no stall"). This phase includes glossary matching in its worker thread;
- zoom: two font-size changes (the panes lay out again).
- scrolling: 150 scroll steps (page steps and jumps) in the German pane with synchronised
  scrolling on, each followed by a synchronous repaint of both panes; the longest step.

A test-double engine streams "translations" (``EN `` + the German text) at about
200 sentences/s, so results arrive per sentence id while the panes are still filling.

    .venv/bin/python bench/bench_large_document.py [--sizes 5,20] [--timeout 120]
        [--no-translation] [--no-glossary]

``--timeout`` bounds each size: old, eager rendering blocks the GUI thread inside
``show_article``; SIGALRM interrupts it and the size is reported as timed out.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_SUBJECTS = [
    "Der ukrainische Militärgeheimdienst",
    "Die Regierung in Moskau",
    "Nordkorea",
    "Ein Sprecher der Bundeswehr",
    "Die Luftwaffe",
    "Der Geheimdienst HUR",
    "Kyrylo Budanov",
    "Das Verteidigungsministerium",
    "Die Regierung in Pjöngjang",
    "Ein Analyst der Denkfabrik",
    "Die Marine",
    "Der Generalstab",
]
_VERBS = [
    "berichtete am Montag",
    "erklärte",
    "bestätigte",
    "warnte am Dienstag",
    "teilte mit",
    "behauptete",
    "meldete",
    "bestritt am Abend",
]
_CLAUSES = [
    "dass Russland die Produktion von Shahed-Drohnen in Nordkorea unterstützt",
    "dass mindestens {n} Drohnen vom Typ Geran-2 abgefangen wurden",
    "dass die Sanktionen gegen Iran verschärft werden sollen",
    "dass eine ballistische Rakete vom Typ KN-23 getestet wurde",
    "dass die Truppen an der Grenze um {n} Soldaten verstärkt wurden",
    "dass die Zusammenarbeit bei der Drohnenproduktion ausgebaut wird",
    "dass der Angriff auf das Depot bei Nacht erfolgte",
    "dass die Zielgenauigkeit der Raketen deutlich gestiegen sei",
    "dass über {n} Kilometer Frontlinie neu befestigt wurden",
    "dass China die Lieferung von Bauteilen abgelehnt habe",
]
_TAILS = [
    "",
    " Weitere Einzelheiten wurden zunächst nicht bekannt.",
    " Unabhängig überprüfen ließ sich das nicht.",
    " Beobachter rechnen mit einer weiteren Eskalation.",
    " Die Angaben stammen aus Kreisen der Streitkräfte.",
]
_HEADINGS = [
    "Lage an der Front",
    "Hintergründe und Kontext",
    "Reaktionen aus Südkorea",
    "Die Rolle Chinas",
    "Ausblick",
    "Wirtschaftliche Folgen der Sanktionen",
]


def german_text(target_bytes: int, seed: int = 1) -> str:
    """German news-style text of about TARGET_BYTES (UTF-8), varied sentence by sentence."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    number = 0
    while size < target_bytes:
        if number % 12 == 0:
            line = f"{rng.choice(_HEADINGS)} {number // 12 + 1}"
        else:
            sentences = []
            for _ in range(rng.randint(3, 7)):
                clause = rng.choice(_CLAUSES).format(n=rng.randint(2, 9000))
                sentences.append(
                    f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)}, {clause}.{rng.choice(_TAILS)}"
                )
            line = " ".join(sentences)
        out.append(line)
        size += len(line.encode("utf-8")) + 2
        number += 1
    return "\n\n".join(out) + "\n"


class FakeEngine:
    """Streams 'EN ' + the German sentence at about RATE sentences/s."""

    model = None

    def __init__(self, rate: float = 200.0) -> None:
        self.pause = 1.0 / rate

    def translate(self, sentences, cancel=None, on_result=None):
        from desktop.core.translation.engine import SentenceResult

        for sent in sentences:
            if cancel is not None and cancel.is_set():
                return
            time.sleep(self.pause)
            result = SentenceResult(sent.id, sent.text, "EN " + sent.text, (), False)
            if on_result:
                on_result(result)
            yield result


class Probe:
    """A 10 ms QTimer on the GUI thread; records the gaps between its ticks (ms)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000)
        self._last = now

    def start(self) -> Probe:
        self.gaps = []
        self._last = time.perf_counter()
        self._timer.start()
        return self

    def stop(self) -> list[float]:
        self._timer.stop()
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000)  # the gap still open counts too
        return self.gaps


def summary(gaps: list[float]) -> str:
    """Longest gap, p99, median and the number of gaps over 50 ms."""
    if not gaps:
        return "no ticks"
    ordered = sorted(gaps)
    p99 = ordered[int(0.99 * (len(ordered) - 1))]
    return (
        f"longest {ordered[-1]:.0f} ms, p99 {p99:.0f} ms, median "
        f"{statistics.median(ordered):.0f} ms, gaps > 50 ms: "
        f"{sum(1 for g in ordered if g > 50)} of {len(ordered)}"
    )


def pump(app, until, limit: float) -> bool:
    """Run the event loop until UNTIL() is true, LIMIT seconds passed or the alarm rang."""
    end = time.perf_counter() + limit
    while time.perf_counter() < end and not _timed_out:
        if until():
            return True
        app.processEvents()
        time.sleep(0.0005)
    return until()


def visible(pane, sid: str) -> bool:
    """True when sentence SID is rendered and its first line lies inside the viewport."""
    from PySide6.QtGui import QTextCursor

    span = pane.sentence_span(sid)
    if span is None:
        return False
    cursor = QTextCursor(pane.document())
    cursor.setPosition(span[0])
    rect = pane.cursorRect(cursor)
    return 0 <= rect.top() and rect.bottom() <= pane.viewport().height()


def complete(pane) -> bool:
    """True when the pane has rendered everything (old panes always are, once returned)."""
    check = getattr(pane, "render_complete", None)
    return check() if check is not None else True


class Timeout(Exception):
    """SIGALRM fired: the size took longer than --timeout."""


_timed_out = False


def _alarm(_signum, _frame):
    # Raised inside a Qt slot, the exception is only printed; the flag stops pump() too.
    global _timed_out
    _timed_out = True
    raise Timeout


def run(app, paths, path: Path, args) -> None:
    """All phases for one document file."""
    from PySide6.QtCore import QEvent, QObject

    from desktop.core.documents import load
    from desktop.ui.app import open_settings
    from desktop.ui.main_window import MainWindow
    from desktop.ui.services.documents import DocumentService
    from desktop.ui.services.translation import TranslationService

    mb = path.stat().st_size / 1e6
    t = time.perf_counter()
    article = load(path)
    core_load = time.perf_counter() - t
    n_sent = len(article.sentences())
    print(
        f"\n== {path.name}: {mb:.1f} MB, {len(article.paragraphs)} paragraphs, {n_sent} sentences"
    )
    print(f"  core load() on this thread: {core_load:.2f} s")

    services = {}
    if args.translation:
        engine = FakeEngine()
        services["translation_service"] = TranslationService(
            paths, engine_factory=lambda f, t, p: engine
        )
    window = MainWindow(paths, open_settings(paths), **services)
    if not args.glossary:
        window.glossary_service.match = lambda _article: 0
    window.resize(1400, 900)
    window.show()
    pump(app, lambda: False, 0.5)  # first layout of the empty window
    source, target = window.view.source, window.view.target

    # Loading in the worker thread while the GUI thread keeps ticking.
    docs = DocumentService()
    got: list = []
    docs.loaded.connect(lambda _p, a: got.append(a))
    docs.failed.connect(lambda _p, msg: got.append(msg))
    probe = Probe().start()
    t = time.perf_counter()
    docs.load_file(str(path), "de")
    pump(app, lambda: bool(got), args.timeout)
    worker_load = time.perf_counter() - t
    print(
        f"  load in the DocumentService worker: {worker_load:.2f} s; GUI probe while "
        f"loading: {summary(probe.stop())}"
    )
    docs.pool.waitForDone()
    if got and not isinstance(got[0], str):
        article = got[0]
    first_text = article.paragraphs[0].sentences[0].text.replace("\n", " ")
    last = article.sentences()[-1].id

    painted: list[float] = []

    class PaintWatch(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if (
                event.type() == QEvent.Type.Paint
                and not painted
                and source.document().firstBlock().text().startswith(first_text)
            ):
                painted.append(time.perf_counter())
            return False

    watch = PaintWatch()
    source.viewport().installEventFilter(watch)
    glossary_done: list[float] = []
    window.glossaryReady.connect(lambda: glossary_done.append(time.perf_counter()))

    global _timed_out
    _timed_out = False
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(int(args.timeout))
    probe = Probe().start()
    t0 = time.perf_counter()
    try:
        window.show_article(article)
        returned = time.perf_counter() - t0
        pump(app, lambda: bool(painted), args.timeout)
        if not painted:
            raise Timeout
        first_paint = painted[0] - t0
        print(
            f"  show_article returned after {returned:.2f} s; first paint of the first "
            f"screen after {first_paint:.2f} s"
        )
        nav_t = time.perf_counter()
        window.dock.sentenceRequested.emit(last)
        seen_at: list[float] = []

        def filled() -> bool:
            if not seen_at and visible(source, last) and visible(target, last):
                seen_at.append(time.perf_counter())
            return (
                complete(source) and complete(target) and (not args.glossary or bool(glossary_done))
            )

        pump(app, filled, args.timeout)
        signal.alarm(0)
        fill = time.perf_counter() - t0
        gaps = probe.stop()
        state = "complete" if filled() else f"NOT complete, stopped at {args.timeout:.0f} s"
        _timed_out = False
        print(f"  fill ({state}) after {fill:.2f} s; probe: {summary(gaps)}")
        if glossary_done:
            print(
                f"  glossary hits arrived after {glossary_done[0] - t0:.2f} s "
                f"({len(window.glossary.hits) if window.glossary else 0} hits)"
            )
        if seen_at:
            print(
                f"  last sentence (asked for right after the first paint) on screen "
                f"after {seen_at[0] - nav_t:.2f} s"
            )
        else:
            print("  last sentence NOT on screen")
        scroll(app, window, source, target)
        print(
            f"  translated so far: {len(window.translations)} sentences; "
            f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
        )
    except Timeout:
        gaps = probe.stop()
        what = (
            f"first paint after {painted[0] - t0:.2f} s"
            if painted
            else "the first screen was never painted"
        )
        print(
            f"  TIMED OUT after {time.perf_counter() - t0:.1f} s (limit {args.timeout:.0f} s)"
            f"; {what}; probe: {summary(gaps)}"
        )
    finally:
        signal.alarm(0)
        source.viewport().removeEventFilter(watch)
        window.shutdown(120_000)  # the glossary match of 20 MB may still run
        window.close()
        window.deleteLater()
        pump(app, lambda: False, 0.2)


def scroll(app, window, source, target) -> None:
    """Page steps and jumps in the German pane (sync on); each step repaints both panes.

    Page steps go through the text pane's own scroll bar (what the wheel and the keys
    move); jumps through the scroll bar the user sees (the overview of a windowed pane).
    """
    window.view.sync_scrolling = True
    bar = source.verticalScrollBar()
    overview = getattr(source, "scroll_bar", source.verticalScrollBar)()
    rng = random.Random(7)
    steps: list[float] = []
    probe = Probe().start()
    for i in range(150):
        t = time.perf_counter()
        if i % 10 == 9:
            overview.setValue(rng.randint(0, overview.maximum()))
        else:
            bar.setValue(min(bar.maximum(), bar.value() + bar.pageStep()))
        source.viewport().repaint()
        target.viewport().repaint()
        steps.append((time.perf_counter() - t) * 1000)
        app.processEvents()
    gaps = probe.stop()
    print(
        f"  scrolling, 150 steps: step (scroll + repaint both panes) median "
        f"{statistics.median(steps):.1f} ms, longest {max(steps):.1f} ms; "
        f"probe: {summary(gaps)}"
    )
    probe = Probe().start()
    t = time.perf_counter()
    for size in (window.zoom + 2, window.zoom - 2):
        window.set_zoom(size)
        pump(app, lambda: False, 0.3)
    print(
        f"  zoom in and out again (re-layout): {time.perf_counter() - t - 0.6:.2f} s "
        f"beyond the 0.6 s waited; probe: {summary(probe.stop())}"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="5,20", help="sizes in MB, comma-separated")
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--no-translation", dest="translation", action="store_false")
    parser.add_argument("--no-glossary", dest="glossary", action="store_false")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="lagebild-bench-")
    os.environ["LAGEBILD_HOME"] = home
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from desktop.config import Paths
    from desktop.ui.app import make_app

    app = make_app(["bench"])
    paths = Paths.from_env().ensure()
    for size in args.sizes.split(","):
        path = Path(home) / f"gross-{size}mb.txt"
        path.write_text(german_text(int(float(size) * 1_000_000)), encoding="utf-8")
        run(app, paths, path, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
