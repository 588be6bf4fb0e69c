"""Axes that speak the plan's language ('Apr 16' months and £m values), and steady ranges.

An axis is the dearest thing a chart paints: its ticks, labels and grid are drawn into a
picture that is regenerated whenever its range moves and replayed whenever anything under
its grid is repainted. So the charts set their ranges themselves, with hysteresis (an edit
that moves a curve a little leaves the axis where it is), and each axis is cached as a
pixmap: a curve repainted over the grid blits the axis instead of replaying it.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsItem

from workbench.domain.periods import short_month

MILLION = 1_000_000.0
ZERO_MARGIN = 0.03  # of a value axis's height, left under £0 for the £0 label
NICE_STEPS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)


def money_tick(value: float, places: int) -> str:
    """£m with the places the spacing needs; zero is a plain £0, negatives in brackets."""
    if abs(value) < 0.5 * 10.0 ** -places:
        return "£0"
    text = f"£{abs(value):,.{places}f}m"
    return f"({text})" if value < 0 else text


class MoneyAxis(pg.AxisItem):
    """Values plotted in £m, labelled '£12m', '£2.5m' or '£0.25m' (never two alike)."""

    floor: float | None = None  # no tick below this (the room left under £0 for its label)

    def tickValues(self, minVal, maxVal, size):  # noqa: N802 (pyqtgraph override)
        levels = super().tickValues(minVal, maxVal, size)
        floor = self.floor
        if floor is None and minVal < 0 < maxVal and -minVal <= 2 * ZERO_MARGIN * maxVal:
            floor = 0.0  # only the sliver left under £0 for its label: no tick in it
        if floor is None:
            return levels
        return [(spacing, [v for v in values if v >= floor - 1e-9])
                for spacing, values in levels]

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph override)
        places = 0 if spacing >= 1 else 1 if spacing >= 0.1 else 2
        return [money_tick(v * scale, places) for v in values]


def money_range(*highs: float) -> float:
    """The top of a £m axis: the data's, or £1m when there is nothing yet (a clean £0)."""
    top = max((float(h) for h in highs), default=0.0)
    return top if top > 0.05 else 1.0


def small_font() -> QFont:
    """The application's own font (whatever the desktop uses), a point smaller."""
    font = QFont()
    size = font.pointSizeF()
    if size > 0:
        font.setPointSizeF(max(size - 1, 7.0))
    return font


def month_ticks(months: list[str]) -> list[list[tuple[int, str]]]:
    """Major ticks every quarter, minor ticks every month."""
    major = [(i, short_month(m)) for i, m in enumerate(months) if i % 3 == 0]
    minor = [(i, short_month(m)) for i, m in enumerate(months) if i % 3 != 0]
    return [major, minor]


def set_title(plot: pg.PlotItem, title: str, color: str = "#212B32",
              size: str = "11pt") -> None:
    """A title that never holds the plot wider than its pane (the text is cut instead)."""
    label = plot.titleLabel
    if not getattr(label, "_width_relaxed", False):
        # pyqtgraph's LabelItem pins its minimum width to the text on every resize
        fit_text = label.updateMin

        def update_min() -> None:
            fit_text()
            label.setMinimumWidth(0)
            label._sizeHint[Qt.SizeHint.MinimumSize] = (0, label.minimumHeight())

        label.updateMin = update_min
        label._width_relaxed = True
    plot.setTitle(title, color=color, size=size)


def style_plot(plot: pg.PlotItem, title: str) -> None:
    set_title(plot, title)
    plot.showGrid(x=False, y=True, alpha=0.25)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen("#768692"))
        axis.setTextPen(pg.mkPen("#425563"))
        # Repainted from a pixmap unless the axis itself changed (its range, ticks or size).
        axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def nice_ceiling(value: float) -> float:
    """The smallest 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10^k not below `value` (> 0)."""
    power = 10.0 ** math.floor(math.log10(value))
    for step in NICE_STEPS:
        if step * power >= value * (1 - 1e-12):
            return step * power
    return 10.0 * power  # pragma: no cover - NICE_STEPS ends at 10


class SteadyRange:
    """A value axis's range that follows the data with hysteresis.

    It takes in zero and `headroom` above the data, rounded up to a nice figure; it moves
    only when the data leave it or use less than `shrink` of it, so most edits leave it
    (and the axis's ticks and grid) as they were.
    """

    def __init__(self, headroom: float = 1.15, shrink: float = 0.5,
                 least: float = 0.1) -> None:
        self.headroom = headroom
        self.shrink = shrink
        self.least = least
        self.range: tuple[float, float] | None = None

    def _side(self, extent: float) -> float:
        return nice_ceiling(max(extent * self.headroom, self.least))

    def _keeps(self, side: float, extent: float) -> bool:
        if extent > side:
            return False
        return extent >= side * self.shrink or side <= self._side(extent)

    def fit(self, low: float, high: float) -> tuple[float, float] | None:
        """The new range for data from `low` to `high`, or None when the range holds."""
        low, high = min(low, 0.0), max(high, 0.0)
        if not (math.isfinite(low) and math.isfinite(high)):
            return None
        if self.range is not None:
            lo, hi = self.range
            below_ok = (lo == 0.0 and low == 0.0) or (lo < 0 and self._keeps(-lo, -low))
            above_ok = (hi > 0 and self._keeps(hi, high)) or (hi == 0.0 and high == 0.0)
            if below_ok and above_ok:
                return None
        new = (-self._side(-low) if low < 0 else 0.0,
               self._side(high) if high > 0 or low == 0 else 0.0)
        if new == self.range:
            return None
        self.range = new
        return new


def keep_range(box: pg.ViewBox, axis: str, steady: SteadyRange, low: float,
               high: float) -> None:
    """Set `box`'s x or y range from `steady` when it moved (auto-range is off)."""
    new = steady.fit(low, high)
    if new is None:
        return
    if axis == "y":
        low, high = new
        if low == 0.0:  # a sliver under £0, so its label is not cut off at the edge
            low = -ZERO_MARGIN * high
        box.setYRange(low, high, padding=0)
    else:
        box.setXRange(*new, padding=0)


def fixed_range(box: pg.ViewBox, x: tuple[float, float] | None = None,
                y: tuple[float, float] | None = None) -> None:
    """Turn auto-range off and set the ranges that never follow the data."""
    box.disableAutoRange()
    if x is not None:
        box.setXRange(*x, padding=0)
    if y is not None:
        box.setYRange(*y, padding=0)
