"""Ledger changes in the plan's audit trail, written in the same transaction as the change.

One action (closing a month, a rephase, a gateway decision) is one audit step whose rows
name the scheme (row_id), the cell or field, and the old and new values; the step's note
carries the reason given (a RAG override's, a gateway decision's).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from workbench.domain.edits import SetField, leaves
from workbench.domain.errors import StoreError
from workbench.domain.ledger_edits import (
    LedgerBatch,
    LedgerEdit,
    SetCell,
    SetClosedThrough,
    SetTracking,
    ledger_leaves,
)
from workbench.store import audit

CELL_KIND, TRACKING_KIND, YEAR_KIND = "ledger_cell", "scheme_tracking", "ledger"


def describe(edit: LedgerEdit) -> str:
    if getattr(edit, "label", ""):
        return edit.label
    return f"{sum(1 for _ in ledger_leaves(edit))} ledger changes" if isinstance(
        edit, LedgerBatch) else "Ledger change"


def audit_rows(plan_id: int, edit: LedgerEdit) -> list[tuple[str, int | None, str, object, object]]:
    """(kind, row id, field, old, new) for every leaf of `edit`."""
    out: list[tuple[str, int | None, str, object, object]] = []
    for leaf in ledger_leaves(edit):
        if isinstance(leaf, SetCell):
            out.append((CELL_KIND, leaf.scheme_id, f"{leaf.month} {leaf.part} {leaf.field}",
                        leaf.old, leaf.new))
        elif isinstance(leaf, SetTracking):
            out.append((TRACKING_KIND, leaf.scheme_id, leaf.field, leaf.old, leaf.new))
        elif isinstance(leaf, SetClosedThrough):
            out.append((YEAR_KIND, plan_id, "closed_through", leaf.old, leaf.new))
        else:
            for sub in leaves(leaf):
                if not isinstance(sub, SetField):
                    raise StoreError("a ledger step can only change fields of the plan")
                out.append((sub.kind.value, sub.id, sub.field, sub.old, sub.new))
    return out


def record_ledger(s: Session, *, plan_id: int, edit: LedgerEdit, action: str, note: str,
                  client: str) -> None:
    entries = audit_rows(plan_id, edit)
    if not entries:
        return
    first = audit._next_id(s)
    common = dict(plan_id=plan_id, step=first, at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
                  who=audit.current_user(), client=client, action=action,
                  label=describe(edit)[:200], note=note, db_role=audit.session_role(s))
    rows = [audit.AuditRow(kind=kind, row_id=row_id, field=field[:60], old=audit.dumps(old),
                           new=audit.dumps(new), **common)
            for kind, row_id, field, old, new in entries]
    rows[0].id = first
    s.add_all(rows)
    s.flush()
