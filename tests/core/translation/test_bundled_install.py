"""Review fix: a full disk during the first-start install of bundled models never raises."""

from __future__ import annotations

import errno
import json
import zipfile

import pytest

from desktop.config import Paths
from desktop.core.translation import bundled as bundled_models
from desktop.core.translation import packages as models


@pytest.fixture(autouse=True)
def _dummy_weights_skip_the_load_check():
    """These packages hold dummy weights; install_file's load check (tested with real and
    broken models in test_package_hostile.py) would refuse them. Not the test's monkeypatch,
    because the tests call monkeypatch.undo()."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(models, "check_loads", lambda folder, label, package: None)
        yield


def _bundle(folder):
    folder.mkdir(parents=True)
    meta = {"type": "translate", "from_code": "xx", "to_code": "yy",
            "package_version": "1.0", "code": "translate-xx_yy"}  # fmt: skip
    with zipfile.ZipFile(folder / "xx_yy.argosmodel", "w") as zf:
        zf.writestr("xx_yy/metadata.json", json.dumps(meta))
        zf.writestr("xx_yy/model/model.bin", b"\0" * 64)
        zf.writestr("xx_yy/sentencepiece.model", b"\0" * 16)
    return folder


def _disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_full_disk_is_logged_not_raised_and_retried_next_start(tmp_path, monkeypatch):
    paths = Paths.from_env()
    dirs = [_bundle(tmp_path / "bundle")]
    monkeypatch.setattr(models.tempfile, "mkdtemp", _disk_full)
    monkeypatch.setattr(bundled_models, "_write_marker", _disk_full)
    assert bundled_models.install_pending(paths, dirs) == []
    assert [f.name for f in bundled_models.pending(paths, dirs)] == ["xx_yy.argosmodel"]
    monkeypatch.undo()
    installed = bundled_models.install_pending(paths, dirs)
    assert [i.code for i in installed] == ["translate-xx_yy"]


def test_unwritable_data_dir_is_logged_not_raised(tmp_path, monkeypatch):
    paths = Paths.from_env()
    dirs = [_bundle(tmp_path / "bundle")]
    paths.data.parent.mkdir(parents=True, exist_ok=True)
    if paths.data.exists():
        paths.data.rmdir()
    paths.data.write_text("not a folder")
    assert bundled_models.install_pending(paths, dirs) == []
