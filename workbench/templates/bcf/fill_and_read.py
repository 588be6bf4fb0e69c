"""The Better Care Fund 2016/17 workbook to and from the plan (layouts/bcf.py).

The plan models the non-elective admissions metric: NEA1, the baseline by quarter, is
the activity the plan's 2016/17 non-elective lines expect before any scheme (2015/16
outturn grown by each line's growth; all providers: the fund is planned for the whole
area) spread by the profile the engine uses for the plan; NEA2, the plan by quarter, is
the engine's monthly plan of those lines added up by quarter; so the workbook's Reduction
is the plan's scheme impact (the seed's 1,000 admissions, 1.76%). Those cells are
exported from the plan and on import compared with it. Funding,
expenditure by scheme, the supporting metrics, the national conditions and the Cover's own
fields are kept as template values (also NEA1/NEA2 when the plan has no such line).
"""

from __future__ import annotations

from workbench.domain.activity import Measure
from workbench.domain.plan import Plan
from workbench.templates.layouts.bcf import METRICS, QUARTERS
from workbench.templates.layouts.spec import TemplateSpec
from workbench.templates.report.findings import Findings
from workbench.templates.template_values import plan_figures as pf
from workbench.templates.template_values.fill_and_compare import (
    CellKey,
    ValuesRead,
    export_values,
    kept_values,
)
from workbench.templates.template_values.input_cells import read_inputs
from workbench.templates.template_values.unplaced import unplaced_notes
from workbench.templates.workbook.sheets import WorkbookData
from workbench.templates.workbook.writer import Filler


def figures(plan: Plan, spec: TemplateSpec) -> dict[CellKey, object]:
    """The cells the plan fills (cell key -> value)."""
    out = pf.cover_figures(plan)
    lines = pf.activity_lines(plan, Measure.NON_ELECTIVE, spec.first_year)
    if lines:
        for code, months in (("NEA1", pf.monthly_expected(lines)),
                             ("NEA2", pf.monthly_plan(plan, lines))):
            out |= {(METRICS.sheet, code, quarter): value
                    for quarter, value in zip(QUARTERS, pf.by_quarter(months), strict=True)}
    return out


def fill_bcf(plan: Plan, filler: Filler, spec: TemplateSpec) -> None:
    export_values(plan, filler, spec, figures(plan, spec))
    filler.notes += unplaced_notes(plan, spec, ())  # the BCF workbook holds no paths


def read_bcf(book: WorkbookData, spec: TemplateSpec, plan: Plan,
             findings: Findings) -> ValuesRead:
    return kept_values(spec, read_inputs(book, spec, findings), figures(plan, spec), findings)
