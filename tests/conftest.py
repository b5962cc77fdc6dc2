"""Shared test set-up: every test gets its own data, config and cache dirs."""

from __future__ import annotations

import os

import pytest

# The real Argos test package and a loopback index, for every test folder that needs them.
pytest_plugins = ["tests.model_fixtures"]

# Qt must never try to open a real display in tests; set before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def lagebild_home(tmp_path, monkeypatch):
    """Point every Lagebild directory (and Argos's) at a fresh temporary home."""
    home = tmp_path / "lagebild-home"
    monkeypatch.setenv("LAGEBILD_HOME", str(home))
    for name in ("LAGEBILD_DATA_DIR", "LAGEBILD_CONFIG_DIR", "LAGEBILD_CACHE_DIR"):
        monkeypatch.delenv(name, raising=False)
    return home
