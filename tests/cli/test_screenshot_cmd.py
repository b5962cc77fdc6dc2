"""`lagebild screenshot` never blocks: a bad document is one error line and exit 1, and
--timeout always ends the process (run as real processes with a hard timeout)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HARD_TIMEOUT = 90  # the test fails (instead of hanging) if the command ever blocks


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LAGEBILD_")}
    env["LAGEBILD_HOME"] = str(tmp_path / "home")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _run(args: list[str], tmp_path: Path) -> tuple[subprocess.CompletedProcess, float]:
    started = time.monotonic()
    result = subprocess.run(
        args, capture_output=True, text=True, timeout=HARD_TIMEOUT, env=_env(tmp_path), cwd=ROOT
    )
    return result, time.monotonic() - started


def _bad_document(tmp_path: Path, kind: str) -> Path:
    if kind == "empty":
        path = tmp_path / "leer.txt"
        path.write_bytes(b"")
    elif kind == "missing":
        path = tmp_path / "fehlt.txt"
    else:  # a .docx that is not a zip at all
        path = tmp_path / "bericht.docx"
        path.write_text("Das ist kein Word-Dokument.", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("kind", "says"),
    [
        ("empty", "is empty"),
        ("missing", "does not exist"),
        ("fake-docx", "not a valid Word"),
    ],
)
def test_bad_document_is_one_error_line_and_exit_1(tmp_path, kind, says):
    doc = _bad_document(tmp_path, kind)
    out = tmp_path / "x.png"
    result, took = _run(
        [
            sys.executable,
            "-m",
            "desktop",
            "screenshot",
            str(doc),
            "--out",
            str(out),
            "--timeout",
            "5",
        ],
        tmp_path,
    )
    assert took < 20, f"took {took:.1f} s"
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("lagebild: error: ") and says in lines[0]
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_timeout_ends_the_process_even_when_the_window_blocks(tmp_path):
    """Whatever blocks the window (here: the old modal warning), --timeout ends it."""
    doc = _bad_document(tmp_path, "empty")
    out = tmp_path / "x.png"
    script = textwrap.dedent(f"""
        import sys
        from PySide6.QtWidgets import QMessageBox
        from desktop.ui.main_window import MainWindow

        # A dialog nobody can click, as the window showed before it had a headless mode.
        MainWindow.warn = lambda self, title, message: QMessageBox.warning(self, title, message)
        from desktop.cli import main
        sys.exit(main(["screenshot", {str(doc)!r}, "--out", {str(out)!r}, "--timeout", "2"]))
    """)
    result, took = _run([sys.executable, "-c", script], tmp_path)
    assert result.returncode == 1, result.stderr
    assert took < 2 + 10 + 20, f"took {took:.1f} s"
    lines = result.stderr.strip().splitlines()
    assert lines == ["lagebild: error: the window did not finish within --timeout 2 s"], (
        result.stderr
    )


@pytest.mark.parametrize("value", ["0", "-3", "nan", "inf", "1e9"])
def test_timeout_must_be_a_positive_bounded_number(value, capsys, tmp_path):
    from desktop.cli import main

    assert main(["screenshot", "--out", str(tmp_path / "x.png"), "--timeout", value]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--timeout must be" in err[0]
    assert not (tmp_path / "x.png").exists()


def test_headless_window_opens_no_dialog(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop.config import Paths
    from desktop.ui.app import create_window

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a))
    doc = _bad_document(tmp_path, "empty")
    window = create_window(str(doc), Paths.from_env(), headless=True)
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.documentFailed, timeout=10000) as failed:
            window.show()
        assert "is empty" in failed.args[0]
        assert shown == []
        assert "is empty" in window.status_label.text()
    finally:
        window.shutdown()
