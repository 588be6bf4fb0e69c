"""Axes that speak the plan's language: 'Apr 16' months and £m values."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QFont

from workbench.domain.periods import short_month

MILLION = 1_000_000.0


class MoneyAxis(pg.AxisItem):
    """Values plotted in £m, labelled '£12m' or '£2.5m'."""

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph override)
        places = 0 if spacing >= 1 else 1
        return [f"£{v:,.{places}f}m" for v in values]


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


def style_plot(plot: pg.PlotItem, title: str) -> None:
    plot.setTitle(title, color="#212B32", size="11pt")
    plot.showGrid(x=False, y=True, alpha=0.25)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen("#768692"))
        axis.setTextPen(pg.mkPen("#425563"))
