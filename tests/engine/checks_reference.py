"""The checklist as `engine/checks.py` computed it before it read the activity figures by
column (a pandas `.loc` per line): kept to compare the two on a large plan."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from workbench.domain.edits import EntityKind
from workbench.domain.enums import RiskStatus, SchemeStatus
from workbench.domain.plan import Plan
from workbench.engine.checks import INFO, PROBLEM, WARNING, PlanCheck
from workbench.engine.multi_year import multi_year
from workbench.engine.results import PlanResults
from workbench.engine.trajectories import Status


def _money(value: Decimal | float) -> str:
    return f"£{float(value) / 1e6:,.1f}m"


def reference_check_plan(plan: Plan, results: PlanResults) -> list[PlanCheck]:
    out: list[PlanCheck] = []
    add = out.append
    if plan.drivers.allocation <= 0:
        add(PlanCheck(PROBLEM, "The core allocation is not set", EntityKind.DRIVERS, plan.id))
    names = Counter(s.name.strip().casefold() for s in plan.schemes)
    for s in plan.schemes:
        label = f"Scheme '{s.name}'"
        if not s.name.strip():
            add(PlanCheck(PROBLEM, "A scheme has no name", EntityKind.SCHEME, s.id))
        if not Decimal(0) <= s.confidence <= Decimal(1):
            add(PlanCheck(PROBLEM, f"{label}: confidence must be 0-100%", EntityKind.SCHEME,
                          s.id))
        if s.last_year < s.first_year:
            add(PlanCheck(PROBLEM, f"{label}: ends before it starts", EntityKind.SCHEME, s.id))
        if any(w < 0 for w in s.phasing) or sum(s.phasing) <= 0:
            add(PlanCheck(PROBLEM, f"{label}: phasing must have positive months",
                          EntityKind.SCHEME, s.id))
        if names[s.name.strip().casefold()] > 1:
            add(PlanCheck(WARNING, f"{label}: another scheme has the same name (templates "
                          "match schemes by name)", EntityKind.SCHEME, s.id))
        if s.status is not SchemeStatus.UNIDENTIFIED and s.gross_saving == 0:
            add(PlanCheck(WARNING, f"{label}: no saving entered", EntityKind.SCHEME, s.id))
        if s.workstream_id is None:
            add(PlanCheck(WARNING, f"{label}: not assigned to a workstream", EntityKind.SCHEME,
                          s.id))
    for r in plan.risks:
        label = f"Risk '{r.description[:40]}'"
        if not (1 <= r.likelihood <= 5 and 1 <= r.impact <= 5):
            add(PlanCheck(PROBLEM, f"{label}: likelihood and impact must be 1-5",
                          EntityKind.RISK, r.id))
        if r.status is not RiskStatus.CLOSED:
            if not r.owner.strip():
                add(PlanCheck(WARNING, f"{label}: no owner", EntityKind.RISK, r.id))
            if r.review_date is None:
                add(PlanCheck(WARNING, f"{label}: no review date", EntityKind.RISK, r.id))
            if r.mitigation_value > r.value:
                add(PlanCheck(WARNING, f"{label}: mitigation is worth more than the risk",
                              EntityKind.RISK, r.id))
    for w in plan.workstreams:
        if not w.sro.strip():
            add(PlanCheck(WARNING, f"Workstream '{w.name}': no senior responsible owner",
                          EntityKind.WORKSTREAM, w.id))
        if not w.eia_done and not w.enabler:
            add(PlanCheck(INFO, f"Workstream '{w.name}': equality impact assessment not done",
                          EntityKind.WORKSTREAM, w.id))
    _activity_and_trajectories(plan, results, add)
    s = results.summary
    if s.savings_gap > 0:
        add(PlanCheck(WARNING, f"Savings gap of {_money(s.savings_gap)} still to close "
                      f"({_money(s.savings_gap_risk_adjusted)} risk-adjusted)"))
    if s.risks_net > 0:
        add(PlanCheck(INFO, f"Net risk exposure of {_money(s.risks_net)} beyond reserves"))
    year_ids = {y.year: y.id for y in plan.plan_years}
    for rule in multi_year(plan).problems():  # the seed's rules for the five years
        add(PlanCheck(WARNING, rule.message, EntityKind.PLAN_YEAR, year_ids.get(rule.year)))
    low = [x for x in plan.schemes if x.confidence < Decimal("0.5")]
    if low:
        add(PlanCheck(INFO, f"{len(low)} scheme(s) below 50% confidence"))
    order = {PROBLEM: 0, WARNING: 1, INFO: 2}
    return sorted(out, key=lambda c: order[c.severity])


def _activity_and_trajectories(plan: Plan, results: PlanResults, add) -> None:
    figures = results.activity.figures
    scheme_ids = {x.id for x in plan.schemes}
    for line in plan.activity_lines:
        if line.id not in figures.index:
            continue
        row = figures.loc[line.id]
        label = f"Activity '{line.measure.value}, {line.provider or 'no provider'}'"
        if row["planned"] < 0:
            add(PlanCheck(PROBLEM, f"{label}: planned activity is negative (schemes take off "
                          "more than the line holds)", EntityKind.ACTIVITY_LINE, line.id))
        if line.baseline <= 0:
            add(PlanCheck(WARNING, f"{label}: no baseline (last year's outturn) entered",
                          EntityKind.ACTIVITY_LINE, line.id))
        if row["overrides"] and abs(row["override_delta"]) > max(0.005 * abs(row["planned"]), 1):
            add(PlanCheck(INFO, f"{label}: typed months make the year {row['override_delta']:+,.0f}"
                          " against the plan", EntityKind.ACTIVITY_LINE, line.id))
        missing = [k for k in line.scheme_ids if k not in scheme_ids]
        if missing:
            add(PlanCheck(WARNING, f"{label}: linked to {len(missing)} scheme(s) no longer in "
                          "the plan", EntityKind.ACTIVITY_LINE, line.id))
    for status in results.trajectory_status:
        if status.status is Status.OFF_TRACK:
            add(PlanCheck(INFO, f"Trajectory '{status.metric}': off track at {status.period}",
                          EntityKind.TRAJECTORY, status.trajectory_id))
