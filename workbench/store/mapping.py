"""Row <-> domain conversion: the only place ORM rows and domain dataclasses meet."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from workbench.domain.edits import ROW_TYPES, EntityKind
from workbench.domain.periods import FinancialYear
from workbench.domain.plan import FinancialDrivers, Plan
from workbench.domain.workstreams import Milestone
from workbench.store.plan_year_rows import PlanYearRow
from workbench.store.rows import (
    ActivityLineRow,
    MilestoneRow,
    PlanRow,
    PressureRow,
    RiskRow,
    ScenarioRow,
    SchemeRow,
    SpendLineRow,
    TemplateValueRow,
    TrajectoryRow,
    WorkstreamRow,
)
from workbench.store.submission_rows import SubmissionRow
from workbench.store.system_store import BenchmarkRow, ContractRow, PlaceElementRow, PoolRow

ROW_CLASSES: dict[EntityKind, type] = {
    EntityKind.WORKSTREAM: WorkstreamRow,
    EntityKind.SCHEME: SchemeRow,
    EntityKind.RISK: RiskRow,
    EntityKind.SPEND_LINE: SpendLineRow,
    EntityKind.PRESSURE: PressureRow,
    EntityKind.ACTIVITY_LINE: ActivityLineRow,
    EntityKind.TRAJECTORY: TrajectoryRow,
    EntityKind.TEMPLATE_VALUE: TemplateValueRow,
    EntityKind.SCENARIO: ScenarioRow,
    EntityKind.PLAN_YEAR: PlanYearRow,
    EntityKind.SUBMISSION: SubmissionRow,
    EntityKind.POOL: PoolRow,
    EntityKind.CONTRACT: ContractRow,
    EntityKind.PLACE_ELEMENT: PlaceElementRow,
    EntityKind.BENCHMARK: BenchmarkRow,
}
DOMAIN_CLASSES: dict[EntityKind, type] = ROW_TYPES
DRIVER_FIELDS = tuple(f.name for f in dataclasses.fields(FinancialDrivers))
PLAN_FIELDS = ("organisation", "ods_code", "name", "status", "first_year", "last_year")


def _plain_fields(cls: type) -> list[str]:
    return [f.name for f in dataclasses.fields(cls) if f.name != "milestones"]


def row_values(kind: EntityKind, obj: Any) -> dict[str, Any]:
    """Column values for a domain row (without plan_id)."""
    return {name: getattr(obj, name) for name in _plain_fields(DOMAIN_CLASSES[kind])}


def to_row(kind: EntityKind, obj: Any, plan_id: int) -> Any:
    values = row_values(kind, obj)
    if values.get("id") is None:
        values.pop("id", None)
    row = ROW_CLASSES[kind](plan_id=plan_id, **values)
    if kind is EntityKind.WORKSTREAM:
        row.milestone_rows = milestone_rows(obj.milestones)
    return row


def milestone_rows(milestones: list[Milestone]) -> list[MilestoneRow]:
    return [MilestoneRow(position=i, name=m.name, due=m.due, done=m.done)
            for i, m in enumerate(milestones)]


def to_domain(kind: EntityKind, row: Any) -> Any:
    cls = DOMAIN_CLASSES[kind]
    values = {name: getattr(row, name) for name in _plain_fields(cls)}
    if kind is EntityKind.WORKSTREAM:
        values["milestones"] = [Milestone(m.name, m.due, m.done) for m in row.milestone_rows]
    return cls(**values)


def read_rows(s: Session, kind: EntityKind, plan_id: int) -> list[Any]:
    """One list of a plan as domain objects, in id order: one SELECT of the columns the
    domain class holds (their types convert the values), no ORM objects in between. A
    whole ICS is some 15,000 rows; building ORM objects first took most of a load."""
    cls = DOMAIN_CLASSES[kind]
    row_cls = ROW_CLASSES[kind]
    columns = inspect(row_cls).columns
    names = _plain_fields(cls)
    rows = s.execute(select(*(columns[n] for n in names))
                     .where(columns["plan_id"] == plan_id).order_by(columns["id"]))
    fields = [f.name for f in dataclasses.fields(cls)]
    if fields[:len(names)] == names:  # the columns are the class's leading fields
        out = [cls(*r) for r in rows]
    else:
        out = [cls(**dict(zip(names, r, strict=True))) for r in rows]
    if kind is not EntityKind.WORKSTREAM:
        return out
    milestones = _milestones(s, plan_id)
    for workstream in out:
        workstream.milestones = milestones.get(workstream.id, [])
    return out


def _milestones(s: Session, plan_id: int) -> dict[int, list[Milestone]]:
    """Each workstream's milestones, in their order, for every workstream of a plan."""
    query = (select(MilestoneRow.workstream_id, MilestoneRow.name, MilestoneRow.due,
                    MilestoneRow.done)
             .join(WorkstreamRow, WorkstreamRow.id == MilestoneRow.workstream_id)
             .where(WorkstreamRow.plan_id == plan_id)
             .order_by(MilestoneRow.workstream_id, MilestoneRow.position, MilestoneRow.id))
    out: dict[int, list[Milestone]] = defaultdict(list)
    for workstream_id, name, due, done in s.execute(query):
        out[workstream_id].append(Milestone(name, due, done))
    return out


def plan_row(plan: Plan) -> PlanRow:
    return PlanRow(
        organisation=plan.organisation, ods_code=plan.ods_code, name=plan.name,
        first_year=plan.first_year.start, last_year=plan.last_year.start, status=plan.status,
        **{f: getattr(plan.drivers, f) for f in DRIVER_FIELDS},
        driver_sources=dict(plan.driver_sources),
    )


def plan_from_row(row: PlanRow) -> Plan:
    return Plan(
        id=row.id, organisation=row.organisation, ods_code=row.ods_code, name=row.name,
        first_year=FinancialYear(row.first_year), last_year=FinancialYear(row.last_year),
        status=row.status,
        drivers=FinancialDrivers(**{f: getattr(row, f) for f in DRIVER_FIELDS}),
        driver_sources=dict(row.driver_sources or {}),
    )


def plan_column_value(field: str, value: Any) -> Any:
    """A Plan field as its column holds it (years are stored as their starting year)."""
    return value.start if isinstance(value, FinancialYear) else value
