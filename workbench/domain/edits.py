"""What an undoable change is, and how it changes the in-memory plan.

An edit carries its old values, so `inverted()` is the undo. Edits are plain data: the UI
wraps them in commands, the store writes them in one transaction, and `apply_to_plan`
mirrors them on the plan the engine reads.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from workbench.domain.activity import ActivityLine
from workbench.domain.benchmarks import Benchmark
from workbench.domain.contracts import Contract
from workbench.domain.place import PlaceElement
from workbench.domain.plan import CostPressure, Plan, SpendLine
from workbench.domain.plan_years import PlanYear
from workbench.domain.pools import Pool
from workbench.domain.risks import Risk
from workbench.domain.scenarios import Scenario
from workbench.domain.schemes import SavingsScheme
from workbench.domain.submissions import Submission
from workbench.domain.template_values import TemplateValue
from workbench.domain.trajectories import Trajectory
from workbench.domain.workstreams import Workstream


class EntityKind(StrEnum):
    WORKSTREAM = "workstream"
    SCHEME = "scheme"
    RISK = "risk"
    SPEND_LINE = "spend_line"
    PRESSURE = "pressure"
    ACTIVITY_LINE = "activity_line"
    TRAJECTORY = "trajectory"
    TEMPLATE_VALUE = "template_value"
    SCENARIO = "scenario"
    PLAN_YEAR = "plan_year"
    SUBMISSION = "submission"
    POOL = "pool"
    CONTRACT = "contract"
    PLACE_ELEMENT = "place_element"
    BENCHMARK = "benchmark"
    DRIVERS = "drivers"
    PLAN = "plan"


ROW_TYPES: dict[EntityKind, type] = {
    EntityKind.WORKSTREAM: Workstream,
    EntityKind.SCHEME: SavingsScheme,
    EntityKind.RISK: Risk,
    EntityKind.SPEND_LINE: SpendLine,
    EntityKind.PRESSURE: CostPressure,
    EntityKind.ACTIVITY_LINE: ActivityLine,
    EntityKind.TRAJECTORY: Trajectory,
    EntityKind.TEMPLATE_VALUE: TemplateValue,
    EntityKind.SCENARIO: Scenario,
    EntityKind.PLAN_YEAR: PlanYear,
    EntityKind.SUBMISSION: Submission,
    EntityKind.POOL: Pool,
    EntityKind.CONTRACT: Contract,
    EntityKind.PLACE_ELEMENT: PlaceElement,
    EntityKind.BENCHMARK: Benchmark,
}

ROW_LISTS: dict[EntityKind, str] = {
    EntityKind.WORKSTREAM: "workstreams",
    EntityKind.SCHEME: "schemes",
    EntityKind.RISK: "risks",
    EntityKind.SPEND_LINE: "spend_lines",
    EntityKind.PRESSURE: "pressures",
    EntityKind.ACTIVITY_LINE: "activity_lines",
    EntityKind.TRAJECTORY: "trajectories",
    EntityKind.TEMPLATE_VALUE: "template_values",
    EntityKind.SCENARIO: "scenarios",
    EntityKind.PLAN_YEAR: "plan_years",
    EntityKind.SUBMISSION: "submissions",
    EntityKind.POOL: "pools",
    EntityKind.CONTRACT: "contracts",
    EntityKind.PLACE_ELEMENT: "place_elements",
    EntityKind.BENCHMARK: "benchmarks",
}


@dataclass(frozen=True)
class SetField:
    """Set one field of one row (or of the drivers/plan, whose id is the plan id)."""

    kind: EntityKind
    id: int
    field: str
    old: Any
    new: Any
    label: str = ""

    def inverted(self) -> SetField:
        return dataclasses.replace(self, old=self.new, new=self.old)


@dataclass(frozen=True)
class InsertRows:
    """Insert rows; rows without an id get one from the store, recorded in the applied edit."""

    kind: EntityKind
    rows: tuple[Any, ...]
    label: str = ""

    def inverted(self) -> DeleteRows:
        return DeleteRows(self.kind, self.rows, self.label)


@dataclass(frozen=True)
class DeleteRows:
    kind: EntityKind
    rows: tuple[Any, ...]
    label: str = ""

    def inverted(self) -> InsertRows:
        return InsertRows(self.kind, self.rows, self.label)


@dataclass(frozen=True)
class Batch:
    """Several edits applied as one step (a paste, a delete with its unlinks)."""

    edits: tuple[Edit, ...]
    label: str = ""

    def inverted(self) -> Batch:
        return Batch(tuple(e.inverted() for e in reversed(self.edits)), self.label)


Edit = SetField | InsertRows | DeleteRows | Batch


def leaves(edit: Edit) -> Iterator[SetField | InsertRows | DeleteRows]:
    """The simple edits inside `edit`, in the order they apply."""
    if isinstance(edit, Batch):
        for child in edit.edits:
            yield from leaves(child)
    else:
        yield edit


def describe(edit: Edit) -> str:
    if edit.label:
        return edit.label
    if isinstance(edit, SetField):
        return f"Edit {edit.field.replace('_', ' ')}"
    if isinstance(edit, InsertRows):
        return f"Add {len(edit.rows)} {edit.kind.value.replace('_', ' ')}(s)"
    if isinstance(edit, DeleteRows):
        return f"Delete {len(edit.rows)} {edit.kind.value.replace('_', ' ')}(s)"
    return f"{len(edit.edits)} changes"


def target_of(plan: Plan, kind: EntityKind, row_id: int) -> Any:
    """The object a SetField addresses in the in-memory plan."""
    if kind is EntityKind.PLAN:
        return plan
    if kind is EntityKind.DRIVERS:
        return plan.drivers
    for row in getattr(plan, ROW_LISTS[kind]):
        if row.id == row_id:
            return row
    raise KeyError(f"no {kind.value} with id {row_id}")


def apply_to_plan(plan: Plan, edit: Edit) -> None:
    """Mirror an applied edit (ids already assigned) on the in-memory plan."""
    for leaf in leaves(edit):
        if isinstance(leaf, SetField):
            setattr(target_of(plan, leaf.kind, leaf.id), leaf.field, leaf.new)
        elif isinstance(leaf, InsertRows):
            rows = getattr(plan, ROW_LISTS[leaf.kind])
            for row in leaf.rows:
                rows.insert(_place_of(rows, row.id), dataclasses.replace(row))
        else:
            gone = {r.id for r in leaf.rows}
            rows = getattr(plan, ROW_LISTS[leaf.kind])
            rows[:] = [r for r in rows if r.id not in gone]


def _place_of(rows: list[Any], row_id: int | None) -> int:
    """Where a row goes back in its list: the store keeps rows in id order, so a row
    brought back by undo returns to its old place, and a new row (a new id) goes last."""
    if row_id is None:
        return len(rows)
    return next((i for i, r in enumerate(rows) if r.id is not None and r.id > row_id),
                len(rows))
