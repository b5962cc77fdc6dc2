"""Library exports: a term's mentions as CSV, and a bilingual HTML digest of articles.

Both are written with ``files.write_text_atomic``: a failed export leaves any older file.
All text in the digest is escaped; nothing from an article becomes markup.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.library.records import LibraryError, QueryError

if TYPE_CHECKING:
    from desktop.core.glossary.termbase import Termbase
    from desktop.core.library.records import StoredArticle
    from desktop.core.library.store import Library

CSV_HEADER = ("date", "title", "site", "sentence", "german", "english", "term", "article")


def _write(dest: Path, text: str) -> None:
    from desktop.core.files import write_text_atomic

    try:
        write_text_atomic(dest, text)
    except OSError as exc:
        raise LibraryError(f"cannot write {dest}: {exc.strerror or exc}") from None


def term_csv(library: Library, query: str, dest: Path, *, termbase: Termbase | None = None) -> int:
    """One row per mention of the term QUERY names (oldest first); the number of rows.

    QueryError when no stored article mentions such a term (no file is written).
    """
    rows = library.mentions(query, termbase=termbase)
    if not rows:
        raise QueryError(f"no article in the library mentions {query.strip()!r}")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for m in rows:
        writer.writerow(
            (m.day, m.title, m.site or "", m.sentence_id, m.german, m.english or "", m.text,
             m.article_id)
        )  # fmt: skip
    _write(dest, out.getvalue())
    return len(rows)


_CSS = """
body { font-family: "DejaVu Sans", sans-serif; margin: 2em auto; max-width: 72em;
       color: #1b1b1b; line-height: 1.45; }
article { margin-bottom: 3em; }
.meta { color: #555; }
table.bilingual { border-collapse: collapse; width: 100%; }
table.bilingual td { vertical-align: top; padding: .35em .8em; width: 50%;
                     border-bottom: 1px solid #eee; }
tr.heading td { font-weight: bold; }
.term { border-bottom: 2px solid #1f6fb8; }
.untranslated { color: #999; font-style: italic; }
"""


def _marked(stored: StoredArticle, sentence_start: int, text: str, sid: str) -> str:
    """The sentence as HTML with its term hits underlined (overlaps: the first wins)."""
    out, pos = [], 0
    for hit in sorted((h for h in stored.hits if h.sentence_id == sid), key=lambda h: h.start):
        start, end = hit.start - sentence_start, hit.end - sentence_start
        if start < pos or end > len(text):
            continue
        title = html.escape(f"{hit.de} — {', '.join(hit.en)}", quote=True)
        out += [html.escape(text[pos:start]), f'<span class="term" title="{title}">',
                html.escape(text[start:end]), "</span>"]  # fmt: skip
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _article_html(stored: StoredArticle) -> list[str]:
    row = stored.row
    meta = " · ".join(html.escape(x) for x in (row.site, row.date or row.day, row.author) if x)
    parts = [f'<article id="article-{row.id}">', f"<h2>{html.escape(row.title)}</h2>"]
    link = row.url or row.path
    if meta or link:
        href = (
            f' · <a href="{html.escape(row.url, quote=True)}">{html.escape(row.url)}</a>'
            if row.url
            else (f" · {html.escape(link)}" if link else "")
        )
        parts.append(f'<p class="meta">{meta}{href}</p>')
    parts.append('<table class="bilingual">')
    for para in stored.article.paragraphs:
        css = ' class="heading"' if para.kind == "heading" else ""
        for s in para.sentences:
            english = stored.translations.get(s.id)
            target = (
                html.escape(english)
                if english is not None
                else '<span class="untranslated">(not translated)</span>'
            )
            parts.append(
                f'<tr{css} id="a{row.id}-{html.escape(s.id)}"><td lang="de">'
                f'{_marked(stored, s.start, s.text, s.id)}</td><td lang="en">{target}</td></tr>'
            )
    parts += ["</table>", "</article>"]
    return parts


def digest_html(library: Library, article_ids: Sequence[int], dest: Path) -> int:
    """A bilingual digest of the articles (in the order given) at DEST; how many articles.

    UnknownArticle for an id the library does not have (no file is written).
    """
    ids = list(dict.fromkeys(article_ids))
    if not ids:
        raise LibraryError("the digest is empty: choose at least one article")
    stored = [library.get(i) for i in ids]
    body = [
        "<!DOCTYPE html>",
        '<html lang="de"><head><meta charset="utf-8">',
        f"<title>Lagebild digest ({len(stored)} articles)</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>Lagebild digest: {len(stored)} articles</h1>",
        '<ol class="contents">',
    ]
    body += [
        f'<li><a href="#article-{s.row.id}">{html.escape(s.row.title)}</a></li>' for s in stored
    ]
    body.append("</ol>")
    for s in stored:
        body += _article_html(s)
    body.append("</body></html>")
    _write(dest, "\n".join(body) + "\n")
    return len(stored)
