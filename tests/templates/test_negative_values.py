"""A negative value where the template expects 0 or more (allocations, spend, savings,
risks, activity, beds, BCF funding and metrics) is imported as typed with a Warning that
names the cell; where a negative makes sense (a tariff deflator) nothing is said."""

from __future__ import annotations

import openpyxl
import pytest

from tests.templates.helpers import demo
from workbench.templates.pipeline.exporter import export_template
from workbench.templates.pipeline.importer import plan_import


def locate(ws, row_key: str, header: str) -> str:
    """The cell at the row whose column A or B reads `row_key` ("" = the first data row)
    and the column headed `header` in the header row (row 6)."""
    col = next(c.column for c in ws[6] if c.value == header)
    if not row_key:
        return ws.cell(7, col).coordinate
    row = next(r for r in range(7, ws.max_row + 1)
               if row_key in (ws.cell(r, 1).value, ws.cell(r, 2).value))
    return ws.cell(row, col).coordinate


CASES = [  # kind, sheet, row (code or ""), header, value, what the warning names
    ("finance", "Allocations", "A01", "2016/17", -100, "Core programme allocation"),
    ("finance", "Assumptions", "AS06", "Value", -0.005, "Contingency"),
    ("finance", "Expenditure", "", "Recurrent baseline", -5, "Recurrent baseline"),
    ("finance", "QIPP", "", "Gross saving", -50, "Gross saving"),
    ("finance", "Risk", "", "Gross value", -1, "Gross value"),
    ("activity", "Activity Plan", "", "2015/16 FOT", -10, "2015/16 FOT"),
    ("activity", "Joint Plan", "", "Provider plan", -3, "Provider plan"),
    ("resilience", "Demand and Capacity", "D04", "Apr-16", -1, "G&A core beds available"),
    ("bcf", "Funding Sources", "F02", "2016/17 £", -2500, "Additional CCG contribution"),
    ("bcf", "Supporting Metrics", "SM1", "Baseline", -4, "Permanent admissions"),
]


@pytest.mark.parametrize(("kind", "sheet", "row", "header", "value", "label"), CASES,
                         ids=[f"{c[0]}-{c[1]}-{c[3]}" for c in CASES])
def test_a_negative_is_a_warning_naming_the_cell(tmp_path, kind, sheet, row, header, value,
                                                 label):
    plan, _ = demo()
    path = export_template(plan, kind, tmp_path / f"{kind}.xlsx")
    wb = openpyxl.load_workbook(path)
    where = locate(wb[sheet], row, header)
    wb[sheet][where] = value
    wb.save(tmp_path / "negative.xlsx")
    report = plan_import(tmp_path / "negative.xlsx", plan)
    assert report.ok and report.edit is not None, report.text()
    hits = [f for f in report.warnings if "is negative" in f.message]
    assert [(f.sheet, f.cell) for f in hits] == [(sheet, where)], report.text()
    assert label in hits[0].message and "0 or more" in hits[0].message
    assert f"Warning: {sheet}!{where}: {label}" in report.text()


def test_a_fresh_export_has_no_negative_warnings(tmp_path):
    plan, _ = demo()
    for kind in ("finance", "activity", "resilience", "bcf"):
        report = plan_import(export_template(plan, kind, tmp_path / f"{kind}.xlsx"), plan)
        assert not [f for f in report.findings if "negative" in f.message], report.text()


def test_a_negative_tariff_uplift_is_not_questioned(tmp_path):
    plan, _ = demo()
    path = export_template(plan, "finance", tmp_path / "finance.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["Assumptions"]
    ws[locate(ws, "AS01", "Value")] = -0.01
    wb.save(tmp_path / "deflator.xlsx")
    report = plan_import(tmp_path / "deflator.xlsx", plan)
    assert report.ok and not [f for f in report.findings if "negative" in f.message]
    assert report.preview.drivers, report.text()
