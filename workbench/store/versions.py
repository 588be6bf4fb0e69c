"""Version freezes: a named, read-only copy of the whole plan, kept for comparison.

Freezing copies every row of the working plan into a plan row of its own (status
Submitted) in one transaction, with a `plan_versions` entry pointing at it and one audit
entry that expands to what was frozen. The copy is never edited; opening a version
reads it without making it the plan the store edits.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select

from workbench.domain.edits import ROW_LISTS, Batch, Edit, EntityKind, SetField
from workbench.domain.enums import PlanStatus
from workbench.domain.errors import ReadOnlyError, StoreError
from workbench.domain.plan import Plan
from workbench.store import audit
from workbench.store.plan_store import PlanStore, insert_plan, read_plan
from workbench.store.rows import PlanVersionRow


@dataclasses.dataclass(frozen=True)
class PlanVersion:
    id: int
    label: str
    created_at: dt.datetime
    author: str
    note: str
    frozen_plan_id: int | None


def freeze_version(store: PlanStore, label: str, note: str = "") -> PlanVersion:
    """Freeze the working plan as it is stored now under `label` (must be new)."""
    label = label.strip()
    if not label:
        raise StoreError("A version needs a name (for example 'Submission 1')")
    if store.read_only:
        raise ReadOnlyError(f"{store.label} is open read-only; the version was not frozen")
    if store.plan_id is None:
        store.load_plan()
    with store.transaction(write=True) as s:
        taken = s.scalars(select(PlanVersionRow.id).where(
            PlanVersionRow.plan_id == store.plan_id, PlanVersionRow.label == label)).first()
        if taken is not None:
            raise StoreError(f"{store.label}: there is already a version called {label!r}")
        plan = read_plan(s, store.plan_id, store.label)
        copy_id = insert_plan(s, dataclasses.replace(plan, status=PlanStatus.SUBMITTED))
        row = PlanVersionRow(
            plan_id=store.plan_id, label=label, note=note, frozen_plan_id=copy_id,
            created_at=dt.datetime.now(dt.UTC).replace(tzinfo=None), author=audit.current_user(),
        )
        s.add(row)
        s.flush()
        audit.record(s, plan_id=store.plan_id, edit=_freeze_entry(plan, label, copy_id),
                     action="freeze", note=note, client=store.client)
        return _version(row)


def list_versions(store: PlanStore) -> list[PlanVersion]:
    """The working plan's versions, oldest first."""
    with store.transaction() as s:
        rows = s.scalars(select(PlanVersionRow).where(PlanVersionRow.plan_id == store.plan_id)
                         .order_by(PlanVersionRow.id))
        return [_version(r) for r in rows]


def load_version(store: PlanStore, version: PlanVersion) -> Plan:
    """The frozen copy of `version`, read without changing which plan the store edits."""
    if version.frozen_plan_id is None:
        raise StoreError(f"{store.label}: version {version.label!r} has no frozen copy "
                         "(it was recorded before versions kept one)")
    with store.transaction() as s:
        return read_plan(s, version.frozen_plan_id, store.label)


def compare_plans(store: PlanStore, older: PlanVersion | None,
                  newer: PlanVersion | None) -> tuple[Plan, Plan]:
    """The two plans to compare, read in one transaction (None = the working plan)."""
    if store.plan_id is None:
        store.load_plan()
    with store.transaction() as s:
        return tuple(read_plan(s, _plan_id_of(store, v), store.label)  # type: ignore[return-value]
                     for v in (older, newer))


def restore_edit_for(store: PlanStore, version: PlanVersion) -> Edit:
    """The one edit that makes the working plan, as stored now, equal to `version`; the
    caller applies it (e.g. as one undoable step, audited as a restore)."""
    from workbench.engine.restore import restore_edit

    working, frozen = compare_plans(store, None, version)
    return restore_edit(working, frozen, version.label)


def _plan_id_of(store: PlanStore, version: PlanVersion | None) -> int | None:
    if version is None:
        return store.plan_id
    if version.frozen_plan_id is None:
        raise StoreError(f"{store.label}: version {version.label!r} has no frozen copy "
                         "(it was recorded before versions kept one)")
    return version.frozen_plan_id


def _freeze_entry(plan: Plan, label: str, copy_id: int) -> Batch:
    """One audit entry: the version's name, then how many rows of each kind it holds."""
    fields = [SetField(EntityKind.PLAN, plan.id, "version", None, label),
              SetField(EntityKind.PLAN, plan.id, "frozen copy", None, copy_id)]
    fields += [SetField(EntityKind.PLAN, plan.id, attr.replace("_", " "), None,
                        len(getattr(plan, attr)))
               for attr in ROW_LISTS.values()]
    return Batch(tuple(fields), f"Freeze version {label!r}")


def _version(row: PlanVersionRow) -> PlanVersion:
    return PlanVersion(row.id, row.label, row.created_at, row.author, row.note,
                       row.frozen_plan_id)
