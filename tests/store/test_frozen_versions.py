"""A frozen version is immutable in the store: every edit aimed at it is refused there.

The version comparison dialog and File -> Open version read a frozen copy as a plan of
its own; an edit that reaches the store for that copy (through load_plan(copy id), or a
plan-field edit naming the copy's id) must be refused with one clear message, inside the
write transaction, and change nothing.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from workbench.domain.edits import Batch, DeleteRows, EntityKind, InsertRows, SetField
from workbench.domain.errors import StoreError
from workbench.domain.scenarios import Scenario
from workbench.domain.template_values import TemplateValue
from workbench.domain.workstreams import Workstream
from workbench.engine.diff import diff_plans
from workbench.store.versions import compare_plans, freeze_version, load_version, restore_edit_for

REFUSED = ("'Submission 1' is a frozen version of the plan: it cannot be changed; "
           "restore it as the working plan to change it")


def _frozen(store):
    """The demo plan with a template value and a scenario, frozen as 'Submission 1'."""
    store.apply(Batch((
        InsertRows(EntityKind.TEMPLATE_VALUE, (TemplateValue(
            None, "resilience", "Demand and Capacity", "D04", "Apr-16", "812"),)),
        InsertRows(EntityKind.SCENARIO, (Scenario(
            None, "High growth", allocation_growth_pct=Decimal("0.09")),)),
    ), "Add a template value and a scenario"))
    return freeze_version(store, "Submission 1")


def _edits(plan):
    """One edit of every kind the app writes, aimed at `plan` (a frozen copy)."""
    scheme, risk, value, scenario = (plan.schemes[0], plan.risks[0], plan.template_values[0],
                                     plan.scenarios[0])
    trajectory = plan.trajectories[0]
    return {
        "scheme field": SetField(EntityKind.SCHEME, scheme.id, "gross_saving",
                                 scheme.gross_saving, scheme.gross_saving + 1),
        "plan field": SetField(EntityKind.PLAN, plan.id, "name", plan.name, "Changed"),
        "driver": SetField(EntityKind.DRIVERS, plan.id, "tariff_uplift_pct",
                           plan.drivers.tariff_uplift_pct, Decimal("0.05")),
        "insert": InsertRows(EntityKind.WORKSTREAM, (Workstream(None, "New board"),)),
        "delete": DeleteRows(EntityKind.TRAJECTORY, (trajectory,)),
        "batch": Batch((SetField(EntityKind.RISK, risk.id, "likelihood", risk.likelihood,
                                 5 if risk.likelihood != 5 else 1),), "Re-score a risk"),
        "template value": SetField(EntityKind.TEMPLATE_VALUE, value.id, "value",
                                   value.value, "999"),
        "template insert": InsertRows(EntityKind.TEMPLATE_VALUE, (TemplateValue(
            None, "bcf", "Cover", "cover", "signed_off", "2016-09-30"),)),
        "scenario": SetField(EntityKind.SCENARIO, scenario.id, "slippage_months",
                             scenario.slippage_months, 3),
        "scenario delete": DeleteRows(EntityKind.SCENARIO, (scenario,)),
    }


EDIT_NAMES = [
    "scheme field", "plan field", "driver", "insert", "delete", "batch", "template value",
    "template insert", "scenario", "scenario delete"]


@pytest.mark.parametrize("name", EDIT_NAMES)
def test_every_edit_aimed_at_a_frozen_version_is_refused_and_changes_nothing(store, name):
    version = _frozen(store)
    frozen = store.load_plan(version.frozen_plan_id)  # the copy is now the plan edited
    entries = store.history_count()
    with pytest.raises(StoreError) as refused:
        store.apply(_edits(frozen)[name])
    assert str(refused.value) == REFUSED
    assert diff_plans(frozen, load_version(store, version)).rows == ()
    assert load_version(store, version).name == frozen.name
    assert store.history_count() == entries


@pytest.mark.parametrize("name", ["plan field", "driver"])
def test_a_plan_field_naming_the_frozen_copy_is_refused_from_the_working_plan(store, name):
    version = _frozen(store)
    frozen = load_version(store, version)
    working = store.load_plan()
    with pytest.raises(StoreError, match="frozen version"):
        store.apply(_edits(frozen)[name])
    after = load_version(store, version)
    assert (after.name, after.drivers) == (frozen.name, frozen.drivers)
    assert store.load_plan().name == working.name


def test_the_working_plan_still_takes_every_edit_after_a_freeze(store):
    version = _frozen(store)
    store.load_plan(version.frozen_plan_id)
    working = store.load_plan()  # back to the working plan
    edits = _edits(working)
    for name, edit in edits.items():
        if name != "scenario delete":  # it would delete the row as it was before "scenario"
            store.apply(edit, note=name)
    changed = store.load_plan()
    assert [s.slippage_months for s in changed.scenarios] == [3]
    store.apply(DeleteRows(EntityKind.SCENARIO, tuple(changed.scenarios)))
    changed = store.load_plan()
    assert changed.name == "Changed"
    assert changed.drivers.tariff_uplift_pct == Decimal("0.05")
    assert [v.value for v in changed.template_values if v.template == "resilience"] == ["999"]
    assert changed.scenarios == []
    assert diff_plans(*compare_plans(store, version, None)).rows  # the version kept its rows
    assert diff_plans(load_version(store, version),
                      store.load_plan(version.frozen_plan_id)).rows == ()


def test_restoring_a_version_as_the_working_plan_still_works(store):
    version = _frozen(store)
    working = store.load_plan()
    store.apply(_edits(working)["scheme field"])
    store.apply(_edits(working)["scenario delete"])
    restore = restore_edit_for(store, version)
    applied = store.apply(restore, action="restore", note="Restored 'Submission 1'")
    assert diff_plans(*compare_plans(store, version, None)).rows == ()
    store.apply(applied.inverted(), action="undo")
    assert diff_plans(*compare_plans(store, version, None)).rows


# -- the database's own guard: a write that bypasses the store is refused too ---------------

def _raw(store, sql, **params):
    from sqlalchemy import text

    with store.engine.begin() as conn:
        conn.execute(text(sql), params)


def _one(store, sql, **params):
    from sqlalchemy import text

    with store.engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


@pytest.mark.parametrize("sql", [
    "UPDATE schemes SET gross_saving = gross_saving + 1 WHERE plan_id = :copy",
    "UPDATE plans SET name = 'Changed' WHERE id = :copy",
    "DELETE FROM trajectories WHERE plan_id = :copy",
    "DELETE FROM plans WHERE id = :copy",
    "UPDATE milestones SET name = 'Changed' WHERE workstream_id IN "
    "(SELECT id FROM workstreams WHERE plan_id = :copy)",
    "INSERT INTO workstreams (plan_id, name) VALUES (:copy, 'New board')",
    "UPDATE scenarios SET plan_id = :copy",
])
def test_the_database_refuses_a_write_to_a_frozen_copy(store, sql):
    version = _frozen(store)
    copy = version.frozen_plan_id
    before = load_version(store, version)
    assert _one(store, "SELECT count(*) FROM milestones WHERE workstream_id IN "
                "(SELECT id FROM workstreams WHERE plan_id = :copy)", copy=copy)
    with pytest.raises(Exception, match="frozen version"):
        _raw(store, sql, copy=copy)
    after = load_version(store, version)
    assert diff_plans(before, after).rows == ()
    assert (after.name, len(after.scenarios)) == (before.name, len(before.scenarios))


def test_the_database_still_lets_the_working_plan_be_written_and_all_plans_replaced(store):
    version = _frozen(store)
    working = store.load_plan()
    _raw(store, "UPDATE schemes SET name = 'Renamed' WHERE id = :id", id=working.schemes[0].id)
    _raw(store, "UPDATE milestones SET name = 'Renamed' WHERE workstream_id = :id",
         id=working.workstreams[0].id)
    assert store.load_plan().schemes[0].name == "Renamed"
    freeze_version(store, "Submission 2")  # a second freeze copies every row again
    store.delete_all_plans()  # demo --force and New plan replace everything, versions too
    assert _one(store, "SELECT count(*) FROM plans") == 0
    assert _one(store, "SELECT count(*) FROM plan_versions") == 0
    assert version.frozen_plan_id is not None
