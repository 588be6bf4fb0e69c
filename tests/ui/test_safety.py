"""Nothing lost: others' changes appear, history shows every change, backups restore,
and a second copy of the app gets a read-only view."""

from __future__ import annotations

from decimal import Decimal

import pytest

from workbench.domain.edits import Batch, EntityKind, SetField
from workbench.store import open_store
from workbench.store.backups import list_backups, take_backup
from workbench.ui.dialogs.restore_dialog import restore_into
from workbench.ui.history_panel import HistoryPanel
from workbench.ui.launcher import lock_plan, open_plan
from workbench.ui.main_window import MainWindow
from workbench.ui.plan_controller import PlanController
from workbench.ui.store_guard import StoreGuard


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "plan.db"
    open_plan(str(path))
    return path


def test_others_changes_appear_and_selection_is_kept(db, qtbot):
    store, plan = open_plan(str(db))
    window = MainWindow(PlanController(plan, store), "plan.db", sqlite_file=db)
    qtbot.addWidget(window)
    panel = window.tables[EntityKind.SCHEME]
    panel.view.selectRow(4)
    chosen = panel.model.row_id(4)

    colleague = open_store(db)
    theirs = colleague.load_plan().schemes[0]
    colleague.apply(SetField(EntityKind.SCHEME, theirs.id, "gross_saving", theirs.gross_saving,
                             Decimal(2000000)))
    assert window.guard.poll()
    assert window.controller.plan.schemes[0].gross_saving == Decimal(2000000)
    assert window.summary.text_of("schemes_identified") == "£7.8m"
    assert panel.selected_source_rows() == [4] and panel.model.row_id(4) == chosen
    assert not window.guard.poll()  # nothing new


def test_reload_waits_for_an_edit_in_progress(db, qtbot):
    store, plan = open_plan(str(db))
    controller = PlanController(plan, store)
    editing = [True]
    guard = StoreGuard(controller, db, busy=lambda: editing[0])
    colleague = open_store(db)
    p = colleague.load_plan()
    colleague.apply(SetField(EntityKind.PLAN, p.id, "name", p.name, "Their name"))
    assert not guard.poll()
    editing[0] = False
    assert guard.poll() and controller.plan.name == "Their name"


def test_undo_over_someone_elses_change_is_refused(db, qtbot):
    store, plan = open_plan(str(db))
    controller = PlanController(plan, store)
    s = plan.schemes[0]
    controller.push(SetField(EntityKind.SCHEME, s.id, "confidence", s.confidence, Decimal("0.9")))
    colleague = open_store(db)
    controller_plan_id = colleague.load_plan().schemes[0].id
    colleague.apply(SetField(EntityKind.SCHEME, controller_plan_id, "confidence",
                             Decimal("0.9"), Decimal("0.2")))
    with qtbot.waitSignal(controller.write_failed) as failed:
        controller.undo_stack.undo()
    assert "someone else" in failed.args[0]
    assert colleague.load_plan().schemes[0].confidence == Decimal("0.2")


def test_history_panel_lists_and_exports(db, qtbot, tmp_path):
    store, plan = open_plan(str(db))
    controller = PlanController(plan, store)
    panel = HistoryPanel(controller)
    qtbot.addWidget(panel)
    panel.set_active(True)  # inactive panels refresh when next shown
    r = plan.risks[0]
    controller.push(SetField(EntityKind.RISK, r.id, "likelihood", r.likelihood, 5))
    controller.undo_stack.undo()
    assert [row[2] for row in panel.rows() if row[2] != "create"] == ["undo", "edit"]
    a, b = plan.schemes[:2]
    controller.push(Batch((SetField(EntityKind.SCHEME, a.id, "confidence", a.confidence,
                                    Decimal("0.1")),
                           SetField(EntityKind.SCHEME, b.id, "confidence", b.confidence,
                                    Decimal("0.2"))), label="Paste 2 rows"))
    top = panel.tree.topLevelItem(0)
    assert top.text(3) == "Paste 2 rows" and top.childCount() == 2  # one entry, expandable
    assert panel.tree.topLevelItemCount() == 4  # with the plan's creation
    panel.select(EntityKind.RISK, r.id)
    panel.only_selected.setChecked(True)
    assert len(panel.rows()) == 2 and panel.tree.topLevelItemCount() == 2
    panel.set_active(False)
    controller.push(SetField(EntityKind.RISK, r.id, "likelihood", r.likelihood, 2))
    assert panel.tree.topLevelItemCount() == 2  # stale while hidden...
    panel.set_active(True)
    assert panel.tree.topLevelItemCount() == 3  # ...and current once shown
    out = tmp_path / "history.csv"
    panel.export_csv(out)
    assert out.read_text(encoding="utf-8-sig").splitlines()[0].startswith("When (UTC),Who,Action")


def test_restore_from_backup(db, qtbot):
    store, plan = open_plan(str(db))
    controller = PlanController(plan, store)
    take_backup(db)
    controller.push(SetField(EntityKind.PLAN, plan.id, "name", plan.name, "After backup"))
    oldest = list_backups(db)[-1].path
    restore_into(controller, db, oldest)
    assert controller.plan.name == "Operational plan"
    assert controller.undo_stack.count() == 0
    assert open_store(db).load_plan().name == "Operational plan"


def test_second_copy_is_read_only(db, qtbot):
    first, reason = lock_plan(str(db))
    assert first is not None and reason == ""
    second, reason = lock_plan(str(db))
    assert second is None and "another copy" in reason
    store, plan = open_plan(str(db))
    store.read_only = True
    window = MainWindow(PlanController(plan, store), "plan.db", sqlite_file=db)
    qtbot.addWidget(window)
    assert "(read-only)" in window.windowTitle()
    model = window.tables[EntityKind.SCHEME].model
    assert not model.flags(model.index(0, 0)) & model.flags(model.index(0, 0)).ItemIsEditable
    first.release()
    third, _ = lock_plan(str(db))
    assert third is not None
