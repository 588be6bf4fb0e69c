"""Reports → QIPP performance report…: the month's report as PDF or xlsx, written by the
reports layer (headless, the same as `workbench report qipp`) from the ledger as stored.

The user picks the month it is as at (any closed month, the latest by default) and where
to save it; a file open elsewhere is one warning naming it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QMessageBox

from workbench.domain.periods import short_month
from workbench.store.ledger_store import LedgerStore
from workbench.store.plan_store import PlanStore
from workbench.ui import store_thread
from workbench.ui.export_paths import ask_save_path, save_export

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

TITLE = "QIPP performance report"
FILTER = "PDF (*.pdf);;Excel workbook (*.xlsx)"


def _ledger(window: MainWindow):
    store = window.controller.store
    if not isinstance(store, PlanStore):
        return None
    ledgers = LedgerStore(store)
    return store_thread.call(ledgers.load) if store_thread.call(ledgers.has_ledger) else None


def write_qipp(window: MainWindow) -> bool:
    """Ask for the month and the file, then write the report. True when written."""
    ledger = _ledger(window)
    closed = ledger.closed_months() if ledger is not None else []
    if not closed:
        QMessageBox.information(
            window, TITLE, "The QIPP report is written for a closed month. Open View → "
            "In-year delivery to start tracking the year and close a month with its actuals.")
        return False
    labels = [short_month(m) for m in closed]
    chosen, ok = QInputDialog.getItem(window, TITLE, "Report as at the end of", labels,
                                      len(labels) - 1, False)
    if not ok:
        return False
    month = closed[labels.index(chosen)]
    plan = window.controller.plan
    path = ask_save_path(window, f"Save the {TITLE}", plan.ods_code or plan.organisation,
                         f"QIPP report {month}", suffix=".pdf", filter_text=FILTER)
    if path is None:
        return False

    def write(out) -> None:
        from workbench.reports.qipp_report import build_qipp_report  # reportlab: on use
        from workbench.reports.qipp_write import write_qipp_report

        write_qipp_report(build_qipp_report(plan, ledger, month), out)

    if not save_export(window, path, write):
        return False
    window.statusBar().showMessage(f"Saved {path}", 8000)
    return True
