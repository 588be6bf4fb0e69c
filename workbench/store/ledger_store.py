"""LedgerStore: read the in-year ledger and write its changes, compare-and-set.

Every write is one transaction on the plan's database: the ledger rows, any plan field
the step changes (a scheme's status at a gateway) and the audit rows land together or
not at all. Each leaf checks the value its author saw (`old`) against the stored one,
holding the row (FOR UPDATE on PostgreSQL; SQLite serialises writers), so a colleague's
change since is reported as a ConflictError naming the scheme and month, never
overwritten.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.edits import EntityKind, SetField
from workbench.domain.errors import ConflictError, ReadOnlyError, StoreError
from workbench.domain.gateways import Gateway, stage_of
from workbench.domain.ledger import (
    PARTS,
    Ledger,
    LedgerCell,
    SchemeTracking,
    default_reference,
    month_index,
    part_of,
    plan_cells,
)
from workbench.domain.ledger_edits import (
    LedgerBatch,
    LedgerEdit,
    SetCell,
    SetClosedThrough,
    SetTracking,
    check_leaf,
    close_month_edit,
    ledger_leaves,
)
from workbench.domain.money import to_pence
from workbench.domain.periods import FinancialYear
from workbench.domain.plan import Plan
from workbench.store import ledger_audit
from workbench.store.edit_writer import EditWriter
from workbench.store.ledger_rows import LedgerCellRow, LedgerYearRow, SchemeTrackingRow
from workbench.store.plan_store import PlanStore

GATEWAY_COLUMNS = ("qia_done", "eia_done", "signed_off_by", "signed_off_on")


def _pence(value: Decimal | None) -> int | None:
    return None if value is None else to_pence(value)


def tracking_from_row(row: SchemeTrackingRow) -> SchemeTracking:
    return SchemeTracking(
        scheme_id=row.scheme_id, reference=row.reference, method=row.method,
        rag_override=row.rag_override, rag_reason=row.rag_reason, stage=row.stage,
        gateway=Gateway(row.qia_done, row.eia_done, row.signed_off_by, row.signed_off_on),
        milestones=tuple(row.milestones))


def tracking_row(plan_id: int, t: SchemeTracking) -> SchemeTrackingRow:
    row = SchemeTrackingRow(plan_id=plan_id, scheme_id=t.scheme_id)
    for name in ("reference", "method", "rag_override", "rag_reason", "stage", "milestones"):
        setattr(row, name, getattr(t, name))
    for name in GATEWAY_COLUMNS:
        setattr(row, name, getattr(t.gateway, name))
    return row


class LedgerStore:
    """The ledger of the plan `store` edits (its working plan)."""

    def __init__(self, store: PlanStore) -> None:
        self.store = store

    @property
    def plan_id(self) -> int:
        if self.store.plan_id is None:
            self.store.load_plan()
        assert self.store.plan_id is not None
        return self.store.plan_id

    def _writable(self) -> None:
        if self.store.read_only:
            raise ReadOnlyError(f"{self.store.label} is open read-only; the change was not saved")

    # -- reading ----------------------------------------------------------------------
    def has_ledger(self) -> bool:
        with self.store.transaction() as s:
            return s.scalar(select(LedgerYearRow.id).where(
                LedgerYearRow.plan_id == self.plan_id)) is not None

    def load(self) -> Ledger:
        """The whole ledger as stored now (StoreError if the year was never started)."""
        with self.store.transaction() as s:
            return self._read(s)

    def _read(self, s: Session) -> Ledger:
        head = s.scalar(select(LedgerYearRow).where(LedgerYearRow.plan_id == self.plan_id))
        if head is None:
            raise StoreError(f"{self.store.label}: the in-year ledger has not been started "
                             "(freeze the plan at its final submission first)")
        ledger = Ledger(self.plan_id, FinancialYear(head.year), head.closed_through,
                        head.plan_label)
        for row in s.scalars(select(LedgerCellRow).where(LedgerCellRow.plan_id == self.plan_id)):
            ledger.cells[(row.scheme_id, row.month, row.part)] = LedgerCell(
                row.plan, row.forecast, row.actual)
        for trow in s.scalars(select(SchemeTrackingRow).where(
                SchemeTrackingRow.plan_id == self.plan_id)):
            if trow.reference:  # a row without a reference is a scheme no longer tracked
                ledger.tracking[trow.scheme_id] = tracking_from_row(trow)
        return ledger

    # -- starting the year ------------------------------------------------------------
    def start_year(self, plan: Plan, label: str = "Final submission",
                   tracking: Mapping[int, SchemeTracking] | None = None) -> Ledger:
        """Freeze `plan`'s schemes as the year's plan (gross saving by phasing, by part) and
        start tracking each scheme (stage from its status; `tracking` may give more)."""
        self._writable()
        if plan.id != self.plan_id:
            raise StoreError(f"{self.store.label}: the ledger belongs to the working plan")
        year = plan.first_year
        with self.store.transaction(write=True) as s:
            if s.scalar(select(LedgerYearRow.id).where(
                    LedgerYearRow.plan_id == self.plan_id)) is not None:
                raise StoreError(f"{self.store.label}: the plan of {year.label} is already "
                                 "frozen in the ledger")
            s.add(LedgerYearRow(plan_id=self.plan_id, year=year.start, closed_through=None,
                                plan_label=label,
                                frozen_at=dt.datetime.now(dt.UTC).replace(tzinfo=None)))
            for position, scheme in enumerate(plan.schemes):
                part = part_of(scheme)
                for month, amount in plan_cells(scheme, year).items():
                    s.add(LedgerCellRow(plan_id=self.plan_id, scheme_id=scheme.id, month=month,
                                        part=part, plan=amount))
                given = (tracking or {}).get(scheme.id)
                s.add(tracking_row(self.plan_id, given or SchemeTracking(
                    scheme.id, default_reference(position), stage=stage_of(scheme.status))))
            entry = SetClosedThrough(None, None, f"Freeze the {year.label} plan for the ledger "
                                     f"({label}, {len(plan.schemes)} schemes)")
            frozen = SetField(EntityKind.PLAN, self.plan_id, "ledger plan frozen", None, label)
            ledger_audit.record_ledger(s, plan_id=self.plan_id,
                                       edit=LedgerBatch((frozen,), entry.label),
                                       action="freeze", note=label, client=self.store.client)
            return self._read(s)

    # -- edits ------------------------------------------------------------------------
    def apply(self, edit: LedgerEdit, *, action: str = "edit", note: str = "") -> LedgerEdit:
        """Write `edit` (any LedgerEdit, a LedgerBatch for one step) and its audit rows in
        one transaction. Undo: apply(edit.inverted(), action="undo")."""
        self._writable()
        for leaf in ledger_leaves(edit):
            check_leaf(leaf)
        label = ledger_audit.describe(edit)
        with self.store.transaction(write=True) as s:
            writer = EditWriter(s, self.plan_id, label)
            for leaf in ledger_leaves(edit):
                if isinstance(leaf, SetCell):
                    self._set_cell(s, leaf, label)
                elif isinstance(leaf, SetTracking):
                    self._set_tracking(s, leaf, label)
                elif isinstance(leaf, SetClosedThrough):
                    self._set_closed(s, leaf, label)
                else:
                    writer.apply(leaf)
            ledger_audit.record_ledger(s, plan_id=self.plan_id, edit=edit, action=action,
                                       note=note, client=self.store.client)
        return edit

    def close_month(self, ledger: Ledger, month: str,
                    actuals: Mapping[tuple[int, str], Decimal], note: str = "") -> LedgerBatch:
        """Close `month` with these actuals, all or nothing (see close_month_edit)."""
        edit = close_month_edit(ledger, month, actuals)
        self.apply(edit, action="close-month", note=note)
        return edit

    def _cell_row(self, s: Session, e: SetCell) -> LedgerCellRow | None:
        return s.scalar(select(LedgerCellRow).where(
            LedgerCellRow.plan_id == self.plan_id, LedgerCellRow.scheme_id == e.scheme_id,
            LedgerCellRow.month == e.month, LedgerCellRow.part == e.part)
            .with_for_update().execution_options(populate_existing=True))

    def _year_row(self, s: Session) -> LedgerYearRow:
        row = s.scalar(select(LedgerYearRow).where(LedgerYearRow.plan_id == self.plan_id)
                       .with_for_update().execution_options(populate_existing=True))
        if row is None:
            raise StoreError(f"{self.store.label}: the in-year ledger has not been started")
        return row

    def _set_cell(self, s: Session, e: SetCell, label: str) -> None:
        year = FinancialYear(self._year_row(s).year)
        try:
            month_index(year, e.month)
        except ValueError as exc:
            raise StoreError(f"{label}: {exc}; nothing was saved") from None
        if e.part not in PARTS:
            raise StoreError(f"{label}: no ledger part {e.part!r}; nothing was saved")
        row = self._cell_row(s, e)
        stored = getattr(row, e.field) if row is not None else (
            Decimal(0) if e.field == "plan" else None)
        if _pence(stored) != _pence(e.old):
            raise ConflictError(
                f"{label}: someone else changed the {e.field} of scheme {e.scheme_id} for "
                f"{e.month} ({e.part}) to {_money(stored)}; your change was not saved",
                kind=ledger_audit.CELL_KIND, row_id=e.scheme_id,
                field=f"{e.month} {e.part} {e.field}", current=stored)
        if row is None:
            row = LedgerCellRow(plan_id=self.plan_id, scheme_id=e.scheme_id, month=e.month,
                                part=e.part, plan=Decimal(0))
            s.add(row)
        setattr(row, e.field, e.new if e.new is not None or e.field != "plan" else Decimal(0))
        s.flush()

    def _set_tracking(self, s: Session, e: SetTracking, label: str) -> None:
        row = s.scalar(select(SchemeTrackingRow).where(
            SchemeTrackingRow.plan_id == self.plan_id,
            SchemeTrackingRow.scheme_id == e.scheme_id)
            .with_for_update().execution_options(populate_existing=True))
        current = tracking_from_row(row) if row is not None else SchemeTracking(e.scheme_id)
        stored = getattr(current, e.field)
        if stored != e.old:
            raise ConflictError(
                f"{label}: someone else changed the {e.field.replace('_', ' ')} of scheme "
                f"{e.scheme_id} to {_show(stored)}; your change was not saved",
                kind=ledger_audit.TRACKING_KIND, row_id=e.scheme_id, field=e.field,
                current=stored)
        if row is None:
            row = tracking_row(self.plan_id, current)
            s.add(row)
        if e.field == "gateway":
            for name in GATEWAY_COLUMNS:
                setattr(row, name, getattr(e.new, name))
        else:
            setattr(row, e.field, e.new)
        s.flush()

    def _set_closed(self, s: Session, e: SetClosedThrough, label: str) -> None:
        row = self._year_row(s)
        if row.closed_through != e.old:
            raise ConflictError(
                f"{label}: someone else has closed the ledger through "
                f"{row.closed_through or 'no month'} since you read it; nothing was saved",
                kind=ledger_audit.YEAR_KIND, row_id=self.plan_id, field="closed_through",
                current=row.closed_through)
        if e.new is not None:
            try:
                month_index(FinancialYear(row.year), e.new)
            except ValueError as exc:
                raise StoreError(f"{label}: {exc}; nothing was saved") from None
        row.closed_through = e.new
        s.flush()


def _money(value: Decimal | None) -> str:
    return "nothing" if value is None else f"£{value:,.2f}"


def _show(value: object) -> str:
    text = getattr(value, "value", None) or str(value)
    return text if len(text) <= 60 else text[:57] + "..."
