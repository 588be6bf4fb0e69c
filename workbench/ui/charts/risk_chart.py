"""Risk exposure: gross, likelihood-weighted, after mitigations, and net of reserves."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from workbench.engine.results import PlanResults
from workbench.ui import style
from workbench.ui.charts.axes import (
    MILLION,
    MoneyAxis,
    SteadyRange,
    fixed_range,
    keep_range,
    money_tick,
    style_plot,
)

STEPS = ["Gross", "Weighted", "Mitigated", "Net"]  # short: four fit a narrow pane
KEY = " ".join(f'<span style="color:{colour}">■</span> {label}' for colour, label in (
    (style.NHS_AQUA_GREEN, "covered by reserves"), (style.NHS_DARK_BLUE, "net of reserves"),
    (style.NHS_LIGHT_BLUE, "selected risk")))


class RiskChart(pg.PlotWidget):
    """Redrawn only when the four figures change (an edit of a scheme leaves them as they
    were); the value axis moves only when the bars leave it."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent, axisItems={"left": MoneyAxis("left")}, background="w")
        self.setAccessibleName("Risk exposure chart")
        plot = self.getPlotItem()
        style_plot(plot, "Risk exposure")
        x = np.arange(len(STEPS))
        self.bars = pg.BarGraphItem(
            x=x, height=np.zeros(len(STEPS)), width=0.62, pen=pg.mkPen(None),
            brushes=[style.NHS_RED, style.NHS_ORANGE, style.NHS_WARM_YELLOW, style.NHS_DARK_BLUE])
        plot.addItem(self.bars)
        self.reserves = pg.BarGraphItem(x=[3], y0=[0], height=[0], width=0.62,
                                        brush=pg.mkBrush(0, 164, 153, 90),
                                        pen=pg.mkPen(style.NHS_AQUA_GREEN, width=1))
        plot.addItem(self.reserves)
        # the colour key under the axis, where it can never cover a bar
        plot.setLabel("bottom", KEY)
        self.selected = pg.BarGraphItem(x=x, height=np.zeros(len(STEPS)), width=0.3,
                                        brush=style.NHS_LIGHT_BLUE, pen=pg.mkPen("w"))
        self.selected.hide()
        plot.addItem(self.selected)
        plot.getAxis("bottom").setTicks([[(i, s) for i, s in enumerate(STEPS)]])
        self.labels = [pg.TextItem(color="#212B32", anchor=(0.5, 1)) for _ in STEPS]
        for label in self.labels:
            plot.addItem(label)
        fixed_range(plot.vb, x=(-0.5, len(STEPS) - 0.5), y=(0.0, 1.0))
        self._y_range = SteadyRange(least=1.0)  # an empty plan: a clean £0 to £1m axis
        self.getPlotItem().getAxis("left").floor = 0.0  # no tick below £0
        self._values: np.ndarray | None = None
        self._results: PlanResults | None = None
        self._risk: int | None = None

    def update_results(self, results: PlanResults) -> None:
        previous, self._results = self._results, results
        s = results.summary
        values = np.array([float(s.risks_gross), s.risks_weighted, s.risks_after_mitigation,
                           s.risks_net]) / MILLION
        if not np.array_equal(values, self._values):
            self._values = values
            self.bars.setOpts(height=values)
            # reserves shown as the slice between 'after mitigations' and 'net'
            self.reserves.setOpts(x=[3], y0=[values[3]], height=[values[2] - values[3]])
            for i, (label, value) in enumerate(zip(self.labels, values, strict=True)):
                label.setText(money_tick(value, 1))
                label.setPos(i, value)
            keep_range(self.getPlotItem().vb, "y", self._y_range, 0.0,
                       max(float(values.max()), 0.0) * 1.15)  # room for labels
        if previous is None or results.risk_figures is not previous.risk_figures:
            self._draw_selected()

    def highlight(self, kind: str | None, row_id: int | None) -> None:
        self._risk = row_id if kind == "risk" else None
        self._draw_selected()

    def _draw_selected(self) -> None:
        figures = self._results.risk_figures if self._results is not None else None
        if figures is None or self._risk is None or self._risk not in figures.index:
            self.selected.hide()
            return
        row = figures.loc[self._risk]
        self.selected.setOpts(height=np.array(
            [row["gross"], row["weighted"], row["net"], 0.0]) / MILLION)
        self.selected.show()

    def series(self) -> dict[str, np.ndarray]:
        out = {"exposure": np.asarray(self.bars.opts["height"], dtype=float)}
        if self.selected.isVisible():
            out["selected"] = np.asarray(self.selected.opts["height"], dtype=float)
        return out
