"""Rows as a user sees them: pastes (Ctrl+V) land on the rows shown, sorted or filtered, and
add rows past the end; deletes come back in their places; a sort stays true; an edit
repaints its own row and never resets the table."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from tests.ui.test_typing_tables import cell, click, column, keys, press
from workbench.domain.edits import EntityKind

Key, Ctrl = Qt.Key, Qt.KeyboardModifier.ControlModifier


def paste(qtbot, panel, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    qtbot.keyClick(panel.view, Key.Key_V, Ctrl)


def click_header(qtbot, panel, header: str) -> None:
    bar = panel.view.horizontalHeader()
    section = column(panel, header)
    panel.view.scrollTo(panel.proxy.index(0, section))
    x = bar.sectionViewportPosition(section) + bar.sectionSize(section) // 2
    qtbot.mouseClick(bar.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, bar.height() // 2))


def names_shown(panel) -> list[str]:
    return [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]


def test_a_block_longer_than_the_rows_below_adds_rows_in_one_step(window, qtbot):
    panel, ctl = window.tables[EntityKind.SCHEME], window.controller
    n, steps = len(ctl.plan.schemes), ctl.undo_stack.count()
    click(qtbot, panel.view, cell(panel, n - 1, "Scheme"))
    paste(qtbot, panel, "Last one\nExtra A\nExtra B\n")
    assert names_shown(panel)[n - 1:] == ["Last one", "Extra A", "Extra B"]
    assert ctl.undo_stack.count() == steps + 1
    assert "2 rows added" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    assert len(ctl.plan.schemes) == n and len(names_shown(panel)) == n


def test_paste_after_sorting_and_adding_a_row_touches_only_the_rows_shown(window, qtbot):
    panel, ctl = window.tables[EntityKind.SCHEME], window.controller
    click_header(qtbot, panel, "Scheme")
    assert names_shown(panel) == sorted(names_shown(panel))
    before = {s.id: (s.name, s.gross_saving) for s in ctl.plan.schemes}
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    press(qtbot, Key.Key_Escape)  # the new row's name editor
    new = panel.view.currentIndex()
    assert new.data() == "New scheme" and new.row() == panel.proxy.rowCount() - 1
    paste(qtbot, panel, "Pasted one\nPasted two\n")
    assert names_shown(panel)[-2:] == ["Pasted one", "Pasted two"]
    after = {s.id: (s.name, s.gross_saving) for s in ctl.plan.schemes}
    assert {k: v for k, v in after.items() if k in before} == before  # none overwritten


def test_paste_onto_a_sorted_view_writes_the_rows_in_the_order_shown(window, qtbot):
    panel, ctl = window.tables[EntityKind.SCHEME], window.controller
    click_header(qtbot, panel, "Gross saving")
    shown = [panel.model.rows[panel.proxy.mapToSource(panel.proxy.index(r, 0)).row()].id
             for r in range(3)]
    click(qtbot, panel.view, cell(panel, 0, "Gross saving"))
    paste(qtbot, panel, "1\n2\n3\n")
    by_id = {s.id: s for s in ctl.plan.schemes}
    assert [by_id[i].gross_saving for i in shown] == [1, 2, 3]


def test_a_paste_adding_rows_behind_a_filter_asks_first(window, qtbot, monkeypatch):
    panel, ctl = window.tables[EntityKind.SCHEME], window.controller
    n = len(ctl.plan.schemes)
    qtbot.keyClicks(panel.filter, "rightcare")
    shown = panel.proxy.rowCount()
    assert shown < n
    asked = []
    answer = QMessageBox.StandardButton.No
    monkeypatch.setattr("workbench.ui.tables.table_view.QMessageBox.question",
                        lambda *a, **k: asked.append(a[2]) or answer)
    click(qtbot, panel.view, cell(panel, shown - 1, "Gross saving"))
    paste(qtbot, panel, "10\n20\n")
    assert asked and "filter hides" in asked[0]
    assert len(ctl.plan.schemes) == n and "Nothing pasted" in window.statusBar().currentMessage()
    answer = QMessageBox.StandardButton.Yes
    paste(qtbot, panel, "10\n20\n")
    assert len(ctl.plan.schemes) == n + 1
    assert ctl.plan.schemes[-1].gross_saving == Decimal(20)


def test_undoing_a_delete_brings_rows_back_in_their_places_without_a_reset(window, qtbot):
    panel, ctl = window.tables[EntityKind.SCHEME], window.controller
    order = [s.id for s in ctl.plan.schemes]
    resets, inserted = [], []
    panel.model.modelReset.connect(lambda: resets.append(1))
    panel.model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    click(qtbot, panel.view, cell(panel, 2, "Scheme"))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, Ctrl,
                     panel.view.visualRect(cell(panel, 5, "Scheme")).center())
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert [s.id for s in ctl.plan.schemes] == [i for k, i in enumerate(order) if k not in (2, 5)]
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    qtbot.keyClick(panel.view, Key.Key_Z, Ctrl)
    assert [s.id for s in ctl.plan.schemes] == order
    assert [panel.model.rows[r].id for r in range(len(order))] == order
    assert inserted == [(2, 2), (5, 5)] and not resets


def test_the_sort_stays_true_after_the_filter_changes(window, qtbot):
    panel = window.tables[EntityKind.SCHEME]
    gross = column(panel, "Gross saving")
    click_header(qtbot, panel, "Gross saving")
    qtbot.keyClicks(panel.filter, "rightcare")
    panel.filter.selectAll()
    qtbot.keyClick(panel.filter, Key.Key_Backspace)
    values = [panel.proxy.index(r, gross).data(Qt.ItemDataRole.UserRole + 1)
              for r in range(panel.proxy.rowCount())]
    assert values == sorted(values) and len(values) == len(window.controller.plan.schemes)
    assert panel.view.horizontalHeader().sortIndicatorSection() == gross


def test_a_third_header_click_goes_back_to_the_plans_order(window, qtbot):
    panel, ctl = window.tables[EntityKind.SCHEME], window.controller
    plan_order = [s.name for s in ctl.plan.schemes]
    for _ in range(2):
        click_header(qtbot, panel, "Scheme")
    assert names_shown(panel) == sorted(plan_order, reverse=True)
    click_header(qtbot, panel, "Scheme")
    assert names_shown(panel) == plan_order
    assert panel.view.horizontalHeader().sortIndicatorSection() == -1


def test_an_edit_repaints_its_row_and_never_resets(window, qtbot):
    panel = window.tables[EntityKind.SCHEME]
    resets, rows = [], set()
    panel.model.modelReset.connect(lambda: resets.append(1))
    panel.model.dataChanged.connect(
        lambda a, b, _roles=(): rows.update(range(a.row(), b.row() + 1)))
    click(qtbot, panel.view, cell(panel, 4, "Gross saving"))
    keys(qtbot, "750000")
    press(qtbot, Key.Key_Return)
    assert rows == {4} and not resets


def test_a_refused_paste_names_the_cell_and_changes_nothing(window, qtbot):
    panel, ctl = window.tables[EntityKind.SCHEME], window.controller
    before, steps = [s.gross_saving for s in ctl.plan.schemes], ctl.undo_stack.count()
    click(qtbot, panel.view, cell(panel, 0, "Gross saving"))
    paste(qtbot, panel, "100\nabc\n")
    said = window.statusBar().currentMessage()
    assert said.startswith("Nothing pasted: row 2 (Ophthalmology community clinics): "
                           "Gross saving is an amount of money")
    assert said.endswith("read 'abc'")
    assert [s.gross_saving for s in ctl.plan.schemes] == before
    assert ctl.undo_stack.count() == steps
