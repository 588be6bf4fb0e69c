"""What the trajectory charts share: a time axis of periods, a value axis in the metric's
unit, a hover label naming the nearest period, and a marker at the selected period.

x is the day a period starts (date ordinal), so weekly and monthly paths and a target date
fall where they belong in time.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from workbench.domain.periods import short_month
from workbench.domain.trajectories import Unit, month_of, period_start
from workbench.ui import style
from workbench.ui.charts.axes import style_plot
from workbench.ui.trajectories.values import in_year, year_bounds, year_months

INK = "#212B32"


def x_of(label: str) -> float:
    return float(period_start(label).toordinal())


def x_of_date(day: dt.date) -> float:
    return float(day.toordinal())


def period_ticks(periods: list[str], fewest_months: float = 1.0
                 ) -> list[list[tuple[float, str]]]:
    """Month labels (every 1, 3, 6 or 12 months, on financial quarters, and no closer than
    `fewest_months` apart) at the first period of each labelled month; an unlabelled minor
    tick at every other period."""
    firsts: dict[str, str] = {}
    for label in periods:
        firsts.setdefault(month_of(label), label)
    step = next((s for s in (1, 3, 6, 12) if len(firsts) / s <= 12 and s >= fewest_months),
                12)
    major = [(x_of(first), short_month(month)) for month, first in firsts.items()
             if (int(month[5:7]) - 4) % step == 0]
    ticked = {x for x, _ in major}
    minor = [(x_of(p), "") for p in periods if x_of(p) not in ticked]
    return [major, minor]


class ValueAxis(pg.AxisItem):
    """Ticks in the metric's unit: '85%' for a percentage (held as 0.85), '1,200' else."""

    unit = Unit.COUNT

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph override)
        if self.unit is Unit.PERCENT:
            places = 0 if spacing >= 0.01 else 1
            return [f"{v * 100:.{places}f}%" for v in values]
        places = 0 if spacing >= 1 else 1
        return [f"{v:,.{places}f}" for v in values]


class PeriodChart(pg.PlotWidget):
    """Subclasses set `self.periods` on each redraw and answer `hover_text(period)`."""

    def __init__(self, title: str, accessible_name: str, parent=None) -> None:
        self.value_axis = ValueAxis("left")
        super().__init__(parent, axisItems={"left": self.value_axis}, background="w")
        self.setAccessibleName(accessible_name)
        self.setMinimumHeight(150)  # two and the SPC key fit a 1366x768 screen at 125%
        self.plot_item = self.getPlotItem()
        style_plot(self.plot_item, title)
        self.plot_item.setMouseEnabled(x=True, y=False)
        self.periods: list[str] = []
        self.year: int | None = None  # a plan year: the x axis opens on its months
        self._fitted: tuple[float, float] | None = None
        self._ticks: list | None = None
        self.plot_item.vb.sigResized.connect(self._fit_y)
        self.plot_item.vb.sigResized.connect(self._set_ticks)
        self.plot_item.vb.sigXRangeChanged.connect(self._set_ticks)
        self.marker = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(
            style.NHS_WARM_YELLOW, width=2, style=Qt.PenStyle.DotLine))
        self.marker.setZValue(-5)
        self.marker.hide()
        self.plot_item.addItem(self.marker, ignoreBounds=True)
        self.hover = pg.TextItem(color=INK, fill=pg.mkBrush(255, 255, 255, 235),
                                 border=pg.mkPen(style.NHS_MID_GREY), anchor=(0, 1))
        self.hover.setZValue(100)
        self.hover.hide()
        self.plot_item.addItem(self.hover, ignoreBounds=True)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def add_legend(self, columns: int) -> pg.LegendItem:
        legend = self.plot_item.addLegend(offset=(8, 4), labelTextColor=INK,
                                          brush=pg.mkBrush(255, 255, 255, 220))
        legend.setColumnCount(columns)
        return legend

    def _show_axes(self, shown: bool) -> None:
        for name in ("left", "bottom"):
            self.plot_item.getAxis(name).setStyle(showValues=shown)
        if self.plot_item.legend is not None:
            self.plot_item.legend.setVisible(shown)

    def set_empty(self, title: str) -> None:
        """Nothing to draw: say why in the title, without meaningless axis numbers."""
        self.periods = []
        self._fitted = None
        self._ticks = None
        self.plot_item.getAxis("bottom").setTicks(None)
        self._show_axes(False)
        self.set_title(title)
        self.mark(None)

    def set_axes(self, unit: Unit, periods: list[str]) -> None:
        self._show_axes(True)
        self.value_axis.unit = unit
        self.value_axis.picture = None  # re-label with the new unit
        self.value_axis.update()
        self.periods = periods
        self._set_ticks()

    def _set_ticks(self) -> None:
        """Month labels as close as the chart's width lets them stand apart."""
        if not self.periods:
            return
        axis = self.plot_item.getAxis("bottom")
        low, high = self.plot_item.vb.viewRange()[0]
        month_px = self.plot_item.vb.width() * 30.44 / max(high - low, 1.0)
        label_px = QFontMetrics(axis.style["tickFont"] or axis.font()).horizontalAdvance(
            "Sept 00") + 8
        # labelled as often as the months in view allow (a year's view: every month)
        shown = [p for p in self.periods if low <= x_of(p) <= high] or (
            year_months(self.year) if self.year is not None else self.periods)
        ticks = period_ticks(shown, label_px / max(month_px, 1e-6))
        if ticks != self._ticks:
            self._ticks = ticks
            axis.setTicks(ticks)

    def set_title(self, text: str) -> None:
        self.plot_item.setTitle(text, color=INK, size="11pt")

    def year_title(self, title: str, periods: list[str]) -> str:
        """`title` with the plan year on show, and a word when nothing falls in it."""
        if self.year is None:
            return title
        label = f"{self.year}/{(self.year + 1) % 100:02d}"
        if not any(in_year(p, self.year) for p in periods):
            return f"{title}, {label}: nothing in this year"
        return f"{title}, {label}"

    def fit(self, xs: np.ndarray, ys: np.ndarray) -> None:
        """Show every point, with room at the top for the legend whatever the chart's size."""
        xs, ys = xs[np.isfinite(xs)], ys[np.isfinite(ys)]
        if not len(xs) or not len(ys):
            self._fitted = None
            return
        self._fitted = (float(ys.min()), float(ys.max()))
        first, last = float(xs.min()), float(xs.max())
        if self.year is not None:  # the year's months, whatever lies either side
            first, last = (x_of_date(d) for d in year_bounds(self.year))
        pad_x = max(16.0, (last - first) * 0.03)  # room for the first month's label
        self.plot_item.setXRange(first - pad_x, last + pad_x, padding=0)
        self._fit_y()

    def _fit_y(self) -> None:
        if self._fitted is None:
            return
        low, high = self._fitted
        pad = (high - low) * 0.08 or abs(high) * 0.05 or 1.0
        height = max(self.plot_item.vb.height(), 1.0)
        legend = self.plot_item.legend
        share = 0.0 if legend is None else (legend.boundingRect().height() + 12) / height
        share = min(share, 0.5)
        span = (high - low) + 2 * pad
        top = high + pad + span * share / (1 - share)
        self.plot_item.setYRange(low - pad, top, padding=0)

    def mark(self, period: str | None) -> None:
        """Show the selected period (the grid's current row)."""
        xs = [x_of(p) for p in self.periods]
        if period is None or not xs or not min(xs) <= x_of(period) <= max(xs):
            self.marker.hide()  # nothing drawn there (the grid's empty next period)
            return
        self.marker.setValue(x_of(period))
        self.marker.show()

    def hover_text(self, period: str) -> str | None:  # pragma: no cover - overridden
        return None

    def show_hover(self, period: str) -> bool:
        """Put the hover label at a period (also how tests check what a hover says)."""
        text = self.hover_text(period)
        if not text:
            self.hover.hide()
            return False
        self.hover.setText(text)
        view = self.plot_item.vb.viewRange()
        x = x_of(period)
        right_half = x > (view[0][0] + view[0][1]) / 2
        self.hover.setAnchor((1, 1) if right_half else (0, 1))
        self.hover.setPos(x, view[1][1] - (view[1][1] - view[1][0]) * 0.12)
        self.hover.show()
        return True

    def _on_mouse_moved(self, pos) -> None:
        if not self.periods or not self.plot_item.sceneBoundingRect().contains(pos):
            self.hover.hide()
            return
        x = self.plot_item.vb.mapSceneToView(pos).x()
        xs = np.array([x_of(p) for p in self.periods])
        i = int(np.abs(xs - x).argmin())
        if abs(xs[i] - x) > 20:  # more than ~ two-thirds of a month from any point
            self.hover.hide()
            return
        self.show_hover(self.periods[i])
