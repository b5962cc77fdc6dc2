"""Exports: a bilingual HTML document and the article's glossary as CSV or TBX.

The hits may include dictionary terms (``source == "dictionary"``, from
:mod:`desktop.core.terms`): they are marked in both columns as a quieter kind of term
(class ``term dict``) and listed after the glossary entries, with their English senses and
no definition. The glossary file export holds curated entries only.
"""

from __future__ import annotations

import html
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, TypeGuard

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from desktop.core.documents import Article
    from desktop.core.glossary.matching import Hit
    from desktop.core.glossary.termbase import Entry, Termbase
    from desktop.core.terms import TermHit

_CSS = """
body { font-family: "DejaVu Sans", sans-serif; margin: 2em auto; max-width: 72em;
       color: #1b1b1b; line-height: 1.45; }
table.bilingual { border-collapse: collapse; width: 100%; }
table.bilingual td { vertical-align: top; padding: .35em .8em; width: 50%;
                     border-bottom: 1px solid #eee; }
tr.heading td { font-weight: bold; font-size: 1.15em; padding-top: 1em; }
.term { border-bottom: 2px solid #1f6fb8; }
.term.dict { border-bottom: 1px dotted #8a8f96; }
.untranslated { color: #999; font-style: italic; }
dl.glossary dt { font-weight: bold; margin-top: .6em; }
dl.glossary dd { margin-left: 1.5em; }
.flag { color: #b35c00; }
"""


_DICTIONARY = "dictionary"


def _dictionary_term(hit: object) -> TypeGuard[TermHit]:
    from desktop.core.terms import TermHit

    return isinstance(hit, TermHit) and hit.source == _DICTIONARY


def _marked(text: str, ranges: list[tuple[int, int, str, str]]) -> str:
    """TEXT as HTML with RANGES (start, end, entry_id, title) wrapped in term spans.

    An entry id starting with ``ding:`` is a dictionary term (the quieter class).
    """
    out, pos = [], 0
    for start, end, entry_id, title in sorted(ranges):
        if start < pos:
            continue  # overlapping hits: keep the first
        css = "term dict" if entry_id.startswith("ding:") else "term"
        out.append(html.escape(text[pos:start]))
        out.append(
            f'<span class="{css}" data-entry="{html.escape(entry_id)}" '
            f'title="{html.escape(title)}">{html.escape(text[start:end])}</span>'
        )
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _target_ranges(
    target: str, hits: Iterable[Hit | TermHit], termbase: Termbase | None
) -> list[tuple[int, int, str, str]]:
    """Where each hit's English rendering occurs, by the rule the window and term check use."""
    from desktop.core.glossary.termcheck import rendering_spans

    if termbase is None:
        return []
    return [
        (s.start, s.end, s.entry.id, s.entry.de) for s in rendering_spans(termbase, hits, target)
    ]


def bilingual_html(
    article: Article,
    translations: Mapping[str, str | None],
    hits: Iterable[Hit | TermHit] = (),
    termbase: Termbase | None = None,
) -> str:
    """A standalone HTML page: German and English in two aligned columns, glossary appendix.

    HITS are glossary hits and, optionally, dictionary terms (TermHits of that source).
    """
    hits = list(hits)
    by_sentence: dict[str, list] = {}
    for hit in hits:
        by_sentence.setdefault(hit.sentence_id, []).append(hit)
    title = html.escape(article.title)
    rows = []
    for para in article.paragraphs:
        css = ' class="heading"' if para.kind == "heading" else ""
        for sent in para.sentences:
            sent_hits = by_sentence.get(sent.id, [])
            src_ranges = []
            for hit in sent_hits:
                if _dictionary_term(hit):
                    title = "; ".join(hit.en)
                else:
                    entry = termbase.get(hit.entry_id) if termbase is not None else None
                    title = entry.en if entry else ""
                src_ranges.append(
                    (hit.start - sent.start, hit.end - sent.start, hit.entry_id, title)
                )
            target = translations.get(sent.id)
            if target:
                tgt = _marked(target, _target_ranges(target, sent_hits, termbase))
            else:
                tgt = '<span class="untranslated">(not translated)</span>'
            rows.append(
                f'<tr id="{sent.id}"{css}><td lang="{article.source.language}">'
                f'{_marked(sent.text, src_ranges)}</td><td lang="en">{tgt}</td></tr>'
            )
    appendix = []
    counts = Counter(h.entry_id for h in hits if not _dictionary_term(h))
    for entry_id in sorted(counts, key=lambda e: _sort_name(termbase, e)):
        entry = termbase.get(entry_id) if termbase is not None else None
        if entry is None:
            continue
        appendix.append(
            f'<dt id="term-{html.escape(entry.id)}">{html.escape(entry.de)} — '
            f"{html.escape(entry.en)} <small>({html.escape(entry.category)}, "
            f"{counts[entry_id]}×)</small></dt><dd>{html.escape(entry.definition or '')}</dd>"
        )
    glossary = (
        '<h2>Glossary</h2><dl class="glossary">' + "".join(appendix) + "</dl>" if appendix else ""
    )
    glossary += _dictionary_appendix([h for h in hits if _dictionary_term(h)])
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{_CSS}</style></head><body>"
        f'<h1>{title}</h1><table class="bilingual"><thead><tr><th>Deutsch</th>'
        f"<th>English</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"{glossary}</body></html>\n"
    )


def _dictionary_appendix(terms: list[TermHit]) -> str:
    """The dictionary terms after the glossary: German, English senses, how often."""
    counts = Counter(t.key for t in terms)
    first: dict[str, TermHit] = {}
    for term in terms:
        first.setdefault(term.key, term)
    items = []
    for key in sorted(first, key=lambda k: first[k].de.lower()):
        term = first[key]
        items.append(
            f'<dt id="term-{html.escape(key)}">{html.escape(term.de)} — '
            f"{html.escape('; '.join(term.en))} "
            f"<small>(dictionary, {counts[key]}×)</small></dt><dd></dd>"
        )
    if not items:
        return ""
    return '<h2>From the dictionary</h2><dl class="glossary dict">' + "".join(items) + "</dl>"


def _sort_name(termbase: Termbase | None, entry_id: str) -> str:
    entry = termbase.get(entry_id) if termbase is not None else None
    return (entry.de if entry else entry_id).lower()


def glossary_entries(hits: Iterable[Hit], termbase: Termbase | None) -> list[tuple[Entry, int]]:
    """(entry, hit count) for each entry found in the article, sorted by German term."""
    counts = Counter(h.entry_id for h in hits)
    found: list[tuple[Entry, int]] = []
    for entry_id, n in counts.items():
        entry = termbase.get(entry_id) if termbase is not None else None
        if entry is not None:
            found.append((entry, n))
    return sorted(found, key=lambda p: p[0].de.lower())


def write_glossary(path: Path, hits: Iterable[Hit], termbase: Termbase | None) -> None:
    """Write the article's glossary entries as CSV or TBX (by suffix), importable again."""
    from desktop.core.glossary import tbx
    from desktop.core.glossary.termbase import GlossaryError

    entries = [e for e, _ in glossary_entries(hits, termbase)]
    try:
        tbx.export_file(entries, Path(path))
    except GlossaryError as exc:  # one clear line for the user
        raise OSError(str(exc)) from None
