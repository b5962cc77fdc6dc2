"""desktop.core.translation.bundled: install a shipped .argosmodel once, idempotently."""

from __future__ import annotations

import json
import threading
import zipfile
from pathlib import Path

import pytest

from desktop.config import Paths
from desktop.core.translation import bundled as bundled_models
from desktop.core.translation import packages as models

TEST_MODEL = (
    Path(__file__).resolve().parents[3] / "shared" / "models" / "translate-zh_en-1_9.argosmodel"
)


def fake_package(folder: Path, name: str, from_code: str, to_code: str, version: str) -> Path:
    """A structurally valid Argos package with dummy weights (enough to install, not to run)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.argosmodel"
    meta = {"type": "translate", "from_code": from_code, "to_code": to_code,
            "package_version": version, "code": f"translate-{from_code}_{to_code}"}  # fmt: skip
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(f"{name}/metadata.json", json.dumps(meta))
        zf.writestr(f"{name}/model/model.bin", b"\0" * 64)
        zf.writestr(f"{name}/sentencepiece.model", b"\0" * 16)
    return path


@pytest.fixture
def paths():
    return Paths.from_env()


@pytest.fixture(autouse=True)
def _dummy_weights_skip_the_load_check():
    """fake_package() holds dummy weights; install_file's load check (tested with real and
    broken models in tests/core/translation/test_package_hostile.py) would refuse them."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(models, "check_loads", lambda folder, label, package: None)
        yield


def test_nothing_bundled_is_a_no_op(paths, tmp_path):
    assert bundled_models.install_pending(paths, dirs=[tmp_path / "none"]) == []
    assert not bundled_models.marker_path(paths).exists()


def test_installs_once_and_writes_marker(paths, tmp_path):
    shipped = tmp_path / "bundle" / "models"
    fake_package(shipped, "de_en", "de", "en", "1.0")
    assert bundled_models.pending(paths, [shipped]) == [shipped / "de_en.argosmodel"]
    new = bundled_models.install_pending(paths, dirs=[shipped])
    assert [m.code for m in new] == ["translate-de_en"]
    assert [m.code for m in models.installed(paths)] == ["translate-de_en"]
    marker = json.loads(bundled_models.marker_path(paths).read_text(encoding="utf-8"))
    assert list(marker.values())[0]["status"] == "installed"
    assert bundled_models.pending(paths, [shipped]) == []
    # A removed model is not forced back on the next start.
    models.remove("translate-de_en", paths)
    assert bundled_models.install_pending(paths, dirs=[shipped]) == []
    assert models.installed(paths) == []


def test_newer_installed_version_is_not_downgraded(paths, tmp_path):
    mine = fake_package(tmp_path / "mine", "de_en_2", "de", "en", "2.0")
    models.install_file(mine, paths)
    shipped = tmp_path / "bundle" / "models"
    fake_package(shipped, "de_en_1", "de", "en", "1.9")
    assert bundled_models.install_pending(paths, dirs=[shipped]) == []
    assert [m.version for m in models.installed(paths)] == ["2.0"]
    marker = json.loads(bundled_models.marker_path(paths).read_text(encoding="utf-8"))
    assert list(marker.values())[0]["status"] == "skipped"


def test_broken_file_is_reported_not_raised_nor_retried(paths, tmp_path, caplog):
    shipped = tmp_path / "models"
    shipped.mkdir()
    (shipped / "broken.argosmodel").write_bytes(b"not a zip")
    assert bundled_models.install_pending(paths, dirs=[shipped]) == []
    marker = json.loads(bundled_models.marker_path(paths).read_text(encoding="utf-8"))
    assert list(marker.values())[0]["status"] == "failed"
    assert "not a zip" in list(marker.values())[0]["error"]
    assert bundled_models.pending(paths, [shipped]) == []


def test_concurrent_calls_install_once(paths, tmp_path):
    shipped = tmp_path / "models"
    fake_package(shipped, "de_en", "de", "en", "1.0")
    results = []
    threads = [threading.Thread(target=lambda: results.append(
        bundled_models.install_pending(paths, dirs=[shipped]))) for _ in range(3)]  # fmt: skip
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(len(r) for r in results) == [0, 0, 1]


def test_start_in_background_reports_result(paths, tmp_path, monkeypatch):
    shipped = tmp_path / "models"
    fake_package(shipped, "de_en", "de", "en", "1.0")
    monkeypatch.setattr(bundled_models, "bundled_dirs", lambda: [shipped])
    got = []
    thread = bundled_models.start_in_background(paths, on_done=got.append)
    assert thread is not None
    thread.join(timeout=30)
    assert [m.code for m in got[0]] == ["translate-de_en"]
    assert bundled_models.start_in_background(paths) is None  # nothing pending any more


@pytest.mark.model
@pytest.mark.skipif(not TEST_MODEL.is_file(), reason="test model ../shared/models is missing")
def test_real_package_installs(paths, tmp_path):
    shipped = tmp_path / "models"
    shipped.mkdir()
    (shipped / TEST_MODEL.name).symlink_to(TEST_MODEL)
    new = bundled_models.install_pending(paths, dirs=[shipped])
    assert [(m.code, m.version) for m in new] == [("translate-zh_en", "1.9")]
