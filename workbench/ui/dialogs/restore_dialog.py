"""Restore from backup: pick a backup, confirm, and the plan reopens from it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.errors import WorkbenchError
from workbench.domain.plan import Plan
from workbench.store import PlanStore, open_store
from workbench.store.backups import list_backups, restore_backup
from workbench.ui import store_thread
from workbench.ui.plan_controller import PlanController


def _restore(old: PlanStore, db: Path, backup: Path) -> tuple[PlanStore, Plan]:
    """The database work of a restore (on the store thread): the old store's connections
    closed, the copy made, the plan reopened and the restore recorded."""
    old.engine.dispose()
    restore_backup(backup, db)
    store = open_store(db)
    store.load_plan()
    store.record_event("restore", f"Restored from backup {backup.name}")
    return store, store.load_plan()


def restore_into(controller: PlanController, db: Path, backup: Path) -> None:
    """Close the store, copy the backup into the file, reopen it and show the restored plan.

    Only a window that holds the plan's lock offers this (a read-only copy cannot), so no
    other copy is writing; the copy goes through SQLite's own locks, never a file swap.
    The copy runs on the store thread: a file another program holds (or a large plan)
    keeps the window painting, and a refusal leaves the plan shown and stored as it was.
    """
    if controller.store.read_only:
        raise WorkbenchError("This plan is open read-only here; restore it from the copy "
                             "that has it open for editing.")
    store, plan = store_thread.call_as("restoring the backup", _restore,
                                       controller.store, db, backup)
    controller.store = store
    controller.replace_plan(plan)


class RestoreDialog(QDialog):
    def __init__(self, controller: PlanController, db: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.db = db
        self.setWindowTitle("Restore from backup")
        self.list = QListWidget()
        self.list.setAccessibleName("Backups, newest first")
        try:
            # this plan's only, by the identity inside each (read off the GUI thread)
            backups = store_thread.read("listing the backups", list_backups, db)
        except WorkbenchError as exc:
            backups = []
            self.list.addItem(str(exc))
        for backup in backups:
            item = QListWidgetItem(
                f"{backup.taken:%d %b %Y %H:%M:%S}    ({backup.size / 1024:,.0f} KB)")
            item.setData(256, str(backup.path))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton("Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(backups))
        buttons.accepted.connect(self._restore)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(
            f"Backups of {db.name}. Restoring replaces the plan with the chosen copy;\n"
            "the current plan is backed up first, so this can be reversed."))
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(480, 360)

    def _restore(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        try:
            restore_into(self.controller, self.db, Path(item.data(256)))
        except WorkbenchError as exc:
            QMessageBox.warning(self, "Restore from backup", str(exc))
            return
        self.accept()
