"""What the library hands out: plain, frozen records (no SQLite rows leave the package)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop.core.errors import LagebildError

if TYPE_CHECKING:
    from desktop.core.documents.article import Article
    from desktop.core.terms import TermHit

#: Markers around a match in ``SearchHit.snippet``. Private-use characters, so they cannot
#: collide with article text the way "**" or "<b>" could; ``snippet_parts`` splits on them.
MARK_START, MARK_END = "\ue000", "\ue001"
#: Where a snippet was cut (FTS5 snippet() ellipsis).
ELLIPSIS = "…"


class LibraryError(LagebildError):
    """A library operation that failed; ``str(error)`` is one line for the user."""


class UnknownArticle(LibraryError):
    """No article has this id."""

    def __init__(self, article_id: int) -> None:
        super().__init__(f"the library has no article {article_id}")
        self.article_id = article_id


class QueryError(LibraryError):
    """A search or term query that cannot be run (empty, or only punctuation)."""


@dataclass(frozen=True)
class AddResult:
    """What ``Library.add_article`` did: the article's id, and whether it was there already."""

    article_id: int
    duplicate: bool


@dataclass
class ImportReport:
    """Outcome of ``import_paths``: counts, the ids added, and one message per failed item."""

    added: int = 0
    duplicates: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)
    cancelled: bool = False
    stopped: str | None = None  # why the import stopped early (disk full, read-only)


@dataclass(frozen=True)
class ArticleRow:
    """One line of the article list (no text; cheap to list thousands)."""

    id: int
    title: str
    site: str | None
    author: str | None
    date: str | None  # the publication date as given by the source, normally ISO
    url: str | None
    path: str | None
    added: str  # ISO timestamp (UTC) of the import
    sentences: int
    translated: int  # sentences with at least one stored translation
    term_count: int  # term hits (all sources)
    tags: tuple[str, ...]
    read: bool
    deleted: bool = False
    day: str = ""  # the date used for sorting and timelines: article date, else added day

    @property
    def translated_share(self) -> float:
        """Translated sentences as a share of all sentences (0.0 to 1.0)."""
        return self.translated / self.sentences if self.sentences else 0.0


@dataclass(frozen=True)
class StoredArticle:
    """An article rebuilt from the library with its translations and term hits."""

    article: Article
    translations: dict[str, str]  # sentence id -> English (the latest stored model)
    hits: list[TermHit]
    row: ArticleRow
    model_key: str | None = None  # the model of the translations, None when there are none

    @property
    def id(self) -> int:
        return self.row.id


@dataclass(frozen=True)
class SearchHit:
    """One sentence matching a search; ``snippet`` has matches between MARK_START/MARK_END."""

    article_id: int
    sentence_id: str
    language: str  # "de" | "en"
    snippet: str
    title: str
    date: str | None
    how: str = "exact"  # "exact" | "lemma": which index found it


@dataclass(frozen=True)
class TermArticle:
    """A term's mentions in one article."""

    article_id: int
    title: str
    site: str | None
    date: str | None
    day: str
    count: int
    sentence_ids: tuple[str, ...]  # in document order, each once


@dataclass(frozen=True)
class CoMention:
    """A term that appears in the same articles as the queried one."""

    key: str
    de: str
    en: tuple[str, ...]
    source: str
    articles: int  # articles shared with the queried term
    mentions: int  # its mentions in those shared articles


@dataclass(frozen=True)
class TimelinePoint:
    """Mentions in one period: a day ("2025-03-14") or an ISO week ("2025-W11")."""

    period: str
    mentions: int
    articles: int


@dataclass(frozen=True)
class TermReport:
    """A term across the library: where, how often, since when, and with what."""

    key: str
    de: str
    en: tuple[str, ...]
    source: str  # "glossary" | "dictionary"
    kind: str
    mentions: int
    articles: list[TermArticle]  # by day, newest first
    first_seen: str  # day (ISO date)
    last_seen: str
    timeline: list[TimelinePoint]  # oldest first; periods without mentions left out
    co_mentions: list[CoMention]  # ranked: shared articles, then mentions
    period: str = "day"  # "day" | "week"
    alternatives: tuple[str, ...] = ()  # other keys the query could have meant
    co_window: int = 0  # co-mentions were counted over this many latest articles


@dataclass(frozen=True)
class Mention:
    """One mention of a term, for the CSV export and the term view's sentence list."""

    article_id: int
    day: str
    title: str
    site: str | None
    sentence_id: str
    german: str
    english: str | None
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class LibraryStats:
    """Sizes of the library."""

    articles: int
    deleted: int
    sentences: int
    translated: int
    term_hits: int
    terms: int
    sites: int
    database_bytes: int  # the database file plus its WAL


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """SNIPPET as (text, is_match) pieces, for a view that shows matches in bold."""
    parts: list[tuple[str, bool]] = []
    rest, inside = snippet, False
    while rest:
        marker = MARK_END if inside else MARK_START
        head, found, rest = rest.partition(marker)
        if head:
            parts.append((head, inside))
        if not found:
            break
        inside = not inside
    return parts


def plain_snippet(snippet: str, start: str = "[", end: str = "]") -> str:
    """SNIPPET with the markers replaced by START/END (for text output)."""
    return snippet.replace(MARK_START, start).replace(MARK_END, end)
