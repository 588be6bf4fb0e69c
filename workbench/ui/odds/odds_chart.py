"""Histogram of the simulated year-end position, with the business-rule line at £0."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from workbench.engine.simulation import SimulationResult
from workbench.ui import style
from workbench.ui.charts.axes import MILLION, MoneyAxis, style_plot

BINS = 60


class PoundsAxis(MoneyAxis):
    """£m labels with the sign before the pound: -£10m."""

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph override)
        return [text.replace("£-", "-£") for text in super().tickStrings(values, scale, spacing)]


class OddsChart(pg.PlotWidget):
    """Bars below the line in red, at or above it in green; lines for the rules, the
    reserves and P10 / P50 / P90. Built once; each result only sets data."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent, axisItems={"bottom": PoundsAxis("bottom")}, background="w")
        self.setAccessibleName("Histogram of the simulated year-end position")
        plot = self.getPlotItem()
        style_plot(plot, "Year-end position against the business rules")
        plot.setLabel("left", "draws")
        self.below = pg.BarGraphItem(x=[], height=[], width=1, brush=pg.mkBrush(218, 41, 28, 150),
                                     pen=pg.mkPen(None))
        self.above = pg.BarGraphItem(x=[], height=[], width=1, brush=pg.mkBrush(0, 150, 57, 170),
                                     pen=pg.mkPen(None))
        plot.addItem(self.below)
        plot.addItem(self.above)
        self.rules = pg.InfiniteLine(
            0, angle=90, pen=pg.mkPen(style.NHS_DARK_BLUE, width=2),
            label="£0: business rules met →", labelOpts={
                "position": 0.95, "color": style.NHS_DARK_BLUE, "anchors": [(1, 0), (1, 0)]})
        self.reserves = pg.InfiniteLine(
            0, angle=90, pen=pg.mkPen(style.NHS_ORANGE, width=2, style=Qt.PenStyle.DashLine),
            label="surplus kept (reserves spent) →", labelOpts={
                "position": 0.85, "color": style.NHS_ORANGE, "anchors": [(1, 0), (1, 0)]})
        self.percentiles = {
            p: pg.InfiniteLine(0, angle=90, pen=pg.mkPen(style.NHS_MID_GREY, width=1,
                                                         style=Qt.PenStyle.DotLine),
                               label=f"P{p}", labelOpts={"position": 0.05,
                                                        "color": style.NHS_DARK_GREY})
            for p in (10, 50, 90)
        }
        for line in (self.rules, self.reserves, *self.percentiles.values()):
            plot.addItem(line)
        self.result: SimulationResult | None = None

    def show_result(self, result: SimulationResult) -> None:
        self.result = result
        counts, edges = result.histogram(BINS)
        centres = (edges[:-1] + edges[1:]) / 2 / MILLION
        width = float(edges[1] - edges[0]) / MILLION
        met = edges[:-1] >= 0
        self.below.setOpts(x=centres[~met], height=counts[~met], width=width)
        self.above.setOpts(x=centres[met], height=counts[met], width=width)
        self.reserves.setValue(-result.reserves / MILLION)
        for p, line in self.percentiles.items():
            line.setValue(result.percentile(p) / MILLION)
        plot = self.getPlotItem()
        plot.setTitle(f"Year-end position: {result.settings.draws:,} draws",
                      color="#212B32", size="11pt")
        low = min(float(edges[0]), -result.reserves, 0.0) / MILLION
        high = max(float(edges[-1]), 0.0) / MILLION
        pad = (high - low) * 0.04 or 1.0
        # some room right of £0: the (perhaps empty) side where the rules are met
        plot.setXRange(low - pad, max(high + pad, (high - low) * 0.08), padding=0)
        plot.setYRange(0, max(int(counts.max()), 1) * 1.12, padding=0)

    def bars(self) -> dict[str, np.ndarray]:
        """What is drawn (for tests): bar heights below and at or above the line."""
        return {"below": np.asarray(self.below.opts["height"]),
                "above": np.asarray(self.above.opts["height"])}
