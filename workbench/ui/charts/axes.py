"""Axes that speak the plan's language: 'Apr 16' months and £m values."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from workbench.domain.periods import short_month

MILLION = 1_000_000.0


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
        if self.floor is None:
            return levels
        return [(spacing, [v for v in values if v >= self.floor - 1e-9])
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
