"""A colleague's copy: re-laid-out with openpyxl, or re-saved by LibreOffice, still loads."""

from __future__ import annotations

import shutil
import subprocess

import openpyxl
import pytest

from tests.templates.helpers import apply_report, demo, empty_like, signature
from workbench.engine import compute
from workbench.templates.pipeline.importer import plan_import
from workbench.templates.report.findings import Severity

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not "
                                   "installed: apt-get install -y libreoffice-calc-nogui")


def rearrange(source, target) -> None:
    """What colleagues do: move columns, insert rows and notes, hide rows, rename a header."""
    wb = openpyxl.load_workbook(source)
    qipp = wb["QIPP"]
    qipp.move_range("E1:E506", cols=27)  # Provider column moved to the far right (AF)
    qipp.insert_rows(9, 2)  # two rows inside the table ...
    qipp["B9"] = "Note: the next schemes were agreed at the March board"  # ... one a note
    qipp["AH7"] = "checked by JB"  # a note beside the table
    qipp.row_dimensions[12].hidden = True  # a hidden scheme still counts
    risk = wb["Risk"]
    risk.insert_rows(1, 3)  # header pushed down to row 9
    risk["A1"] = "Draft for discussion"
    risk.move_range("C4:C209", cols=20)  # Category column to the far right
    exp = wb["Expenditure"]
    exp["C6"] = "2015/16 FOT"  # a header renamed to a known alias
    ws = wb["Workstreams"]
    ws.insert_rows(3)
    wb["Assumptions"].insert_rows(8)  # a grid row inserted between assumptions
    wb["Assumptions"]["B8"] = "(local assumption, not in the national template)"
    wb["Cover"].insert_rows(4)
    wb.save(target)


def soffice_convert(source, outdir, tmp_path, *more) -> object:
    """Open and re-save with LibreOffice (which recalculates every formula)."""
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir),
                    str(source), *map(str, more)], check=True, capture_output=True, timeout=180)
    return outdir / (source.stem + ".xlsx")


def test_rearranged_copy_gives_the_same_plan(tmp_path, exported_demo):
    plan, _ = demo()
    copy_path = tmp_path / "colleague.xlsx"
    rearrange(exported_demo, copy_path)
    report = plan_import(copy_path, plan)
    assert report.ok, report.text()
    assert report.preview.is_empty, report.text()
    notes = [f for f in report.findings if f.severity is Severity.WARNING]
    assert [(f.sheet, f.cell) for f in notes] == [("QIPP", "B9")]
    fresh = apply_report(empty_like(plan), plan_import(copy_path, empty_like(plan)))
    assert signature(fresh) == signature(plan)


@needs_soffice
def test_libreoffice_resave_gives_the_same_plan_and_its_formulas_agree(tmp_path, exported_demo):
    plan, _ = demo()
    converted = soffice_convert(exported_demo, tmp_path / "lo", tmp_path)
    report = plan_import(converted, plan)
    assert report.ok and report.findings == [], report.text()  # totals and Summary agree
    assert report.preview.is_empty
    book = openpyxl.load_workbook(converted, data_only=True)
    assert book["Checklist"]["C3"].value == "Complete Template"
    summary = compute(plan).summary
    assert book["Summary"]["C22"].value == pytest.approx(float(summary.savings_requirement) / 1000)
    assert book["Summary"]["C27"].value == pytest.approx(float(summary.savings_gap) / 1000)
    fresh = apply_report(empty_like(plan), plan_import(converted, empty_like(plan)))
    assert signature(fresh) == signature(plan)


@needs_soffice
def test_rearranged_then_libreoffice_resaved_copy_gives_the_same_plan(tmp_path, exported_demo):
    plan, _ = demo()
    copy_path = tmp_path / "colleague.xlsx"
    rearrange(exported_demo, copy_path)
    converted = soffice_convert(copy_path, tmp_path / "lo", tmp_path)
    report = plan_import(converted, plan)
    assert report.ok and report.preview.is_empty, report.text()


@needs_soffice
def test_pristine_template_checklist_is_incomplete(tmp_path):
    from workbench.templates.layouts.registry import SPECS, pristine_path

    paths = [pristine_path(spec) for spec in SPECS.values()]
    soffice_convert(paths[0], tmp_path / "lo", tmp_path, *paths[1:])
    for path in paths:
        book = openpyxl.load_workbook(tmp_path / "lo" / path.name, data_only=True)
        assert book["Checklist"]["C3"].value == "Incomplete Template"
        errors = [(ws.title, c.coordinate) for ws in book for row in ws.iter_rows()
                  for c in row if isinstance(c.value, str) and c.value.startswith(("#", "Err:"))]
        assert errors == []
