"""Cumulative savings by month against the savings requirement: planned, risk-adjusted, gap."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from workbench.engine.results import PlanResults
from workbench.ui import style
from workbench.ui.charts.axes import (
    MILLION,
    MoneyAxis,
    SteadyRange,
    fixed_range,
    keep_range,
    month_ticks,
    style_plot,
)

OVERLAY_COLOURS = (style.NHS_ORANGE, style.NHS_DARK_BLUE, "#7C2855", style.NHS_GREEN)


class SavingsChart(pg.PlotWidget):
    """Items are built once; a recompute sets only the data that changed (no clear-and-redraw,
    nothing at all when the curves are as drawn), and the value axis moves only when the
    curves leave it (SteadyRange) instead of auto-ranging at paint time."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent, axisItems={"left": MoneyAxis("left")}, background="w")
        self.setAccessibleName("Cumulative savings against requirement chart")
        plot = self.getPlotItem()
        style_plot(plot, "Cumulative savings v requirement")
        self.legend = plot.addLegend(offset=(8, 8), labelTextColor="#212B32",
                                     brush=pg.mkBrush(255, 255, 255, 220))
        self.requirement = plot.plot(name="Requirement", pen=pg.mkPen(
            style.NHS_DARK_GREY, width=2, style=Qt.PenStyle.DashLine))
        self.planned = plot.plot(name="Planned", pen=pg.mkPen(style.NHS_BLUE, width=3),
                                 symbol="o", symbolSize=5, symbolBrush=style.NHS_BLUE,
                                 symbolPen=None)
        self.risk_adjusted = plot.plot(name="Risk-adjusted",
                                       pen=pg.mkPen(style.NHS_AQUA_GREEN, width=2))
        self.gap_fill = pg.FillBetweenItem(self.requirement, self.planned,
                                           brush=pg.mkBrush(218, 41, 28, 40))
        plot.addItem(self.gap_fill)
        self.legend.addItem(pg.BarGraphItem(x=[0], height=[0], width=0,
                                            brush=pg.mkBrush(218, 41, 28, 80)), "Gap")
        self.highlight_curve = plot.plot(name="Selected", pen=pg.mkPen(
            style.NHS_ORANGE, width=3), symbol="s", symbolSize=6,
            symbolBrush=style.NHS_ORANGE, symbolPen=None)
        self.gap_label = pg.TextItem(color=style.NHS_RED, anchor=(1, 0))  # under the line's end
        plot.addItem(self.gap_label)
        self.hover = pg.TextItem(color="#212B32", fill=pg.mkBrush(255, 255, 255, 230),
                                 border=pg.mkPen(style.NHS_MID_GREY))
        self.hover.setZValue(100)
        self.hover.hide()
        plot.addItem(self.hover)
        plot.setLabel("bottom", "")
        fixed_range(plot.vb, y=(0.0, 1.0))
        self._y_range = SteadyRange(least=1.0)  # an empty plan: a clean £0 to £1m axis
        self._gap_anchor: tuple[int, int] | None = None
        self._drawn: dict[str, np.ndarray] = {}
        self._months: list[str] = []
        self._results: PlanResults | None = None
        self._highlight: tuple[str | None, int | None] = (None, None)
        self._workstream_of: dict[int, int | None] = {}
        self.overlays: dict[str, pg.PlotDataItem] = {}  # scenario name -> its line
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def update_results(self, results: PlanResults, workstream_of: dict[int, int | None]) -> None:
        self._results = results
        self._workstream_of = workstream_of
        frame = results.savings_monthly
        if results.months != self._months:
            self._months = list(results.months)
            self._drawn = {}
            self.getPlotItem().getAxis("bottom").setTicks(month_ticks(self._months))
            self.getPlotItem().vb.setXRange(-0.25, len(self._months) - 0.75, padding=0)
        x = np.arange(len(self._months))
        for name, curve in (("requirement_cum", self.requirement),
                            ("planned_cum", self.planned),
                            ("risk_adjusted_cum", self.risk_adjusted)):
            values = frame[name].to_numpy(dtype=float) / MILLION
            if not np.array_equal(values, self._drawn.get(name)):
                curve.setData(x, values)
                self._drawn[name] = values
        gap = float(frame["gap_cum"].iloc[-1])
        self.gap_label.setText(f"Gap at March: {style.fmt_money(gap)}")
        end = float(frame["requirement_cum"].iloc[-1]) / MILLION
        top = self._y_range.range[1] if self._y_range.range else end
        anchor = (1, 0) if end > top / 2 else (1, 1)  # the label stays inside the plot
        if self.gap_label.pos() != pg.Point(x[-1], end) or anchor != self._gap_anchor:
            self._gap_anchor = anchor
            self.gap_label.setAnchor(anchor)
            self.gap_label.setPos(x[-1], end)
        self._draw_highlight()

    def show_overlays(self, lines: list[tuple[str, np.ndarray]]) -> None:
        """One dashed line per scenario: its risk-adjusted cumulative savings (pounds, as
        the engine computed them for the scenario); an empty list removes them."""
        plot = self.getPlotItem()
        wanted = dict(lines)
        for name in [n for n in self.overlays if n not in wanted]:
            item = self.overlays.pop(name)
            self.legend.removeItem(item)
            plot.removeItem(item)
        for i, (name, values) in enumerate(lines):
            item = self.overlays.get(name)
            if item is None:
                colour = OVERLAY_COLOURS[i % len(OVERLAY_COLOURS)]
                item = plot.plot(name=f"{name} (risk-adj.)", pen=pg.mkPen(
                    colour, width=2, style=Qt.PenStyle.DashDotLine))
                self.overlays[name] = item
            data = np.asarray(values, dtype=float) / MILLION
            item.setData(np.arange(len(data)), data)
        self._fit_range()

    def overlay_series(self) -> dict[str, np.ndarray]:
        """Each scenario's line as drawn, in £m (for tests)."""
        return {name: item.getData()[1] for name, item in self.overlays.items()}

    def _fit_range(self) -> None:
        curves = [*self._drawn.values()]
        curves += [item.getData()[1] for item in self.overlays.values()]
        selected = self.highlight_curve.getData()[1]
        if selected is not None and len(selected):
            curves.append(selected)
        values = np.concatenate([c for c in curves if c is not None and len(c)] or [[0.0]])
        keep_range(self.getPlotItem().vb, "y", self._y_range, float(values.min()),
                   float(values.max()))

    def highlight(self, kind: str | None, row_id: int | None) -> None:
        self._highlight = (kind, row_id)
        self._draw_highlight()

    def selected_cumulative(self) -> np.ndarray | None:
        """The selected scheme's (or workstream's schemes') cumulative savings, pounds."""
        kind, row_id = self._highlight
        if self._results is None or kind is None or row_id is None:
            return None
        monthly = self._results.scheme_monthly
        if kind == "scheme":
            ids = [row_id] if row_id in monthly.index else []
        elif kind == "workstream":
            ids = [s for s, w in self._workstream_of.items() if w == row_id]
        else:
            return None
        if not ids:
            return None
        return monthly.loc[ids].sum(axis=0).cumsum().to_numpy()

    def _draw_highlight(self) -> None:
        values = self.selected_cumulative()
        if values is None:
            # emptied rather than hidden: the legend keeps its plain "Selected" sample
            shown = self.highlight_curve.getData()[1]
            if shown is not None and len(shown):
                self.highlight_curve.setData([], [])
        else:
            values = values / MILLION
            if not np.array_equal(values, self.highlight_curve.getData()[1]):
                self.highlight_curve.setData(np.arange(len(values)), values)
        self._fit_range()

    def series(self) -> dict[str, np.ndarray]:
        """What is plotted, in £m (for tests and exports)."""
        out = {
            "requirement_cum": self.requirement.getData()[1],
            "planned_cum": self.planned.getData()[1],
            "risk_adjusted_cum": self.risk_adjusted.getData()[1],
        }
        selected = self.highlight_curve.getData()[1]
        if selected is not None and len(selected):
            out["selected_cum"] = selected
        return out

    def _on_mouse_moved(self, pos) -> None:
        plot = self.getPlotItem()
        if not self._months or not plot.sceneBoundingRect().contains(pos):
            self.hover.hide()
            return
        point = plot.vb.mapSceneToView(pos)
        i = int(round(point.x()))
        if not 0 <= i < len(self._months):
            self.hover.hide()
            return
        data = self.series()
        self.hover.setText(
            f"{self._months[i]}\nPlanned £{data['planned_cum'][i]:.2f}m\n"
            f"Risk-adjusted £{data['risk_adjusted_cum'][i]:.2f}m\n"
            f"Requirement £{data['requirement_cum'][i]:.2f}m"
        )
        self.hover.setPos(i, data["planned_cum"][i])
        self.hover.show()
