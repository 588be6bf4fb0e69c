"""Edit → Cut, Copy and Paste on the selected cells, and the same keys in the tables."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.ui.test_typing_tables import cell, click, shown
from workbench.domain.edits import EntityKind

Ctrl, Shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def edit_action(window, text: str):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    return next(a for a in menu.actions() if a.text() == text)


def test_edit_menu_copies_cuts_and_pastes_cells(window, qtbot):
    panel, ctl = window.tables[EntityKind.SCHEME], window.controller
    assert [edit_action(window, t).shortcut().toString() for t in ("Cu&t", "&Copy", "&Paste")] \
        == ["Ctrl+X", "Ctrl+C", "Ctrl+V"]
    click(qtbot, panel.view, cell(panel, 0, "Gross saving"))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, Shift,
                     panel.view.visualRect(cell(panel, 1, "Gross saving")).center())
    edit_action(window, "&Copy").trigger()
    assert QGuiApplication.clipboard().text() == "1200000\n600000\n"
    click(qtbot, panel.view, cell(panel, 4, "Gross saving"))
    edit_action(window, "&Paste").trigger()
    assert [shown(panel, r, "Gross saving") for r in (4, 5)] == ["£1,200,000", "£600,000"]
    click(qtbot, panel.view, cell(panel, 4, "Gross saving"))
    edit_action(window, "Cu&t").trigger()
    assert QGuiApplication.clipboard().text() == "1200000\n"
    assert shown(panel, 4, "Gross saving") == "£0"
    assert ctl.plan.schemes[5].gross_saving == Decimal(600000)


def test_copy_and_paste_keys_in_a_table(window, qtbot):
    window.go_to(EntityKind.RISK, None)
    panel = window.tables[EntityKind.RISK]
    click(qtbot, panel.view, cell(panel, 0, "Owner"))
    qtbot.keyClick(panel.view, Qt.Key.Key_C, Ctrl)
    click(qtbot, panel.view, cell(panel, 2, "Owner"))
    qtbot.keyClick(panel.view, Qt.Key.Key_V, Ctrl)
    assert shown(panel, 2, "Owner") == shown(panel, 0, "Owner")
