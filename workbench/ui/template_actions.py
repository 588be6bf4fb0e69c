"""File → Import template… and Export template…: slow work in a Task, one undo step to apply."""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from workbench.domain.errors import WorkbenchError
from workbench.store.backups import backup_before_change
from workbench.ui import store_thread
from workbench.ui.dialogs.export_dialog import ExportDialog
from workbench.ui.dialogs.import_dialog import ImportDialog
from workbench.ui.modal import answered, ask
from workbench.ui.plan_controller import PlanController
from workbench.ui.tasks import Task


class TemplateActions:
    """Owns the running task so it is not garbage-collected mid-way."""

    def __init__(self, controller: PlanController, parent: QWidget) -> None:
        self.controller = controller
        self.parent = parent
        self.task: Task | None = None

    # -- import ------------------------------------------------------------------------
    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.parent, "Import a filled template", "",
                                              "Excel workbooks (*.xlsx *.xlsm);;All files (*)")
        if path:
            self.start_import(Path(path))

    def start_import(self, path: Path) -> Task:
        from workbench.templates import plan_import

        plan = copy.deepcopy(self.controller.plan)  # the worker reads its own snapshot
        self.task = Task(f"Checking {path.name}",
                         lambda progress: plan_import(path, plan, progress), self.parent)
        self.task.done.connect(self.show_preview)
        self.task.error.connect(self._failed)
        return self.task.start()

    def show_preview(self, report) -> bool:
        """Preview; on Apply, push the whole import as one undoable, audited step."""
        if ask(ImportDialog(report, self.parent)) != QDialog.DialogCode.Accepted \
                or report.edit is None:
            return False
        return self.apply(report)

    def apply(self, report) -> bool:
        try:  # a backup first, as before every import
            store_thread.call_as("backing up the plan", backup_before_change,
                                 self.controller.store, "before-import")
        except WorkbenchError as exc:
            QMessageBox.warning(self.parent, "Import template", f"{exc}. Nothing was imported.")
            return False
        return self.controller.push(report.edit, action="import",
                                    note=f"Imported {report.file}")

    # -- export ------------------------------------------------------------------------
    def ask_export(self) -> None:
        with answered(ExportDialog(self.controller.plan.ods_code or "plan",
                                   self.parent)) as dialog:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.start_export(*dialog.values())

    def start_export(self, kind: str, out: Path, into: Path | None = None) -> Task:
        from workbench.templates import export_template

        plan = copy.deepcopy(self.controller.plan)

        def work(progress):
            progress(10, f"Filling the {kind} template")
            notes: list[str] = []
            written = export_template(plan, kind, out, into=into, notes=notes)
            progress(100, "Saved")
            return written, notes

        self.task = Task(f"Exporting {out.name}", work, self.parent)
        self.task.done.connect(self._saved)
        self.task.error.connect(self._failed)
        return self.task.start()

    def _saved(self, result: tuple[Path, list[str]]) -> None:
        """Say where the workbook went and, as a warning, everything the export could not
        carry or changed besides the plan's figures (a replaced formula, a path the
        template has no place for, a drawing it cannot keep)."""
        written, notes = result
        if not notes:
            QMessageBox.information(self.parent, "Export template", f"Saved {written}")
            return
        listed = "\n\n".join(f"• {note}" for note in notes)
        box = QMessageBox(QMessageBox.Icon.Warning, "Export template",
                          f"Saved {written}, with {len(notes)} warning"
                          f"{'s' if len(notes) > 1 else ''}:\n\n{listed}",
                          QMessageBox.StandardButton.Ok, self.parent)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        ask(box)

    def _failed(self, exc: BaseException) -> None:
        message = str(exc) if isinstance(exc, WorkbenchError | OSError) else repr(exc)
        QMessageBox.warning(self.parent, "Planning Workbench", message)
