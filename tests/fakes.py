"""An in-memory stand-in for the store, for tests of the edit path without a database."""

from __future__ import annotations

import dataclasses
import itertools

from workbench.domain.edits import Batch, DeleteRows, Edit, InsertRows, SetField
from workbench.domain.errors import StoreError
from workbench.domain.plan import Plan


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
        """Give every row a fresh id and remap links, as saving a new plan does."""
        plan.id = 1
        remap: dict[str, dict[int, int]] = {}
        for kind in ("spend_lines", "pressures", "workstreams", "schemes", "risks"):
            remap[kind] = {}
            for row in getattr(plan, kind):
                new_id = next(self._ids)
                remap[kind][row.id] = new_id
                row.id = new_id
        for scheme in plan.schemes:
            if scheme.workstream_id is not None:
                scheme.workstream_id = remap["workstreams"][scheme.workstream_id]
        for risk in plan.risks:
            if risk.workstream_id is not None:
                risk.workstream_id = remap["workstreams"][risk.workstream_id]
            if risk.scheme_id is not None:
                risk.scheme_id = remap["schemes"][risk.scheme_id]
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
