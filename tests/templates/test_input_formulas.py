"""A formula typed into an input cell: read from its result, kept by export --into when it
still gives the plan's figure, else replaced with a warning naming the cell; never a
refusal of the whole workbook."""

from __future__ import annotations

import subprocess

import openpyxl

from tests.templates.helpers import demo
from tests.templates.test_colleague_copy import SOFFICE, needs_soffice
from workbench.templates.pipeline.exporter import export_template
from workbench.templates.pipeline.importer import plan_import


@needs_soffice
def test_a_formula_in_an_input_cell_is_kept_or_replaced_with_a_warning(tmp_path,
                                                                        exported_demo):
    plan, _ = demo()
    wb = openpyxl.load_workbook(exported_demo)
    kept = wb["QIPP"]["I7"].value
    wb["QIPP"]["I7"] = f"={kept}*1"  # the plan's figure, as a formula
    wb["QIPP"]["I8"] = "=1000*2"  # a different figure
    typed = tmp_path / "typed.xlsx"
    wb.save(typed)
    profile = (tmp_path / "lo-profile").as_uri()  # LibreOffice saves each formula's result
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "xlsx:Calc MS Excel 2007 XML", "--outdir", str(tmp_path / "lo"), str(typed)],
                   check=True, capture_output=True, timeout=180)
    saved = tmp_path / "lo" / "typed.xlsx"
    report = plan_import(saved, plan)
    assert report.ok, report.text()
    assert [c.where for c in report.preview.changed] == ["QIPP!I8"]  # read from its result
    notes: list[str] = []
    out = export_template(plan, "finance", tmp_path / "out.xlsx", into=saved, notes=notes)
    book = openpyxl.load_workbook(out)
    assert str(book["QIPP"]["I7"].value).replace(" ", "").upper() == f"={kept}*1"
    assert book["QIPP"]["I8"].data_type == "n"
    assert len(notes) == 1 and notes[0].startswith("QIPP!I8: the formula"), notes
    again = plan_import(out, plan)  # openpyxl saves no formula results: Excel must recalculate
    assert [(f.sheet, f.cell) for f in again.problems] == [("QIPP", "I7")], again.text()
    assert "result was not saved" in again.problems[0].message


def test_export_into_never_refuses_for_a_formula_in_an_input_cell(tmp_path, exported_demo):
    plan, _ = demo()
    wb = openpyxl.load_workbook(exported_demo)
    wb["Risk"]["E7"] = "=2+2"  # no saved result (openpyxl does not calculate)
    typed = tmp_path / "typed.xlsx"
    wb.save(typed)
    notes: list[str] = []
    out = export_template(plan, "finance", tmp_path / "out.xlsx", into=typed, notes=notes)
    assert [n.split(":")[0] for n in notes] == ["Risk!E7"]
    assert plan_import(out, plan).preview.is_empty


