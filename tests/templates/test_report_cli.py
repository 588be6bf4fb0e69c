"""The import report: change lines at the changed cell, Problems before any list of
changes, and a file that cannot be read at all one line on stderr with exit 2."""

from __future__ import annotations

import openpyxl

from tests.templates.helpers import demo
from tests.templates.hostile import long_row
from workbench.cli import main
from workbench.templates.pipeline.importer import plan_import
from workbench.templates.workbook import xlsx_parts


def edited(source, tmp_path, edits):
    wb = openpyxl.load_workbook(source)
    for sheet, cell, value in edits:
        wb[sheet][cell].value = value
    path = tmp_path / "edited.xlsx"
    wb.save(path)
    return path


def test_a_change_line_names_the_changed_cell(tmp_path, exported_demo):
    path = edited(exported_demo, tmp_path, [("QIPP", "I7", 999)])
    report = plan_import(path, demo()[0])
    changed = [line for line in report.text().splitlines() if line.strip().startswith("change")]
    assert len(changed) == 1 and changed[0].endswith("(QIPP!I7)"), report.text()


def test_a_problem_comes_before_the_list_of_changes(tmp_path, exported_demo):
    path = edited(exported_demo, tmp_path, [("QIPP", "I7", 999), ("QIPP", "I8", 999),
                                            ("Risk", "F9", 9)])
    lines = plan_import(path, demo()[0]).text().splitlines()
    first_problem = next(i for i, x in enumerate(lines) if "Problem:" in x)
    first_change = next(i for i, x in enumerate(lines) if x.strip().startswith("change"))
    assert first_problem < first_change, lines


def test_an_unreadable_file_is_one_line_on_stderr_with_exit_2(tmp_path, capsys):
    db = tmp_path / "plan.db"
    assert main(["demo", "--db", str(db)]) == 0
    capsys.readouterr()
    notes = tmp_path / "notes.xlsx"
    notes.write_text("not a workbook")
    assert main(["import", str(notes), "--db", str(db), "--check"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.strip().count("\n") == 0
    assert "notes.xlsx: is not an Excel workbook" in err
    huge = long_row(tmp_path / "huge.xlsx", cells=1_000_000)
    assert main(["import", str(huge), "--db", str(db)]) == 2
    out, err = capsys.readouterr()
    limit = f"limit {xlsx_parts.MAX_CELLS:,} cells"
    assert out == "" and limit in err and err.strip().count("\n") == 0
