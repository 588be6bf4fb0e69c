"""Two plans compared row by row and figure by figure (a version against another, or
against the working plan), each change with its effect on the requirement and the gap.

Effects come from the engine's own figures and add up exactly to the change in each
headline figure:

- drivers, spend lines and pressures move the requirement (and so both gaps); they are
  applied one at a time to the older plan's finances, in that order, and each is credited
  with the change in the engine's requirement it makes (so an interaction, e.g. a new
  tariff on a re-valued line, goes to whichever comes later);
- a scheme moves the gap by minus the change in its engine net value counted in the gap
  (identified or earmarked), and the risk-adjusted gap by minus the change in its
  risk-adjusted value;
- a risk moves the exposure after mitigations by the change in its engine net figure;
- a pooled budget moves the requirement (and both gaps) by the change in the CCG's share
  of its projected variance.

Re-phasing moves no year-end figure (only the monthly profile). Rows are matched by name
(`row_match`): a renamed row is one removed and one added.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from workbench.domain.edits import EntityKind
from workbench.domain.plan import Plan
from workbench.engine.allocation import financial_position
from workbench.engine.explain_build import DRIVER_INPUTS, explain_all
from workbench.engine.recompute import compute
from workbench.engine.results import PlanResults, PlanSummary
from workbench.engine.row_match import (
    LINKS,
    changed_fields,
    comparable,
    match_plans,
    names_by_id,
    row_name,
)
from workbench.engine.savings import CLOSING_STATUSES


class Change(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    REVALUED = "re-valued"
    REPHASED = "re-phased"
    RESTATUSED = "re-statused"
    RESCORED = "re-scored"
    CONFIDENCE = "confidence changed"
    DRIVER = "driver changed"
    EDITED = "edited"


# Which change a field's edit is, per kind of row (any other field: EDITED).
FIELD_CHANGES: dict[EntityKind, dict[str, Change]] = {
    EntityKind.SCHEME: {"gross_saving": Change.REVALUED, "investment": Change.REVALUED,
                        "status": Change.RESTATUSED, "phasing": Change.REPHASED,
                        "confidence": Change.CONFIDENCE},
    EntityKind.RISK: {"likelihood": Change.RESCORED, "impact": Change.RESCORED,
                      "value": Change.REVALUED, "mitigation_value": Change.REVALUED,
                      "status": Change.RESTATUSED},
    EntityKind.SPEND_LINE: {"baseline": Change.REVALUED},
    EntityKind.PRESSURE: {"amount": Change.REVALUED},
}
FINANCE = (EntityKind.SPEND_LINE, EntityKind.PRESSURE)
KIND_ORDER = {k: i for i, k in enumerate(Change)}


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any  # links shown as the names of the rows they point at
    new: Any


@dataclass(frozen=True)
class RowChange:
    kind: EntityKind
    name: str
    changes: tuple[Change, ...]
    fields: tuple[FieldChange, ...] = ()
    old_id: int | None = None
    new_id: int | None = None
    requirement: float = 0.0  # effect on the savings requirement, pounds
    gap: float = 0.0  # on the savings gap
    gap_risk_adjusted: float = 0.0
    risk_exposure: float = 0.0  # on risks after mitigations

    @property
    def size(self) -> float:
        return max(abs(self.requirement), abs(self.gap), abs(self.gap_risk_adjusted),
                   abs(self.risk_exposure))


@dataclass(frozen=True)
class FigureChange:
    key: str  # PlanSummary field
    label: str
    old: Any
    new: Any

    @property
    def delta(self) -> float:
        return float(self.new) - float(self.old)

    @property
    def is_fraction(self) -> bool:
        return self.key.endswith("_pct")


@dataclass(frozen=True)
class PlanDiff:
    rows: tuple[RowChange, ...]  # largest effect first
    figures: tuple[FigureChange, ...]  # every PlanSummary field, in its order

    def of(self, change: Change) -> list[RowChange]:
        return [r for r in self.rows if change in r.changes]

    def figure(self, key: str) -> FigureChange:
        return next(f for f in self.figures if f.key == key)


def diff_plans(old: Plan, new: Plan, old_results: PlanResults | None = None,
               new_results: PlanResults | None = None) -> PlanDiff:
    """What changed from `old` to `new` (results computed here unless given)."""
    old_results = old_results or compute(old)
    new_results = new_results or compute(new)
    old_names, new_names = names_by_id(old), names_by_id(new)
    matched = match_plans(old, new)
    rows: list[RowChange] = []
    for kind, m in matched.items():
        for row in m.removed:
            rows.append(RowChange(kind, row_name(kind, row), (Change.REMOVED,), old_id=row.id))
        for row in m.added:
            rows.append(RowChange(kind, row_name(kind, row), (Change.ADDED,), new_id=row.id))
        for a, b in m.pairs:
            fields = changed_fields(a, b, old_names, new_names)
            if fields:
                kinds = FIELD_CHANGES.get(kind, {})
                changes = sorted({kinds.get(f, Change.EDITED) for f, _o, _n in fields},
                                 key=KIND_ORDER.get)
                shown = tuple(FieldChange(f, _shown(f, o, old_names), _shown(f, n, new_names))
                              for f, o, n in fields)
                rows.append(RowChange(kind, row_name(kind, a), tuple(changes), shown,
                                      a.id, b.id))
    rows += [RowChange(EntityKind.DRIVERS, DRIVER_INPUTS.get(f, f), (Change.DRIVER,),
                       (FieldChange(f, o, n),), old.id, new.id)
             for f, o, n in _driver_changes(old, new)]
    rows = _with_finance_effects(rows, old, new)
    rows = [_with_row_effects(r, old_results, new_results) for r in rows]
    rows.sort(key=lambda r: (-r.size, KIND_ORDER[r.changes[0]], r.kind.value, r.name))
    labels = explain_all(new, new_results)
    figures = tuple(FigureChange(f.name, labels[f.name].label,
                                 getattr(old_results.summary, f.name),
                                 getattr(new_results.summary, f.name))
                    for f in dataclasses.fields(PlanSummary))
    return PlanDiff(tuple(rows), figures)


MONEY_FIELDS = {"gross_saving", "investment", "value", "mitigation_value", "baseline", "amount",
                "allocation", "prior_year_allocation", "running_cost_allocation",
                "chc_risk_pool"}


def field_text(row: RowChange) -> str:
    """'gross saving: £1,200,000 → £1,700,000; status: Identified → Earmarked'."""
    return "; ".join(f"{f.field.replace('_', ' ')}: {value_text(f.field, f.old)} → "
                     f"{value_text(f.field, f.new)}" for f in row.fields)


def value_text(field: str, value: Any) -> str:
    """A changed field's value in words (money in pounds, rates in percent)."""
    if value is None or value == "":
        return "(none)"
    if field in MONEY_FIELDS:
        return f"-£{-float(value):,.0f}" if value < 0 else f"£{float(value):,.0f}"
    if field.endswith("_pct") or field in ("confidence", "growth"):
        return f"{float(value) * 100:.4g}%"
    if field == "phasing":
        return ",".join(f"{float(v):g}" for v in value)
    if isinstance(value, tuple | list | frozenset | set):
        return ", ".join(str(v) for v in value) or "(none)"
    return str(value)


def _shown(field: str, value: Any, names) -> Any:
    return comparable(field, value, names) if field in LINKS else value


def _driver_changes(old: Plan, new: Plan) -> list[tuple[str, Any, Any]]:
    return [(f.name, getattr(old.drivers, f.name), getattr(new.drivers, f.name))
            for f in dataclasses.fields(old.drivers)
            if getattr(old.drivers, f.name) != getattr(new.drivers, f.name)]


def _with_finance_effects(rows: list[RowChange], old: Plan, new: Plan) -> list[RowChange]:
    """Apply the drivers, then spend lines, then pressures one by one to a copy of the
    older plan's finances; each is credited with the requirement it moves."""
    scratch = dataclasses.replace(old, drivers=copy.copy(old.drivers),
                                  spend_lines=list(old.spend_lines),
                                  pressures=list(old.pressures), schemes=[], risks=[])
    lists = {EntityKind.SPEND_LINE: "spend_lines", EntityKind.PRESSURE: "pressures"}
    old_rows = {kind: {r.id: r for r in getattr(old, attr)} for kind, attr in lists.items()}
    new_rows = {kind: {r.id: r for r in getattr(new, attr)} for kind, attr in lists.items()}
    before = financial_position(scratch).savings_requirement
    out = []
    for kind in (EntityKind.DRIVERS, *FINANCE):
        for row in rows:
            if row.kind is not kind:
                continue
            if kind is EntityKind.DRIVERS:
                setattr(scratch.drivers, row.fields[0].field, row.fields[0].new)
            else:
                items = getattr(scratch, lists[kind])
                gone = old_rows[kind].get(row.old_id) if row.old_id is not None else None
                items[:] = [r for r in items if r is not gone]
                if row.new_id is not None:
                    items.append(new_rows[kind][row.new_id])
            after = financial_position(scratch).savings_requirement
            effect = float(after - before)
            before = after
            out.append(dataclasses.replace(row, requirement=effect, gap=effect,
                                           gap_risk_adjusted=effect))
    return out + [r for r in rows if r.kind not in (EntityKind.DRIVERS, *FINANCE)]


def _with_row_effects(row: RowChange, old: PlanResults, new: PlanResults) -> RowChange:
    if row.kind is EntityKind.SCHEME:
        net_a, adj_a = _scheme(old, row.old_id)
        net_b, adj_b = _scheme(new, row.new_id)
        return dataclasses.replace(row, gap=-(net_b - net_a),
                                   gap_risk_adjusted=-(adj_b - adj_a))
    if row.kind is EntityKind.RISK:
        return dataclasses.replace(row, risk_exposure=_risk(new, row.new_id)
                                   - _risk(old, row.old_id))
    if row.kind is EntityKind.POOL:
        effect = _pool_share(new, row.new_id) - _pool_share(old, row.old_id)
        return dataclasses.replace(row, requirement=effect, gap=effect,
                                   gap_risk_adjusted=effect)
    return row


def _pool_share(results: PlanResults, pool_id: int | None) -> float:
    """The CCG's share of a pool's projected variance (0 if the pool is absent)."""
    splits = results.system.splits if results.system is not None else ()
    return next((float(s.ccg_share) for s in splits
                 if pool_id is not None and s.pool_id == pool_id), 0.0)


def _scheme(results: PlanResults, scheme_id: int | None) -> tuple[float, float]:
    """(net counted in the gap, risk-adjusted) of a scheme, 0 if absent or not closing."""
    figures = results.scheme_figures
    if scheme_id is None or scheme_id not in figures.index:
        return 0.0, 0.0
    row = figures.loc[scheme_id]
    if row["status"] not in {s.value for s in CLOSING_STATUSES}:
        return 0.0, 0.0
    return float(row["net"]), float(row["risk_adjusted"])


def _risk(results: PlanResults, risk_id: int | None) -> float:
    table = results.risk_figures
    if risk_id is None or risk_id not in table.index:
        return 0.0
    return float(table.loc[risk_id, "net"])
