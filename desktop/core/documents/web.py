"""Web pages as Articles: the article's own text and metadata, from a file, a paste or a URL.

A full page goes through trafilatura, which finds the main text (menus, cookie banners,
teasers, "read more" boxes, comments and footers left out) and reads the metadata (title,
date, author, site name, canonical URL, description; JSON-LD, OpenGraph and ``<meta>``).
Its result keeps the page's structure: ``<head>`` elements become ``# `` heading lines,
paragraphs, list items, quotes and table rows ("cell | cell") become paragraphs separated
by blank lines. trafilatura's balanced mode runs first; when it returns one undivided
block (its baseline fallback joins headline and paragraphs), precision mode is tried. When
the headline is not among the first blocks, the metadata title is put in front as heading.

The structural extraction of :func:`formats.html_to_text` (every block of the page, minus
scripts, menus, asides, forms and footers) is used instead, and ``Source.extractor`` says
so, where trafilatura is the wrong tool or finds too little:

* a fragment (HTML pasted from a browser, or a saved piece without ``<html>``/``<body>``):
  the user chose that text, so nothing is dropped from it;
* a page where trafilatura finds no article prose (an index page, a table, a short note):
  fewer than ``MIN_PROSE_CHARS`` characters in paragraphs of six or more words that end
  like a sentence;
* a page over ``MAX_TRAFILATURA_BYTES`` (trafilatura's own default limit).

Before either extractor runs, AMP furniture (``amp-ad``, ``amp-consent``, ...) and consent
or paywall dialogs (recognised by their ids and classes) are removed. ``Source.warning``
is one line when the result has little prose: below ``WALL_PROSE_CHARS`` with signs of a
consent page (such a dialog, or consent words in the text) or of a paywall (JSON-LD
``isAccessibleForFree: false``, a paywall box, subscription words) it names that; below
``MIN_PROSE_CHARS`` without such signs it says the page may not be an article. What text
there is, is kept.

The raw HTML is kept in ``Source.raw_html`` (the bytes as read, fetched or pasted) with the
page's address in ``Source.url``, so :func:`reextract` can run the extraction again.

Decoding is ours, not trafilatura's (which guesses rather than reading ``<meta charset>``):
a BOM, else strict UTF-8, else the declared charset, else Windows-1252/Latin-1. The page is
parsed once with lxml and the tree handed to trafilatura, so both extractors see the same
text. trafilatura, lxml and bs4 load on first use only.
"""

from __future__ import annotations

import codecs
import dataclasses
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from desktop.core.documents import article as article_mod
from desktop.core.documents import formats
from desktop.core.documents.article import Article, ArticleError, Source

if TYPE_CHECKING:
    from desktop.core import net

TRAFILATURA = "trafilatura"
STRUCTURAL = "structural"
EXTRACTORS = (TRAFILATURA, STRUCTURAL)

#: Limits for pages read from the web.
MAX_URL_BYTES = 10_000_000
URL_TIMEOUT = 15.0  # seconds for each connect and read
URL_TOTAL_TIMEOUT = 60.0  # seconds for the whole transfer
URL_TYPES = ("text/html", "application/xhtml+xml", "application/pdf")

#: Beyond this many bytes trafilatura is not tried (its own default limit); structural only.
MAX_TRAFILATURA_BYTES = 20_000_000
#: trafilatura's result is used when its prose paragraphs hold at least this many characters.
MIN_PROSE_CHARS = 120
#: A page with consent or paywall signs and less prose than this (characters) is a "wall".
WALL_PROSE_CHARS = 400

# AMP furniture: ads, consent, share buttons, analytics; never article text.
_AMP_FURNITURE = (
    "amp-ad", "amp-embed", "amp-sticky-ad", "amp-consent", "amp-analytics",
    "amp-social-share", "amp-user-notification", "amp-pixel", "amp-auto-ads",
)  # fmt: skip
# Consent and paywall dialogs, by id or class (anchored compounds and CMP vendor names; a
# bare "cookie" or "paywall" also names real content, e.g. a subscriber's full text).
_CONSENT_RE = (
    r"consent[-_]?(?:wall|layer|message|overlay|dialog|popup|modal|banner|box)"
    r"|cookie[-_]?(?:wall|layer|banner|notice|overlay|dialog|consent)"
    r"|sp_message|didomi|usercentrics|onetrust|cookiebot|cmp[-_]?(?:container|wrapper|layer|box)"
)
_PAYWALL_RE = (
    r"paywall[-_]?(?:offer|box|banner|prompt|cta|teaser|message|overlay|layer|hint)"
    r"|(?:piano|tp)[-_](?:offer|paywall)|abo[-_]?(?:teaser|offer|box|wall)|plus[-_]?teaser"
)
_FREE_FALSE = re.compile(rb"[\"']isAccessibleForFree[\"']\s*:\s*[\"']?false", re.I)
_CONSENT_WORDS = frozenset(
    "cookies cookie zustimmung zustimmen einwilligung einverstanden akzeptieren tracking "
    "werbetracking datenschutz-einstellungen datenschutzeinstellungen partner consent".split()
)
_PAYWALL_WORDS = frozenset(
    "abo abonnent abonnieren abonnement weiterlesen kündbar testen freischalten "
    "digitalabo premium registrieren".split()
)
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.I,
)
_FRAGMENT_MARK = re.compile(r"<!--\s*StartFragment", re.I)
_PAGE_MARK = re.compile(r"<!doctype|<html\b|<head\b|<body\b", re.I)
_SENTENCE_END = tuple('.!?…"“”»«)')
_WORD = re.compile(r"\w+")


class WebPageError(ArticleError):
    """A page that could not be fetched; ``kind`` is a ``desktop.core.net`` kind.

    ``str(error)`` is one line for the user, as for every ArticleError.
    """

    def __init__(self, message: str, kind: str, url: str = "", status: int | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.url = url
        self.status = status


@dataclass(frozen=True)
class Extraction:
    """What extraction found in a page: text (blank-line paragraphs, '# ' headings) and more."""

    text: str
    extractor: str  # TRAFILATURA | STRUCTURAL
    encoding: str
    title: str | None = None
    site: str | None = None
    date: str | None = None
    author: str | None = None
    url: str | None = None
    description: str | None = None
    warning: str | None = None


# --- public entry points -----------------------------------------------------------------


def is_url(text: str) -> bool:
    """True when TEXT is an http(s) address (what the CLI and the window fetch)."""
    return bool(re.match(r"https?://\S", text.strip(), re.I))


def is_fragment(html: str) -> bool:
    """True for a piece of HTML (a browser's clipboard, a saved snippet), not a whole page."""
    head = html[:4096]
    return bool(_FRAGMENT_MARK.search(head)) or not _PAGE_MARK.search(head)


def extract(data: bytes | str, url: str | None = None, extractor: str | None = None) -> Extraction:
    """Extract the article of a page (bytes as read, or already decoded text).

    ``extractor`` forces one of :data:`EXTRACTORS`; by default trafilatura is used unless
    the input is a fragment or trafilatura finds too little (see the module docstring).
    Raises ArticleError for bytes that are not text (an image, a program, ...).
    """
    if extractor is not None and extractor not in EXTRACTORS:
        raise ValueError(f"unknown extractor {extractor!r}")
    if isinstance(data, bytes):
        html, encoding = decode_html(data)
    else:
        html, encoding = data, "utf-8"
    html = article_mod.normalise(html)
    if extractor != TRAFILATURA and is_fragment(html):
        text = formats.html_to_text(html)  # a fragment is what the user chose: keep it all
        return Extraction(text, STRUCTURAL, encoding, url=url, warning=_little_text(text, set()))
    tree = _parse(html)
    if tree is None:
        text = formats.html_to_text(html)
        return Extraction(text, STRUCTURAL, encoding, url=url, warning=_little_text(text, set()))
    found = _prune(tree)
    raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
    signs = found | ({"paywall"} if _FREE_FALSE.search(raw[:2_000_000]) else set())
    big = len(raw) > MAX_TRAFILATURA_BYTES
    meta: dict[str, str | None] = {}
    used = TRAFILATURA
    if extractor == STRUCTURAL or (extractor is None and big):
        meta = {} if big else _metadata(tree, url)
        text, used = formats.html_to_text(_serialise(tree)), STRUCTURAL
    else:
        text, meta = _trafilatura(tree, url)
        if extractor is None and _prose_chars(text) < MIN_PROSE_CHARS:
            structural = formats.html_to_text(_serialise(tree))
            if structural.strip():
                text, used = structural, STRUCTURAL
    return Extraction(
        text=text,
        extractor=used,
        encoding=encoding,
        title=meta.get("title"),
        site=meta.get("site"),
        date=meta.get("date"),
        author=meta.get("author"),
        url=meta.get("url") or url,
        description=meta.get("description"),
        warning=_little_text(text, signs),
    )


def article_from_html(
    data: bytes | str,
    name: str,
    language: str = "de",
    path: str | None = None,
    url: str | None = None,
    extractor: str | None = None,
) -> Article:
    """An Article from a page's bytes (a file or a download) or pasted HTML text.

    ``url`` is where the page came from, if known (it helps trafilatura and is kept as
    ``Source.url``). Raises ArticleError when the page holds no readable text.
    """
    raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
    try:
        found = extract(data, url=url, extractor=extractor)
    except ArticleError as exc:
        raise ArticleError(f"{name}: {exc}") from None
    if not found.text.strip():
        raise ArticleError(f"{name} contains no readable text")
    art = article_mod.from_text(found.text, name=name, language=language)
    source = dataclasses.replace(
        art.source,
        path=path,
        encoding=found.encoding,
        size=len(raw),
        title=found.title,
        site=found.site,
        date=found.date,
        author=found.author,
        url=found.url if url is None else url,
        description=found.description,
        extractor=found.extractor,
        warning=found.warning,
        raw_html=raw,
    )
    return dataclasses.replace(art, source=source)


def reextract(article: Article, extractor: str | None = None) -> Article:
    """Run the extraction of a web Article again from its kept raw HTML (e.g. structural)."""
    src = article.source
    if src.raw_html is None:
        raise ArticleError(f"{src.name} is not a web page; there is no HTML to extract again")
    return article_from_html(src.raw_html, name=src.name, language=src.language,
                             path=src.path, url=src.url, extractor=extractor)  # fmt: skip


def load_url(
    url: str,
    language: str = "de",
    *,
    timeout: float = URL_TIMEOUT,
    total_timeout: float = URL_TOTAL_TIMEOUT,
    max_bytes: int = MAX_URL_BYTES,
    progress: Callable[[int, int | None], None] | None = None,
    cancel: threading.Event | None = None,
    extractor: str | None = None,
) -> Article:
    """Fetch an http(s) page and extract its article, the URL passed to the extractor.

    Through ``desktop.core.net``: ``timeout`` per network operation, ``total_timeout`` for
    the transfer, at most ``net.MAX_REDIRECTS`` redirects, at most ``max_bytes`` bytes, only
    HTML/XHTML (or PDF) answers. A PDF (also one served as text/html, known by its magic
    bytes) is read as a PDF document. Failures raise WebPageError (an ArticleError).
    """
    from desktop.core import net

    url = url.strip()
    try:
        got = net.fetch(url, timeout=timeout, total_timeout=total_timeout, max_bytes=max_bytes,
                        accept=URL_TYPES, progress=progress, cancel=cancel)  # fmt: skip
    except net.NetError as exc:
        raise _web_error(exc) from None
    name = page_name(got.url)
    if _is_pdf(got.body):
        return _pdf_article(got, name, language)
    if got.content_type == "application/pdf":
        raise WebPageError(f"{name}: the server calls it a PDF, but it is not one",
                           "content_type", got.url, got.status)  # fmt: skip
    return article_from_html(got.body, name=name, language=language, url=got.url,
                             extractor=extractor)  # fmt: skip


def extraction_note(source: Source) -> str | None:
    """One line for the status bar: which extractor found a web page's text, and why.

    None for documents that are not web pages. The warning (consent wall, paywall, no
    article text) comes last, since it is what the reader must act on.
    """
    if source.extractor is None:
        return None
    if source.extractor == TRAFILATURA:
        note = "Article text extracted by trafilatura"
    elif source.raw_html is not None and is_fragment(_text_of(source.raw_html)):
        note = "Pasted HTML kept as it is (structural extraction)"
    else:
        note = "Structural extraction used: trafilatura found too little article text"
    return f"{note}. {source.warning}" if source.warning else f"{note}."


def _text_of(raw: bytes) -> str:
    return raw[:5000].decode("utf-8", "replace")


def page_name(url: str) -> str:
    """A short name for a page: its host and path, e.g. 'example.org/politik/artikel.html'."""
    parts = urlsplit(url)
    name = (parts.hostname or "") + unquote(parts.path).rstrip("/")
    name = re.sub(r"\s+", " ", name) or url
    return name if len(name) <= 80 else name[:79] + "…"


# --- decoding and parsing ----------------------------------------------------------------


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode a page: BOM, strict UTF-8, the declared charset, then Windows-1252/Latin-1."""
    text, encoding = article_mod.decode(data)  # also refuses images, PDFs, programs
    if encoding in ("windows-1252", "latin-1") or encoding.startswith("utf-8 ("):
        declared = _declared_charset(data)
        if declared is not None:
            try:
                return data.decode(declared), declared
            except UnicodeDecodeError:
                pass
    return text, encoding


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED.search(data[:4096])
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii", "replace").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name.startswith(("utf-16", "utf-32")):
        return None  # a BOM-less page cannot be UTF-16 and say so in ASCII
    # As browsers do (WHATWG): Latin-1 and ASCII labels mean Windows-1252.
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _parse(html: str) -> Any:
    """The page as an lxml tree (<html> root), or None when lxml cannot read it."""
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        return lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        return None


def _serialise(tree: Any) -> str:
    import lxml.html

    return str(lxml.html.tostring(tree, encoding="unicode"))


def _prune(tree: Any) -> set[str]:
    """Remove AMP furniture and consent/paywall dialogs; return the signs found."""
    consent = re.compile(_CONSENT_RE, re.I)
    paywall = re.compile(_PAYWALL_RE, re.I)
    found: set[str] = set()
    doomed = []
    for node in tree.iter():
        tag = node.tag
        if not isinstance(tag, str) or tag in ("html", "body"):
            continue
        if tag in _AMP_FURNITURE:
            if tag == "amp-consent":
                found.add("consent")
            doomed.append(node)
            continue
        names = f"{node.get('id') or ''} {node.get('class') or ''}"
        if names == " ":
            continue
        if consent.search(names):
            found.add("consent")
            doomed.append(node)
        elif paywall.search(names):
            found.add("paywall")
            doomed.append(node)
    for node in doomed:
        if node.getparent() is not None:
            node.drop_tree()  # keeps the tail text, which belongs to the parent
    return found


# --- trafilatura -------------------------------------------------------------------------


def _trafilatura(tree: Any, url: str | None) -> tuple[str, dict[str, str | None]]:
    """Main text ('# ' headings, blank-line paragraphs) and metadata, or ("", {}).

    trafilatura's balanced mode first. When it comes back as one undivided block (its
    baseline fallback, which joins headline and paragraphs into one), precision mode is
    tried and used if it keeps the paragraphs apart.
    """
    doc = _run_trafilatura(tree, url, precision=False)
    if doc is None:
        return "", {}
    blocks = list(_blocks(doc.body)) if doc.body is not None else []
    if len(blocks) == 1:
        again = _run_trafilatura(tree, url, precision=True)
        more = list(_blocks(again.body)) if again is not None and again.body is not None else []
        if len(more) >= 2:
            blocks = more
    meta = _meta(doc)
    title = meta["title"]
    if blocks and title and not any(b.startswith("# ") and b[2:] == title for b in blocks[:3]):
        if not blocks[0].startswith(title):
            blocks.insert(0, "# " + title)  # the headline stood outside the article body
    return "\n\n".join(_as_heading(b) for b in blocks), meta


def _meta(doc: Any) -> dict[str, str | None]:
    """The metadata of a trafilatura Document, whitespace tidied, empty values None."""
    return {
        "title": _clean(doc.title),
        "site": _clean(doc.sitename),
        "date": _clean(doc.date),
        "author": _clean(doc.author),
        "url": _clean(doc.url),
        "description": _clean(doc.description),
    }


def _metadata(tree: Any, url: str | None) -> dict[str, str | None]:
    """Only the metadata (for the structural pass), as trafilatura reads it."""
    import trafilatura

    _quiet_loggers()
    try:
        return _meta(trafilatura.extract_metadata(tree, default_url=url))
    except (ValueError, TypeError, RecursionError):
        return {}


def _run_trafilatura(tree: Any, url: str | None, precision: bool) -> Any:
    """trafilatura's Document for the tree (with metadata, without comments), or None."""
    import trafilatura

    _quiet_loggers()
    try:
        doc = trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, include_links=False, include_formatting=False,
            deduplicate=False, favor_precision=precision, output_format="python",
        )  # fmt: skip
    except (ValueError, TypeError, RecursionError):  # trafilatura's own "cannot" signals
        return None
    return None if doc is None or isinstance(doc, dict) else doc


# trafilatura's output elements that make paragraphs (a <cell> only separates within its row).
_BLOCK_TAGS = {"p", "head", "item", "row", "quote", "list", "table", "code", "div", "section",
               "article", "main", "lb", "body", "note", "figure"}  # fmt: skip
_SKIPPED_TAGS = {"graphic", "del", "comment"}


def _blocks(body: Any) -> Iterator[str]:
    """Paragraph strings of trafilatura's XML body; headings come as '# ' + text."""
    buffer: list[str] = []
    heading = [False]

    def flush() -> Iterator[str]:
        for line in "".join(buffer).split("\n"):  # lines of a baseline <p> are paragraphs
            line = re.sub(r"\s+", " ", line).strip()
            if line:
                yield ("# " + line) if heading[0] else line
        buffer.clear()

    # (element, phase): phase 0 enters it, 1 leaves it (and then its tail follows).
    stack: list[tuple[Any, int, bool]] = [(body, 0, False)]
    while stack:
        node, phase, restore = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else ""
        block = tag in _BLOCK_TAGS
        if phase == 0:
            if tag in _SKIPPED_TAGS:
                buffer.append(node.tail or "")
                continue
            if block:
                yield from flush()
            stack.append((node, 1, heading[0]))
            if tag == "head":
                heading[0] = True
            buffer.append(node.text or "")
            stack.extend((child, 0, False) for child in reversed(list(node)))
            continue
        if tag == "cell" and node.getnext() is not None:
            buffer.append(" | ")  # the cells of a row stay one line
        if block:
            yield from flush()
            heading[0] = restore
        buffer.append(node.tail or "")
    yield from flush()


def _as_heading(block: str) -> str:
    """A '# ' block as our heading line (bare when article.py knows it as one anyway)."""
    return formats._heading(block[2:]) if block.startswith("# ") else block


def _quiet_loggers() -> None:
    """Keep trafilatura's helpers from printing warnings on stderr (no handler of their own)."""
    import logging

    for name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = re.sub(r"\s+", " ", value).strip()
    return value or None


# --- deciding and warning ----------------------------------------------------------------


def _prose_chars(text: str) -> int:
    """Characters in paragraphs that read like prose: 6+ words ending like a sentence."""
    total = 0
    for para in text.split("\n\n"):
        para = para.strip()
        if para and not para.startswith("# ") and para.endswith(_SENTENCE_END):
            if len(para.split()) >= 6:
                total += len(para)
    return total


def _little_text(text: str, signs: set[str]) -> str | None:
    """The warning for a page with almost no article text, else None.

    SIGNS are what the markup showed ("consent", "paywall"); the words of the text add
    theirs. A page with little prose and such signs is named a consent or paywall page; any
    page with (almost) no prose paragraphs gets the general warning.
    """
    prose = _prose_chars(text)
    if prose >= WALL_PROSE_CHARS:
        return None  # the article is there, whatever banners the page also shows
    words = _WORD.findall(text.lower())
    found = set(signs)
    vocabulary = set(words)
    if len(vocabulary & _CONSENT_WORDS) >= 3:
        found.add("consent")
    if len(vocabulary & _PAYWALL_WORDS) >= 2:
        found.add("paywall")
    count = f"{len(words)} word{'s' if len(words) != 1 else ''}"
    if "consent" in found:
        why = ("it looks like a consent page (cookie wall); accept it in the browser and "
               "save or open the page again")  # fmt: skip
    elif "paywall" in found:
        why = "it looks like a paywall; the rest of the article is for subscribers"
    elif prose < MIN_PROSE_CHARS:
        why = "it may not be an article, or its text is loaded by a script"
    else:
        return None
    return f"Almost no article text on this page ({count}): {why}."


# --- URLs --------------------------------------------------------------------------------


def _web_error(exc: net.NetError) -> WebPageError:
    return WebPageError(str(exc), exc.kind, exc.url, exc.status)


def _is_pdf(body: bytes) -> bool:
    return b"%PDF-" in body[:1024]


def _pdf_article(got: net.Fetched, name: str, language: str) -> Article:
    """A PDF that came over HTTP, read by the PDF loader from the bytes in memory."""
    text = formats.pdf_to_text(got.body, name)
    if not text.strip():
        raise ArticleError(f"{name} contains no readable text")
    art = article_mod.from_text(text, name=name, language=language)
    source = dataclasses.replace(art.source, size=len(got.body), url=got.url)
    return dataclasses.replace(art, source=source)
