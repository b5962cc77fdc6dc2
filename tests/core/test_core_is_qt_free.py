"""The core must never import Qt: the CLI and other front ends depend on it."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import desktop.core


def test_importing_every_core_module_does_not_load_pyside6():
    names = [m.name for m in pkgutil.walk_packages(desktop.core.__path__, "desktop.core.")]
    assert "desktop.core.documents.article" in names
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
