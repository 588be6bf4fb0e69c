"""The SRG operational resilience workbook to and from the plan (layouts/resilience.py).

The plan models, for the main acute provider named on the Cover: A&E attendances (D01)
and non-elective admissions (D03) by month from its 2016/17 activity lines, with their
baselines as the 2015/16 outturn; A&E 4-hour performance (D02) and DTOC % of occupied bed
days (D09) by month from the planned paths of its AE_4HR and DTOC_OBD trajectories. Those
cells are exported from the plan and on import compared with it. Beds, delays, electives,
the resilience checklist and the Cover's own fields are kept as template values. A cell
the plan cannot fill (no such line or trajectory) is kept as a template value too.
"""

from __future__ import annotations

from workbench.domain.activity import Measure
from workbench.domain.plan import Plan
from workbench.domain.template_values import COVER
from workbench.templates.layouts.resilience import DEMAND, MONTHS
from workbench.templates.layouts.spec import TemplateSpec
from workbench.templates.report.findings import Findings
from workbench.templates.template_values import plan_figures as pf
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

PROVIDER = ("Cover", COVER, "provider_code")
OUTTURN = "2015/16 outturn"
LINES = {"D01": Measure.AE_ALL_TYPES, "D03": Measure.NON_ELECTIVE}
TRAJECTORIES = {"D02": "AE_4HR", "D09": "DTOC_OBD"}


def figures(plan: Plan, spec: TemplateSpec, provider: str) -> dict[CellKey, object]:
    """The cells the plan fills for `provider` (cell key -> value)."""
    out = pf.cover_figures(plan)
    year = spec.first_year
    for code, measure in LINES.items():
        lines = pf.activity_lines(plan, measure, year, provider) if provider else []
        if lines:
            out[(DEMAND.sheet, code, OUTTURN)] = pf.outturn(lines)
            monthly = pf.monthly_plan(plan, lines)
            out |= {(DEMAND.sheet, code, month): value
                    for month, value in zip(MONTHS, monthly, strict=True)}
    for code, standard in TRAJECTORIES.items():
        path = pf.trajectory(plan, standard, provider)
        if path is not None:
            out |= {(DEMAND.sheet, code, MONTHS[i]): value
                    for i, value in pf.planned_by_month(path, year).items()}
    return out


def fill_resilience(plan: Plan, filler: Filler, spec: TemplateSpec) -> None:
    """The plan's figures and kept values; the provider is the one kept from the last
    import or, before any, the one provider of the plan's A&E and non-elective lines."""
    kept = held_values(plan, spec.kind).get(PROVIDER)
    provider = kept.value if kept is not None else pf.the_provider(
        plan, spec.first_year, tuple(LINES.values()))
    cells = figures(plan, spec, provider)
    if kept is None and provider:
        cells[PROVIDER] = provider
    export_values(plan, filler, spec, cells)
    paths = (pf.trajectory(plan, standard, provider) for standard in TRAJECTORIES.values())
    filler.notes += unplaced_notes(plan, spec, list(paths))


def read_resilience(book: WorkbookData, spec: TemplateSpec, plan: Plan,
                    findings: Findings) -> ValuesRead:
    cells = read_inputs(book, spec, findings)
    provider = next((c.text for c in cells if c.key == PROVIDER), "") or ""
    return kept_values(spec, cells, figures(plan, spec, provider), findings)
