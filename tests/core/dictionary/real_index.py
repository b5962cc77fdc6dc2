"""The index of the real installed Ding file, built once per test session.

Shared by tests/core/dictionary and tests/cli/test_lookup_cmd.py: the build (tens of seconds)
happens on first use and the result is reused; tests that change an index use their own
small hand-written Ding files instead.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from desktop.core.dictionary import SYSTEM_SOURCE, IndexInfo, build_index

REAL_DING = SYSTEM_SOURCE
SKIP_REASON = f"the Ding dictionary {REAL_DING} is not installed (sudo apt install trans-de-en)"

_built: dict[str, object] = {}


def real_index(tmp_path_factory: pytest.TempPathFactory) -> IndexInfo:
    """The session's index of /usr/share/trans/de-en (skips the test if it is absent)."""
    if not REAL_DING.is_file():
        pytest.skip(SKIP_REASON)
    info = _built.get("info")
    if not isinstance(info, IndexInfo):
        target = tmp_path_factory.mktemp("ding-index") / "ding.sqlite"
        started = time.perf_counter()
        info = build_index(REAL_DING, target)
        _built["seconds"] = time.perf_counter() - started
        _built["info"] = info
    return info


def build_seconds() -> float | None:
    """How long the session's import took, if it ran."""
    seconds = _built.get("seconds")
    return seconds if isinstance(seconds, float) else None


def place_index(info: IndexInfo, data_dir: Path) -> Path:
    """Put the session index where Paths(data=DATA_DIR) expects it (a hard link or a copy)."""
    target = data_dir / "dictionary" / "ding.sqlite"
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(info.path, target)
    except OSError:
        shutil.copyfile(info.path, target)
    return target
