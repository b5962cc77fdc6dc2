"""The two reading panes: German source and English target, sentence-aligned by id.

An article is shown as a sequence of *units*, one text block each: a paragraph, or a
slice of whole sentences of a very long one. A small article (``_EAGER_CHARS``) is
rendered completely inside ``render``, as it always was.

A large article is *windowed*: the pane's QTextDocument holds only the units around the
viewport, a few screens above and below. Qt lays out about 1 MB of text per second and,
after any edit, passes over every block below it again, so a document holding all of a
20 MB article would take a minute to fill and tens of milliseconds for each translation
that arrives. ``render`` lays out the first screen; a zero-interval timer then keeps the
window a few screens ahead of the view (one unit per step, a few ms per event-loop turn)
and drops units far behind it. The QTextEdit's own scroll bar scrolls the window (wheel,
keys, the other pane); an overview scroll bar beside it spans the whole article, in
characters, and jumps the window anywhere. Sentence positions are kept relative to their
block, and a block's start comes from the document, so a translation shifts only the
sentences after it in the same block.

Everything that arrives for a sentence outside the window (translations, glossary hits)
is kept by sentence id and shown when its unit enters the window; ``scroll_to_sentence``
renders the sentence's neighbourhood at once. Document positions (``sentence_span``,
``term_ranges``, ``highlighted_ranges``) refer to what the document holds now.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
import time
from collections.abc import Callable
from contextlib import contextmanager
from itertools import islice

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPolygon,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QScrollBar, QTextEdit, QToolTip

from desktop.ui import themes

_MARGIN = 18  # left block margin: room for the sentence-flag marker

_EAGER_CHARS = 40_000  # articles up to this size are rendered completely at once
_UNIT_CHARS = 4_000  # a paragraph over twice this is shown as blocks of about this size
_STEP_SECONDS = 0.008  # GUI-thread time one pane takes per event-loop turn
_FIRST_SCREEN_SECONDS = 0.25  # upper bound for a synchronous screenful
_HITS_PER_SLICE = 4_000  # glossary hits grouped per slice of work
#: The kind (and source) of terms from the dictionary, shown more quietly than entries.
DICTIONARY_KIND = "dictionary"
# The window: keep this many viewport heights rendered beyond the top/bottom of the view,
# and drop units that lie more than _DROP_SCREENS away.
_AHEAD_SCREENS = 2
_DROP_SCREENS = 5

_SENTENCE_ID = re.compile(r"(.+)s(\d+)")  # "<paragraph id>s<number>" (documents.article)
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _u16(text: str) -> int:
    """Length of TEXT in UTF-16 code units (QTextDocument positions)."""
    n = len(text)
    if n and not text.isascii() and _ASTRAL.search(text):
        return len(text.encode("utf-16-le")) // 2
    return n


def _flat(text: str) -> str:
    """TEXT on one line: a line break would split the block the sentence lives in."""
    if "\n" in text or "\r" in text or "\u2029" in text:
        text = text.replace("\r", " ").replace("\n", " ").replace("\u2029", " ")
    return text


def _edit(method):
    """METHOD edits the document: the caret moves it causes are not the user's."""

    @functools.wraps(method)
    def run(self, *args, **kwargs):
        outer, self._editing = self._editing, True
        try:
            return method(self, *args, **kwargs)
        finally:
            self._editing = outer

    return run


class ArticlePane(QTextEdit):
    """A read-only rich-text pane that knows where each sentence and term lies."""

    sentenceHovered = Signal(object)  # sentence id or None
    sentenceActivated = Signal(str)  # clicked sentence id
    caretSentence = Signal(str)  # sentence under the keyboard caret
    termClicked = Signal(str)  # glossary entry id
    # Dictionary lookup: a plain left click outside a term (its viewport point), and a
    # selection the mouse made or extended (drag, double-click, shift+click).
    wordClicked = Signal(object)  # QPoint in viewport coordinates
    phraseSelected = Signal(int, int)  # document range
    scrolled = Signal()  # the view moved (not when the window is only kept in place)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.viewport().setMouseTracking(True)
        self.document().setDocumentMargin(14)
        self.document().setUndoRedoEnabled(False)  # read-only: an undo stack only costs
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        self.colours = themes.LIGHT
        self.tooltip_provider: Callable[[str], str] = lambda entry_id: entry_id
        self._flags: dict[str, list[str]] = {}
        self._hover: str | None = None
        self._aligned: str | None = None
        self._selected_entry: str | None = None
        self._press_pos = None
        self._editing = False  # inside one of the pane's own edits (see _edit)
        # True while the pane moves its scroll bar only to keep the view in place (the
        # window changed above it); the reading view does not mirror that.
        self.internal_scroll = False
        self._from_overview = False
        self._article = None  # the article last rendered
        self._termbase = None
        self._hits_by_sid: dict[str, list] = {}
        self._windowed = False
        self._reset()
        self._overview = QScrollBar(Qt.Orientation.Vertical, self)
        self._overview.hide()
        self._overview.valueChanged.connect(self._on_overview)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_timer)
        self.cursorPositionChanged.connect(self._on_cursor_moved)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    def _reset(self) -> None:
        self._paras: tuple = ()
        self._units: list[tuple[int, int, int]] = []  # (paragraph, first, end sentence)
        self._unit_start: list[int] = []  # article offset where each unit starts
        self._unit_size: list[int] = []  # and its length in article characters
        self._w0 = self._w1 = 0  # the document holds units [w0, w1), block k = unit w0+k
        self._para_index: dict[str, int] = {}  # paragraph id -> paragraph
        self._para_unit: list[int] = []  # paragraph -> its first unit
        self._hit_source = None  # iterator of hits being grouped by sentence
        self._hit_groups: dict[str, list] = {}
        self._selections_dirty = False
        self._formats: dict = {}
        self._forget_window()

    def _forget_window(self) -> None:
        self._unit_of: dict[str, int] = {}  # sentence in the document -> unit
        self._rel: dict[str, list[int]] = {}  # ... -> [start, end] in its block
        self._terms: dict[str, list[tuple[int, int, str, str]]] = {}  # sid -> rel ranges
        self._entry_sids: dict[str, set[str]] = {}  # entry id -> sentences in the document
        self._headings: set[str] = set()  # heading sentences in the document
        self._stale: set[int] = set()  # units in the document to render again

    # --- rendering -----------------------------------------------------------------------

    def _begin(self, article) -> str | None:
        """Clear the pane for ARTICLE; the top sentence to return to (a re-render)."""
        keep = self.top_sentence() if self._windowed and article is self._article else None
        self._reset()
        self._article = article
        self._paras = article.paragraphs
        self._windowed = len(article.text) > _EAGER_CHARS
        self._split_units()
        self._clear_document()
        self._show_overview(self._windowed)
        return keep

    def _split_units(self) -> None:
        units, starts, sizes = self._units, self._unit_start, self._unit_size
        self._para_index = {para.id: p for p, para in enumerate(self._paras)}
        first = self._para_unit
        for p, para in enumerate(self._paras):
            sentences = para.sentences
            first.append(len(units))
            if para.end - para.start <= 2 * _UNIT_CHARS:
                units.append((p, 0, len(sentences)))
                starts.append(para.start)
                sizes.append(para.end - para.start)
                continue
            a = 0
            while a < len(sentences):
                b, size = a, 0
                while b < len(sentences) and size < _UNIT_CHARS:
                    size += len(sentences[b].text)
                    b += 1
                start = para.start if a == 0 else sentences[a].start
                units.append((p, a, b))
                starts.append(start)
                sizes.append((para.end if b == len(sentences) else sentences[b].start) - start)
                a = b

    @_edit
    def _clear_document(self) -> None:
        self.document().clear()
        self._forget_window()
        self._tail = QTextCursor(self.document())  # moves along with what it appends

    def _caret_to_start(self) -> None:
        """Put the caret back at the start, with nothing selected.

        Text inserted into the empty document, where the caret stands, carries the caret
        along to its end (and the view follows the caret). keepPositionOnInsert is no
        help: it keeps the position but not the anchor, so the caret would select it all.
        """
        self.blockSignals(True)  # not a move of the user's: no caretSentence
        try:
            self.setTextCursor(QTextCursor(self.document()))
        finally:
            self.blockSignals(False)

    def _start(self, keep: str | None) -> None:
        """Render everything (small article) or the first screen; the rest follows."""
        if not self._units:
            return
        if not self._windowed:
            while self._w1 < len(self._units):
                self._append()
            self._work(math.inf)
            return
        height = max(self.viewport().height(), 600) * 1.5
        self._extend(0, 0, height, time.perf_counter() + _FIRST_SCREEN_SECONDS)
        if keep is not None:
            self.scroll_to_sentence(keep, at_top=True)
        self._after_work()
        self._kick()

    def render_complete(self) -> bool:
        """True when the pane has nothing left to do (terms applied, window filled)."""
        return self._article is None or not (
            self._hit_source is not None
            or self._stale
            or (self._windowed and self._upkeep(act=False))
        )

    def _kick(self) -> None:
        if not self._windowed:
            self._work(math.inf)
        elif not self._timer.isActive():
            self._timer.start()

    def _on_timer(self) -> None:
        if self._work(time.perf_counter() + _STEP_SECONDS):
            self._timer.start()

    def _work(self, until: float) -> bool:
        """Do pending work until the clock passes UNTIL; True if it stopped for the clock."""
        while self._article is not None:
            if self._hit_source is not None:
                self._group_hits()
            elif self._stale:
                self._rerender(self._next_stale())
            elif self._windowed and self._upkeep(act=True):
                pass
            else:
                break
            if time.perf_counter() >= until:
                self._after_work()
                return True
        self._after_work()
        return False

    def _after_work(self) -> None:
        if self._selections_dirty:
            self._refresh_selections()
        if self._windowed and not self._from_overview and not self._overview.isSliderDown():
            self._sync_overview()

    def _unit_index(self, sid: str) -> int | None:
        """The unit that shows sentence SID (None for an id not in the article)."""
        u = self._unit_of.get(sid)
        if u is not None:
            return u
        # Sentence ids name their paragraph; an id of another form is looked up in the
        # article (which builds its index of all sentences once).
        match = _SENTENCE_ID.fullmatch(sid)
        p = self._para_index.get(match[1]) if match else None
        i = int(match[2]) - 1 if match else -1
        if (
            p is None
            or not 0 <= i < len(self._paras[p].sentences)
            or self._paras[p].sentences[i].id != sid
        ):
            try:
                start = self._article.sentence(sid).start
            except KeyError:
                return None
            return max(0, bisect.bisect_right(self._unit_start, start) - 1)
        u = self._para_unit[p]
        while self._units[u][2] <= i:  # the slice of a long paragraph that holds it
            u += 1
        return u

    # --- the window ------------------------------------------------------------------------

    def _fill(self, cursor: QTextCursor, u: int, unit: tuple[int, int, int]) -> None:
        """Insert the text of unit U at CURSOR (subclasses)."""
        raise NotImplementedError

    @_edit
    def _append(self) -> None:
        u = self._w1
        first = self._w1 == self._w0
        cursor = self._tail
        cursor.beginEditBlock()
        if first:
            cursor.setBlockFormat(self._block_format(u))
        else:
            cursor.insertBlock(self._block_format(u))
        self._w1 += 1
        self._fill(cursor, u, self._units[u])
        cursor.endEditBlock()
        if first:
            self._caret_to_start()
        self._selections_dirty = True

    @_edit
    def _prepend(self) -> None:
        u = self._w0 - 1
        doc = self.document()
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        cursor.insertBlock(doc.firstBlock().blockFormat())  # the old first block moves down
        cursor.setPosition(0)
        cursor.setBlockFormat(self._block_format(u))
        self._w0 = u
        self._fill(cursor, u, self._units[u])
        cursor.endEditBlock()
        self._selections_dirty = True

    @_edit
    def _drop_last(self) -> None:
        doc = self.document()
        cursor = QTextCursor(doc)
        cursor.setPosition(doc.lastBlock().position() - 1)
        cursor.setPosition(doc.characterCount() - 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        self._w1 -= 1
        self._forget_unit(self._w1)

    @_edit
    def _drop_first(self) -> None:
        doc = self.document()
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        cursor.setPosition(doc.firstBlock().next().position(), QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        cursor.setBlockFormat(self._block_format(self._w0 + 1))
        cursor.endEditBlock()
        self._forget_unit(self._w0)
        self._w0 += 1

    def _forget_unit(self, u: int) -> None:
        for sent in self._sentences(self._units[u]):
            self._unit_of.pop(sent.id, None)
            self._rel.pop(sent.id, None)
            self._set_terms(sent.id, [])
            self._headings.discard(sent.id)
        self._stale.discard(u)
        self._selections_dirty = True

    @_edit
    def _rerender(self, u: int) -> None:
        self._stale.discard(u)
        with self._keeping_view():
            block = self.document().findBlockByNumber(u - self._w0)
            cursor = QTextCursor(block)
            cursor.beginEditBlock()
            cursor.setPosition(
                block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor
            )
            cursor.removeSelectedText()
            self._fill(cursor, u, self._units[u])
            cursor.endEditBlock()
        self._selections_dirty = True

    def _next_stale(self) -> int:
        top = self._w0 + self._visible_blocks()[0]
        return min(self._stale, key=lambda u: abs(u - top))

    def _doc_height(self) -> float:
        return self.document().documentLayout().documentSize().height()

    def _block_rect(self, u: int):
        doc = self.document()
        return doc.documentLayout().blockBoundingRect(doc.findBlockByNumber(u - self._w0))

    def _upkeep(self, act: bool) -> bool:
        """Grow the window ahead of the view, or shrink it far from it; True if due."""
        if self._w1 == self._w0:
            return False
        screen = max(self.viewport().height(), 200)
        top = self.verticalScrollBar().value()
        below = self._doc_height() - top - screen
        ahead = _AHEAD_SCREENS * screen
        if self._w1 < len(self._units) and below < ahead:
            if act:
                self._append()
        elif self._w0 > 0 and top < ahead:
            if act:
                with self._keeping_view():
                    self._prepend()
        elif (
            self._w1 - self._w0 > 1
            and below > (_DROP_SCREENS + 1) * screen
            and self._block_rect(self._w1 - 1).top() > top + screen * (_DROP_SCREENS + 1)
        ):
            if act:
                self._drop_last()
        elif (
            self._w1 - self._w0 > 1
            and top > (_DROP_SCREENS + 1) * screen
            and self._block_rect(self._w0).bottom() < top - _DROP_SCREENS * screen
        ):
            if act:
                with self._keeping_view():
                    self._drop_first()
        else:
            return False
        return True

    @contextmanager
    def _keeping_view(self):
        """Keep what the viewport shows in place while blocks change above it."""
        if not self._windowed or self._w1 == self._w0:
            yield
            return
        bar = self.verticalScrollBar()
        u = self._w0 + self._visible_blocks()[0]
        offset = self._block_rect(u).top() - bar.value()
        yield
        if self._w0 <= u < self._w1:
            self._set_scroll(self._block_rect(u).top() - offset, internal=True)

    def _set_scroll(self, value: float, internal: bool) -> None:
        self.internal_scroll = internal
        try:
            self.verticalScrollBar().setValue(round(value))
        finally:
            self.internal_scroll = False

    def _extend(self, u: int, above: float, below: float, until: float) -> None:
        """Render at once so that unit U has ABOVE pixels above it and BELOW from its top."""
        if not self._w0 <= u < self._w1:
            self._clear_document()
            self._w0 = self._w1 = u
            self._append()
        while time.perf_counter() < until:
            top = self._block_rect(u).top()
            if self._w0 > 0 and top < above:
                self._prepend()
            elif self._w1 < len(self._units) and self._doc_height() - top < below:
                self._append()
            else:
                break

    def _show_unit(self, u: int) -> None:
        """Have unit U in the document with a screen above and two below it."""
        screen = max(self.viewport().height(), 200)
        self.internal_scroll = True  # the caller sets the view afterwards
        try:
            self._extend(u, screen, 2 * screen, time.perf_counter() + _FIRST_SCREEN_SECONDS)
        finally:
            self.internal_scroll = False
        if self._selections_dirty:
            self._refresh_selections()
        self._kick()

    # --- the overview scroll bar (windowed) ----------------------------------------------

    def scroll_bar(self) -> QScrollBar:
        """The vertical scroll bar the user sees (the overview of a windowed article)."""
        return self._overview if self._windowed else self.verticalScrollBar()

    def _show_overview(self, on: bool) -> None:
        width = self._overview.sizeHint().width() if on else 0
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if on else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        self.setViewportMargins(0, 0, width, 0)
        self._overview.setVisible(on)
        self._place_overview()

    def _place_overview(self) -> None:
        width = self._overview.sizeHint().width()
        rect = self.contentsRect()
        self._overview.setGeometry(rect.right() - width + 1, rect.top(), width, rect.height())

    def resizeEvent(self, event) -> None:  # noqa: D102
        super().resizeEvent(event)
        self._place_overview()
        if self._windowed:
            self._kick()

    def _sync_overview(self) -> None:
        """Put the overview where the view is: the article offset at the top of the view."""
        if self._w1 == self._w0:
            return
        bar = self.verticalScrollBar()
        first = self._w0 + self._visible_blocks()[0]
        rect = self._block_rect(first)
        fraction = min(max((bar.value() - rect.top()) / max(rect.height(), 1.0), 0.0), 1.0)
        offset = self._unit_start[first] + fraction * self._unit_size[first]
        last = self._w1 - 1
        shown = self._unit_start[last] + self._unit_size[last] - self._unit_start[self._w0]
        page = max(
            1, round(shown * max(self.viewport().height(), 1) / max(self._doc_height(), 1.0))
        )
        maximum = max(0, len(self._article.text) - page)
        if self._w1 == len(self._units) and bar.value() >= bar.maximum():
            offset = maximum
        overview = self._overview
        overview.blockSignals(True)
        try:
            overview.setRange(0, maximum)
            overview.setPageStep(page)
            overview.setSingleStep(max(1, page // 20))
            overview.setValue(min(round(offset), maximum))
        finally:
            overview.blockSignals(False)

    def _on_overview(self, value: int) -> None:
        if not self._windowed or not self._units:
            return
        bar = self.verticalScrollBar()
        old = bar.value()
        self._from_overview = True
        try:
            if value >= self._overview.maximum():
                self._show_unit(len(self._units) - 1)
                target = bar.maximum()
            else:
                u = max(0, bisect.bisect_right(self._unit_start, value) - 1)
                fraction = (value - self._unit_start[u]) / max(self._unit_size[u], 1)
                self._show_unit(u)
                rect = self._block_rect(u)
                target = rect.top() + min(fraction, 1.0) * rect.height()
            self._set_scroll(target, internal=False)
        finally:
            self._from_overview = False
        if bar.value() == old:
            self.scrolled.emit()

    def _on_scrolled(self, _value: int) -> None:
        if self._windowed:
            if not self._from_overview and not self._overview.isSliderDown():
                self._sync_overview()
            self._kick()  # the window follows the view
        if not self.internal_scroll:
            self.scrolled.emit()

    # --- glossary hits -------------------------------------------------------------------

    def _take_hits(self, hits, termbase) -> None:
        """Start grouping HITS by sentence (in slices); blocks showing terms are redone."""
        self._termbase = termbase
        self._hit_source = iter(hits)
        self._hit_groups = {}
        self._kick()

    def _group_hits(self) -> None:
        groups = self._hit_groups
        count = 0
        for hit in islice(self._hit_source, _HITS_PER_SLICE):
            groups.setdefault(hit.sentence_id, []).append(hit)
            count += 1
        if count == _HITS_PER_SLICE:
            return
        old, self._hits_by_sid = self._hits_by_sid, groups
        self._hit_source, self._hit_groups = None, {}
        for sid, u in self._unit_of.items():
            if (sid in old or sid in groups) and self._shows_terms(sid):
                self._stale.add(u)
        self._selections_dirty = True

    def _shows_terms(self, sid: str) -> bool:
        """True when hits change how sentence SID is shown."""
        return True

    def _set_terms(self, sid: str, terms: list[tuple[int, int, str, str]]) -> None:
        for _, _, eid, _ in self._terms.get(sid, ()):
            self._entry_sids.get(eid, set()).discard(sid)
        if terms:
            self._terms[sid] = terms
            for _, _, eid, _ in terms:
                self._entry_sids.setdefault(eid, set()).add(sid)
        else:
            self._terms.pop(sid, None)

    # --- geometry ------------------------------------------------------------------------

    def _sentences(self, unit) -> tuple:
        p, a, b = unit
        return self._paras[p].sentences[a:b]

    def _visible_blocks(self) -> tuple[int, int]:
        """First and last block number on screen."""
        top = self.cursorForPosition(QPoint(0, 0)).block().blockNumber()
        bottom = self.cursorForPosition(QPoint(0, self.viewport().height())).block()
        return max(top, 0), max(bottom.blockNumber(), 0)

    def sentence_at(self, position: int) -> str | None:
        """The sentence id covering document POSITION, if any."""
        block = self.document().findBlock(position)
        u = self._w0 + block.blockNumber()
        if not block.isValid() or not self._w0 <= u < self._w1:
            return None
        rel = position - block.position()
        rels = self._rel
        sentences = self._sentences(self._units[u])
        i = bisect.bisect_right([rels[s.id][0] for s in sentences], rel) - 1
        if i < 0:
            return None
        sid = sentences[i].id
        return sid if rel <= rels[sid][1] else None

    def sentence_span(self, sid: str) -> tuple[int, int] | None:
        """Document positions (start, end) of a sentence (None while it is not shown)."""
        u = self._unit_of.get(sid)
        if u is None:
            return None
        base = self.document().findBlockByNumber(u - self._w0).position()
        rel = self._rel[sid]
        return base + rel[0], base + rel[1]

    def sentence_text(self, sid: str) -> str:
        """The text shown for a sentence (KeyError while it is not in the document)."""
        span = self.sentence_span(sid)
        if span is None:
            raise KeyError(sid)
        cursor = QTextCursor(self.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText()

    def is_rendered(self, sid: str) -> bool:
        """True while sentence SID is in the document."""
        return sid in self._unit_of

    def _term_ranges_of(self, sids, entry_id: str | None) -> list[tuple[int, int, str]]:
        out = []
        for sid in sids:
            start = self.sentence_span(sid)[0]
            out += [
                (start + s, start + e, eid)
                for s, e, eid, _ in self._terms.get(sid, ())
                if entry_id is None or eid == entry_id
            ]
        return out

    def term_ranges(self, entry_id: str | None = None) -> list[tuple[int, int, str]]:
        """Absolute (start, end, entry_id) of the marked terms, optionally of one entry."""
        sids = self._terms if entry_id is None else self._entry_sids.get(entry_id, ())
        return sorted(self._term_ranges_of(list(sids), entry_id))

    def term_at(self, position: int) -> str | None:
        """Entry id of the term at POSITION, if any."""
        sid = self.sentence_at(position)
        if sid is None:
            return None
        base = self.sentence_span(sid)[0]
        for s, e, eid, _ in self._terms.get(sid, ()):
            if base + s <= position < base + e:
                return eid
        return None

    def top_sentence(self) -> str | None:
        """The sentence at the top of the visible area."""
        pos = self.cursorForPosition(QPoint(_MARGIN + 20, 4)).position()
        sid = self.sentence_at(pos)
        if sid is None and self._w1 > self._w0:
            sentences = self._sentences(self._units[self._w0])
            sid = sentences[0].id if sentences else None
        return sid

    def sentence_y(self, sid: str) -> int | None:
        """Viewport y of the top of sentence SID's first line (None when not shown)."""
        span = self.sentence_span(sid)
        if span is None:
            return None
        cursor = QTextCursor(self.document())
        cursor.setPosition(span[0])
        return self.cursorRect(cursor).top()

    def scroll_to_sentence(self, sid: str, at_top: bool = False, y: int | None = None) -> None:
        """Scroll so that sentence SID is visible (at a third of the height, or at the top).

        Y puts the top of its first line at that viewport y instead. In a windowed article
        the sentence and a few screens around it are rendered first.
        """
        if self._windowed:
            u = self._unit_index(sid)
            if u is None:
                return
            self._show_unit(u)
        span = self.sentence_span(sid)
        if not span:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(span[0])
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        if y is None:
            y = 4 if at_top else self.viewport().height() // 3
        bar.setValue(bar.value() + rect.top() - y)

    # --- highlights ------------------------------------------------------------------------

    def set_aligned(self, sid: str | None) -> None:
        """Highlight sentence SID (the counterpart of the one the user points at)."""
        if sid != self._aligned:
            self._aligned = sid
            self._refresh_selections()

    def aligned(self) -> str | None:
        """The currently highlighted sentence id."""
        return self._aligned

    def select_entry(self, entry_id: str | None) -> None:
        """Highlight all hits of a glossary entry (those in the document)."""
        self._selected_entry = entry_id
        self._refresh_selections()

    def _selection(self, start: int, end: int, colour: str, bold: bool = False):
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        sel.format.setBackground(QColor(colour))
        if bold:
            sel.format.setFontWeight(700)
        return sel

    def _refresh_selections(self) -> None:
        self._selections_dirty = False
        selections = []
        span = self.sentence_span(self._aligned) if self._aligned else None
        if span:
            selections.append(self._selection(*span, self.colours.aligned))
        if self._selected_entry:
            for start, end, _ in self.term_ranges(self._selected_entry):
                selections.append(
                    self._selection(start, end, self.colours.term_selected, bold=True)
                )
        self.setExtraSelections(selections)

    def highlighted_ranges(self) -> list[tuple[int, int]]:
        """(start, end) of the extra selections now shown (what the user sees highlighted)."""
        selections = self.extraSelections()
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in selections]

    def set_flags(self, flags: dict[str, list[str]]) -> None:
        """Mark sentences with messages from the translation and the term check."""
        self._flags = {sid: list(msgs) for sid, msgs in flags.items() if msgs}
        self.viewport().update()

    def flags(self) -> dict[str, list[str]]:
        """The sentence flags now shown."""
        return dict(self._flags)

    # --- formats -----------------------------------------------------------------------

    def _block_format(self, u: int) -> QTextBlockFormat:
        p, a, b = self._units[u]
        heading = self._paras[p].kind == "heading"
        fmt = QTextBlockFormat()
        fmt.setLeftMargin(_MARGIN)
        last = b >= len(self._paras[p].sentences)
        fmt.setBottomMargin((6 if heading else 12) if last else 0)
        fmt.setTopMargin(10 if heading and a == 0 else 0)
        fmt.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        return fmt

    def _char_format(self, heading: bool, dimmed: bool = False) -> QTextCharFormat:
        key = (heading, dimmed)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            fmt.setForeground(QColor(self.colours.dimmed if dimmed else self.colours.text))
            if heading:
                fmt.setFontWeight(700)
                fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, 1)
            if dimmed:
                fmt.setFontItalic(True)
            self._formats[key] = fmt
        return fmt

    def _term_format(self, category: str) -> QTextCharFormat:
        fmt = self._formats.get(category)
        if fmt is None and category == DICTIONARY_KIND:
            # Terms from the dictionary: a dotted underline in the dimmed colour, no tint,
            # quieter than the curated glossary's entries.
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(QColor(self.colours.dimmed))
            self._formats[category] = fmt
        if fmt is None:
            fmt = QTextCharFormat()
            colour = self.colours.category(category)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(colour)
            tint = QColor(colour)
            tint.setAlpha(34)
            fmt.setBackground(QBrush(tint))
            self._formats[category] = fmt
        return fmt

    def _insert_runs(self, cursor: QTextCursor, u: int, runs) -> int:
        """Insert RUNS [(sid or None, text, format)] for unit U; the block start position."""
        base = cursor.position()
        pos = 0
        pending, fmt = [], None
        whole = "".join([text for _, text, _ in runs])
        size = _u16 if not whole.isascii() and _ASTRAL.search(whole) else len
        for sid, text, run_fmt in runs:
            if run_fmt is not fmt and pending:
                cursor.insertText("".join(pending), fmt)
                pending = []
            fmt = run_fmt
            pending.append(text)
            n = size(text)
            if sid is not None:
                self._rel[sid] = [pos, pos + n]
                self._unit_of[sid] = u
            pos += n
        if pending:
            cursor.insertText("".join(pending), fmt)
        return base

    def _apply_terms(self, cursor: QTextCursor, sid: str, start: int) -> None:
        """Underline the terms of SID, whose text starts at document position START."""
        for s, e, _, category in self._terms.get(sid, ()):
            cursor.setPosition(start + s)
            cursor.setPosition(start + e, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(self._term_format(category))

    # --- events ------------------------------------------------------------------------

    def mouseMoveEvent(self, event) -> None:  # noqa: D102
        super().mouseMoveEvent(event)
        pos = self.cursorForPosition(event.position().toPoint()).position()
        sid = self.sentence_at(pos)
        cursor_shape = (
            Qt.CursorShape.PointingHandCursor if self.term_at(pos) else Qt.CursorShape.IBeamCursor
        )
        self.viewport().setCursor(cursor_shape)
        if sid != self._hover:
            self._hover = sid
            self.sentenceHovered.emit(sid)

    def leaveEvent(self, event) -> None:  # noqa: D102
        super().leaveEvent(event)
        if self._hover is not None:
            self._hover = None
            self.sentenceHovered.emit(None)

    def mousePressEvent(self, event) -> None:  # noqa: D102
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: D102
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        left = event.button() == Qt.MouseButton.LeftButton
        selection = self.textCursor()
        if self._press_pos is None or (point - self._press_pos).manhattanLength() > 4:
            if left and selection.hasSelection():
                self.phraseSelected.emit(selection.selectionStart(), selection.selectionEnd())
            return  # a drag selects text; only a click navigates
        pos = self.cursorForPosition(point).position()
        entry = self.term_at(pos)
        if entry:
            self.termClicked.emit(entry)
        if left and selection.hasSelection():
            self.phraseSelected.emit(selection.selectionStart(), selection.selectionEnd())
        elif left and not entry:
            self.wordClicked.emit(point)
        sid = self.sentence_at(pos)
        if sid:
            self.sentenceActivated.emit(sid)

    def _on_cursor_moved(self) -> None:
        if self.hasFocus() and not self._editing:
            sid = self.sentence_at(self.textCursor().position())
            if sid:
                self.caretSentence.emit(sid)

    def viewportEvent(self, event) -> bool:  # noqa: D102
        if event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, point: QPoint) -> str:
        """Rich-text tooltip for the point: the term's rendering/definition and any flags."""
        pos = self.cursorForPosition(point).position()
        parts = []
        entry = self.term_at(pos)
        if entry:
            parts.append(self.tooltip_provider(entry))
        sid = self.sentence_at(pos)
        if sid and self._flags.get(sid):
            items = "".join(f"<li>{_escape(m)}</li>" for m in self._flags[sid])
            parts.append(f"<b>⚑</b><ul style='margin:0'>{items}</ul>")
        return "<hr>".join(parts)

    def paintEvent(self, event) -> None:  # noqa: D102
        super().paintEvent(event)
        if not self._flags or self._w1 == self._w0:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.colours.flag))
        top, bottom = self._visible_blocks()
        for u in range(self._w0 + top, min(self._w0 + bottom + 1, self._w1)):
            for sent in self._sentences(self._units[u]):
                if sent.id not in self._flags:
                    continue
                cursor = QTextCursor(self.document())
                cursor.setPosition(self.sentence_span(sent.id)[0])
                rect = self.cursorRect(cursor)
                if rect.bottom() < 0 or rect.top() > self.viewport().height():
                    continue
                x, y = 6 + self.document().documentMargin() // 2, rect.center().y()
                painter.drawPolygon(
                    QPolygon([QPoint(x, y - 5), QPoint(x + 8, y), QPoint(x, y + 5)])
                )
        painter.end()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SourcePane(ArticlePane):
    """The German article with paragraphs, headings and glossary terms."""

    def render(self, article, hits=(), termbase=None) -> None:
        """Show ARTICLE; underline HITS by the category of their termbase entry."""
        keep = self._begin(article)
        self._hits_by_sid = {}
        self._take_hits(hits, termbase)
        self._start(keep)

    def set_hits(self, hits, termbase) -> None:
        """Underline glossary hits (absolute article offsets) by category colour."""
        if self._article is None:
            return
        self._take_hits(hits, termbase)

    def _fill(self, cursor: QTextCursor, u: int, unit) -> None:
        p, a, b = unit
        para = self._paras[p]
        heading = para.kind == "heading"
        fmt = self._char_format(heading)
        text = self._article.text
        sentences = para.sentences[a:b]
        prev = para.start if a == 0 else sentences[0].start
        runs = []
        for sent in sentences:
            if sent.start > prev:
                runs.append((None, text[prev : sent.start].replace("\n", " "), fmt))
            runs.append((sent.id, sent.text.replace("\n", " "), fmt))
            prev = sent.end
            if heading:
                self._headings.add(sent.id)
        base = self._insert_runs(cursor, u, runs)
        termbase = self._termbase
        for sent in sentences:
            terms = []
            for hit in self._hits_by_sid.get(sent.id, ()):
                if getattr(hit, "source", "") == DICTIONARY_KIND:
                    category = DICTIONARY_KIND  # a term from the dictionary (core TermHit)
                else:
                    entry = termbase.get(hit.entry_id) if termbase is not None else None
                    category = entry.category if entry is not None else ""
                s, e = hit.start - sent.start, hit.end - sent.start
                if not sent.text.isascii() and _ASTRAL.search(sent.text):
                    s, e = _u16(sent.text[:s]), _u16(sent.text[:e])
                terms.append((s, e, hit.entry_id, category))
            self._set_terms(sent.id, terms)
            if terms:
                self._apply_terms(cursor, sent.id, base + self._rel[sent.id][0])


class TargetPane(ArticlePane):
    """The English translation, filled sentence by sentence; placeholders are dimmed."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._translated: dict[str, str] = {}

    def render(self, article, translations: dict[str, str], hits=(), termbase=None) -> None:
        """Show the translation of ARTICLE so far (missing sentences as placeholders)."""
        keep = self._begin(article)
        self._translated = {sid: _flat(t) for sid, t in translations.items() if t}
        self._hits_by_sid = {}
        self._take_hits(hits, termbase)
        self._start(keep)

    @staticmethod
    def _placeholder(sent) -> str:
        return _flat(sent.text)

    def is_translated(self, sid: str) -> bool:
        """True once the translation of SID is known (shown whenever SID is in view)."""
        return sid in self._translated

    @_edit
    def set_translation(self, sid: str, text: str) -> None:
        """Replace the placeholder of SID with its translation (later sentences shift).

        For a sentence outside the document the translation is kept and shown when the
        sentence is rendered.
        """
        if not text:
            return
        text = _flat(text)
        self._translated[sid] = text
        u = self._unit_of.get(sid)
        if u is None or u in self._stale:
            return  # rendered (again) later, with the translation
        rel = self._rel[sid]
        base = self.document().findBlockByNumber(u - self._w0).position()
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.setPosition(base + rel[0])
        cursor.setPosition(base + rel[1], QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text, self._char_format(sid in self._headings))
        delta = _u16(text) - (rel[1] - rel[0])
        rel[1] += delta
        if delta:
            for sent in self._sentences(self._units[u]):
                other = self._rel[sent.id]
                if other[0] > rel[0]:
                    other[0] += delta
                    other[1] += delta
        self._find_terms(cursor, sid, base + rel[0])
        cursor.endEditBlock()
        if not self._windowed:
            self._refresh_selections()
        elif sid == self._aligned or self._selected_entry:
            self._selections_dirty = True
            self._kick()

    def set_hits(self, hits, termbase) -> None:
        """Mark the English renderings of the glossary hits in translated sentences."""
        if self._article is None:
            return
        self._take_hits(hits, termbase)

    def _shows_terms(self, sid: str) -> bool:
        return sid in self._translated

    def _fill(self, cursor: QTextCursor, u: int, unit) -> None:
        p, a, b = unit
        heading = self._paras[p].kind == "heading"
        fmt, dimmed = self._char_format(heading), self._char_format(heading, True)
        runs = []
        translated = []
        for i, sent in enumerate(self._paras[p].sentences[a:b]):
            if i:
                runs.append((None, " ", fmt))
            target = self._translated.get(sent.id)
            if target:
                translated.append(sent.id)
                runs.append((sent.id, target, fmt))
            else:
                runs.append((sent.id, self._placeholder(sent), dimmed))
            if heading:
                self._headings.add(sent.id)
            self._set_terms(sent.id, [])
        base = self._insert_runs(cursor, u, runs)
        for sid in translated:
            self._find_terms(cursor, sid, base + self._rel[sid][0])

    def _find_terms(self, cursor: QTextCursor, sid: str, start: int) -> None:
        """Find and underline the renderings of SID's hits; its text starts at START."""
        from desktop.core.glossary.termcheck import rendering_spans

        text = self._translated.get(sid, "")
        hits = self._hits_by_sid.get(sid, ())
        found = []
        if self._termbase is not None and hits:
            astral = not text.isascii() and _ASTRAL.search(text)
            for span in rendering_spans(self._termbase, hits, text):
                s, e = span.start, span.end
                if astral:
                    s, e = _u16(text[:s]), _u16(text[:e])
                found.append((s, e, span.entry.id, span.entry.category))
        self._set_terms(sid, sorted(found))
        self._apply_terms(cursor, sid, start)
