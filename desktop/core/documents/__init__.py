"""Getting text in: the Article model and the one loader for files, pasted text and URLs.

Every caller (the CLI commands, the window's document service, the benches) opens documents
through ``load()``, ``load_text()`` or ``load_url()``, so a format read by one is read by all.
Web pages (files, pasted HTML, URLs) go through ``web``: article text and metadata.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

from desktop.core.documents.article import Article, ArticleError, Paragraph, Sentence, Source
from desktop.core.documents.formats import SUPPORTED, document_from_text, load_document
from desktop.core.documents.web import WebPageError, is_url, reextract

__all__ = [
    "SUPPORTED",
    "Article",
    "ArticleError",
    "Paragraph",
    "Sentence",
    "Source",
    "WebPageError",
    "is_url",
    "load",
    "load_text",
    "load_url",
    "reextract",
]


def load(path: str | os.PathLike[str], language: str = "de") -> Article:
    """Open a .txt/.md/.html/.docx/.pdf file as an Article; ArticleError on bad input."""
    return load_document(path, language=language)


def load_text(text: str, name: str = "Pasted text", language: str = "de") -> Article:
    """Pasted or already decoded text (plain, or HTML from a browser) as an Article."""
    return document_from_text(text, name=name, language=language)


def load_url(
    url: str,
    language: str = "de",
    *,
    progress: Callable[[int, int | None], None] | None = None,
    cancel: threading.Event | None = None,
) -> Article:
    """Fetch an http(s) web page (or PDF) and extract its article; ArticleError on failure.

    Limits (``web.load_url`` takes them as arguments): 15 s per network operation, 60 s in
    all, 5 redirects, 10 MB; HTML, XHTML or PDF only. Failures are ``WebPageError``s.
    """
    from desktop.core.documents import web

    return web.load_url(url, language=language, progress=progress, cancel=cancel)
