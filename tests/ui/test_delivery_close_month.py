"""Closing a month from the Delivery page: actuals typed in the grid or imported from a
file (previewed, all or nothing), the month frozen by the Close button's dialog, and each
step taken back by Edit → Undo."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests.ui.test_delivery_grid import (
    SEP,
    THIRD,
    click,
    delivery_window,
    keys,
    month_cell,
    press,
    stored,
)
from workbench.ui.delivery.close_month_dialog import CloseMonthDialog
from workbench.ui.delivery.import_actuals import ImportPreviewDialog

Key = Qt.Key
OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel


@pytest.fixture
def window(tmp_path, qtbot, monkeypatch):
    return delivery_window(tmp_path, qtbot, monkeypatch)


def answer(kind, handler, tries: int = 100) -> list:
    """Answer the next modal dialog of `kind` with `handler` (as a user would, once it
    is on screen). Returns a list that holds the dialog once it was answered."""
    seen: list = []

    def attempt(left: int = tries) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            seen.append(dialog)
            handler(dialog)
        elif left:
            QTimer.singleShot(20, lambda: attempt(left - 1))

    QTimer.singleShot(0, attempt)
    return seen


def tick(qtbot, box) -> None:
    """Click a check box on its box (its centre may lie past the end of its words)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def button(dialog, which):
    return dialog.buttons.button(which)


def test_close_month_counts_missing_actuals_as_zero_only_when_asked(window, qtbot):
    page = window.delivery
    click(qtbot, page.grid, month_cell(page, THIRD, "actual", SEP))
    keys(qtbot, "61000")
    press(qtbot, Key.Key_Return)
    looked: dict = {}

    def close(dialog: CloseMonthDialog) -> None:
        looked["ok_at_first"] = button(dialog, OK).isEnabled()
        looked["missing"] = len(dialog.missing)
        looked["title"] = dialog.windowTitle()
        tick(qtbot, dialog.zero)
        qtbot.mouseClick(button(dialog, OK), Qt.MouseButton.LeftButton)

    seen = answer(CloseMonthDialog, close)
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert seen and looked == {"ok_at_first": False, "missing": 10, "title": "Close Sep 16"}
    ledger = page.ledger.ledger
    assert ledger.closed_through == "2016-09"
    assert stored(page, THIRD, SEP, "actual") == Decimal(61000)
    assert stored(page, 1, SEP, "actual") == 0
    assert "closed through Sep 16" in page.heading.text()
    assert page.close_button.text() == "Close Oct 16…"
    # September is on the actuals side now: shaded, and its forecast cell blank
    assert month_cell(page, THIRD, "forecast", SEP).data() == ""
    window.undo_action.trigger()  # reopens September; the typed actual stays entered
    assert page.ledger.ledger.closed_through == "2016-08"
    assert stored(page, THIRD, SEP, "actual") == Decimal(61000)
    assert stored(page, 1, SEP, "actual") is None


def test_cancelling_close_month_leaves_it_open(window, qtbot):
    page = window.delivery
    answer(CloseMonthDialog, lambda d: qtbot.mouseClick(button(d, CANCEL),
                                                        Qt.MouseButton.LeftButton))
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert page.ledger.ledger.closed_through == "2016-08"


def _file_dialog(monkeypatch, path) -> None:
    monkeypatch.setattr("workbench.ui.delivery.import_actuals.QFileDialog.getOpenFileName",
                        lambda *a, **k: (str(path), ""))


def test_a_file_of_every_schemes_actuals_imports_and_closes_the_month(window, qtbot, tmp_path,
                                                                       monkeypatch):
    page = window.delivery
    ledger = page.ledger.ledger
    refs = {sid: ledger.tracking[sid].reference for sid in ledger.scheme_ids()}
    lines = ["Scheme,Month,Actual"] + [f"{ref},Sep 2016,\"£{1000 * sid:,}\""
                                       for sid, ref in refs.items()]
    path = tmp_path / "september.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _file_dialog(monkeypatch, path)
    looked: dict = {}

    def preview(dialog: ImportPreviewDialog) -> None:
        looked["rows"] = dialog.table.rowCount()
        looked["close"] = dialog.close_month.isVisible() and dialog.close_month.isEnabled()
        looked["cell"] = dialog.table.item(0, 0).text()
        tick(qtbot, dialog.close_month)
        qtbot.mouseClick(button(dialog, OK), Qt.MouseButton.LeftButton)

    answer(ImportPreviewDialog, preview)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert looked == {"rows": 11, "close": True, "cell": "C2"}
    assert window.refusals == []
    assert page.ledger.ledger.closed_through == "2016-09"
    assert stored(page, THIRD, SEP, "actual") == Decimal(3000)
    window.undo_action.trigger()  # the import and the close were one step
    assert page.ledger.ledger.closed_through == "2016-08"
    assert stored(page, THIRD, SEP, "actual") is None


def test_a_file_with_problems_names_each_cell_and_imports_nothing(window, qtbot, tmp_path,
                                                                   monkeypatch):
    page = window.delivery
    path = tmp_path / "september.csv"
    path.write_text("Scheme,Month,Actual\nQIPP-01,2016-09,1000\nQIPP-99,2016-09,5\n"
                    "QIPP-02,2016-09,lots\nQIPP-03,2016-11,10\n", encoding="utf-8")
    _file_dialog(monkeypatch, path)
    looked: dict = {}

    def preview(dialog: ImportPreviewDialog) -> None:
        looked["problems"] = [dialog.problems.item(i).text()
                              for i in range(dialog.problems.count())]
        looked["ok"] = button(dialog, OK).isEnabled()
        qtbot.mouseClick(button(dialog, CANCEL), Qt.MouseButton.LeftButton)

    answer(ImportPreviewDialog, preview)
    steps = window.controller.undo_stack.count()
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert looked["ok"] is False
    problems = looked["problems"]
    assert any(p.startswith("september.csv, A3:") and "QIPP-99" in p for p in problems)
    assert any(p.startswith("september.csv, C4:") and "lots" in p for p in problems)
    assert any(p.startswith("september.csv, B5:") and "2016-11" in p for p in problems)
    assert stored(page, 1, SEP, "actual") is None
    assert window.controller.undo_stack.count() == steps


def test_an_excel_sheet_of_some_actuals_is_imported_without_closing(window, qtbot, tmp_path,
                                                                     monkeypatch):
    page = window.delivery
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Actuals"
    sheet.append(["Scheme reference", "Month", "Value"])
    sheet.append(["QIPP-03", "2016-09", 58000])
    sheet.append(["qipp-01", "2016-06", 5])  # a closed month: a correction
    path = tmp_path / "corrections.xlsx"
    book.save(path)
    _file_dialog(monkeypatch, path)
    looked: dict = {}

    def preview(dialog: ImportPreviewDialog) -> None:
        looked["close"] = not dialog.close_month.isHidden()
        looked["now"] = dialog.table.item(1, 6).text()
        qtbot.mouseClick(button(dialog, OK), Qt.MouseButton.LeftButton)

    answer(ImportPreviewDialog, preview)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert looked == {"close": False, "now": "£0"}  # QIPP-01 delivered its June plan, £0
    assert stored(page, THIRD, SEP, "actual") == Decimal(58000)
    assert stored(page, 1, 2, "actual") == Decimal(5)
    assert page.ledger.ledger.closed_through == "2016-08"
