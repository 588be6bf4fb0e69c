"""One activity line by month: the plan (overrides marked), the profile, last year, actuals."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from workbench.domain.activity import ActivityLine
from workbench.domain.periods import FinancialYear, short_month
from workbench.engine.activity import ActivityResults
from workbench.ui import style
from workbench.ui.charts.axes import month_ticks, style_plot


class CountAxis(pg.AxisItem):
    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph override)
        return [f"{v:,.0f}" for v in values]


class ActivityChart(pg.PlotWidget):
    """Items are built once; a redraw only sets data."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent, axisItems={"left": CountAxis("left")}, background="w")
        self.setAccessibleName("Activity plan against actuals chart")
        self.setMinimumHeight(260)
        plot = self.getPlotItem()
        style_plot(plot, "Activity: plan against actual")
        legend = plot.addLegend(offset=(8, 4), labelTextColor="#212B32",
                                brush=pg.mkBrush(255, 255, 255, 220))
        legend.setColumnCount(5)  # one row across the top, clear of the lines
        self.last_year = plot.plot(name="Last year", pen=pg.mkPen(
            style.NHS_MID_GREY, width=1, style=Qt.PenStyle.DotLine))
        self.profiled = plot.plot(name="Profiled plan", pen=pg.mkPen(
            style.NHS_LIGHT_BLUE, width=2, style=Qt.PenStyle.DashLine))
        self.planned = plot.plot(name="Plan", pen=pg.mkPen(style.NHS_BLUE, width=3))
        self.overrides = plot.plot(name="Typed by you", pen=None, symbol="s", symbolSize=9,
                                   symbolBrush=style.NHS_WARM_YELLOW,
                                   symbolPen=pg.mkPen(style.NHS_DARK_GREY))
        self.actuals = plot.plot(name="Actual", pen=pg.mkPen(style.NHS_DARK_BLUE, width=1),
                                 symbol="o", symbolSize=7, symbolBrush=style.NHS_DARK_BLUE,
                                 symbolPen=None)
        self.hover = pg.TextItem(color="#212B32", fill=pg.mkBrush(255, 255, 255, 230),
                                 border=pg.mkPen(style.NHS_MID_GREY))
        self.hover.setZValue(100)
        self.hover.hide()
        plot.addItem(self.hover)
        self._months: list[str] = []
        self._rows: dict[str, np.ndarray] = {}
        self._line: ActivityLine | None = None
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def show_line(self, line: ActivityLine | None, results: ActivityResults) -> None:
        self._line = line
        if line is None or line.id not in results.monthly.index:
            for item in (self.last_year, self.profiled, self.planned, self.overrides,
                         self.actuals):
                item.setData([], [])
            self._rows = {}
            self.getPlotItem().setTitle("Activity: select a line", color="#212B32")
            return
        months = FinancialYear(line.year).months()
        if months != self._months:
            self._months = months
            self.getPlotItem().getAxis("bottom").setTicks(month_ticks(months))
        x = np.arange(12)
        planned = results.monthly.loc[line.id].to_numpy(float)
        profiled = results.profiled.loc[line.id].to_numpy(float)
        typed = sorted(line.overrides)
        actual = sorted(line.actuals)
        self._rows = {"plan": planned, "profiled": profiled}
        self.planned.setData(x, planned)
        self.profiled.setData(x, profiled)
        self.overrides.setData(np.array(typed, float), planned[typed] if typed else [])
        self.actuals.setData(np.array(actual, float),
                             np.array([float(line.actuals[m]) for m in actual]))
        last = np.array([float(v) for v in line.last_year_monthly])
        self.last_year.setData(x if len(last) else [], last)
        # From zero, so a month's swing looks as big as it is; headroom for the legend.
        top = max([planned.max(), profiled.max(), *(last.tolist() or [0]),
                   *(float(v) for v in line.actuals.values())])
        self.getPlotItem().setYRange(0, top * 1.18 if top > 0 else 1, padding=0)
        where = line.provider_name or line.provider
        self.getPlotItem().setTitle(
            f"{line.measure.value}, {where} {FinancialYear(line.year).label}", color="#212B32",
            size="11pt")

    def series(self) -> dict[str, np.ndarray]:
        """What is plotted (for tests and exports)."""
        return {"plan": self.planned.getData()[1], "profiled": self.profiled.getData()[1],
                "typed": self.overrides.getData()[1], "actual": self.actuals.getData()[1]}

    def _on_mouse_moved(self, pos) -> None:
        plot = self.getPlotItem()
        line = self._line
        if line is None or not self._rows or not plot.sceneBoundingRect().contains(pos):
            self.hover.hide()
            return
        i = int(round(plot.vb.mapSceneToView(pos).x()))
        if not 0 <= i < 12:
            self.hover.hide()
            return
        plan = self._rows["plan"][i]
        text = f"{short_month(self._months[i])}\nPlan {plan:,.0f}"
        if i in line.overrides:
            text += f" (typed; profile {self._rows['profiled'][i]:,.0f})"
        if i in line.actuals:
            text += f"\nActual {float(line.actuals[i]):,.0f}"
        if line.note:
            text += f"\n{line.note}"
        self.hover.setText(text)
        self.hover.setPos(i, plan)
        self.hover.show()
