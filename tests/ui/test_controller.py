"""The one edit path: push -> store -> plan -> engine -> signals, with undo and failures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from workbench.domain.edits import Batch, DeleteRows, EntityKind, InsertRows, SetField
from workbench.domain.schemes import SavingsScheme
from workbench.ui.plan_controller import PlanController


@pytest.fixture
def controller(memory_plan, qtbot):
    plan, store = memory_plan
    return PlanController(plan, store)


def test_edit_recomputes_and_signals(controller, qtbot):
    scheme = controller.plan.schemes[0]
    before = controller.results.summary.schemes_identified
    edit = SetField(EntityKind.SCHEME, scheme.id, "gross_saving", scheme.gross_saving,
                    scheme.gross_saving + 100_000)
    with qtbot.waitSignals([controller.plan_changed, controller.results_changed]):
        assert controller.push(edit)
    assert controller.results.summary.schemes_identified == before + 100_000
    controller.undo_stack.undo()
    assert controller.results.summary.schemes_identified == before
    controller.undo_stack.redo()
    assert controller.results.summary.schemes_identified == before + 100_000
    assert controller.undo_stack.undoText() == "Edit gross saving"


def test_insert_then_undo_redo_keeps_store_ids(controller):
    store = controller.store
    assert controller.push(InsertRows(EntityKind.SCHEME, (SavingsScheme(None, "New"),)))
    new_id = controller.plan.schemes[-1].id
    assert new_id is not None
    controller.undo_stack.undo()
    assert all(s.id != new_id for s in controller.plan.schemes)
    assert isinstance(store.applied[-1], DeleteRows)
    controller.undo_stack.redo()
    assert controller.plan.schemes[-1].id == new_id


def test_failed_write_changes_nothing_and_reports(controller, qtbot):
    controller.store.fail_next = True
    scheme = controller.plan.schemes[0]
    old = scheme.name
    with qtbot.waitSignal(controller.write_failed) as failed:
        ok = controller.push(SetField(EntityKind.SCHEME, scheme.id, "name", old, "X"))
    assert not ok and scheme.name == old
    assert "read-only" in failed.args[0]
    assert controller.undo_stack.count() == 0


def test_batch_is_one_undo_step(controller):
    a, b = controller.plan.schemes[:2]
    batch = Batch((SetField(EntityKind.SCHEME, a.id, "confidence", a.confidence, Decimal(1)),
                   SetField(EntityKind.SCHEME, b.id, "confidence", b.confidence, Decimal(1))),
                  label="Paste 2 rows")
    controller.push(batch)
    assert controller.undo_stack.count() == 1 and controller.undo_stack.undoText() == "Paste 2 rows"
    controller.undo_stack.undo()
    assert a.confidence == Decimal("0.70") and b.confidence == Decimal("0.75")
