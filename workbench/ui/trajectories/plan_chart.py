"""Plan against actual against target for one trajectory, from the engine's frame."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import Qt

from workbench.domain.trajectories import Trajectory
from workbench.engine.trajectories import trajectory_frame
from workbench.ui import style
from workbench.ui.trajectories.period_chart import PeriodChart, x_of, x_of_date
from workbench.ui.trajectories.values import format_value

EMPTY = np.zeros(0)


class PlanChart(PeriodChart):
    """Items are built once; a redraw only sets data."""

    def __init__(self, parent=None) -> None:
        super().__init__("Plan, actual and target", "Plan against actual and target chart",
                         parent)
        self.add_legend(3)
        self.planned = self.plot_item.plot(name="Planned path", pen=pg.mkPen(
            style.NHS_LIGHT_BLUE, width=3))
        self.actual = self.plot_item.plot(
            name="Actual", pen=pg.mkPen(style.NHS_DARK_BLUE, width=1.5), symbol="o",
            symbolSize=6, symbolBrush=style.NHS_DARK_BLUE, symbolPen=None)
        # the legend draws the symbol from the scatter's own brush, set only by data
        self.actual.scatter.setBrush(pg.mkBrush(style.NHS_DARK_BLUE))
        self.actual.scatter.setPen(pg.mkPen(None))
        self.target = self.plot_item.plot(name="Target", pen=pg.mkPen(
            style.NHS_RED, width=2, style=Qt.PenStyle.DashLine))
        self.trajectory: Trajectory | None = None
        self.frame: pd.DataFrame | None = None

    def show_trajectory(self, path: Trajectory | None) -> None:
        self.trajectory = path
        self.frame = trajectory_frame(path) if path is not None else None
        if path is None or self.frame is None or self.frame.empty:
            for item in (self.planned, self.actual, self.target):
                item.setData(EMPTY, EMPTY)
            self.set_empty("Plan, actual and target: " + (
                "no planned path or actuals yet" if path else "select a trajectory"))
            return
        frame = self.frame
        xs = np.array([x_of(p) for p in frame.index])
        self.set_axes(path.unit, list(frame.index))
        for item, column in ((self.planned, "planned"), (self.actual, "actual")):
            ys = frame[column].to_numpy(float)
            known = np.isfinite(ys)
            item.setData(xs[known], ys[known])
        target_x = self._draw_target(path, xs)
        who = f", {path.provider}" if path.provider and path.provider not in path.metric else ""
        self.set_title(self.year_title(f"{path.metric}{who}", list(frame.index)))
        values = frame[["planned", "actual", "target"]].to_numpy(float).ravel()
        self.fit(np.r_[xs, target_x], values)

    def _draw_target(self, path: Trajectory | None, xs: np.ndarray) -> np.ndarray:
        """A dashed line at the target, from the first period to the target date."""
        if path is None or path.target is None:
            self.target.setData(EMPTY, EMPTY)
            return EMPTY
        end = x_of_date(path.target_date) if path.target_date else (
            float(xs.max()) if len(xs) else None)
        if end is None:
            self.target.setData(EMPTY, EMPTY)
            return EMPTY
        start = min(float(xs.min()), end) if len(xs) else end - 365
        self.target.setData(np.array([start, end]), np.array([path.target, path.target]))
        return np.array([start, end])

    def series(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """What is plotted (x, y) per item, for tests and checks."""
        return {name: item.getData() for name, item in
                (("planned", self.planned), ("actual", self.actual), ("target", self.target))}

    def hover_text(self, period: str) -> str | None:
        path, frame = self.trajectory, self.frame
        if path is None or frame is None or period not in frame.index:
            return None
        row = frame.loc[period]
        lines = [period]
        for column, name in (("planned", "Planned"), ("actual", "Actual")):
            if np.isfinite(row[column]):
                lines.append(f"{name} {format_value(float(row[column]), path.unit)}")
        if row["note"]:
            lines.append(str(row["note"]))
        return "\n".join(lines)
