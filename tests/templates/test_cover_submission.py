"""Each exported template's Cover says which submission it is, from the round's timetable;
what a user typed on the Cover is kept, with a warning where it differs."""

from __future__ import annotations

import dataclasses
import datetime as dt

import openpyxl
import pytest

from tests.templates.srg_bcf_inputs import TYPE
from workbench.domain.demo_plan import demo_plan
from workbench.domain.submissions import Submission
from workbench.store import open_store
from workbench.templates.pipeline.cover_submission import submission_for
from workbench.templates.pipeline.exporter import export_template
from workbench.templates.pipeline.importer import plan_import

KINDS = ("activity", "finance", "resilience", "bcf")
CEO = "Chief Executive (delegated by the Governing Body)"
BCF_SIGNER = "Chair of the Health and Wellbeing Board"


def plan_with_bcf_sign_off():
    """The demo plan, its BCF final given a signer (the demo's has none)."""
    plan = demo_plan()
    plan.submissions = [dataclasses.replace(s, signed_off_by=BCF_SIGNER)
                        if s.name == "BCF final" else s for s in plan.submissions]
    return plan


EXPECTED = {
    "activity": ("Final", dt.date(2016, 4, 11), CEO),
    "finance": ("Final", dt.date(2016, 4, 11), CEO),
    "resilience": ("Final", dt.date(2016, 4, 11), CEO),
    "bcf": ("BCF final", dt.date(2016, 4, 25), BCF_SIGNER),
}


def cover_cell(path, label):
    """(coordinate, value) of the cell beside `label` on the Cover."""
    ws = openpyxl.load_workbook(path)["Cover"]
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == label:
                value = ws.cell(cell.row, cell.column + 1)
                return value.coordinate, value.value
    raise AssertionError(f"no {label} on the Cover")


def cover(path):
    version = cover_cell(path, "Version")[1]
    day = cover_cell(path, "Date")[1]
    signed = cover_cell(path, "Signed off by")[1]
    return version, day.date() if isinstance(day, dt.datetime) else day, signed


@pytest.mark.parametrize("kind", KINDS)
def test_a_fresh_export_carries_the_timetables_submission(kind, tmp_path):
    notes: list[str] = []
    out = export_template(plan_with_bcf_sign_off(), kind, tmp_path / f"{kind}.xlsx",
                          notes=notes)
    assert cover(out) == EXPECTED[kind]
    assert not [n for n in notes if "timetable" in n]


def type_on_cover(source, target, values):
    book = openpyxl.load_workbook(source)
    ws = book["Cover"]
    for label, value in values.items():
        ws[cover_cell(source, label)[0]] = value
    book.save(target)


@pytest.mark.parametrize("kind", KINDS)
def test_an_export_into_a_users_copy_keeps_what_they_typed_and_warns(kind, tmp_path):
    plan = plan_with_bcf_sign_off()
    fresh = export_template(plan, kind, tmp_path / "fresh.xlsx")
    typed = tmp_path / "typed.xlsx"
    type_on_cover(fresh, typed, {"Version": "Draft 2", "Date": None})  # Date left blank
    notes: list[str] = []
    into = export_template(plan, kind, tmp_path / "into.xlsx", into=typed, notes=notes)
    name, day, signed = EXPECTED[kind]
    assert cover(into) == ("Draft 2", day, signed)  # the blank Date gets the timetable's
    where = cover_cell(into, "Version")[0]
    said = f"{name}, {day.day} {day:%b %Y}"
    assert f"Cover!{where} keeps 'Draft 2' as typed; the timetable says '{said}'" in notes
    assert len([n for n in notes if "timetable" in n]) == 1  # Date was blank, sign-off same


def test_a_typed_date_and_sign_off_that_differ_are_kept_and_named(tmp_path):
    plan = plan_with_bcf_sign_off()
    fresh = export_template(plan, "finance", tmp_path / "fresh.xlsx")
    typed = tmp_path / "typed.xlsx"
    type_on_cover(fresh, typed, {"Date": dt.datetime(2016, 3, 2), "Signed off by": "CFO"})
    notes: list[str] = []
    into = export_template(plan, "finance", tmp_path / "into.xlsx", into=typed, notes=notes)
    assert cover(into) == ("Final", dt.date(2016, 3, 2), "CFO")
    warned = [n for n in notes if "timetable" in n]
    assert warned == [
        "Cover!C14 keeps '2 Mar 2016' as typed; the timetable says '11 Apr 2016' "
        "(Final, 11 Apr 2016)",
        f"Cover!C17 keeps 'CFO' as typed; the timetable says '{CEO}' (Final, 11 Apr 2016)"]


@pytest.mark.parametrize("kind", ("resilience", "bcf"))
def test_cover_values_the_plan_keeps_as_typed_win_with_a_warning(kind, tmp_path):
    """An imported SRG or BCF workbook's Cover entries are the plan's typed values: a
    fresh export writes them back (the round trip), warning where the timetable differs."""
    store = open_store(tmp_path / "plan.db", create=True)
    store.save_new_plan(demo_plan())
    exported = export_template(store.load_plan(), kind, tmp_path / "export.xlsx")
    typed = tmp_path / "typed.xlsx"
    TYPE[kind](exported, typed)
    type_on_cover(typed, typed, {"Version": "Draft 2"})
    report = plan_import(typed, store.load_plan())
    assert report.ok, report.text()
    store.apply(report.edit, action="import")
    notes: list[str] = []
    again = export_template(store.load_plan(), kind, tmp_path / "again.xlsx", notes=notes)
    assert cover_cell(again, "Version")[1] == "Draft 2"
    where = cover_cell(again, "Version")[0]
    name = "Final, 11 Apr 2016" if kind == "resilience" else "BCF final, 25 Apr 2016"
    assert f"Cover!{where} keeps 'Draft 2' as typed; the timetable says '{name}'" in notes


def test_the_submission_is_the_next_not_yet_submitted_else_the_last():
    plan = demo_plan()
    assert submission_for(plan, "finance").name == "Final"
    assert submission_for(plan, "bcf").name == "BCF final"
    d = dt.date
    plan.submissions = [
        Submission(1, "Draft 1", "Operational plan", d(2016, 2, 8), d(2016, 2, 8)),
        Submission(2, "Final", "Operational plan", d(2016, 4, 11), d(2016, 4, 11)),
        Submission(3, "Draft 2", "Operational plan", d(2016, 3, 2), d(2016, 3, 2)),
    ]
    assert submission_for(plan, "finance").name == "Final"  # all sent: the last by date
    assert submission_for(plan, "bcf").name == "Final"  # no BCF rows: every row counts
    plan.submissions[1].submitted_on = None
    assert submission_for(plan, "activity").name == "Final"
    plan.submissions[2].submitted_on = None
    assert submission_for(plan, "activity").name == "Draft 2"


def test_a_plan_without_a_timetable_leaves_the_cover_as_it_was(tmp_path):
    plan = demo_plan()
    plan.submissions = []
    notes: list[str] = []
    out = export_template(plan, "finance", tmp_path / "finance.xlsx", notes=notes)
    assert cover(out) == (None, None, None) and notes == []


def test_an_import_keeps_no_timetable_text_so_the_next_export_follows_the_timetable(tmp_path):
    store = open_store(tmp_path / "plan.db", create=True)
    store.save_new_plan(demo_plan())
    exported = export_template(store.load_plan(), "resilience", tmp_path / "export.xlsx")
    report = plan_import(exported, store.load_plan())
    assert report.ok, report.text()
    store.apply(report.edit, action="import")
    plan = store.load_plan()
    held = {v.key[2] for v in plan.template_values if v.key[:2] == ("Cover", "cover")}
    assert "Contact name" in held and not held & {"Version", "Date", "Signed off by"}
    final = next(s for s in plan.submissions if s.name == "Final")
    final.submitted_on = dt.date(2016, 4, 12)
    later = export_template(plan, "resilience", tmp_path / "later.xlsx")
    assert cover(later) == ("Final", dt.date(2016, 4, 12), CEO)  # the plan kept no 11 April
