"""The bundled demo plan: Oxfordshire CCG (10Q), operational plan 2016/17 to 2020/21.

Everything here is an *input* taken from, or chosen to be consistent with, the CCG's
Governing Body papers of March 2016 (shared/seeds). The headline figures the papers state
(savings requirement £22.4m / 3.0%, £7.0m identified, £2.1m earmarked, £28.4m of risk,
the £9.0m / 1.2% ring-fence) are derived by the engine from these inputs, never typed.

Inputs the papers do not state are chosen and marked "chosen": the split of the 2015/16
recurrent baseline by programme, the investments, the running-cost allocation, and each
scheme's value, confidence and phasing within the stated totals.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from workbench.domain.demo_activity import demo_activity_lines, demo_trajectories
from workbench.domain.demo_system import demo_system_rows
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


def _drivers() -> FinancialDrivers:
    return FinancialDrivers(
        # Paper: 2016/17 allocation up 7.3% (£49.5m).
        allocation=D("727600000"),
        prior_year_allocation=D("678100000"),
        running_cost_allocation=D("20900000"),  # chosen
        tariff_uplift_pct=D(
            "0.011"
        ),  # chosen: 2016/17 tariff, +3.1% cost uplift less 2% efficiency
        activity_growth_pct=D("0.019"),  # paper: 1.9% activity growth modelled
        surplus_pct=D("0.01"),  # paper: business rules
        uncommitted_reserve_pct=D("0.01"),
        contingency_pct=D("0.005"),
        transformation_ringfence_pct=D("0.012"),  # paper: a minimum of 1.2%
        chc_risk_pool=D("1200000"),  # chosen: the CHC legacy risk-pool contribution
        future_growth_pct=D("0.02"),  # paper: minimum growth of 2% in 2017/18 and 2018/19
    )


def _spend_lines() -> list[SpendLine]:
    """2015/16 recurrent baseline by programme (chosen; NHS commissioning budget c£700m)."""
    rows = [
        ("Acute services", D("387.3"), True, True),
        ("Community health services", D("75.0"), True, True),
        ("Mental health services", D("85.0"), True, True),
        ("Continuing healthcare", D("45.0"), False, True),
        ("Primary care prescribing", D("75.0"), False, True),
        ("Primary care services", D("15.0"), False, False),
        ("Other programme services", D("12.0"), False, False),
        ("Running costs", D("14.0"), False, False),
    ]
    return [
        SpendLine(i + 1, name, amount * M, tariff, growth)
        for i, (name, amount, tariff, growth) in enumerate(rows)
    ]


def _pressures() -> list[CostPressure]:
    """Investments and pressures beyond tariff and growth (chosen, from the paper's themes)."""
    rows = [
        ("Mental health investment standard", D("4.5"), True),
        ("Primary care sustainability (delegated commissioning)", D("3.0"), True),
        ("Seven-day services and urgent care", D("2.5"), True),
        ("CQUIN and contract pressures", D("3.0"), True),
        ("Integrated urgent care (NHS 111) re-procurement", D("2.0"), False),
    ]
    return [
        CostPressure(i + 1, name, amount * M, rec) for i, (name, amount, rec) in enumerate(rows)
    ]


WORKSTREAMS = [
    # name, lead, sro, board, footprint, enabler
    (
        "Urgent and Emergency Care",
        "Head of Urgent Care",
        "Chief Operating Officer",
        "A&E Delivery Board",
        Footprint.ALLIANCE,
        False,
    ),
    (
        "Planned and Specialist Care",
        "Head of Planned Care",
        "Director of Delivery",
        "Transformation Board",
        Footprint.LOCAL,
        False,
    ),
    (
        "Long Term Conditions, Integrated Care and Primary Care",
        "Head of Primary Care",
        "Director of Strategy",
        "Out of Hospital Programme Board",
        Footprint.LOCAL,
        False,
    ),
    (
        "Mental Health Services",
        "Head of Mental Health",
        "Director of Delivery",
        "Mental Health Partnership Board",
        Footprint.LOCAL,
        False,
    ),
    (
        "Learning Disability Services",
        "Head of Joint Commissioning",
        "Director of Strategy",
        "Joint Management Group",
        Footprint.LOCAL,
        False,
    ),
    (
        "Maternity Services",
        "Head of Maternity",
        "Director of Quality",
        "Maternity Network Board",
        Footprint.LOCAL,
        False,
    ),
    ("IM&T", "Head of IM&T", "Chief Finance Officer", "Digital Board", Footprint.ALLIANCE, True),
    ("Estates", "Head of Estates", "Chief Finance Officer", "Estates Board", Footprint.LOCAL, True),
    ("Workforce", "Workforce Lead", "Chief Executive", "Workforce Board", Footprint.ALLIANCE, True),
]

# name, workstream index, provider, pod, lever, status, net £k, confidence, start month
SCHEMES = [
    (
        "RightCare MSK triage and community service",
        1,
        "OUH",
        PointOfDelivery.OUTPATIENTS,
        Lever.PATHWAY_REDESIGN,
        SchemeStatus.IDENTIFIED,
        1200,
        "0.70",
        3,
    ),
    (
        "Ophthalmology community clinics",
        1,
        "OUH",
        PointOfDelivery.OUTPATIENTS,
        Lever.PROCUREMENT,
        SchemeStatus.IDENTIFIED,
        600,
        "0.75",
        4,
    ),
    (
        "Outpatient follow-up ratios (RightCare)",
        1,
        "OUH",
        PointOfDelivery.OUTPATIENTS,
        Lever.CONTRACT,
        SchemeStatus.IDENTIFIED,
        800,
        "0.60",
        0,
    ),
    (
        "Prescribing: medicines optimisation (RightCare)",
        2,
        "Primary care",
        PointOfDelivery.PRESCRIBING,
        Lever.MEDICINES_OPTIMISATION,
        SchemeStatus.IDENTIFIED,
        1500,
        "0.80",
        0,
    ),
    (
        "BCF non-elective admissions reduction",
        0,
        "OUH",
        PointOfDelivery.NON_ELECTIVE,
        Lever.DEMAND_MANAGEMENT,
        SchemeStatus.IDENTIFIED,
        1600,
        "0.60",
        0,
    ),
    (
        "RightCare respiratory pathway",
        2,
        "Oxford Health",
        PointOfDelivery.COMMUNITY,
        Lever.PATHWAY_REDESIGN,
        SchemeStatus.IDENTIFIED,
        500,
        "0.65",
        6,
    ),
    (
        "Continuing healthcare package reviews",
        2,
        "Various",
        PointOfDelivery.CHC,
        Lever.CONTRACT,
        SchemeStatus.IDENTIFIED,
        800,
        "0.70",
        0,
    ),
    (
        "Mental health out-of-area placements",
        3,
        "Oxford Health",
        PointOfDelivery.MENTAL_HEALTH,
        Lever.PROCUREMENT,
        SchemeStatus.EARMARKED,
        700,
        "0.50",
        6,
    ),
    (
        "Diagnostics demand management (RightCare)",
        1,
        "OUH",
        PointOfDelivery.ELECTIVE,
        Lever.DEMAND_MANAGEMENT,
        SchemeStatus.EARMARKED,
        500,
        "0.40",
        6,
    ),
    (
        "Learning disability placement reviews",
        4,
        "Various",
        PointOfDelivery.OTHER,
        Lever.CONTRACT,
        SchemeStatus.EARMARKED,
        600,
        "0.50",
        3,
    ),
    (
        "Maternity pathway standardisation",
        5,
        "OUH",
        PointOfDelivery.ELECTIVE,
        Lever.PATHWAY_REDESIGN,
        SchemeStatus.EARMARKED,
        300,
        "0.50",
        6,
    ),
]

RISKS = [
    # description, category, £m, likelihood, impact, mitigation, mitigation £m
    (
        "Ability to negotiate balanced risk-sharing contract agreements with OUH and OH",
        RiskCategory.CONTRACT,
        "15.0",
        4,
        5,
        "Open-book contracting; system risk-share agreed at Transformation Board",
        "2.0",
    ),
    (
        "Delivery of savings (QIPP) programme",
        RiskCategory.SAVINGS_DELIVERY,
        "7.4",
        4,
        4,
        "Monthly QIPP delivery board; pipeline of earmarked schemes",
        "1.0",
    ),
    (
        "Activity on cost and volume (PbR) contracts above plan",
        RiskCategory.ACTIVITY,
        "3.0",
        3,
        3,
        "Activity query notices; demand management",
        "0.5",
    ),
    (
        "Primary care prescribing growth",
        RiskCategory.PRESCRIBING,
        "2.0",
        3,
        3,
        "Medicines optimisation team; practice prescribing budgets",
        "0.3",
    ),
    (
        "Continuing healthcare packages and placements",
        RiskCategory.CHC,
        "1.0",
        3,
        2,
        "Brokerage and package reviews",
        "0.2",
    ),
]


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
        )
        for i, (name, lead, sro, board, footprint, enabler) in enumerate(WORKSTREAMS)
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
        )
        for i, (name, ws, provider, pod, lever, status, net_k, conf, start) in enumerate(SCHEMES)
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
        )
        for i, (desc, category, value, likelihood, impact, mitigation, mitigation_m) in enumerate(
            RISKS
        )
    ]
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
        trajectories=demo_trajectories(),
        **demo_system_rows(),
    )
