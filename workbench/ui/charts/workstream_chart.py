"""Savings by workstream (stacked by status) and the plan's status split against the need."""

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
    set_title,
    small_font,
    style_plot,
)

STATUSES = ["Identified", "Earmarked"]
UNASSIGNED = -1
# The colour key, in the title over the status bar (it names the bars above it too).
KEY = " ".join(f'<span style="color:{style.STATUS_COLOURS[s]}">■</span> {label}'
               for s, label in (("Identified", "identified"), ("Earmarked", "earmarked"),
                                ("Unidentified", "gap")))


def short(name: str, limit: int = 26) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


class WorkstreamChart(pg.GraphicsLayoutWidget):
    """Bars, ticks, title and ranges are set only when they change: an edit that leaves a
    workstream's totals as they were repaints nothing; the money axes move only when the
    bars leave them (SteadyRange)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.setAccessibleName("Savings by workstream and status chart")
        self.by_ws = self.addPlot(row=0, col=0, axisItems={"bottom": MoneyAxis("bottom")})
        style_plot(self.by_ws, "Savings by workstream")
        self.by_status = self.addPlot(row=1, col=0, axisItems={"bottom": MoneyAxis("bottom")})
        style_plot(self.by_status, "")
        set_title(self.by_status, KEY, color="#425563", size="9pt")
        self.by_status.setMaximumHeight(80)
        self.by_status.getAxis("left").setTicks([[(0, "Requirement")], []])
        for plot in (self.by_ws, self.by_status):
            plot.getAxis("bottom").floor = 0.0  # savings start at £0
            plot.getAxis("left").setWidth(175)
            # Labels closer than their text height are dropped: a smaller font fits six or more.
            plot.getAxis("left").setStyle(tickFont=small_font())
        self.bars = {
            status: pg.BarGraphItem(x0=[], y=[], width=[], height=0.7,
                                    brush=style.STATUS_COLOURS[status], pen=pg.mkPen(None))
            for status in STATUSES
        }
        for bar in self.bars.values():
            self.by_ws.addItem(bar)
        self.outline = pg.BarGraphItem(x0=[0], y=[0], width=[0], height=0.86, brush=None,
                                       pen=pg.mkPen(style.NHS_ORANGE, width=3))
        self.outline.hide()
        self.by_ws.addItem(self.outline)
        self.status_bars = pg.BarGraphItem(
            x0=[0, 0, 0], y=[0, 0, 0], width=[0, 0, 0], height=0.6,
            brushes=[style.STATUS_COLOURS[s] for s in ("Identified", "Earmarked",
                                                       "Unidentified")], pen=pg.mkPen("w"))
        self.by_status.addItem(self.status_bars)
        self.status_labels = [pg.TextItem(color="w", anchor=(0.5, 0.5)) for _ in range(3)]
        for label in self.status_labels:
            self.by_status.addItem(label)
        fixed_range(self.by_ws.vb, x=(0.0, 1.0), y=(-0.6, 0.4))
        fixed_range(self.by_status.vb, x=(0.0, 1.0), y=(-0.5, 0.5))
        self._ws_range = SteadyRange(headroom=1.05, least=1.0)
        self._status_range = SteadyRange(headroom=1.02, least=1.0)
        self._labels: list[tuple[float, str]] | None = None
        self._title = ""
        self._status_widths: np.ndarray | None = None
        self._order: list[int] = []
        self._totals: dict[str, np.ndarray] = {}
        self._highlight: tuple[str | None, int | None] = (None, None)
        self._workstream_of: dict[int, int | None] = {}

    def update_results(self, results: PlanResults, names: dict[int, str],
                       workstream_of: dict[int, int | None]) -> None:
        self._workstream_of = workstream_of
        frame = results.by_workstream
        order = [ws for ws in names if ws in frame.index]
        if UNASSIGNED in frame.index:
            order.append(UNASSIGNED)
        y = np.arange(len(order), dtype=float)[::-1]  # first workstream at the top
        rows = frame.reindex(order)
        left = np.zeros(len(order))
        same_order = order == self._order
        for status in STATUSES:
            values = rows[status].to_numpy(dtype=float) / MILLION
            if not (same_order and np.array_equal(values, self._totals.get(status))):
                self.bars[status].setOpts(x0=left.copy(), y=y, width=values, height=0.7)
                self._totals[status] = values
            left += values
        self._order = order
        labels = sorted((float(y[i]), short(names.get(ws, "Unassigned")))
                        for i, ws in enumerate(order))
        if labels != self._labels:
            self._labels = labels
            self.by_ws.getAxis("left").setTicks([labels, []])
            # room for the top label
            self.by_ws.setYRange(-0.6, max(len(order) + 0.1, 0.4), padding=0)
        keep_range(self.by_ws.vb, "x", self._ws_range, 0.0,
                   float(left.max()) if len(left) else 0.0)
        self._draw_status(results.by_status)
        self._draw_highlight()

    def _draw_status(self, status) -> None:
        widths = np.array(
            [status["Identified"], status["Earmarked"], status["Unidentified"]],
            dtype=float) / MILLION
        if np.array_equal(widths, self._status_widths):
            return
        self._status_widths = widths
        starts = np.concatenate([[0.0], np.cumsum(widths)[:-1]])
        self.status_bars.setOpts(x0=starts, y=np.zeros(3), width=widths, height=0.6)
        for label, start, width in zip(self.status_labels, starts, widths, strict=True):
            label.setText(f"£{width:.1f}m" if width > 0.15 * widths.sum() else "")
            label.setPos(start + width / 2, 0)
        keep_range(self.by_status.vb, "x", self._status_range, 0.0, float(widths.sum()))
        label = f"Requirement {money_tick(float(widths.sum()), 1)}"
        if label != self._title:  # the requirement named on the bar's axis (the key is above)
            self._title = label
            self.by_status.getAxis("left").setTicks([[(0, label)], []])

    def highlight(self, kind: str | None, row_id: int | None) -> None:
        self._highlight = (kind, row_id)
        self._draw_highlight()

    def highlighted_workstream(self) -> int | None:
        kind, row_id = self._highlight
        if kind == "workstream":
            return row_id
        if kind == "scheme" and row_id is not None:
            ws = self._workstream_of.get(row_id)
            return UNASSIGNED if ws is None and row_id in self._workstream_of else ws
        return None

    def _draw_highlight(self) -> None:
        ws = self.highlighted_workstream()
        if ws is None or ws not in self._order:
            self.outline.hide()
            return
        i = self._order.index(ws)
        total = sum(float(v[i]) for v in self._totals.values())
        y = len(self._order) - 1 - i
        opts = {"x0": [0], "y": [y], "width": [max(total, 1e-6)], "height": 0.86}
        if not (self.outline.isVisible() and all(
                self.outline.opts.get(k) == v for k, v in opts.items())):
            self.outline.setOpts(**opts)
        self.outline.show()

    def series(self) -> dict[str, np.ndarray]:
        """Plotted £m per workstream (in display order) and the status split."""
        out = {f"by_workstream_{s.lower()}": v for s, v in self._totals.items()}
        out["by_status"] = np.asarray(self.status_bars.opts["width"], dtype=float)
        out["workstream_ids"] = np.asarray(self._order)
        return out
