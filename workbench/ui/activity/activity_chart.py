"""One activity line by month: the plan (overrides marked), the profile, last year, actuals."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from workbench.domain.activity import ActivityLine
from workbench.domain.periods import FinancialYear, short_month
from workbench.engine.activity import ActivityResults
from workbench.ui import style
from workbench.ui.charts.axes import SteadyRange, fixed_range, keep_range, month_ticks, style_plot

LEGEND_MARGIN = 8  # px between the legend and the plot's edges


class CountAxis(pg.AxisItem):
    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph override)
        return [f"{v:,.0f}" for v in values]


class ActivityChart(pg.PlotWidget):
    """Items are built once; a redraw only sets the data that changed. The count axis
    starts afresh for each line and then moves only when the line leaves it, and the
    title is set only when it changes."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent, axisItems={"left": CountAxis("left")}, background="w")
        self.setAccessibleName("Activity plan against actuals chart")
        self.setMinimumHeight(260)
        plot = self.getPlotItem()
        style_plot(plot, "Activity: plan against actual")
        self.legend = plot.addLegend(offset=(LEGEND_MARGIN, 4), labelTextColor="#212B32",
                                     brush=pg.mkBrush(255, 255, 255, 220))
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
        self._fit_legend()
        plot.vb.sigResized.connect(lambda _vb: self._fit_legend())
        fixed_range(plot.vb, x=(-0.25, 11.25), y=(0.0, 1.0))
        self._y_range = SteadyRange(headroom=1.18)
        self._title = ""
        self._drawn: dict[str, tuple] = {}
        self._months: list[str] = []
        self._rows: dict[str, np.ndarray] = {}
        self._line: ActivityLine | None = None
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def _fit_legend(self) -> None:
        """As many legend entries to a row as the plot's width holds (one row across the
        top when it can, clear of the lines; on a laptop's narrower chart, two)."""
        legend, room = self.legend, self.getPlotItem().vb.width() - 2 * LEGEND_MARGIN
        for columns in range(len(legend.items), 0, -1):
            legend.setColumnCount(columns)
            if legend.width() <= room:
                return

    def _title_to(self, title: str, **style) -> None:
        if title != self._title:
            self._title = title
            self.getPlotItem().setTitle(title, color="#212B32", **style)

    def _set(self, name: str, item, x, y) -> None:
        """setData unless the item already shows these points."""
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        drawn = self._drawn.get(name)
        if drawn is not None and np.array_equal(drawn[0], x) and np.array_equal(drawn[1], y):
            return
        self._drawn[name] = (x, y)
        item.setData(x, y)

    def _count_values(self, shown: bool) -> None:
        """Numbers on the count axis only when a line is drawn (set only when it changes)."""
        axis = self.getPlotItem().getAxis("left")
        if axis.style["showValues"] != shown:
            axis.setStyle(showValues=shown)

    def _month_axis(self, year: int) -> None:
        months = FinancialYear(year).months()
        if months != self._months:
            self._months = months
            self.getPlotItem().getAxis("bottom").setTicks(month_ticks(months))

    def show_line(self, line: ActivityLine | None, results: ActivityResults,
                  empty: str = "Activity: select a line", year: int | None = None) -> None:
        """Draw `line`. With no line the title says `empty`, the count axis has no numbers
        and the months are `year`'s (when given)."""
        if line is None or line.id not in results.monthly.index:
            self._line = line
            for name, item in (("last_year", self.last_year), ("profiled", self.profiled),
                               ("planned", self.planned), ("overrides", self.overrides),
                               ("actuals", self.actuals)):
                self._set(name, item, [], [])
            self._rows = {}
            self._title_to(empty)
            if year is not None:
                self._month_axis(year)
            self._count_values(False)
            return
        self._count_values(True)
        if self._line is None or self._line.id != line.id:
            self._y_range = SteadyRange(headroom=1.18)  # a new line: its own scale
        self._line = line
        self._month_axis(line.year)
        x = np.arange(12)
        planned = results.monthly.loc[line.id].to_numpy(float)
        profiled = results.profiled.loc[line.id].to_numpy(float)
        typed = sorted(line.overrides)
        actual = sorted(line.actuals)
        self._rows = {"plan": planned, "profiled": profiled}
        self._set("planned", self.planned, x, planned)
        self._set("profiled", self.profiled, x, profiled)
        self._set("overrides", self.overrides, typed, planned[typed] if typed else [])
        self._set("actuals", self.actuals, actual, [float(line.actuals[m]) for m in actual])
        last = np.array([float(v) for v in line.last_year_monthly])
        self._set("last_year", self.last_year, x if len(last) else [], last)
        # From zero, so a month's swing looks as big as it is; headroom for the legend.
        top = max([planned.max(), profiled.max(), *(last.tolist() or [0]),
                   *(float(v) for v in line.actuals.values())])
        keep_range(self.getPlotItem().vb, "y", self._y_range, 0.0, max(float(top), 0.0))
        where = line.provider_name or line.provider
        self._title_to(f"{line.measure.value}, {where} {FinancialYear(line.year).label}",
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
