"""Reports → QIPP performance report…: the month chosen in the dialog, the file saved
where the user says, as PDF or Excel, with the ledger's figures; no ledger, one
sentence."""

from __future__ import annotations

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QInputDialog

from tests.ui.test_delivery_close_month import answer
from tests.ui.test_delivery_grid import delivery_window, menu_action
from workbench.ui.launcher import open_plan
from workbench.ui.main_window import MainWindow
from workbench.ui.plan_controller import PlanController

REPORT = "&QIPP performance report…"


@pytest.fixture
def window(tmp_path, qtbot, monkeypatch):
    return delivery_window(tmp_path, qtbot, monkeypatch)


def _save_to(monkeypatch, path) -> list:
    asked: list = []

    def save(_parent, caption, start, filter_text):
        asked.append((caption, start, filter_text))
        return str(path), ""

    monkeypatch.setattr("workbench.ui.export_paths.QFileDialog.getSaveFileName", save)
    return asked


def _ok(qtbot, dialog) -> None:
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_the_report_as_at_the_latest_closed_month_as_pdf(window, qtbot, tmp_path, monkeypatch):
    out = tmp_path / "qipp.pdf"
    asked = _save_to(monkeypatch, out)
    looked: dict = {}

    def pick(dialog: QInputDialog) -> None:
        looked["items"] = dialog.comboBoxItems()
        looked["shown"] = dialog.textValue()
        _ok(qtbot, dialog)

    answer(QInputDialog, pick)
    menu_action(window, REPORT).trigger()
    assert looked == {"items": ["Apr 16", "May 16", "Jun 16", "Jul 16", "Aug 16"],
                      "shown": "Aug 16"}
    assert asked and asked[0][2].startswith("PDF (*.pdf)")
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    results = window.delivery.ledger.results
    delivered = f"{results.delivered_to_date:,.0f}"
    assert "August 2016" in text
    assert delivered in text or f"{results.delivered_to_date / 1000:,.0f}" in text
    assert window.statusBar().currentMessage() == f"Saved {out}"


def test_an_earlier_month_as_a_workbook(window, qtbot, tmp_path, monkeypatch):
    out = tmp_path / "qipp.xlsx"
    _save_to(monkeypatch, out)

    def pick(dialog: QInputDialog) -> None:
        combo = dialog.findChild(QComboBox)
        qtbot.keyClick(combo, Qt.Key.Key_Home)  # April, then May, June
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        _ok(qtbot, dialog)

    answer(QInputDialog, pick)
    menu_action(window, REPORT).trigger()
    book = openpyxl.load_workbook(out)
    cells = " ".join(str(c.value) for sheet in book for row in sheet.iter_rows()
                     for c in row if c.value is not None)
    assert "June 2016" in cells


def test_cancelling_the_month_writes_nothing(window, qtbot, tmp_path, monkeypatch):
    asked = _save_to(monkeypatch, tmp_path / "qipp.pdf")
    answer(QInputDialog, lambda d: qtbot.keyClick(d.findChild(QComboBox), Qt.Key.Key_Escape))
    menu_action(window, REPORT).trigger()
    assert asked == [] and not (tmp_path / "qipp.pdf").exists()


def test_without_a_closed_month_the_menu_says_why(tmp_path, qtbot, monkeypatch):
    store, plan = open_plan(str(tmp_path / "fresh.db"))
    win = MainWindow(PlanController(plan, store), store_label="fresh.db")
    qtbot.addWidget(win)
    told: list = []
    monkeypatch.setattr("workbench.ui.delivery.qipp_action.QMessageBox.information",
                        lambda _p, _t, text: told.append(text))
    menu_action(win, REPORT).trigger()
    assert told and "closed month" in told[0]
