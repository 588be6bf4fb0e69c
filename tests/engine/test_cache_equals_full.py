"""The incremental engine, and the plan read back from the store, always give the figures a
fresh full compute gives: random edit sequences over every field of every kind, inserts,
deletes (with their unlinks) and undo."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from decimal import Decimal
from enum import Enum
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fakes import MemoryStore
from workbench.domain.changes import PlanChanges
from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import (
    ROW_LISTS,
    ROW_TYPES,
    Batch,
    DeleteRows,
    EntityKind,
    InsertRows,
    SetField,
    apply_to_plan,
)
from workbench.domain.links import LINK_FIELDS, unlinks
from workbench.domain.periods import FinancialYear
from workbench.engine import compute
from workbench.engine.recompute import PlanEngine

ROW_KINDS = list(ROW_LISTS)
DONORS = demo_plan()
SMALL_INTS = {"likelihood", "impact"}


def rows_of(plan, kind: EntityKind) -> list[Any]:
    if kind is EntityKind.PLAN:
        return [plan]
    if kind is EntityKind.DRIVERS:
        return [plan.drivers]
    return getattr(plan, ROW_LISTS[kind])


def fields_of(kind: EntityKind) -> list[str]:
    if kind is EntityKind.PLAN:
        return ["organisation", "ods_code", "name", "status", "first_year", "last_year"]
    cls = type(DONORS.drivers) if kind is EntityKind.DRIVERS else ROW_TYPES[kind]
    return [f.name for f in dataclasses.fields(cls) if f.name != "id"]


def candidates(plan, kind: EntityKind, field: str, current: Any) -> list[Any]:
    """Values a user could give `field`: other rows' values, and small changes of this one."""
    out = [getattr(r, field) for r in rows_of(DONORS, kind) + rows_of(plan, kind)]
    if field in LINK_FIELDS:
        ids = [r.id for r in rows_of(plan, LINK_FIELDS[field])]
        out = [tuple(ids[:2]), tuple(ids[-1:]), ()] if field == "scheme_ids" else [*ids, None]
    elif field in SMALL_INTS:
        out = [1, 2, 3, 4, 5]
    elif field in ("first_year", "last_year") and isinstance(current, FinancialYear):
        out = [FinancialYear(y) for y in range(2016, 2021)]
    elif isinstance(current, bool):
        out.append(not current)
    elif isinstance(current, Enum):
        out += list(type(current))
    elif isinstance(current, Decimal):
        out += [current + 1, current * 2, Decimal(0)]
    elif isinstance(current, int):
        out += [current + 1, max(current - 1, 0)]
    elif isinstance(current, str):
        out.append(current + " (revised)")
    elif isinstance(current, float):
        out.append(current * 1.1)
    elif isinstance(current, tuple) and field == "phasing":
        out.append(tuple(reversed(current)))
    elif isinstance(current, dict | list | frozenset):
        out.append(type(current)())
    elif current is None or isinstance(current, dt.date):
        out.append(None)
    return [v for v in out if v != current] or [current]


def new_year(plan) -> int:
    """A year no plan-year row holds yet."""
    return max((y.year for y in plan.plan_years), default=2015) + 1


@st.composite
def an_edit(draw, plan, done: list):
    """One step: a field edit, an insert, a delete with its unlinks, or an undo."""
    op = draw(st.sampled_from(["set", "set", "set", "insert", "delete", "undo"]))
    if op == "undo" and done:
        return done.pop().inverted(), "undo"
    kind = draw(st.sampled_from([*ROW_KINDS, EntityKind.DRIVERS, EntityKind.PLAN]))
    rows = rows_of(plan, kind)
    if op == "insert" and kind in ROW_KINDS and rows:
        model = draw(st.sampled_from(rows))
        row = dataclasses.replace(copy.deepcopy(model), id=None)
        if kind is EntityKind.PLAN_YEAR:  # one row per year: the store refuses a second
            row.year = new_year(plan)
        return InsertRows(kind, (row,)), "edit"
    if op == "delete" and kind in ROW_KINDS and rows:
        doomed = draw(st.sampled_from(rows))
        return Batch((*unlinks(plan, kind, {doomed.id}), DeleteRows(kind, (doomed,)))), "edit"
    if not rows:
        return None, ""
    row = draw(st.sampled_from(rows))
    field = draw(st.sampled_from(fields_of(kind)))
    current = getattr(row, field)
    new = draw(st.sampled_from(candidates(plan, kind, field, current)))
    if kind is EntityKind.PLAN_YEAR and field == "year":
        new = new_year(plan)
    row_id = plan.id if kind in (EntityKind.PLAN, EntityKind.DRIVERS) else row.id
    return SetField(kind, row_id, field, copy.deepcopy(current), new), "edit"


def assert_same(a: Any, b: Any, where: str = "results") -> None:
    if isinstance(a, pd.DataFrame):
        pd.testing.assert_frame_equal(a, b, obj=where)
    elif isinstance(a, pd.Series):
        pd.testing.assert_series_equal(a, b, obj=where)
    elif dataclasses.is_dataclass(a) and not isinstance(a, type):
        for f in dataclasses.fields(a):
            assert_same(getattr(a, f.name), getattr(b, f.name), f"{where}.{f.name}")
    else:
        assert a == b, where


def by_id(plan):
    """A copy with every row list in id order, as the store reads it back."""
    out = copy.deepcopy(plan)
    for attr in ROW_LISTS.values():
        setattr(out, attr, sorted(getattr(out, attr), key=lambda r: r.id))
    return out


def run_steps(data, store, plan, steps: int, reload) -> int:
    engine, done, applied_count = PlanEngine(), [], 0
    engine.compute(plan)
    for _ in range(steps):
        edit, action = data.draw(an_edit(plan, done))
        if edit is None:
            continue
        applied = store.apply(edit, action=action)
        if action == "edit":
            done.append(applied)
        apply_to_plan(plan, applied)
        incremental = engine.compute(plan, PlanChanges.of(applied))
        assert_same(incremental, compute(plan), "incremental")
        if reload is not None:
            assert_same(compute(reload()), compute(by_id(plan)), "reloaded")
        applied_count += 1
    return applied_count


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_incremental_results_equal_a_full_compute(data):
    store = MemoryStore()
    plan = store.load_new(demo_plan())
    run_steps(data, store, plan, steps=12, reload=None)


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    """One database per module; each example starts from a fresh copy of the demo plan."""
    from workbench.store import open_store
    return open_store(str(tmp_path_factory.mktemp("cache") / "plan.db"), create=True)


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.data())
def test_store_read_back_gives_the_same_figures(stored, data):
    plan = stored.save_new_plan(demo_plan())
    run_steps(data, stored, plan, steps=8, reload=lambda: stored.load_plan(plan.id))
