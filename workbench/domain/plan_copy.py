"""Copies of a plan that later edits cannot reach, for work on another thread.

Every edit changes the window's plan in place: `apply_to_plan` sets fields of rows, of the
drivers and of the plan, and adds or removes rows. A copy has its own row lists, drivers
and rows; since an edit only ever replaces a field's value (never changes a value inside
one), the values inside a row can stay shared.

`PlanCopies` makes such copies cheaply after edits: `note(changes)` records what each edit
touched, and `take(plan)` copies afresh only the rows those edits named (and the drivers and
the plan's own fields); every other row is the previous copy's, which nobody changes. A
plan object not seen before, or a change of everything (a reload), copies everything.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

from workbench.domain.changes import PlanChanges
from workbench.domain.edits import ROW_LISTS, EntityKind
from workbench.domain.plan import Plan


def copy_row(row: Any) -> Any:
    """A shallow copy of a row: copy.copy's result, without its reduce protocol (about a
    third of the time, which matters over 10,000 schemes)."""
    fields = getattr(row, "__dict__", None)
    if fields is None:
        return copy.copy(row)
    new = object.__new__(type(row))
    new.__dict__.update(fields)
    return new


def copy_plan(plan: Plan) -> Plan:
    """A copy of `plan` with its own row lists, rows, drivers and driver sources."""
    lists = {name: list(map(copy_row, getattr(plan, name))) for name in ROW_LISTS.values()}
    return dataclasses.replace(plan, drivers=copy_row(plan.drivers),
                               driver_sources=dict(plan.driver_sources), **lists)


class PlanCopies:
    """Copies of one live plan, each made from the last and the edits noted since."""

    def __init__(self) -> None:
        self._source: Plan | None = None  # the live plan the last copy was made of
        self._copy: Plan | None = None
        self._since = PlanChanges()  # what edits touched since the last copy

    def note(self, changes: PlanChanges) -> None:
        """An edit was applied to the live plan (call for every one, in order)."""
        self._since = self._since.merged(changes)

    def take(self, plan: Plan) -> Plan:
        """A copy of `plan` as it is now; never changed afterwards by anyone."""
        last, since = self._copy, self._since
        if last is None or plan is not self._source or since.structural >= set(EntityKind):
            made = copy_plan(plan)
        else:
            lists = {ROW_LISTS[kind]: _rows(getattr(plan, ROW_LISTS[kind]),
                                            getattr(last, ROW_LISTS[kind]), kind, since)
                     for kind in since.kinds if kind in ROW_LISTS}
            made = dataclasses.replace(plan, drivers=copy_row(plan.drivers),
                                       driver_sources=dict(plan.driver_sources),
                                       **{name: getattr(last, name) for name in
                                          ROW_LISTS.values() if name not in lists},
                                       **lists)
        self._source, self._copy, self._since = plan, made, PlanChanges()
        return made


def _rows(live: list[Any], last: list[Any], kind: EntityKind,
          since: PlanChanges) -> list[Any]:
    """`live` copied: rows the edits named afresh, the others taken from `last`."""
    named = {i for k, i in since.rows if k is kind}
    if kind not in since.structural and len(live) == len(last):
        # fields set, no row added or removed: the rows are where they were
        return [copy_row(row) if row.id in named else kept for row, kept in zip(live, last,
                                                                                 strict=True)]
    kept = {row.id: row for row in last if row.id is not None}
    return [kept[row.id] if row.id in kept and row.id not in named else copy_row(row)
            for row in live]
