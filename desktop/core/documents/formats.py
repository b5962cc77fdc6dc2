"""Open .txt/.md/.html/.docx/.pdf files as Articles (text extraction, then article.from_text).

Every bad file raises ArticleError with one clear line; nothing here imports Qt.
"""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

from desktop.core.documents import article as article_mod
from desktop.core.documents.article import Article, ArticleError

MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".docx", ".pdf")

# Block-level HTML elements: each starts a new paragraph in the extracted text.
_BLOCKS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "li", "ul", "ol",
    "blockquote", "pre", "table", "tr", "td", "th", "dd", "dt", "dl", "figure", "figcaption",
    "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "body", "nav", "address", "caption",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Not prose, or page furniture around a news article (menus, forms, side boxes).
_DROPPED = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object",
            "nav", "aside", "form", "button", "select", "footer"}


def load_document(path: str | os.PathLike, language: str = "de") -> Article:
    """Load any supported file into an Article; raises ArticleError on bad input."""
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix not in MARKDOWN_SUFFIXES + HTML_SUFFIXES + (".docx", ".pdf"):
        return article_mod.load_text_file(file, language=language)
    data = article_mod.read_file(file)
    if suffix in MARKDOWN_SUFFIXES:
        text = markdown_to_text(_decode(file, data))
    elif suffix in HTML_SUFFIXES:
        text = html_to_text(_decode(file, data))
    elif suffix == ".docx":
        text = docx_to_text(file)
    else:
        text = pdf_to_text(file)
    if not text.strip():
        raise ArticleError(f"{file.name} contains no readable text")
    art = article_mod.from_text(text, name=file.name, language=language)
    source = dataclasses.replace(art.source, path=str(file), size=len(data))
    return dataclasses.replace(art, source=source)


def document_from_text(text: str, name: str = "Pasted text", language: str = "de") -> Article:
    """Pasted text (plain, or HTML from a browser) as an Article."""
    if re.search(r"<(p|div|h[1-6]|br|span|article)\b", text[:5000], re.I):
        text = html_to_text(text)
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
    stack = [(iter((soup.body or soup).children), None)]  # (children, heading to restore)
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


def docx_to_text(file: Path) -> str:
    """Paragraph texts of a Word document; heading styles become '# ' headings."""
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(str(file))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError):
        raise ArticleError(f"{file.name} is not a valid Word (.docx) document") from None
    lines = []
    for para in document.paragraphs:
        text = para.text.strip()
        if not text:
            continue
        style = (para.style.name if para.style is not None else "") or ""
        is_heading = style.startswith("Heading") or style == "Title"
        lines.append(_heading(text) if is_heading else text)
    return "\n\n".join(lines)


def _clean_pdf_page(page: str) -> str:
    # Text layers often separate words by tabs or runs of spaces, and carry page numbers.
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in page.splitlines()]
    page_number = re.compile(r"[-–— ]*\d+[-–— ]*")
    return "\n".join(line for line in lines if line and not page_number.fullmatch(line))


# --- PDF -------------------------------------------------------------------------------


def pdf_to_text(file: Path) -> str:
    """The text layer of a PDF; hyphenated line breaks are joined."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(file))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ArticleError(f"{file.name} is password-protected")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ArticleError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ArticleError(f"{file.name} is not a readable PDF ({exc})") from None
    pages = [_clean_pdf_page(p) for p in pages]
    text = "\n\n".join(p for p in pages if p)
    if not text:
        raise ArticleError(f"{file.name} has no text layer (a scanned PDF?); nothing to read")
    return re.sub(r"(\w)-\n(\w)", r"\1\2", text)
