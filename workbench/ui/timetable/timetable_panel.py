"""The Submission timetable panel: the round's returns in date order, each with its due
date, when it went, the frozen version sent and who signed it off; add and delete as
undoable steps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.changes import PlanChanges
from workbench.domain.edits import DeleteRows, EntityKind, InsertRows
from workbench.domain.submissions import Submission
from workbench.ui import style
from workbench.ui.plan_controller import PlanController
from workbench.ui.timetable.submissions_model import SubmissionsTableModel


class TimetablePanel(QWidget):
    def __init__(self, controller: PlanController, versions: Callable[[], list[str]],
                 today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Submission timetable")
        self.controller = controller
        self.model = SubmissionsTableModel(controller, versions, today)
        self.view = QTableView()
        self.view.setObjectName("Submissions")
        self.view.setAccessibleName("Submissions")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((130, 300, 90, 150, 100, 150, 200)):
            self.view.setColumnWidth(column, width)
        self.add_button = QPushButton("&Add submission")
        self.add_button.clicked.connect(self.add)
        self.delete_button = QPushButton("De&lete")
        self.delete_button.clicked.connect(self.delete_selected)
        for button in (self.add_button, self.delete_button):
            button.setEnabled(not controller.store.read_only)
        self.message = QLabel()
        self.message.setStyleSheet(f"color: {style.NHS_RED};")
        self.message.setWordWrap(True)
        self.model.message.connect(self.message.setText)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel("The planning round: what is due when, what went, which "
                                 "version and who signed it off."))
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view)
        layout.addWidget(self.message)
        controller.plan_changed.connect(self._on_plan_changed)

    def _on_plan_changed(self, changes: PlanChanges) -> None:
        if changes.touches(EntityKind.SUBMISSION):
            self.message.clear()
            # after the editor that made the change has closed: a reset would pull it away
            QTimer.singleShot(0, self.model.refresh)

    def add(self) -> None:
        n = len(self.controller.plan.submissions) + 1
        if self.controller.push(InsertRows(EntityKind.SUBMISSION, (
                Submission(None, f"Submission {n}"),), "Add a submission")):
            self.model.refresh()  # now, to select the new row (no editor is open)
            row = next(i for i, s in enumerate(self.model.rows) if s.name == f"Submission {n}")
            self.view.setCurrentIndex(self.model.index(row, 0))
            self.view.setFocus()

    def delete_selected(self) -> None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedIndexes()})
        doomed = tuple(self.model.rows[r] for r in rows)
        if doomed:
            self.controller.push(DeleteRows(EntityKind.SUBMISSION, doomed,
                                            f"Delete {len(doomed)} submission(s)"))

    def is_editing(self) -> bool:
        return self.view.state() == QAbstractItemView.State.EditingState
