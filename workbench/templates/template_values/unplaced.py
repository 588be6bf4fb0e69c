"""Paths the plan holds that a template has no place for, said at export time.

A plan tracks delayed transfers of care in whatever unit its board uses (the demo's
paper: "68 fewer delays a week"), but the 2016/17 templates count DTOC only as delayed
days per month (SRG D08), a share of occupied bed days (SRG D09, Activity T12) or delayed
days per 100,000 adults (BCF SM3). A path in another unit is exported nowhere; rather
than leave a user looking for it, the export names it, says which rows the template does
have and why they are not the same figure, and where the path stays (the app).
"""

from __future__ import annotations

from collections.abc import Collection

from workbench.domain.plan import Plan
from workbench.domain.trajectories import Frequency, Trajectory, Unit
from workbench.templates.layouts.spec import TemplateSpec

DTOC_ROWS = {  # template kind -> the rows it has for delayed transfers, and their unit
    "resilience": "its DTOC rows are Demand and Capacity D08, delayed days per month (kept "
                  "as typed), and D09, the share of occupied bed days (from the plan's % path)",
    "activity": "its DTOC row is Trajectories T12, the share of occupied bed days (from the "
                "plan's % path)",
    "bcf": "its DTOC row is Supporting Metrics SM3, delayed days per 100,000 people aged 18+ "
           "(kept as typed)",
}
WORDS = ("delayed transfer", "dtoc")


def is_dtoc(path: Trajectory) -> bool:
    text = f"{path.metric} {path.standard_id}".casefold()
    return any(w in text for w in WORDS)


def unplaced_notes(plan: Plan, spec: TemplateSpec,
                   placed: Collection[Trajectory | None]) -> list[str]:
    """One note per DTOC path of the plan that this export did not write (`placed`: the
    paths it wrote)."""
    rows = DTOC_ROWS.get(spec.kind)
    if rows is None:
        return []
    out = []
    written = {id(p) for p in placed if p is not None}
    for path in plan.trajectories:
        if id(path) in written or not is_dtoc(path) or not path.planned:
            continue
        out.append(f"'{path.metric}' ({_span(path)}) is not in this workbook, which has no "
                   f"row in that unit: {rows}. The app does not convert between these units; "
                   "the path stays in the plan, on the Trajectories page.")
    return out


def _span(path: Trajectory) -> str:
    periods = sorted(path.planned)
    first, last = path.planned[periods[0]], path.planned[periods[-1]]
    every = " a week" if path.frequency is Frequency.WEEKLY else " a month"
    if path.unit is Unit.PERCENT:
        return f"{first:.1%} to {last:.1%}, {periods[0]} to {periods[-1]}"
    unit = "" if path.unit is Unit.COUNT else f" {path.unit.value}"
    return f"{first:,.0f} to {last:,.0f}{unit}{every}, {periods[0]} to {periods[-1]}"
