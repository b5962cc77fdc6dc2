"""Fixtures for the translation/model tests: the real Argos test package and a loopback index.

The package is ../shared/models/translate-zh_en-1_9.argosmodel (real Chinese->English
weights); tests that need it skip with a clear reason when ../shared is absent.
"""

from __future__ import annotations

import json
import shutil
import threading
import zipfile
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ZH_MODEL = SHARED / "models" / "translate-zh_en-1_9.argosmodel"
INDEX = SHARED / "argos" / "index.json"


@pytest.fixture(scope="session")
def zh_model_file() -> Path:
    """The real zh->en .argosmodel file from ../shared."""
    if not ZH_MODEL.is_file():
        pytest.skip(f"real test model not found at {ZH_MODEL} (../shared is not checked out)")
    return ZH_MODEL


@pytest.fixture(scope="session")
def zh_package_dir(zh_model_file, tmp_path_factory) -> Path:
    """The zh->en package unpacked once per session (read-only use)."""
    root = tmp_path_factory.mktemp("zh-package")
    with zipfile.ZipFile(zh_model_file) as zf:
        zf.extractall(root)
    return root / "translate-zh_en-1_9"


def link_package(src: Path, packages: Path, name: str | None = None, **meta) -> Path:
    """Make an installed package folder whose big files are symlinks to src.

    Extra keyword arguments overwrite metadata.json fields (a fake pair, a new version).
    """
    dest = packages / (name or src.name)
    dest.mkdir(parents=True)
    for item in src.iterdir():
        if item.name != "metadata.json":
            (dest / item.name).symlink_to(item)
    data = json.loads((src / "metadata.json").read_text())
    data.update(meta)
    (dest / "metadata.json").write_text(json.dumps(data))
    return dest


@pytest.fixture
def zh_paths(zh_package_dir):
    """Paths of this test's home with the zh->en package installed (by symlinks, fast)."""
    from desktop.config import Paths

    paths = Paths.from_env().ensure()
    link_package(zh_package_dir, paths.argos_packages)
    return paths


@dataclass
class Loopback:
    """A loopback HTTP server serving the index and the package, with fault modes."""

    base: str = ""
    payload: bytes = b""
    index_body: bytes = b""
    drop_after: int | None = None  # close the connection after this many body bytes
    drops_left: int = 0
    garbage: bool = False
    index_status: int = 200
    requests: list = field(default_factory=list)  # (path, Range header)
    server: ThreadingHTTPServer | None = None


@pytest.fixture
def loopback(zh_model_file):
    """Start a loopback server (index links rewritten to it); stopped after the test."""
    state = Loopback(payload=zh_model_file.read_bytes())

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # keep pytest output clean
            pass

        def do_GET(self):  # noqa: N802 - http.server API
            state.requests.append((self.path, self.headers.get("Range")))
            if self.path == "/index.json":
                return self._send(state.index_status, state.index_body)
            if self.path != "/translate-zh_en-1_9.argosmodel":
                return self._send(404, b"not found")
            body = b"this is not a zip file" * 100 if state.garbage else state.payload
            start = 0
            rng = self.headers.get("Range")
            if rng and rng.startswith("bytes=") and rng.endswith("-"):
                start = int(rng[6:-1])
                if start >= len(body):
                    return self._send(416, b"")
            self.send_response(206 if start else 200)
            self.send_header("Content-Length", str(len(body) - start))
            self.end_headers()
            chunk = body[start:]
            if state.drops_left > 0 and state.drop_after is not None:
                state.drops_left -= 1
                self.wfile.write(chunk[: state.drop_after])
                self.wfile.flush()
                self.close_connection = True
                return
            self.wfile.write(chunk)

        def _send(self, status, body):
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.server = server
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    index = json.loads(INDEX.read_text())
    for entry in index:
        name = entry["links"][0].rsplit("/", 1)[-1] if entry.get("links") else "x"
        entry["links"] = [f"{state.base}/{name}"]
    state.index_body = json.dumps(index).encode()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


@dataclass(frozen=True)
class FakeSentence:
    """Stands in for desktop.core.documents.article.Sentence: the engine reads only id and text."""

    id: str
    text: str


def sentences(*texts: str) -> list[FakeSentence]:
    """Numbered FakeSentences."""
    return [FakeSentence(f"s{i}", t) for i, t in enumerate(texts)]


def copy_file(src: Path, dest: Path, size: int | None = None) -> Path:
    """Copy src to dest, cut to size bytes if given."""
    with open(src, "rb") as f:
        data = f.read() if size is None else f.read(size)
    dest.write_bytes(data)
    shutil.copystat(src, dest)
    return dest


@pytest.fixture(scope="session")
def tkit():
    """The helpers above, for test modules (conftest modules are not importable by name)."""
    import types

    return types.SimpleNamespace(
        link_package=link_package, sentences=sentences, FakeSentence=FakeSentence,
        copy_file=copy_file, ZH_MODEL=ZH_MODEL,
    )  # fmt: skip
