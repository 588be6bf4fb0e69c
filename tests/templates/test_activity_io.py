"""Activity lines through the Activity Plan sheet; SRG and BCF covers."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import openpyxl
import pytest

from tests.templates.helpers import demo
from tests.templates.test_colleague_copy import needs_soffice, soffice_convert
from workbench.domain.demo_activity import demo_activity_lines
from workbench.templates.activity.lines import read_activity
from workbench.templates.pipeline.exporter import export_template


@pytest.fixture(scope="module")
def activity_export(tmp_path_factory):
    plan, _ = demo()
    lines = demo_activity_lines()
    lines[0] = lines[0].with_override(3, Decimal(4800))  # a hand-typed July
    path = tmp_path_factory.mktemp("activity") / "activity.xlsx"
    export_template(plan, "activity", path, activity=lines)
    return path, plan, lines


def test_lines_come_back_identical_against_the_current_lines(activity_export):
    path, plan, lines = activity_export
    report = read_activity(path, plan, lines)
    assert report.ok and report.findings == []
    assert report.lines == [line for line in lines if line.year == 2016]


def test_into_no_lines_only_what_the_sheet_cannot_hold_differs(activity_export):
    path, plan, lines = activity_export
    report = read_activity(path, plan)
    want = [line for line in lines if line.year == 2016]
    assert len(report.lines) == len(want)
    for got, line in zip(report.lines, want, strict=True):
        assert got.id is None and got.actuals == {}
        assert abs(got.baseline - line.baseline) <= Decimal("1e-9") * line.baseline
        same = dataclasses.replace(got, id=line.id, actuals=line.actuals, baseline=line.baseline,
                                   source=line.source)  # the sheet holds no sources
        assert same == line
    assert report.lines[0].overrides == {3: Decimal(4800)}


def test_bad_codes_and_wrong_workbooks_are_named(tmp_path, activity_export, exported_demo):
    path, plan, lines = activity_export
    wb = openpyxl.load_workbook(path)
    ws = wb["Activity Plan"]
    ws["C8"], ws["F9"] = "E.M.99", "lots"
    bad = tmp_path / "bad.xlsx"
    wb.save(bad)
    report = read_activity(bad, plan, lines)
    assert not report.ok and report.lines == []
    assert {(f.sheet, f.cell) for f in report.findings} == {("Activity Plan", "C8"),
                                                            ("Activity Plan", "F9")}
    wrong = read_activity(exported_demo, plan)
    assert not wrong.ok and "not the Activity Plan" in wrong.findings[0].message


def test_resilience_and_bcf_carry_the_cover(tmp_path):
    plan, _ = demo()
    for kind in ("resilience", "bcf"):
        out = export_template(plan, kind, tmp_path / f"{kind}.xlsx")
        cover = openpyxl.load_workbook(out)["Cover"]
        values = {cover.cell(r, 2).value: cover.cell(r, 3).value for r in range(1, 40)}
        assert values["Organisation code"] == "10Q"
        assert values["Organisation name"] == "Oxfordshire CCG"


@needs_soffice
def test_activity_formulas_agree_after_recalculation(tmp_path, activity_export):
    path, _, _ = activity_export
    converted = soffice_convert(path, tmp_path / "lo", tmp_path)
    ws = openpyxl.load_workbook(converted, data_only=True)["Activity Plan"]
    header = [c.value for c in ws[6]]
    rows = [dict(zip(header, (c.value for c in row), strict=False)) for row in ws.iter_rows(7, 16)]
    assert rows[0]["Measure"] == "Total non-elective spells (specific acute)"
    assert rows[0]["Jul-16"] == 4800  # the override shows in the Check column ...
    assert abs(rows[0]["Check"]) > 1
    assert rows[0]["Check"] == pytest.approx(rows[0]["Total"] - rows[0]["2016/17 Plan"])
    assert all(r["Check"] == pytest.approx(0, abs=1e-6) for r in rows[1:])
