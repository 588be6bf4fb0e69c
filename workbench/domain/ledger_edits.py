"""Undoable changes to the ledger, as plain data (like domain.edits).

Each carries the old value its author saw, so the store can compare-and-set and
`inverted()` is the undo. A `LedgerBatch` is one step (closing a month, a rephase, a
gateway decision) and may hold a plan edit (`domain.edits.SetField` on a scheme's status)
that the store writes in the same transaction.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from workbench.domain.edits import Batch, DeleteRows, EntityKind, InsertRows, SetField
from workbench.domain.enums import Rag
from workbench.domain.errors import ValidationError
from workbench.domain.gateways import Gateway, Stage, gateway_problems, status_of
from workbench.domain.ledger import (
    CELL_FIELDS,
    TRACKING_FIELDS,
    ForecastMethod,
    Ledger,
    LedgerCell,
    SchemeTracking,
)


@dataclass(frozen=True)
class SetCell:
    """Set plan, forecast or actual of one scheme, month and part."""

    scheme_id: int
    month: str
    part: str
    field: str
    old: Decimal | None
    new: Decimal | None
    label: str = ""

    def inverted(self) -> SetCell:
        return dataclasses.replace(self, old=self.new, new=self.old)


@dataclass(frozen=True)
class SetTracking:
    """Set one field of a scheme's tracking (method, rag_override, rag_reason, stage,
    gateway, milestones). `old` None with no tracking row yet means the defaults."""

    scheme_id: int
    field: str
    old: Any
    new: Any
    label: str = ""

    def inverted(self) -> SetTracking:
        return dataclasses.replace(self, old=self.new, new=self.old)


@dataclass(frozen=True)
class SetClosedThrough:
    """Move the switch-over: the latest closed month (None: nothing closed)."""

    old: str | None
    new: str | None
    label: str = ""

    def inverted(self) -> SetClosedThrough:
        return dataclasses.replace(self, old=self.new, new=self.old)


@dataclass(frozen=True)
class LedgerBatch:
    edits: tuple[LedgerEdit, ...]
    label: str = ""

    def inverted(self) -> LedgerBatch:
        return LedgerBatch(tuple(e.inverted() for e in reversed(self.edits)), self.label)


PlanEdit = SetField | InsertRows | DeleteRows | Batch
LedgerEdit = SetCell | SetTracking | SetClosedThrough | LedgerBatch | PlanEdit


def ledger_leaves(edit: LedgerEdit) -> Iterator[LedgerEdit]:
    if isinstance(edit, LedgerBatch):
        for child in edit.edits:
            yield from ledger_leaves(child)
    else:
        yield edit


def plan_edits(edit: LedgerEdit) -> list[PlanEdit]:
    """The plan edits inside a ledger step (mirror them with domain.edits.apply_to_plan)."""
    return [leaf for leaf in ledger_leaves(edit)
            if isinstance(leaf, SetField | InsertRows | DeleteRows | Batch)]


def check_leaf(edit: LedgerEdit) -> None:
    if isinstance(edit, SetCell) and edit.field not in CELL_FIELDS:
        raise ValidationError(f"a ledger cell has no field {edit.field!r}")
    if isinstance(edit, SetTracking) and edit.field not in TRACKING_FIELDS:
        raise ValidationError(f"scheme tracking has no field {edit.field!r}")


def apply_to_ledger(ledger: Ledger, edit: LedgerEdit) -> None:
    """Mirror an applied edit on the in-memory ledger (plan edits are left to
    domain.edits.apply_to_plan)."""
    for leaf in ledger_leaves(edit):
        if isinstance(leaf, SetCell):
            key = (leaf.scheme_id, leaf.month, leaf.part)
            cell = ledger.cells.get(key, LedgerCell())
            value = leaf.new if leaf.new is not None or leaf.field != "plan" else Decimal(0)
            ledger.cells[key] = dataclasses.replace(cell, **{leaf.field: value})
        elif isinstance(leaf, SetTracking):
            current = ledger.tracking.get(leaf.scheme_id, SchemeTracking(leaf.scheme_id))
            ledger.tracking[leaf.scheme_id] = dataclasses.replace(current, **{
                leaf.field: leaf.new})
            if not ledger.tracking[leaf.scheme_id].reference:  # untracked (undo of tracking)
                del ledger.tracking[leaf.scheme_id]
        elif isinstance(leaf, SetClosedThrough):
            ledger.closed_through = leaf.new


def set_actual(ledger: Ledger, scheme_id: int, month: str, part: str,
               value: Decimal | None) -> SetCell:
    old = ledger.cell(scheme_id, month, part).actual
    return SetCell(scheme_id, month, part, "actual", old, value,
                   f"Actual {month} of scheme {scheme_id}")


def set_forecast(ledger: Ledger, scheme_id: int, month: str, part: str,
                 value: Decimal | None) -> SetCell:
    old = ledger.cell(scheme_id, month, part).forecast
    return SetCell(scheme_id, month, part, "forecast", old, value,
                   f"Forecast {month} of scheme {scheme_id}")


def tracking_of(ledger: Ledger, scheme_id: int) -> SchemeTracking:
    return ledger.tracking.get(scheme_id, SchemeTracking(scheme_id))


def set_tracking(ledger: Ledger, scheme_id: int, field: str, value: Any,
                 label: str = "") -> SetTracking:
    old = getattr(tracking_of(ledger, scheme_id), field)
    return SetTracking(scheme_id, field, old, value, label or f"Set {field.replace('_', ' ')}")


def close_month_edit(ledger: Ledger, month: str,
                     actuals: Mapping[tuple[int, str], Decimal]) -> LedgerBatch:
    """Close `month` (the next open one) with an actual for every scheme and part that
    carries plan in the year: all of them or the month stays open.

    `actuals` maps (scheme id, part) to pounds; an actual for a scheme the ledger does not
    track is refused too."""
    due = ledger.next_to_close()
    if month != due:
        raise ValidationError(f"{month} cannot be closed: the next month to close is "
                              f"{due or 'none (the year is closed)'}")
    unknown = sorted({s for s, _p in actuals} - set(ledger.tracking))
    if unknown:
        raise ValidationError(f"no scheme in the ledger with id {', '.join(map(str, unknown))}")
    needed = [(s, p) for s in ledger.scheme_ids() for p in ledger.parts_of(s)]
    missing = [f"{s} ({p})" for s, p in needed if (s, p) not in actuals]
    if missing:
        raise ValidationError(f"{month} was not closed: no actual for scheme "
                              f"{', '.join(missing[:10])}" + (" ..." if len(missing) > 10 else ""))
    edits: list[LedgerEdit] = [set_actual(ledger, s, month, p, actuals[(s, p)])
                               for s, p in sorted(actuals)]
    edits.append(SetClosedThrough(ledger.closed_through, month, f"Close {month}"))
    return LedgerBatch(tuple(edits), f"Close {month}")


def rag_override_edit(ledger: Ledger, scheme_id: int, rag: Rag | None,
                      reason: str) -> LedgerBatch:
    """Override the derived RAG (None removes the override); an override needs a reason."""
    if rag is not None and not reason.strip():
        raise ValidationError("overriding the RAG needs a reason")
    label = f"RAG of scheme {scheme_id} set to {rag.value}" if rag else \
        f"RAG override of scheme {scheme_id} removed"
    return LedgerBatch((set_tracking(ledger, scheme_id, "rag_override", rag, label),
                        set_tracking(ledger, scheme_id, "rag_reason", reason.strip(), label)),
                       label)


def gateway_edit(ledger: Ledger, scheme_id: int, target: Stage, gateway: Gateway,
                 note: str = "", scheme_status: Any = None) -> LedgerBatch:
    """Move a scheme to `target` through its gateway, or ValidationError listing what is
    missing. `scheme_status` is the plan scheme's status as read: when given, the plan's
    status follows the stage in the same step."""
    current = tracking_of(ledger, scheme_id)
    problems = gateway_problems(current.stage, target, gateway, note)
    if problems:
        raise ValidationError(f"scheme {scheme_id} cannot move to {target.value.lower()}: "
                              + "; ".join(problems))
    label = f"Gateway: scheme {scheme_id} {current.stage.value} -> {target.value}" + (
        f" ({note.strip()})" if note.strip() else "")
    edits: list[LedgerEdit] = [set_tracking(ledger, scheme_id, "gateway", gateway, label),
                               set_tracking(ledger, scheme_id, "stage", target, label)]
    if scheme_status is not None and status_of(target) != scheme_status:
        edits.append(SetField(EntityKind.SCHEME, scheme_id, "status", scheme_status,
                              status_of(target), label))
    return LedgerBatch(tuple(edits), label)


def track_scheme_edit(ledger: Ledger, scheme_id: int, reference: str,
                      stage: Stage = Stage.IDENTIFIED) -> LedgerBatch:
    """Start tracking a scheme added after the plan was frozen: it has no plan in the
    ledger (its plan stays £0), so it is forecast by hand."""
    if scheme_id in ledger.tracking:
        raise ValidationError(f"scheme {scheme_id} is already in the ledger")
    reference = reference.strip()
    if not reference:
        raise ValidationError("a scheme in the ledger needs a reference")
    if ledger.find_reference(reference) is not None:
        raise ValidationError(f"the reference {reference} is taken")
    label = f"Track scheme {scheme_id} as {reference}"
    return LedgerBatch((SetTracking(scheme_id, "reference", "", reference, label),
                        SetTracking(scheme_id, "method", ForecastMethod.PLAN,
                                    ForecastMethod.MANUAL, label),
                        SetTracking(scheme_id, "stage", Stage.IDENTIFIED, stage, label)), label)
