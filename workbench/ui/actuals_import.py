"""File → Import actuals (CSV): check every row, then apply all as one undoable step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from workbench.csv_inputs.actuals import read_actuals
from workbench.domain.errors import WorkbenchError
from workbench.store.backups import backup_before_change
from workbench.ui import store_thread
from workbench.ui.plan_controller import PlanController


def import_actuals_csv(controller: PlanController, parent: QWidget | None = None,
                       path: Path | None = None) -> bool:
    """Ask for a CSV (unless given), validate it, and push its edit; False if nothing
    was applied (cancelled, or any problem: the message names the file and lines)."""
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            parent, "Import actuals", "", "CSV files (*.csv);;All files (*)")
        if not chosen:
            return False
        path = Path(chosen)
    report = read_actuals(path, controller.plan)
    if report.edit is None:
        QMessageBox.warning(parent, "Import actuals",
                            f"Nothing was imported from {path.name}:\n\n{report.text()}")
        return False
    try:  # a backup first, as before every import
        store_thread.call_as("backing up the plan", backup_before_change,
                             controller.store, "before-import")
    except WorkbenchError as exc:
        QMessageBox.warning(parent, "Import actuals", f"{exc}. Nothing was imported.")
        return False
    if not controller.push(report.edit, action="import", note=f"Actuals from {path.name}"):
        return False
    QMessageBox.information(parent, "Import actuals",
                            f"Added from {path.name} (Ctrl+Z takes it back):\n\n{report.text()}")
    return True
