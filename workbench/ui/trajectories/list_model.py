"""TrajectoryListModel: the plan's trajectories, one row each, with the engine's status.

It owns no data: rows are the controller's plan list, status comes from the results, and
an edit of the metric, target or target date is a SetField pushed through the controller.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from workbench.domain.changes import PlanChanges
from workbench.domain.edits import EntityKind, SetField
from workbench.domain.trajectories import Trajectory, parse_value
from workbench.engine.trajectories import Status, TrajectoryStatus
from workbench.ui import style
from workbench.ui.plan_controller import PlanController
from workbench.ui.tables.parsing import format_date, parse_date
from workbench.ui.trajectories.values import edit_text, format_gap, format_value, same

Index = QModelIndex | QPersistentModelIndex
# Status first after the names: it is what a reader looks for, and stays in view when narrow.
HEADERS = ("Metric", "Provider", "Status", "Latest actual", "Gap", "Target", "Target date",
           "Unit", "Direction", "Frequency")
METRIC, PROVIDER, STATUS, LATEST, GAP, TARGET, TARGET_DATE, UNIT, DIRECTION, FREQUENCY = range(10)
EDITABLE = {METRIC: "metric", TARGET: "target", TARGET_DATE: "target_date"}
TIPS = {
    STATUS: "At the latest actual: on track if it is at least as good as the plan in force "
            "then (or the target, past the plan's end)",
    GAP: "Latest actual minus the plan in force (or the target); pts = percentage points",
    TARGET: "The value to reach by the target date; type 95% or 0.95 for a percentage",
}
STATUS_COLOURS = {Status.ON_TRACK: style.NHS_GREEN, Status.OFF_TRACK: style.NHS_RED,
                  Status.NO_DATA: style.NHS_MID_GREY}
BOLD = QFont()
BOLD.setBold(True)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class TrajectoryListModel(QAbstractTableModel):
    input_rejected = Signal(str)  # why typed text was not accepted (nothing was applied)

    def __init__(self, controller: PlanController) -> None:
        super().__init__(controller)
        self.controller = controller
        controller.plan_changed.connect(self._on_plan_changed)
        controller.results_changed.connect(self._on_results_changed)

    @property
    def rows(self) -> list[Trajectory]:
        return self.controller.plan.trajectories

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return section + 1 if role == Qt.ItemDataRole.DisplayRole else None
        if not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return TIPS.get(section)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in EDITABLE and not self.controller.store.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def status(self, row: int) -> TrajectoryStatus | None:
        """The engine's status of a row (results are in plan order)."""
        statuses = self.controller.results.trajectory_status
        wanted = self.rows[row].id
        if row < len(statuses) and statuses[row].trajectory_id == wanted:
            return statuses[row]
        return next((s for s in statuses if s.trajectory_id == wanted), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        path, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(index.row(), path, col)
        if role == Qt.ItemDataRole.EditRole:
            if col == TARGET:
                return edit_text(path.target, path.unit)
            return self._display(index.row(), path, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (TARGET, LATEST, GAP):
            return RIGHT
        if col == STATUS and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole):
            status = self.status(index.row())
            if status is None:
                return None
            if role == Qt.ItemDataRole.FontRole:
                return BOLD
            return QBrush(QColor(STATUS_COLOURS[status.status]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index.row(), path, col)
        return None

    def _display(self, row: int, path: Trajectory, col: int) -> str:
        status = self.status(row)
        if col == METRIC:
            return path.metric
        if col == PROVIDER:
            return path.provider
        if col == UNIT:
            return path.unit.value
        if col == DIRECTION:
            return path.direction.value.removesuffix(" is better")
        if col == TARGET:
            return format_value(path.target, path.unit)
        if col == TARGET_DATE:
            return format_date(path.target_date)
        if col == FREQUENCY:
            return path.frequency.value
        if status is None:
            return ""
        if col == STATUS:
            return status.status.value
        if col == LATEST:
            if status.actual is None:
                return ""
            return f"{format_value(status.actual, path.unit)} ({status.period})"
        return format_gap(status.gap, path.unit)

    def _tooltip(self, row: int, path: Trajectory, col: int) -> str | None:
        status = self.status(row)
        if col == METRIC:
            origin = f"\nFrom standard {path.standard_id}" if path.standard_id else ""
            source = f"\n\nSource: {path.source}" if path.source else ""
            return f"{path.metric}{origin}{source}"
        if col == STATUS and status is not None and status.compared_with:
            return (f"{status.status.value} in {status.period}: actual "
                    f"{format_value(status.actual, path.unit)} against the "
                    f"{status.compared_with} {format_value(status.expected, path.unit)}")
        return TIPS.get(col)

    # -- writing: every change is a SetField pushed through the controller --------------
    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in EDITABLE:
            return False
        path = self.rows[index.row()]
        field = EDITABLE[index.column()]
        try:
            new = self._parse(path, index.column(), str(value))
        except ValueError as exc:
            self.input_rejected.emit(f"{HEADERS[index.column()]} not changed: {exc}")
            return False
        old = getattr(path, field)
        if new == old or (field == "target" and same(old, new)):
            return True
        label = f"Edit {HEADERS[index.column()].lower()} of {path.metric}"
        return self.controller.push(
            SetField(EntityKind.TRAJECTORY, path.id, field, old, new, label=label))

    @staticmethod
    def _parse(path: Trajectory, col: int, text: str) -> object:
        if col == METRIC:
            name = " ".join(text.split())
            if not name:
                raise ValueError("a trajectory needs a metric name")
            return name
        if col == TARGET:
            return parse_value(text, path.unit)
        return parse_date(text)

    def row_of(self, trajectory_id: int | None) -> int | None:
        return next((i for i, t in enumerate(self.rows) if t.id == trajectory_id), None)

    # -- reacting to the controller ------------------------------------------------------
    def _on_plan_changed(self, changes: PlanChanges) -> None:
        if EntityKind.TRAJECTORY in changes.structural:
            self.beginResetModel()
            self.endResetModel()

    def _on_results_changed(self, _results: object) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.rows) - 1, len(HEADERS) - 1))
