"""The bundled demo plan: Oxfordshire CCG (10Q), operational plan 2016/17 to 2020/21.

Everything here is an *input* taken from, or chosen to be consistent with, the CCG's
Governing Body papers of March 2016 (shared/seeds). The headline figures the papers state
(savings requirement £22.4m / 3.0%, £7.0m identified, £2.1m earmarked, £28.4m of risk,
the £9.0m / 1.2% ring-fence) are derived by the engine from these inputs, never typed.

Every input carries a `source`: the seed and its words (`001: "..."`, checked against the
seed text by tests/domain/test_demo_sources.py) or `chosen: <reason>` for what the papers
do not state (the split of the 2015/16 baseline, the investments, the running-cost
allocation, each scheme's value, confidence and phasing within the stated totals, risk
scores, mitigations, owners, leads, boards, EIA flags and milestone dates).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from workbench.domain.demo_activity import demo_activity_lines, demo_trajectories
from workbench.domain.demo_ambitions import local_ambitions
from workbench.domain.demo_submissions import demo_submissions
from workbench.domain.demo_system import demo_system_rows
from workbench.domain.demo_years import demo_plan_years
from workbench.domain.enums import (
    Footprint,
    Gap,
    Lever,
    PlanStatus,
    PointOfDelivery,
    Rag,
    RiskCategory,
    SchemeStatus,
)
from workbench.domain.periods import FinancialYear
from workbench.domain.plan import CostPressure, FinancialDrivers, Plan, SpendLine
from workbench.domain.risks import Risk
from workbench.domain.schemes import FLAT_PHASING, SavingsScheme, ramp_phasing
from workbench.domain.workstreams import Milestone, Workstream

ALL_GAPS = frozenset(Gap)
M = D(1_000_000)
K = D(1_000)


P = "001: "  # shared/seeds/001: Governing Body paper 16/20, 31 March 2016 (the plan)
ALLOCATION_GROWTH = (
    P + '"in 2016/17 the allocation is increased by 7.3% (£49.5m)"; the paper later restates '
    'the growth as ' + P + '"following allocation growth of £49.7m": the demo keeps £49.5m, '
    "the figure given with the 7.3%"
)
DRIVER_SOURCES = {
    "allocation": ALLOCATION_GROWTH + "; chosen: the 2015/16 base of £678.1m that makes "
    "£49.5m 7.3%",
    "prior_year_allocation": "chosen: £678.1m, so that " + ALLOCATION_GROWTH,
    "running_cost_allocation": (
        "chosen: £20.9m so that the paper's " + P + '"1.2% (£9.0m)" and ' + P + '"£22.4m (3.0%)"'
        " agree on one total allocation; the running-cost spend line is £14.0m (chosen), so "
        "£6.9m of it funds programme spend: the savings requirement is £6.6m lower than if "
        "the allocation matched the £14.0m line (£6.9m less the business rules' 3.7% on it)"),
    "tariff_uplift_pct": P + '"The move from 2015/16 DTR tariff to the draft 2016/17 tariff '
    'has been modelled"; chosen: 1.1% (+3.1% cost uplift less 2% efficiency)',
    "activity_growth_pct": P + '"Activity growth of 1.9% overall has been modelled"',
    "surplus_pct": P + '"1% surplus"',
    "uncommitted_reserve_pct": P + '"1% uncommitted reserve"',
    "contingency_pct": P + '"0.5% contingency reserve"',
    "transformation_ringfence_pct": P + '"ring-fence a minimum of 1.2% (£9.0m) of its '
    'allocation for system transformation"',
    "chc_risk_pool": P + '"CHC legacy risk pool contribution as notified by NHS England"; '
    "chosen: £1.2m (the paper gives no value)",
    "future_growth_pct": P + '"we get the minimum level of growth of 2% (c£14m)"',
}


def _drivers() -> FinancialDrivers:
    return FinancialDrivers(
        allocation=D("727600000"),
        prior_year_allocation=D("678100000"),
        running_cost_allocation=D("20900000"),
        tariff_uplift_pct=D("0.011"),
        activity_growth_pct=D("0.019"),
        surplus_pct=D("0.01"),
        uncommitted_reserve_pct=D("0.01"),
        contingency_pct=D("0.005"),
        transformation_ringfence_pct=D("0.012"),
        chc_risk_pool=D("1200000"),
        future_growth_pct=D("0.02"),
    )


BASELINE = ("chosen: the split of the 2015/16 recurrent baseline by programme, totalling "
            "£708.3m against " + P + '"Integrating our NHS commissioning responsibilities '
            '(budget £700m)"')
DELEGATED = ("; not the " + P + '"delegated responsibility for £85m from NHS England to '
             'commission primary medical services from 1 April 2016", which has its own '
             "allocation and sits outside this plan's allocation base")
SPEND_LINES = [  # name, £m, tariff applies, growth applies, extra source
    ("Acute services", "387.3", True, True, ""),
    ("Community health services", "75.0", True, True, ""),
    ("Mental health services", "85.0", True, True, ""),
    ("Continuing healthcare", "45.0", False, True, ""),
    ("Primary care prescribing", "75.0", False, True, ""),
    ("Primary care services", "15.0", False, False, DELEGATED),
    ("Other programme services", "12.0", False, False, ""),
    ("Running costs", "14.0", False, False,
     "; against a running-cost allocation of £20.9m (see the drivers' sources)"),
]


def _spend_lines() -> list[SpendLine]:
    return [SpendLine(i + 1, name, D(amount) * M, tariff, growth, source=BASELINE + extra)
            for i, (name, amount, tariff, growth, extra) in enumerate(SPEND_LINES)]


PRESSURES = [  # name, £m, recurrent, source (the amounts are all chosen)
    ("Mental health investment standard", "4.5", True,
     P + '"Implementing plans for transformed mental health and learning disability services"'),
    ("Primary care sustainability (delegated commissioning)", "3.0", True,
     P + '"including the sustainability of primary care"'),
    ("Seven-day services and urgent care", "2.5", True, P + '"Ensuring 7 day services"'),
    ("CQUIN and contract pressures", "3.0", True, "chosen: a usual contract pressure"),
    ("Integrated urgent care (NHS 111) re-procurement", "2.0", False,
     P + '"re-procure a joint Integrated Urgent Care (NHS 111) service across Thames Valley"'),
]


def _pressures() -> list[CostPressure]:
    return [CostPressure(i + 1, name, D(amount) * M, rec,
                         source=f"{quote}; chosen: the amount (the paper gives none)"
                         if quote.startswith(P) else quote)
            for i, (name, amount, rec, quote) in enumerate(PRESSURES)]


STP_AREAS = P + '"5 year action plans for:" (the six service areas)'
ENABLERS = P + '"supported by IM&T, Estates and Workforce groups"'
PEOPLE = ("chosen: lead, SRO, RAG and \'EIA done\' (the paper names no one and no "
          "assessment); milestones: the STP submission from " + P +
          '"inform the end of June STP submission", the public consultation date chosen ('
          + P + '"support public consultation later in the year")')
WORKSTREAMS = [  # name, lead, sro, board, footprint, enabler, source of name and board
    ("Urgent and Emergency Care", "Head of Urgent Care", "Chief Operating Officer",
     "A&E Delivery Board", Footprint.ALLIANCE, False,
     "; alliance footprint: " + P + '"services such as Urgent Care, Ambulance services and '
     'workforce planning"; chosen: the board'),
    ("Planned and Specialist Care", "Head of Planned Care", "Director of Delivery",
     "Transformation Board", Footprint.LOCAL, False,
     "; board: " + P + '"reporting to Oxfordshire’s Transformation Board"'),
    ("Long Term Conditions, Integrated Care and Primary Care", "Head of Primary Care",
     "Director of Strategy", "Out of Hospital Programme Board", Footprint.LOCAL, False,
     "; board: " + P + '"through the Out of Hospital Programme Board"'),
    ("Mental Health Services", "Head of Mental Health", "Director of Delivery",
     "Mental Health Partnership Board", Footprint.LOCAL, False, "; chosen: the board"),
    ("Learning Disability Services", "Head of Joint Commissioning", "Director of Strategy",
     "Joint Management Group", Footprint.LOCAL, False,
     "; board: 002: \"Make Joint Management Groups more effective\""),
    ("Maternity Services", "Head of Maternity", "Director of Quality",
     "Maternity Network Board", Footprint.LOCAL, False, "; chosen: the board"),
    ("IM&T", "Head of IM&T", "Chief Finance Officer", "Digital Board", Footprint.ALLIANCE, True,
     "; chosen: the board and the alliance footprint"),
    ("Estates", "Head of Estates", "Chief Finance Officer", "Estates Board", Footprint.LOCAL,
     True, "; chosen: the board"),
    ("Workforce", "Workforce Lead", "Chief Executive", "Workforce Board", Footprint.ALLIANCE,
     True, "; alliance footprint: " + P + '"services such as Urgent Care, Ambulance services '
     'and workforce planning"; chosen: the board'),
]

IDENTIFIED = P + '"Currently we have identified savings in the region of £7m"'
EARMARKED = P + '"with a further £2.1m earmarked"'
SPLIT = "chosen: value, confidence and phasing within that total"
INVENTED = "chosen: the scheme itself (the paper names no schemes); " + SPLIT
# name, workstream index, provider, pod, lever, status, net £k, confidence, start month,
# where the name comes from
SCHEMES = [
    ("RightCare MSK triage and community service", 1, "OUH", PointOfDelivery.OUTPATIENTS,
     Lever.PATHWAY_REDESIGN, SchemeStatus.IDENTIFIED, 1200, "0.70", 3,
     P + '"Implementation of the new MSK assessment and treatment service"; ' + SPLIT),
    ("Ophthalmology community clinics", 1, "OUH", PointOfDelivery.OUTPATIENTS,
     Lever.PROCUREMENT, SchemeStatus.IDENTIFIED, 600, "0.75", 4,
     P + '"Introduction of Community clinics to increase capacity"; ' + SPLIT),
    ("Outpatient follow-up ratios (RightCare)", 1, "OUH", PointOfDelivery.OUTPATIENTS,
     Lever.CONTRACT, SchemeStatus.IDENTIFIED, 800, "0.60", 0, INVENTED),
    ("Prescribing: medicines optimisation (RightCare)", 2, "Primary care",
     PointOfDelivery.PRESCRIBING, Lever.MEDICINES_OPTIMISATION, SchemeStatus.IDENTIFIED, 1500,
     "0.80", 0, P + '"Our plans for savings (QIPP), linked to RightCare"; chosen: the '
     "prescribing scheme; " + SPLIT),
    ("BCF non-elective admissions reduction", 0, "OUH", PointOfDelivery.NON_ELECTIVE,
     Lever.DEMAND_MANAGEMENT, SchemeStatus.IDENTIFIED, 1600, "0.60", 0,
     P + '"This equates to 1000 NEAs avoided during 2016/17"; ' + SPLIT),
    ("RightCare respiratory pathway", 2, "Oxford Health", PointOfDelivery.COMMUNITY,
     Lever.PATHWAY_REDESIGN, SchemeStatus.IDENTIFIED, 500, "0.65", 6, INVENTED),
    ("Continuing healthcare package reviews", 2, "Various", PointOfDelivery.CHC,
     Lever.CONTRACT, SchemeStatus.IDENTIFIED, 800, "0.70", 0, INVENTED),
    ("Mental health out-of-area placements", 3, "Oxford Health", PointOfDelivery.MENTAL_HEALTH,
     Lever.PROCUREMENT, SchemeStatus.EARMARKED, 700, "0.50", 6, INVENTED),
    ("Diagnostics demand management (RightCare)", 1, "OUH", PointOfDelivery.ELECTIVE,
     Lever.DEMAND_MANAGEMENT, SchemeStatus.EARMARKED, 500, "0.40", 6, INVENTED),
    ("Learning disability placement reviews", 4, "Various", PointOfDelivery.OTHER,
     Lever.CONTRACT, SchemeStatus.EARMARKED, 600, "0.50", 3, INVENTED),
    ("Maternity pathway standardisation", 5, "OUH", PointOfDelivery.ELECTIVE,
     Lever.PATHWAY_REDESIGN, SchemeStatus.EARMARKED, 300, "0.50", 6, INVENTED),
]

RISK_CHOICES = "; chosen: likelihood, impact, mitigation, its value, owner and review date"
RISKS = [
    # description, category, £m, likelihood, impact, mitigation, mitigation £m, paper's words
    ("Ability to negotiate balanced risk-sharing contract agreements with OUH and OH",
     RiskCategory.CONTRACT, "15.0", 4, 5,
     "Open-book contracting; system risk-share agreed at Transformation Board", "2.0",
     "The ability to negotiate balanced risk sharing contract agreements (£15.0m)"),
    ("Delivery of savings (QIPP) programme", RiskCategory.SAVINGS_DELIVERY, "7.4", 4, 4,
     "Monthly QIPP delivery board; pipeline of earmarked schemes", "1.0",
     "Delivery of savings (£7.4m)"),
    ("Activity on cost and volume (PbR) contracts above plan", RiskCategory.ACTIVITY, "3.0",
     3, 3, "Activity query notices; demand management", "0.5",
     "Activity on cost and volume PbR contracts (£3.0m)"),
    ("Primary care prescribing growth", RiskCategory.PRESCRIBING, "2.0", 3, 3,
     "Medicines optimisation team; practice prescribing budgets", "0.3",
     "Primary Care Prescribing (£2.0m)"),
    ("Continuing healthcare packages and placements", RiskCategory.CHC, "1.0", 3, 2,
     "Brokerage and package reviews", "0.2",
     "Continuing Healthcare packages and placements (£1.0m)"),
    # The paper's sixth risk has no value: it is held at £0 (nothing added to the £28.4m
    # of gross exposure) and says so in its description and source; scored like the others.
    ("Impact on healthcare-funded services of savings in social care (no value given)",
     RiskCategory.OTHER, "0", 3, 3, "Joint review with the County Council of services "
     "affected by its savings", "0",
     "Any impact on healthcare funded services as a result of savings to be made in social "
     "care"),
]
NO_VALUE = "; the paper gives no value: held at £0, unquantified"


def demo_plan() -> Plan:
    """A fresh, unsaved demo plan.

    Ids are local keys (1, 2, ...) that link schemes to workstreams; saving a new plan
    gives every row a store id and remaps the links (see store.repositories).
    """
    workstreams = [
        Workstream(
            id=i + 1,
            name=name,
            lead=lead,
            sro=sro,
            board=board,
            footprint=footprint,
            gaps=ALL_GAPS if not enabler else frozenset({Gap.FINANCE_EFFICIENCY}),
            rag=Rag.AMBER if i in (0, 3) else Rag.GREEN,
            eia_done=not enabler,
            enabler=enabler,
            milestones=[
                Milestone("Case for change to Transformation Board", dt.date(2016, 6, 30)),
                Milestone("Public consultation", dt.date(2016, 11, 30)),
            ]
            if not enabler
            else [],
            source=f"{ENABLERS if enabler else STP_AREAS}{board_source}; {PEOPLE}",
        )
        for i, (name, lead, sro, board, footprint, enabler, board_source) in enumerate(
            WORKSTREAMS)
    ]
    schemes = [
        SavingsScheme(
            id=i + 1,
            name=name,
            workstream_id=ws + 1,
            provider=provider,
            pod=pod,
            lever=lever,
            status=status,
            gross_saving=D(net_k) * K,
            confidence=D(conf),
            phasing=FLAT_PHASING if start == 0 else ramp_phasing(start),
            # Paper: ~1,000 emergency admissions avoided through the BCF schemes.
            activity_impact=1000 if pod is PointOfDelivery.NON_ELECTIVE else 0,
            recurrent=True,
            first_year=2016,
            last_year=2018,
            source=f"{IDENTIFIED if status is SchemeStatus.IDENTIFIED else EARMARKED}; {src}",
        )
        for i, (name, ws, provider, pod, lever, status, net_k, conf, start, src) in enumerate(
            SCHEMES)
    ]
    risks = [
        Risk(
            id=i + 1,
            description=desc,
            owner="Chief Finance Officer",
            category=category,
            value=D(value) * M,
            likelihood=likelihood,
            impact=impact,
            mitigation=mitigation,
            mitigation_value=D(mitigation_m) * M,
            review_date=dt.date(2016, 6, 30),
            source=f'{P}"{words}"{RISK_CHOICES}{"" if D(value) else NO_VALUE}',
        )
        for i, (desc, category, value, likelihood, impact, mitigation, mitigation_m, words)
        in enumerate(RISKS)
    ]
    national = demo_trajectories()
    return Plan(
        id=None,
        organisation="Oxfordshire CCG",
        ods_code="10Q",
        name="Operational plan",
        first_year=FinancialYear(2016),
        last_year=FinancialYear(2020),
        status=PlanStatus.DRAFT,
        drivers=_drivers(),
        spend_lines=_spend_lines(),
        pressures=_pressures(),
        workstreams=workstreams,
        schemes=schemes,
        risks=risks,
        activity_lines=demo_activity_lines(),
        trajectories=[*national, *local_ambitions(len(national) + 1)],
        driver_sources=dict(DRIVER_SOURCES),
        plan_years=demo_plan_years(),  # firm / indicative years, growth (demo_years)
        submissions=demo_submissions(),  # the round's timetable (demo_submissions)
        **demo_system_rows(),
    )
