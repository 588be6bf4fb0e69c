"""SRG operational resilience 2016/17: `srg_resilience_2016_17` (templates.md §10.3).

Verified: the template existed (Annex 1 Part C) to assure year-round capacity. Inferred:
everything about the layout; one demand-and-capacity block for the main acute provider.
"""

from __future__ import annotations

from workbench.templates.layouts.common import (
    SUBMISSION,
    YES_NO,
    cover_rows,
    month_dates,
    month_label,
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
MONTHS = tuple(month_label(d) for d in month_dates(FIRST_YEAR))
N, P = Kind.NUMBER, Kind.PERCENT
_ALL = ("2015/16 outturn", *MONTHS)


def _metric(code: str, label: str, unit: str, kind: Kind = N) -> GridRow:
    return GridRow(code, label, kind, cells={h: "" for h in _ALL}, unit=unit, required=True,
                   non_negative=True)


DEMAND = Grid("Demand and Capacity", "Demand and capacity by month (main acute provider)",
              ("Unit", *_ALL), (
                  _metric("D01", "A&E attendances (all types)", "attendances"),
                  _metric("D02", "A&E 4-hour performance", "%", P),
                  _metric("D03", "Non-elective admissions", "admissions"),
                  _metric("D04", "G&A core beds available", "beds"),
                  _metric("D05", "G&A escalation beds available", "beds"),
                  _metric("D06", "G&A beds occupied", "beds"),
                  GridRow("D07", "Bed occupancy", P, unit="%", formulas={
                      h: "=IF(({c}{D04}+{c}{D05})=0,0,{c}{D06}/({c}{D04}+{c}{D05}))"
                      for h in _ALL}),
                  _metric("D08", "Delayed transfers of care (delayed days)", "days"),
                  _metric("D09", "DTOC % of occupied bed days", "%", P),
                  _metric("D10", "Elective admissions planned", "admissions"),
              ), unit="as shown", label_width=44,
              note="Provider code: on the Cover. Bed occupancy is calculated.")

AREAS = (
    ("Winter and surge plan", "Agreed system winter plan with surge triggers"),
    ("Escalation framework", "Whole-system escalation levels and actions agreed"),
    ("Seven-day discharge", "Discharge and social care assessment seven days a week"),
    ("NHS 111 and out of hours", "Integrated NHS 111 and out-of-hours capacity"),
    ("Delayed transfers of care", "DTOC reduction plan with partners"),
    ("Mental health crisis care", "Crisis care concordat actions in place"),
    ("Flu and norovirus", "Staff flu vaccination and outbreak plans"),
    ("Ambulance handover", "Handover within 15 minutes; no 60-minute delays"),
)
CHECKLIST = Table("Resilience Checklist", "Resilience deliverables", "Res", (
    Column("area", "Area", prefill=tuple(a for a, _ in AREAS), width=28),
    Column("deliverable", "Deliverable", prefill=tuple(d for _, d in AREAS), width=50),
    Column("in_place", "In place?", Kind.ENUM, choices="InPlace", required=True),
    Column("rag", "RAG", Kind.ENUM, choices="RAG", required=True),
    Column("evidence", "Evidence / action", width=50),
    Column("owner", "Owner", width=20),
    Column("date", "Date", Kind.DATE, width=12),
), key="area", capacity=len(AREAS), unit="")

RESILIENCE = TemplateSpec(
    template_id="srg_resilience_2016_17",
    kind="resilience",
    title="2016/17 SRG Operational Resilience",
    version=VERSION,
    first_year=FIRST_YEAR,
    cover=cover_rows("srg_resilience_2016_17", VERSION, FIRST_YEAR, (
        CoverRow("SRG name", "srg_name", name="SrgName", required=True),
        CoverRow("Main acute provider code", "provider_code", name="ProviderCode",
                 required=True),
        CoverRow("Member organisations", "members", name="Members"),
    )),
    sheets=(DEMAND, CHECKLIST),
    lists={"Submission": SUBMISSION, "YesNo": YES_NO, "InPlace": ("Yes", "No", "Partial"),
           "RAG": ("Red", "Amber", "Green")},
    verified="existence and purpose only",
)
