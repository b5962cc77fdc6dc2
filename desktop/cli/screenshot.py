"""`lagebild screenshot --out PNG`: render the real main window offscreen and exit."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

from desktop.cli.output import EXIT_OK, CommandError


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
        help="seconds to wait at most (default: 120)",
    )
    p.add_argument("--theme", choices=("light", "dark"), help="force a theme")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Render the real main window offscreen to a PNG and exit."""
    size = parse_size(args.size)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt loads
    # The one lazy import of the window: headless commands never load Qt.
    from desktop.ui.app import create_window, make_app

    app = make_app(["lagebild"])
    window = create_window(args.file)
    window.resize(*size)
    if args.theme:
        window.apply_theme(args.theme == "dark", save=False)
    window.show()
    try:
        ok = _wait(app, window, args.wait, args.timeout)
        out = _render(app, window, args.out)
    finally:
        window.shutdown()
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
            raise CommandError(failed[0])
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
