"""Every template checks whose workbook it is (organisation and planning round on its
Cover), and required blanks are warnings while the Cover says Draft, problems once Final."""

from __future__ import annotations

import openpyxl
import pytest

from tests.templates.helpers import demo
from workbench.templates.pipeline.exporter import export_template
from workbench.templates.pipeline.importer import plan_import
from workbench.templates.workbook.recognise import label_cell
from workbench.templates.workbook.sheets import load

KINDS = ["activity", "finance", "resilience", "bcf"]


def cover_edit(path, out, **labels):
    """Set the value beside each Cover label ('Planning round' ...)."""
    cover_data = load(path).find("Cover")
    wb = openpyxl.load_workbook(path)
    ws = wb["Cover"]
    where = {}
    for label, value in labels.items():
        r, c = label_cell(cover_data, label.replace("_", " ").capitalize())
        ws.cell(r, c).value = value
        where[label] = ws.cell(r, c).coordinate
    wb.save(out)
    return out, where


@pytest.mark.parametrize("kind", KINDS)
def test_a_workbook_of_another_round_is_refused_at_its_cell(tmp_path, kind):
    plan, _ = demo()
    path = export_template(plan, kind, tmp_path / "plan.xlsx")
    edited, where = cover_edit(path, tmp_path / "other.xlsx", planning_round="2017/18")
    report = plan_import(edited, plan)
    assert not report.ok and report.edit is None
    hits = [f for f in report.problems if "2017/18" in f.message]
    assert hits and (hits[0].sheet, hits[0].cell) == ("Cover", where["planning_round"]), \
        report.text()


@pytest.mark.parametrize("kind", KINDS)
def test_a_workbook_of_another_organisation_is_refused_at_its_cell(tmp_path, kind):
    plan, _ = demo()
    path = export_template(plan, kind, tmp_path / "plan.xlsx")
    edited, where = cover_edit(path, tmp_path / "other.xlsx", organisation_code="99X")
    report = plan_import(edited, plan)
    assert not report.ok and report.edit is None
    hits = [f for f in report.problems if "99X" in f.message]
    assert len(hits) == 1, report.text()
    assert (hits[0].sheet, hits[0].cell) == ("Cover", where["organisation_code"])


@pytest.mark.parametrize("kind", ["resilience", "bcf"])
def test_a_fresh_export_reimports_while_draft_and_needs_its_blanks_once_final(tmp_path, kind):
    plan, _ = demo()
    path = export_template(plan, kind, tmp_path / "plan.xlsx")
    draft, _ = cover_edit(path, tmp_path / "draft.xlsx", submission="Draft")
    report = plan_import(draft, plan)
    blanks = [f for f in report.warnings if "before the Final submission" in f.message]
    assert report.ok and blanks, report.text()
    final, _ = cover_edit(path, tmp_path / "final.xlsx", submission="Final")
    report = plan_import(final, plan)
    assert not report.ok
    assert len([f for f in report.problems if "is empty" in f.message]) == len(blanks)
