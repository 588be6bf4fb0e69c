"""The plan's own checklist: what NHSE's template checklist would flag, on the working plan.

Problems are values no submission should carry; warnings need a look; notes inform.
Each check names the row it is about, so the UI can take the user there.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from workbench.domain.edits import EntityKind
from workbench.domain.enums import RiskStatus, SchemeStatus
from workbench.domain.plan import Plan
from workbench.engine.multi_year import multi_year
from workbench.engine.results import PlanResults
from workbench.engine.trajectories import Status

PROBLEM, WARNING, INFO = "Problem", "Warning", "Info"


@dataclass(frozen=True)
class PlanCheck:
    severity: str
    message: str
    kind: EntityKind | None = None
    row_id: int | None = None


def _money(value: Decimal | float) -> str:
    return f"£{float(value) / 1e6:,.1f}m"


def check_plan(plan: Plan, results: PlanResults) -> list[PlanCheck]:
    out: list[PlanCheck] = []
    add = out.append
    if plan.drivers.allocation <= 0:
        add(PlanCheck(PROBLEM, "The core allocation is not set", EntityKind.DRIVERS, plan.id))
    names = Counter(s.name.strip().casefold() for s in plan.schemes)
    zero, one, unidentified = Decimal(0), Decimal(1), SchemeStatus.UNIDENTIFIED
    for s in plan.schemes:
        label = f"Scheme '{s.name}'"
        if not s.name.strip():
            add(PlanCheck(PROBLEM, "A scheme has no name", EntityKind.SCHEME, s.id))
        if not zero <= s.confidence <= one:
            add(PlanCheck(PROBLEM, f"{label}: confidence must be 0-100%", EntityKind.SCHEME,
                          s.id))
        if s.last_year < s.first_year:
            add(PlanCheck(PROBLEM, f"{label}: ends before it starts", EntityKind.SCHEME, s.id))
        if (s.phasing and min(s.phasing) < 0) or sum(s.phasing) <= 0:
            add(PlanCheck(PROBLEM, f"{label}: phasing must have positive months",
                          EntityKind.SCHEME, s.id))
        if names[s.name.strip().casefold()] > 1:
            add(PlanCheck(WARNING, f"{label}: another scheme has the same name (templates "
                          "match schemes by name)", EntityKind.SCHEME, s.id))
        if s.status is not unidentified and s.gross_saving == 0:
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
    # each column read once as plain values, a line's row found by a dict: no pandas
    # lookup per line (2,000 lines in a whole ICS's plan)
    at = {line_id: i for i, line_id in enumerate(figures.index.tolist())}
    planned_of = figures["planned"].tolist()
    overrides_of = figures["overrides"].tolist()
    delta_of = figures["override_delta"].tolist()
    scheme_ids = {x.id for x in plan.schemes}
    for line in plan.activity_lines:
        i = at.get(line.id)
        if i is None:
            continue
        planned, delta = planned_of[i], delta_of[i]
        label = f"Activity '{line.measure.value}, {line.provider or 'no provider'}'"
        if planned < 0:
            add(PlanCheck(PROBLEM, f"{label}: planned activity is negative (schemes take off "
                          "more than the line holds)", EntityKind.ACTIVITY_LINE, line.id))
        if line.baseline <= 0:
            add(PlanCheck(WARNING, f"{label}: no baseline (last year's outturn) entered",
                          EntityKind.ACTIVITY_LINE, line.id))
        if overrides_of[i] and abs(delta) > max(0.005 * abs(planned), 1):
            add(PlanCheck(INFO, f"{label}: typed months make the year {delta:+,.0f}"
                          " against the plan", EntityKind.ACTIVITY_LINE, line.id))
        missing = [k for k in line.scheme_ids if k not in scheme_ids]
        if missing:
            add(PlanCheck(WARNING, f"{label}: linked to {len(missing)} scheme(s) no longer in "
                          "the plan", EntityKind.ACTIVITY_LINE, line.id))
    for status in results.trajectory_status:
        if status.status is Status.OFF_TRACK:
            add(PlanCheck(INFO, f"Trajectory '{status.metric}': off track at {status.period}",
                          EntityKind.TRAJECTORY, status.trajectory_id))
