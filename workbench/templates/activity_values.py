"""The Activity workbook's Trajectories sheet and Cover fields as the plan's template values.

The rows the plan models (the standards it has a planned % path for) are exported from
the plan, month-end values, and on import compared with it; every other cell a user types
there (another standard's path, the Cover's contact and version) is kept as a template
value of the "activity" template, so it round-trips instead of being dropped.
"""

from __future__ import annotations

import dataclasses

from workbench.domain.plan import Plan
from workbench.domain.trajectories import Trajectory, Unit
from workbench.templates import plan_figures as pf
from workbench.templates.findings import Findings
from workbench.templates.sheets import WorkbookData
from workbench.templates.spec import Grid, TemplateSpec
from workbench.templates.template_inputs import read_inputs
from workbench.templates.template_values_io import (
    CellKey,
    ValuesRead,
    export_values,
    held_values,
    kept_values,
)
from workbench.templates.writer import Filler

SHEET = "Trajectories"
STANDARD_OF_ROW = {"T01": "AE_4HR", "T02": "RTT_INCOMPLETE", "T03": "DIAGNOSTICS_6WK",
                   "T04": "CANCER_2WW", "T05": "CANCER_31D", "T06": "CANCER_62D",
                   "T08": "IAPT_ACCESS", "T09": "IAPT_RECOVERY", "T10": "EIP_2WK",
                   "T11": "DEMENTIA_DX", "T12": "DTOC_OBD"}  # T07: no bundled standard


def values_spec(spec: TemplateSpec) -> TemplateSpec:
    """The part of the Activity spec held as template values: Cover and Trajectories."""
    return dataclasses.replace(spec, sheets=(spec.grid(SHEET),))


def figures(plan: Plan, spec: TemplateSpec) -> dict[CellKey, object]:
    """The Trajectories cells the plan fills: each standard's planned path by month-end
    (the plan's path for the whole area, else its first provider's) and the year end."""
    grid: Grid = spec.grid(SHEET)
    out: dict[CellKey, object] = {}
    for row in grid.rows:
        path = _path_for(plan, STANDARD_OF_ROW.get(row.code, ""))
        if path is None:
            continue
        by_month = pf.planned_by_month(path, spec.first_year)
        months = [h for h in row.cells if h != "Year end"]
        out |= {(SHEET, row.code, months[i]): value for i, value in by_month.items()
                if i < len(months)}
        if 11 in by_month:
            out[(SHEET, row.code, "Year end")] = by_month[11]
    return out


def _path_for(plan: Plan, standard_id: str) -> Trajectory | None:
    paths = [t for t in plan.trajectories if standard_id and t.standard_id == standard_id
             and t.unit is Unit.PERCENT and t.planned]
    return next((t for t in paths if not t.provider.strip()), paths[0] if paths else None)


def fill_activity_values(plan: Plan, filler: Filler, spec: TemplateSpec) -> None:
    sub = values_spec(spec)
    export_values(plan, filler, sub, pf.cover_figures(plan) | figures(plan, spec))


def read_activity_values(book: WorkbookData, spec: TemplateSpec, plan: Plan,
                         findings: Findings) -> ValuesRead:
    """The kept values; a blank cell the plan holds no value for is nothing to keep."""
    sub = values_spec(spec)
    read = kept_values(sub, read_inputs(book, sub, findings),
                       pf.cover_figures(plan) | figures(plan, spec), findings)
    held = held_values(plan, spec.kind)
    read.values = [v for v in read.values if v.value != "" or v.key in held]
    return read
