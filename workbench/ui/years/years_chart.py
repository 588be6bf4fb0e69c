"""The five years side by side: each year's savings requirement against its identified and
earmarked schemes, the gap as a line; indicative years drawn paler, the selected year
shaded. It draws the engine's MultiYearResults and computes nothing."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from workbench.engine.multi_year import MultiYearResults
from workbench.ui import style
from workbench.ui.charts.axes import MILLION, MoneyAxis, style_plot

WIDTH = 0.36


class YearsChart(pg.PlotWidget):
    """Items built once; `show_years` sets their data."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent, axisItems={"left": MoneyAxis("left")}, background="w")
        self.setAccessibleName("Five-year plan chart: requirement, schemes and gap by year")
        plot = self.getPlotItem()
        style_plot(plot, "Savings requirement and schemes by year")
        self.legend = plot.addLegend(offset=(-8, 8), labelTextColor="#212B32",
                                     brush=pg.mkBrush(255, 255, 255, 220))
        self.band = pg.LinearRegionItem(movable=False, brush=pg.mkBrush(232, 237, 238, 200),
                                        pen=pg.mkPen(None))
        self.band.setZValue(-10)
        plot.addItem(self.band)
        self.requirement = pg.BarGraphItem(x=[], height=[], width=WIDTH, pen=pg.mkPen(None),
                                           brush=style.NHS_DARK_GREY)
        self.identified = pg.BarGraphItem(x=[], height=[], width=WIDTH, pen=pg.mkPen(None),
                                          brush=style.STATUS_COLOURS["Identified"])
        self.earmarked = pg.BarGraphItem(x=[], y0=[], height=[], width=WIDTH,
                                         pen=pg.mkPen(None),
                                         brush=style.STATUS_COLOURS["Earmarked"])
        for bar, name in ((self.requirement, "Requirement"), (self.identified, "Identified"),
                          (self.earmarked, "Earmarked")):
            plot.addItem(bar)
            self.legend.addItem(bar, name)
        self.gap = plot.plot(name="Gap", pen=pg.mkPen(style.NHS_RED, width=2), symbol="o",
                             symbolSize=7, symbolBrush=style.NHS_RED, symbolPen=None)
        self.zero = pg.InfiniteLine(0, angle=0, pen=pg.mkPen(style.NHS_MID_GREY,
                                                             style=Qt.PenStyle.DotLine))
        plot.addItem(self.zero)
        self.labels: list[str] = []
        self.heights: dict[str, np.ndarray] = {}

    def show_years(self, results: MultiYearResults, selected: int) -> None:
        years = results.years
        x = np.arange(len(years), dtype=float)
        req = np.array([float(y.savings_requirement) for y in years]) / MILLION
        ident = np.array([float(y.schemes_identified) for y in years]) / MILLION
        ear = np.array([float(y.schemes_earmarked) for y in years]) / MILLION
        gap = np.array([float(y.savings_gap) for y in years]) / MILLION
        firm = np.array([y.firm for y in years], dtype=bool)
        self.requirement.setOpts(x=x - WIDTH / 2, height=req, brushes=[
            pg.mkBrush(style.NHS_DARK_GREY if f else "#A7B3BA") for f in firm])
        self.identified.setOpts(x=x + WIDTH / 2, height=ident)
        self.earmarked.setOpts(x=x + WIDTH / 2, y0=ident, height=ear)
        self.gap.setData(x, gap)
        self.heights = {"requirement": req, "identified": ident, "earmarked": ear, "gap": gap}
        self.labels = [f"{y.label}\n{'firm' if y.firm else 'indicative'}" for y in years]
        plot = self.getPlotItem()
        plot.getAxis("bottom").setTicks([[(float(i), t) for i, t in enumerate(self.labels)]])
        plot.getAxis("bottom").setHeight(36)
        index = next((i for i, y in enumerate(years) if y.year == selected), 0)
        self.band.setRegion((index - 0.5, index + 0.5))
        plot.setXRange(-0.6, len(years) - 0.4, padding=0)
        values = np.concatenate([req, ident + ear, gap, [0.0]])
        low, high = float(values.min()), float(values.max())
        span = (high - low) or 1.0
        plot.setYRange(min(0.0, low - span * 0.05), high + span * 0.12, padding=0)
