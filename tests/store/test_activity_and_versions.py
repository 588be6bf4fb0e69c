"""Activity lines, trajectories and version freezes in a real database (SQLite and PG)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import Batch, EntityKind, InsertRows, SetField
from workbench.domain.enums import PlanStatus
from workbench.domain.errors import ConflictError, StoreError
from workbench.domain.trajectories import Actual
from workbench.engine import compute
from workbench.store.versions import freeze_version, list_versions, load_version


def no_ids(rows):
    return [dataclasses.replace(r, id=None) for r in rows]


def test_activity_lines_and_trajectories_round_trip_exactly(store):
    original, loaded = demo_plan(), store.load_plan()
    assert no_ids(loaded.activity_lines) == no_ids(original.activity_lines)
    assert no_ids(loaded.trajectories) == no_ids(original.trajectories)
    assert compute(loaded).nel_admissions_avoided == 1000


def test_override_and_actual_edits_are_stored_and_compared(store):
    plan = store.load_plan()
    line = plan.activity_lines[0]
    new = {**line.overrides, 2: Decimal("4321")}
    store.apply(SetField(EntityKind.ACTIVITY_LINE, line.id, "overrides", line.overrides, new))
    assert store.load_plan().activity_lines[0].overrides == {2: Decimal("4321")}
    with pytest.raises(ConflictError):  # the old value no longer holds
        store.apply(SetField(EntityKind.ACTIVITY_LINE, line.id, "overrides", {}, {}))
    path = plan.trajectories[2]
    actuals = {**path.actuals, "2019-04": Actual(0.91, "typed")}
    store.apply(SetField(EntityKind.TRAJECTORY, path.id, "actuals", path.actuals, actuals))
    assert store.load_plan().trajectories[2].actuals["2019-04"] == Actual(0.91, "typed")


def test_inserted_activity_line_keeps_links_to_new_schemes(store):
    plan = store.load_plan()
    scheme = dataclasses.replace(plan.schemes[0], id=-1, name="New scheme")
    line = dataclasses.replace(plan.activity_lines[3], id=-2, scheme_ids=(-1,))
    applied = store.apply(Batch((InsertRows(EntityKind.SCHEME, (scheme,)),
                                 InsertRows(EntityKind.ACTIVITY_LINE, (line,)))))
    new_scheme_id = applied.edits[0].rows[0].id
    assert store.load_plan().activity_lines[-1].scheme_ids == (new_scheme_id,)


def test_freeze_keeps_a_read_only_copy_and_one_audit_entry(store):
    plan = store.load_plan()
    version = freeze_version(store, "Submission 1", "first return to NHSE")
    scheme = plan.schemes[0]
    store.apply(SetField(EntityKind.SCHEME, scheme.id, "gross_saving", scheme.gross_saving,
                         scheme.gross_saving + 1000))
    frozen = load_version(store, version)
    assert store.plan_id == plan.id  # reading a version does not switch the working plan
    assert frozen.status is PlanStatus.SUBMITTED
    assert frozen.schemes[0].gross_saving == scheme.gross_saving
    assert no_ids(frozen.activity_lines) == no_ids(plan.activity_lines)
    assert compute(frozen).summary.savings_requirement == compute(plan).summary.savings_requirement
    assert [v.label for v in list_versions(store)] == ["Submission 1"]
    entries = [h for h in store.history() if h.action == "freeze"]
    assert {h.step for h in entries} == {entries[0].step}  # one entry, expandable
    assert {h.field: h.new for h in entries}["schemes"] == str(len(plan.schemes))
    assert store.load_plan().id == plan.id  # the working plan is still the first


def test_freeze_refuses_a_used_or_empty_name(store):
    freeze_version(store, "Submission 1")
    with pytest.raises(StoreError, match="already a version"):
        freeze_version(store, "Submission 1")
    with pytest.raises(StoreError, match="needs a name"):
        freeze_version(store, "  ")
    assert len(list_versions(store)) == 1
