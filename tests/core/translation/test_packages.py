"""Model manager: install (good, truncated, wrong), index, download (good, interrupted,
cancelled, bad index, bad file), remove; all with the real zh->en package and a loopback
server started by the test."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import zipfile

import pytest

from desktop.config import Paths
from desktop.core.translation import packages as models


def _package_dirs(paths: Paths) -> list[str]:
    root = paths.argos_packages
    return sorted(p.name for p in root.iterdir()) if root.exists() else []


def _staging_left(paths: Paths) -> list[str]:
    root = paths.data / "argos-staging"
    return sorted(p.name for p in root.iterdir()) if root.exists() else []


def test_install_good_file_lists_it(zh_model_file):
    paths = Paths.from_env()
    info = models.install_file(zh_model_file, paths)
    assert (info.code, info.from_code, info.to_code, info.version) == (
        "translate-zh_en",
        "zh",
        "en",
        "1.9",
    )
    assert info.size_bytes > 80_000_000
    assert (info.path / "model" / "model.bin").is_file()
    assert models.installed(paths) == [info]
    assert _staging_left(paths) == []


def test_reinstall_keeps_one_copy(zh_model_file):
    paths = Paths.from_env()
    models.install_file(zh_model_file, paths)
    models.install_file(zh_model_file, paths)
    assert _package_dirs(paths) == ["translate-zh_en-1_9"]


def test_truncated_file_is_rejected_and_changes_nothing(zh_model_file, tmp_path, tkit):
    paths = Paths.from_env()
    cut = tkit.copy_file(zh_model_file, tmp_path / "cut.argosmodel", size=40_000_000)
    with pytest.raises(models.PackageError, match="cut.argosmodel"):
        models.install_file(cut, paths)
    assert _package_dirs(paths) == []
    assert _staging_left(paths) == []


def test_damaged_member_is_rejected(zh_model_file, tmp_path, tkit):
    """Same length, central directory intact, but bytes inside model.bin flipped."""
    paths = Paths.from_env()
    bad = tkit.copy_file(zh_model_file, tmp_path / "flipped.argosmodel")
    data = bytearray(bad.read_bytes())
    for i in range(30_000_000, 30_000_100):
        data[i] ^= 0xFF
    bad.write_bytes(bytes(data))
    with pytest.raises(models.PackageError, match="damaged|checksum"):
        models.install_file(bad, paths)
    assert _package_dirs(paths) == []


def test_wrong_files_are_rejected_with_clear_messages(tmp_path):
    paths = Paths.from_env()
    text = tmp_path / "notes.argosmodel"
    text.write_text("hello")
    with pytest.raises(models.PackageError, match="not a zip"):
        models.install_file(text, paths)

    no_meta = tmp_path / "nometa.argosmodel"
    with zipfile.ZipFile(no_meta, "w") as zf:
        zf.writestr("pkg/model/model.bin", b"x")
        zf.writestr("pkg/sentencepiece.model", b"x")
    with pytest.raises(models.PackageError, match="metadata.json is missing"):
        models.install_file(no_meta, paths)

    no_codes = tmp_path / "nocodes.argosmodel"
    with zipfile.ZipFile(no_codes, "w") as zf:
        zf.writestr("pkg/metadata.json", json.dumps({"from_code": "de"}))
        zf.writestr("pkg/model/model.bin", b"x")
        zf.writestr("pkg/sentencepiece.model", b"x")
    with pytest.raises(models.PackageError, match="from_code/to_code"):
        models.install_file(no_codes, paths)

    no_model = tmp_path / "nomodel.argosmodel"
    with zipfile.ZipFile(no_model, "w") as zf:
        zf.writestr("pkg/metadata.json", json.dumps({"from_code": "de", "to_code": "en"}))
    with pytest.raises(models.PackageError, match="model.bin is missing"):
        models.install_file(no_model, paths)

    with pytest.raises(models.PackageError, match="no such file"):
        models.install_file(tmp_path / "absent.argosmodel", paths)
    assert _package_dirs(paths) == []


def test_remove(zh_paths):
    removed = models.remove("zh_en", zh_paths)
    assert [m.code for m in removed] == ["translate-zh_en"]
    assert models.installed(zh_paths) == []
    with pytest.raises(models.PackageError, match="no installed package"):
        models.remove("translate-zh_en", zh_paths)


def test_broken_package_folder_does_not_hide_others(zh_paths):
    (zh_paths.argos_packages / "junk").mkdir()
    half = zh_paths.argos_packages / "half"
    half.mkdir()
    (half / "metadata.json").write_text('{"from_code": "de", "to_code": "en"}')
    assert [m.code for m in models.installed(zh_paths)] == ["translate-zh_en"]


def test_fetch_index_from_loopback(loopback):
    entries = models.fetch_index(loopback.base + "/index.json")
    assert len(entries) > 50
    zh = [e for e in entries if e.code == "translate-zh_en"]
    assert zh and zh[0].version == "1.9" and zh[0].links[0].startswith(loopback.base)
    # A base URL ending in "/" gets index.json appended, as argostranslate does.
    assert len(models.fetch_index(loopback.base + "/")) == len(entries)


@pytest.mark.parametrize(
    "status, body, message",
    [
        (404, b"nope", "Could not read .* HTTP 404"),
        (200, b"{not json", "not valid JSON"),
        (200, b'{"packages": []}', "not a list"),
    ],
)
def test_bad_index(loopback, status, body, message):
    loopback.index_status, loopback.index_body = status, body
    with pytest.raises(models.PackageError, match=message):
        models.fetch_index(loopback.base + "/index.json")
    with pytest.raises(models.PackageError, match=message):
        models.download("translate-zh_en", loopback.base + "/index.json", Paths.from_env())
    assert _package_dirs(Paths.from_env()) == []


def test_index_url_from_environment(monkeypatch):
    monkeypatch.setenv(models.INDEX_ENV, "http://127.0.0.1:9/custom.json")
    assert models.default_index_url() == "http://127.0.0.1:9/custom.json"
    monkeypatch.delenv(models.INDEX_ENV)
    assert models.default_index_url() == models.DEFAULT_INDEX_URL


def test_download_good(loopback):
    paths = Paths.from_env()
    seen = []
    info = models.download(
        "translate-zh_en", loopback.base + "/index.json", paths,
        progress=lambda done, total: seen.append((done, total)),
    )  # fmt: skip
    assert info.code == "translate-zh_en" and info.version == "1.9"
    assert seen[-1] == (len(loopback.payload), len(loopback.payload))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert list((paths.cache / "downloads").iterdir()) == []  # nothing left behind


def test_download_interrupted_then_resumed(loopback):
    paths = Paths.from_env()
    half = len(loopback.payload) // 2
    loopback.drop_after, loopback.drops_left = half, 1
    with pytest.raises(models.PackageError, match="interrupted"):
        models.download("translate-zh_en", loopback.base + "/index.json", paths)
    assert _package_dirs(paths) == []
    parts = list((paths.cache / "downloads").glob("*.part"))
    assert len(parts) == 1 and parts[0].stat().st_size == half

    info = models.download("zh_en", loopback.base + "/index.json", paths)
    assert info.code == "translate-zh_en"
    ranges = [r for p, r in loopback.requests if p.endswith(".argosmodel")]
    assert ranges == [None, f"bytes={half}-"]  # the second request resumed
    assert _package_dirs(paths) == ["translate-zh_en-1_9"]


def test_download_cancelled_leaves_nothing_installed(loopback):
    paths = Paths.from_env()
    cancel = threading.Event()

    def progress(done, total):
        if done > 5_000_000:
            cancel.set()

    with pytest.raises(models.DownloadCancelled):
        models.download("translate-zh_en", loopback.base + "/index.json", paths,
                        progress=progress, cancel=cancel)  # fmt: skip
    assert _package_dirs(paths) == []


def test_download_of_a_bad_file_installs_nothing(loopback):
    paths = Paths.from_env()
    loopback.garbage = True
    with pytest.raises(models.PackageError, match="not a usable package"):
        models.download("translate-zh_en", loopback.base + "/index.json", paths)
    assert _package_dirs(paths) == []
    assert list((paths.cache / "downloads").iterdir()) == []


def test_download_unknown_code(loopback):
    with pytest.raises(models.PackageError, match="has no package translate-xx_yy"):
        models.download("translate-xx_yy", loopback.base + "/index.json", Paths.from_env())


def test_argos_import_never_touches_the_real_home(tmp_path):
    """argostranslate.settings makes directories at import: they must land in our cache."""
    home = tmp_path / "fake-home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "ARGOS_"))}
    env.update(HOME=str(home), LAGEBILD_HOME=str(tmp_path / "lb"))
    code = (
        "import os\n"
        "from desktop.config import Paths\n"
        "from desktop.core.translation import packages as models\n"
        "models.installed(Paths.from_env())\n"
        "import argostranslate.settings as s\n"
        "print(s.package_data_dir)\n"
        "print(os.environ.get('XDG_DATA_HOME'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                         text=True, timeout=120, check=True).stdout.split("\n")  # fmt: skip
    assert out[0] == str(tmp_path / "lb" / "data" / "argos-packages")
    assert out[1] == "None"  # restored after the import
    assert list(home.iterdir()) == []
