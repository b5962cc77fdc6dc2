"""Load a document into an Article: decoded text, paragraphs, headings and sentences.

Offsets are character offsets into ``Article.text`` (NFC-normalised, ``\\n`` line endings),
so ``article.text[s.start:s.end] == s.text`` holds for every sentence.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from desktop.core.errors import LagebildError
from desktop.core.files import FileTooLarge, UnreadableFile, read_limited
from desktop.core.text import language as language_mod
from desktop.core.text import segment

# 20 MB must work (issue 2); far beyond that a reading aid is the wrong tool, and we would
# rather say so than freeze the window.
MAX_BYTES = 64 * 1024 * 1024

# A heading is a short line with no sentence-final punctuation.
_HEADING_MAX_CHARS = 90
_HEADING_MAX_WORDS = 12
_FINAL_PUNCT = tuple(".!?:;,…。！？") + ('"', "“", "”", "»", "«", ")")
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})[ \t]+", re.MULTILINE)


class ArticleError(LagebildError):
    """A document that cannot be read; ``str(error)`` is one clear line for the user."""


@dataclass(frozen=True)
class Sentence:
    """One sentence: a stable id and its span in ``Article.text``."""

    id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A heading or a text paragraph and its sentences."""

    id: str
    kind: str  # "heading" | "text"
    start: int
    end: int
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Source:
    """Where the text came from and how it was decoded.

    Web pages (.html/.htm/.xhtml files, pasted HTML, URLs; see ``documents.web``) also carry
    the page's metadata, which extractor found the text ("trafilatura" or "structural"), a
    one-line ``warning`` when the page has almost no article text (a consent or paywall
    page), and ``raw_html``: the page's bytes as read, fetched or pasted (UTF-8), so that
    ``web.reextract`` can run the extraction again. For other documents these stay None.
    """

    path: str | None
    name: str
    encoding: str
    size: int
    language: str
    title: str | None = None
    site: str | None = None
    date: str | None = None  # publication date as found, normally ISO "YYYY-MM-DD"
    author: str | None = None
    url: str | None = None  # where the page was fetched from, else its canonical address
    description: str | None = None
    extractor: str | None = None
    warning: str | None = None
    raw_html: bytes | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class Article:
    """A decoded document split into paragraphs and sentences."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    source: Source
    _index: dict = field(default_factory=dict, compare=False, repr=False)

    def sentences(self) -> list[Sentence]:
        """All sentences in document order."""
        return [s for p in self.paragraphs for s in p.sentences]

    def sentence(self, sentence_id: str) -> Sentence:
        """The sentence with this id (KeyError if there is none)."""
        if not self._index:
            self._index.update((s.id, s) for s in self.sentences())
        return self._index[sentence_id]

    @cached_property
    def title(self) -> str:
        """The first heading, else the source's name."""
        for para in self.paragraphs:
            if para.kind == "heading" and para.sentences:
                return para.sentences[0].text
        return self.source.name


# --- decoding ----------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "a program",
}


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes to text: BOM first, then strict UTF-8, then Windows-1252/Latin-1."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise ArticleError(f"the file starts like {encoding} but is not valid") from exc
    _reject_binary(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        # A UTF-8 text with a damaged or cut-off character: keep UTF-8, mark the damage.
        return data.decode("utf-8", errors="replace"), "utf-8 (damaged bytes replaced)"
    try:
        return data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 maps every byte.
        return data.decode("latin-1"), "latin-1"


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def _mostly_utf8(data: bytes) -> bool:
    """True when the bytes hold real UTF-8 sequences and only a few invalid ones.

    Windows-1252 text almost never contains valid UTF-8 multi-byte sequences, while a
    UTF-8 file cut in the middle of a character has one invalid sequence at its end.
    """
    sample = data[:1_000_000]
    valid = len(_UTF8_MULTIBYTE.findall(sample))
    invalid = sample.decode("utf-8", errors="replace").count("\ufffd")
    return valid >= 1 and invalid <= max(1, valid // 100)


def _reject_binary(data: bytes) -> None:
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise ArticleError(f"this is {what}, not a text file")
    head = data[:65536]
    if not head:
        return
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    # A few stray NULs in a text are tolerated (removed later); a file full of control
    # bytes is not text in any encoding we read.
    if controls / len(head) > 0.02:
        raise ArticleError("this looks like a binary file, not text")


def normalise(text: str) -> str:
    """Normalise line endings to LF, drop NULs and stray controls, compose to NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return unicodedata.normalize("NFC", text)


# --- loading -----------------------------------------------------------------------------


def load_text_file(path: str | os.PathLike, language: str = "de") -> Article:
    """Read and split a plain text file; raise ArticleError with a clear message on bad input.

    ``language="auto"`` guesses the language from the script (German for Latin script).
    """
    file = Path(path)
    data = read_file(file)
    try:
        text, encoding = decode(data)
    except ArticleError as exc:
        raise ArticleError(f"{file.name}: {exc}") from None
    return _build(text, Source(str(file), file.name, encoding, len(data), language))


def read_file(file: Path) -> bytes:
    """The bytes of a document file; ArticleError for a missing, unreadable or huge file."""
    try:
        return read_limited(file, MAX_BYTES)
    except FileTooLarge:
        raise ArticleError(f"{file.name} is too large; Lagebild reads files up to 64 MB") from None
    except UnreadableFile as exc:
        raise ArticleError(str(exc)) from None
    except FileNotFoundError:
        raise ArticleError(f"{file} does not exist") from None
    except PermissionError:
        raise ArticleError(f"{file} cannot be read (permission denied)") from None
    except IsADirectoryError:
        raise ArticleError(f"{file} is a folder, not a file") from None
    except OSError as exc:
        raise ArticleError(f"{file} cannot be read: {exc.strerror or exc}") from None


def from_text(text: str, name: str = "Pasted text", language: str = "de") -> Article:
    """Split text that is already decoded (pasted, or extracted from HTML/DOCX/PDF)."""
    size = len(text.encode("utf-8", "surrogatepass"))
    return _build(text, Source(None, name, "utf-8", size, language))


def _build(raw: str, source: Source) -> Article:
    text = normalise(raw)
    if not text.strip():
        what = "empty" if not raw else "only whitespace"
        raise ArticleError(f"{source.name} is {what}: there is nothing to read")
    if source.language == language_mod.AUTO:
        source = replace(source, language=language_mod.guess(text))
    paragraphs = []
    for number, (start, end, kind) in enumerate(_paragraph_spans(text), 1):
        pid = f"p{number}"
        if kind == "heading":
            spans = [(start, end)]
        else:
            spans = segment.split(text, start, end, source.language)
        sentences = tuple(
            Sentence(f"{pid}s{i}", s, e, text[s:e]) for i, (s, e) in enumerate(spans, 1)
        )
        if sentences:
            paragraphs.append(Paragraph(pid, kind, start, end, sentences))
    return Article(text=text, paragraphs=tuple(paragraphs), source=source)


# --- paragraphs and headings -------------------------------------------------------------


def _paragraph_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, kind) for each paragraph, whitespace trimmed."""
    lines = _line_spans(text)
    if _looks_hard_wrapped(text, lines):
        yield from _blocks_of_wrapped_lines(text, lines)
        return
    for start, end in lines:
        yield from _classified(text, start, end)


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def _looks_hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """True for text wrapped at a fixed width (one paragraph spread over several lines)."""
    if len(lines) < 6 or "\n\n" not in text:
        return False
    lengths = sorted(e - s for s, e in lines)
    median = lengths[len(lengths) // 2]
    unfinished = sum(1 for s, e in lines if text[e - 1] not in '.!?:"“”»)')
    return 40 <= median <= 100 and lengths[-1] <= 110 and unfinished / len(lines) > 0.5


def _blocks_of_wrapped_lines(
    text: str, lines: list[tuple[int, int]]
) -> Iterator[tuple[int, int, str]]:
    block: list[tuple[int, int]] = []
    for span in lines + [(-1, -1)]:
        if block and (span[0] < 0 or "\n\n" in text[block[-1][1] : span[0]]):
            start, end = block[0][0], block[-1][1]
            if len(block) == 1:
                yield from _classified(text, start, end)
            else:
                yield start, end, "text"
            block = []
        if span[0] >= 0:
            block.append(span)


def _classified(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    marker = _MARKDOWN_HEADING.match(text, start, end)
    if marker:
        body = marker.end()
        if body < end:
            yield body, end, "heading"
        return
    yield start, end, "heading" if is_heading(text[start:end]) else "text"


def is_heading(line: str) -> bool:
    """A short line without sentence-final punctuation is a heading."""
    line = line.strip()
    return (
        0 < len(line) <= _HEADING_MAX_CHARS
        and len(line.split()) <= _HEADING_MAX_WORDS
        and not line.endswith(_FINAL_PUNCT)
        and not line[0].islower()
    )
