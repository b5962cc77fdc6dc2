"""`lagebild screenshot --out PNG`: render the real main window offscreen and exit.

The window runs headless: it never opens a dialog (a document that fails to load is a
one-line error and exit 1), and a watchdog ends the process when the window has not
finished ``--timeout`` seconds plus a short grace period after the start, whatever
blocks it.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

from desktop.cli.output import EXIT_FAILED, EXIT_OK, CommandError, safe

# After --timeout: time to render, write the PNG and stop the workers before the
# watchdog ends the process.
GRACE_SECONDS = 10.0
SHUTDOWN_MS = 2000  # per worker pool
MAX_TIMEOUT = 86400.0


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the `screenshot` command."""
    p = sub.add_parser("screenshot", help="render the main window to a PNG and exit")
    p.add_argument("file", nargs="?", help="document to open (default: the bundled article)")
    p.add_argument("--out", required=True, help="PNG file to write")
    p.add_argument("--size", default="1400x900", help="window size WxH (default: 1400x900)")
    p.add_argument(
        "--wait",
        action="store_true",
        help="wait until translation and glossary matching have finished",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=120.0,
        help="seconds to wait at most (default: 120); whatever happens, the command "
        f"ends at most {GRACE_SECONDS:.0f} s later",
    )
    p.add_argument("--theme", choices=("light", "dark"), help="force a theme")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Render the real main window offscreen to a PNG and exit."""
    size = parse_size(args.size)
    if not 0 < args.timeout <= MAX_TIMEOUT:  # also refuses nan and inf
        raise CommandError(f"--timeout must be more than 0 and at most {MAX_TIMEOUT:.0f} seconds")
    watchdog = start_watchdog(args.timeout)
    try:
        return _run(args, size)
    finally:
        watchdog.cancel()


def start_watchdog(timeout: float, grace: float = GRACE_SECONDS) -> threading.Timer:
    """End the process (one line, exit 1) TIMEOUT + GRACE seconds from now, unless cancelled."""
    line = f"lagebild: error: the window did not finish within --timeout {timeout:g} s\n"

    def expire() -> None:
        os.write(2, line.encode())  # no Python I/O machinery: the main thread may hold it
        os._exit(EXIT_FAILED)

    timer = threading.Timer(timeout + grace, expire)
    timer.daemon = True
    timer.start()
    return timer


def _run(args: argparse.Namespace, size: tuple[int, int]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt loads
    # The one lazy import of the window: headless commands never load Qt.
    from desktop.ui.app import create_window, make_app, quiet_qt_messages

    quiet_qt_messages()  # Qt's platform chatter is not an error line
    app = make_app(["lagebild"])
    window = create_window(args.file, headless=True)
    window.resize(*size)
    if args.theme:
        window.apply_theme(args.theme == "dark", save=False)
    window.show()
    try:
        ok = _wait(app, window, args.wait, args.timeout)
        out = _render(app, window, args.out)
    finally:
        window.shutdown(SHUTDOWN_MS)
        window.close()
    if not ok:
        print("lagebild: warning: timed out waiting for the window to finish", file=sys.stderr)
    print(out)
    return EXIT_OK


def parse_size(text: str) -> tuple[int, int]:
    """'1400x900' as (1400, 900); CommandError outside 200..8000."""
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise CommandError(f"--size must look like 1400x900, not {text!r}") from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise CommandError("--size must be between 200x200 and 8000x8000")
    return width, height


def _wait(app: Any, window: Any, wait: bool, timeout: float) -> bool:
    """Spin the event loop until the document shows (and, with wait, all work is done)."""
    deadline = time.monotonic() + timeout
    failed: list[str] = []
    window.documentFailed.connect(failed.append)

    def ready() -> bool:
        if failed:
            raise CommandError(safe(" ".join(failed[0].split())))  # one line
        if window.article is None:
            return False
        if not wait:
            return True
        return bool(window.translation_done and window.glossary_finished)

    while not ready():
        if time.monotonic() > deadline:
            return False
        app.processEvents()
        time.sleep(0.01)
    end = time.monotonic() + 0.3  # let the last results and the term check paint
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    return True


def _render(app: Any, window: Any, out: str) -> str:
    app.processEvents()
    path = Path(out)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(path), "PNG"):
        raise CommandError(f"could not write {path}")
    return str(path)
