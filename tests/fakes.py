"""An in-memory stand-in for the store, for tests of the edit path without a database."""

from __future__ import annotations

import dataclasses
import itertools

from workbench.domain.edits import (
    ROW_LISTS,
    Batch,
    DeleteRows,
    Edit,
    EntityKind,
    InsertRows,
    SetField,
)
from workbench.domain.errors import StoreError
from workbench.domain.links import relink
from workbench.domain.plan import Plan

# link targets before the rows that point at them, as the store saves them
ORDER = (EntityKind.SPEND_LINE, EntityKind.PRESSURE, EntityKind.WORKSTREAM, EntityKind.SCHEME,
         EntityKind.RISK, EntityKind.ACTIVITY_LINE, EntityKind.TRAJECTORY,
         EntityKind.TEMPLATE_VALUE)


class MemoryStore:
    """Assigns ids like the store does and records every applied edit."""

    def __init__(self) -> None:
        self._ids = itertools.count(1)
        self.applied: list[Edit] = []
        self.fail_next = False
        self.actions: list[str] = []
        self.read_only = False
        self.client = "memory"

    def load_new(self, plan: Plan) -> Plan:
        """Give every row a fresh id and remap links (domain.links), as saving a new plan
        does: link targets are numbered before the rows that point at them."""
        plan.id = 1
        remap: dict[EntityKind, dict[int, int]] = {}
        for kind in ORDER:
            remap[kind] = {}
            rows = getattr(plan, ROW_LISTS[kind])
            for i, row in enumerate(rows):
                new_id = next(self._ids)
                remap[kind][row.id] = new_id
                row = relink(kind, row, lambda k, v: remap[k].get(v) if k in remap else v)
                rows[i] = dataclasses.replace(row, id=new_id)
        return plan

    def apply(self, edit: Edit, *, action: str = "edit", note: str = "") -> Edit:
        if self.fail_next:
            self.fail_next = False
            raise StoreError("the database is read-only")
        applied = self._assign(edit)
        self.applied.append(applied)
        self.actions.append(action)
        return applied

    def _assign(self, edit: Edit) -> Edit:
        if isinstance(edit, Batch):
            return Batch(tuple(self._assign(e) for e in edit.edits), edit.label)
        if isinstance(edit, InsertRows):
            rows = tuple(
                r if r.id is not None else dataclasses.replace(r, id=next(self._ids))
                for r in edit.rows
            )
            return InsertRows(edit.kind, rows, edit.label)
        assert isinstance(edit, SetField | DeleteRows)
        return edit

    def last_change(self) -> tuple[int, str]:
        return (len(self.applied), self.client)

    def history(self, *_args, **_kwargs) -> list:
        return []
