"""Shared test helpers: a store that resolves local keys, and an id-free view of a plan."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from tests.fakes import MemoryStore
from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import Batch, DeleteRows, Edit, InsertRows, SetField, apply_to_plan
from workbench.domain.links import LINK_FIELDS, relink, relink_value
from workbench.domain.plan import FinancialDrivers, Plan
from workbench.templates.finance.checks import normalised


class LocalKeyStore(MemoryStore):
    """MemoryStore plus the contract the importer relies on: a negative id in InsertRows is a
    local key; it gets a fresh id, and links equal to it later in the same edit follow."""

    def _assign(self, edit: Edit) -> Edit:
        self._keys: dict[int, int] = {}  # local key -> id, for this one edit
        return self._resolve(edit)

    def _resolve(self, edit: Edit) -> Edit:
        if isinstance(edit, Batch):
            return Batch(tuple(self._resolve(e) for e in edit.edits), edit.label)
        if isinstance(edit, InsertRows):
            rows = []
            for row in edit.rows:
                row = relink(edit.kind, row, lambda _k, v: self._keys.get(v, v))
                new_id = next(self._ids)
                if row.id is not None and row.id < 0:
                    self._keys[row.id] = new_id
                rows.append(dataclasses.replace(row, id=new_id)
                            if row.id is None or row.id < 0 else row)
            return InsertRows(edit.kind, tuple(rows), edit.label)
        if isinstance(edit, SetField) and edit.field in LINK_FIELDS:
            new = relink_value(edit.new, LINK_FIELDS[edit.field],
                               lambda _k, v: self._keys.get(v, v))
            return dataclasses.replace(edit, new=new)
        assert isinstance(edit, SetField | DeleteRows)
        return edit


def demo() -> tuple[Plan, LocalKeyStore]:
    store = LocalKeyStore()
    return store.load_new(demo_plan()), store


def empty_like(plan: Plan) -> Plan:
    """A fresh plan for the same organisation and year, with no rows and zero drivers."""
    return Plan(id=1, organisation=plan.organisation, ods_code=plan.ods_code,
                first_year=plan.first_year, last_year=plan.first_year,
                drivers=FinancialDrivers(allocation=Decimal(0), prior_year_allocation=Decimal(0)))


def apply_report(plan: Plan, report, store: LocalKeyStore | None = None) -> Plan:
    assert report.ok, report.text()
    applied = (store or LocalKeyStore()).apply(report.edit)
    apply_to_plan(plan, applied)
    return plan


def signature(plan: Plan, ordered: bool = True) -> dict[str, Any]:
    """Everything in a plan except ids and sources (a workbook does not carry a row's
    source): links become names, phasing is normalised.
    With ordered=False rows are sorted (re-added rows come back at the end)."""
    ws = {w.id: w.name for w in plan.workstreams}
    schemes = {s.id: s.name for s in plan.schemes}

    def row(obj: Any) -> dict[str, Any]:
        out = {}
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if f.name in ("id", "source"):
                continue
            if f.name == "workstream_id":
                value = ws.get(value)
            elif f.name == "scheme_id":
                value = schemes.get(value)
            elif f.name == "phasing":
                value = normalised(tuple(value))
            out[f.name] = value
        return out

    return {
        "plan": (plan.organisation, plan.ods_code, plan.name, plan.status, plan.first_year,
                 plan.last_year),
        "drivers": dataclasses.asdict(plan.drivers),
        **{kind: rows if ordered else sorted(rows, key=repr) for kind, rows in (
            (k, [row(r) for r in getattr(plan, k)]) for k in
            ("spend_lines", "pressures", "workstreams", "schemes", "risks"))},
    }
