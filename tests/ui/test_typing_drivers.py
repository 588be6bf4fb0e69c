"""The Drivers dock read by the one rule, typed as a user types: '0.5%' is half a percent,
'0.5' is 50% (and a 50% contingency is refused, saying what was read)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.test_typing_tables import click, keys, press
from workbench.ui.tables.sheet_view import SheetView

Key = Qt.Key


def retype(qtbot, editor, text: str) -> None:
    qtbot.mouseClick(editor, Qt.MouseButton.LeftButton)
    qtbot.keyClick(editor, Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Key.Key_Return)


def test_percentages_follow_excels_rule_and_ranges(window, qtbot):
    window.drivers_dock.show()
    window.drivers_dock.raise_()
    drivers, ctl = window.drivers, window.controller
    editor = drivers.editors["contingency_pct"]
    assert editor.text() == "0.5%"
    retype(qtbot, editor, "0.75%")
    assert ctl.plan.drivers.contingency_pct == Decimal("0.0075")
    retype(qtbot, editor, "1")
    assert ctl.plan.drivers.contingency_pct == Decimal("0.01")
    steps = ctl.undo_stack.count()
    retype(qtbot, editor, "0.5")
    assert ctl.plan.drivers.contingency_pct == Decimal("0.01")  # 50% is refused
    said = "Contingency is 0% to 5%: read '0.5'"
    assert said in drivers.error.text() and said in window.statusBar().currentMessage()
    assert ctl.undo_stack.count() == steps
    retype(qtbot, drivers.editors["activity_growth_pct"], "0.02")
    assert ctl.plan.drivers.activity_growth_pct == Decimal("0.02")


def test_allocation_reads_millions_and_units(window, qtbot):
    window.drivers_dock.show()
    drivers, ctl = window.drivers, window.controller
    retype(qtbot, drivers.editors["chc_risk_pool"], "2.5")
    assert ctl.plan.drivers.chc_risk_pool == Decimal(2_500_000)
    retype(qtbot, drivers.editors["chc_risk_pool"], "850k")
    assert ctl.plan.drivers.chc_risk_pool == Decimal(850_000)


def test_spend_lines_take_typed_over_values(window, qtbot):
    window.drivers_dock.show()
    window.drivers_dock.raise_()
    view = next(v for v in window.drivers.findChildren(SheetView)
                if v.accessibleName() == "Recurrent baseline spend")
    index = view.model().index(0, 1)
    click(qtbot, view, index)
    keys(qtbot, "3200000")
    press(qtbot, Key.Key_Return)
    assert index.data() == "£3,200,000"
    assert window.controller.plan.spend_lines[0].baseline == Decimal(3_200_000)
    assert QApplication.focusWidget() is view
