"""Whose workbook is this? The Cover's organisation code and planning round, checked
against the plan and the template's own round before any figure is compared, for every
template (a workbook of another organisation or year must not change the plan)."""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from workbench.domain.periods import FinancialYear
from workbench.domain.plan import Plan
from workbench.templates.layouts.spec import TemplateSpec
from workbench.templates.report.findings import Findings
from workbench.templates.workbook.recognise import label_cell
from workbench.templates.workbook.sheets import WorkbookData
from workbench.templates.workbook.values import CellValueError, is_blank, parse_text, parse_year


def check_whose(book: WorkbookData, spec: TemplateSpec, plan: Plan, findings: Findings, *,
                ods: bool = True) -> None:
    """A Problem, at its cell, for a Cover of another round or (with `ods`) organisation."""
    cover = book.find("Cover")
    if cover is None:
        return
    labels = {row.key: row.label for row in spec.cover if row.key}
    found = label_cell(cover, labels.get("round", "Planning round"))
    if found is not None:
        where = f"{get_column_letter(found[1])}{found[0]}"
        raw = cover.value(*found)
        try:
            year = parse_year(raw)
        except CellValueError:
            findings.problem(f"Planning round {raw!s:.40} is not a financial year (expected "
                             f"{FinancialYear(spec.first_year)})", cover.name, where)
        else:
            if year is not None and year != spec.first_year:
                findings.problem(f"the workbook is for the {FinancialYear(year)} planning round; "
                                 f"this is the {spec.title} template, for "
                                 f"{FinancialYear(spec.first_year)}", cover.name, where)
            elif year is not None and not plan.first_year.start <= year <= plan.last_year.start:
                findings.problem(f"the workbook is for {FinancialYear(year)}, which the plan "
                                 f"({plan.first_year} to {plan.last_year}) does not cover",
                                 cover.name, where)
    found = label_cell(cover, labels.get("ods_code", "Organisation code")) if ods else None
    if found is None:
        return
    try:
        code = parse_text(cover.value(*found))
    except CellValueError:
        return  # the cover reader names the error
    if not is_blank(code) and plan.ods_code and code.upper() != plan.ods_code.strip().upper():
        findings.problem(f"the workbook is for organisation {code} but the plan is for "
                         f"{plan.ods_code}", cover.name,
                         f"{get_column_letter(found[1])}{found[0]}")
