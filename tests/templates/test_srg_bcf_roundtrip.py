"""The SRG resilience and BCF workbooks round-trip through the plan without loss."""

from __future__ import annotations

import dataclasses

import openpyxl
import pytest

from tests.templates.srg_bcf_inputs import TYPE, input_cells
from tests.templates.test_colleague_copy import needs_soffice, soffice_convert
from workbench.domain.activity import Measure
from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import DeleteRows, EntityKind
from workbench.engine.activity import activity_plan
from workbench.store import open_store
from workbench.templates.pipeline.exporter import export_template
from workbench.templates.pipeline.importer import plan_import

KINDS = ("resilience", "bcf")


@pytest.fixture
def saved(tmp_path):
    store = open_store(tmp_path / "plan.db", create=True)
    return store, store.save_new_plan(demo_plan())


def typed_copy(store, kind, tmp_path):
    """Export the stored plan, then type a colleague's inputs into the copy."""
    exported = export_template(store.load_plan(), kind, tmp_path / f"{kind}-export.xlsx")
    typed = tmp_path / f"{kind}-typed.xlsx"
    TYPE[kind](exported, typed)
    return typed


def imported(store, path):
    report = plan_import(path, store.load_plan())
    assert report.ok, report.text()
    store.apply(report.edit, action="import")
    return report, store.load_plan()


def kept(plan, kind):
    return {v.key: v.value for v in plan.template_values if v.template == kind}


@pytest.mark.parametrize("kind", KINDS)
def test_typed_inputs_round_trip_cell_by_cell(kind, saved, tmp_path):
    store, _ = saved
    typed = typed_copy(store, kind, tmp_path)
    report, plan = imported(store, typed)
    assert report.warnings == [], report.text()
    assert report.preview.added and not report.preview.changed and not report.preview.removed
    again = export_template(plan, kind, tmp_path / "again.xlsx")
    assert input_cells(again) == input_cells(typed)
    second = plan_import(again, plan)
    assert second.ok and second.findings == [], second.text()
    assert second.edit.edits == () and second.preview.is_empty


@pytest.mark.parametrize("kind", KINDS)
def test_export_into_a_colleagues_copy(kind, saved, tmp_path):
    store, plan = saved
    typed = typed_copy(store, kind, tmp_path)
    untouched = export_template(plan, kind, tmp_path / "into-before.xlsx", into=typed)
    assert input_cells(untouched) == input_cells(typed)  # never imported: entries left alone
    _, plan = imported(store, typed)
    book = openpyxl.load_workbook(typed)
    book["Cover"]["C16" if kind == "resilience" else "C18"] = "someone else"
    book.save(tmp_path / "drifted.xlsx")
    into = export_template(plan, kind, tmp_path / "into.xlsx", into=tmp_path / "drifted.xlsx")
    assert input_cells(into) == input_cells(typed)  # the plan's values win


def test_resilience_values_keep_exact_text_and_leave_modelled_figures_to_the_plan(saved,
                                                                                     tmp_path):
    store, _ = saved
    report, plan = imported(store, typed_copy(store, "resilience", tmp_path))
    values = kept(plan, "resilience")
    demand = "Demand and Capacity"
    assert values[(demand, "D04", "Apr-16")] == "812"
    assert values[(demand, "D06", "Dec-16")] == "790.5"
    assert values[(demand, "D02", "2015/16 outturn")] == "0.887"
    assert values[("Resilience Checklist", "Seven-day discharge", "Date")] == "2016-10-03"
    assert values[("Resilience Checklist", "Ambulance handover", "In place?")] == "Partial"
    assert values[("Resilience Checklist", "Flu and norovirus", "Owner")] == ""
    assert values[("Cover", "cover", "provider_code")] == "RTH"
    assert values[("Cover", "cover", "Contact e-mail")] == "a.planner@nhs.net"
    modelled = [k for k in values if k[1] in ("D01", "D03") or (
        k[1] in ("D02", "D09") and k[2] != "2015/16 outturn")]
    assert modelled == [] and ("Cover", "cover", "ods_code") not in values
    names = [r.name for r in report.preview.added]
    assert "Demand and Capacity: D04 G&A core beds available" in names
    assert "Resilience Checklist: Flu and norovirus" in names


def test_bcf_values_and_the_plans_non_elective_metric(saved, tmp_path):
    store, _ = saved
    typed = typed_copy(store, "bcf", tmp_path)
    _, plan = imported(store, typed)
    values = kept(plan, "bcf")
    assert values[("Funding Sources", "F01", "Pooled? (Y/N)")] == "Yes"
    assert values[("Funding Sources", "F03", "2016/17 £")] == "5200000.5"
    assert values[("Funding Sources", "F02", "2016/17 £")] == ""
    assert values[("Expenditure Plan", "Integrated locality teams", "2016/17 expenditure £")] \
        == "3125000.5"
    assert values[("National Conditions", "Agreement on the impact on providers", "Met?")] \
        == "No - in progress"
    assert values[("Cover", "cover", "signed_off")] == "2016-05-05"
    assert not any(k[0] == "Metrics" for k in values)
    metrics = openpyxl.load_workbook(typed)["Metrics"]
    nel = [x for x in plan.activity_lines if x.measure is Measure.NON_ELECTIVE and x.year == 2016]
    monthly = activity_plan(nel, plan.schemes).monthly.to_numpy().sum(axis=0)
    assert [metrics.cell(8, c).value for c in range(3, 7)] == pytest.approx(
        [monthly[q * 3:q * 3 + 3].sum() for q in range(4)])
    # the baseline is what the lines expect before the BCF scheme: 55,760 x 1.019
    assert sum(metrics.cell(7, c).value for c in range(3, 7)) == pytest.approx(56_819.44)


@pytest.mark.parametrize("kind", KINDS)
def test_the_import_is_one_undoable_step(kind, saved, tmp_path):
    store, before = saved
    report = plan_import(typed_copy(store, kind, tmp_path), before)
    applied = store.apply(report.edit, action="import")
    assert len(store.load_plan().template_values) > 50
    store.apply(applied.inverted(), action="undo")
    assert store.load_plan() == before


def test_a_changed_modelled_figure_is_a_warning_and_the_apps_figure_stays(saved, tmp_path):
    store, _ = saved
    typed = typed_copy(store, "resilience", tmp_path)
    book = openpyxl.load_workbook(typed)
    book["Demand and Capacity"]["E7"] = 13_000  # A&E attendances, April
    book["Demand and Capacity"]["F8"] = 0.5  # 4-hour performance, May
    book["Cover"]["C8"] = "Oxfordshire Clinical Commissioning Group"
    book.save(typed)
    report, plan = imported(store, typed)
    assert {(f.sheet, f.cell) for f in report.warnings} == {
        ("Demand and Capacity", "E7"), ("Demand and Capacity", "F8"), ("Cover", "C8")}
    assert all("is used" in f.message for f in report.warnings)
    assert ("Demand and Capacity", "D01", "Apr-16") not in kept(plan, "resilience")
    again = openpyxl.load_workbook(export_template(plan, "resilience", tmp_path / "a.xlsx"))
    assert again["Demand and Capacity"]["E7"].value == pytest.approx(12_416.96, abs=0.01)
    assert again["Cover"]["C8"].value == "Oxfordshire CCG"


def test_without_the_modelled_lines_their_cells_are_kept_as_values(saved, tmp_path):
    store, plan = saved
    ae = next(x for x in plan.activity_lines
              if x.measure is Measure.AE_ALL_TYPES and x.year == 2016)
    store.apply(DeleteRows(EntityKind.ACTIVITY_LINE, (ae,)))
    typed = typed_copy(store, "resilience", tmp_path)
    book = openpyxl.load_workbook(typed)
    assert book["Demand and Capacity"]["E7"].value is None  # nothing to export
    for col in range(4, 17):
        book["Demand and Capacity"].cell(7, col, 12_000 + col)
    book.save(typed)
    _, after = imported(store, typed)
    assert kept(after, "resilience")[("Demand and Capacity", "D01", "Apr-16")] == "12005"
    assert ("Demand and Capacity", "D03", "Apr-16") not in kept(after, "resilience")


def test_removing_a_scheme_row_removes_its_values(saved, tmp_path):
    store, _ = saved
    typed = typed_copy(store, "bcf", tmp_path)
    _, plan = imported(store, typed)
    book = openpyxl.load_workbook(typed)
    book["Expenditure Plan"].delete_rows(8)  # "Integrated locality teams"
    book.save(typed)
    report = plan_import(typed, plan)
    assert report.ok, report.text()
    assert [r.name for r in report.preview.removed] == [
        "Expenditure Plan: Integrated locality teams"]
    assert not report.preview.added and not report.preview.changed
    store.apply(report.edit)
    after = store.load_plan()
    rows = {v.row for v in after.template_values if v.sheet == "Expenditure Plan"}
    assert rows == {"Reablement service", "Home adaptations"}
    sheet = openpyxl.load_workbook(export_template(after, "bcf", tmp_path / "b.xlsx"))[
        "Expenditure Plan"]
    assert [sheet.cell(r, 2).value for r in range(7, 10)] == [
        "Reablement service", "Home adaptations", None]


def test_a_colleagues_rearranged_copy_still_loads(saved, tmp_path):
    store, _ = saved
    for kind in KINDS:
        _, plan = imported(store, typed_copy(store, kind, tmp_path))
    srg = openpyxl.load_workbook(export_template(plan, "resilience", tmp_path / "s.xlsx"))
    srg["Cover"].insert_rows(4)
    demand = srg["Demand and Capacity"]
    demand.insert_rows(10, 2)  # between non-elective admissions and core beds ...
    demand["B10"] = "Beds: from the trust's winter capacity return"  # ... one a note
    demand.move_range("A14:P14", rows=6)  # occupied beds moved below the block
    checklist = srg["Resilience Checklist"]
    checklist.move_range("A7:G7", rows=10)  # winter plan moved to the bottom ...
    checklist["A19"] = "Note: reviewed by the A&E delivery board"  # ... and a note under it
    srg.save(tmp_path / "srg-moved.xlsx")
    bcf = openpyxl.load_workbook(export_template(plan, "bcf", tmp_path / "b.xlsx"))
    expenditure = bcf["Expenditure Plan"]
    expenditure.insert_rows(8)
    expenditure["B8"] = "Schemes below were agreed at the HWB in April"
    expenditure.move_range("A7:I7", rows=20)  # the first scheme moved down the list
    bcf.save(tmp_path / "bcf-moved.xlsx")
    for name in ("srg-moved.xlsx", "bcf-moved.xlsx"):
        report = plan_import(tmp_path / name, plan)
        assert report.ok and report.preview.is_empty, report.text()
    notes = plan_import(tmp_path / "bcf-moved.xlsx", plan).warnings
    assert [(f.sheet, f.cell) for f in notes] == [("Expenditure Plan", "B8")]


@pytest.mark.parametrize(("kind", "sheet", "cell", "value", "words"), [
    ("resilience", "Demand and Capacity", "G10", "lots", "where a number is needed"),
    ("resilience", "Demand and Capacity", "H13", "=SUM(#REF!)", "#REF!"),
    ("resilience", "Cover", "C10", None, "is empty"),
    ("resilience", "Resilience Checklist", "D9", "Purple", "is not one of"),
    ("bcf", "Supporting Metrics", "D8", "#REF!", "#REF!"),
    ("bcf", "Expenditure Plan", "I8", "three million", "where a number is needed"),
    ("bcf", "Expenditure Plan", "C9", None, "is empty"),
    ("bcf", "Expenditure Plan", "I7", -5, "outside the range"),
    ("bcf", "Funding Sources", "E7", "maybe", "is not Y or N"),
    ("bcf", "Cover", "C7", "10X", "the workbook is for organisation 10X"),
])
def test_a_bad_cell_is_a_problem_naming_it_and_nothing_is_applied(
        saved, tmp_path, kind, sheet, cell, value, words):
    store, _ = saved
    typed = typed_copy(store, kind, tmp_path)
    book = openpyxl.load_workbook(typed)
    book["Cover"]["C14" if kind == "resilience" else "C18"] = "changed"  # a good change too
    book[sheet][cell] = value
    if words == "is empty":  # a required blank is a problem once the submission is Final
        cover = book["Cover"]
        submission = next(c for row in cover.iter_rows() for c in row if c.value == "Submission")
        cover.cell(submission.row, submission.column + 1).value = "Final"
    book.save(typed)
    before = store.load_plan()
    report = plan_import(typed, before)
    assert not report.ok and report.edit is None
    assert [(f.sheet, f.cell) for f in report.problems] == [(sheet, cell)], report.text()
    assert words in report.problems[0].message
    assert store.load_plan() == before


@needs_soffice
@pytest.mark.parametrize("kind", KINDS)
def test_a_libreoffice_resave_imports_to_the_same_values(kind, saved, tmp_path):
    store, _ = saved
    typed = typed_copy(store, kind, tmp_path)
    converted = soffice_convert(typed, tmp_path / "lo", tmp_path)
    checklist = openpyxl.load_workbook(converted, data_only=True)["Checklist"]
    assert checklist["C3"].value == "Complete Template"  # every required input is there
    direct = plan_import(typed, store.load_plan())
    resaved = plan_import(converted, store.load_plan())
    assert resaved.ok and resaved.warnings == [], resaved.text()
    assert [dataclasses.astuple(v) for v in resaved.edit.edits[0].rows] == [
        dataclasses.astuple(v) for v in direct.edit.edits[0].rows]
    _, plan = imported(store, typed)
    assert plan_import(converted, plan).preview.is_empty
