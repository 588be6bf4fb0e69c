"""The Activity Plan workbook imports as one edit of that year's activity lines."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import openpyxl
import pytest

from tests.templates.test_colleague_copy import needs_soffice, soffice_convert
from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import DeleteRows, EntityKind, SetField
from workbench.engine import compute
from workbench.store import open_store
from workbench.templates.pipeline.exporter import export_template
from workbench.templates.pipeline.importer import plan_import


def lines_of(plan, year=2016):
    """The year's lines without ids or sources (a workbook carries neither: a line deleted
    and brought back by an import comes back without its source)."""
    return sorted((dataclasses.replace(x, id=None, source="") for x in plan.activity_lines
                   if x.year == year),
                  key=lambda x: (x.measure.value, x.provider))


@pytest.fixture
def exported(tmp_path):
    store = open_store(tmp_path / "plan.db", create=True)
    plan = store.save_new_plan(demo_plan())
    line = plan.activity_lines[0]
    store.apply(SetField(EntityKind.ACTIVITY_LINE, line.id, "overrides", {},
                         {3: Decimal(4800)}))  # a hand-typed July travels as an override
    plan = store.load_plan()
    path = tmp_path / "activity.xlsx"
    export_template(plan, "activity", path)
    return store, plan, path


def test_unchanged_plan_imports_as_an_empty_edit(exported):
    store, plan, path = exported
    report = plan_import(path, plan)
    assert report.ok and report.kind == "activity"
    assert report.preview.is_empty and report.edit.edits == ()


def test_import_restores_changed_and_deleted_lines_and_leaves_other_years(exported):
    store, saved, path = exported
    plan = store.load_plan()
    store.apply(DeleteRows(EntityKind.ACTIVITY_LINE, (plan.activity_lines[4],)))
    grown = plan.activity_lines[5]
    store.apply(SetField(EntityKind.ACTIVITY_LINE, grown.id, "growth", grown.growth,
                         Decimal("0.05")))
    changed = store.load_plan()
    report = plan_import(path, changed)
    assert report.ok
    assert report.preview.counts() == {"added": 1, "changed": 1, "removed": 0, "drivers": 0}
    [change] = report.preview.changed
    assert [(c.field, c.new) for c in change.changes] == [("growth", Decimal("0.019"))]
    store.apply(report.edit, action="import")
    after = store.load_plan()
    assert lines_of(after) == lines_of(saved)
    assert lines_of(after, 2017) == lines_of(saved, 2017)  # the 2017/18 line was not touched
    assert compute(after).nel_admissions_avoided == 1000


def test_lines_missing_from_the_workbook_are_removed(exported, tmp_path):
    store, plan, path = exported
    wb = openpyxl.load_workbook(path)
    ws = wb["Activity Plan"]
    row = next(r for r in ws.iter_rows() if any(c.value == "E.M.9" for c in r))
    ws.delete_rows(row[0].row)
    wb.save(tmp_path / "fewer.xlsx")
    report = plan_import(tmp_path / "fewer.xlsx", plan)
    assert report.ok, report.text()
    assert [r.name for r in report.preview.removed] == [
        "Consultant-led follow-up outpatient attendances, OUH"]
    store.apply(report.edit)
    assert len(store.load_plan().activity_lines) == len(plan.activity_lines) - 1


@needs_soffice
def test_libreoffice_copy_imports_to_the_same_lines(exported, tmp_path):
    store, plan, path = exported
    copy = soffice_convert(path, tmp_path / "lo", tmp_path)
    report = plan_import(copy, plan)
    assert report.ok, report.text()
    assert report.edit.edits == ()
