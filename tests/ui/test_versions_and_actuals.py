"""Freezing a version and comparing it with today; importing actuals from the File menu."""

from __future__ import annotations

import pytest

from workbench.domain.edits import EntityKind, SetField
from workbench.domain.trajectories import Actual
from workbench.ui.actuals_import import import_actuals_csv
from workbench.ui.dialogs.versions_dialog import COMPARED, VersionsDialog
from workbench.ui.launcher import open_plan
from workbench.ui.plan_controller import PlanController


@pytest.fixture
def controller(tmp_path, monkeypatch):
    for name in ("warning", "information"):
        monkeypatch.setattr(f"workbench.ui.actuals_import.QMessageBox.{name}",
                            lambda *a, **k: None)
        monkeypatch.setattr(f"workbench.ui.dialogs.versions_dialog.QMessageBox.{name}",
                            lambda *a, **k: None)
    store, plan = open_plan(str(tmp_path / "plan.db"))
    return PlanController(plan, store)


def cell(dialog, label, column):
    row = [name for name, _field in COMPARED].index(label)
    return dialog.table.item(row, column).text()


def test_freeze_then_edit_shows_frozen_against_today(controller, qtbot):
    dialog = VersionsDialog(controller)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 0
    assert dialog.freeze("Submission 1", "to NHSE") is not None
    assert dialog.list.count() == 1
    assert cell(dialog, "Savings gap", 1) == cell(dialog, "Savings gap", 2) == "£13,293,500"
    scheme = controller.plan.schemes[0]
    assert controller.push(SetField(EntityKind.SCHEME, scheme.id, "gross_saving",
                                    scheme.gross_saving, scheme.gross_saving + 1_000_000))
    dialog.reload()
    assert cell(dialog, "Savings gap", 1) == "£13,293,500"  # frozen
    assert cell(dialog, "Savings gap", 2) == "£12,293,500"  # today
    assert dialog.freeze("Submission 1") is None  # names are unique; nothing frozen
    assert dialog.list.count() == 1
    history = controller.store.history()
    assert any(h.action == "freeze" and h.field == "version" for h in history)


def test_actuals_from_the_menu_are_one_undo_step(controller, tmp_path):
    path = tmp_path / "actuals.csv"
    path.write_text("date,metric,value,note\n2019-04,AE_4HR,88%,\n2019-05,AE_4HR,0.9,\n")
    steps = controller.undo_stack.count()
    assert import_actuals_csv(controller, None, path)
    assert controller.undo_stack.count() == steps + 1
    four_hour = controller.plan.trajectories[2]
    assert four_hour.actuals["2019-05"] == Actual(0.9, "")
    assert controller.results.trajectory_status[2].period == "2019-05"
    controller.undo_stack.undo()
    assert "2019-05" not in controller.plan.trajectories[2].actuals


def test_bad_actuals_apply_nothing(controller, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("date,metric,value\n2019-04,AE_4HR,88%\n2019-05,Nope,1\n")
    steps = controller.undo_stack.count()
    assert not import_actuals_csv(controller, None, path)
    assert controller.undo_stack.count() == steps
    assert "2019-04" not in controller.plan.trajectories[2].actuals
