"""Search results: one sentence per hit, the matches highlighted, a click opens it."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import QTextBrowser

from desktop.core.library.records import snippet_parts


def snippet_html(snippet: str, mark: str = "#ffe08a") -> str:
    """SNIPPET (matches between the store's markers) as escaped HTML, matches highlighted."""
    out = []
    for text, matched in snippet_parts(snippet):
        escaped = html.escape(text)
        # dark text on the light mark: readable in the dark theme too
        out.append(
            f"<b style='background:{mark}; color:#1b1b1b'>{escaped}</b>" if matched else escaped
        )
    return "".join(out)


class SearchResults(QTextBrowser):
    """The hits of a library search; emits the article and sentence the reader clicked."""

    resultActivated = Signal(object, str)  # article id, sentence id

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("librarySearchResults")
        self.setAccessibleName(self.tr("Library search results"))
        self.setOpenLinks(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.anchorClicked.connect(self._on_anchor)
        self.hits: list = []
        self.query = ""
        self.mark_colour = "#ffe08a"
        self.show_message(self.tr("Type in the search box to search every article."))

    def show_message(self, message: str) -> None:
        """Say something instead of results (nothing searched, failed)."""
        self.hits = []
        self.setHtml(f"<p><i>{html.escape(message)}</i></p>")

    def set_hits(self, query: str, hits: list) -> None:
        """Show HITS of QUERY, each linking to its article and sentence."""
        self.query, self.hits = query, list(hits)
        if not self.hits:
            self.show_message(self.tr("Nothing found for “%1”.").replace("%1", query))
            self.hits = []
            return
        head = (
            self.tr("%1 sentences found for “%2”")
            .replace("%1", str(len(self.hits)))
            .replace("%2", query)
        )
        parts = [f"<p><b>{html.escape(head)}</b></p>"]
        for n, hit in enumerate(self.hits):
            lang = "DE" if hit.language == "de" else "EN"
            meta = " · ".join(x for x in (hit.date or "", lang) if x)
            parts.append(
                "<p style='margin-top:6px'>"
                f"<a href='hit:{n}'>{html.escape(hit.title or '')}</a>"
                f" <span style='color:gray'>{html.escape(meta)}</span><br>"
                f"{snippet_html(hit.snippet, self.mark_colour)}</p>"
            )
        self.setHtml("".join(parts))

    def activate(self, n: int) -> None:
        """Open result N (what a click on its link does)."""
        hit = self.hits[n]
        self.resultActivated.emit(hit.article_id, hit.sentence_id)

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() != "hit":
            return
        try:
            n = int(url.path() or url.host())
        except ValueError:
            return
        if 0 <= n < len(self.hits):
            self.activate(n)
