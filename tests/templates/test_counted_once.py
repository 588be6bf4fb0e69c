"""Each scheme counted once: a row typed outside the table's input rows is named and not
read; two rows with one name are a Problem naming both cells."""

from __future__ import annotations

import openpyxl

from tests.templates.helpers import demo
from workbench.templates.pipeline.importer import plan_import


def edited(source, tmp_path, edits):
    wb = openpyxl.load_workbook(source)
    for sheet, cell, value in edits:
        wb[sheet][cell].value = value
    path = tmp_path / "edited.xlsx"
    wb.save(path)
    return path


def test_a_scheme_typed_below_the_yellow_rows_is_named_and_not_imported(tmp_path,
                                                                           exported_demo):
    ws = openpyxl.load_workbook(exported_demo)["QIPP"]
    below = max(c.row for c in ws["B"] if c.protection.locked is False) + 1
    path = edited(exported_demo, tmp_path, [
        ("QIPP", f"B{below}", "Extra scheme"), ("QIPP", f"G{below}", "Identified"),
        ("QIPP", f"I{below}", 400)])
    report = plan_import(path, demo()[0])
    assert not report.ok and report.edit is None
    hit = report.problems[0]
    assert (hit.sheet, hit.cell) == ("QIPP", f"B{below}"), report.text()
    assert "outside the table's input rows" in hit.message


def test_two_schemes_with_one_name_are_a_problem_naming_both_cells(tmp_path, exported_demo):
    ws = openpyxl.load_workbook(exported_demo)["QIPP"]
    first = ws["B7"].value
    path = edited(exported_demo, tmp_path, [("QIPP", "B9", f"  {first.upper()} ")])
    report = plan_import(path, demo()[0])
    assert not report.ok
    hits = [f for f in report.problems if "two rows" in f.message]
    assert len(hits) == 1 and (hits[0].sheet, hits[0].cell) == ("QIPP", "B9"), report.text()
    assert "B7 and B9" in hits[0].message


def test_duplicate_risks_and_workstreams_are_problems_too(tmp_path, exported_demo):
    wb = openpyxl.load_workbook(exported_demo)
    risk, stream = wb["Risk"]["B7"].value, wb["Workstreams"]["B7"].value
    path = edited(exported_demo, tmp_path, [("Risk", "B8", risk), ("Workstreams", "B8", stream)])
    report = plan_import(path, demo()[0])
    where = {(f.sheet, f.cell) for f in report.problems if "two rows" in f.message}
    assert where == {("Risk", "B8"), ("Workstreams", "B8")}, report.text()


def test_a_scheme_in_a_row_inserted_inside_the_table_is_written_back_once(tmp_path,
                                                                           exported_demo):
    from tests.templates.helpers import apply_report
    from workbench.templates.pipeline.exporter import export_template

    wb = openpyxl.load_workbook(exported_demo)
    qipp = wb["QIPP"]
    qipp.insert_rows(9)  # openpyxl's inserted row has no input format, as some tools do
    for cell in qipp[8]:  # a copy of the scheme above, under a new name
        if cell.value is not None and cell.data_type != "f":
            qipp.cell(9, cell.column).value = cell.value
    qipp["B9"] = "Hand-inserted scheme"
    copy_path = tmp_path / "colleague.xlsx"
    wb.save(copy_path)
    plan, store = demo()
    report = plan_import(copy_path, plan)
    added = [r.name for r in report.preview.added]
    assert report.ok and added == ["Hand-inserted scheme"], report.text()
    apply_report(plan, report, store)
    out = export_template(plan, "finance", tmp_path / "out.xlsx", into=copy_path)
    names = [c.value for c in openpyxl.load_workbook(out)["QIPP"]["B"]]
    assert names.count("Hand-inserted scheme") == 1
    again = plan_import(out, plan)
    assert again.ok and again.preview.is_empty, again.text()
