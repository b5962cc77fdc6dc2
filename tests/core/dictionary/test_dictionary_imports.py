"""The dictionary package imports only the shared basics, and nothing heavy on import."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import desktop.core.dictionary as package

ALLOWED = (
    "desktop.core.dictionary",
    "desktop.core.text",
    "desktop.core.errors",
    "desktop.core.files",
    "desktop.config",
)


def _desktop_imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("desktop")}


def test_only_allowed_desktop_modules_are_imported():
    folder = Path(package.__file__).parent
    modules = sorted(folder.glob("*.py"))
    assert len(modules) >= 4
    for module in modules:
        for name in _desktop_imports(module):
            assert name.startswith(ALLOWED), f"{module.name} imports {name}"


def test_importing_the_package_loads_no_qt_simplemma_or_sqlite():
    code = (
        "import sys, desktop.core.dictionary\n"
        "heavy = [m for m in ('PySide6', 'simplemma', 'sqlite3') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
