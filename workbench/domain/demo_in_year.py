"""The second demo: the 2016/17 demo plan six months into the year (April to September
closed), for the in-year ledger and the monthly QIPP report.

The papers stop at the plan, so every in-year figure here is chosen, by one stated rule:
**a scheme's actual for a closed month is its frozen plan for that month times its
delivery rate, rounded half up to the penny**. The rates are picked so that each way a
scheme can be going shows once, and each forecast method is used:

- RightCare MSK triage: 0 until go-live, then 100%. Its go-live slipped from 1 July to
  1 September (provider recruitment), so July and August deliver nothing. Manual
  forecast: the plan moved two months later.
- Ophthalmology community clinics: 100% in August, 80% in September (clinic sessions lost
  to a consultant vacancy): the month-on-month movement the report explains. Plan as is.
- Outpatient follow-up ratios: 90%, practices adopting the new ratios more slowly than
  planned. Actuals to date x plan shape.
- Prescribing (medicines optimisation): 100%, the team's savings run on plan. Run rate.
- BCF non-elective admissions reduction: 75%, admissions avoided below plan over the
  summer. Run rate.
- Continuing healthcare package reviews: 110%, reviews found more packages to step down
  than planned. Run rate.
- Learning disability placement reviews: 60%, two placements moved later than planned.
  Actuals to date x plan shape.
- The four schemes starting in October: no plan before October, so actual £0. Plan as is.

The Diagnostics scheme's 40% confidence and LD's shortfall show the RAG rules; LD's RAG is
overridden to amber with a reason, as a programme board might after agreeing a recovery
plan. Every scheme's go-live milestone is planned for the first of its first month of
savings (the phasing), and every scheme is recurrent, as in the plan.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from workbench.domain.enums import Rag
from workbench.domain.gateways import Gateway, stage_of
from workbench.domain.ledger import (
    ForecastMethod,
    SchemeTracking,
    default_reference,
    part_of,
    plan_cells,
)
from workbench.domain.milestones import SchemeMilestone
from workbench.domain.money import round_pounds
from workbench.domain.periods import FinancialYear
from workbench.domain.plan import Plan

CLOSED_THROUGH = "2016-09"
PLAN_LABEL = "Final submission"
MSK = "RightCare MSK triage and community service"
MSK_GO_LIVE = dt.date(2016, 9, 1)  # planned 1 July: two months late
MSK_SLIP = 2
LD = "Learning disability placement reviews"
LD_OVERRIDE = (Rag.AMBER, "Recovery plan agreed at the QIPP board in September: the two "
                          "delayed placements move in November")

OPHTHALMOLOGY = "Ophthalmology community clinics"
MONTH_RATES = {(OPHTHALMOLOGY, "2016-09"): Decimal("0.8")}  # a month off the scheme's rate
# scheme name -> (delivery rate, forecast method)
DELIVERY = {
    MSK: (Decimal(1), ForecastMethod.MANUAL),
    OPHTHALMOLOGY: (Decimal(1), ForecastMethod.PLAN),
    "Outpatient follow-up ratios (RightCare)": (Decimal("0.9"), ForecastMethod.PLAN_SHAPE),
    "Prescribing: medicines optimisation (RightCare)": (Decimal(1), ForecastMethod.RUN_RATE),
    "BCF non-elective admissions reduction": (Decimal("0.75"), ForecastMethod.RUN_RATE),
    "Continuing healthcare package reviews": (Decimal("1.1"), ForecastMethod.RUN_RATE),
    LD: (Decimal("0.6"), ForecastMethod.PLAN_SHAPE),
}


def _first_month(plan_months: dict[str, Decimal]) -> str:
    return next(m for m, v in plan_months.items() if v)


def _date(month: str) -> dt.date:
    year, mon = month.split("-")
    return dt.date(int(year), int(mon), 1)


def demo_tracking(plan: Plan) -> dict[int, SchemeTracking]:
    """Reference, stage, method, go-live milestone (and the one override) per scheme."""
    out = {}
    for position, s in enumerate(plan.schemes):
        months = plan_cells(s, plan.first_year)
        go_live = SchemeMilestone("Go-live", _date(_first_month(months)),
                                  MSK_GO_LIVE if s.name == MSK else None, go_live=True)
        rag, reason = LD_OVERRIDE if s.name == LD else (None, "")
        out[s.id] = SchemeTracking(
            s.id, default_reference(position),
            DELIVERY.get(s.name, (Decimal(1), ForecastMethod.PLAN))[1], rag, reason,
            stage_of(s.status), Gateway(), (go_live,))
    return out


def demo_actuals(plan: Plan) -> dict[str, dict[tuple[int, str], Decimal]]:
    """Month -> {(scheme id, part): actual} for April to September, by the rule above."""
    year: FinancialYear = plan.first_year
    closing = year.months()[:year.months().index(CLOSED_THROUGH) + 1]
    out: dict[str, dict[tuple[int, str], Decimal]] = {m: {} for m in closing}
    for s in plan.schemes:
        months = plan_cells(s, year)
        rate = DELIVERY.get(s.name, (Decimal(1), None))[0]
        for month in closing:
            late = s.name == MSK and _date(month) < MSK_GO_LIVE
            this = MONTH_RATES.get((s.name, month), rate)
            out[month][(s.id, part_of(s))] = Decimal(0) if late else round_pounds(
                months[month] * this)
    return out


def demo_forecasts(plan: Plan) -> dict[tuple[int, str, str], Decimal]:
    """The manual forecasts: MSK's plan moved two months later, for October to March."""
    year = plan.first_year
    msk = next(s for s in plan.schemes if s.name == MSK)
    months = year.months()
    plan_months = list(plan_cells(msk, year).values())
    first_open = months.index(CLOSED_THROUGH) + 1
    return {(msk.id, months[i], part_of(msk)): plan_months[i - MSK_SLIP]
            for i in range(first_open, len(months))}
