"""Open .txt/.md/.html/.docx/.pdf files as Articles (text extraction, then article.from_text).

Every bad file raises ArticleError with one clear line; nothing here imports Qt.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.documents import article as article_mod
from desktop.core.documents.article import Article, ArticleError

if TYPE_CHECKING:  # heavy libraries are imported where they are used
    import zipfile

    from pypdf import PageObject, PdfReader
    from pypdf.generic import StreamObject

_MB = 1024 * 1024

MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".docx", ".pdf")

# Block-level HTML elements: each starts a new paragraph in the extracted text.
_BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "dd",
    "dt",
    "dl",
    "figure",
    "figcaption",
    "br",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "body",
    "nav",
    "address",
    "caption",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Not prose, or page furniture around a news article (menus, forms, side boxes).
_DROPPED = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "head",
    "iframe",
    "object",
    "nav",
    "aside",
    "form",
    "button",
    "select",
    "footer",
}


def load_document(path: str | os.PathLike[str], language: str = "de") -> Article:
    """Load any supported file into an Article; raises ArticleError on bad input.

    The file is read once, as bytes, by ``article.read_file`` (which refuses devices, pipes
    and sockets before opening them, and files over its cap); the parsers get those bytes,
    never the path, so nothing here can block on a FIFO or read a file that was swapped in
    after the check.
    """
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix not in MARKDOWN_SUFFIXES + HTML_SUFFIXES + (".docx", ".pdf"):
        return article_mod.load_text_file(file, language=language)
    data = article_mod.read_file(file)
    if suffix in MARKDOWN_SUFFIXES:
        text = markdown_to_text(_decode(file, data))
    elif suffix in HTML_SUFFIXES:  # web pages: article text and metadata (web.py)
        from desktop.core.documents import web

        return web.article_from_html(data, name=file.name, path=str(file), language=language)
    elif suffix == ".docx":
        text = docx_to_text(data, file.name)
    else:
        text = pdf_to_text(data, file.name)
    if not text.strip():
        raise ArticleError(f"{file.name} contains no readable text")
    art = article_mod.from_text(text, name=file.name, language=language)
    source = dataclasses.replace(art.source, path=str(file), size=len(data))
    return dataclasses.replace(art, source=source)


def document_from_text(text: str, name: str = "Pasted text", language: str = "de") -> Article:
    """Pasted text (plain, or HTML from a browser) as an Article."""
    if re.search(r"<(p|div|h[1-6]|br|span|article)\b", text[:5000], re.I):
        from desktop.core.documents import web

        return web.article_from_html(text, name=name, language=language)
    return article_mod.from_text(text, name=name, language=language)


def _decode(file: Path, data: bytes) -> str:
    try:
        text, _ = article_mod.decode(data)
    except ArticleError as exc:
        raise ArticleError(f"{file.name}: {exc}") from None
    return text


# --- markdown --------------------------------------------------------------------------

_MD_RULES = (
    (re.compile(r"^```.*?^```\s*$", re.M | re.S), ""),  # code blocks are not prose
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images -> alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links -> link text
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),  # block quotes
    (re.compile(r"^\s{0,3}([-*+]|\d+\.)\s+", re.M), ""),  # list markers
    (re.compile(r"^\s{0,3}([-*_]\s*){3,}$", re.M), ""),  # horizontal rules
    (re.compile(r"<[^>\n]+>"), ""),  # inline HTML tags
)


def markdown_to_text(source: str) -> str:
    """Markdown to plain text, keeping '# ' headings (article.py reads them as headings)."""
    text = source
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return text


# --- HTML ------------------------------------------------------------------------------


def html_to_text(source: str) -> str:
    """HTML to paragraphs: scripts/styles dropped, headings marked with '# '."""
    from bs4 import BeautifulSoup
    from bs4.element import Comment, NavigableString, Tag

    soup = BeautifulSoup(source, "html.parser")
    paragraphs: list[str] = []
    buffer: list[str] = []
    heading = [False]

    def flush() -> None:
        line = re.sub(r"\s+", " ", "".join(buffer)).strip()
        buffer.clear()
        if line:
            paragraphs.append(_heading(line) if heading[0] else line)

    # An explicit stack, not recursion: pages nest thousands of <div>s deep.
    # (children, heading to restore)
    stack: list[tuple[Iterator[Any], bool | None]] = [(iter((soup.body or soup).children), None)]
    while stack:
        children, restore = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if restore is not None:  # leaving a block element
                flush()
                heading[0] = restore
            continue
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            buffer.append(str(child))
        elif isinstance(child, Tag):
            name = child.name.lower()
            if name in _DROPPED:
                continue
            if name in _BLOCKS:
                flush()
                stack.append((iter(child.children), heading[0]))
                heading[0] = name in _HEADINGS
            else:
                stack.append((iter(child.children), None))
    flush()
    return "\n\n".join(paragraphs)


def _heading(line: str) -> str:
    """A heading line: bare when article.py recognises it anyway, else with a '# ' marker."""
    return line if article_mod.is_heading(line) else "# " + line


# --- DOCX ------------------------------------------------------------------------------

# A .docx file is a zip archive, and python-docx unpacks every part into memory at once: a
# 3.5 MB crafted file ("zip bomb") once drove the loader past 7.6 GB. The archive's
# directory is checked against these caps before anything is unpacked, and the parts are
# then unpacked by us, in chunks, counting the bytes that really come out.
DOCX_MAX_MEMBERS = 5_000
DOCX_MAX_UNPACKED = 256 * _MB  # all parts together, as the archive's directory declares them
DOCX_MAX_RATIO = 200  # unpacked size : packed size, for parts over DOCX_RATIO_FLOOR
DOCX_RATIO_FLOOR = _MB
# The XML parts together: python-docx parses them into about 12 times their size in memory
# (measured: 32 MB of document.xml -> 560 MB peak, and 25 s for its 670,000 paragraphs).
DOCX_MAX_XML = 32 * _MB
_UNPACK_CHUNK = _MB
_ZIP_ENTRY = b"PK\x01\x02"  # starts every entry of a zip archive's central directory


def docx_to_text(data: bytes, name: str) -> str:
    """Paragraph texts of the Word document DATA (named NAME); heading styles become '# '."""
    import io

    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    parts = _unpack_docx(data, name)
    try:
        document = docx.Document(io.BytesIO(parts))
        paragraphs = document.paragraphs
    except MemoryError:
        raise ArticleError(f"{name} is too large to open (out of memory)") from None
    except (PackageNotFoundError, KeyError, ValueError, XMLSyntaxError):
        raise ArticleError(f"{name} is not a valid Word (.docx) document") from None
    # python-docx looks a paragraph's style up in styles.xml on every access (about 0.6 ms),
    # which made a document of many short paragraphs take minutes: look each style up once.
    style_names: dict[str | None, str] = {}
    lines = []
    for para in paragraphs:
        text = para.text.strip()
        if not text:
            continue
        style_id = para._p.style  # the paragraph's w:pStyle id; None for the default style
        if style_id not in style_names:
            style = para.style
            style_names[style_id] = (style.name if style is not None else "") or ""
        style_name = style_names[style_id]
        is_heading = style_name.startswith("Heading") or style_name == "Title"
        lines.append(_heading(text) if is_heading else text)
    return "\n\n".join(lines)


def _unpack_docx(data: bytes, name: str) -> bytes:
    """The Word document DATA repacked, uncompressed, for python-docx, within the caps above.

    Only the XML parts (``.xml``, ``.rels``) are unpacked; images and other binary parts
    are replaced by empty ones, since only the text is read. The repacked archive is ours,
    so the sizes python-docx unpacks are the ones counted here, not ones a file claims.
    Raises ArticleError for an invalid archive or one that would unpack too much.
    """
    import io
    import zipfile
    import zlib

    invalid = f"{name} is not a valid Word (.docx) document"
    # zipfile builds an object per directory entry when it opens the archive; count the
    # entries' signature first (an upper bound on the entry count) so that even that is
    # bounded.
    if data.count(_ZIP_ENTRY) > DOCX_MAX_MEMBERS:
        raise ArticleError(f"{name} has more than {DOCX_MAX_MEMBERS} parts; it is not read")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            # One entry per name: the one zipfile (and so python-docx) would read.
            infos = [source.getinfo(n) for n in dict.fromkeys(source.namelist())]
            _check_docx_directory(infos, name)
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
                budget = DOCX_MAX_XML
                for info in infos:
                    if info.is_dir():
                        continue
                    part = b""
                    if info.filename.lower().endswith((".xml", ".rels")):
                        part = _unpack_member(source, info, budget, name)
                        budget -= len(part)
                    target.writestr(zipfile.ZipInfo(info.filename), part)
    except ArticleError:
        raise
    except MemoryError:
        raise ArticleError(f"{name} is too large to open (out of memory)") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError):
        raise ArticleError(invalid) from None
    return out.getvalue()


def _check_docx_directory(infos: list[zipfile.ZipInfo], name: str) -> None:
    """ArticleError if the archive's directory declares too many or too large parts."""
    if len(infos) > DOCX_MAX_MEMBERS:
        raise ArticleError(f"{name} has more than {DOCX_MAX_MEMBERS} parts; it is not read")
    total = 0
    for info in infos:
        size, packed = info.file_size, max(1, info.compress_size)
        if size > DOCX_RATIO_FLOOR and size > DOCX_MAX_RATIO * packed:
            raise ArticleError(
                f"{name} holds a part that would unpack to {size // packed} times its size "
                f"(a zip bomb?); it is not read"
            )
        total += size
    if total > DOCX_MAX_UNPACKED:
        raise ArticleError(
            f"{name} would unpack to {total // _MB} MB; Lagebild opens Word documents of up "
            f"to {DOCX_MAX_UNPACKED // _MB} MB unpacked"
        )


def _unpack_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int,
                   name: str) -> bytes:  # fmt: skip
    """The unpacked bytes of one XML part, read in chunks; ArticleError past BUDGET bytes."""
    import zipfile

    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        # Word writes stored or deflated parts only; bzip2 and lzma would unpack without
        # any bound per read.
        raise ArticleError(f"{name} is not a valid Word (.docx) document")
    if info.flag_bits & 0x1:
        raise ArticleError(f"{name} is encrypted; Lagebild cannot open it")
    chunks, size = [], 0
    with archive.open(info) as member:
        while chunk := member.read(_UNPACK_CHUNK):
            size += len(chunk)
            if size > budget:
                raise ArticleError(
                    f"{name} holds more than {DOCX_MAX_XML // _MB} MB of text markup; "
                    f"Lagebild does not open it"
                )
            chunks.append(chunk)
    return b"".join(chunks)


def _clean_pdf_page(page: str) -> str:
    # Text layers often separate words by tabs or runs of spaces, and carry page numbers.
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in page.splitlines()]
    page_number = re.compile(r"[-–— ]*\d+[-–— ]*")
    return "\n".join(line for line in lines if line and not page_number.fullmatch(line))


# --- PDF -------------------------------------------------------------------------------

# pypdf unpacks a page's streams when it reads the page and keeps them unpacked, so a small
# file of many small flate "bombs" grew without end (1.4 MB, 20 pages -> 1.5 GB and 190 s).
# pypdf reads only about 0.3 MB of drawing instructions per second (measured on text
# operators), so the content caps also bound the time a crafted file can take.
PDF_MAX_PAGES = 2_000
PDF_MAX_STREAM = 32 * _MB  # unpacked bytes of one stream (pypdf's own limit, where it has one)
PDF_MAX_PAGE_CONTENT = 16 * _MB  # unpacked drawing instructions of one page
PDF_MAX_CONTENT = 64 * _MB  # ... and of all pages together
PDF_MAX_CHARS = 32 * _MB  # extracted characters
# Drawing instructions compress some 3-10 times; a stream that unpacks to far more than its
# packed size costs minutes of pypdf's time for a few KB of file (8 MB from 24 KB: 70 s).
PDF_MAX_RATIO = 200  # unpacked : packed size, for streams over PDF_RATIO_FLOOR
PDF_RATIO_FLOOR = _MB
# pypdf's limits on what one stream may unpack to, where it has apply_configuration (7.x;
# pypdf 6 has fixed limits of 75 MB, pypdf 5 none).
_PYPDF_LIMITS = (
    "zlib_maximum_output_length",
    "lzw_maximum_output_length",
    "run_length_maximum_output_length",
    "brotli_maximum_output_length",
    "array_based_stream_maximum_output_length",
)


def pdf_to_text(data: bytes, name: str) -> str:
    """The text layer of the PDF DATA (named NAME); hyphenated line breaks are joined."""
    import io
    import struct
    import zlib

    import pypdf.errors
    from pypdf import PdfReader

    limit_reached = getattr(pypdf.errors, "LimitReachedError", ())  # pypdf >= 6
    try:
        with _pypdf_limits():
            pages = _pdf_pages(PdfReader(io.BytesIO(data)), name)
    except ArticleError:
        raise
    except MemoryError:
        raise ArticleError(f"{name} is too large to open (out of memory)") from None
    except limit_reached:
        raise ArticleError(f"{name} holds a stream that unpacks too large; not read") from None
    except pypdf.errors.DependencyError:  # AES encryption without the cryptography package
        raise ArticleError(f"{name} is encrypted in a way Lagebild cannot open") from None
    except (pypdf.errors.PyPdfError, ValueError, KeyError, TypeError, IndexError,
            AttributeError, OSError, RecursionError, zlib.error, struct.error) as exc:  # fmt: skip
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise ArticleError(f"{name} is not a readable PDF ({reason})") from None
    pages = [_clean_pdf_page(p) for p in pages]
    text = "\n\n".join(p for p in pages if p)
    if not text:
        raise ArticleError(f"{name} has no text layer (a scanned PDF?); nothing to read")
    return re.sub(r"(\w)-\n(\w)", r"\1\2", text)


def _pypdf_limits() -> contextlib.AbstractContextManager[object]:
    """pypdf's per-stream limits lowered to PDF_MAX_STREAM for this thread, where configurable."""
    import pypdf

    apply = getattr(pypdf, "apply_configuration", None)
    current = getattr(pypdf, "get_configuration", lambda: None)()
    if apply is None or current is None:
        return contextlib.nullcontext()
    lowered = {
        key: min(getattr(current, key), PDF_MAX_STREAM)
        for key in _PYPDF_LIMITS
        if isinstance(getattr(current, key, None), int)
    }
    context: contextlib.AbstractContextManager[object] = apply(**lowered)
    return context


def _pdf_pages(reader: PdfReader, name: str) -> list[str]:
    """The extracted text of each page, within the PDF_MAX_* caps (ArticleError past them)."""
    if reader.is_encrypted and not reader.decrypt(""):
        raise ArticleError(f"{name} is password-protected")
    count = len(reader.pages)
    if count > PDF_MAX_PAGES:
        raise ArticleError(
            f"{name} has {count} pages; Lagebild opens PDFs of up to {PDF_MAX_PAGES} pages"
        )
    too_much = f"{name} holds too many drawing instructions (a PDF bomb?); it is not read"
    pages: list[str] = []
    content = chars = 0
    for page in reader.pages:
        streams = _content_streams(page)
        size = 0
        for stream in streams:  # unpacked here (within pypdf's limits), reused by extract_text
            unpacked = len(stream.get_data())
            size += unpacked
            if size > PDF_MAX_PAGE_CONTENT or content + size > PDF_MAX_CONTENT:
                raise ArticleError(too_much)
            packed = _packed_size(stream)
            if packed and unpacked > PDF_RATIO_FLOOR and unpacked > PDF_MAX_RATIO * packed:
                raise ArticleError(too_much)
        content += size
        text = page.extract_text() or ""
        _forget_unpacked(page, streams)
        chars += len(text)
        if chars > PDF_MAX_CHARS:
            raise ArticleError(
                f"{name} holds more than {PDF_MAX_CHARS // _MB} million characters of text; "
                f"Lagebild does not open it"
            )
        pages.append(text)
    return pages


def _packed_size(stream: StreamObject) -> int | None:
    """The packed size of a stream as read from the file, at least 1 (None if unknown).

    pypdf drops /Length once it has read a stream, and keeps the packed bytes in ``_data``
    (pypdf 5 to 7); without it the ratio check is skipped, the other caps still hold.
    """
    packed = getattr(stream, "_data", None)
    return max(1, len(packed)) if isinstance(packed, bytes | bytearray) else None


def _content_streams(page: PageObject) -> list[StreamObject]:
    """The streams of a page's /Contents (one stream or an array of them)."""
    from pypdf.generic import ArrayObject, StreamObject

    contents = page.get("/Contents")
    if contents is None:
        return []
    resolved = contents.get_object()
    items = list(resolved) if isinstance(resolved, ArrayObject) else [resolved]
    streams = [item.get_object() for item in items]
    return [s for s in streams if isinstance(s, StreamObject)]


def _forget_unpacked(page: PageObject, streams: list[StreamObject]) -> None:
    """Drop pypdf's unpacked copies of a finished page's streams and forms, so that memory
    does not grow page by page (nested forms keep theirs)."""
    from pypdf.generic import DictionaryObject, StreamObject

    done = list(streams)
    resources = page.get("/Resources")
    resources = resources.get_object() if resources is not None else None
    xobjects = resources.get("/XObject") if isinstance(resources, DictionaryObject) else None
    xobjects = xobjects.get_object() if xobjects is not None else None
    if isinstance(xobjects, DictionaryObject):
        done += [x for x in (v.get_object() for v in xobjects.values())
                 if isinstance(x, StreamObject)]  # fmt: skip
    for stream in done:
        if getattr(stream, "decoded_self", None) is not None:
            stream.decoded_self = None
