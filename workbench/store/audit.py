"""The audit trail: who changed what, when, from what to what, and why.

Rows are written in the same transaction as the change they describe, so the trail can
never disagree with the data. Undo and redo are recorded as actions of their own. Rows
are only ever inserted (the database refuses updates and deletes, migration 0008), so
an editor needs no more than INSERT on the table.
"""

import dataclasses
import datetime as dt
import getpass
import json
import os
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, func, select, text
from sqlalchemy.orm import Mapped, Session, mapped_column

from workbench.domain.edits import DeleteRows, Edit, InsertRows, SetField, describe, leaves
from workbench.domain.periods import FinancialYear
from workbench.store.base import Base


class AuditRow(Base):
    __tablename__ = "audit_log"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    step: Mapped[int] = mapped_column(Integer, index=True)  # groups the leaves of one action
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    who: Mapped[str] = mapped_column(String(200))
    client: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(20))  # edit / undo / redo / import / create
    label: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[int | None] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(60))
    old: Mapped[str] = mapped_column(Text)
    new: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text)
    # the database role of the session that wrote it (PostgreSQL; "" on SQLite), added in
    # migration 0008, which also makes the table append-only
    db_role: Mapped[str] = mapped_column(String(200), server_default="", default="")


def current_user() -> str:
    """The configured name (WORKBENCH_USER) or the operating-system login."""
    name = os.environ.get("WORKBENCH_USER")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def to_jsonable(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, FinancialYear):
        return value.label
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, frozenset | set):
        return sorted(to_jsonable(v) for v in value)
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if dataclasses.is_dataclass(value):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return str(value)


def dumps(value: Any) -> str:
    return json.dumps(to_jsonable(value), ensure_ascii=False)


def record(session: Session, *, plan_id: int, edit: Edit, action: str, note: str,
           client: str) -> None:
    """Add one audit row per changed field or row of `edit` (already applied, ids known).

    All rows of one action share `step` (the id of its first row), so a paste or an import
    shows as one entry that expands.
    """
    rows: list[AuditRow] = []
    common = dict(plan_id=plan_id, step=0, at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
                  who=current_user(), client=client, action=action, label=describe(edit),
                  note=note)
    for leaf in leaves(edit):
        if isinstance(leaf, SetField):
            rows.append(AuditRow(kind=leaf.kind.value, row_id=leaf.id, field=leaf.field,
                                 old=dumps(leaf.old), new=dumps(leaf.new), **common))
        else:
            inserted = isinstance(leaf, InsertRows)
            assert inserted or isinstance(leaf, DeleteRows)
            for row in leaf.rows:
                rows.append(AuditRow(
                    kind=leaf.kind.value, row_id=row.id, field="(row added)" if inserted
                    else "(row deleted)", old="" if inserted else dumps(row),
                    new=dumps(row) if inserted else "", **common))
    if not rows:
        return
    first = _next_id(session)
    role = session_role(session)
    for row in rows:
        row.step, row.db_role = first, role
    rows[0].id = first
    session.add_all(rows)
    session.flush()


def _next_id(session: Session) -> int:
    """The id the next audit row gets: it numbers the action too (`step`), so the rows of
    one action are grouped without updating any of them. The caller's transaction holds
    the write lock (SQLite) or draws from the sequence (PostgreSQL), so no one else can
    take the same number."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return session.execute(text(
            "SELECT nextval(pg_get_serial_sequence('audit_log', 'id'))")).scalar_one()
    if dialect == "sqlite":
        seq = session.execute(text(
            "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'")).scalar()
        return (seq or 0) + 1
    return (session.execute(select(func.max(AuditRow.id))).scalar() or 0) + 1


def session_role(session: Session) -> str:
    """The database role the session runs as (PostgreSQL), or "" where there are none."""
    if session.get_bind().dialect.name != "postgresql":
        return ""
    return str(session.execute(text("SELECT current_user")).scalar_one())
