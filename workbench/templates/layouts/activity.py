"""Activity plan 2016/17: `activity_2016_17` (templates.md §10.1).

Verified: measure codes and labels E.M.7-E.M.14 (TD16), spells not FFCEs, months Apr-Mar,
standards' thresholds (§6). Inferred: the sheet layout, the column set, which lines a CCG
fills, one row per provider and measure (§10.1's optional provider breakdown), and our own
sub-codes E.M.7.gp, E.M.7.oth and E.M.12.t1.
"""

from __future__ import annotations

from workbench.domain.activity import ImpactRule, Profile
from workbench.templates.layouts.common import (
    SUBMISSION,
    YES_NO,
    cover_rows,
    month_columns,
    month_dates,
    month_label,
)
from workbench.templates.layouts.spec import Column, Grid, GridRow, Kind, Table, TemplateSpec

FIRST_YEAR = 2016
VERSION = 1
MONTHS = tuple(month_label(d) for d in month_dates(FIRST_YEAR))
N = Kind.NUMBER

MEASURES = (  # code, label, unit, parts (a total's components; informative)
    ("E.M.7", "Total referrals for a first outpatient appointment (G&A)", "referrals",
     ("E.M.7.gp", "E.M.7.oth")),
    ("E.M.7.gp", "of which GP referrals (G&A)", "referrals", ()),
    ("E.M.7.oth", "of which other referrals (G&A)", "referrals", ()),
    ("E.M.8", "Consultant-led first outpatient attendances (specific acute)", "attendances", ()),
    ("E.M.9", "Consultant-led follow-up outpatient attendances (specific acute)", "attendances",
     ()),
    ("E.M.10", "Total elective spells (specific acute)", "spells", ("E.M.10.a", "E.M.10.b")),
    ("E.M.10.a", "of which ordinary elective spells", "spells", ()),
    ("E.M.10.b", "of which day case elective spells", "spells", ()),
    ("E.M.11", "Total non-elective spells (specific acute)", "spells", ()),
    ("E.M.12", "A&E attendances excluding planned follow-ups (all types)", "attendances", ()),
    ("E.M.12.t1", "of which type 1 A&E attendances", "attendances", ()),
    ("E.M.13", "Endoscopy activity", "tests", ()),
    ("E.M.14", "Diagnostic activity excluding endoscopy", "tests", ()),
)
ACTIVITY_PLAN = Table("Activity Plan", "Commissioner monthly profiled activity plan", "Act", (
    Column("provider", "Provider code", width=10, required=True),
    Column("provider_name", "Provider name", width=16),
    Column("code", "Code", Kind.ENUM, choices="Measures", width=11, required=True),
    Column("_measure", "Measure", width=44, formula='=IFERROR(INDEX(List_MeasureNames,'
           'MATCH({code}{r},List_Measures,0)),"")'),
    Column("_unit", "Unit", width=11, formula='=IFERROR(INDEX(List_MeasureUnits,'
           'MATCH({code}{r},List_Measures,0)),"")'),
    Column("baseline", "2015/16 FOT", N, required=True, aliases=("2015/16 outturn",),
           non_negative=True),
    Column("growth", "Growth assumption %", Kind.PERCENT, aliases=("Growth assumption",)),
    Column("plan", "2016/17 Plan", N, total=True, required=True, aliases=("Plan",),
           non_negative=True),
    Column("growth_pct", "Growth %", Kind.PERCENT,
           formula='=IF(OR({key}{r}="",N({baseline}{r})=0),"",{plan}{r}/{baseline}{r}-1)'),
    *month_columns(FIRST_YEAR, N, numbered=False, width=9, non_negative=True),
    Column("total", "Total", N, total=True, formula='=IF({key}{r}="","",SUM({m1}{r}:{m12}{r}))'),
    Column("check", "Check", N, formula='=IF({key}{r}="","",{total}{r}-{plan}{r})'),
    Column("profile", "Profile", Kind.ENUM, choices="Profiles", width=16),
    Column("impact_rule", "Scheme impact", Kind.ENUM, choices="ImpactRules", width=22),
    Column("note", "Note", width=40),
), key="code", capacity=200, unit="count", min_rows=1,
    note="One row per provider and measure. Check: Total less the annual plan; must be 0.")

JOINT_PLAN = Table("Joint Plan", "Joint planning return (commissioner and provider)", "Joint", (
    Column("provider_code", "Provider code", width=12, required=True),
    Column("provider", "Provider name", width=36),
    Column("code", "Code", Kind.ENUM, choices="Measures", width=12, required=True),
    Column("commissioner_plan", "Commissioner plan", N, total=True, required=True,
           non_negative=True),
    Column("provider_plan", "Provider plan", N, total=True, required=True, non_negative=True),
    Column("variance", "Variance", N, total=True,
           formula='=IF({key}{r}="","",{commissioner_plan}{r}-{provider_plan}{r})'),
    Column("variance_pct", "Variance %", Kind.PERCENT,
           formula='=IF(OR({key}{r}="",N({provider_plan}{r})=0),"",'
                   '{variance}{r}/{provider_plan}{r})'),
), key="provider_code", capacity=100, unit="count", identity=("code",))

STANDARDS = (  # code (ours), standard, threshold, unit
    ("T01", "A&E: seen within 4 hours", 0.95, "%"),
    ("T02", "RTT: incomplete pathways within 18 weeks", 0.92, "%"),
    ("T03", "Diagnostics: waiting under 6 weeks", 0.99, "%"),
    ("T04", "Cancer: 2-week wait from urgent GP referral", 0.93, "%"),
    ("T05", "Cancer: 31 days decision to first treatment", 0.96, "%"),
    ("T06", "Cancer: 62 days urgent referral to first treatment", 0.85, "%"),
    ("T07", "Ambulance Category A (Red 1 and 2) within 8 minutes", 0.75, "%"),
    ("T08", "IAPT access rate", 0.15, "%"),
    ("T09", "IAPT recovery rate", 0.50, "%"),
    ("T10", "Early intervention in psychosis within 2 weeks", 0.50, "%"),
    ("T11", "Dementia diagnosis rate", 0.667, "%"),
    ("T12", "Delayed transfers of care, % of occupied bed days", 0.035, "%"),
)
TRAJECTORIES = Grid("Trajectories", "Trajectories to the standards",
                    ("Threshold", "Unit", *MONTHS, "Year end"), tuple(
                        GridRow(code, label, Kind.PERCENT, values={"Threshold": threshold},
                                cells={h: "" for h in (*MONTHS, "Year end")}, unit=unit)
                        for code, label, threshold, unit in STANDARDS),
                    unit="% unless shown", label_width=52,
                    note="Threshold: the national standard (DTOC: the local 3.5% ambition).")

ACTIVITY = TemplateSpec(
    template_id="activity_2016_17",
    kind="activity",
    title="2016/17 Activity Plan",
    version=VERSION,
    first_year=FIRST_YEAR,
    cover=cover_rows("activity_2016_17", VERSION, FIRST_YEAR),
    sheets=(ACTIVITY_PLAN, JOINT_PLAN, TRAJECTORIES),
    lists={"Submission": SUBMISSION, "YesNo": YES_NO,
           "Measures": tuple(m[0] for m in MEASURES),
           "MeasureNames": tuple(m[1] for m in MEASURES),
           "MeasureUnits": tuple(m[2] for m in MEASURES),
           "Profiles": tuple(p.value for p in Profile),
           "ImpactRules": tuple(r.value for r in ImpactRule)},
    verified="measure codes and labels (TD16), thresholds (§6), month order",
)
