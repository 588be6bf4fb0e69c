"""The second demo: NHS Oxfordshire's "Creating a Healthy Oxfordshire" programme (2009).

From the paper to all Boards of 10 November 2009 (shared/seeds/003): a budget of about
£850m in 2009/10, an extra £40m in 2010/11, then three years with no increase while costs
and demand rise, so savings of £80m a year, £240m over three years from April 2011
(removed from the health system by 2013/14); six work streams under one Programme Board.

The paper's years are kept in PROGRAMME_YEARS. The app's plan models one financial year,
so the plan loaded is the programme's first year of savings, 2011/12; the later years'
targets are held as a trajectory of cumulative savings (£80m, £160m, £240m at the end of
each year), and every dated step the paper gives is a milestone. What the paper leaves
open stays open: no schemes (savings opportunities are still to be identified), no leads,
no equality impact assessment done. Every input names its source, as in demo_plan.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from typing import NamedTuple

from workbench.domain.enums import Footprint, Gap, PlanStatus, Rag
from workbench.domain.periods import FinancialYear
from workbench.domain.plan import CostPressure, FinancialDrivers, Plan, SpendLine
from workbench.domain.trajectories import Direction, Frequency, Trajectory, Unit
from workbench.domain.workstreams import Milestone, Workstream

S = "003: "  # shared/seeds/003: Creating a Healthy Oxfordshire Programme, 10 November 2009
M = D(1_000_000)
BUDGET = S + '"The NHS in Oxfordshire has a budget this year of about £850 million"'
EXTRA = S + '"Next year, 2010/11, the PCT will receive an extra £40 million"'
FLAT = S + '"for the following three years it will not receive an increase at all"'
SAVINGS = (S + '"needs to make savings of £80 million a year which totals £240 million over '
           'three years from April 2011"')
BY_2013 = S + '"removing £240m from the health system by 2013/14"'
COSTS = S + '"costs will increase as will the demand for services"'


class ProgrammeYear(NamedTuple):
    """One year of the programme as the paper gives it (£m; None: the paper is silent)."""

    year: int  # FinancialYear start: 2009 is 2009/10
    budget_m: D
    increase_m: D | None
    savings_m: D | None
    source: str

    @property
    def label(self) -> str:
        return FinancialYear(self.year).label


PROGRAMME_YEARS = (
    ProgrammeYear(2009, D(850), None, None, BUDGET + "; this does not include social care"),
    ProgrammeYear(2010, D(890), D(40), None, EXTRA + "; derived: £850m + £40m"),
    ProgrammeYear(2011, D(890), D(0), D(80), f"{FLAT}; {SAVINGS}"),
    ProgrammeYear(2012, D(890), D(0), D(80), f"{FLAT}; {SAVINGS}"),
    ProgrammeYear(2013, D(890), D(0), D(80), f"{FLAT}; {SAVINGS}; {BY_2013}"),
)
PLAN_YEAR = 2011  # the first year of savings, loaded as the plan
TOTAL_SAVINGS_M = sum((y.savings_m or D(0)) for y in PROGRAMME_YEARS)  # £240m

NO_RULES = ("chosen: 0 (the paper states no business rules; none are held back, so the "
            "requirement is the paper's savings)")
DRIVER_SOURCES = {
    "allocation": f"{BUDGET}; {EXTRA}; {FLAT}; derived: £890m in 2011/12",
    "prior_year_allocation": f"{EXTRA}; derived: £890m in 2010/11",
    "running_cost_allocation": "chosen: 0 (the paper gives one budget, management costs "
    "included)",
    "tariff_uplift_pct": "chosen: 0 (cost increases are one pressure line, the paper gives "
    "no rate)",
    "activity_growth_pct": "chosen: 0 (demand growth is one pressure line, the paper gives "
    "no rate)",
    "surplus_pct": NO_RULES,
    "uncommitted_reserve_pct": NO_RULES,
    "contingency_pct": NO_RULES,
    "transformation_ringfence_pct": NO_RULES,
    "chc_risk_pool": NO_RULES,
    "future_growth_pct": FLAT,
}

SPLIT = ("chosen: the split of the 2010/11 budget by sector (the paper gives only the "
         "total); " + EXTRA)
SPEND_LINES = [  # 2010/11 recurrent spend by sector, £m (chosen split of £890m)
    ("Acute services", "480"),
    ("Community services", "90"),
    ("Mental health and learning disability", "110"),
    ("Primary care and prescribing", "180"),
    ("Other services and management", "30"),
]
PRESSURES = [  # £m: the £80m gap the paper states, split between its two causes (chosen)
    ("Cost increases (pay and prices)", "40"),
    ("Demand for services", "40"),
]

GOVERNANCE = (
    "board: " + S + '"It has been agreed to establish an overall Programme Board"; reference '
    "groups (not modelled): " + S + '"The Non-Executive and Clinical members of the Programme '
    'Board will establish reference groups"')
OPEN_ITEMS = (
    "lead and SRO blank: " + S + '"Ensuring clarity of leadership (subject matter expertise) '
    'and project management"; EIA not done: ' + S + '"Ensuring that Equality Impact '
    'Assessment would be undertaken where and when necessary"; chosen: RAG amber, ' + S
    + '"We are still in the early planning stages"')
MILESTONES = (
    "milestones: " + S + '"The outline plans were reviewed by the Programme Board on 16th '
    'November"; ' + S + '"over the next month the emphasis needed to be on"; chosen: 16 '
    "December 2009 for that month's work; " + SAVINGS + "; " + BY_2013)
WORKSTREAMS = [  # name, its section of the paper, the paper's words, gaps addressed (chosen)
    ("Shaping Future Primary Care", "3.1", "Shaping Future Primary Care",
     {Gap.CARE_QUALITY, Gap.FINANCE_EFFICIENCY}),
    ("Integrated Community Services Provision", "3.2",
     "Integrated Community Services Provision", {Gap.CARE_QUALITY, Gap.FINANCE_EFFICIENCY}),
    ("Acute Services", "3.3", "Acute Services", {Gap.FINANCE_EFFICIENCY}),
    ("Integrated Commissioning", "3.4", "Integrated Commissioning", {Gap.FINANCE_EFFICIENCY}),
    ("Disinvestment", "3.5", "To advance the disinvestment agenda requires an explicit focus "
     "on the potential for cost-savings coupled with improved quality of care",
     {Gap.CARE_QUALITY, Gap.FINANCE_EFFICIENCY}),
    ("Patient Responsibility and Engagement", "3.6", "Patient Responsibility and Engagement",
     {Gap.HEALTH_WELLBEING}),
]


def _milestones() -> list[Milestone]:
    return [
        Milestone("Outline plans reviewed by the Programme Board", dt.date(2009, 11, 16), True),
        Milestone("Work stream governance, leadership and dated action plans agreed",
                  dt.date(2009, 12, 16)),
        Milestone("Savings start (£80m a year)", dt.date(2011, 4, 1)),
        Milestone("£240m removed from the health system", dt.date(2014, 3, 31)),
    ]


def _savings_trajectory() -> Trajectory:
    """Cumulative savings, £m: £80m more each year from April 2011, evenly within a year."""
    planned: dict[str, float] = {}
    done = 0.0
    for year in PROGRAMME_YEARS:
        if year.savings_m is None:
            continue
        months = FinancialYear(year.year).months()
        for i, month in enumerate(months, start=1):
            planned[month] = done + float(year.savings_m) * i / len(months)
        done += float(year.savings_m)
    return Trajectory(
        id=1, metric="Creating a Healthy Oxfordshire: cumulative savings, £m",
        unit=Unit.COUNT, direction=Direction.HIGHER, target=float(TOTAL_SAVINGS_M),
        target_date=dt.date(2014, 3, 31), frequency=Frequency.MONTHLY, planned=planned,
        source=f"{SAVINGS}; {BY_2013}; the later years' targets: £160m by March 2013 and "
        "£240m by March 2014 (derived); chosen: an even path within each year")


def demo_2009_plan() -> Plan:
    """A fresh, unsaved plan: the programme's first year of savings, 2011/12."""
    workstreams = [
        Workstream(
            id=i + 1, name=name, board="Programme Board", footprint=Footprint.LOCAL,
            gaps=frozenset(gaps), rag=Rag.AMBER, eia_done=False, enabler=False,
            milestones=_milestones(),
            source=f'work stream {section}, {S}"{words}"; gaps: chosen; {GOVERNANCE}; '
            f"{OPEN_ITEMS}; {MILESTONES}",
        )
        for i, (name, section, words, gaps) in enumerate(WORKSTREAMS)
    ]
    return Plan(
        id=None,
        organisation="NHS Oxfordshire",
        ods_code="5QE",  # Oxfordshire PCT (chosen: the paper gives no code)
        name="Creating a Healthy Oxfordshire",
        first_year=FinancialYear(PLAN_YEAR),
        last_year=FinancialYear(PROGRAMME_YEARS[-1].year),
        status=PlanStatus.DRAFT,
        drivers=FinancialDrivers(
            allocation=PROGRAMME_YEARS[2].budget_m * M,
            prior_year_allocation=PROGRAMME_YEARS[1].budget_m * M,
            running_cost_allocation=D(0), tariff_uplift_pct=D(0), activity_growth_pct=D(0),
            surplus_pct=D(0), uncommitted_reserve_pct=D(0), contingency_pct=D(0),
            transformation_ringfence_pct=D(0), chc_risk_pool=D(0), future_growth_pct=D(0),
        ),
        spend_lines=[SpendLine(i + 1, name, D(m) * M, False, False, source=SPLIT)
                     for i, (name, m) in enumerate(SPEND_LINES)],
        pressures=[CostPressure(i + 1, name, D(m) * M, True,
                                source=f"{COSTS}; {SAVINGS}; chosen: the £80m split equally")
                   for i, (name, m) in enumerate(PRESSURES)],
        workstreams=workstreams,
        trajectories=[_savings_trajectory()],
        driver_sources=dict(DRIVER_SOURCES),
    )
