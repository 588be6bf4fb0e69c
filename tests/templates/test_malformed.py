"""Bad workbooks: one clear sentence each, never a traceback, never a partial import."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest

from tests.templates.helpers import demo
from workbench.templates.layouts.registry import SPECS, pristine_path
from workbench.templates.pipeline.importer import plan_import
from workbench.templates.report.findings import Severity
from workbench.templates.workbook import safety


def check(report, fragment: str, sheet: str = "", cell: str = ""):
    """The import is refused, nothing would be applied, and the problem says where."""
    assert not report.ok and report.edit is None
    for finding in report.problems:
        assert finding.file == report.file
        if finding.sheet and "sheet is missing" not in finding.message:
            assert finding.cell, finding  # every cell-level problem names its cell
    hits = [f for f in report.problems if fragment in f.message]
    assert hits, report.text()
    if sheet:
        assert (hits[0].sheet, hits[0].cell) == (sheet, cell), hits[0]
    return hits[0]


FILE_CASES = {
    "notes.xlsx": (b"Just some notes, not a workbook\n", "is not an Excel workbook"),
    "empty.xlsx": (b"", "the file is empty"),
    "locked.xlsx": (safety.OLE_SIGNATURE + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le")
                    + b"\0" * 100, "password-protected (encrypted)"),
    "old.xlsx": (safety.OLE_SIGNATURE + b"\0" * 1000, "old-style .xls"),
}


@pytest.mark.parametrize("name", list(FILE_CASES))
def test_files_that_are_not_workbooks(tmp_path, name):
    data, fragment = FILE_CASES[name]
    path = tmp_path / name
    path.write_bytes(data)
    finding = check(plan_import(path, demo()[0]), fragment)
    assert finding.file == name and str(finding).startswith(f"Problem: {name}: ")


def test_missing_file_and_folder(tmp_path):
    check(plan_import(tmp_path / "nowhere.xlsx", demo()[0]), "does not exist")
    check(plan_import(tmp_path, demo()[0]), "is a folder")


def test_zip_that_is_not_a_workbook_and_a_damaged_one(tmp_path, exported_demo):
    other = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("photo.txt", "hello")
    check(plan_import(other, demo()[0]), "zip file but not an Excel workbook")
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(exported_demo.read_bytes()[:30_000])
    check(plan_import(cut, demo()[0]), "damaged")


def test_a_sheet_that_would_expand_beyond_the_limit_is_refused_unread(tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        with z.open("xl/worksheets/sheet1.xml", "w") as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(safety.MAX_MEMBER_BYTES // len(chunk) + 1):
                member.write(chunk)
    assert bomb.stat().st_size < 1_000_000
    check(plan_import(bomb, demo()[0]), "too large to import safely")


def test_limits_apply_to_the_sum_of_parts(tmp_path, exported_demo, monkeypatch):
    monkeypatch.setattr(safety, "MAX_TOTAL_BYTES", 100_000)
    check(plan_import(exported_demo, demo()[0]), "would expand to")


def test_a_workbook_that_is_no_known_template(tmp_path):
    path = tmp_path / "budget.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Budget"
    wb.save(path)
    check(plan_import(path, demo()[0]), "is not one of the planning templates")


def test_a_blank_bcf_template_is_recognised_and_its_required_cells_are_warnings_in_draft():
    report = plan_import(pristine_path(SPECS["bcf"]), demo()[0])
    assert report.kind == "bcf"
    blanks = [f for f in report.warnings if "is empty; the template needs it" in f.message]
    assert blanks and (blanks[0].sheet, blanks[0].cell) == ("Cover", "C10"), report.text()


def edited(tmp_path, exported_demo, change) -> object:
    wb = openpyxl.load_workbook(exported_demo)
    change(wb)
    path = tmp_path / "edited.xlsx"
    wb.save(path)
    return plan_import(path, demo()[0])


CELL_CASES = [
    ("text in a money cell", lambda wb: wb["QIPP"].__setitem__("I7", "about 1.2m"),
     "Gross saving (£000) holds text 'about 1.2m'", "QIPP", "I7"),
    ("#REF! typed", lambda wb: wb["QIPP"].__setitem__("I8", "#REF!"),
     "shows the error #REF!", "QIPP", "I8"),
    ("#REF! in a formula", lambda wb: wb["QIPP"].__setitem__("K9", "=I9-#REF!"),
     "#REF!", "QIPP", "K9"),
    ("unknown status", lambda wb: wb["QIPP"].__setitem__("G7", "Probably"),
     "Status 'Probably' is not one of", "QIPP", "G7"),
    ("formula without a result", lambda wb: wb["QIPP"].__setitem__("I10", "=1000+200"),
     "formula whose result was not saved", "QIPP", "I10"),
    ("figures without a name", lambda wb: wb["QIPP"].__setitem__("I40", 100),
     "has figures but no Scheme", "QIPP", "B40"),
    ("negative month", lambda wb: wb["QIPP"].__setitem__("P7", -5),
     "cannot be negative", "QIPP", "P7"),
    ("confidence over 100%", lambda wb: wb["QIPP"].__setitem__("L7", 1.5),
     "outside the range the template allows (0% to 100%)", "QIPP", "L7"),
    ("required cell emptied", lambda wb: wb["Risk"].__setitem__("F8", None),
     "is empty", "Risk", "F8"),
    ("likelihood as text", lambda wb: wb["Risk"].__setitem__("F7", "high"),
     "holds text 'high'", "Risk", "F7"),
    ("assumption emptied", lambda wb: wb["Assumptions"].__setitem__("C8", None),
     "is empty", "Assumptions", "C8"),
    ("unknown workstream", lambda wb: wb["QIPP"].__setitem__("C7", "Dentistry"),
     "'Dentistry' is not on the Workstreams sheet", "QIPP", "C7"),
    ("newer template", lambda wb: wb["Cover"].__setitem__("C6", 2),
     "version 2 of the 2016/17 Finance Plan template", "Cover", "C6"),
    ("another organisation", lambda wb: wb["Cover"].__setitem__("C7", "10Y"),
     "for organisation 10Y but the plan is for 10Q", "Cover", "C7"),
    ("another year", lambda wb: wb["Cover"].__setitem__("C9", "2017/18"),
     "is for 2017/18 but the plan starts in 2016/17", "Cover", "C9"),
    ("missing sheet", lambda wb: wb.remove(wb["QIPP"]), "the QIPP sheet is missing", "QIPP", ""),
    ("required column gone", lambda wb: wb["QIPP"].__setitem__("G6", "Notes"),
     "no column headed 'Status'; it is required", "QIPP", "6:6"),
]


@pytest.mark.parametrize("case", CELL_CASES, ids=[c[0] for c in CELL_CASES])
def test_bad_cells_are_named(tmp_path, exported_demo, case):
    _, change, fragment, sheet, cell = case
    report = edited(tmp_path, exported_demo, change)
    check(report, fragment, sheet, cell)
    assert all(f.severity is Severity.PROBLEM or f.message for f in report.findings)


def test_every_problem_is_reported_not_just_the_first(tmp_path, exported_demo):
    def many(wb):
        for case in CELL_CASES[:8]:
            case[1](wb)
    report = edited(tmp_path, exported_demo, many)
    cells = {(f.sheet, f.cell) for f in report.problems}
    assert {(c[3], c[4]) for c in CELL_CASES[:8]} <= cells


def test_recognised_by_title_or_sheet_names_and_real_captions(tmp_path, exported_demo):
    def no_template_id(wb):
        wb["Cover"]["C5"] = None
        wb["Cover"]["C6"] = None

    report = edited(tmp_path, exported_demo, no_template_id)
    assert report.ok and report.preview.is_empty, report.text()
    assert [(f.severity, f.sheet, f.cell) for f in report.findings] == [
        (Severity.WARNING, "Cover", "C6")]  # no version: read as version 1

    def real_captions(wb):
        wb["Summary"].title = "Financial Plan Summary"
        wb["Allocations"].title = "Revenue Resource Limit"
        wb["Expenditure"].title = "Financial Plan Detail"
        wb["Cover"]["B2"] = None
        wb["Cover"]["C5"] = None

    report = edited(tmp_path, exported_demo, real_captions)
    assert report.ok and report.preview.is_empty, report.text()
