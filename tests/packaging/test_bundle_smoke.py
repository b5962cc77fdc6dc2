"""Smoke test of the PyInstaller bundle: build it, then run it as a user would.

Slow (one build, ~30-60 s with a warm work dir, longer cold). It builds into a temporary
dist dir with the test model from ../shared/models bundled (air-gapped first start), then
runs the bundle's own executable: --version, screenshot of the bundled article, translate
with the bundled model, and the .deb layout. Skipped only when PyInstaller is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEST_MODEL = ROOT.parent / "shared" / "models" / "translate-zh_en-1_9.argosmodel"
ZH_SAMPLE = ROOT / "bench" / "zh-sample.txt"

try:
    import PyInstaller  # noqa: F401

    HAVE_PYINSTALLER = True
except ImportError:
    HAVE_PYINSTALLER = False

pytestmark = pytest.mark.skipif(
    not HAVE_PYINSTALLER,
    reason="PyInstaller is not installed (pip install 'pyinstaller>=6.10,<7'): cannot build the bundle",
)

HEAVY = ("torch", "stanza", "spacy", "thinc", "onnxruntime", "minisbd")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Build the bundle once for this module; return (bundle dir, dist dir, build log)."""
    dist = tmp_path_factory.mktemp("dist")
    cmd = ["bash", str(ROOT / "packaging" / "build.sh"), "--no-setup", "--dist", str(dist)]
    if TEST_MODEL.is_file():
        cmd += ["--with-model", str(TEST_MODEL)]
    env = dict(os.environ, LAGEBILD_PYTHON=sys.executable)
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-4000:]
    bundle = dist / "lagebild"
    assert (bundle / "lagebild").is_file(), log[-2000:]
    return bundle, dist, log


def run_bundle(bundle: Path, home: Path, *args: str, timeout: float = 300):
    """Run the bundle's executable with a fresh home and without Python on its paths."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LAGEBILD_HOME": str(home / "lagebild"),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
    }
    return subprocess.run(
        [str(bundle / "lagebild"), *args], env=env, capture_output=True, text=True,
        timeout=timeout, cwd=home,
    )  # fmt: skip


def test_bundle_starts_and_is_trimmed(built, tmp_path):
    bundle, _dist, log = built
    result = run_bundle(bundle, tmp_path, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Lagebild ")
    internal = bundle / "_internal"
    present = [name for name in HEAVY if (internal / name).exists()]
    assert not present, f"excluded packages were bundled: {present}"
    size_mb = sum(f.lstat().st_size for f in bundle.rglob("*") if not f.is_dir()) / 1e6
    print(f"bundle size: {size_mb:.0f} MB")
    assert size_mb < 400, f"bundle grew to {size_mb:.0f} MB"
    assert (internal / "resources" / "articles" / "article-de.txt").is_file()
    assert "==> bundle:" in log


def test_bundle_segments_german(built, tmp_path):
    """The Punkt tables come from the bundled punkt.data.german module."""
    bundle, _dist, _log = built
    article = bundle / "_internal" / "resources" / "articles" / "article-de.txt"
    result = run_bundle(bundle, tmp_path, "segment", str(article), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    sentences = [s for p in data["paragraphs"] for s in p["sentences"]]
    assert len(sentences) > 10
    # the Punkt tables are read into memory: nothing is written into the data dir
    assert not (tmp_path / "lagebild" / "data" / "nltk_data").exists()


def test_bundle_screenshot_is_a_real_window(built, tmp_path):
    bundle, _dist, _log = built
    out = tmp_path / "shot.png"
    result = run_bundle(bundle, tmp_path, "screenshot", "--out", str(out), "--size", "1200x800")
    assert result.returncode == 0, result.stderr
    assert out.is_file() and out.stat().st_size > 20_000, "PNG missing or nearly empty"
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert not image.isNull()
    assert image.width() >= 1000 and image.height() >= 700, (image.width(), image.height())
    # A real window has text, panes and colours: many distinct colours over a grid, and
    # no single colour covers (almost) everything.
    colours: dict[int, int] = {}
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            rgb = image.pixel(x, y) & 0xFFFFFF
            colours[rgb] = colours.get(rgb, 0) + 1
    total = sum(colours.values())
    assert len(colours) > 50, f"only {len(colours)} colours: not a rendered window"
    assert max(colours.values()) / total < 0.9, "one colour covers the image"


@pytest.mark.model
@pytest.mark.skipif(not TEST_MODEL.is_file(), reason="test model ../shared/models is missing")
def test_bundle_translates_with_bundled_model_on_first_start(built, tmp_path):
    """Air-gapped first start: no install command, the bundled model is used at once."""
    bundle, _dist, _log = built
    assert (bundle / "_internal" / "models" / TEST_MODEL.name).is_file()
    result = run_bundle(
        bundle, tmp_path, "translate", str(ZH_SAMPLE), "--from", "zh", "--to", "en", "--json"
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["model"]["code"] == "translate-zh_en"
    targets = [s["target"] for p in data["paragraphs"] for s in p["sentences"]]
    assert targets and all(t for t in targets), targets
    english = " ".join(targets)
    assert sum(c.isascii() and c.isalpha() for c in english) > 0.5 * len(english)
    assert any(w in english.lower() for w in ("missile", "russia", "drone", "ukrain")), english
    marker = tmp_path / "lagebild" / "data" / "bundled-models.json"
    state = json.loads(marker.read_text(encoding="utf-8"))
    assert [v["status"] for v in state.values()] == ["installed"]
    # The second start finds the marker and installs nothing again.
    before = marker.stat().st_mtime_ns
    again = run_bundle(bundle, tmp_path, "models", "list", "--json")
    assert again.returncode == 0, again.stderr
    assert [m["code"] for m in json.loads(again.stdout)] == ["translate-zh_en"]
    assert marker.stat().st_mtime_ns == before


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb is not available")
def test_deb_layout(built, tmp_path):
    bundle, dist, _log = built
    env = dict(os.environ, LAGEBILD_DEB_COMPRESS="gzip", LAGEBILD_LINTIAN="0")
    result = subprocess.run(
        ["bash", str(ROOT / "packaging" / "make_deb.sh"), str(bundle), "0.0.0", str(tmp_path)],
        env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    debs = list(tmp_path.glob("lagebild_0.0.0_*.deb"))
    assert len(debs) == 1
    info = subprocess.run(["dpkg-deb", "--info", str(debs[0])], capture_output=True, text=True)
    assert "Package: lagebild" in info.stdout and "Depends: " in info.stdout
    assert "libc6" in info.stdout
    # Data the bundled libraries read from the system (found missing on a minimal bookworm
    # by packaging/check_deb_in_chroot.sh), and the postrm that keeps /opt on removal.
    depends = next(line for line in info.stdout.splitlines() if line.strip().startswith("Depends:"))
    for package in ("fontconfig-config", "xkb-data", "fonts-dejavu-core"):
        assert package in depends, depends
    assert "postrm" in info.stdout
    contents = subprocess.run(
        ["dpkg-deb", "--contents", str(debs[0])], capture_output=True, text=True
    ).stdout
    for path in (
        "./opt/lagebild/lagebild",
        "./opt/lagebild/_internal/resources/glossary/termbase.json",
        "./usr/share/applications/org.lagebild.Lagebild.desktop",
        "./usr/share/metainfo/org.lagebild.Lagebild.metainfo.xml",
        "./usr/share/icons/hicolor/scalable/apps/org.lagebild.Lagebild.svg",
        "./usr/share/doc/lagebild/copyright",
        "./usr/share/man/man1/lagebild.1.gz",
    ):
        assert path in contents, path
    assert "./usr/bin/lagebild -> /opt/lagebild/lagebild" in contents
    assert " root/root " in contents and "rwxr-xr-x root/root" in contents
