"""Finance 2016/17 (with QIPP and Risk): `finance_2016_17`.

Sheet names follow the verified 2014/15 section list (FPT14: Cover, Financial Plan Summary,
Revenue Resource Limit, Planning Assumptions, Financial Plan Detail, QIPP, Risk, Investment,
BCF, Contract Value Triangulation); £000 throughout (verified). Every row/column position,
header text and the Workstreams and Milestones sheets are inferred (templates.md §10.2).
"""

from __future__ import annotations

from workbench.domain.enums import (
    Footprint,
    Lever,
    PointOfDelivery,
    Rag,
    RiskCategory,
    RiskStatus,
    SchemeStatus,
)
from workbench.templates.layouts.common import (
    SUBMISSION,
    YES_NO,
    cover_rows,
    month_columns,
    year_list,
)
from workbench.templates.layouts.spec import (
    Column,
    CoverRow,
    Grid,
    GridRow,
    Kind,
    Table,
    TemplateSpec,
)

FIRST_YEAR = 2016
VERSION = 1
M, P, B, E, Y, D = Kind.MONEY, Kind.PERCENT, Kind.BOOL, Kind.ENUM, Kind.YEAR, Kind.DATE
YEARS = year_list(FIRST_YEAR)
BLANK_IF = '=IF({key}{r}="","",'  # calculated cells stay blank on empty rows


def _ref(prefix: str) -> Column:
    return Column("_ref", "Ref", prefill=prefix + "{n:03d}", width=7)


SUMMARY = Grid("Summary", "Financial plan summary", ("2016/17",), (
    GridRow("S01", "Core programme allocation", formulas={"2016/17": "=Alloc_Core"}),
    GridRow("S02", "Running cost allowance", formulas={"2016/17": "=Alloc_Running"}),
    GridRow("S03", "Other allocations", formulas={"2016/17": "=Alloc_PMC+Alloc_Other"}),
    GridRow("S04", "Total allocation", formulas={"2016/17": "=SUM(C{S01}:C{S03})"}, bold=True),
    GridRow("S05", "Recurrent baseline spend", formulas={"2016/17": "=SUM(Exp_baseline)"}),
    GridRow("S06", "Tariff and inflation", formulas={"2016/17": "=SUM(Exp_tariff)"}),
    GridRow("S07", "Activity growth", formulas={"2016/17": "=SUM(Exp_growth)"}),
    GridRow("S08", "Investments and pressures", formulas={"2016/17": "=SUM(Inv_amount)"}),
    GridRow("S09", "Planned spend before QIPP", formulas={"2016/17": "=SUM(C{S05}:C{S08})"},
            bold=True),
    GridRow("S10", "Surplus", formulas={"2016/17": "=C{S04}*Assump_Surplus"}),
    GridRow("S11", "Uncommitted non-recurrent reserve",
            formulas={"2016/17": "=C{S04}*Assump_Uncommitted"}),
    GridRow("S12", "Contingency", formulas={"2016/17": "=C{S04}*Assump_Contingency"}),
    GridRow("S13", "Transformation ring-fence", formulas={"2016/17": "=C{S04}*Assump_Ringfence"}),
    GridRow("S14", "CHC risk pool contribution", formulas={"2016/17": "=Assump_CHCPool"}),
    GridRow("S15", "Total holdbacks", formulas={"2016/17": "=SUM(C{S10}:C{S14})"}, bold=True),
    GridRow("S16", "QIPP requirement", formulas={"2016/17": "=C{S09}+C{S15}-C{S04}"}, bold=True),
    GridRow("S17", "QIPP requirement % of allocation", Kind.PERCENT,
            formulas={"2016/17": "=IF(C{S04}=0,0,C{S16}/C{S04})"}),
    GridRow("S18", "QIPP identified",
            formulas={"2016/17": '=SUMIFS(QIPP_net_saving,QIPP_status,"Identified")'}),
    GridRow("S19", "QIPP earmarked",
            formulas={"2016/17": '=SUMIFS(QIPP_net_saving,QIPP_status,"Earmarked")'}),
    GridRow("S20", "QIPP unidentified (placeholders)",
            formulas={"2016/17": '=SUMIFS(QIPP_net_saving,QIPP_status,"Unidentified")'}),
    GridRow("S21", "QIPP gap", formulas={"2016/17": "=C{S16}-C{S18}-C{S19}"}, bold=True),
    GridRow("S22", "QIPP risk-adjusted (identified and earmarked)", formulas={
        "2016/17": '=SUMIFS(QIPP_risk_adjusted,QIPP_status,"Identified")'
                   '+SUMIFS(QIPP_risk_adjusted,QIPP_status,"Earmarked")'}),
    GridRow("S23", "Risks: gross value of open risks",
            formulas={"2016/17": '=SUMIFS(Risk_value,Risk_status,"<>Closed")'}),
    GridRow("S24", "Risks: likely value net of mitigation", formulas={"2016/17": "=SUM(Risk_net)"}),
    GridRow("S25", "Reserves available for risk", formulas={"2016/17": "=C{S11}+C{S12}"}),
    GridRow("S26", "Net risk after reserves", formulas={"2016/17": "=MAX(C{S24}-C{S25},0)"},
            bold=True),
), unit="£000", note="All figures are calculated from the other sheets.")

_LATER = {y: "={p}{r}*(1+Assump_FutureGrowth)" for y in YEARS[1:]}
_FLAT = {y: "={p}{r}" for y in YEARS[1:]}
_GROWTH = {"Growth %": "=IF(C{r}=0,0,D{r}/C{r}-1)"}
ALLOCATIONS = Grid("Allocations", "Revenue resource limit", ("2015/16 FOT", *YEARS, "Growth %"), (
    GridRow("A01", "Core programme allocation",
            cells={"2015/16 FOT": "prior_year_allocation", "2016/17": "allocation"},
            formulas=_LATER | _GROWTH, names={"2016/17": "Alloc_Core"}, required=True,
            non_negative=True),
    GridRow("A02", "Running cost allowance",
            cells={"2015/16 FOT": "", "2016/17": "running_cost_allocation"},
            formulas=_FLAT | _GROWTH, names={"2016/17": "Alloc_Running"}, required=("2016/17",),
            non_negative=True),
    GridRow("A03", "Primary medical care (delegated)", cells=dict.fromkeys(
        ("2015/16 FOT", *YEARS), "") | {"2016/17": "_pmc"}, formulas=_GROWTH,
        names={"2016/17": "Alloc_PMC"}, non_negative=True),
    GridRow("A04", "Other allocations", cells=dict.fromkeys(("2015/16 FOT", *YEARS), "")
            | {"2016/17": "_other_allocations"}, formulas=_GROWTH,
            names={"2016/17": "Alloc_Other"}, non_negative=True),
    GridRow("A05", "Total resource limit", formulas={
        h: "=SUM({c}{A01}:{c}{A04})" for h in ("2015/16 FOT", *YEARS)} | _GROWTH, bold=True),
), note="Later years grow the core allocation by the Assumptions sheet's growth rate.")

ASSUMPTIONS = Grid("Assumptions", "Planning assumptions", ("Value", "Unit"), (
    GridRow("AS01", "Tariff uplift net of efficiency", P, cells={"Value": "tariff_uplift_pct"},
            names={"Value": "Assump_Tariff"}, required=True, unit="%"),
    GridRow("AS02", "Activity (demographic) growth", P, cells={"Value": "activity_growth_pct"},
            names={"Value": "Assump_Growth"}, required=True, unit="%"),
    GridRow("AS03", "Allocation growth in later years", P, cells={"Value": "future_growth_pct"},
            names={"Value": "Assump_FutureGrowth"}, required=True, unit="%"),
    GridRow("AS04", "Surplus (business rule)", P, cells={"Value": "surplus_pct"},
            names={"Value": "Assump_Surplus"}, required=True, non_negative=True, unit="%"),
    GridRow("AS05", "Uncommitted non-recurrent reserve", P,
            cells={"Value": "uncommitted_reserve_pct"}, names={"Value": "Assump_Uncommitted"},
            required=True, non_negative=True, unit="%"),
    GridRow("AS06", "Contingency", P, cells={"Value": "contingency_pct"},
            names={"Value": "Assump_Contingency"}, required=True, non_negative=True, unit="%"),
    GridRow("AS07", "Transformation ring-fence", P,
            cells={"Value": "transformation_ringfence_pct"}, names={"Value": "Assump_Ringfence"},
            required=True, non_negative=True, unit="%"),
    GridRow("AS08", "CHC risk pool contribution", M, cells={"Value": "chc_risk_pool"},
            names={"Value": "Assump_CHCPool"}, required=True, non_negative=True, unit="£000"),
), unit="% or £000 as shown")

EXPENDITURE = Table("Expenditure", "Financial plan detail: expenditure by programme", "Exp", (
    _ref("E"),
    Column("category", "Programme category", width=36, required=True, aliases=("Category",
                                                                                "Line")),
    Column("baseline", "Recurrent baseline", M, total=True, aliases=("2015/16 FOT",),
           required=True, non_negative=True),
    Column("tariff_applies", "Tariff applies?", B, choices="YesNo", required=True),
    Column("growth_applies", "Growth applies?", B, choices="YesNo", required=True),
    Column("tariff", "Tariff and inflation", M, total=True,
           formula=BLANK_IF + 'IF({tariff_applies}{r}="Y",{baseline}{r}*Assump_Tariff,0))'),
    Column("growth", "Activity growth", M, total=True,
           formula=BLANK_IF + 'IF({growth_applies}{r}="Y",{baseline}{r}*Assump_Growth,0))'),
    Column("plan", "2016/17 before QIPP", M, total=True,
           formula=BLANK_IF + "{baseline}{r}+{tariff}{r}+{growth}{r})"),
), key="category", capacity=40, min_rows=1)

INVESTMENT = Table("Investment", "Investments and cost pressures", "Inv", (
    _ref("I"),
    Column("name", "Investment or pressure", width=48, required=True, aliases=("Investment",
                                                                                 "Pressure")),
    Column("amount", "2016/17", M, total=True, required=True, aliases=("Amount", "Value"),
           non_negative=True),
    Column("recurrent", "Recurrent?", B, choices="YesNo", required=True),
), key="name", capacity=40)

QIPP = Table("QIPP", "QIPP savings schemes", "QIPP", (
    _ref("Q"),
    Column("name", "Scheme", width=40, required=True, aliases=("Scheme name",)),
    Column("workstream", "Workstream", E, choices="Workstreams", width=28),
    Column("pod", "POD", E, choices="POD", required=True, aliases=("Point of delivery",)),
    Column("provider", "Provider", width=16),
    Column("lever", "Lever", E, choices="Lever", required=True),
    Column("status", "Status", E, choices="Status", required=True),
    Column("recurrent", "Recurrent?", B, choices="YesNo", required=True),
    Column("gross_saving", "Gross saving", M, total=True, required=True, aliases=("Gross",),
           non_negative=True),
    Column("investment", "Investment", M, total=True, aliases=("Cost",), non_negative=True),
    Column("net_saving", "Net saving", M, total=True,
           formula=BLANK_IF + "{gross_saving}{r}-{investment}{r})"),
    Column("confidence", "Confidence %", P, required=True, low=0, high=1,
           aliases=("Confidence",)),
    Column("risk_adjusted", "Risk-adjusted", M, total=True,
           formula=BLANK_IF + "{net_saving}{r}*{confidence}{r})"),
    *month_columns(FIRST_YEAR, M),
    Column("phasing_check", "Phasing check", M,
           formula=BLANK_IF + "SUM({m1}{r}:{m12}{r})-{net_saving}{r})"),
    Column("activity_impact", "Activity impact", Kind.INT, aliases=("Activity",)),
    Column("first_year", "First year", Y, choices="Years", required=True),
    Column("last_year", "Last year", Y, choices="Years", required=True),
), key="name", capacity=500, min_rows=1,
    note="M1-M12: the net saving by month in £000; they should add up to the net saving.")

RISK = Table("Risk", "Financial risks", "Risk", (
    _ref("R"),
    Column("description", "Risk", width=48, required=True, aliases=("Description",)),
    Column("category", "Category", E, choices="RiskCategory", required=True),
    Column("owner", "Owner", width=20),
    Column("value", "Gross value", M, total=True, required=True, aliases=("Gross",),
           non_negative=True),
    Column("likelihood", "Likelihood (1-5)", Kind.INT, low=1, high=5, required=True,
           aliases=("Likelihood", "Probability (1-5)")),
    Column("impact", "Impact (1-5)", Kind.INT, low=1, high=5, required=True, aliases=("Impact",)),
    Column("score", "Score", Kind.INT, formula=BLANK_IF
           + "{likelihood}{r}*{impact}{r})"),
    Column("probability", "Probability", P, formula=BLANK_IF
           + "IFERROR(CHOOSE({likelihood}{r},0.05,0.25,0.5,0.75,0.95),0.5))"),
    Column("weighted", "Likely value", M, total=True,
           formula=BLANK_IF
           + 'IF({status}{r}="Closed",0,{value}{r}*{probability}{r}))'),
    Column("mitigation", "Mitigation", width=40),
    Column("mitigation_value", "Mitigation value", M, total=True, aliases=("Mitigation £000",),
           non_negative=True),
    Column("net", "Net value", M, total=True, formula=BLANK_IF
           + 'MAX({weighted}{r}-IF({status}{r}="Closed",0,{mitigation_value}{r}),0))'),
    Column("status", "Status", E, choices="RiskStatus", required=True),
    Column("workstream", "Workstream", E, choices="Workstreams", width=28),
    Column("scheme", "Scheme", E, choices="Schemes", width=28, aliases=("QIPP scheme",)),
    Column("review_date", "Review date", D, width=12),
), key="description", capacity=200)

WORKSTREAMS = Table("Workstreams", "Workstreams (programmes of change)", "WS", (
    _ref("W"),
    Column("name", "Workstream", width=44, required=True),
    Column("lead", "Lead", width=24),
    Column("sro", "SRO", width=24, aliases=("Senior responsible owner",)),
    Column("board", "Board", width=28),
    Column("footprint", "Footprint", E, choices="Footprint", required=True),
    Column("gaps", "STP gaps", width=50, aliases=("Gaps",)),
    Column("rag", "RAG", E, choices="RAG", required=True),
    Column("eia_done", "EIA done?", B, choices="YesNo"),
    Column("enabler", "Enabler?", B, choices="YesNo"),
), key="name", capacity=50, unit="", min_rows=1,
    note="STP gaps: any of Health & wellbeing; Care & quality; Finance & efficiency.")

MILESTONES = Table("Milestones", "Workstream milestones", "MS", (
    Column("workstream", "Workstream", E, choices="Workstreams", width=44, required=True),
    Column("name", "Milestone", width=48, required=True),
    Column("due", "Due", D, width=12, required=True),
    Column("done", "Done?", B, choices="YesNo"),
), key="name", capacity=300, unit="")

BCF = Grid("BCF", "Better Care Fund contribution", ("2016/17",), (
    GridRow("B01", "CCG minimum contribution", cells={"2016/17": ""}),
    GridRow("B02", "Additional CCG contribution", cells={"2016/17": ""}),
    GridRow("B03", "Total CCG contribution to the pooled fund",
            formulas={"2016/17": "=SUM(C{B01}:C{B02})"}, bold=True),
), note="Kept in the workbook; the plan does not hold these figures.")

CONTRACTS = Table("Contracts", "Contract value triangulation", "Con", (
    Column("_provider_code", "Provider code", width=12),
    Column("_provider", "Provider", width=36),
    Column("_ccg_value", "CCG contract value", M, total=True),
    Column("_provider_value", "Provider contract value", M, total=True),
    Column("_variance", "Variance", M, total=True,
           formula=BLANK_IF + "{_ccg_value}{r}-{_provider_value}{r})"),
    Column("_status", "Status", E, choices="ContractStatus"),
), key="_provider", capacity=30, note="Kept in the workbook; the plan does not hold contracts.")

FINANCE = TemplateSpec(
    template_id="finance_2016_17",
    kind="finance",
    title="2016/17 Finance Plan",
    version=VERSION,
    first_year=FIRST_YEAR,
    cover=cover_rows("finance_2016_17", VERSION, FIRST_YEAR, (
        CoverRow("Last plan year", "last_year", Kind.YEAR, name="LastYear", choices="Years",
                 required=True),
        CoverRow("Plan name", "plan_name", name="PlanName"),
    )),
    sheets=(SUMMARY, ALLOCATIONS, ASSUMPTIONS, EXPENDITURE, INVESTMENT, QIPP, RISK, WORKSTREAMS,
            MILESTONES, BCF, CONTRACTS),
    lists={
        "Submission": SUBMISSION,
        "YesNo": YES_NO,
        "Years": YEARS,
        "Status": tuple(s.value for s in SchemeStatus),
        "POD": tuple(p.value for p in PointOfDelivery),
        "Lever": tuple(v.value for v in Lever),
        "RiskCategory": tuple(c.value for c in RiskCategory),
        "RiskStatus": tuple(s.value for s in RiskStatus),
        "Footprint": tuple(f.value for f in Footprint),
        "RAG": tuple(r.value for r in Rag),
        "ContractStatus": ("Agreed", "In dispute", "Arbitration"),
    },
    dynamic_lists={"Workstreams": ("Workstreams", "name"), "Schemes": ("QIPP", "name")},
    verified="sheet names (2014/15 sections), £000 units, yellow input colour, drop-downs",
)
