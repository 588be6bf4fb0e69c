"""PlanStore: load and save whole plans, and apply one edit in one transaction."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, delete, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from workbench.domain.edits import (
    Batch,
    DeleteRows,
    Edit,
    EntityKind,
    InsertRows,
    SetField,
)
from workbench.domain.errors import ConflictError, ReadOnlyError, StoreError
from workbench.domain.plan import Plan
from workbench.store import audit
from workbench.store.mapping import (
    DOMAIN_CLASSES,
    DRIVER_FIELDS,
    PLAN_FIELDS,
    ROW_CLASSES,
    milestone_rows,
    plan_column_value,
    plan_from_row,
    plan_row,
    to_domain,
    to_row,
)
from workbench.store.rows import PlanRow

# Fields that point at other rows (one id, or a tuple of ids), and the kind they point at.
LINKS = {"workstream_id": EntityKind.WORKSTREAM, "scheme_id": EntityKind.SCHEME,
         "scheme_ids": EntityKind.SCHEME}
NewId = Callable[[EntityKind, int], "int | None"]  # a link's new target; None drops it
LOAD_ORDER = [
    (EntityKind.SPEND_LINE, "spend_lines"),
    (EntityKind.PRESSURE, "pressures"),
    (EntityKind.WORKSTREAM, "workstreams"),
    (EntityKind.SCHEME, "schemes"),
    (EntityKind.RISK, "risks"),
    (EntityKind.ACTIVITY_LINE, "activity_lines"),
    (EntityKind.TRAJECTORY, "trajectories"),
    (EntityKind.TEMPLATE_VALUE, "template_values"),
    (EntityKind.SCENARIO, "scenarios"),
]


class PlanStore:
    """The store for one database. Every public write is one transaction: all or nothing."""

    def __init__(self, engine: Engine, label: str) -> None:
        self.engine = engine
        self.label = label
        self.plan_id: int | None = None
        self.read_only = False
        self.client = uuid.uuid4().hex[:12]  # tells our own audit rows from other users'

    @contextmanager
    def transaction(self, write: bool = False) -> Iterator[Session]:
        """A unit of work: commit on success, roll back and raise StoreError on failure."""
        bind = self.engine.execution_options(sqlite_immediate=True) if write else self.engine
        try:
            with Session(bind, expire_on_commit=False) as session, session.begin():
                yield session
        except StoreError:
            raise
        except (SQLAlchemyError, ValueError, TypeError, KeyError) as exc:
            reason = getattr(exc, "orig", None) or exc
            raise StoreError(f"{self.label}: the change was not saved ({reason})") from exc

    # -- whole plans --------------------------------------------------------------------
    def list_plans(self) -> list[tuple[int, str]]:
        with self.transaction() as s:
            return [(r.id, f"{r.organisation} {r.name}") for r in s.scalars(select(PlanRow))]

    def delete_all_plans(self) -> None:
        with self.transaction(write=True) as s:
            for kind, _ in reversed(LOAD_ORDER):
                s.execute(delete(ROW_CLASSES[kind]))
            s.execute(delete(PlanRow))
        self.plan_id = None

    def save_new_plan(self, plan: Plan) -> Plan:
        """Insert a plan whose row ids are local keys; returns it with store ids and links."""
        with self.transaction(write=True) as s:
            self.plan_id = insert_plan(s, plan)
        return self.load_plan(self.plan_id)

    def load_plan(self, plan_id: int | None = None) -> Plan:
        """Read a plan (default: the first, the working plan) and make it the one edited."""
        with self.transaction() as s:
            plan = read_plan(s, plan_id, self.label)
        self.plan_id = plan.id
        return plan

    # -- edits ----------------------------------------------------------------------------
    def apply(self, edit: Edit, *, action: str = "edit", note: str = "") -> Edit:
        """Write `edit` and its audit rows in one transaction; return it with new ids."""
        if self.read_only:
            raise ReadOnlyError(f"{self.label} is open read-only; the change was not saved")
        if self.plan_id is None:
            self.load_plan()
        with self.transaction(write=True) as s:
            self._keys: dict[int, int] = {}  # local key (negative id) -> store id, this edit
            applied = self._apply(s, edit)
            audit.record(s, plan_id=self.plan_id, edit=applied, action=action, note=note,
                         client=self.client)
        return applied

    def history(self, kind: EntityKind | None = None, row_id: int | None = None,
                limit: int = 1000) -> list[audit.AuditRow]:
        """Audit rows, newest first, optionally for one row."""
        with self.transaction() as s:
            query = select(audit.AuditRow).where(audit.AuditRow.plan_id == self.plan_id)
            if kind is not None:
                query = query.where(audit.AuditRow.kind == kind.value)
            if row_id is not None:
                query = query.where(audit.AuditRow.row_id == row_id)
            query = query.order_by(audit.AuditRow.id.desc()).limit(limit)
            return list(s.scalars(query))

    def last_change(self) -> tuple[int, str]:
        """(newest audit id, client that wrote it): cheap to poll for others' changes."""
        with self.transaction() as s:
            row = s.execute(select(audit.AuditRow.id, audit.AuditRow.client)
                            .order_by(audit.AuditRow.id.desc()).limit(1)).first()
        return (row[0], row[1]) if row else (0, "")

    def _apply(self, s: Session, edit: Edit) -> Edit:
        if isinstance(edit, Batch):
            return Batch(tuple(self._apply(s, e) for e in edit.edits), edit.label)
        if isinstance(edit, SetField):
            if edit.field in LINKS:
                new = relink_value(edit.new, LINKS[edit.field], self._store_id)
                edit = dataclasses.replace(edit, new=new)
            self._set_field(s, edit)
            return edit
        if isinstance(edit, InsertRows):
            rows = []
            for obj in edit.rows:
                # A negative id is a local key (e.g. a workstream an import adds and links
                # schemes to before it has an id): it gets a store id, and links follow.
                local = obj.id if obj.id is not None and obj.id < 0 else None
                obj = dataclasses.replace(relink(obj, self._store_id),
                                          id=None if local else obj.id)
                row = to_row(edit.kind, obj, self.plan_id)
                s.add(row)
                s.flush()
                if local is not None:
                    self._keys[local] = row.id
                rows.append(dataclasses.replace(obj, id=row.id))
            return InsertRows(edit.kind, tuple(rows), edit.label)
        assert isinstance(edit, DeleteRows)
        for obj in edit.rows:
            s.delete(self._row(s, edit.kind, obj.id))
        s.flush()
        return edit

    def _store_id(self, _kind: EntityKind, key: int) -> int:
        """The store id of a local key given earlier in this edit (other ids unchanged)."""
        return self._keys.get(key, key)

    def _row(self, s: Session, kind: EntityKind, row_id: int) -> Any:
        # FOR UPDATE: on PostgreSQL the compare-and-set below must hold the row, or two
        # writers could both see the old value (SQLite serialises writers by itself).
        row = s.get(ROW_CLASSES[kind], row_id, with_for_update=True, populate_existing=True)
        if row is None or row.plan_id != self.plan_id:
            raise StoreError(f"{self.label}: no {kind.value.replace('_', ' ')} with id {row_id}")
        return row

    def _set_field(self, s: Session, edit: SetField) -> None:
        if edit.kind in (EntityKind.PLAN, EntityKind.DRIVERS):
            allowed = PLAN_FIELDS if edit.kind is EntityKind.PLAN else DRIVER_FIELDS
            if edit.field not in allowed:
                raise StoreError(f"{self.label}: {edit.kind.value} has no field {edit.field!r}")
            head = s.get(PlanRow, edit.id, with_for_update=True, populate_existing=True)
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
        row = self._row(s, edit.kind, edit.id)
        current = to_domain(edit.kind, row)
        stored = getattr(current, edit.field)
        if stored != edit.old:
            raise ConflictError(
                f"{self.label}: someone else changed this {edit.kind.value.replace('_', ' ')}'s "
                f"{edit.field.replace('_', ' ')} to {stored!s}; your change was not saved",
                kind=edit.kind.value, row_id=edit.id, field=edit.field, current=stored,
            )
        if edit.field == "milestones":
            row.milestone_rows = milestone_rows(edit.new)
        else:
            setattr(row, edit.field, edit.new)
        s.flush()


def relink_value(value: Any, kind: EntityKind, new_id: NewId) -> Any:
    """A link field's value with each id passed through `new_id`."""
    if isinstance(value, tuple):
        return tuple(k for k in (new_id(kind, v) for v in value) if k is not None)
    return None if value is None else new_id(kind, value)


def relink(obj: Any, new_id: NewId) -> Any:
    """`obj` with every link field passed through `new_id`."""
    changes = {name: relink_value(getattr(obj, name), kind, new_id)
               for name, kind in LINKS.items() if hasattr(obj, name)}
    return dataclasses.replace(obj, **changes) if changes else obj


def insert_plan(s: Session, plan: Plan) -> int:
    """Add `plan` as a new plan row with all its rows (ids and links remapped); its id."""
    head = plan_row(plan)
    s.add(head)
    s.flush()
    remap: dict[EntityKind, dict[int | None, int]] = {}
    for kind, attr in LOAD_ORDER:
        remap[kind] = {}
        for obj in getattr(plan, attr):
            # links point at rows saved before this one (LOAD_ORDER saves targets first)
            obj = relink(obj, lambda k, v: remap[k].get(v) if k in remap else v)
            row = to_row(kind, dataclasses.replace(obj, id=None), head.id)
            s.add(row)
            s.flush()
            remap[kind][obj.id] = row.id
    return head.id


def read_plan(s: Session, plan_id: int | None, label: str) -> Plan:
    head = s.get(PlanRow, plan_id) if plan_id else s.scalars(
        select(PlanRow).order_by(PlanRow.id).limit(1)).first()
    if head is None:
        raise StoreError(f"{label} holds no plan" if plan_id is None
                         else f"{label} holds no plan with id {plan_id}")
    plan = plan_from_row(head)
    for kind, attr in LOAD_ORDER:
        cls = ROW_CLASSES[kind]
        rows = s.scalars(select(cls).where(cls.plan_id == head.id).order_by(cls.id))
        setattr(plan, attr, [to_domain(kind, r) for r in rows])
    return plan
