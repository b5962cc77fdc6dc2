"""desktop.core.net: the one HTTP client. Every case runs against a loopback server on
127.0.0.1 started and stopped by the test (or a refused port); name lookups are faked."""

from __future__ import annotations

import ast
import errno
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from desktop.core import net
from desktop.core.errors import LagebildError

BODY = bytes(range(256)) * 4096  # 1 MiB


@dataclass
class Server:
    base: str = ""
    routes: dict[str, Callable[[BaseHTTPRequestHandler], None]] = field(default_factory=dict)
    requests: list[tuple[str, str | None]] = field(default_factory=list)  # path, Range


def send(h: BaseHTTPRequestHandler, status: int, body: bytes = b"", **headers: str) -> None:
    h.send_response(status)
    headers.setdefault("Content-Length", str(len(body)))
    for name, value in headers.items():
        if value:
            h.send_header(name.replace("_", "-"), value)
    h.end_headers()
    h.wfile.write(body)


def ranged(h: BaseHTTPRequestHandler, body: bytes = BODY, content_range: bool = True) -> None:
    """Serve body, honouring ``Range: bytes=N-`` like a real file server."""
    rng = h.headers.get("Range")
    if rng and rng.startswith("bytes=") and rng.endswith("-"):
        start = int(rng[6:-1])
        if start >= len(body):
            return send(h, 416)
        extra = {"Content_Range": f"bytes {start}-{len(body) - 1}/{len(body)}"}
        return send(h, 206, body[start:], **(extra if content_range else {}))
    send(h, 200, body, Content_Type="application/octet-stream")


@pytest.fixture
def server():
    state = Server()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802 - http.server API
            state.requests.append((self.path, self.headers.get("Range")))
            route = state.routes.get(self.path) or state.routes.get("*")
            try:
                if route is None:
                    send(self, 404, b"not found")
                else:
                    route(self)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up on purpose

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy_from_the_machine(monkeypatch):
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy",
                 "ALL_PROXY", "no_proxy", "NO_PROXY"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)


def fails(kind: str, call: Callable[[], object]) -> net.NetError:
    with pytest.raises(net.NetError) as info:
        call()
    err = info.value
    assert err.kind == kind, str(err)
    assert isinstance(err, LagebildError)
    text = str(err)
    assert text and "\n" not in text and "\x1b" not in text and "Traceback" not in text
    return err


def test_fetch_returns_body_type_and_progress(server):
    server.routes["/data"] = lambda h: send(h, 200, BODY, Content_Type="application/json")
    seen = []
    got = net.fetch(server.base + "/data", timeout=5, max_bytes=2 * len(BODY),
                    accept=("application/json",), progress=lambda d, t: seen.append((d, t)))  # fmt: skip
    assert got.body == BODY and got.size == len(BODY) and got.status == 200
    assert got.content_type == "application/json"
    assert seen[-1] == (len(BODY), len(BODY))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_fetch_refuses_non_http_urls(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("private")
    err = fails("http", lambda: net.fetch(secret.as_uri(), timeout=1, max_bytes=100))
    assert "only http(s)" in str(err)


@pytest.mark.parametrize("url", ["https://[::1", "http://127.0.0.1:99999/", "http:///path"])
def test_malformed_address_is_one_line_not_a_wrong_reason(url):
    # urlsplit raised ValueError past fetch (a traceback in `lagebild segment`); an
    # out-of-range port was wrapped around by the resolver and reported as "refused".
    err = fails("http", lambda: net.fetch(url, timeout=1, max_bytes=10))
    assert "not a valid web address" in str(err)


def test_address_with_umlauts_is_sent_percent_encoded(server):
    server.routes["/wiki/%C3%9Cbung?q=Gr%C3%B6%C3%9Fe"] = lambda h: send(h, 200, b"ok")
    got = net.fetch(server.base + "/wiki/Übung?q=Größe", timeout=5, max_bytes=100)
    assert got.body == b"ok"


def test_declared_length_over_the_cap_is_too_large(server):
    server.routes["/big"] = lambda h: send(h, 200, BODY)
    err = fails("too_large", lambda: net.fetch(server.base + "/big", timeout=5, max_bytes=1000))
    assert "larger" in str(err) and "limit" in str(err)


def test_undeclared_length_is_capped_while_reading(server, tmp_path):
    def endless_without_length(h):  # HTTP/1.0: the body ends when the connection does
        h.send_response(200)
        h.end_headers()
        for _ in range(200):  # 200 x 64 KiB; the client stops long before
            h.wfile.write(b"\0" * 65536)

    server.routes["/stream"] = endless_without_length
    dest = tmp_path / "out.part"
    fails("too_large", lambda: net.fetch(server.base + "/stream", timeout=5,
                                         max_bytes=300_000, dest=dest))  # fmt: skip
    assert dest.stat().st_size <= 300_000


def test_redirects_are_followed_up_to_the_limit(server):
    for i in range(1, 4):
        server.routes[f"/r{i}"] = lambda h, i=i: send(h, 302, Location=f"/r{i - 1}")
    server.routes["/r0"] = lambda h: send(h, 200, b"arrived")
    got = net.fetch(server.base + "/r3", timeout=5, max_bytes=100, max_redirects=3)
    assert got.body == b"arrived" and got.url.endswith("/r0")
    err = fails("redirects", lambda: net.fetch(server.base + "/r3", timeout=5, max_bytes=100,
                                               max_redirects=2))  # fmt: skip
    assert "more than 2 redirects" in str(err)


def test_redirect_loop_and_other_schemes_are_refused(server):
    server.routes["/loop"] = lambda h: send(h, 301, Location="/loop")
    server.routes["/ftp"] = lambda h: send(h, 302, Location="ftp://127.0.0.1/x")
    server.routes["/file"] = lambda h: send(h, 302, Location="file:///etc/passwd")
    fails("redirects", lambda: net.fetch(server.base + "/loop", timeout=5, max_bytes=100))
    fails("redirects", lambda: net.fetch(server.base + "/ftp", timeout=5, max_bytes=100))
    fails("redirects", lambda: net.fetch(server.base + "/file", timeout=5, max_bytes=100))
    assert len([p for p, _ in server.requests if p == "/loop"]) == net.MAX_REDIRECTS + 1


def test_http_status_is_kind_http_with_a_clean_line(server):
    server.routes["/evil"] = lambda h: send(h, 404)
    server.routes["/gone"] = lambda h: h.send_error(410, "Gone\x1b[31m red")
    err = fails("http", lambda: net.fetch(server.base + "/evil", timeout=5, max_bytes=100,
                                          what="the test index"))  # fmt: skip
    assert err.status == 404
    assert str(err) == "Could not read the test index: the server answered HTTP 404 (Not Found)."
    err = fails("http", lambda: net.fetch(server.base + "/gone", timeout=5, max_bytes=100))
    assert "HTTP 410" in str(err) and "\\x1b" in str(err)


def test_no_answer_is_a_timeout(server):
    server.routes["/slow"] = lambda h: (time.sleep(1.5), send(h, 200, b"late"))
    start = time.monotonic()
    err = fails("timeout", lambda: net.fetch(server.base + "/slow", timeout=0.3, max_bytes=100))
    assert time.monotonic() - start < 1.4
    assert "no answer within 0.3 seconds" in str(err)


def test_stalled_body_is_a_timeout_and_keeps_the_part(server, tmp_path):
    def stall(h):
        h.send_response(200)
        h.send_header("Content-Length", str(len(BODY)))
        h.end_headers()
        h.wfile.write(BODY[:1000])
        h.wfile.flush()
        time.sleep(1.5)

    server.routes["/stall"] = stall
    dest = tmp_path / "x.part"
    err = fails("timeout", lambda: net.fetch(server.base + "/stall", timeout=0.3,
                                             max_bytes=len(BODY), dest=dest))  # fmt: skip
    assert "interrupted" in str(err) and err.received == 1000
    assert dest.read_bytes() == BODY[:1000]


def test_total_timeout_stops_a_trickle(server):
    def trickle(h):
        h.send_response(200)
        h.send_header("Content-Length", "100")
        h.end_headers()
        for _ in range(100):  # one byte every 50 ms: each read is quick, the whole is not
            h.wfile.write(b"x")
            h.wfile.flush()
            time.sleep(0.05)

    server.routes["/trickle"] = trickle
    start = time.monotonic()
    fails("timeout", lambda: net.fetch(server.base + "/trickle", timeout=2, max_bytes=1000,
                                       total_timeout=0.5))  # fmt: skip
    assert time.monotonic() - start < 3


def test_web_page_instead_of_data_is_content_type(server):
    server.routes["/portal"] = lambda h: send(h, 200, b"<html>log in</html>",
                                              Content_Type="text/html; charset=utf-8")  # fmt: skip
    server.routes["/bin"] = lambda h: send(h, 200, b"PK", Content_Type="application/zip")
    err = fails("content_type", lambda: net.fetch(server.base + "/portal", timeout=5,
                                                  max_bytes=100, accept=("application/*",)))  # fmt: skip
    assert "text/html" in str(err) and "web page" in str(err)
    got = net.fetch(server.base + "/bin", timeout=5, max_bytes=100, accept=("application/*",))
    assert got.body == b"PK"


def test_cancel_stops_and_keeps_the_part(server, tmp_path):
    server.routes["/data"] = ranged
    dest = tmp_path / "x.part"
    cancel = threading.Event()

    def progress(done, total):
        if done >= 200_000:
            cancel.set()

    err = fails("cancelled", lambda: net.fetch(server.base + "/data", timeout=5,
                                               max_bytes=len(BODY), dest=dest,
                                               progress=progress, cancel=cancel))  # fmt: skip
    assert 200_000 <= err.received < len(BODY)
    assert dest.read_bytes() == BODY[: dest.stat().st_size]


def test_resume_appends_after_a_range_request(server, tmp_path):
    server.routes["/data"] = ranged
    dest = tmp_path / "x.part"
    dest.write_bytes(BODY[:300_000])
    seen = []
    got = net.fetch(server.base + "/data", timeout=5, max_bytes=len(BODY), dest=dest,
                    progress=lambda d, t: seen.append((d, t)))  # fmt: skip
    assert server.requests == [("/data", "bytes=300000-")]
    assert dest.read_bytes() == BODY and got.size == len(BODY) and got.status == 206
    assert seen[0][0] > 300_000 and seen[-1] == (len(BODY), len(BODY))


def test_resume_when_server_ignores_range_rewrites(server, tmp_path):
    server.routes["/data"] = lambda h: send(h, 200, BODY)
    dest = tmp_path / "x.part"
    dest.write_bytes(b"stale bytes from somewhere else")
    net.fetch(server.base + "/data", timeout=5, max_bytes=len(BODY), dest=dest)
    assert dest.read_bytes() == BODY


def test_resume_with_wrong_content_range_starts_over(server, tmp_path):
    def wrong_part(h):
        if h.headers.get("Range"):
            return send(h, 206, BODY, Content_Range=f"bytes 0-{len(BODY) - 1}/{len(BODY)}")
        send(h, 200, BODY)

    server.routes["/data"] = wrong_part
    dest = tmp_path / "x.part"
    dest.write_bytes(BODY[:5000])
    net.fetch(server.base + "/data", timeout=5, max_bytes=len(BODY), dest=dest)
    assert dest.read_bytes() == BODY
    assert [r for _, r in server.requests] == ["bytes=5000-", None]


def test_resume_past_the_end_416_starts_over(server, tmp_path):
    server.routes["/data"] = ranged
    dest = tmp_path / "x.part"
    dest.write_bytes(b"\0" * (len(BODY) + 10))  # longer than theirs: no prefix of it
    net.fetch(server.base + "/data", timeout=5, max_bytes=2 * len(BODY), dest=dest)
    assert dest.read_bytes() == BODY
    assert [r for _, r in server.requests] == [f"bytes={len(BODY) + 10}-", None]


def test_connection_closed_early_is_interrupted(server, tmp_path):
    def short(h):
        h.send_response(200)
        h.send_header("Content-Length", "1000")
        h.end_headers()
        h.wfile.write(b"y" * 500)
        h.close_connection = True

    server.routes["/short"] = short
    dest = tmp_path / "x.part"
    err = fails("connection", lambda: net.fetch(server.base + "/short", timeout=5,
                                                max_bytes=5000, dest=dest))  # fmt: skip
    assert "interrupted" in str(err) and "closed early" in str(err)
    assert err.received == 500 and dest.read_bytes() == b"y" * 500


def test_offline_and_unknown_names_are_told_apart(monkeypatch):
    def no_lookup(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_lookup)
    url = "http://index.example.invalid/index.json"
    monkeypatch.setattr(net, "has_network", lambda: False)
    err = fails("offline", lambda: net.fetch(url, timeout=1, max_bytes=10,
                                             what="the Argos package index"))  # fmt: skip
    assert str(err) == "Could not reach the Argos package index: no network connection."
    monkeypatch.setattr(net, "has_network", lambda: True)
    err = fails("dns", lambda: net.fetch(url, timeout=1, max_bytes=10))
    assert "index.example.invalid is unknown" in str(err)
    assert "Errno" not in str(err) and "urlopen" not in str(err)


def test_unreachable_network_is_offline(monkeypatch):
    def unreachable(*args, **kwargs):
        raise OSError(errno.ENETUNREACH, "Network is unreachable")

    monkeypatch.setattr(socket, "create_connection", unreachable)
    err = fails("offline", lambda: net.fetch("http://127.0.0.1:9/x", timeout=1, max_bytes=10))
    assert "no network connection" in str(err)


def test_connection_refused(tmp_path):
    with socket.socket() as s:  # a port that was free a moment ago: nobody listens on it
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    err = fails("connection", lambda: net.fetch(f"http://127.0.0.1:{port}/", timeout=2,
                                                max_bytes=10))  # fmt: skip
    assert "refused" in str(err)


def test_proxy_from_the_environment_is_used(server, monkeypatch):
    server.routes["*"] = lambda h: send(h, 200, b"via proxy")
    monkeypatch.setenv("http_proxy", server.base)
    got = net.fetch("http://packages.example.invalid/index.json", timeout=5, max_bytes=100)
    assert got.body == b"via proxy"
    assert server.requests[0][0] == "http://packages.example.invalid/index.json"


def test_unwritable_destination_is_kind_disk(server, tmp_path):
    server.routes["/data"] = ranged
    err = fails("disk", lambda: net.fetch(server.base + "/data", timeout=5, max_bytes=len(BODY),
                                          dest=tmp_path / "missing" / "x.part"))  # fmt: skip
    assert "Could not save" in str(err)


def test_net_imports_only_the_standard_library():
    source = Path(net.__file__).read_text(encoding="utf-8")
    modules = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
    assert modules, "found no imports at all"
    foreign = {
        m for m in modules
        if m.split(".")[0] not in sys.stdlib_module_names and m != "desktop.core.errors"
    }  # fmt: skip
    assert foreign == set()
    assert "urllib.request" in modules  # (a check that the walk sees the lazy imports)
