"""Tornado chart: how far each driver's +/- swing moves the year-end shortfall."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from workbench.engine.scenarios import TornadoBar
from workbench.ui import style
from workbench.ui.charts.axes import MILLION, style_plot
from workbench.ui.odds.odds_chart import PoundsAxis


class TornadoChart(pg.PlotWidget):
    """One row per driver, widest at the top: the bar runs from the shortfall at the low
    swing to the one at the high swing; a line marks the base. Items built once."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent, axisItems={"bottom": PoundsAxis("bottom")}, background="w")
        self.setAccessibleName("Tornado chart of the year-end shortfall")
        plot = self.getPlotItem()
        style_plot(plot, "Year-end shortfall: each driver ±10%")
        self.lower = pg.BarGraphItem(x0=[], x1=[], y=[], height=0.6,
                                     brush=pg.mkBrush(style.NHS_GREEN), pen=pg.mkPen(None))
        self.higher = pg.BarGraphItem(x0=[], x1=[], y=[], height=0.6,
                                      brush=pg.mkBrush(style.NHS_RED), pen=pg.mkPen(None))
        plot.addItem(self.lower)
        plot.addItem(self.higher)
        self.base_line = pg.InfiniteLine(0, angle=90, pen=pg.mkPen(style.NHS_DARK_BLUE, width=2))
        plot.addItem(self.base_line)
        plot.getAxis("left").setWidth(190)
        self.bars: list[TornadoBar] = []
        self.base = 0.0

    def show_bars(self, base: float, bars: list[TornadoBar], swing_pct: float) -> None:
        """Bars widest first (drawn at the top); green where the shortfall falls."""
        self.base, self.bars = base, list(bars)
        y = np.arange(len(bars))[::-1].astype(float)
        ends = np.array([[b.low, b.high] for b in bars], dtype=float).reshape(-1, 2) / MILLION
        b0 = base / MILLION
        left, right = np.minimum(ends.min(axis=1), b0), np.maximum(ends.max(axis=1), b0)
        self.lower.setOpts(x0=left, x1=np.full_like(left, b0), y=y)
        self.higher.setOpts(x0=np.full_like(right, b0), x1=right, y=y)
        self.base_line.setValue(b0)
        plot = self.getPlotItem()
        plot.getAxis("left").setTicks([[(float(i), b.driver) for i, b in zip(y, bars,
                                                                            strict=True)]])
        plot.setTitle(f"Year-end shortfall {style.fmt_money(base)}: each driver "
                      f"±{swing_pct:g}%", color="#212B32", size="11pt")
        if len(bars):
            plot.setYRange(-0.6, len(bars) - 0.4, padding=0)
            span = float(right.max() - left.min()) or 1.0
            plot.setXRange(float(left.min()) - span * 0.05, float(right.max()) + span * 0.05,
                           padding=0)

    def drawn(self) -> list[tuple[str, float, float]]:
        """(driver, left end, right end) in £m from the top row down, for tests."""
        x0 = np.asarray(self.lower.opts["x0"])
        x1 = np.asarray(self.higher.opts["x1"])
        return [(b.driver, float(x0[i]), float(x1[i])) for i, b in enumerate(self.bars)]
