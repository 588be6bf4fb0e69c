"""The XmR chart of a trajectory's actuals, in the NHS "Making Data Count" style.

Points are grey (common cause), blue (special cause, improving), orange (special cause,
concerning) or purple (special cause where no direction is better); the mean and the
process limits are drawn per segment, so a rebase starts new lines. Everything drawn
comes from the engine's SpcResult.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from workbench.domain.trajectories import Direction, Trajectory
from workbench.engine.spc import Assurance, SpcResult, Variation, trajectory_spc
from workbench.ui import style
from workbench.ui.trajectories.period_chart import PeriodChart, x_of
from workbench.ui.trajectories.values import format_value

NHS_PURPLE = "#330072"
POINT_COLOURS = {
    Variation.COMMON_CAUSE: style.NHS_MID_GREY,
    Variation.IMPROVING: style.NHS_BLUE,
    Variation.CONCERNING: style.NHS_ORANGE,
    Variation.HIGHER: NHS_PURPLE,
    Variation.LOWER: NHS_PURPLE,
}
EMPTY = np.zeros(0)


def variation_text(result: SpcResult, direction: Direction) -> str:
    """The variation icon's meaning, e.g. 'Special cause – concerning (low)'."""
    kind = result.variation
    high_is_good = direction is not Direction.LOWER
    if kind is Variation.IMPROVING:
        return f"Special cause – improving ({'high' if high_is_good else 'low'})"
    if kind is Variation.CONCERNING:
        return f"Special cause – concerning ({'low' if high_is_good else 'high'})"
    if kind in (Variation.HIGHER, Variation.LOWER):
        side = "high" if kind is Variation.HIGHER else "low"
        return f"Special cause – {side} (neither improvement nor concern)"
    return "Common cause – no significant change"


def assurance_text(result: SpcResult, path: Trajectory) -> str:
    """The assurance icon's meaning, e.g. 'Assurance: fails the target'."""
    if path.target is None:
        return "Assurance: no target to assure"
    if path.direction is Direction.NEUTRAL:
        return "Assurance: none (no direction is better for this metric)"
    target = format_value(path.target, path.unit)
    return {
        Assurance.PASS: f"Assurance: consistently passes the target ({target})",
        Assurance.FAIL: f"Assurance: consistently fails the target ({target})",
        Assurance.HIT_AND_MISS: f"Assurance: hit and miss – the target ({target}) lies "
                                "within the process limits",
    }.get(result.assurance, "Assurance: not enough points to judge")


class SpcChart(PeriodChart):
    """Items are built once; a redraw only sets data."""

    def __init__(self, parent=None) -> None:
        super().__init__("SPC: actuals with process limits", "SPC chart of actuals", parent)
        legend = self.add_legend(3)
        grey = style.NHS_DARK_GREY
        self.limits = self.plot_item.plot(name="Process limits", connect="finite", pen=pg.mkPen(
            grey, width=1.5, style=Qt.PenStyle.DashLine))
        self.lower = self.plot_item.plot(connect="finite", pen=pg.mkPen(
            grey, width=1.5, style=Qt.PenStyle.DashLine))
        self.mean = self.plot_item.plot(name="Mean", connect="finite",
                                        pen=pg.mkPen("#212B32", width=1.5))
        self.target = self.plot_item.plot(name="Target", pen=pg.mkPen(
            style.NHS_RED, width=2, style=Qt.PenStyle.DotLine))
        line = pg.mkPen(style.NHS_MID_GREY, width=1.5)
        self.values = self.plot_item.plot(pen=line, symbol="o", symbolSize=8, symbolPen=None,
                                          symbolBrush=style.NHS_MID_GREY)
        self.values.setZValue(10)
        # Legend-only samples: the legend draws a symbol from an item's single brush, and
        # the points' brushes are one per point.
        self._samples = [pg.PlotDataItem([0], [0], pen=line, symbol="o", symbolSize=8,
                                         symbolPen=None, symbolBrush=style.NHS_MID_GREY)]
        legend.addItem(self._samples[0], "Common cause")
        for name, colour in (("Improvement", style.NHS_BLUE), ("Concern", style.NHS_ORANGE)):
            self._samples.append(pg.ScatterPlotItem(symbol="o", size=8, pen=None, brush=colour))
            legend.addItem(self._samples[-1], name)
        self.upper = self.limits  # the legend entry names both limit lines
        self.trajectory: Trajectory | None = None
        self.result: SpcResult | None = None

    def show_trajectory(self, path: Trajectory | None) -> SpcResult | None:
        """Redraw from the engine; the result (None if fewer than two actuals) is kept."""
        self.trajectory = path
        self.result = trajectory_spc(path) if path is not None and len(path.actuals) > 1 \
            else None
        result = self.result
        if path is None or result is None:
            for item in (self.values, self.mean, self.upper, self.lower, self.target):
                item.setData(EMPTY, EMPTY)
            self.set_empty("SPC: " + ("needs at least two actuals" if path else
                                      "select a trajectory"))
            return result
        frame = result.frame
        periods = list(frame.index)
        xs = np.array([x_of(p) for p in periods])
        self.set_axes(path.unit, periods)
        kinds = [Variation(v) for v in frame["variation"]]
        self.values.setData(xs, frame["value"].to_numpy(float),
                            symbolBrush=[pg.mkBrush(POINT_COLOURS[k]) for k in kinds])
        for item, column in ((self.mean, "mean"), (self.upper, "upper"), (self.lower, "lower")):
            item.setData(*self._by_segment(result, xs, frame[column].to_numpy(float)))
        if path.target is not None:
            self.target.setData(np.array([xs[0], xs[-1]]), np.array([path.target] * 2))
        else:
            self.target.setData(EMPTY, EMPTY)
        self.set_title(self.year_title(f"SPC: {path.metric}", periods))
        shown = np.r_[frame[["value", "upper", "lower"]].to_numpy(float).ravel(),
                      [] if path.target is None else [path.target]]
        self.fit(xs, shown)
        return result

    @staticmethod
    def _by_segment(result: SpcResult, xs: np.ndarray,
                    ys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """One line per segment: a NaN between segments breaks the line at a rebase."""
        out_x: list[float] = []
        out_y: list[float] = []
        for k, seg in enumerate(result.segments):
            if k:
                out_x.append(float(xs[seg.start]))
                out_y.append(np.nan)
            out_x += xs[seg.start:seg.stop].tolist()
            out_y += ys[seg.start:seg.stop].tolist()
        return np.array(out_x), np.array(out_y)

    def series(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """What is plotted (x, y) per item, for tests and checks."""
        return {name: item.getData() for name, item in
                (("value", self.values), ("mean", self.mean), ("upper", self.upper),
                 ("lower", self.lower), ("target", self.target))}

    def point_colours(self) -> list[str]:
        """The colour of each point as drawn, '#rrggbb'."""
        brushes = self.values.opts["symbolBrush"]
        if not isinstance(brushes, list):
            return []
        return [b.color().name().upper() for b in brushes]

    def hover_text(self, period: str) -> str | None:
        path, result = self.trajectory, self.result
        if path is None or result is None or period not in result.frame.index:
            return None
        row = result.frame.loc[period]
        note = path.actuals[period].note if period in path.actuals else ""
        lines = [period, f"Actual {format_value(float(row['value']), path.unit)}",
                 f"Mean {format_value(float(row['mean']), path.unit)}", str(row["variation"])]
        return "\n".join(lines + ([note] if note else []))


ASSURANCE_COLOURS = {Assurance.PASS: style.NHS_BLUE, Assurance.FAIL: style.NHS_ORANGE,
                     Assurance.HIT_AND_MISS: style.NHS_MID_GREY}


def spc_summary(path: Trajectory | None, result: SpcResult | None) -> str:
    """Rich text under the chart: the two icons' meanings, the baseline and any warnings."""
    if path is None:
        return ""
    if result is None or not result.segments:
        return "An SPC chart needs at least two actuals."
    first = result.segments[0]
    periods = list(result.frame.index)
    dot = '<span style="color:{}; font-size:14pt">●</span> {}'
    variation = dot.format(POINT_COLOURS.get(result.variation, style.NHS_MID_GREY),
                           "Variation: " + variation_text(result, path.direction))
    colour = ASSURANCE_COLOURS.get(result.assurance, style.NHS_PALE_GREY)
    parts = [variation, dot.format(colour, assurance_text(result, path))]
    n = first.baseline_stop - first.baseline_start
    basis = (f"Limits from {periods[first.baseline_start]} to "
             f"{periods[first.baseline_stop - 1]} ({n} points)")
    if len(result.segments) > 1:
        starts = ", ".join(periods[s.start] for s in result.segments[1:])
        basis += f"; rebased at {starts}"
    parts.append(basis)
    parts += [f'<span style="color:{style.NHS_RED}">Caution: {w}</span>'
              for w in result.warnings]
    return "<br>".join(parts)
