"""Web pages: article text kept, page furniture gone, metadata, fallback, walls, URLs.

The pages in tests/data/web were written for these tests (invented sites, German news
style); tests/data/web/truth.json holds what each page's article is. URL cases run against
a loopback server on 127.0.0.1 that the test starts and stops; it answers a bounded number
of requests for a bounded time.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from desktop.core.documents import ArticleError, WebPageError, load, load_text, reextract, web
from desktop.core.documents.article import from_text

WEB = Path(__file__).resolve().parents[2] / "data" / "web"
TRUTH = {k: v for k, v in json.loads((WEB / "truth.json").read_text("utf-8")).items()
         if not k.startswith("_")}  # fmt: skip
PAGES = sorted(TRUTH)
ARTICLES = [p for p in PAGES if TRUTH[p]["article"]]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def truth_sentences(page: str) -> list[str]:
    """The true article's sentences, split by our own segmenter (as the Article is)."""
    return [_flat(s.text) for s in from_text("\n\n".join(TRUTH[page]["article"])).sentences()]


def tiny_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds LINES (Helvetica, WinAnsi), built by hand."""
    ops = ["BT", "/F1 12 Tf", "72 720 Td", "14 TL"]
    for line in lines:
        ops.append("(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '")
    ops.append("ET")
    stream = "\n".join(ops).encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


# --- pages from files ------------------------------------------------------------------


@pytest.mark.parametrize("page", ARTICLES)
def test_every_article_sentence_is_kept_in_order(page):
    art = load(WEB / page)
    got = [_flat(s.text) for s in art.sentences()]
    want = truth_sentences(page)
    missing = [s for s in want if s not in got]
    assert not missing, f"{page} lost article sentences: {missing}"
    positions = [got.index(s) for s in want]
    assert positions == sorted(positions), f"{page}: article sentences out of order"


@pytest.mark.parametrize("page", ARTICLES)
def test_headings_stay_headings(page):
    art = load(WEB / page)
    headings = {_flat(art.text[p.start : p.end]) for p in art.paragraphs if p.kind == "heading"}
    for para in TRUTH[page]["article"]:
        if para.startswith("# "):
            assert para[2:] in headings, f"{page}: {para!r} is not a heading"


@pytest.mark.parametrize("page", PAGES)
def test_page_furniture_is_gone(page):
    text = _flat(load(WEB / page).text)
    present = [f for f in TRUTH[page]["absent"] if f in text]
    assert not present, f"{page} kept page furniture: {present}"
    assert "<" not in text and "{" not in text  # no markup, no script or style text


@pytest.mark.parametrize("page", PAGES)
def test_metadata_extractor_and_warning(page):
    truth = TRUTH[page]
    src = load(WEB / page).source
    for key, want in truth["meta"].items():
        if key == "author_contains":
            assert want in (src.author or ""), page
        else:
            assert getattr(src, key) == want, f"{page}: {key}"
    assert src.extractor == truth["extractor"], page
    expected = {None: None, "consent": "consent page", "paywall": "paywall",
                "article": "may not be an article"}[truth["warning"]]  # fmt: skip
    if expected is None:
        assert src.warning is None, f"{page}: unexpected warning {src.warning!r}"
    else:
        assert src.warning and expected in src.warning, f"{page}: warning {src.warning!r}"
        assert "\n" not in src.warning


@pytest.mark.parametrize("page", PAGES)
def test_other_page_text_is_kept(page):
    text = _flat(load(WEB / page).text)
    for wanted in TRUTH[page]["kept"]:
        assert wanted in text, f"{page} lost {wanted!r}"


def test_wall_pages_keep_what_there_is():
    consent = load(WEB / "zustimmung.html")
    assert consent.title == "Wehrbeauftragte legt Jahresbericht vor"
    assert "erhebliche Mängel bei Ausrüstung" in consent.text
    paywall = load(WEB / "paywall.html")
    assert "Die ersten Geschütze sollen schon im Sommer geliefert werden." in paywall.text
    count = re.search(r"\((\d+) words\)", paywall.source.warning or "")
    assert count and int(count.group(1)) == len(re.findall(r"\w+", paywall.text))


def test_source_keeps_path_size_encoding_and_raw_html():
    path = WEB / "munition-cp1252.htm"
    art = load(path)
    raw = path.read_bytes()
    assert art.source.path == str(path) and art.source.name == path.name
    assert art.source.size == len(raw) and art.source.raw_html == raw
    assert art.source.encoding == "cp1252"  # declared as iso-8859-1: browsers read cp1252
    assert "2,9 Milliarden € gebilligt" in art.text and "„Die Lücken" in art.text


def test_table_rows_stay_one_line_each():
    text = load(WEB / "eurofighter.html").text
    assert "Tranche 4 | 38" in text.split("\n\n")


def test_reextract_runs_again_from_the_raw_html():
    art = load(WEB / "drohnenabwehr.html")
    again = reextract(art)
    assert again.text == art.text and again.source.extractor == "trafilatura"
    structural = reextract(art, extractor="structural")
    assert structural.source.extractor == "structural"
    assert structural.source.path == art.source.path
    assert structural.source.author == "Katrin Maurer"  # metadata as before
    # The structural pass keeps every block: the comments are back, the article too.
    assert "Seebär_Kiel" in structural.text and "Gefahr im Verzug" in structural.text
    wall = reextract(load(WEB / "zustimmung.html"), extractor="structural")
    assert "Zustimmen und weiter" not in wall.text  # consent dialogs are pruned for both
    assert "erhebliche Mängel" in wall.text
    with pytest.raises(ArticleError, match="not a web page"):
        reextract(from_text("Nur ein Satz."))


def test_trafilatura_finding_nothing_falls_back_to_structural(monkeypatch):
    monkeypatch.setattr(web, "_run_trafilatura", lambda tree, url, precision: None)
    art = load(WEB / "cyberabwehr.html")
    assert art.source.extractor == "structural"
    assert art.source.title is None
    assert "Meldestelle für Angriffe" in art.text
    assert "Meistgelesen" in art.text  # the structural pass keeps every block but menus


def test_page_without_text_is_a_clear_error(tmp_path):
    empty = tmp_path / "leer.html"
    empty.write_bytes(b"<!doctype html><html><head><script>start()</script></head><body>"
                      b"<div id='app'></div><script>var a = 1;</script></body></html>")  # fmt: skip
    with pytest.raises(ArticleError, match=r"^leer.html contains no readable text$"):
        load(empty)
    menu = tmp_path / "menu.html"
    menu.write_bytes(b"<!doctype html><html><head><title>Lagebericht Ostflanke</title></head>"
                     b"<body><nav><a href='/'>Start</a></nav><div id='app'></div></body></html>")  # fmt: skip
    art = load(menu)  # what there is, kept, and the warning says why it is so little
    assert art.title == "Lagebericht Ostflanke"
    assert "may not be an article" in (art.source.warning or "")
    image = tmp_path / "bild.html"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with pytest.raises(ArticleError, match=r"^bild.html: this is a PNG image, not a text file$"):
        load(image)


def test_decoding_prefers_bom_then_utf8_then_the_declared_charset():
    page = "<html><head><meta charset='windows-1252'></head><body><p>Größe</p></body></html>"
    assert web.decode_html(page.encode("utf-8")) == (page, "utf-8")  # valid UTF-8 wins
    assert web.decode_html(page.encode("utf-16")) == (page, "utf-16")
    koi8 = page.replace("windows-1252", "koi8-r").replace("Größe", "Сила")
    assert web.decode_html(koi8.encode("koi8-r")) == (koi8, "koi8-r")
    undeclared = "<html><body><p>Größe</p></body></html>"
    assert web.decode_html(undeclared.encode("cp1252")) == (undeclared, "windows-1252")


# --- pasted HTML -----------------------------------------------------------------------


def test_pasted_fragment_uses_the_structural_extractor():
    pasted = (WEB / "ausschnitt.html").read_text("utf-8")
    art = load_text(pasted, name="Eingefügt")
    assert art.source.extractor == "structural" and art.source.name == "Eingefügt"
    assert art.source.raw_html == pasted.encode("utf-8")
    got = [_flat(s.text) for s in art.sentences()]
    assert got == truth_sentences("ausschnitt.html")


def test_windows_clipboard_html_is_a_fragment():
    clip = ("<html><body><!--StartFragment--><p>Die Marine erhält zwei neue Tankschiffe.</p>"
            "<p>Sie sollen 2027 in Dienst gestellt werden.</p><!--EndFragment--></body></html>")  # fmt: skip
    art = load_text(clip)
    assert art.source.extractor == "structural"
    assert [s.text for s in art.sentences()] == ["Die Marine erhält zwei neue Tankschiffe.",
                                                  "Sie sollen 2027 in Dienst gestellt werden."]  # fmt: skip


def test_pasted_whole_page_uses_trafilatura_and_metadata():
    art = load_text((WEB / "drohnenabwehr.html").read_text("utf-8"), name="Eingefügt")
    assert art.source.extractor == "trafilatura" and art.source.author == "Katrin Maurer"
    assert "Seebär_Kiel" not in art.text and "Gefahr im Verzug" in art.text


# --- no network for files, and cheap imports -------------------------------------------


def test_opening_saved_pages_makes_no_network_connection(monkeypatch):
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network access in a test that must stay offline")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for page in PAGES:
        art = load(WEB / page)
        assert art.sentences(), page
    assert load_text((WEB / "fregatte-amp.html").read_text("utf-8")).source.site == "Nordwacht"
    assert attempts == []


def test_importing_documents_loads_no_extraction_library():
    code = ("import sys, desktop.core.documents\n"
            "heavy = [m for m in ('trafilatura', 'lxml', 'bs4', 'desktop.core.net') "
            "if m in sys.modules]\nprint(heavy)")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, check=True)  # fmt: skip
    assert out.stdout.strip() == "[]"


# --- URLs ------------------------------------------------------------------------------

Route = Callable[[BaseHTTPRequestHandler], None]


def reply(h: BaseHTTPRequestHandler, status: int, body: bytes = b"", **headers: str) -> None:
    h.send_response(status)
    headers.setdefault("Content-Length", str(len(body)))
    for name, value in headers.items():
        h.send_header(name.replace("_", "-"), value)
    h.end_headers()
    h.wfile.write(body)


def huge(h: BaseHTTPRequestHandler, declared: bool) -> None:
    """50 MB of HTML (declared or not), written until the client hangs up."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    if declared:
        h.send_header("Content-Length", str(50 * 1024 * 1024))
    else:
        h.send_header("Connection", "close")
    h.end_headers()
    chunk = b"<p>" + b"Drohne " * 9000 + b"</p>\n"
    for _ in range(50 * 1024 * 1024 // len(chunk)):
        h.wfile.write(chunk)
    h.close_connection = True


def slow_loris(h: BaseHTTPRequestHandler) -> None:
    """Headers at once, then one byte every 0.1 s: each read is quick, the whole is not."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", "100000")
    h.end_headers()
    for _ in range(80):  # at most 8 s, ends earlier when the client hangs up
        h.wfile.write(b"<")
        h.wfile.flush()
        time.sleep(0.1)


def routes() -> dict[str, Route]:
    page = (WEB / "drohnenabwehr.html").read_bytes()
    pdf = tiny_pdf(["Der Bericht des Wehrbeauftragten liegt vor.", "Die Truppe klagt über Mängel."])
    html = "text/html; charset=utf-8"
    return {
        "/page.html": lambda h: reply(h, 200, page, Content_Type=html),
        "/r1": lambda h: reply(h, 302, Location="/r2"),
        "/r2": lambda h: reply(h, 301, Location="/r3"),
        "/r3": lambda h: reply(h, 307, Location="/page.html"),
        "/loop": lambda h: reply(h, 302, Location="/loop"),
        "/missing": lambda h: reply(h, 404, b"<p>nicht gefunden</p>", Content_Type=html),
        "/huge": lambda h: huge(h, declared=True),
        "/huge-undeclared": lambda h: huge(h, declared=False),
        "/slow": slow_loris,
        "/bericht": lambda h: reply(h, 200, pdf, Content_Type="text/html"),
        "/bericht.pdf": lambda h: reply(h, 200, pdf, Content_Type="application/pdf"),
        "/fake.pdf": lambda h: reply(h, 200, b"<p>kein PDF</p>", Content_Type="application/pdf"),
        "/plain.txt": lambda h: reply(h, 200, b"Nur Text.", Content_Type="text/plain"),
        "/image": lambda h: reply(
            h, 200, b"\x89PNG\r\n\x1a\n" + bytes(200), Content_Type="text/html"
        ),  # fmt: skip
        "/haushalt.xhtml": lambda h: reply(
            h, 200, (WEB / "haushalt.xhtml").read_bytes(), Content_Type="application/xhtml+xml"
        ),  # fmt: skip
    }


class PageServer:
    """A loopback HTTP server for one test: at most MAX_REQUESTS requests, LIFETIME seconds."""

    MAX_REQUESTS = 60
    LIFETIME = 60.0

    def __init__(self, table: dict[str, Route]) -> None:
        self.table = table
        self.paths: list[str] = []
        self._stop = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server API
                server.paths.append(self.path)
                route = server.table.get(self.path)
                try:
                    if route is None:
                        reply(self, 404, b"no such test page")
                    else:
                        route(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up on purpose (size cap, timeout)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.timeout = 0.1
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        deadline = time.monotonic() + self.LIFETIME
        while (not self._stop.is_set() and len(self.paths) < self.MAX_REQUESTS
               and time.monotonic() < deadline):  # fmt: skip
            self.httpd.handle_request()  # returns after httpd.timeout without a request

    def __enter__(self) -> PageServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.httpd.server_close()


@pytest.fixture
def site(monkeypatch):
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy",
                 "ALL_PROXY", "no_proxy", "NO_PROXY"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    with PageServer(routes()) as server:
        yield server


def test_url_page_is_extracted_with_the_url(site):
    art = web.load_url(site.base + "/page.html")
    src = art.source
    assert src.extractor == "trafilatura" and src.url == site.base + "/page.html"
    assert src.path is None and src.name == "127.0.0.1/page.html"
    assert src.title == "Bundeswehr testet neue Drohnenabwehr an der Ostsee"
    assert src.author == "Katrin Maurer" and src.date == "2025-02-18"
    assert src.raw_html == (WEB / "drohnenabwehr.html").read_bytes()
    got = [_flat(s.text) for s in art.sentences()]
    assert got == truth_sentences("drohnenabwehr.html")


def test_url_redirect_chain_is_followed(site):
    art = web.load_url(site.base + "/r1")
    assert art.source.url == site.base + "/page.html"
    assert site.paths == ["/r1", "/r2", "/r3", "/page.html"]
    assert "Luftsicherheitsgesetz" in art.text


def _fails(kind: str, call: Callable[[], object]) -> WebPageError:
    with pytest.raises(WebPageError) as info:
        call()
    err = info.value
    assert err.kind == kind, str(err)
    assert isinstance(err, ArticleError)
    assert str(err) and "\n" not in str(err) and "Traceback" not in str(err)
    return err


def test_url_redirect_loop_is_refused(site):
    err = _fails("redirects", lambda: web.load_url(site.base + "/loop"))
    assert "redirects" in str(err)
    assert 2 <= len(site.paths) <= 7


def test_url_404_is_one_clear_line(site):
    err = _fails("http", lambda: web.load_url(site.base + "/missing"))
    assert err.status == 404 and "404" in str(err)


@pytest.mark.parametrize("path", ["/huge", "/huge-undeclared"])
def test_url_over_10_mb_is_refused(site, path):
    start = time.monotonic()
    err = _fails("too_large", lambda: web.load_url(site.base + path))
    assert "limit of 10.0 MB" in str(err)
    assert time.monotonic() - start < 20


def test_url_slow_loris_times_out(site):
    start = time.monotonic()
    _fails("timeout", lambda: web.load_url(site.base + "/slow", timeout=1.0, total_timeout=1.5))
    assert time.monotonic() - start < 4


def test_url_pdf_served_as_html_is_read_as_pdf(site):
    for path in ("/bericht", "/bericht.pdf"):
        art = web.load_url(site.base + path)
        assert [s.text for s in art.sentences()] == [
            "Der Bericht des Wehrbeauftragten liegt vor.",
            "Die Truppe klagt über Mängel.",
        ]
        assert art.source.url == site.base + path and art.source.path is None
        assert art.source.extractor is None and art.source.raw_html is None


def test_url_wrong_types_are_refused(site):
    _fails("content_type", lambda: web.load_url(site.base + "/plain.txt"))
    _fails("content_type", lambda: web.load_url(site.base + "/fake.pdf"))
    with pytest.raises(ArticleError, match=r"^127.0.0.1/image: this is a PNG image"):
        web.load_url(site.base + "/image")


def test_url_xhtml_is_accepted(site):
    art = web.load_url(site.base + "/haushalt.xhtml")
    assert art.source.author == "Paul Wegener" and "Kreiswehrersatzämter" in art.text


def test_url_refused_connection_and_bad_scheme():
    with socket.socket() as probe:  # a port that nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    _fails("connection", lambda: web.load_url(f"http://127.0.0.1:{port}/x.html", timeout=2))
    _fails("http", lambda: web.load_url("ftp://127.0.0.1/x.html"))


def test_is_url():
    assert web.is_url("https://example.org/a") and web.is_url("HTTP://x")
    assert not web.is_url("artikel.html") and not web.is_url("https://")
    assert not web.is_url("/tmp/http://x")
