"""`workbench export` and `workbench import`: validate first, apply all or nothing."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from tests.templates.srg_bcf_inputs import TYPE
from workbench.app import main
from workbench.store import open_store


def exported(tmp_path, capsys):
    db = tmp_path / "plan.db"
    out = tmp_path / "finance.xlsx"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["export", "--template", "finance", "--db", str(db), "--out", str(out)]) == 0
    capsys.readouterr()
    return db, out


def edit_cell(path, sheet, cell, value):
    book = openpyxl.load_workbook(path)
    book[sheet][cell] = value
    book.save(path)


def test_check_then_import_a_colleagues_change(tmp_path, capsys):
    db, out = exported(tmp_path, capsys)
    edit_cell(out, "QIPP", "L7", 0.9)  # MSK scheme confidence 70% -> 90%
    assert main(["import", str(out), "--db", str(db), "--check"]) == 0
    report = capsys.readouterr().out
    assert "can be imported" in report
    assert open_store(db).load_plan().schemes[0].confidence == Decimal("0.7")  # untouched
    assert main(["import", str(out), "--db", str(db)]) == 0
    store = open_store(db)
    assert store.load_plan().schemes[0].confidence == Decimal("0.9")
    entries = store.history()
    assert entries[0].action == "import" and "finance.xlsx" in entries[0].note


def test_text_in_a_money_cell_is_refused_naming_the_cell(tmp_path, capsys):
    db, out = exported(tmp_path, capsys)
    edit_cell(out, "QIPP", "L7", 0.9)
    edit_cell(out, "QIPP", "I8", "lots")
    before = open_store(db).load_plan()
    assert main(["import", str(out), "--db", str(db)]) == 1
    text = capsys.readouterr().out
    assert "QIPP" in text and "I8" in text and "Nothing was imported" in text
    assert open_store(db).load_plan() == before  # not even the good cell was applied


def test_import_of_a_missing_file(tmp_path, capsys):
    db, _ = exported(tmp_path, capsys)
    assert main(["import", str(tmp_path / "nope.xlsx"), "--db", str(db)]) == 2
    assert "no file at" in capsys.readouterr().err


def test_check_of_an_activity_workbook_lists_its_changed_lines(tmp_path, capsys):
    db, out = tmp_path / "plan.db", tmp_path / "activity.xlsx"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["export", "--template", "activity", "--db", str(db), "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    sheet = book["Activity Plan"]
    growth = next(c for c in sheet[6] if c.value == "Growth assumption %").column
    sheet.cell(7, growth).value = 0.05
    book.save(out)
    capsys.readouterr()
    assert main(["import", str(out), "--db", str(db), "--check"]) == 0
    assert "change activity line" in capsys.readouterr().out


@pytest.mark.parametrize("kind", ["resilience", "bcf"])
def test_srg_and_bcf_workbooks_check_then_import(kind, tmp_path, capsys):
    db, out = tmp_path / "plan.db", tmp_path / f"{kind}.xlsx"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["export", "--template", kind, "--db", str(db), "--out", str(out)]) == 0
    TYPE[kind](out, out)
    capsys.readouterr()
    assert main(["import", str(out), "--db", str(db), "--check"]) == 0
    text = capsys.readouterr().out
    assert "add row 'Cover'" in text and "can be imported" in text
    assert open_store(db).load_plan().template_values == []  # a check applies nothing
    assert main(["import", str(out), "--db", str(db)]) == 0
    store = open_store(db)
    assert {v.template for v in store.load_plan().template_values} == {kind}
    assert store.history()[0].action == "import"
    capsys.readouterr()
    assert main(["import", str(out), "--db", str(db), "--check"]) == 0
    assert "no changes: the plan already matches the workbook" in capsys.readouterr().out


def test_a_bcf_workbook_with_a_bad_cell_is_refused(tmp_path, capsys):
    db, out = tmp_path / "plan.db", tmp_path / "bcf.xlsx"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["export", "--template", "bcf", "--db", str(db), "--out", str(out)]) == 0
    TYPE["bcf"](out, out)
    edit_cell(out, "Expenditure Plan", "I8", "three million")
    before = open_store(db).load_plan()
    assert main(["import", str(out), "--db", str(db)]) == 1
    text = capsys.readouterr().out
    assert "Expenditure Plan!I8" in text and "Nothing was imported" in text
    assert open_store(db).load_plan() == before
