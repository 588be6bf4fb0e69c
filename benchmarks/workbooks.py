"""Template workbooks for the benchmark: the shipped layouts with room for a large plan.

The shipped Finance template has input rows for 500 schemes, 200 risks and 50 workstreams,
and the Activity template 200 lines; the exporter refuses a plan that needs more and tells
the user to add input rows. A user with a large plan does exactly that, so the benchmark
builds the same layout with every table's input rows raised to what the plan needs (never
below the shipped number) and exports into that copy.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from workbench.domain.plan import Plan
from workbench.templates.layouts.registry import spec_for
from workbench.templates.layouts.spec import Table, TemplateSpec
from workbench.templates.pipeline.exporter import export_template
from workbench.templates.workbook.builder import build, save_reproducibly

KINDS = ("finance", "activity")
HEADROOM = 10  # spare input rows beyond the plan's rows, as a user would leave


def rows_needed(plan: Plan, kind: str) -> dict[str, int]:
    """Rows each table of `kind` must hold for `plan` (tables not listed keep their size)."""
    if kind == "finance":
        milestones = sum(len(w.milestones) for w in plan.workstreams)
        return {"QIPP": len(plan.schemes), "Risk": len(plan.risks),
                "Workstreams": len(plan.workstreams), "Milestones": milestones,
                "Expenditure": len(plan.spend_lines), "Investment": len(plan.pressures)}
    first_year = spec_for(kind).first_year
    lines = [x for x in plan.activity_lines if x.year == first_year]
    # the Joint Plan has a row per provider and measure (templates/activity/kept_sheets.py)
    joint = {f"{x.provider.strip()} {x.measure.info.code}".casefold()
             for x in lines if x.provider.strip()}
    return {"Activity Plan": len(lines), "Joint Plan": len(joint)}


def roomy_spec(plan: Plan, kind: str) -> TemplateSpec:
    spec = spec_for(kind)
    needed = rows_needed(plan, kind)
    sheets = tuple(
        dataclasses.replace(s, capacity=max(s.capacity, needed[s.sheet] + HEADROOM))
        if isinstance(s, Table) and s.sheet in needed else s
        for s in spec.sheets
    )
    return dataclasses.replace(spec, sheets=sheets)


def roomy_template(plan: Plan, kind: str, folder: Path) -> Path:
    """Build the `kind` template with room for `plan` into `folder`; returns its path."""
    spec = roomy_spec(plan, kind)
    path = folder / f"{spec.template_id}-roomy.xlsx"
    save_reproducibly(build(spec), path)
    return path


def export(plan: Plan, kind: str, out: Path, into: Path) -> Path:
    """export_template as the GUI calls it (the Activity template takes the plan's lines)."""
    return export_template(plan, kind, out, into=into)
