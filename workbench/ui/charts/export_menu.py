""""Export chart…" on each chart's right-click menu: the save dialog (Documents, a
Windows-safe name), a caption from the plan, the file through the shared export helpers
(so a file held open gets "close it and try again")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QWidget

from workbench.domain.plan import Plan
from workbench.ui.charts.export import (
    FORMATS,
    RENDERERS,
    ChartCaption,
    export_chart,
    page_charts,
)
from workbench.ui.export_paths import ask_save_path, save_export


def chart_title(chart: QWidget) -> str:
    """The chart's own title (pyqtgraph plot title), else its accessible name."""
    items = []
    if hasattr(chart, "getPlotItem"):
        items = [chart.getPlotItem()]
    elif hasattr(chart, "ci"):
        items = [item for item in chart.ci.items if hasattr(item, "titleLabel")]
    for item in items:
        text = item.titleLabel.text if item.titleLabel.isVisible() else ""
        if text:
            return text
    return chart.accessibleName() or "Chart"


def ask_export_chart(chart: QWidget, caption: ChartCaption, *name_parts: str) -> Path | None:
    """Save dialog (Documents, a Windows-safe name), then the file; None if cancelled or
    not written (the user was told why)."""
    filters = ";;".join(f"{label} (*{suffix})" for suffix, label in FORMATS.items())
    path = ask_save_path(chart, "Export chart", *name_parts, caption.title, suffix=".png",
                         filter_text=filters)
    if path is None:
        return None
    if path.suffix.lower() not in RENDERERS:
        path = path.with_name(path.name + ".png")
    return path if save_export(chart, path, lambda p: export_chart(chart, p, caption)) else None


def plan_caption(chart: QWidget, plan: Plan) -> ChartCaption:
    """The chart's title, the plan's organisation and ODS code, today, the plan as source."""
    return ChartCaption(chart_title(chart), f"{plan.organisation} ({plan.ods_code})",
                        source=f"Source: {plan.title}, Planning Workbench")


def figure_caption(plan: Plan) -> ChartCaption:
    """A page's charts exported together: the plan's name and year as the title."""
    return ChartCaption(f"{plan.name} {plan.first_year.label}",
                        f"{plan.organisation} ({plan.ods_code})",
                        source=f"Source: {plan.title}, Planning Workbench")


def save_page_charts(page: QWidget, plan: Plan, path: Path) -> Path:
    """File > Export charts: every chart on `page` in one captioned figure."""
    return export_chart(page_charts(page) or page, path, figure_caption(plan))


def install_chart_export(chart: QWidget, plan: Callable[[], Plan]) -> QMenu:
    """A right-click menu with "Export chart…" on `chart`, captioned from the current
    `plan()` (the plots keep pyqtgraph's own menus off; its exporter dialog is never
    offered: its SVG exporter crashes with PySide6)."""
    menu = QMenu(chart)
    menu.addAction("Export chart…", lambda: ask_export_chart(
        chart, plan_caption(chart, plan()), plan().ods_code))
    chart.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    chart.customContextMenuRequested.connect(lambda pos: menu.popup(chart.mapToGlobal(pos)))
    return menu
