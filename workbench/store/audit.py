"""The audit trail: who changed what, when, from what to what, and why.

Rows are written in the same transaction as the change they describe, so the trail can
never disagree with the data. Undo and redo are recorded as actions of their own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import getpass
import json
import os
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
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
    session.add_all(rows)
    session.flush()
    for row in rows:
        row.step = rows[0].id
