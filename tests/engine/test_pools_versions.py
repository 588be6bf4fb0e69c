"""Versions compared row by row and restored: pools, contracts, place and comparators are
rows like any other, and a pool's variance is credited with the requirement it moves."""

import copy
import dataclasses
from decimal import Decimal as D

from workbench.domain.benchmarks import Benchmark
from workbench.domain.contracts import Escalation
from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import EntityKind, apply_to_plan
from workbench.engine.diff import diff_plans
from workbench.engine.restore import restore_edit


def _with_ids(plan):
    for attr in ("pools", "contracts", "place_elements"):
        rows = getattr(plan, attr)
        rows[:] = [dataclasses.replace(r, id=i + 1) for i, r in enumerate(rows)]
    return plan


def _changed():
    old = _with_ids(demo_plan())
    new = copy.deepcopy(old)
    new.pools[0] = dataclasses.replace(new.pools[0], projected_variance=D("900000"))
    new.contracts[0] = dataclasses.replace(new.contracts[0],
                                           escalation=Escalation.REMEDIAL_PLAN)
    new.benchmarks = [Benchmark(1, "MSK", "£", "10Q", "Us", D(1), 10)]
    return old, new


def test_diff_lists_system_rows_and_credits_the_pool_with_the_requirement():
    old, new = _changed()
    diff = diff_plans(old, new)
    pool = next(r for r in diff.rows if r.kind is EntityKind.POOL)
    # £900k in the older people's pool: 900,000 x 80/180 = £400,000 to the CCG
    assert (pool.name, pool.requirement, pool.gap) == ("Older people's pool", 400000.0,
                                                       400000.0)
    contract = next(r for r in diff.rows if r.kind is EntityKind.CONTRACT)
    assert [f.field for f in contract.fields] == ["escalation"] and contract.requirement == 0
    assert any(r.kind is EntityKind.BENCHMARK for r in diff.rows)
    requirement = diff.figure("savings_requirement")
    assert sum(r.requirement for r in diff.rows) == requirement.delta == 400000.0


def test_restore_brings_back_the_versions_system_rows():
    old, new = _changed()
    working = copy.deepcopy(new)
    apply_to_plan(working, restore_edit(working, old, "Submission 1"))
    assert working.pools == old.pools and working.contracts == old.contracts
    assert working.benchmarks == []
