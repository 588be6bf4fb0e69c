"""Plan years are saved with the plan, edited compare-and-set, frozen with versions, and
guarded by the database like every row (on SQLite and PostgreSQL)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import text

from workbench.domain.edits import DeleteRows, EntityKind, InsertRows, SetField
from workbench.domain.errors import ConflictError, StoreError
from workbench.domain.plan_years import PlanYear
from workbench.store import open_store
from workbench.store.versions import freeze_version, load_version


def test_the_demo_years_round_trip_and_an_edit_undoes(store):
    plan = store.load_plan()
    assert [(y.label, y.firm) for y in plan.plan_years] == [
        ("2016/17", True), ("2017/18", True), ("2018/19", True), ("2019/20", False),
        ("2020/21", False)]
    assert plan.plan_years[0].target_allocation == Decimal("764300000")
    y = plan.plan_years[3]
    edit = store.apply(SetField(EntityKind.PLAN_YEAR, y.id, "allocation_growth_pct",
                                y.allocation_growth_pct, Decimal("0.035")))
    assert store.load_plan().plan_years[3].allocation_growth_pct == Decimal("0.035")
    store.apply(edit.inverted(), action="undo")
    assert store.load_plan().plan_years[3] == y
    assert "plan_year" in {h.kind for h in store.history()}


def test_a_colleagues_change_to_the_same_year_is_never_overwritten(db_target, store):
    other = open_store(db_target)
    mine, theirs = store.load_plan().plan_years[1], other.load_plan().plan_years[1]
    other.apply(SetField(EntityKind.PLAN_YEAR, theirs.id, "transformation_ringfence_pct",
                         theirs.transformation_ringfence_pct, Decimal("0.015")))
    with pytest.raises(ConflictError) as caught:
        store.apply(SetField(EntityKind.PLAN_YEAR, mine.id, "transformation_ringfence_pct",
                             mine.transformation_ringfence_pct, Decimal("0.010")))
    assert caught.value.current == Decimal("0.015") and "someone else" in str(caught.value)
    assert store.load_plan().plan_years[1].transformation_ringfence_pct == Decimal("0.015")
    # another field of the same year is not a conflict
    store.apply(SetField(EntityKind.PLAN_YEAR, mine.id, "firm", True, False))
    assert other.load_plan().plan_years[1].firm is False


def test_two_colleagues_adding_the_same_year_cannot_both_succeed(db_target, store):
    plan = store.load_plan()
    store.apply(DeleteRows(EntityKind.PLAN_YEAR, (plan.plan_years[4],)))
    other = open_store(db_target)
    other.load_plan()
    other.apply(InsertRows(EntityKind.PLAN_YEAR, (PlanYear(None, 2020, firm=False),)))
    with pytest.raises(StoreError):
        store.apply(InsertRows(EntityKind.PLAN_YEAR, (PlanYear(
            None, 2020, firm=False, investment=Decimal("1000000")),)))
    assert [y.investment for y in store.load_plan().plan_years if y.year == 2020] == [0]


def test_years_freeze_with_the_version_and_the_copy_cannot_be_changed(store):
    version = freeze_version(store, "Draft 1")
    frozen = load_version(store, version)
    assert [y.label for y in frozen.plan_years] == [y.label for y in store.load_plan().plan_years]
    copy = store.load_plan(version.frozen_plan_id)
    with pytest.raises(StoreError, match="frozen version"):
        store.apply(SetField(EntityKind.PLAN_YEAR, copy.plan_years[0].id, "firm", True, False))
    # the database's own guard
    with pytest.raises(Exception, match="frozen version"), store.engine.begin() as conn:
        conn.execute(text("UPDATE plan_years SET firm = :f WHERE plan_id = :copy"),
                     {"f": False, "copy": version.frozen_plan_id})
    assert all(y.firm == f.firm for y, f in zip(load_version(store, version).plan_years,
                                                frozen.plan_years, strict=True))
