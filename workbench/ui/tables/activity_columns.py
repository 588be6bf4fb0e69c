"""The activity plan grid: one row per line, its drivers, then April..March.

A month cell shows the engine's value; typing replaces it with an override (marked, with
the profiled value in its tooltip) and clearing the cell returns it to the profile.
Planned totals and scheme impact are the engine's, never computed here.
"""

from __future__ import annotations

from decimal import Decimal

from workbench.domain.activity import ActivityLine, ImpactRule, Measure, Profile
from workbench.domain.periods import MONTHS_IN_YEAR, month_label, short_month
from workbench.ui.plan_controller import PlanController
from workbench.ui.tables import columns as c
from workbench.ui.tables import parsing as p
from workbench.ui.tables.columns import ColumnSpec
from workbench.ui.tables.figures import FigureGetter


def _figure(name: str) -> FigureGetter:
    return FigureGetter("activity.figures", name)


def _month(index: int) -> ColumnSpec:
    value = FigureGetter("activity.monthly", index)
    profiled = FigureGetter("activity.profiled", index)

    def merge(row: ActivityLine, typed: Decimal | None) -> dict[int, Decimal]:
        kept = {m: v for m, v in row.overrides.items() if m != index}
        return kept if typed is None else dict(sorted({**kept, index: typed}.items()))

    def mark(row: ActivityLine, ctl: PlanController) -> str | None:
        if index not in row.overrides:
            return None
        was = profiled(row, ctl)
        return (f"Typed by you; the profile gives {p.format_count(was)}. "
                "Delete clears it back to the profile.")

    label = short_month(month_label(2016, index)).split()[0]
    return ColumnSpec(
        label, value, "overrides", lambda t, _c: p.parse_count(t), p.format_count,
        edit_text=lambda v: "" if v is None else f"{float(v):.0f}", align=c.RIGHT, width=72,
        tooltip=f"{label}: the profiled plan, or the value you typed (marked)",
        merge=merge, mark=mark,
    )


def _count(header: str, field: str, tooltip: str) -> ColumnSpec:
    return ColumnSpec(header, c.attr(field), field,
                      lambda t, _c: p.parse_count(t) or Decimal(0), p.format_count,
                      edit_text=c.plain_decimal, align=c.RIGHT, width=100, tooltip=tooltip)


def _derived_count(header: str, name: str, tooltip: str) -> ColumnSpec:
    return ColumnSpec(header, _figure(name), format=p.format_count, align=c.RIGHT, width=100,
                      tooltip=tooltip, derived=True)


_OVERRIDE_DELTA, _PLANNED = _figure("override_delta"), _figure("planned")


def _months_off_plan(row: ActivityLine, ctl: PlanController) -> str | None:
    """Why the months total is marked: the typed months no longer add up to the plan."""
    delta = _OVERRIDE_DELTA(row, ctl)
    if delta is None or abs(float(delta)) < 0.5:
        return None
    planned = _PLANNED(row, ctl)
    return (f"The months add up to {p.format_count(float(planned) + float(delta))}, not the "
            f"planned {p.format_count(planned)} ({float(delta):+,.0f}): the typed months "
            "leave no month free to make up the difference. Delete on a typed month "
            "returns it to the profile.")


ACTIVITY_COLUMNS = [
    c.choice("Measure", "measure", Measure, 260),
    ColumnSpec("Code", lambda r, _c: r.measure.info.code, width=80,
               tooltip="NHS England planning measure code"),
    c.text("Provider", "provider", 80, "Provider code, e.g. RTH"),
    c.year("Year", "year"),
    _count("Baseline (FOT)", "baseline", "Last year's forecast outturn, the year's total"),
    c.percent("Growth", "growth", "-0.5", "0.5", "Growth on the baseline, e.g. 1.9%"),
    c.choice("Profile", "profile", Profile, 150),
    c.choice("Scheme impact from", "impact_rule", ImpactRule, 170),
    _derived_count("Scheme impact", "scheme_impact", "Activity the linked schemes take off"),
    _derived_count("Planned", "planned", "Baseline × (1 + growth) − scheme impact"),
    *(_month(i) for i in range(MONTHS_IN_YEAR)),
    ColumnSpec("Months total", _figure("months_total"), format=p.format_count, align=c.RIGHT,
               width=100, tooltip="The months as shown, overrides included", derived=True,
               mark=_months_off_plan),
    _derived_count("Actual to date", "actual_total", "Sum of the actual months entered"),
    c.text("Note", "note", 260),
    c.source(),
]


def new_activity_line(ctl: PlanController) -> ActivityLine:
    plan = ctl.plan
    return ActivityLine(None, Measure.GP_REFERRALS, "", Decimal(0),
                        growth=plan.drivers.activity_growth_pct, year=plan.first_year.start,
                        profile=Profile.WORKING_DAYS, impact_rule=ImpactRule.MATCHING_POD)
