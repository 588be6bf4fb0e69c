"""Bad values in a workbook: one Problem naming sheet and cell, never a traceback, and
nothing that passes the check can fail when the store saves it."""

from __future__ import annotations

import openpyxl
import pytest

from tests.templates.helpers import demo
from workbench.cli import main
from workbench.templates.layouts.spec import MONEY_LIMIT
from workbench.templates.pipeline.importer import plan_import


def mutated(source, tmp_path, edits, name="edited.xlsx"):
    wb = openpyxl.load_workbook(source)
    for sheet, cell, value in edits:
        wb[sheet][cell].value = value
    path = tmp_path / name
    wb.save(path)
    return path


CASES = {
    "#N/A as a scheme name": ([("QIPP", "B7", "#N/A")], "QIPP", "B7", "#N/A"),
    "#N/A as a risk": ([("Risk", "B7", "#N/A")], "Risk", "B7", "#N/A"),
    "#N/A as a workstream": ([("Workstreams", "B7", "#N/A")], "Workstreams", "B7", "#N/A"),
    "1e300 in money": ([("QIPP", "I7", 1e300)], "QIPP", "I7", "too large"),
    "1e300 as an allocation": ([("Allocations", "D7", 1e300)], "Allocations", "D7",
                               "too large"),
    "1e15 (£000) gross saving": ([("QIPP", "I7", 1e15)], "QIPP", "I7", "outside the range"),
    "likelihood 7": ([("Risk", "F7", 7)], "Risk", "F7", "outside the range"),
    "impact -3": ([("Risk", "G7", -3)], "Risk", "G7", "outside the range"),
    "confidence 250%": ([("QIPP", "L7", 2.5)], "QIPP", "L7", "outside the range"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_bad_value_is_one_problem_at_its_cell(tmp_path, exported_demo, case):
    edits, sheet, cell, fragment = CASES[case]
    report = plan_import(mutated(exported_demo, tmp_path, edits), demo()[0])
    assert not report.ok and report.edit is None
    first = report.problems[0]
    assert (first.sheet, first.cell) == (sheet, cell), report.text()
    assert fragment in first.message, report.text()


def test_the_largest_value_the_check_allows_is_stored(tmp_path, exported_demo, capsys):
    db = tmp_path / "plan.db"
    assert main(["demo", "--db", str(db)]) == 0
    path = mutated(exported_demo, tmp_path, [("QIPP", "I7", MONEY_LIMIT)])
    assert main(["import", str(path), "--db", str(db)]) == 0, capsys.readouterr()
    assert main(["summary", "--db", str(db)]) == 0
    over = mutated(exported_demo, tmp_path, [("QIPP", "I7", MONEY_LIMIT + 1)], "over.xlsx")
    assert main(["import", str(over), "--db", str(db)]) == 1
    assert "outside the range" in capsys.readouterr().out
