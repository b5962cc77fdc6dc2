"""Getting text in: the Article model and the one loader for files and pasted text.

Every caller (the CLI commands, the window's document service, the benches) opens documents
through ``load()`` or ``load_text()``, so a format read by one is read by all.
"""

from __future__ import annotations

import os

from desktop.core.documents.article import Article, ArticleError, Paragraph, Sentence, Source
from desktop.core.documents.formats import SUPPORTED, document_from_text, load_document

__all__ = [
    "SUPPORTED",
    "Article",
    "ArticleError",
    "Paragraph",
    "Sentence",
    "Source",
    "load",
    "load_text",
]


def load(path: str | os.PathLike[str], language: str = "de") -> Article:
    """Open a .txt/.md/.html/.docx/.pdf file as an Article; ArticleError on bad input."""
    return load_document(path, language=language)


def load_text(text: str, name: str = "Pasted text", language: str = "de") -> Article:
    """Pasted or already decoded text (plain, or HTML from a browser) as an Article."""
    return document_from_text(text, name=name, language=language)
