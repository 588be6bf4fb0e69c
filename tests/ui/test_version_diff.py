"""Plan → Compare versions: the changes with their effects, export, restore and undo."""

from __future__ import annotations

from decimal import Decimal

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from workbench.domain.edits import EntityKind, SetField
from workbench.ui.dialogs import version_diff_dialog
from workbench.ui.dialogs.version_diff_dialog import WORKING, VersionDiffDialog
from workbench.ui.dialogs.versions_dialog import freeze


@pytest.fixture
def edited(window):
    """A frozen 'Submission 1', then the first scheme up by £0.5m and one risk re-scored."""
    assert freeze(window.controller, window, "Submission 1") is not None
    plan = window.controller.plan
    scheme, risk = plan.schemes[0], plan.risks[0]
    window.controller.push(SetField(EntityKind.SCHEME, scheme.id, "gross_saving",
                                    scheme.gross_saving, scheme.gross_saving + Decimal(500_000)))
    window.controller.push(SetField(EntityKind.RISK, risk.id, "likelihood", risk.likelihood, 5))
    return window


def open_dialog(window, qtbot) -> VersionDiffDialog:
    window.diff_action.trigger()
    dialog = window.findChild(VersionDiffDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def texts(table, row):
    return [table.item(row, c).text() for c in range(table.columnCount())]


def test_menu_compares_the_version_with_today_row_by_row(edited, qtbot):
    dialog = open_dialog(edited, qtbot)
    assert dialog.labels() == ("Submission 1", WORKING)
    rows = [texts(dialog.changes, r) for r in range(dialog.changes.rowCount())]
    assert rows[0][:3] == ["Risk", edited.controller.plan.risks[0].description, "re-scored"]
    assert rows[0][7] == "+£3.0m"  # £15m from 75% to 95%
    scheme = [r for r in rows if r[2] == "re-valued"][0]
    assert scheme[1] == edited.controller.plan.schemes[0].name and scheme[5] == "(£500k)"
    figures = {texts(dialog.figures, r)[0]: texts(dialog.figures, r)
               for r in range(dialog.figures.rowCount())}
    assert figures["Savings gap"][1:] == ["£13,293,500", "£12,793,500", "(£500k)"]
    assert "the gap moves by (£500k)" in dialog.summary.text()


def test_choosing_the_other_way_round_flips_the_effects(edited, qtbot):
    dialog = open_dialog(edited, qtbot)
    dialog.older.setFocus()
    qtbot.keyClick(dialog.older, Qt.Key.Key_Down)  # Submission 1 -> Working plan
    dialog.newer.setFocus()
    qtbot.keyClick(dialog.newer, Qt.Key.Key_Up)  # Working plan -> Submission 1
    assert dialog.labels() == (WORKING, "Submission 1")
    scheme = [texts(dialog.changes, r) for r in range(dialog.changes.rowCount())
              if dialog.changes.item(r, 2).text() == "re-valued"][0]
    assert scheme[5] == "+£500k"
    assert not dialog.restore_button.isEnabled()  # "from" is not a version


def test_export_button_writes_the_comparison(edited, qtbot, tmp_path, monkeypatch):
    out = tmp_path / "compare.xlsx"
    monkeypatch.setattr(version_diff_dialog.QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(out), ""))
    dialog = open_dialog(edited, qtbot)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    wb = load_workbook(out)
    assert wb["Figures"]["B1"].value == "Submission 1" and wb["Figures"]["C1"].value == WORKING
    assert wb["Changes"].max_row == dialog.changes.rowCount() + 1


def test_restore_is_one_undoable_step_in_the_history(edited, qtbot, monkeypatch):
    monkeypatch.setattr(version_diff_dialog.QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    controller = edited.controller
    gap_today = controller.results.summary.savings_gap
    steps = controller.undo_stack.count()
    dialog = open_dialog(edited, qtbot)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert controller.results.summary.savings_gap == Decimal("13293500")
    assert dialog.changes.rowCount() == 0 and "hold the same plan" in dialog.summary.text()
    assert controller.undo_stack.count() == steps + 1
    assert controller.undo_stack.undoText() == "Restore version 'Submission 1'"
    assert [h.action for h in controller.store.history()][0] == "restore"
    edited.undo_action.trigger()
    assert controller.results.summary.savings_gap == gap_today
    assert controller.plan.risks[0].likelihood == 5


def test_versions_dialog_opens_the_row_by_row_comparison(edited, qtbot):
    from workbench.ui.dialogs.versions_dialog import VersionsDialog

    versions = VersionsDialog(edited.controller, edited)
    qtbot.addWidget(versions)
    qtbot.mouseClick(versions.diff_button, Qt.MouseButton.LeftButton)
    dialog = versions.diff_dialog
    assert dialog.isVisible() and dialog.labels() == ("Submission 1", WORKING)
    assert dialog.changes.rowCount() == 2
