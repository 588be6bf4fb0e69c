"""PlanStore: load and save whole plans, and apply one edit in one transaction."""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, Select, delete, func, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from workbench.domain.edits import (
    Batch,
    Edit,
    EntityKind,
    SetField,
)
from workbench.domain.errors import ReadOnlyError, StoreError
from workbench.domain.links import relink
from workbench.domain.plan import Plan
from workbench.store import audit
from workbench.store.edit_writer import EditWriter
from workbench.store.mapping import (
    ROW_CLASSES,
    plan_from_row,
    plan_row,
    read_rows,
    to_row,
)
from workbench.store.rows import PlanRow, PlanVersionRow

log = logging.getLogger(__name__)
LOCK_TIMEOUT_S = 5  # longest wait for a row or table another session holds (PostgreSQL)
STATEMENT_TIMEOUT_S = 30  # longest any one statement may run (PostgreSQL)
WAITED_TOO_LONG = {"55P03", "57014"}  # lock_not_available, query_canceled
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
    (EntityKind.PLAN_YEAR, "plan_years"),
    (EntityKind.SUBMISSION, "submissions"),
    (EntityKind.POOL, "pools"),
    (EntityKind.CONTRACT, "contracts"),
    (EntityKind.PLACE_ELEMENT, "place_elements"),
    (EntityKind.BENCHMARK, "benchmarks"),
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
            if _waited_too_long(exc):
                outcome = "your change was not saved" if write else "the plan was not read"
                raise StoreError(
                    f"{self.label}: the database is busy (another user's change held it for "
                    f"more than {self.lock_timeout_s} s); {outcome}, please try again") from exc
            reason = getattr(exc, "orig", None) or exc
            what = "the change was not saved" if write else "the plan could not be read"
            raise StoreError(f"{self.label}: {what} ({reason})") from exc
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
            # versions first: a frozen copy's rows are immutable while its version exists
            s.execute(delete(PlanVersionRow))
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
            applied = EditWriter(s, self.plan_id, self.label).apply(edit)
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

def _waited_too_long(exc: Exception) -> bool:
    """A lock another session held past the wait allowed: PostgreSQL's lock or statement
    timeout, SQLite's busy_timeout ("database is locked")."""
    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlstate", None) in WAITED_TOO_LONG:
        return True
    return isinstance(orig, sqlite3.OperationalError) and "database is locked" in str(orig)


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
        setattr(plan, attr, read_rows(s, kind, head.id))
    return plan
