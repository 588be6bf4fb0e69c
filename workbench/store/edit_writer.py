"""Writing one edit inside one transaction, compare-and-set at every step.

Field edits, inserts (a re-insert by undo too) and deletes (an undo of an insert too) each
check that the rows are as their author saw them, and that links point at rows that exist
(domain.links); a stale step raises ConflictError naming the row and what changed, and the
whole transaction rolls back. Deletes return the rows as they were stored: what the
audit records.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.edits import Batch, DeleteRows, Edit, EntityKind, InsertRows, SetField
from workbench.domain.errors import ConflictError, StoreError
from workbench.domain.links import LINK_FIELDS, links_of, referrers, relink, relink_value, targets
from workbench.store import conflicts
from workbench.store.frozen import refuse_if_frozen
from workbench.store.mapping import (
    DOMAIN_CLASSES,
    DRIVER_FIELDS,
    PLAN_FIELDS,
    ROW_CLASSES,
    milestone_rows,
    plan_column_value,
    to_domain,
    to_row,
)
from workbench.store.rows import PlanRow

LINKS_BY_KIND = frozenset(k for k in EntityKind if links_of(k))


class EditWriter:
    """Applies edits to plan `plan_id` in session `s`; one writer per transaction."""

    def __init__(self, s: Session, plan_id: int, label: str) -> None:
        self.s, self.plan_id, self.label = s, plan_id, label
        self._keys: dict[int, int] = {}  # local key (negative id) -> store id, this edit
        self._writable: set[int] = set()  # plans known not to be frozen copies

    def apply(self, edit: Edit) -> Edit:
        self._refuse_frozen(self.plan_id)
        if isinstance(edit, Batch):
            return Batch(tuple(self.apply(e) for e in edit.edits), edit.label)
        if isinstance(edit, SetField):
            if edit.field in LINK_FIELDS and edit.kind in LINKS_BY_KIND:
                new = relink_value(edit.new, LINK_FIELDS[edit.field], self._store_id)
                edit = dataclasses.replace(edit, new=new)
            self._set_field(edit)
            return edit
        if isinstance(edit, InsertRows):
            return self._insert(edit)
        assert isinstance(edit, DeleteRows)
        return self._delete(edit)

    def _insert(self, edit: InsertRows) -> InsertRows:
        """Add rows. A row with a store id (undo of a delete, redo of an insert) must not
        be there already; every row's links must point at rows that still exist."""
        rows = []
        for obj in edit.rows:
            # A negative id is a local key (e.g. a workstream an import adds and links
            # schemes to before it has an id): it gets a store id, and links follow.
            local = obj.id if obj.id is not None and obj.id < 0 else None
            obj = dataclasses.replace(relink(edit.kind, obj, self._store_id),
                                      id=None if local else obj.id)
            if obj.id is not None and self.s.get(ROW_CLASSES[edit.kind], obj.id) is not None:
                conflicts.refuse_present(self.label, edit.kind, obj)
            self._check_targets(edit.kind, obj, "added")
            row = to_row(edit.kind, obj, self.plan_id)
            self.s.add(row)
            self.s.flush()
            if local is not None:
                self._keys[local] = row.id
            rows.append(dataclasses.replace(obj, id=row.id))
        return InsertRows(edit.kind, tuple(rows), edit.label)

    def _delete(self, edit: DeleteRows) -> DeleteRows:
        """Delete rows only as their author saw them, and only once nothing links to them
        (the step unlinks what its author knew of; a link made since is someone else's).
        Returns the rows as they were stored, which is what the audit records."""
        stored = []
        for obj in edit.rows:
            row = self.s.get(ROW_CLASSES[edit.kind], obj.id, with_for_update=True,
                        populate_existing=True)
            if row is None or row.plan_id != self.plan_id:
                conflicts.refuse_missing(self.label, edit.kind, obj, "deleted")
            current = to_domain(edit.kind, row)
            conflicts.check_unchanged(self.label, edit.kind, obj, current, "deleted")
            stored.append((row, current))
        gone = {current.id for _, current in stored}
        for ref_kind, name in referrers(edit.kind):
            for ref in self._rows_of(ref_kind):
                if set(targets(getattr(ref, name))) & gone and not (
                        ref_kind is edit.kind and ref.id in gone):
                    doomed = next(c for _, c in stored if c.id in targets(getattr(ref, name)))
                    conflicts.refuse_linked(self.label, edit.kind, doomed, ref_kind,
                                            to_domain(ref_kind, ref))
        for row, _ in stored:
            self.s.delete(row)
        self.s.flush()
        return DeleteRows(edit.kind, tuple(c for _, c in stored), edit.label)

    def _rows_of(self, kind: EntityKind) -> list[Any]:
        cls = ROW_CLASSES[kind]
        return list(self.s.scalars(select(cls).where(cls.plan_id == self.plan_id)))

    def _check_targets(self, kind: EntityKind, obj: Any, doing: str,
                       only: str | None = None) -> None:
        for name, target in links_of(kind).items():
            if only is not None and name != only:
                continue
            for target_id in targets(getattr(obj, name)):
                row = self.s.get(ROW_CLASSES[target], target_id)
                if row is None or row.plan_id != self.plan_id:
                    conflicts.refuse_dangling(self.label, kind, obj, target, target_id, doing)

    def _refuse_frozen(self, plan_id: int) -> None:
        """A frozen version is never changed (checked once per plan and transaction)."""
        if plan_id not in self._writable:
            refuse_if_frozen(self.s, plan_id)
            self._writable.add(plan_id)

    def _store_id(self, _kind: EntityKind, key: int) -> int:
        """The store id of a local key given earlier in this edit (other ids unchanged)."""
        return self._keys.get(key, key)

    def _row(self, kind: EntityKind, row_id: int) -> Any:
        # FOR UPDATE: on PostgreSQL the compare-and-set below must hold the row, or two
        # writers could both see the old value (SQLite serialises writers by itself).
        row = self.s.get(ROW_CLASSES[kind], row_id, with_for_update=True, populate_existing=True)
        if row is None or row.plan_id != self.plan_id:
            raise StoreError(f"{self.label}: no {kind.value.replace('_', ' ')} with id {row_id}")
        return row

    def _set_field(self, edit: SetField) -> None:
        if edit.kind in (EntityKind.PLAN, EntityKind.DRIVERS):
            allowed = PLAN_FIELDS if edit.kind is EntityKind.PLAN else DRIVER_FIELDS
            if edit.field not in allowed:
                raise StoreError(f"{self.label}: {edit.kind.value} has no field {edit.field!r}")
            self._refuse_frozen(edit.id)
            head = self.s.get(PlanRow, edit.id, with_for_update=True, populate_existing=True)
            if head is None:
                raise StoreError(f"{self.label}: no plan with id {edit.id}")
            stored = getattr(head, edit.field)
            if stored != plan_column_value(edit.field, edit.old):
                raise ConflictError(
                    f"{self.label}: someone else changed {edit.field.replace('_', ' ')} to "
                    f"{stored!s}; your change was not saved",
                    kind=edit.kind.value, row_id=edit.id, field=edit.field, current=stored,
                )
            setattr(head, edit.field, plan_column_value(edit.field, edit.new))
            return
        fields = {f.name for f in dataclasses.fields(DOMAIN_CLASSES[edit.kind])} - {"id"}
        if edit.field not in fields:
            raise StoreError(f"{self.label}: {edit.kind.value} has no field {edit.field!r}")
        row = self._row(edit.kind, edit.id)
        current = to_domain(edit.kind, row)
        stored = getattr(current, edit.field)
        if not conflicts.same(edit.kind, edit.field, stored, edit.old):
            raise ConflictError(
                f"{self.label}: someone else changed the {edit.field.replace('_', ' ')} of "
                f"{conflicts.row_title(edit.kind, current)} to {conflicts.show(stored)}; "
                f"your change was not saved",
                kind=edit.kind.value, row_id=edit.id, field=edit.field, current=stored,
            )
        if edit.field in links_of(edit.kind):
            self._check_targets(edit.kind, dataclasses.replace(current, **{
                edit.field: edit.new}), "changed", only=edit.field)
        if edit.field == "milestones":
            row.milestone_rows = milestone_rows(edit.new)
        else:
            setattr(row, edit.field, edit.new)
        self.s.flush()
