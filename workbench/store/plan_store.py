"""PlanStore: load and save whole plans, and apply one edit in one transaction."""

from __future__ import annotations

import dataclasses
import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, Select, delete, func, select, text
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
from workbench.domain.links import LINK_FIELDS, links_of, referrers, relink, relink_value, targets
from workbench.domain.plan import Plan
from workbench.store import audit, conflicts
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

log = logging.getLogger(__name__)
LOCK_TIMEOUT_S = 5  # longest wait for a row or table another session holds (PostgreSQL)
STATEMENT_TIMEOUT_S = 30  # longest any one statement may run (PostgreSQL)
WAITED_TOO_LONG = {"55P03", "57014"}  # lock_not_available, query_canceled
LINKS_BY_KIND = frozenset(k for k in EntityKind if links_of(k))
LOAD_ORDER = [
    (EntityKind.SPEND_LINE, "spend_lines"),
    (EntityKind.PRESSURE, "pressures"),
    (EntityKind.WORKSTREAM, "workstreams"),
    (EntityKind.SCHEME, "schemes"),
    (EntityKind.RISK, "risks"),
    (EntityKind.ACTIVITY_LINE, "activity_lines"),
    (EntityKind.TRAJECTORY, "trajectories"),
    (EntityKind.TEMPLATE_VALUE, "template_values"),
]


class PlanStore:
    """The store for one database. Every public write is one transaction: all or nothing."""

    def __init__(self, engine: Engine, label: str) -> None:
        self.engine = engine
        self.label = label
        self.plan_id: int | None = None
        self.read_only = False
        self.client = uuid.uuid4().hex[:12]  # tells our own audit rows from other users'
        self.lock_timeout_s = LOCK_TIMEOUT_S
        self.statement_timeout_s = STATEMENT_TIMEOUT_S

    def _limit_waits(self, session: Session) -> None:
        """On PostgreSQL no wait is endless: a row another session holds, or a statement
        that runs on, ends the transaction with a clear message (SQLite waits at most its
        busy_timeout)."""
        if self.engine.dialect.name == "postgresql":
            session.execute(text(
                "SELECT set_config('lock_timeout', :lock, true), "
                "set_config('statement_timeout', :statement, true)"),
                {"lock": f"{self.lock_timeout_s * 1000:.0f}",
                 "statement": f"{self.statement_timeout_s * 1000:.0f}"})

    @contextmanager
    def transaction(self, write: bool = False) -> Iterator[Session]:
        """A unit of work: commit on success, roll back and raise StoreError on failure."""
        bind = self.engine.execution_options(sqlite_immediate=True) if write else self.engine
        try:
            with Session(bind, expire_on_commit=False) as session, session.begin():
                self._limit_waits(session)
                yield session
        except StoreError:
            raise
        except (SQLAlchemyError, ValueError) as exc:
            if getattr(getattr(exc, "orig", None), "sqlstate", None) in WAITED_TOO_LONG:
                outcome = "your change was not saved" if write else "the plan was not read"
                raise StoreError(
                    f"{self.label}: the database is busy (another user's change held it for "
                    f"more than {self.lock_timeout_s} s); {outcome}, please try again") from exc
            reason = getattr(exc, "orig", None) or exc
            raise StoreError(f"{self.label}: the change was not saved ({reason})") from exc
        except Exception:
            # A fault in the program, not in the data or the database: rolled back, logged
            # with its traceback and left to rise, to be reported as a fault.
            log.exception("fault inside a transaction on %s", self.label)
            raise

    # -- whole plans --------------------------------------------------------------------
    def list_plans(self) -> list[tuple[int, str]]:
        with self.transaction() as s:
            return [(r.id, f"{r.organisation} {r.name}") for r in s.scalars(select(PlanRow))]

    def delete_all_plans(self) -> str:
        """Delete every plan (and, with each, its history); says what was deleted, for the
        record the replacing plan keeps."""
        with self.transaction(write=True) as s:
            plans = [f"{r.organisation} {r.name}" for r in s.scalars(select(PlanRow))]
            entries = s.scalar(select(func.count(func.distinct(audit.AuditRow.step)))) or 0
            for kind, _ in reversed(LOAD_ORDER):
                s.execute(delete(ROW_CLASSES[kind]))
            s.execute(delete(PlanRow))
        self.plan_id = None
        return f"replaces {', '.join(plans) or 'no plan'} ({entries} history entries)"

    def save_new_plan(self, plan: Plan, *, note: str = "") -> Plan:
        """Insert a plan whose row ids are local keys; returns it with store ids and links.
        Its history starts with a "create" entry counting what it was created with."""
        with self.transaction(write=True) as s:
            self.plan_id = insert_plan(s, plan)
            audit.record(s, plan_id=self.plan_id, action="create", note=note,
                         client=self.client, edit=created_entry(plan, self.plan_id))
        return self.load_plan(self.plan_id)

    def record_event(self, action: str, label: str, note: str = "") -> None:
        """An entry for something done to the whole plan (a restore): who, when, what."""
        if self.plan_id is None:
            self.load_plan()
        entry = Batch((SetField(EntityKind.PLAN, self.plan_id, action, None, label),), label)
        with self.transaction(write=True) as s:
            audit.record(s, plan_id=self.plan_id, edit=entry, action=action, note=note,
                         client=self.client)

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
                limit: int = 1000, before: int | None = None) -> list[audit.AuditRow]:
        """One page of audit rows, newest first, optionally for one row: up to `limit`
        rows older than audit id `before`, plus the rest of the last action on the page
        (an action is never split across pages). Page on with before=page[-1].id."""
        with self.transaction() as s:
            query = self._history_query(kind, row_id)
            if before is not None:
                query = query.where(audit.AuditRow.id < before)
            page = list(s.scalars(query.order_by(audit.AuditRow.id.desc()).limit(limit)))
            if page and page[-1].step < page[-1].id:
                last = page[-1]
                page += s.scalars(query.where(audit.AuditRow.id < last.id,
                                              audit.AuditRow.step == last.step)
                                  .order_by(audit.AuditRow.id.desc()))
            return page

    def history_count(self, kind: EntityKind | None = None, row_id: int | None = None) -> int:
        with self.transaction() as s:
            query = self._history_query(kind, row_id).subquery()
            return s.scalar(select(func.count()).select_from(query)) or 0

    def _history_query(self, kind: EntityKind | None, row_id: int | None) -> Select:
        query = select(audit.AuditRow).where(audit.AuditRow.plan_id == self.plan_id)
        if kind is not None:
            query = query.where(audit.AuditRow.kind == kind.value)
        if row_id is not None:
            query = query.where(audit.AuditRow.row_id == row_id)
        return query

    def last_change(self) -> tuple[int, str]:
        """(newest audit id, client that wrote it): cheap to poll for others' changes."""
        with self.transaction() as s:
            row = s.execute(select(audit.AuditRow.id, audit.AuditRow.client)
                            .where(audit.AuditRow.plan_id == self.plan_id)
                            .order_by(audit.AuditRow.id.desc()).limit(1)).first()
        return (row[0], row[1]) if row else (0, "")

    def _apply(self, s: Session, edit: Edit) -> Edit:
        if isinstance(edit, Batch):
            return Batch(tuple(self._apply(s, e) for e in edit.edits), edit.label)
        if isinstance(edit, SetField):
            if edit.field in LINK_FIELDS and edit.kind in LINKS_BY_KIND:
                new = relink_value(edit.new, LINK_FIELDS[edit.field], self._store_id)
                edit = dataclasses.replace(edit, new=new)
            self._set_field(s, edit)
            return edit
        if isinstance(edit, InsertRows):
            return self._insert(s, edit)
        assert isinstance(edit, DeleteRows)
        return self._delete(s, edit)

    def _insert(self, s: Session, edit: InsertRows) -> InsertRows:
        """Add rows. A row with a store id (undo of a delete, redo of an insert) must not
        be there already; every row's links must point at rows that still exist."""
        rows = []
        for obj in edit.rows:
            # A negative id is a local key (e.g. a workstream an import adds and links
            # schemes to before it has an id): it gets a store id, and links follow.
            local = obj.id if obj.id is not None and obj.id < 0 else None
            obj = dataclasses.replace(relink(edit.kind, obj, self._store_id),
                                      id=None if local else obj.id)
            if obj.id is not None and s.get(ROW_CLASSES[edit.kind], obj.id) is not None:
                conflicts.refuse_present(self.label, edit.kind, obj)
            self._check_targets(s, edit.kind, obj, "added")
            row = to_row(edit.kind, obj, self.plan_id)
            s.add(row)
            s.flush()
            if local is not None:
                self._keys[local] = row.id
            rows.append(dataclasses.replace(obj, id=row.id))
        return InsertRows(edit.kind, tuple(rows), edit.label)

    def _delete(self, s: Session, edit: DeleteRows) -> DeleteRows:
        """Delete rows only as their author saw them, and only once nothing links to them
        (the step unlinks what its author knew of; a link made since is someone else's).
        Returns the rows as they were stored, which is what the audit records."""
        stored = []
        for obj in edit.rows:
            row = s.get(ROW_CLASSES[edit.kind], obj.id, with_for_update=True,
                        populate_existing=True)
            if row is None or row.plan_id != self.plan_id:
                conflicts.refuse_missing(self.label, edit.kind, obj, "deleted")
            current = to_domain(edit.kind, row)
            conflicts.check_unchanged(self.label, edit.kind, obj, current, "deleted")
            stored.append((row, current))
        gone = {current.id for _, current in stored}
        for ref_kind, name in referrers(edit.kind):
            for ref in self._rows_of(s, ref_kind):
                if set(targets(getattr(ref, name))) & gone and not (
                        ref_kind is edit.kind and ref.id in gone):
                    doomed = next(c for _, c in stored if c.id in targets(getattr(ref, name)))
                    conflicts.refuse_linked(self.label, edit.kind, doomed, ref_kind,
                                            to_domain(ref_kind, ref))
        for row, _ in stored:
            s.delete(row)
        s.flush()
        return DeleteRows(edit.kind, tuple(c for _, c in stored), edit.label)

    def _rows_of(self, s: Session, kind: EntityKind) -> list[Any]:
        cls = ROW_CLASSES[kind]
        return list(s.scalars(select(cls).where(cls.plan_id == self.plan_id)))

    def _check_targets(self, s: Session, kind: EntityKind, obj: Any, doing: str,
                       only: str | None = None) -> None:
        for name, target in links_of(kind).items():
            if only is not None and name != only:
                continue
            for target_id in targets(getattr(obj, name)):
                row = s.get(ROW_CLASSES[target], target_id)
                if row is None or row.plan_id != self.plan_id:
                    conflicts.refuse_dangling(self.label, kind, obj, target, target_id, doing)

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
        if not conflicts.same(edit.kind, edit.field, stored, edit.old):
            raise ConflictError(
                f"{self.label}: someone else changed the {edit.field.replace('_', ' ')} of "
                f"{conflicts.row_title(edit.kind, current)} to {conflicts.show(stored)}; "
                f"your change was not saved",
                kind=edit.kind.value, row_id=edit.id, field=edit.field, current=stored,
            )
        if edit.field in links_of(edit.kind):
            self._check_targets(s, edit.kind, dataclasses.replace(current, **{
                edit.field: edit.new}), "changed", only=edit.field)
        if edit.field == "milestones":
            row.milestone_rows = milestone_rows(edit.new)
        else:
            setattr(row, edit.field, edit.new)
        s.flush()


def created_entry(plan: Plan, plan_id: int) -> Batch:
    """The plan's title, then how many rows of each kind it was created with."""
    fields = [SetField(EntityKind.PLAN, plan_id, "created", None, plan.title)]
    fields += [SetField(EntityKind.PLAN, plan_id, attr.replace("_", " "), None,
                        len(getattr(plan, attr))) for _, attr in LOAD_ORDER]
    return Batch(tuple(fields), f"Create plan {plan.title}")


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
            obj = relink(kind, obj, lambda k, v: remap[k].get(v) if k in remap else v)
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
