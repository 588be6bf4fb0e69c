"""The Activity workbook's Trajectories and Joint Plan sheets and Cover fields as the plan's
template values.

The cells the plan models are exported from the plan and on import compared with it: on
Trajectories the standards it has a planned % path for (month-end values); on the Joint
Plan each provider and measure's commissioner plan (the year's activity lines' plan).
Every other cell a user types there (another standard's path, the provider's plan, the
Cover's contact and version) is kept as a template value of the "activity" template, so
it round-trips instead of being dropped. A Joint Plan row is named by its provider code
and measure ("RTH E.M.11"), matched with the plan's lines ignoring case.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from workbench.domain.activity import ActivityLine
from workbench.domain.plan import Plan
from workbench.domain.trajectories import Trajectory, Unit
from workbench.engine.activity import activity_plan
from workbench.templates.layouts.spec import Grid, TemplateSpec
from workbench.templates.report.findings import Findings
from workbench.templates.template_values import plan_figures as pf
from workbench.templates.template_values.cell_text import from_text
from workbench.templates.template_values.fill_and_compare import (
    CellKey,
    ValuesRead,
    export_values,
    held_values,
    kept_values,
)
from workbench.templates.template_values.input_cells import read_inputs
from workbench.templates.template_values.unplaced import unplaced_notes
from workbench.templates.workbook.sheets import WorkbookData
from workbench.templates.workbook.writer import Filler

SHEET = "Trajectories"
JOINT = "Joint Plan"
STANDARD_OF_ROW = {"T01": "AE_4HR", "T02": "RTT_INCOMPLETE", "T03": "DIAGNOSTICS_6WK",
                   "T04": "CANCER_2WW", "T05": "CANCER_31D", "T06": "CANCER_62D",
                   "T08": "IAPT_ACCESS", "T09": "IAPT_RECOVERY", "T10": "EIP_2WK",
                   "T11": "DEMENTIA_DX", "T12": "DTOC_OBD"}  # T07: no bundled standard


def values_spec(spec: TemplateSpec) -> TemplateSpec:
    """The part of the Activity spec held as template values: Cover, Trajectories and the
    Joint Plan."""
    return dataclasses.replace(spec, sheets=(spec.grid(SHEET), spec.table(JOINT)))


def joint_figures(plan: Plan, spec: TemplateSpec) -> dict[CellKey, object]:
    """Each provider and measure's commissioner plan on the Joint Plan: the engine's plan
    of the year's activity lines for them, with the measure code (which names the row)
    and the provider's name as the lines hold them."""
    lines = [x for x in plan.activity_lines if x.year == spec.first_year and x.provider.strip()]
    if not lines:
        return {}
    planned = activity_plan(lines, plan.schemes).figures["planned"].to_dict()
    totals: dict[str, float] = {}
    codes: dict[str, str] = {}
    names: dict[str, str] = {}
    first: dict[str, str] = {}  # casefolded name -> the first spelling met
    for i, line in enumerate(lines):
        name = f"{line.provider.strip()} {line.measure.info.code}"
        name = first.setdefault(name.casefold(), name)
        key = line.id if line.id is not None else -(i + 1)
        totals[name] = totals.get(name, 0.0) + float(planned[key])
        codes[name] = line.measure.info.code
        names[name] = names.get(name) or line.provider_name
    out: dict[CellKey, object] = {}
    for name, total in totals.items():
        out[(JOINT, name, "Code")] = codes[name]
        if names[name]:
            out[(JOINT, name, "Provider name")] = names[name]
        out[(JOINT, name, "Commissioner plan")] = total
    return out


def _aligned(cells: dict[CellKey, object], names: Iterable[str]) -> dict[CellKey, object]:
    """`cells` with Joint Plan rows renamed to the workbook's (or plan's) spelling of the
    same provider and measure: 'rth E.M.11' typed in the workbook is the plan's RTH row."""
    spelled = {n.casefold(): n for n in names}
    return {(k[0], spelled.get(k[1].casefold(), k[1]), k[2]) if k[0] == JOINT else k: v
            for k, v in cells.items()}


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
    """The plan's figures and kept values. A plan that keeps no Joint Plan values yet
    keeps the workbook's own rows there (a colleague's provider plans stay)."""
    sub = values_spec(spec)
    held = held_values(plan, spec.kind)
    rows = {k[1] for k in held if k[0] == JOINT}
    theirs: dict[CellKey, object] = {}
    if not rows and filler.cached is not None:
        joint = dataclasses.replace(spec, cover=(), sheets=(spec.table(JOINT),))
        for cell in read_inputs(filler.cached, joint, Findings(filler.file)):
            if cell.text:
                theirs[cell.key] = from_text(cell.kind, cell.text)
        rows = {k[1] for k in theirs}
    ours = _aligned(joint_figures(plan, spec), rows)
    cells = theirs | pf.cover_figures(plan) | figures(plan, spec) | ours
    export_values(plan, filler, sub, cells, tables=True)
    paths = (_path_for(plan, standard) for standard in STANDARD_OF_ROW.values())
    filler.notes += unplaced_notes(plan, spec, list(paths))


def read_activity_values(book: WorkbookData, spec: TemplateSpec, plan: Plan,
                         findings: Findings,
                         lines: Sequence[ActivityLine] | None = None) -> ValuesRead:
    """The kept values; a blank cell the plan holds no value for is nothing to keep.
    `lines`: the year's activity lines as the import makes them (the Joint Plan's
    commissioner plans are theirs)."""
    sub = values_spec(spec)
    cells = read_inputs(book, sub, findings)
    after = plan if lines is None else dataclasses.replace(plan, activity_lines=[
        *(x for x in plan.activity_lines if x.year != spec.first_year), *lines])
    ours = _aligned(joint_figures(after, spec), {c.key[1] for c in cells if c.key[0] == JOINT})
    read = kept_values(sub, cells, pf.cover_figures(plan) | figures(plan, spec) | ours,
                       findings)
    held = held_values(plan, spec.kind)
    read.values = [v for v in read.values if v.value != "" or v.key in held]
    return read
