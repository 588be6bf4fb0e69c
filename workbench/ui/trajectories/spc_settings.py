"""The SPC settings of the selected trajectory: baseline, run and trend lengths, rebases.

Each change pushes the trajectory's new SpcSettings as one undoable SetField.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.edits import EntityKind, SetField
from workbench.domain.trajectories import SpcSettings, Trajectory
from workbench.ui.plan_controller import PlanController


class SpcSettingsRow(QGroupBox):
    message = Signal(str)  # why a setting was not applied

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__("SPC settings", parent)
        self.controller = controller
        self.trajectory: Trajectory | None = None
        self.selected_period: str | None = None
        self.start = self._combo("Baseline start period", "All, from the first")
        self.end = self._combo("Baseline end period", "All, to the last")
        self.run = self._spin("Run length (points on one side of the mean)")
        self.trend = self._spin("Trend length (points each rising or falling)")
        self.rebase = QPushButton("Rebase at selected period")
        self.rebase.setAccessibleName("Rebase the SPC limits at the selected period")
        self.rebase.setToolTip("Start new limits at the period selected in the grid")
        self.rebase.clicked.connect(self.rebase_at_selected)
        self.unrebase = QPushButton("Remove rebases")
        self.unrebase.setAccessibleName("Remove every SPC rebase")
        self.unrebase.clicked.connect(self.remove_rebases)
        # three short rows, so the charts column (and the window) can be narrow on a laptop
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 4, 6, 4)
        for items in (("Baseline from", self.start, "to", self.end),
                      ("Run", self.run, "Trend", self.trend), (self.rebase, self.unrebase)):
            row = QHBoxLayout()
            for item in items:
                row.addWidget(QLabel(item) if isinstance(item, str) else item)
            row.addStretch(1)
            column.addLayout(row)
        self.setEnabled(False)

    def _combo(self, name: str, first: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.addItem(first, None)
        combo.activated.connect(self._on_baseline)
        return combo

    def _spin(self, name: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(2, 50)
        spin.setAccessibleName(name)
        spin.setToolTip(name)
        spin.setKeyboardTracking(False)  # one edit when the number is finished, not per key
        spin.valueChanged.connect(self._on_lengths)
        return spin

    def show_trajectory(self, path: Trajectory | None) -> None:
        """Show a trajectory's settings without pushing anything."""
        self.trajectory = path
        self.setEnabled(path is not None and not self.controller.store.read_only)
        inputs = (self.start, self.end, self.run, self.trend)
        for widget in inputs:
            widget.blockSignals(True)
        periods = sorted(path.actuals) if path is not None else []
        settings = path.spc if path is not None else SpcSettings()
        for combo, chosen in ((self.start, settings.baseline_start),
                              (self.end, settings.baseline_end)):
            while combo.count() > 1:
                combo.removeItem(1)
            for period in periods:
                combo.addItem(period, period)
            if chosen is not None and combo.findData(chosen) < 0:
                combo.addItem(chosen, chosen)  # a label with no actual (yet) stays visible
            combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen else 0)
        self.run.setValue(settings.run_length)
        self.trend.setValue(settings.trend_length)
        for widget in inputs:
            widget.blockSignals(False)
        self.unrebase.setEnabled(bool(settings.rebase_at))
        self._update_rebase_button()

    def set_selected_period(self, period: str | None) -> None:
        self.selected_period = period
        self._update_rebase_button()

    def _update_rebase_button(self) -> None:
        period = self.selected_period
        self.rebase.setEnabled(period is not None and self.trajectory is not None)
        self.rebase.setText(f"Rebase at {period}" if period else "Rebase at selected period")

    def _on_baseline(self, _index: int = 0) -> None:
        start, end = self.start.currentData(), self.end.currentData()
        if start is not None and end is not None and start > end:
            self.message.emit(f"Baseline not changed: it cannot start ({start}) after it "
                              f"ends ({end})")
            self.show_trajectory(self.trajectory)
            return
        self.apply(baseline_start=start, baseline_end=end)

    def _on_lengths(self, _value: int = 0) -> None:
        self.apply(run_length=self.run.value(), trend_length=self.trend.value())

    def rebase_at_selected(self) -> bool:
        path, period = self.trajectory, self.selected_period
        if path is None or period is None:
            return False
        if period in path.spc.rebase_at:
            self.message.emit(f"The SPC limits already restart at {period}")
            return False
        return self.apply(rebase_at=tuple(sorted((*path.spc.rebase_at, period))))

    def remove_rebases(self) -> bool:
        return self.apply(rebase_at=())

    def apply(self, **changes: object) -> bool:
        """Push the trajectory's SpcSettings with `changes` as one undoable step."""
        path = self.trajectory
        if path is None:
            return False
        try:
            new = dataclasses.replace(path.spc, **changes)
        except (TypeError, ValueError) as exc:
            self.message.emit(f"SPC settings not changed: {exc}")
            self.show_trajectory(path)
            return False
        if new == path.spc:
            return True
        return self.controller.push(SetField(EntityKind.TRAJECTORY, path.id, "spc", path.spc,
                                             new, label=f"Edit SPC settings of {path.metric}"))
