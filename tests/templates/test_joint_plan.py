"""The Activity workbook's Joint Plan sheet round-trips: the commissioner's plan comes from
the plan's activity lines (one row per provider and measure), the provider's plan and any
row for another provider are kept as typed, and every bad cell is named."""

from __future__ import annotations

import json

import openpyxl
import pytest

from tests.templates.helpers import apply_report, demo
from tests.templates.hostile import rewrite, sheet_member
from tests.templates.test_bounded_reading import MEASURE, ROOT
from workbench.engine.activity import activity_plan
from workbench.templates.layouts.registry import spec_for
from workbench.templates.pipeline.exporter import export_template
from workbench.templates.pipeline.importer import plan_import
from workbench.templates.workbook.locate import table_columns
from workbench.templates.workbook.sheets import load

TABLE = spec_for("activity").table("Joint Plan")


def joint_rows(path) -> dict[tuple[str, str], dict[str, object]]:
    """(provider code, measure code) -> {column key: value}, found as the reader finds them."""
    data = load(path).find("Joint Plan")
    header_row, columns = table_columns(data, TABLE)
    out = {}
    for r in range(header_row + 1, data.max_row + 1):
        provider, code = data.value(r, columns["provider_code"]), data.value(r, columns["code"])
        if provider:
            out[(provider, code)] = {k: data.value(r, c) for k, c in columns.items()} | {"_row": r}
    return out


def cell_of(path, provider: str, code: str, key: str) -> str:
    data = load(path).find("Joint Plan")
    _, columns = table_columns(data, TABLE)
    row = joint_rows(path)[(provider, code)]["_row"]
    return f"{openpyxl.utils.get_column_letter(columns[key])}{row}"


@pytest.fixture
def exported(tmp_path):
    plan, store = demo()
    return plan, store, export_template(plan, "activity", tmp_path / "activity.xlsx")


def test_a_fresh_export_shows_each_lines_commissioner_plan(exported):
    plan, _, path = exported
    lines = [x for x in plan.activity_lines if x.year == 2016]
    planned = activity_plan(lines, plan.schemes).figures["planned"]
    rows = joint_rows(path)
    assert len(rows) == len(lines) == 10
    for line in lines:
        row = rows[(line.provider, line.measure.info.code)]
        assert row["commissioner_plan"] == pytest.approx(float(planned.loc[line.id]))
        assert row["provider"] == line.provider_name and row["provider_plan"] is None
    assert rows[("RTH", "E.M.11")]["commissioner_plan"] == pytest.approx(55_819.44)


def test_an_unchanged_reimport_has_no_changes(exported):
    plan, _, path = exported
    report = plan_import(path, plan)
    assert report.ok and report.preview.is_empty, report.text()


def test_provider_plans_and_another_providers_row_round_trip(exported, tmp_path):
    plan, store, path = exported
    before = joint_rows(path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Joint Plan"]
    ws[cell_of(path, "RTH", "E.M.11", "provider_plan")] = 57_250
    ws[cell_of(path, "RTH", "E.M.12", "provider_plan")] = 150_000.5
    free = max(r["_row"] for r in before.values()) + 1
    for col, value in zip("ABCDE", ("RAX", "Royal Berkshire", "e.m.11", 1_200, 1_350),
                          strict=True):
        ws[f"{col}{free}"] = value  # a row for a provider the plan has no line for
    typed = tmp_path / "typed.xlsx"
    wb.save(typed)
    report = plan_import(typed, plan)
    assert report.ok, report.text()
    assert sorted(r.name for r in report.preview.added) == [
        "Joint Plan: RAX E.M.11", "Joint Plan: RTH E.M.11", "Joint Plan: RTH E.M.12"]
    assert not [f for f in report.warnings if f.sheet == "Joint Plan"
                and f.cell[:1] != "E"], report.text()  # blank provider plans only
    apply_report(plan, report, store)
    kept = {v.key: v.value for v in plan.template_values if v.sheet == "Joint Plan"}
    assert kept[("Joint Plan", "RTH E.M.11", "Provider plan")] == "57250"
    assert kept[("Joint Plan", "RTH E.M.12", "Provider plan")] == "150000.5"
    assert kept[("Joint Plan", "RAX E.M.11", "Commissioner plan")] == "1200"

    fresh = export_template(plan, "activity", tmp_path / "fresh.xlsx")
    rows = joint_rows(fresh)
    assert rows[("RTH", "E.M.11")]["provider_plan"] == 57_250
    assert rows[("RTH", "E.M.12")]["provider_plan"] == 150_000.5
    assert rows[("RAX", "E.M.11")]["provider"] == "Royal Berkshire"
    assert rows[("RAX", "E.M.11")]["provider_plan"] == 1_350
    assert len(rows) == 11
    again = plan_import(fresh, plan)
    assert again.ok and again.preview.is_empty, again.text()


def test_a_changed_commissioner_plan_is_a_warning_and_the_plans_figure_stays(exported,
                                                                             tmp_path):
    plan, _, path = exported
    where = cell_of(path, "RTH", "E.M.11", "commissioner_plan")
    wb = openpyxl.load_workbook(path)
    wb["Joint Plan"][where] = 60_000
    wb.save(tmp_path / "changed.xlsx")
    report = plan_import(tmp_path / "changed.xlsx", plan)
    assert report.ok and report.preview.is_empty, report.text()
    [warning] = [f for f in report.warnings if f.cell == where]
    assert warning.sheet == "Joint Plan" and "60,000.0" in warning.message
    assert "55,819.4" in warning.message


def test_export_into_a_colleagues_copy_keeps_their_provider_plans(exported, tmp_path):
    plan, _, path = exported
    where = cell_of(path, "RTH", "E.M.8", "provider_plan")
    wb = openpyxl.load_workbook(path)
    wb["Joint Plan"][where] = 118_000
    wb.save(tmp_path / "colleague.xlsx")
    out = export_template(plan, "activity", tmp_path / "out.xlsx",
                          into=tmp_path / "colleague.xlsx")
    assert joint_rows(out)[("RTH", "E.M.8")]["provider_plan"] == 118_000


@pytest.mark.parametrize(("provider", "code", "key", "value", "words"), [
    ("RTH", "E.M.11", "provider_plan", "#N/A", "#N/A"),
    ("RTH", "E.M.11", "provider_plan", "lots", "where a number is needed"),
    ("RTH", "E.M.11", "provider_plan", 1e300, "too large"),
    ("RTH", "E.M.11", "provider_plan", 2e8, "outside the range"),
    ("RTH", "E.M.11", "code", "E.M.99", "is not one of"),
    ("RTH", "E.M.11", "code", None, "has no Code"),
    ("RTH", "E.M.11", "code", "#REF!", "#REF!"),
    ("RTH", "E.M.11", "provider_code", "#N/A", "#N/A"),
])
def test_a_bad_cell_is_a_problem_naming_it(exported, tmp_path, provider, code, key, value,
                                           words):
    plan, _, path = exported
    where = cell_of(path, provider, code, key)
    wb = openpyxl.load_workbook(path)
    wb["Joint Plan"][where] = value
    wb.save(tmp_path / "bad.xlsx")
    report = plan_import(tmp_path / "bad.xlsx", plan)
    assert not report.ok and report.edit is None
    assert [(f.sheet, f.cell) for f in report.problems] == [("Joint Plan", where)], \
        report.text()
    assert words in report.problems[0].message


def test_the_same_provider_and_measure_twice_is_a_problem_naming_both_rows(exported,
                                                                           tmp_path):
    plan, _, path = exported
    first = joint_rows(path)[("RTH", "E.M.11")]["_row"]
    free = max(r["_row"] for r in joint_rows(path).values()) + 1
    wb = openpyxl.load_workbook(path)
    ws = wb["Joint Plan"]
    for col, value in zip("ACE", ("rth", "E.M.11", 5), strict=True):
        ws[f"{col}{free}"] = value
    wb.save(tmp_path / "twice.xlsx")
    report = plan_import(tmp_path / "twice.xlsx", plan)
    assert not report.ok
    [problem] = report.problems
    assert (problem.sheet, problem.cell) == ("Joint Plan", f"A{free}")
    assert f"also on row {first}" in problem.message and "Provider code and Code" in \
        problem.message


def test_text_that_looks_like_a_formula_is_written_as_text(exported, tmp_path):
    plan, store, path = exported
    wb = openpyxl.load_workbook(path)
    ws = wb["Joint Plan"]
    free = max(r["_row"] for r in joint_rows(path).values()) + 1
    for col, value in zip("ABCE", ("RAX", '=HYPERLINK("http://x","y")', "E.M.8", 3),
                          strict=True):
        ws[f"{col}{free}"] = value
    ws[f"B{free}"].data_type = "s"  # typed as text, as a user's quote prefix makes it
    wb.save(tmp_path / "inject.xlsx")
    report = plan_import(tmp_path / "inject.xlsx", plan)
    assert report.ok, report.text()
    apply_report(plan, report, store)
    out = export_template(plan, "activity", tmp_path / "out.xlsx")
    cell = openpyxl.load_workbook(out)["Joint Plan"][cell_of(out, "RAX", "E.M.8", "provider")]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def test_thousands_of_joint_plan_rows_are_read_in_bounded_memory(exported, tmp_path):
    """The worst Joint Plan a file under the limits can hold: 4,900 filled rows, each its
    own provider, checked and kept; measured in a child process capped at 3 GB."""
    import subprocess
    import sys

    _, _, path = exported
    member = sheet_member(path, "Joint Plan")

    def change(data: bytes) -> bytes:
        body = "".join(
            f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>P{r}</t></is></c>'
            f'<c r="C{r}" t="inlineStr"><is><t>E.M.11</t></is></c>'
            f'<c r="D{r}"><v>{r}</v></c><c r="E{r}"><v>{r + 1}</v></c></row>'
            for r in range(100, 5000))
        head, tail = data.split(b"</sheetData>", 1)
        return head + body.encode() + b"</sheetData>" + tail

    worst = rewrite(path, tmp_path / "worst.xlsx", member, change)
    out = subprocess.run(["prlimit", "--as=3000000000", "--", sys.executable, "-c", MEASURE,
                          "import", str(worst)], cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    got = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"Joint Plan, 4,900 rows: {got['seconds']:.1f} s, peak {got['peak_mb']:.0f} MB")
    assert "can be imported" in got["text"] and "Joint Plan: P4999 E.M.11" in got["text"]
    assert got["peak_mb"] < 500 and got["seconds"] < 10, got
