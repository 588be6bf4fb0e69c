"""The columns of the workstreams, savings schemes and risks tables (fields from domain.md)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from workbench.domain import enums
from workbench.domain.edits import EntityKind
from workbench.domain.enums import Gap
from workbench.domain.plan import CostPressure, SpendLine
from workbench.domain.risks import Risk
from workbench.domain.schemes import SavingsScheme
from workbench.domain.workstreams import Workstream
from workbench.ui.tables import columns as c
from workbench.ui.tables.activity_columns import ACTIVITY_COLUMNS, new_activity_line
from workbench.ui.tables.columns import ColumnSpec
from workbench.ui.tables.figures import FigureGetter
from workbench.ui.tables.parsing import format_money, format_percent


def _gaps_parse(text: str, _ctl) -> frozenset[Gap]:
    parts = [t.strip() for t in text.replace(";", ",").split(",") if t.strip()]
    return frozenset(Gap.parse(part) for part in parts)


# The workstreams table's: the net saving of its schemes in the plan year on show (each
# window puts its own in place, ui/years; blank until then).
# Not totalled (its own format, not format_money): the workstreams' sum would leave out the
# schemes in no workstream, and read as the year's saving when it is not.
YEAR_WORKSTREAM_SAVING = dataclasses.replace(c.derived_money(
    "Saving in year", lambda _row, _ctl: None,
    "The net saving of the workstream's schemes in the plan year on show (the Plan year "
    "selector), from the planning engine's five-year results"), width=130,
    format=lambda value: format_money(value))

WORKSTREAM_COLUMNS = [
    c.name("Workstream", "name", 260),
    c.choice("RAG", "rag", enums.Rag, 70),
    YEAR_WORKSTREAM_SAVING,
    c.text("Lead", "lead"),
    c.text("SRO", "sro", tooltip="Senior responsible owner"),
    c.text("Governance board", "board", 180),
    c.choice("Footprint", "footprint", enums.Footprint, 90,
             tooltip="Local, or on the wider alliance footprint"),
    ColumnSpec("Gaps addressed", lambda r, _c: ", ".join(sorted(g.value for g in r.gaps)),
               "gaps", _gaps_parse, width=260,
               tooltip="Health & wellbeing, Care & quality, Finance & efficiency, "
               "comma-separated"),
    c.boolean("EIA done", "eia_done", "Equality impact assessment completed"),
    c.boolean("Enabler", "enabler", "An enabling workstream (IM&T, estates, workforce)"),
    ColumnSpec("Milestones", lambda r, _c: len(r.milestones), format=lambda n: f"{n}",
               align=c.RIGHT, width=90, tooltip="Number of milestones"),
    c.source(),
]


def _figure(table: str, column: str, convert=float) -> FigureGetter:
    """A per-row figure from the engine's results (results.<table>.at[row id, column])."""
    return FigureGetter(table, column, missing=convert(0), convert=convert)


def _scheme_figure(column: str):
    return _figure("scheme_figures", column)


# Each window puts its own in its place, following the plan year on show (ui/years).
YEAR_SAVING = dataclasses.replace(c.derived_money(
    "Saving in year", _scheme_figure("net"),
    "The scheme's net saving in the plan year on show (the Plan year selector), from the "
    "planning engine's five-year results"), width=130)

SCHEME_COLUMNS = [  # the money and status first: they fit a laptop without scrolling
    c.name("Scheme", "name", 250),
    c.choice("Status", "status", enums.SchemeStatus, 110),
    c.money("Gross saving", "gross_saving", "Full saving in the first plan year, pounds"),
    c.money("Investment", "investment", "Cost of delivering the scheme, pounds"),
    ColumnSpec("Net saving", lambda r, _c: r.net_saving, format=c.p.format_money,
               align=c.RIGHT, width=110, tooltip="Gross saving less investment", derived=True),
    c.percent("Confidence", "confidence", tooltip="Chance of delivery, 0-100%"),
    c.derived_money("Risk-adjusted", _scheme_figure("risk_adjusted"),
                    "Net saving × confidence, from the planning engine"),
    YEAR_SAVING,
    c.boolean("Recurrent", "recurrent"),
    c.link("Workstream", "workstream_id", "workstreams", "name", 240),
    c.text("Provider", "provider", 120),
    c.choice("POD", "pod", enums.PointOfDelivery, 110, tooltip="Point of delivery"),
    c.choice("Lever", "lever", enums.Lever, 150),
    c.integer("Activity impact", "activity_impact", tooltip="Activity avoided, e.g. admissions",
              width=100),
    c.year("From", "first_year"),
    c.year("To", "last_year"),
    c.source(),
]


def _risk_figure(column: str):
    return _figure("risk_figures", column)


RISK_COLUMNS = [  # status and figures before the descriptive text: they fit a laptop
    c.name("Risk", "description", 270),
    c.choice("Status", "status", enums.RiskStatus, 100),
    c.money("Value", "value", "Gross financial value if the risk materialises, pounds"),
    c.integer("Likelihood", "likelihood", 1, 5, "1 rare … 5 almost certain"),
    c.integer("Impact", "impact", 1, 5, "1 negligible … 5 catastrophic"),
    ColumnSpec("Score", _figure("risk_figures", "score", lambda v: int(float(v))), align=c.CENTRE,
               width=60, tooltip="Likelihood × impact (5×5 matrix)", derived=True),
    ColumnSpec("Probability", _risk_figure("probability"), format=format_percent,
               align=c.RIGHT, width=90, derived=True,
               tooltip="The likelihood score as a probability, from the planning engine"),
    c.derived_money("Weighted", _risk_figure("weighted"), "Value × probability"),
    c.money("Mitigation value", "mitigation_value"),
    c.derived_money("Net", _risk_figure("net"), "Weighted value less mitigation"),
    c.text("Owner", "owner", 150),
    c.choice("Category", "category", enums.RiskCategory, 120),
    c.date("Review date", "review_date"),
    c.text("Mitigation", "mitigation", 260),
    c.link("Linked scheme", "scheme_id", "schemes", "name", 200),
    c.source(),
]

SPEND_LINE_COLUMNS = [
    c.name("Programme", "category", 190),
    c.money("Baseline", "baseline", "Last year's recurrent outturn, pounds"),
    c.boolean("Tariff", "tariff_applies", "Tariff uplift applies to this line"),
    c.boolean("Growth", "growth_applies", "Activity growth applies to this line"),
    c.source(),
]

PRESSURE_COLUMNS = [
    c.name("Investment or pressure", "name", 230),
    c.money("Amount", "amount"),
    c.boolean("Recurrent", "recurrent"),
    c.source(),
]

COLUMNS: dict[EntityKind, list[ColumnSpec]] = {
    EntityKind.WORKSTREAM: WORKSTREAM_COLUMNS,
    EntityKind.SCHEME: SCHEME_COLUMNS,
    EntityKind.RISK: RISK_COLUMNS,
    EntityKind.SPEND_LINE: SPEND_LINE_COLUMNS,
    EntityKind.PRESSURE: PRESSURE_COLUMNS,
    EntityKind.ACTIVITY_LINE: ACTIVITY_COLUMNS,
}


def new_row(kind: EntityKind, ctl) -> object:
    """A sensible default row for 'Add row'."""
    if kind is EntityKind.WORKSTREAM:
        return Workstream(None, "New workstream")
    if kind is EntityKind.SCHEME:
        year = ctl.plan.first_year.start
        return SavingsScheme(None, "New scheme", first_year=year, last_year=year,
                             confidence=Decimal("0.5"))
    if kind is EntityKind.SPEND_LINE:
        return SpendLine(None, "New spend line", Decimal(0))
    if kind is EntityKind.PRESSURE:
        return CostPressure(None, "New pressure", Decimal(0))
    if kind is EntityKind.ACTIVITY_LINE:
        return new_activity_line(ctl)
    return Risk(None, "New risk")
