"""Tables that fit a laptop, driven through real clicks and keys: selection figures in the
status bar, the totals row under a filter, columns hidden and remembered."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from tests.ui.test_typing_tables import cell, click, keys, press
from workbench.domain.edits import EntityKind
from workbench.ui import style
from workbench.ui.tables.parsing import format_money


def _column(panel, header: str) -> int:
    return next(i for i, s in enumerate(panel.model.columns) if s.header == header)


def _click(qtbot, view, index, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier,
                     view.visualRect(index).center())


def test_shift_click_shows_sum_count_and_average_in_the_status_bar(window, qtbot):
    panel = window.tables[EntityKind.SCHEME]
    view, proxy = panel.view, panel.proxy
    column = _column(panel, "Gross saving")
    _click(qtbot, view, proxy.index(0, column))
    _click(qtbot, view, proxy.index(2, column), Qt.KeyboardModifier.ShiftModifier)
    values = [panel.model.rows[proxy.mapToSource(proxy.index(r, column)).row()].gross_saving
              for r in range(3)]
    total = sum(values)
    text = window.selection_stats.text()
    assert window.selection_stats.isVisible()
    assert f"Sum {format_money(total)}" in text
    assert "Count 3" in text
    assert f"Average {format_money(total / 3)}" in text
    # one cell alone: nothing to add up
    _click(qtbot, view, proxy.index(1, column))
    assert not window.selection_stats.isVisible()


def test_totals_row_follows_a_filter_typed_in_the_filter_box(window, qtbot):
    panel = window.tables[EntityKind.SCHEME]
    totals = panel.totals.model()
    gross = _column(panel, "Gross saving")
    everything = sum(s.gross_saving for s in window.controller.plan.schemes)
    assert totals.index(0, gross).data() == format_money(everything)
    assert totals.index(0, 0).data() == f"Total ({len(window.controller.plan.schemes)})"
    panel.filter.setFocus()
    qtbot.keyClicks(panel.filter, "ophthalmology")
    shown = [s for s in window.controller.plan.schemes if "ophthalmology" in s.name.lower()]
    assert shown and len(shown) < len(window.controller.plan.schemes)
    assert totals.index(0, gross).data() == format_money(sum(s.gross_saving for s in shown))
    assert totals.index(0, 0).data().startswith(f"Total of {len(shown)} shown")
    assert panel.totals.isVisible()
    # the row stays under its column: same width and position as the table's
    table_x = panel.view.columnViewportPosition(gross)
    assert panel.totals.columnViewportPosition(gross) == table_x
    assert panel.totals.columnWidth(gross) == panel.view.columnWidth(gross)


def test_totals_row_on_risks_and_activity_and_not_on_workstreams(window):
    assert window.tables[EntityKind.RISK].totals is not None
    assert window.activity.table.totals is not None
    assert window.tables[EntityKind.WORKSTREAM].totals is None
    risks = window.tables[EntityKind.RISK]
    value = _column(risks, "Value")
    total = sum(r.value for r in window.controller.plan.risks)
    assert risks.totals.model().index(0, value).data() == format_money(total)


def test_name_column_stays_in_view_when_scrolled_sideways(window, qtbot):
    panel = window.tables[EntityKind.SCHEME]
    view = panel.view
    bar = view.horizontalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.maximum() > 0, "the schemes table is wider than its pane"
    assert view.columnViewportPosition(0) < 0 or view.isColumnHidden(0) is False
    pin = panel.pinned.pin
    assert pin.isVisible()
    first = panel.proxy.index(0, 0)
    assert pin.visualRect(first).left() <= 1
    assert pin.indexAt(pin.visualRect(first).center()) == first
    # a click on the pinned name selects that row's name in the table itself
    qtbot.mouseClick(pin.viewport(), Qt.MouseButton.LeftButton,
                     pos=pin.visualRect(panel.proxy.index(2, 0)).center())
    assert view.currentIndex() == panel.proxy.index(2, 0)


def test_hiding_a_column_from_the_columns_button_is_remembered(tmp_path, qtbot, monkeypatch):
    from workbench.ui.launcher import open_plan
    from workbench.ui.main_window import MainWindow
    from workbench.ui.plan_controller import PlanController

    monkeypatch.setattr("workbench.ui.main_window.QMessageBox.warning", lambda *a, **k: None)
    store, plan = open_plan(str(tmp_path / "plan.db"))

    def open_window():
        win = MainWindow(PlanController(plan, store), store_label="plan.db")
        qtbot.addWidget(win)
        win.show()
        return win

    first = open_window()
    panel = first.tables[EntityKind.SCHEME]
    provider = _column(panel, "Provider")
    panel.columns_button.menu().aboutToShow.emit()
    panel.columns_button.action_for("Provider").trigger()
    assert panel.view.isColumnHidden(provider)
    assert panel.totals.isColumnHidden(provider)
    first.close()
    second = open_window()
    again = second.tables[EntityKind.SCHEME]
    assert again.view.isColumnHidden(provider)
    assert not again.view.isColumnHidden(_column(again, "Gross saving"))


def test_selection_figures_follow_the_table_on_show(window, qtbot):
    panel = window.tables[EntityKind.SCHEME]
    column = _column(panel, "Gross saving")
    _click(qtbot, panel.view, panel.proxy.index(0, column))
    _click(qtbot, panel.view, panel.proxy.index(1, column), Qt.KeyboardModifier.ShiftModifier)
    assert window.selection_stats.isVisible()
    risks = next(a for a in window.view_menu.actions() if a.text() == "&Risks")
    risks.trigger()
    assert not window.selection_stats.isVisible()
    schemes = next(a for a in window.view_menu.actions() if a.text() == "&Savings schemes")
    schemes.trigger()
    assert window.selection_stats.isVisible()


def test_double_click_on_the_pinned_name_edits_it_in_the_table(window, qtbot):
    from PySide6.QtWidgets import QApplication, QLineEdit

    panel = window.tables[EntityKind.SCHEME]
    view, pin = panel.view, panel.pinned.pin
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    index = panel.proxy.index(3, 0)
    where = pin.visualRect(index).center()
    qtbot.mouseClick(pin.viewport(), Qt.MouseButton.LeftButton, pos=where)  # a double-click:
    qtbot.mouseDClick(pin.viewport(), Qt.MouseButton.LeftButton, pos=where)  # press, then again
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.parent() is view.viewport()
    assert editor.isVisible() and not pin.isVisible()  # the pin steps aside for the editor
    editor.selectAll()
    qtbot.keyClicks(editor, "Renamed scheme")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)
    assert panel.model.rows[panel.proxy.mapToSource(index).row()].name == "Renamed scheme"
    qtbot.waitUntil(pin.isVisible)


def test_a_cell_reached_by_keyboard_is_not_hidden_under_the_pinned_column(window, qtbot):
    panel = window.tables[EntityKind.SCHEME]
    view = panel.view
    # the last column shown (Source, after it, is hidden until turned on)
    last = max(c for c in range(panel.model.columnCount()) if not view.isColumnHidden(c))
    _click(qtbot, view, panel.proxy.index(0, last))
    assert view.horizontalScrollBar().value() > 0
    for _ in range(last - 1):
        qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.wait(20)  # the pin's adjustment runs after the table's own scrolling
    assert view.currentIndex().column() == 1
    assert view.visualRect(view.currentIndex()).left() >= view.columnWidth(0)


def test_the_pin_covers_the_whole_height_of_a_table_shown_later(window, qtbot):
    risks = next(a for a in window.view_menu.actions() if a.text() == "&Risks")
    risks.trigger()
    panel = window.tables[EntityKind.RISK]
    qtbot.waitUntil(panel.view.isVisible)
    qtbot.wait(100)  # the layout settles (the phasing grid under the schemes has gone)
    header = panel.view.horizontalHeader().height()
    assert panel.pinned.pin.height() == panel.view.viewport().height() + header


def test_a_column_dragged_to_a_new_place_stays_there_after_reopening(tmp_path, qtbot,
                                                                       monkeypatch):
    from PySide6.QtCore import QPoint

    from workbench.ui.launcher import open_plan
    from workbench.ui.main_window import MainWindow
    from workbench.ui.plan_controller import PlanController

    monkeypatch.setattr("workbench.ui.main_window.QMessageBox.warning", lambda *a, **k: None)
    store, plan = open_plan(str(tmp_path / "plan.db"))

    def open_window():
        win = MainWindow(PlanController(plan, store), store_label="plan.db")
        qtbot.addWidget(win)
        win.show()
        return win

    first = open_window()
    panel = first.tables[EntityKind.SCHEME]
    header = panel.view.horizontalHeader()
    investment = _column(panel, "Investment")
    gross = _column(panel, "Gross saving")
    assert header.visualIndex(investment) == header.visualIndex(gross) + 1
    # scroll sideways until both headers are in view, as a user would on a narrow table
    panel.view.horizontalScrollBar().setValue(header.sectionPosition(gross) - 60)
    qtbot.wait(20)
    assert header.sectionViewportPosition(investment) + 20 < header.viewport().width()
    y = header.height() // 2
    start = QPoint(header.sectionViewportPosition(investment) + 20, y)
    end = QPoint(header.sectionViewportPosition(gross) + 5, y)
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 11):  # a drag, as the mouse moves
        point = start + (end - start) * step / 10
        qtbot.mouseMove(header.viewport(), point)
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert header.visualIndex(investment) < header.visualIndex(gross)
    assert panel.totals.horizontalHeader().visualIndex(investment) == \
        header.visualIndex(investment)  # the totals row follows
    first.close()
    again = open_window().tables[EntityKind.SCHEME].view.horizontalHeader()
    assert again.visualIndex(investment) < again.visualIndex(gross)


def test_clicking_the_pinned_name_header_sorts_the_table(window, qtbot):
    panel = window.tables[EntityKind.SCHEME]
    header = panel.pinned.pin.horizontalHeader()
    where = QPoint(header.sectionViewportPosition(0) + 30, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    names = [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]
    assert names == sorted(names)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    names = [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]
    assert names == sorted(names, reverse=True)
    assert header.sortIndicatorSection() == 0


def test_the_pinned_header_shows_no_sort_arrow_in_the_plans_own_order(window, qtbot):
    """Opened in the plan's order, no arrow lies on the pinned name header; a click on it
    sorts and shows the arrow; a third click returns to the plan's order without one."""
    panel = window.tables[EntityKind.SCHEME]
    pinned = panel.pinned.pin.horizontalHeader()
    assert pinned.sortIndicatorSection() == panel.view.horizontalHeader().sortIndicatorSection()
    assert pinned.sortIndicatorSection() != 0
    where = QPoint(pinned.sectionViewportPosition(0) + 30, pinned.height() // 2)
    qtbot.mouseClick(pinned.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert pinned.sortIndicatorSection() == 0
    for _ in range(2):
        qtbot.mouseClick(pinned.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert pinned.sortIndicatorSection() != 0


def test_typing_in_a_table_with_a_pinned_column_raises_no_qt_warning(window, qtbot, qtlog):
    """The pin paints with the table's delegate but is not handed its editors: Qt warned on
    every edit ("commitData called with an editor that does not belong to this view")."""
    panel = window.tables[EntityKind.SCHEME]
    assert panel.pinned.pin.isVisible()
    click(qtbot, panel.view, cell(panel, 1, "Gross saving"))
    keys(qtbot, "654321")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not panel.view.is_editing())
    assert cell(panel, 1, "Gross saving").data() == "£654,321"
    assert not [r.message for r in qtlog.records if "does not belong" in r.message]


def test_a_refused_name_is_outlined_in_the_pinned_column_too(window, qtbot):
    panel = window.tables[EntityKind.SCHEME]
    pin = panel.pinned.pin
    click(qtbot, panel.view, cell(panel, 0, "Scheme"))
    press(qtbot, Qt.Key.Key_F2)
    QApplication.focusWidget().selectAll()
    press(qtbot, Qt.Key.Key_Backspace)
    click(qtbot, panel.view, cell(panel, 3, "Gross saving"))  # leave it another way
    assert panel.view.cell_delegate.refused
    qtbot.waitUntil(pin.isVisible)
    image = pin.viewport().grab().toImage()
    rect = pin.visualRect(panel.proxy.index(0, 0))
    red = QColor(style.NHS_RED)
    outlined = [(x, y) for x in range(rect.left(), rect.right())
                for y in range(rect.top(), rect.bottom())
                if image.pixelColor(x, y) == red]
    assert len(outlined) > 20  # the red outline, drawn by the table's delegate
