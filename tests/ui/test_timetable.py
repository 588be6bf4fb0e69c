"""Plan → Submission timetable: the round's dates in order, a version marked as the
submission it was by typing, its date and who signed it off; add, delete, undo."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from workbench.store.versions import freeze_version
from workbench.ui.timetable.submissions_model import FIELDS

TODAY = dt.date(2016, 4, 1)  # the day after the Governing Body paper


def open_timetable(window, qtbot):
    window.timetable_action.trigger()
    panel = window.timetable.panel
    panel.model.today = lambda: TODAY
    assert window.timetable.dock.isVisible()
    qtbot.waitExposed(panel.view)
    return panel


def cell(panel, name: str, field: str) -> str:
    model = panel.model
    row = next(i for i, s in enumerate(model.rows) if s.name == name)
    return model.data(model.index(row, FIELDS.index(field)))


def type_in(qtbot, panel, name: str, field: str, text: str) -> None:
    view, model = panel.view, panel.model
    row = next(i for i, s in enumerate(model.rows) if s.name == name)
    index = model.index(row, FIELDS.index(field))
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState, timeout=2000)
    qtbot.wait(10)  # the queued refresh after the change


def test_the_rounds_dates_are_shown_in_order_with_their_status(window, qtbot):
    panel = open_timetable(window, qtbot)
    assert [s.name for s in panel.model.rows] == [
        "Draft 1", "BCF initial draft", "Draft 2", "Revised activity", "BCF full draft",
        "Final", "BCF final"]
    assert cell(panel, "Draft 1", "due") == "08/02/2016"
    assert cell(panel, "Draft 1", "status") == "Submitted 08 Feb 2016"
    assert cell(panel, "Final", "status") == "Due in 10 days"
    assert cell(panel, "BCF final", "due") == "25/04/2016"
    assert cell(panel, "Final", "signed_off_by").startswith("Chief Executive")
    panel.model.today = lambda: dt.date(2016, 4, 12)
    assert cell(panel, "Final", "status") == "Overdue (1 day)"


def test_a_version_is_marked_as_the_submission_it_was_then_undone(window, qtbot):
    store = window.controller.store
    freeze_version(store, "Final as signed off")
    panel = open_timetable(window, qtbot)
    type_in(qtbot, panel, "Final", "version_label", "Final as signed off")
    type_in(qtbot, panel, "Final", "submitted_on", "11/04/2016")
    final = next(s for s in window.controller.plan.submissions if s.name == "Final")
    assert (final.version_label, final.submitted_on) == ("Final as signed off",
                                                         dt.date(2016, 4, 11))
    assert cell(panel, "Final", "status") == "Submitted 11 Apr 2016"
    assert store.load_plan().submissions[5].version_label == "Final as signed off"
    window.undo_action.trigger()
    assert cell(panel, "Final", "status") == "Due in 10 days"
    window.undo_action.trigger()
    assert cell(panel, "Final", "version_label") == ""


def test_a_version_that_does_not_exist_is_refused_naming_those_that_do(window, qtbot):
    freeze_version(window.controller.store, "Draft 2 as sent")
    panel = open_timetable(window, qtbot)
    steps = window.controller.undo_stack.count()
    type_in(qtbot, panel, "Final", "version_label", "Final v9")
    assert "Draft 2 as sent" in panel.message.text() and "read 'Final v9'" in \
        panel.message.text()
    assert window.controller.undo_stack.count() == steps
    type_in(qtbot, panel, "Final", "due", "31/02/2016")
    assert "a date that exists" in panel.message.text()
    assert cell(panel, "Final", "due") == "11/04/2016"


def test_add_rename_date_and_delete_a_submission_each_one_undo_step(window, qtbot):
    panel = open_timetable(window, qtbot)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert panel.model.rows[-1].name == "Submission 8"
    type_in(qtbot, panel, "Submission 8", "name", "STP")
    assert panel.message.text() == "", panel.message.text()
    assert [s.name for s in panel.model.rows][-1] == "STP", [s.name for s in panel.model.rows]
    type_in(qtbot, panel, "STP", "due", "30/06/2016")
    assert [s.name for s in panel.model.rows][-1] == "STP"  # dated after 25 April
    assert cell(panel, "STP", "status") == "Due in 90 days"
    row = next(i for i, s in enumerate(panel.model.rows) if s.name == "STP")
    index = panel.model.index(row, 0)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.view.visualRect(index).center())
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    qtbot.wait(10)
    assert "STP" not in [s.name for s in panel.model.rows]
    window.undo_action.trigger()
    qtbot.wait(10)
    assert cell(panel, "STP", "due") == "30/06/2016"
