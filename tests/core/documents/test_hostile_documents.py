"""Hostile files: zip bombs in .docx, flate bombs in .pdf, FIFOs and devices behind any name.

Every case must end in one clear ArticleError line, quickly and in bounded memory. Loads
that could block run in a thread (or a child process) with a timeout, so that a regression
fails the test instead of hanging the suite; bombs are measured in a child process.
"""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import threading
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest

from desktop.core.documents import article as article_mod
from desktop.core.documents import formats, load
from desktop.core.documents.article import Article, ArticleError

MB = 1024 * 1024
TIMEOUT = 20.0  # seconds; every load here takes well under one


# --- helpers ---------------------------------------------------------------------------


def _unblock(path: Path) -> None:
    """Let a reader blocked in open() on the FIFO PATH go on (it then reads EOF)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
    except OSError:  # no reader waiting (ENXIO), or not a FIFO
        return
    os.close(fd)


def load_within(path: Path, seconds: float = TIMEOUT, **kwargs: Any) -> Article:
    """load(path) in a thread; fails the test if it has not finished after SECONDS."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["article"] = load(path, **kwargs)
        except BaseException as exc:  # handed to the test thread
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        _unblock(path)
        thread.join(5)
        pytest.fail(f"loading {path.name} did not finish within {seconds} s (blocked?)")
    if "error" in box:
        raise box["error"]
    return box["article"]


def one_line_error(path: Path, **kwargs: Any) -> str:
    """The ArticleError message of loading PATH, checked to be one line."""
    with pytest.raises(ArticleError) as info:
        load_within(path, **kwargs)
    message = str(info.value)
    assert message and "\n" not in message and "Traceback" not in message
    return message


def load_in_child(path: Path, timeout: float = 60) -> dict[str, Any]:
    """Load PATH in a fresh interpreter: {"error": message or None, "peak_mb": peak RSS}.

    The peak is the child's VmHWM (ru_maxrss would report the parent's peak: Linux keeps it
    across fork and exec).
    """
    code = (
        "import json, re, sys\n"
        "from desktop.core.documents import ArticleError, load\n"
        "error = None\n"
        "try:\n"
        "    load(sys.argv[1])\n"
        "except ArticleError as exc:\n"
        "    error = str(exc)\n"
        "status = open('/proc/self/status').read()\n"
        "peak = int(re.search(r'VmHWM:\\s*(\\d+)', status).group(1)) / 1024\n"
        "print(json.dumps({'error': error, 'peak_mb': peak}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def docx_bytes(*paragraphs: str) -> bytes:
    """A real Word document made by python-docx."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rezip(path: Path, source: bytes, change: dict[str, bytes] | None = None,
          extra: dict[str, bytes] | None = None,
          compression: int = zipfile.ZIP_DEFLATED) -> Path:  # fmt: skip
    """Write the members of the archive SOURCE to PATH, some replaced, some added."""
    change, extra = change or {}, extra or {}
    with zipfile.ZipFile(io.BytesIO(source)) as src, zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            data = change.get(info.filename, src.read(info.filename))
            out.writestr(info.filename, data, compress_type=compression)
        for name, data in extra.items():
            out.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return path


def zeros_member(path: Path, source: bytes, member: str, megabytes: int) -> Path:
    """PATH: the archive SOURCE with MEMBER followed by MEGABYTES MB of NUL bytes, deflated."""
    with zipfile.ZipFile(io.BytesIO(source)) as src, zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename != member:
                out.writestr(info.filename, data, zipfile.ZIP_DEFLATED)
                continue
            entry = zipfile.ZipInfo(member)
            entry.compress_type = zipfile.ZIP_DEFLATED
            with out.open(entry, "w", force_zip64=True) as w:
                w.write(data)
                block = bytes(MB)
                for _ in range(megabytes):
                    w.write(block)
    return path


def pdf_bytes(page_contents: list[bytes]) -> bytes:
    """A PDF with one page per content stream (each flate-compressed), Helvetica as F1."""
    n = len(page_contents)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{' '.join(f'{3 + 2 * i} 0 R' for i in range(n))}] "
        f"/Count {n} >>".encode(),
    ]
    font = 3 + 2 * n
    for i, content in enumerate(page_contents):
        packed = zlib.compress(content, 9)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font} 0 R >> >> >>".encode()
        )
        objects.append(
            f"<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n".encode()
            + packed
            + b"\nendstream"
        )
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def text_page(text: str, padding: int = 0, noise: bool = False) -> bytes:
    """Content that shows TEXT, then PADDING bytes of blanks (they pack about 1000:1) or,
    with NOISE, of random comments (they pack about 2:1, like real drawing instructions)."""
    content = f"BT /F1 12 Tf 72 700 Td ({text}) Tj ET\n".encode()
    if not noise:
        return content + b" " * padding
    lines = b"".join(b"% " + os.urandom(30).hex().encode() + b"\n" for _ in range(padding // 63))
    return content + lines


# --- A: .docx zip bombs ------------------------------------------------------------------


def test_docx_zip_bomb_is_refused_before_unpacking(tmp_path):
    """200 MB of NULs packed into 0.2 MB: the old loader peaked at 426 MB before failing."""
    bomb = zeros_member(tmp_path / "bomb.docx", docx_bytes("Hallo Welt."), "word/document.xml", 200)
    assert bomb.stat().st_size < 2 * MB
    result = load_in_child(bomb)
    assert result["error"] and "zip bomb" in result["error"]
    assert result["peak_mb"] < 150, result


def test_docx_over_the_unpacked_total_is_refused_before_parsing(tmp_path, monkeypatch):
    import docx

    noise = os.urandom(3 * MB)  # does not compress: passes the ratio check
    path = rezip(tmp_path / "big.docx", docx_bytes("Text."), extra={"word/media/x.bin": noise})
    monkeypatch.setattr(formats, "DOCX_MAX_UNPACKED", 2 * MB, raising=False)
    monkeypatch.setattr(docx, "Document", lambda *a, **k: pytest.fail("parsed"))
    assert "would unpack to 3 MB" in one_line_error(path)


def test_docx_with_too_many_parts_is_refused(tmp_path):
    limit = getattr(formats, "DOCX_MAX_MEMBERS", 5_000)
    parts = {f"word/extra/item{i}.xml": b"<a/>" for i in range(limit + 1)}
    path = rezip(tmp_path / "many.docx", docx_bytes("Text."), extra=parts)
    assert f"more than {limit} parts" in one_line_error(path)


def test_docx_with_too_much_markup_is_refused(tmp_path, monkeypatch):
    source = docx_bytes("Text.")
    with zipfile.ZipFile(io.BytesIO(source)) as zf:
        xml = zf.read("word/document.xml").decode()
    body = "".join(f"<w:p><w:r><w:t>Satz {i}.</w:t></w:r></w:p>" for i in range(60_000))
    path = rezip(tmp_path / "long.docx", source,
                 change={"word/document.xml": xml.replace("<w:body>", "<w:body>" + body).encode()})  # fmt: skip
    monkeypatch.setattr(formats, "DOCX_MAX_XML", 1 * MB, raising=False)
    assert "more than 1 MB of text markup" in one_line_error(path)


def test_docx_with_bzip2_parts_is_refused(tmp_path):
    """bzip2/lzma parts unpack without a bound per read; Word never writes them."""
    path = rezip(tmp_path / "bz.docx", docx_bytes("Text."), compression=zipfile.ZIP_BZIP2)
    assert "is not a valid Word" in one_line_error(path)


def test_docx_part_that_hides_its_size_costs_no_memory(tmp_path):
    """A part that declares its real size but hides 150 MB of NULs after it in the deflate
    stream: zipfile's read() unpacked all of it at once (up to 1 GiB per call)."""
    source = docx_bytes("Ein Satz über Drohnen.")
    with zipfile.ZipFile(io.BytesIO(source)) as zf:
        xml = zf.read("word/document.xml")
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(xml) + b"".join(packer.compress(bytes(MB)) for _ in range(150))
    packed += packer.flush()
    path = rezip(tmp_path / "hidden.docx", source, change={"word/document.xml": b"x"})
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("word/document.xml")
    # Rebuild that entry by hand: its deflate data, and the true size and CRC of xml only.
    local = info.header_offset
    name_len, extra_len = struct.unpack("<HH", data[local + 26 : local + 30])
    start = local + 30 + name_len + extra_len
    header = bytearray(data[local:start])
    struct.pack_into("<IIII", header, 14, zlib.crc32(xml), len(packed), len(xml), 0)
    struct.pack_into("<HH", header, 26, name_len, extra_len)
    entry = bytes(header) + packed
    rest = bytes(data[start + info.compress_size :])
    shift = len(entry) - (start + info.compress_size - local)
    out = bytearray(bytes(data[:local]) + entry + rest)
    # Fix the central directory: this entry's sizes and CRC, later entries' offsets.
    eocd = out.rindex(b"PK\x05\x06")
    cd_size, cd_offset = struct.unpack("<II", out[eocd + 12 : eocd + 20])
    cd_offset += shift
    struct.pack_into("<I", out, eocd + 16, cd_offset)
    pos = cd_offset
    while pos < cd_offset + cd_size:
        n, e, c = struct.unpack("<HHH", out[pos + 28 : pos + 34])
        name = bytes(out[pos + 46 : pos + 46 + n]).decode()
        (offset,) = struct.unpack("<I", out[pos + 42 : pos + 46])
        if name == "word/document.xml":
            struct.pack_into("<III", out, pos + 16, zlib.crc32(xml), len(packed), len(xml))
        elif offset > local:
            struct.pack_into("<I", out, pos + 42, offset + shift)
        pos += 46 + n + e + c
    path.write_bytes(bytes(out))
    assert path.stat().st_size < 2 * MB
    # python-docx itself reads it: proof that the file is what it claims to be.
    import docx

    assert docx.Document(str(path)).paragraphs[0].text == "Ein Satz über Drohnen."
    result = load_in_child(path)
    assert result["error"] is None
    assert result["peak_mb"] < 150, result  # the hidden 150 MB are never unpacked


def test_docx_styles_are_looked_up_once_per_style(tmp_path, monkeypatch):
    """python-docx's Paragraph.style searched styles.xml per paragraph: 21,000 paragraphs
    took 28 s. Each style is now looked up once."""
    import docx
    from docx.text.paragraph import Paragraph

    document = docx.Document()
    document.add_heading("Überschrift", level=1)
    for i in range(2000):
        document.add_paragraph(f"Satz Nummer {i}.")
    path = tmp_path / "many.docx"
    document.save(str(path))
    calls = []
    real = Paragraph.style

    def counted(self: Paragraph) -> Any:
        calls.append(1)
        return real.fget(self)

    monkeypatch.setattr(Paragraph, "style", property(counted))
    article = load_within(path)
    assert article.paragraphs[0].kind == "heading" and len(article.paragraphs) == 2001
    assert len(calls) <= 2


# --- A: PDF bombs ------------------------------------------------------------------------


def test_pdf_stream_bomb_is_refused_in_bounded_memory(tmp_path):
    """A page whose content unpacks to 40 MB (from 40 KB): refused, one line, no pypdf error
    escaping (pypdf's LimitReachedError used to come out as a traceback)."""
    path = tmp_path / "bomb.pdf"
    path.write_bytes(pdf_bytes([text_page("Hallo.", 40 * MB)]))
    assert path.stat().st_size < MB
    result = load_in_child(path)
    assert result["error"] and "\n" not in result["error"]
    assert result["error"].startswith("bomb.pdf ")
    assert result["peak_mb"] < 250, result


def test_pdf_pages_count_against_one_content_budget(tmp_path, monkeypatch):
    """pypdf keeps every page's unpacked streams: 20 pages of 70 MB took 1.5 GB and 190 s.
    Now all pages share one budget (shrunk here), checked before a page is parsed."""
    from pypdf import PageObject

    path = tmp_path / "pages.pdf"
    path.write_bytes(pdf_bytes([text_page(f"Seite {i}.", MB, noise=True) for i in range(6)]))
    monkeypatch.setattr(formats, "PDF_MAX_CONTENT", 3 * MB, raising=False)
    parsed = []
    real = PageObject.extract_text

    def counted(self: PageObject, *args: Any, **kwargs: Any) -> str:
        parsed.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(PageObject, "extract_text", counted)
    assert "too many drawing instructions" in one_line_error(path)
    assert len(parsed) == 2  # the third page would pass the budget: refused unparsed


def test_pdf_page_over_its_own_cap_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "page.pdf"
    path.write_bytes(pdf_bytes([text_page("Eins."), text_page("Zwei.", 2 * MB, noise=True)]))
    monkeypatch.setattr(formats, "PDF_MAX_PAGE_CONTENT", MB, raising=False)
    assert "too many drawing instructions" in one_line_error(path)


def test_pdf_cheap_stream_bomb_is_refused_unparsed(tmp_path, monkeypatch):
    """8 MB of drawing instructions packed into 24 KB took pypdf 70 s to read; a stream
    that unpacks to over 200 times its packed size is refused before it is parsed."""
    from pypdf import PageObject

    line = b"BT /F1 12 Tf 72 700 Td (Hallo Welt das ist Text.) Tj ET\n"
    path = tmp_path / "cheap.pdf"
    path.write_bytes(pdf_bytes([line * (8 * MB // len(line))]))
    assert path.stat().st_size < 100_000
    monkeypatch.setattr(PageObject, "extract_text", lambda *a, **k: pytest.fail("parsed"))
    assert "too many drawing instructions" in one_line_error(path)


def test_pdf_page_and_text_caps(tmp_path, monkeypatch):
    path = tmp_path / "long.pdf"
    path.write_bytes(pdf_bytes([text_page(f"Das ist Seite {i}.") for i in range(5)]))
    assert "Das ist Seite 4." in load_within(path).text
    monkeypatch.setattr(formats, "PDF_MAX_PAGES", 4, raising=False)
    assert "has 5 pages" in one_line_error(path)
    monkeypatch.setattr(formats, "PDF_MAX_PAGES", 2000, raising=False)
    monkeypatch.setattr(formats, "PDF_MAX_CHARS", 40, raising=False)
    assert "characters of text" in one_line_error(path)


# --- B: devices, FIFOs, and files swapped under the loader ---------------------------------


@pytest.mark.parametrize("name", ["doc.txt", "doc.docx", "doc.pdf", "doc.md", "doc.html"])
def test_fifo_is_refused_at_once(tmp_path, name):
    fifo = tmp_path / name
    os.mkfifo(fifo)
    assert "is not a regular file" in one_line_error(fifo, seconds=10)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
@pytest.mark.parametrize("name", ["x.txt", "x.docx", "x.pdf"])
def test_symlink_to_a_device_is_refused_at_once(tmp_path, device, name):
    link = tmp_path / name
    link.symlink_to(device)
    assert "is not a regular file" in one_line_error(link, seconds=10)


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_parsers_never_open_the_path_again(tmp_path, monkeypatch, suffix):
    """The file is swapped for a FIFO right after it was read: python-docx and pypdf used
    to open the path themselves, and blocked on the FIFO."""
    path = tmp_path / f"doc{suffix}"
    if suffix == ".docx":
        path.write_bytes(docx_bytes("Die Lage im Osten."))
    else:
        path.write_bytes(pdf_bytes([text_page("Die Lage im Osten.")]))
    real_read = article_mod.read_file

    def read_then_swap(file: Path) -> bytes:
        data = real_read(file)
        fifo = tmp_path / "swap.fifo"
        os.mkfifo(fifo)
        os.replace(fifo, file)
        return data

    monkeypatch.setattr(article_mod, "read_file", read_then_swap)
    article = load_within(path, seconds=10)
    assert article.text == "Die Lage im Osten."
    assert article.source.path == str(path)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("kind", ["fifo.docx", "fifo.txt", "zero.txt", "urandom.txt"])
def test_cli_segment_refuses_fifos_and_devices(tmp_path, kind):
    what, _, suffix = kind.partition(".")
    path = tmp_path / f"x.{suffix}"
    if what == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to(f"/dev/{what}")
    result = run_cli("segment", str(path))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "not a regular file" in lines[0] and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_cli_segment_refuses_a_docx_bomb(tmp_path):
    bomb = zeros_member(tmp_path / "bomb.docx", docx_bytes("Hallo."), "word/document.xml", 220)
    result = run_cli("segment", str(bomb))
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "zip bomb" in result.stderr and "Traceback" not in result.stderr
