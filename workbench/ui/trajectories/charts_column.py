"""The right of the Trajectories page: the plan chart, the SPC chart with what its icons
mean, and the SPC settings row. `charts` is what the page saves as PNG or PDF."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from workbench.domain.trajectories import Trajectory
from workbench.ui import style
from workbench.ui.charts.export_menu import install_chart_export
from workbench.ui.plan_controller import PlanController
from workbench.ui.trajectories.plan_chart import PlanChart
from workbench.ui.trajectories.spc_chart import SpcChart, spc_summary
from workbench.ui.trajectories.spc_settings import SpcSettingsRow


class ChartsColumn(QWidget):
    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan_chart = PlanChart()
        self.spc_chart = SpcChart()
        for chart in (self.plan_chart, self.spc_chart):
            install_chart_export(chart, lambda: controller.plan)  # right-click
        self.spc_label = QLabel()
        self.spc_label.setWordWrap(True)
        self.spc_label.setAccessibleName("SPC variation and assurance")
        self.spc_label.setTextFormat(Qt.TextFormat.RichText)
        self.spc_label.setContentsMargins(6, 2, 6, 2)
        self.spc_settings = SpcSettingsRow(controller)
        self.charts = QWidget()
        self.charts.setAccessibleName("Trajectory charts")
        white = self.charts.palette()
        white.setColor(QPalette.ColorRole.Window, QColor(style.WHITE))
        self.charts.setPalette(white)
        self.charts.setAutoFillBackground(True)  # a white page when saved
        column = QVBoxLayout(self.charts)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.plan_chart, 1)
        column.addWidget(self.spc_chart, 1)
        column.addWidget(self.spc_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.charts, 1)
        layout.addWidget(self.spc_settings)

    def show_trajectory(self, path: Trajectory | None) -> None:
        """Redraw both charts from the engine and sync the settings row."""
        self.plan_chart.show_trajectory(path)
        result = self.spc_chart.show_trajectory(path)
        self.spc_label.setText(spc_summary(path, result))
        self.spc_settings.show_trajectory(path)

    def mark(self, period: str | None) -> None:
        """The grid's current period: a marker on both charts, the rebase button's period."""
        for chart in (self.plan_chart, self.spc_chart):
            chart.mark(period)
        self.spc_settings.set_selected_period(period)
