"""Pools, contracts and place elements are stored exactly, edited by compare-and-set,
and a colleague's change is never overwritten (SQLite, and PostgreSQL when set)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal as D

import pytest

from workbench.domain.contracts import Escalation
from workbench.domain.demo_system import demo_contracts, demo_place, demo_pools
from workbench.domain.edits import EntityKind, SetField
from workbench.domain.errors import ConflictError
from workbench.engine import compute
from workbench.store import open_store


def _ignore_ids(rows):
    return [dataclasses.replace(r, id=None) for r in rows]


def test_demo_system_rows_round_trip_exactly(store):
    plan = store.load_plan()
    assert _ignore_ids(plan.pools) == _ignore_ids(demo_pools())
    assert _ignore_ids(plan.contracts) == _ignore_ids(demo_contracts())
    assert _ignore_ids(plan.place_elements) == _ignore_ids(demo_place())
    assert compute(plan).summary.pooled_budget == D("330000000")


def test_variance_edit_is_stored_audited_and_undone(store):
    plan = store.load_plan()
    pool = plan.pools[0]
    edit = SetField(EntityKind.POOL, pool.id, "projected_variance", pool.projected_variance,
                    D("3300000"), label="Edit projected variance of Older people's pool")
    store.apply(edit)
    again = store.load_plan()
    assert again.pools[0].projected_variance == D("3300000")
    assert compute(again).summary.pooled_budgets_ccg_variance == D("1466666.67")
    assert [r.field for r in store.history(EntityKind.POOL, pool.id)] == ["projected_variance"]
    store.apply(edit.inverted(), action="undo")
    assert store.load_plan().pools[0].projected_variance == 0


def test_partners_edit_round_trips_and_compares_whole(store):
    plan = store.load_plan()
    pool = plan.pools[0]
    partners = (dataclasses.replace(pool.partners[0], contribution=D("81000000.01")),
                pool.partners[1])
    store.apply(SetField(EntityKind.POOL, pool.id, "partners", pool.partners, partners))
    assert store.load_plan().pools[0].partners == partners


def test_colleague_changed_the_variance_first(db_target, store):
    colleague = open_store(db_target)
    mine, theirs = store.load_plan(), colleague.load_plan()
    pool_mine, pool_theirs = mine.pools[1], theirs.pools[1]
    colleague.apply(SetField(EntityKind.POOL, pool_theirs.id, "projected_variance",
                             pool_theirs.projected_variance, D("500000")))
    with pytest.raises(ConflictError) as caught:
        store.apply(SetField(EntityKind.POOL, pool_mine.id, "projected_variance",
                             pool_mine.projected_variance, D("-200000")))
    assert caught.value.current == D("500000")
    assert "someone else changed the projected variance" in str(caught.value)
    assert store.load_plan().pools[1].projected_variance == D("500000")  # nothing lost


def test_colleague_changed_a_contract_escalation_first(db_target, store):
    colleague = open_store(db_target)
    mine, theirs = store.load_plan(), colleague.load_plan()
    c_mine, c_theirs = mine.contracts[0], theirs.contracts[0]
    colleague.apply(SetField(EntityKind.CONTRACT, c_theirs.id, "escalation",
                             c_theirs.escalation, Escalation.REMEDIAL_PLAN))
    with pytest.raises(ConflictError):
        store.apply(SetField(EntityKind.CONTRACT, c_mine.id, "escalation", c_mine.escalation,
                             Escalation.WITHHOLDING))
    assert store.load_plan().contracts[0].escalation is Escalation.REMEDIAL_PLAN
    # another field of the same contract is not a conflict
    store.apply(SetField(EntityKind.CONTRACT, c_mine.id, "value", c_mine.value, D("350000000")))
    assert colleague.load_plan().contracts[0].value == D("350000000")


def test_place_element_target_may_be_empty(store):
    plan = store.load_plan()
    council = plan.place_elements[3]
    assert council.target is None
    store.apply(SetField(EntityKind.PLACE_ELEMENT, council.id, "target", None, D("265000000")))
    assert store.load_plan().place_elements[3].target == D("265000000")


@pytest.mark.parametrize("sql", [
    "UPDATE pools SET projected_variance = 100 WHERE plan_id = :copy",
    "DELETE FROM contracts WHERE plan_id = :copy",
    "UPDATE place_elements SET spend = 1 WHERE plan_id = :copy",
])
def test_a_frozen_versions_system_rows_cannot_be_written(store, sql):
    from sqlalchemy import text

    from workbench.store.versions import freeze_version, load_version

    version = freeze_version(store, "Submission 1")
    assert len(load_version(store, version).pools) == 4  # the freeze copied them
    with pytest.raises(Exception, match="frozen version"), store.engine.begin() as conn:
        conn.execute(text(sql), {"copy": version.frozen_plan_id})
    frozen = load_version(store, version)
    assert _ignore_ids(frozen.pools) == _ignore_ids(demo_pools())
    assert len(frozen.contracts) == 3
