"""Typing into the plan's tables as a user does: a mouse click on the cell, then keys sent to
whichever widget has the keyboard focus (the view first, then the editor the first key
opened). Nothing here calls setData."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from workbench.domain.edits import EntityKind
from workbench.ui.tables.table_model import MARKED_BRUSH

Key = Qt.Key


def column(panel, header: str) -> int:
    return [c.header for c in panel.model.columns].index(header)


def cell(panel, row: int, header: str):
    """The index of a cell as shown (proxy row `row`)."""
    return panel.proxy.index(row, column(panel, header))


def click(qtbot, view, index) -> None:
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())


def keys(qtbot, text: str) -> None:
    """Type `text` a key at a time into the focused widget, as a keyboard does."""
    for char in text:
        qtbot.keyClick(QApplication.focusWidget(), char)


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def type_over(qtbot, panel, row: int, header: str, text: str, end=Key.Key_Return) -> None:
    click(qtbot, panel.view, cell(panel, row, header))
    keys(qtbot, text)
    press(qtbot, end)


def shown(panel, row: int, header: str) -> str:
    return cell(panel, row, header).data()


CASES = [  # table, column, typed, shown afterwards
    (EntityKind.SCHEME, "Gross saving", "3200000", "£3,200,000"),
    (EntityKind.SCHEME, "Gross saving", "3.2m", "£3,200,000"),
    (EntityKind.SCHEME, "Investment", "(200,000)", "(£200,000)"),
    (EntityKind.SCHEME, "Confidence", "60", "60%"),
    (EntityKind.SCHEME, "Confidence", "0.6", "60%"),
    (EntityKind.SCHEME, "Scheme", "Renamed scheme", "Renamed scheme"),
    (EntityKind.SCHEME, "Status", "Earmarked", "Earmarked"),
    (EntityKind.SCHEME, "Workstream", "Mental Health Services", "Mental Health Services"),
    (EntityKind.SCHEME, "Recurrent", "No", "No"),
    (EntityKind.SCHEME, "Activity impact", "1500", "1,500"),
    (EntityKind.SCHEME, "From", "2017/18", "2017/18"),
    (EntityKind.RISK, "Value", "12k", "£12,000"),
    (EntityKind.RISK, "Likelihood", "4", "4"),
    (EntityKind.RISK, "Review date", "30/06/2017", "30/06/2017"),
    (EntityKind.RISK, "Category", "Prescribing", "Prescribing"),
    (EntityKind.WORKSTREAM, "Lead", "Dr Jones", "Dr Jones"),
    (EntityKind.WORKSTREAM, "RAG", "Green", "Green"),
]


@pytest.mark.parametrize(("kind", "header", "typed", "expected"), CASES)
def test_typing_over_a_cell_keeps_every_key(window, qtbot, kind, header, typed, expected):
    window.go_to(kind, None)
    panel = window.tables[kind]
    before = {(r, c): panel.proxy.index(r, c).data()
              for r in range(panel.proxy.rowCount()) for c in range(panel.proxy.columnCount())}
    type_over(qtbot, panel, 1, header, typed)
    assert shown(panel, 1, header) == expected
    assert not panel.view.is_editing()
    assert panel.view.currentIndex() == cell(panel, 2, header)  # Enter moved down
    others = {key: panel.proxy.index(*key).data() for key in before
              if key[0] != 1 and not panel.model.columns[key[1]].derived}
    assert others == {k: v for k, v in before.items() if k in others}  # no other row touched


def test_activity_month_and_growth_take_the_typed_value(window, qtbot):
    window.show_page(window.activity)
    panel = window.activity.table
    type_over(qtbot, panel, 0, "Jul", "13000")
    assert shown(panel, 0, "Jul") == "13,000"
    type_over(qtbot, panel, 0, "Growth", "2")
    assert shown(panel, 0, "Growth") == "2%"
    assert window.controller.plan.activity_lines[0].growth == Decimal("0.02")


def test_f2_edits_in_place_with_the_cursor_at_the_end(window, qtbot):
    panel = window.tables[EntityKind.SCHEME]
    click(qtbot, panel.view, cell(panel, 0, "Gross saving"))
    press(qtbot, Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "1200000"
    assert not editor.hasSelectedText() and editor.cursorPosition() == len("1200000")
    keys(qtbot, "5")
    press(qtbot, Key.Key_Return)
    assert shown(panel, 0, "Gross saving") == "£12,000,005"


def test_escape_cancels_and_tab_moves_right_and_back(window, qtbot):
    panel, ctl = window.tables[EntityKind.SCHEME], window.controller
    steps = ctl.undo_stack.count()
    type_over(qtbot, panel, 0, "Gross saving", "999", end=Key.Key_Escape)
    assert shown(panel, 0, "Gross saving") == "£1,200,000"
    assert ctl.undo_stack.count() == steps and not panel.view.is_editing()
    type_over(qtbot, panel, 0, "Gross saving", "5", end=Key.Key_Tab)
    assert shown(panel, 0, "Gross saving") == "£5"
    assert panel.view.currentIndex() == cell(panel, 0, "Investment")
    keys(qtbot, "7")
    press(qtbot, Key.Key_Backtab)
    assert shown(panel, 0, "Investment") == "£7"
    assert panel.view.currentIndex() == cell(panel, 0, "Gross saving")
    assert ctl.undo_stack.count() == steps + 2


def test_a_refused_value_keeps_its_editor_open_and_says_why(window, qtbot):
    panel, ctl = window.tables[EntityKind.SCHEME], window.controller
    steps = ctl.undo_stack.count()
    type_over(qtbot, panel, 0, "Confidence", "150%")
    assert panel.view.is_editing()
    note = panel.view.viewport().findChild(QLineEdit).parentWidget().findChild(
        type(panel.view.cell_delegate._note))
    assert note is not None and note.isVisible()
    assert note.text().startswith("Confidence is 0% to 100%: read '150%'")
    assert "Confidence is 0% to 100%: read '150%'" in window.statusBar().currentMessage()
    assert ctl.undo_stack.count() == steps and shown(panel, 0, "Confidence") == "70%"
    press(qtbot, Key.Key_Escape)
    assert not panel.view.is_editing() and not note.isVisible()


@pytest.mark.parametrize(("kind", "header", "typed", "said"), [
    (EntityKind.SCHEME, "Gross saving", "abc", "Gross saving is an amount of money"),
    (EntityKind.SCHEME, "Confidence", "-10", "Confidence is 0% to 100%: read '-10'"),
    (EntityKind.RISK, "Likelihood", "7", "Likelihood is a whole number from 1 to 5: read '7'"),
    (EntityKind.RISK, "Review date", "31/02/2017", "read '31/02/2017'"),
])
def test_each_refusal_is_said(window, qtbot, kind, header, typed, said):
    window.go_to(kind, None)
    panel = window.tables[kind]
    before = shown(panel, 0, header)
    type_over(qtbot, panel, 0, header, typed)
    assert panel.view.is_editing() and said in window.statusBar().currentMessage()
    press(qtbot, Key.Key_Escape)
    assert shown(panel, 0, header) == before


def test_a_value_refused_on_leaving_the_cell_is_marked(window, qtbot):
    panel = window.tables[EntityKind.SCHEME]
    click(qtbot, panel.view, cell(panel, 0, "Gross saving"))
    keys(qtbot, "abc")
    click(qtbot, panel.view, cell(panel, 3, "Scheme"))  # leave the cell another way
    assert not panel.view.is_editing()
    assert shown(panel, 0, "Gross saving") == "£1,200,000"
    refused = list(panel.view.cell_delegate.refused.values())
    assert refused and "read 'abc'" in refused[0]
    assert "read 'abc'" in window.statusBar().currentMessage()


def test_an_empty_scheme_name_is_refused(window, qtbot):
    panel = window.tables[EntityKind.SCHEME]
    click(qtbot, panel.view, cell(panel, 0, "Scheme"))
    press(qtbot, Key.Key_F2)
    QApplication.focusWidget().selectAll()
    press(qtbot, Key.Key_Backspace)
    press(qtbot, Key.Key_Return)
    assert panel.view.is_editing()
    assert "Scheme is a name that is not blank" in window.statusBar().currentMessage()
    press(qtbot, Key.Key_Escape)
    assert shown(panel, 0, "Scheme").startswith("RightCare MSK")


def test_delete_clears_one_cell_says_so_and_undo_brings_it_back(window, qtbot):
    window.go_to(EntityKind.RISK, None)
    panel, ctl = window.tables[EntityKind.RISK], window.controller
    rows = len(ctl.plan.risks)
    click(qtbot, panel.view, cell(panel, 0, "Value"))
    before = shown(panel, 0, "Value")
    press(qtbot, Key.Key_Delete)
    assert shown(panel, 0, "Value") == "£0" and len(ctl.plan.risks) == rows
    assert "Cleared 1 cell. Ctrl+Z" in window.statusBar().currentMessage()
    qtbot.keyClick(panel.view, Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert shown(panel, 0, "Value") == before


def test_a_combo_cell_opens_with_the_typed_choice(window, qtbot):
    panel = window.tables[EntityKind.SCHEME]
    click(qtbot, panel.view, cell(panel, 0, "Status"))
    keys(qtbot, "Ea")
    editor = QApplication.focusWidget()
    assert isinstance(editor, QComboBox) and editor.currentText() == "Earmarked"
    press(qtbot, Key.Key_Escape)
    assert shown(panel, 0, "Status") == "Identified"


def test_activity_flags_a_line_whose_typed_months_miss_its_plan(window, qtbot):
    window.show_page(window.activity)
    panel = window.activity.table
    total = cell(panel, 0, "Months total")
    assert total.data(Qt.ItemDataRole.ToolTipRole).startswith(
        "The months as shown, overrides included\n\nSource: ")  # then the row's source
    assert total.data(Qt.ItemDataRole.BackgroundRole) != MARKED_BRUSH
    click(qtbot, panel.view, cell(panel, 0, "Apr"))
    for _ in range(12):  # every month typed: nothing left to absorb the difference
        keys(qtbot, "1000")
        press(qtbot, Key.Key_Tab)
    assert total.data() == "12,000"
    assert "not the planned" in total.data(Qt.ItemDataRole.ToolTipRole)
    assert total.data(Qt.ItemDataRole.BackgroundRole) == MARKED_BRUSH
