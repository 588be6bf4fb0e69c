"""Restoring a frozen version: one edit, the working plan equal to the version, undo exact."""

from __future__ import annotations

from decimal import Decimal

from workbench.domain.edits import DeleteRows, EntityKind, InsertRows, SetField, apply_to_plan
from workbench.domain.workstreams import Workstream
from workbench.engine import compute
from workbench.engine.diff import diff_plans
from workbench.store.versions import compare_plans, freeze_version, restore_edit_for


def test_restore_brings_back_every_row_and_undo_returns_to_today(store):
    version = freeze_version(store, "Submission 1")
    plan = store.load_plan()
    scheme, risk = plan.schemes[0], plan.risks[1]
    store.apply(SetField(EntityKind.SCHEME, scheme.id, "gross_saving", scheme.gross_saving,
                         scheme.gross_saving + Decimal(500_000)))
    store.apply(SetField(EntityKind.RISK, risk.id, "likelihood", risk.likelihood, 1))
    store.apply(SetField(EntityKind.DRIVERS, plan.id, "tariff_uplift_pct",
                         plan.drivers.tariff_uplift_pct, Decimal("0.02")))
    # a new workstream with a scheme moved into it; a scheme and a trajectory deleted
    added = store.apply(InsertRows(EntityKind.WORKSTREAM, (Workstream(None, "New board"),)))
    new_ws = added.rows[0].id
    moved = plan.schemes[1]
    store.apply(SetField(EntityKind.SCHEME, moved.id, "workstream_id", moved.workstream_id,
                         new_ws))
    store.apply(DeleteRows(EntityKind.SCHEME, (plan.schemes[4],)))
    trajectory = plan.trajectories[0]
    store.apply(SetField(EntityKind.TRAJECTORY, trajectory.id, "target", trajectory.target,
                         0.5))
    today = store.load_plan()
    before = store.load_plan()  # kept as it was, to compare after the undo
    assert diff_plans(*compare_plans(store, version, None)).rows  # differs from the version

    restore = restore_edit_for(store, version)
    applied = store.apply(restore, action="restore", note="Restored 'Submission 1'")
    apply_to_plan(today, applied)
    working, frozen = compare_plans(store, None, version)
    assert diff_plans(frozen, working).rows == ()  # row for row, field for field
    assert diff_plans(frozen, today).rows == ()  # the in-memory mirror agrees
    assert compute(working).summary == compute(frozen).summary
    assert [h.action for h in store.history()][:1] == ["restore"]

    store.apply(applied.inverted(), action="undo")
    back = store.load_plan()
    assert diff_plans(before, back).rows == ()
    # the rows the restore deleted come back with their own ids, links intact
    assert sorted(s.id for s in back.schemes) == sorted(s.id for s in before.schemes)
    assert {w.id for w in back.workstreams} == {w.id for w in before.workstreams}
    assert next(s for s in back.schemes if s.id == moved.id).workstream_id == new_ws


def test_restore_of_an_unchanged_plan_is_empty(store):
    version = freeze_version(store, "Submission 1")
    assert restore_edit_for(store, version).edits == ()
