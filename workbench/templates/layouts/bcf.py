"""Better Care Fund 2016/17: `bcf_2016_17` (templates.md §10.4, §5).

Verified: title "Better Care Fund 2016-17 Planning Template", a first sheet "Guidance", the
four national metrics, numeric inputs 0-100,000,000, a checklist of required fields.
Inferred: all other sheet captions and every cell position; money here is £, not £000.
"""

from __future__ import annotations

from workbench.templates.layouts.common import SUBMISSION, YES_NO, cover_rows
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
N, P, E = Kind.NUMBER, Kind.PERCENT, Kind.ENUM
QUARTERS = ("Q1", "Q2", "Q3", "Q4")

FUNDING = Grid("Funding Sources", "Funding sources", ("Organisation code", "2016/17 £",
                                                      "Pooled? (Y/N)"), tuple(
    GridRow(code, label, N, cells={"Organisation code": "", "2016/17 £": "", "Pooled? (Y/N)": ""},
            required=code == "F01", non_negative=True)
    for code, label in (("F01", "CCG minimum contribution"), ("F02", "Additional CCG contribution"),
                        ("F03", "Local authority contribution"),
                        ("F04", "Disabled Facilities Grant"), ("F05", "Other contribution"))
) + (GridRow("F06", "Total", formulas={"2016/17 £": "=SUM(D{F01}:D{F05})"}, bold=True),),
    unit="£", kinds={"Organisation code": Kind.TEXT, "Pooled? (Y/N)": Kind.BOOL},
    choices={"Pooled? (Y/N)": "YesNo"})

EXPENDITURE = Table("Expenditure Plan", "Expenditure plan by scheme", "BCFExp", (
    Column("scheme_id", "Scheme ID", width=10),
    Column("name", "Scheme name", width=40, required=True),
    Column("scheme_type", "Scheme type", E, choices="SchemeType", width=26, required=True),
    Column("area", "Area of spend", E, choices="AreaOfSpend", width=22, required=True),
    Column("commissioner", "Commissioner", E, choices="Commissioner", required=True),
    Column("provider", "Provider", width=22),
    Column("source", "Source of funding", E, choices="Source", width=22, required=True),
    Column("new_or_existing", "New or existing", E, choices="NewExisting"),
    Column("expenditure", "2016/17 expenditure £", N, total=True, low=0, high=100_000_000,
           required=True),
), key="name", capacity=100, unit="£")

_Q = {q: "" for q in QUARTERS}
_TOTAL = {"Total": "=SUM(C{r}:F{r})"}
METRICS = Grid("Metrics", "Non-elective admissions (general and acute)", (*QUARTERS, "Total"), (
    GridRow("NEA1", "Baseline (expected before schemes)", N, cells=_Q, formulas=_TOTAL,
            required=True, non_negative=True),
    GridRow("NEA2", "Plan (2016/17)", N, cells=_Q, formulas=_TOTAL, required=True,
            non_negative=True),
    GridRow("NEA3", "Reduction", N, formulas={h: "={c}{NEA1}-{c}{NEA2}"
                                              for h in (*QUARTERS, "Total")}),
    GridRow("NEA4", "Reduction %", P, formulas={h: "=IF({c}{NEA1}=0,0,{c}{NEA3}/{c}{NEA1})"
                                                for h in (*QUARTERS, "Total")}),
), unit="admissions")

_ANNUAL = {h: "" for h in ("Baseline", "Plan", "Numerator", "Denominator")}
SUPPORTING = Grid("Supporting Metrics", "Other national metrics",
                  ("Baseline", "Plan", "Numerator", "Denominator"), (
                      GridRow("SM1", "Permanent admissions 65+ to care homes per 100,000", N,
                              cells=_ANNUAL, required=True, non_negative=True),
                      GridRow("SM2", "Reablement: 65+ at home 91 days after discharge", P,
                              cells=_ANNUAL, required=True, non_negative=True),
                      GridRow("SM3", "Delayed transfers of care: delayed days per 100,000 18+",
                              N, cells=_ANNUAL, required=True, non_negative=True),
                  ), unit="as shown", label_width=56,
                  kinds={"Numerator": N, "Denominator": N})

CONDITIONS = ("Plans jointly agreed", "Maintain provision of social care services",
              "Seven-day services to support discharge", "Better data sharing (NHS number)",
              "Joint approach to assessments and care planning",
              "Agreement on the impact on providers", "Invest in NHS-commissioned out-of-hospital "
              "services", "Action plan to reduce delayed transfers of care")
NATIONAL = Table("National Conditions", "National conditions", "Cond", (
    Column("condition", "Condition", prefill=CONDITIONS, width=50),
    Column("met", "Met?", E, choices="Met", width=18, required=True),
    Column("planned_date", "Planned date", Kind.DATE, width=12),
    Column("commentary", "Commentary", width=60),
), key="condition", capacity=len(CONDITIONS), unit="")

BCF = TemplateSpec(
    template_id="bcf_2016_17",
    kind="bcf",
    title="Better Care Fund 2016-17 Planning Template",
    version=VERSION,
    first_year=FIRST_YEAR,
    cover=cover_rows("bcf_2016_17", VERSION, FIRST_YEAR, (
        CoverRow("Health and Wellbeing Board", "hwb", name="HwbName", required=True),
        CoverRow("HWB code", "hwb_code", name="HwbCode"),
        CoverRow("Local authority", "local_authority", name="LocalAuthority", required=True),
        CoverRow("CCGs in the HWB area", "ccgs", name="Ccgs"),
        CoverRow("HWB sign-off date", "signed_off", Kind.DATE, name="HwbSignOff"),
    )),
    sheets=(FUNDING, EXPENDITURE, METRICS, SUPPORTING, NATIONAL),
    lists={"Submission": SUBMISSION, "YesNo": YES_NO,
           "SchemeType": ("Assistive technologies", "Care navigation", "Carers services",
                          "Community based schemes", "DFG related schemes",
                          "Enablers for integration", "Integrated care planning",
                          "Intermediate care services", "Personalised care at home",
                          "Reablement", "Residential placements", "Other"),
           "AreaOfSpend": ("Social care", "Community health", "Acute", "Mental health",
                           "Primary care", "Continuing care", "Other"),
           "Commissioner": ("CCG", "Local authority", "Joint"),
           "Source": ("CCG minimum contribution", "Additional CCG contribution",
                      "Local authority contribution", "Disabled Facilities Grant", "Other"),
           "NewExisting": ("New", "Existing"),
           "Met": ("Yes", "No", "No - in progress")},
    verified="title, Guidance sheet, national metrics, input limits, checklist convention",
    guidance=(
        "This template collects the Better Care Fund plan's finance and activity figures "
        "and the national conditions; the narrative plan is sent separately. Read it with "
        "Annex 4 of the planning guidance (Better Care Fund Planning Requirements 2016-17).",
        "Yellow cells are for your input; grey cells are pre-populated; blue cells are "
        "calculated. Pick values from the drop-down lists where offered. Money is in pounds.",
        "The Checklist sheet shows which required fields are still empty; the template is "
        "complete when its status reads 'Complete Template'.",
        "This workbook is a reproduction made by Planning Workbench; its layout is inferred.",
    ),
)
