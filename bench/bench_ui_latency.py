"""UI latency while a translation runs: a 10 ms timer probe on the GUI thread.

Opens the real MainWindow offscreen in a temporary LAGEBILD_HOME, installs the real
zh->en test model (../shared/models), opens a Chinese text of N sentences and records
how late each probe tick fires while the translation streams in. Goal: no gap > 50 ms.

    /work/venv/bin/python bench/bench_ui_latency.py [--sentences 60] [--german]

--german also runs the bundled German article through the window with the glossary
(the translation then stops at the no-model panel; that measures document load, glossary
matching and rendering on the GUI thread).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT.parent / "shared" / "models" / "translate-zh_en-1_9.argosmodel"
ZH = [
    "俄罗斯军队试图包围一个小镇。",
    "他们逮捕了两名嫌疑人。",
    "这些无人机的射程超过2000公里。",
    "乌克兰空军表示，防空部队共击落了42架无人机。",
    "俄罗斯的轰炸机从北方的机场起飞。",
]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sentences", type=int, default=60)
    parser.add_argument("--german", action="store_true")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="lagebild-bench-")
    os.environ["LAGEBILD_HOME"] = home
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from desktop.config import Paths
    from desktop.ui.app import create_window, make_app

    app = make_app(["bench"])
    paths = Paths.from_env().ensure()
    runs = []
    if MODEL.is_file():
        from desktop.core.translation import packages as models

        models.install_file(MODEL, paths)
        text = Path(home) / "zh.txt"
        body = [ZH[i % len(ZH)].replace("。", f"（{i}）。") for i in range(args.sentences)]
        text.write_text(
            "\n\n".join("".join(body[i : i + 3]) for i in range(0, len(body), 3)), encoding="utf-8"
        )
        runs.append(("zh model, window", text, "zh"))
    else:
        print(f"skipping the model run: {MODEL} not found")
    if args.german:
        from desktop import resources

        runs.append(("German article, no de-en model", resources.default_article(), "de"))

    for label, path, language in runs:
        measure(app, create_window(str(path), paths, language=language), label)
    return 0


def measure(app, window, label: str) -> None:
    """Run one document through WINDOW and print the probe's lateness figures."""
    from PySide6.QtCore import QElapsedTimer, QTimer

    window.resize(1400, 900)
    window.show()
    gaps: list[float] = []
    slow: list[tuple[int, float, float]] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]
    cpu = [time.thread_time()]

    def tick():
        # thread_time: CPU the GUI thread itself used during the gap. A long gap with
        # little GUI CPU means the thread was waiting (GIL or a busy machine), not working.
        now, used = clock.elapsed(), time.thread_time()
        gaps.append(now - last[0])
        if now - last[0] > 60:
            slow.append((now, now - last[0], (used - cpu[0]) * 1000))
        last[0], cpu[0] = now, used

    probe = QTimer()
    probe.setInterval(10)
    probe.timeout.connect(tick)
    t0 = time.monotonic()
    done: list[float] = []
    first: list[float] = []
    glossary: list[int] = []
    window.translationFinished.connect(lambda: done.append(time.monotonic()))
    window.translation_service.sentenceTranslated.connect(
        lambda _r: first or first.append(time.monotonic() - t0)
    )
    window.glossaryReady.connect(lambda: glossary.append(1))
    probe.start()
    while not (done and glossary) and time.monotonic() - t0 < 600:
        app.processEvents()
        time.sleep(0.001)
    probe.stop()
    window.shutdown()
    n = len(window.article.sentences()) if window.article else 0
    late = sorted(g - 10 for g in gaps)
    print(
        f"{label}: {n} sentences, {len(window.translations)} translated in "
        f"{(done[0] if done else time.monotonic()) - t0:.1f} s "
        f"(status: {window.status_label.text()})"
    )
    if late:
        p99 = late[int(0.99 * (len(late) - 1))]
        print(
            f"  probe ticks {len(late)}; lateness ms: median {statistics.median(late):.1f}, "
            f"p99 {p99:.1f}, max {late[-1]:.1f}; ticks later than 50 ms: "
            f"{sum(1 for x in late if x > 50)}"
        )
    events = ", ".join(
        f"at {at / 1000:.2f} s: {gap:.0f} ms (GUI CPU {c:.0f} ms)" for at, gap, c in slow[:10]
    )
    if events:
        print(f"  stalls: {events}")
    if first:
        print(f"  first sentence shown after {first[0]:.2f} s")
    window.close()


if __name__ == "__main__":
    raise SystemExit(main())
