"""A term's timeline: mentions per day or week as bars on a date axis (pyqtgraph).

pyqtgraph (and numpy behind it) loads only when the first chart is drawn, so the window
starts without it.
"""

from __future__ import annotations

import datetime as dt
import os

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

DAY = 86400.0
BAR_SHARE = 0.8  # of the period's width; the gaps show where one period ends


def period_start(period: str) -> dt.datetime:
    """Local midnight starting PERIOD: a day "2025-03-14" or an ISO week "2025-W11"."""
    if "-W" in period:
        year, week = period.split("-W")
        day = dt.date.fromisocalendar(int(year), int(week), 1)
    else:
        day = dt.date.fromisoformat(period[:10])
    return dt.datetime(day.year, day.month, day.day)  # naive: the date axis shows local time


def period_span(period: str) -> float:
    """The length of PERIOD in seconds (a day or a week)."""
    return 7 * DAY if "-W" in period else DAY


class TimelineChart(QWidget):
    """Bars of mentions per period; a click on a bar emits its period."""

    periodClicked = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Term timeline"))
        self.setMinimumHeight(160)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._placeholder = QLabel(self.tr("Choose a term to see when it was mentioned."), self)
        self._placeholder.setWordWrap(True)
        self._layout.addWidget(self._placeholder)
        self.plot = None  # the pyqtgraph PlotWidget, made on first use
        self.bars = None  # the BarGraphItem of the shown timeline
        self.periods: list[str] = []
        self.mentions: list[int] = []
        self._centres: list[float] = []
        self._widths: list[float] = []

    def _ensure_plot(self):
        if self.plot is not None:
            return self.plot
        os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")  # never another Qt binding
        import pyqtgraph as pg

        self.plot = pg.PlotWidget(self, axisItems={"bottom": pg.DateAxisItem()})
        self.plot.setAccessibleName(self.tr("Mentions per period"))
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=True, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self.plot.setLabel("left", self.tr("Mentions"))
        self.plot.scene().sigMouseClicked.connect(self._on_click)
        self._placeholder.hide()
        self._layout.addWidget(self.plot)
        self._style()
        return self.plot

    def _style(self) -> None:
        if self.plot is None:
            return
        palette = self.palette()
        self.plot.setBackground(palette.color(QPalette.ColorRole.Base))
        text = palette.color(QPalette.ColorRole.Text)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(text)
            axis.setTextPen(text)
        if self.bars is not None:
            self.bars.setOpts(brush=palette.color(QPalette.ColorRole.Highlight), pen=None)

    def changeEvent(self, event) -> None:  # noqa: D102
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self._style()

    def clear(self, message: str = "") -> None:
        """No timeline; MESSAGE instead (when no chart was drawn yet)."""
        self.periods, self.mentions, self._centres, self._widths = [], [], [], []
        if self.plot is not None and self.bars is not None:
            self.plot.removeItem(self.bars)
        self.bars = None
        if message:
            self._placeholder.setText(message)
            if self.plot is None:
                self._placeholder.show()

    def set_timeline(self, points) -> None:
        """Draw POINTS (TimelinePoint: period, mentions), oldest first."""
        import pyqtgraph as pg

        plot = self._ensure_plot()
        self.clear()
        if not points:
            return
        self.periods = [p.period for p in points]
        self.mentions = [int(p.mentions) for p in points]
        starts = [period_start(p).timestamp() for p in self.periods]
        spans = [period_span(p) for p in self.periods]
        self._centres = [s + w / 2 for s, w in zip(starts, spans, strict=True)]
        self._widths = [w * BAR_SHARE for w in spans]
        brush = self.palette().color(QPalette.ColorRole.Highlight)
        self.bars = pg.BarGraphItem(
            x=self._centres, height=self.mentions, width=self._widths, brush=brush, pen=None
        )
        plot.addItem(self.bars)
        pad = max(spans) * 1.5
        plot.setXRange(
            min(starts) - pad, max(s + w for s, w in zip(starts, spans, strict=True)) + pad, 0
        )
        plot.setYRange(0, max(self.mentions) * 1.15 + 0.5, padding=0)
        plot.getAxis("left").setTickSpacing(*_tick_spacing(max(self.mentions)))
        # The date axis names days (or months) only; the span says which month and year.
        first, last = self.periods[0], self.periods[-1]
        plot.setLabel("bottom", first if first == last else f"{first} – {last}")

    def period_at(self, x: float) -> str | None:
        """The period whose bar covers X (seconds since the epoch), if any."""
        for period, centre, width in zip(self.periods, self._centres, self._widths, strict=True):
            if abs(x - centre) <= width / 2:
                return period
        return None

    def _on_click(self, event) -> None:
        if self.plot is None or not self.periods:
            return
        point = self.plot.getPlotItem().vb.mapSceneToView(event.scenePos())
        period = self.period_at(point.x())
        if period is not None:
            self.periodClicked.emit(period)


def _tick_spacing(top: int) -> tuple[float, float]:
    """Whole-number ticks on the mentions axis (major, minor)."""
    major = 1.0
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000):
        major = float(step)
        if top / step <= 6:
            break
    return major, major
