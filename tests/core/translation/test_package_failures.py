"""Review fixes: installing or removing a model on a full or unwritable disk gives one clear
line and never loses the model that was installed before (small fake packages, no model)."""

from __future__ import annotations

import errno
import json
import tempfile
import zipfile
from pathlib import Path

import pytest

from desktop import cli
from desktop.config import Paths
from desktop.core.translation import packages as models


@pytest.fixture(autouse=True)
def _dummy_weights_skip_the_load_check():
    """These packages hold dummy weights; install_file's load check (tested with real and
    broken models in test_package_hostile.py) would refuse them. Not the test's monkeypatch,
    because the tests call monkeypatch.undo()."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(models, "check_loads", lambda folder, label, package: None)
        yield


def _fake(path: Path, version: str) -> Path:
    top = f"translate-xx_yy-{version}"
    meta = {"from_code": "xx", "to_code": "yy", "package_version": version,
            "type": "translate", "code": "translate-xx_yy"}  # fmt: skip
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(f"{top}/metadata.json", json.dumps(meta))
        zf.writestr(f"{top}/model/model.bin", b"weights " + version.encode())
        zf.writestr(f"{top}/sentencepiece.model", b"x")
    return path


def _disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_install_with_no_room_for_staging_is_a_model_error(tmp_path, monkeypatch):
    paths = Paths.from_env()
    monkeypatch.setattr(models.tempfile, "mkdtemp", _disk_full)
    with pytest.raises(models.PackageError, match="No space left"):
        models.install_file(_fake(tmp_path / "a.argosmodel", "1.0"), paths)


def test_cli_install_on_full_disk_is_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(models.tempfile, "mkdtemp", _disk_full)
    code = cli.main(["models", "install", str(_fake(tmp_path / "a.argosmodel", "1.0"))])
    err = capsys.readouterr().err
    assert code == cli.EXIT_FAILED and err.count("\n") == 1 and "No space left" in err


def test_failed_move_aside_puts_every_old_install_back(tmp_path, monkeypatch):
    paths = Paths.from_env()
    first = models.install_file(_fake(tmp_path / "a.argosmodel", "1.0"), paths)
    # A second folder for the same pair, as an older Lagebild could leave behind.
    with zipfile.ZipFile(_fake(tmp_path / "b.argosmodel", "0.9")) as zf:
        zf.extractall(paths.argos_packages)
    before = sorted(p.name for p in paths.argos_packages.iterdir())
    assert len(before) == 2
    real_replace = Path.replace
    calls = []

    def second_move_fails(self, target):
        calls.append(self)
        if len(calls) == 2:
            raise OSError(errno.EACCES, "Permission denied")
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", second_move_fails)
    with pytest.raises(models.PackageError, match="Permission denied"):
        models.install_file(_fake(tmp_path / "c.argosmodel", "2.0"), paths)
    monkeypatch.undo()
    assert sorted(p.name for p in paths.argos_packages.iterdir()) == before
    assert (first.path / "model" / "model.bin").read_bytes() == b"weights 1.0"


def test_remove_that_cannot_move_is_a_model_error(tmp_path, monkeypatch):
    paths = Paths.from_env()
    info = models.install_file(_fake(tmp_path / "a.argosmodel", "1.0"), paths)
    monkeypatch.setattr(tempfile, "mkdtemp", _disk_full)
    with pytest.raises(models.PackageError, match="cannot remove"):
        models.remove("translate-xx_yy", paths)
    assert (info.path / "model" / "model.bin").is_file()


def test_download_with_unwritable_download_folder_is_a_model_error(monkeypatch):
    paths = Paths.from_env()
    entry = models.IndexEntry("translate-xx_yy", "xx", "yy", "1.0", ("http://127.0.0.1:9/x",))
    monkeypatch.setattr(models, "fetch_index", lambda url=None: [entry])
    paths.cache.mkdir(parents=True, exist_ok=True)
    (paths.cache / "downloads").write_text("not a folder")
    with pytest.raises(models.PackageError, match="cannot download into"):
        models.download("translate-xx_yy", "http://127.0.0.1:9/", paths)
