"""Frozen versions are immutable: the store refuses any write aimed at a frozen copy.

A version's copy is a plan row of its own (`plan_versions.frozen_plan_id`), readable like
any plan; load_plan(copy id) would otherwise make it the plan edited. The check runs inside
the write transaction, so a refused edit rolls back whole.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.errors import StoreError
from workbench.store.rows import PlanVersionRow


def frozen_label(s: Session, plan_id: int | None) -> str | None:
    """The name of the version whose frozen copy is plan `plan_id`, or None."""
    if plan_id is None:
        return None
    return s.scalars(select(PlanVersionRow.label)
                     .where(PlanVersionRow.frozen_plan_id == plan_id).limit(1)).first()


def refuse_if_frozen(s: Session, plan_id: int | None) -> None:
    """Raise StoreError naming the version when plan `plan_id` is a frozen copy."""
    label = frozen_label(s, plan_id)
    if label is not None:
        raise StoreError(f"{label!r} is a frozen version of the plan: it cannot be changed; "
                         "restore it as the working plan to change it")
