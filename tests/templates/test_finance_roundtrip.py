"""Round trips: the demo plan through the Finance workbook and back, figure for figure."""

from __future__ import annotations

import copy
import dataclasses
import shutil

import openpyxl

from tests.templates.helpers import apply_report, demo, empty_like, signature
from workbench.domain.edits import Batch, DeleteRows, EntityKind, InsertRows, SetField
from workbench.engine import compute
from workbench.templates.pipeline.exporter import export_template
from workbench.templates.pipeline.importer import plan_import


def test_reimporting_an_unchanged_export_changes_nothing(exported_demo):
    plan, _ = demo()
    report = plan_import(exported_demo, plan)
    assert report.ok and report.findings == [], report.text()
    assert report.preview.is_empty
    assert report.edit == Batch((), f"Import {exported_demo.name}")


def carried(summary):
    """The figures a finance workbook carries: not the pools', contracts' or trajectories'
    (an empty plan has none of those to import into)."""
    return dataclasses.replace(summary, pooled_budget=0, contract_incentives_at_stake=0,
                               contract_income=0, contract_risk=0)


def test_import_into_an_empty_plan_recreates_it_figure_for_figure(exported_demo):
    source, _ = demo()
    fresh = empty_like(source)
    report = plan_import(exported_demo, fresh)
    assert report.ok and report.findings == [], report.text()
    counts = report.preview.counts()
    assert counts["added"] == 8 + 5 + 9 + 11 + 6 and counts["removed"] == 0
    apply_report(fresh, report)
    assert signature(fresh) == signature(source)
    assert carried(compute(fresh).summary) == carried(compute(source).summary)
    assert carried(report.summary) == carried(compute(source).summary)
    for got, want in zip(fresh.schemes, source.schemes, strict=True):
        assert got.phasing == want.phasing  # whole-number weights come back exactly


def test_the_edit_is_one_batch_of_simple_edits_with_new_rows_unsaved(exported_demo):
    source, _ = demo()
    report = plan_import(exported_demo, empty_like(source))
    kinds = {type(e) for e in report.edit.edits}
    assert kinds <= {SetField, InsertRows, DeleteRows}
    inserted = [e for e in report.edit.edits if isinstance(e, InsertRows)]
    assert [e.kind for e in inserted] == [EntityKind.SPEND_LINE, EntityKind.PRESSURE,
                                          EntityKind.WORKSTREAM, EntityKind.SCHEME,
                                          EntityKind.RISK]
    by_kind = {e.kind: e.rows for e in inserted}
    assert all(r.id is None for r in by_kind[EntityKind.SCHEME])  # nothing links to a scheme
    assert all(r.id is None for r in by_kind[EntityKind.RISK])
    local = {w.id for w in by_kind[EntityKind.WORKSTREAM] if w.id is not None}
    assert local and all(k < 0 for k in local)  # linked new workstreams carry local keys
    assert {s.workstream_id for s in by_kind[EntityKind.SCHEME]} <= local


def test_changes_in_the_workbook_become_set_insert_and_delete(tmp_path, exported_demo):
    plan, store = demo()
    edited = tmp_path / "edited.xlsx"
    wb = openpyxl.load_workbook(exported_demo)
    qipp = wb["QIPP"]
    assert qipp["B7"].value == "RightCare MSK triage and community service"
    qipp["I7"] = "1,500"  # gross saving typed as text with a thousands separator
    qipp["G8"] = "earmarked"  # status in lower case
    for col in range(2, 30):  # remove the third scheme's inputs
        if qipp.cell(9, col).protection.locked is False:
            qipp.cell(9, col).value = None
    qipp["B20"], qipp["D20"], qipp["F20"], qipp["G20"] = "New scheme", "Other", "Contract", \
        "Identified"
    qipp["H20"], qipp["I20"], qipp["L20"], qipp["AB20"], qipp["AC20"] = "Y", 250, 0.5, \
        "2016/17", "2016/17"
    qipp["C20"] = "IM&T"
    wb["Assumptions"]["C7"] = "1.5%"
    wb.save(edited)
    report = plan_import(edited, plan)
    assert report.ok, report.text()
    assert [c.field for c in report.preview.drivers] == ["tariff_uplift_pct"]
    changed = {r.name: {c.field for c in r.changes} for r in report.preview.changed}
    assert changed == {"RightCare MSK triage and community service": {"gross_saving"},
                       "Ophthalmology community clinics": {"status"}}
    assert [r.name for r in report.preview.added] == ["New scheme"]
    assert [r.name for r in report.preview.removed] == ["Outpatient follow-up ratios (RightCare)"]
    before = copy.deepcopy(plan)
    apply_report(plan, report, store)
    msk = plan.schemes[0]
    assert msk.gross_saving == 1_500_000
    new = next(s for s in plan.schemes if s.name == "New scheme")
    assert new.id > 0 and new.workstream_id == next(w.id for w in plan.workstreams
                                                     if w.name == "IM&T")
    assert len(plan.schemes) == len(before.schemes)
    undo = plan_import(exported_demo, plan)  # the original workbook puts everything back
    apply_report(plan, undo, store)
    assert signature(plan, ordered=False) == signature(before, ordered=False)


def test_export_into_a_colleagues_copy_keeps_their_notes(tmp_path, exported_demo):
    plan, _ = demo()
    theirs = tmp_path / "theirs.xlsx"
    wb = openpyxl.load_workbook(exported_demo)
    qipp = wb["QIPP"]
    qipp["AE6"], qipp["AE8"] = "Our notes", "Agreed with OUH 3 March"
    qipp["B8"], qipp["B9"] = qipp["B9"].value, qipp["B8"].value  # rows swapped by name only
    wb.save(theirs)
    out = tmp_path / "refreshed.xlsx"
    export_template(plan, "finance", out, into=theirs)
    again = openpyxl.load_workbook(out)["QIPP"]
    assert again["AE8"].value == "Agreed with OUH 3 March"  # their column survives
    assert again["B8"].value == "Outpatient follow-up ratios (RightCare)"  # kept in its row
    assert plan_import(out, plan).preview.is_empty


def test_a_renamed_copy_is_recognised_by_content(tmp_path, exported_demo):
    plan, _ = demo()
    renamed = tmp_path / "Copy of QIPP - FINAL v3 (2).xlsx"
    shutil.copy(exported_demo, renamed)
    assert plan_import(renamed, plan).preview.is_empty
