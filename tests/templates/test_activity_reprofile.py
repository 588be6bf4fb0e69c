"""Editing an activity line's growth or 2015/16 figure in the workbook re-profiles its
months: only months the user typed become overrides, not the twelve exported values."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from tests.templates.test_activity_import import exported  # noqa: F401  (fixture)
from workbench.templates.layouts.registry import spec_for
from workbench.templates.pipeline.exporter import export_template
from workbench.templates.pipeline.importer import plan_import
from workbench.templates.workbook.locate import table_columns
from workbench.templates.workbook.sheets import load


def layout(path):
    sheet = load(path).find("Activity Plan")
    header, columns = table_columns(sheet, spec_for("activity").table("Activity Plan"))
    return header, columns


@pytest.mark.parametrize(("column", "value"), [("growth", 0.03), ("baseline", 60_000)])
def test_a_growth_or_baseline_edit_reprofiles_and_keeps_typed_months(exported, tmp_path,  # noqa: F811
                                                                     column, value):
    store, plan, path = exported
    header, columns = layout(path)
    typed_line = plan.activity_lines[0]  # exported with a hand-typed July (month 3)
    assert typed_line.overrides == {3: Decimal(4800)}
    wb = openpyxl.load_workbook(path)
    ws = wb["Activity Plan"]
    first = header + 1
    ws.cell(first, columns[column]).value = value  # the first line: its growth or FOT
    ws.cell(first + 1, columns[column]).value = value  # and the second, typing August too
    ws.cell(first + 1, columns["m5"]).value = 1234
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    report = plan_import(edited, plan)
    assert report.ok, report.text()
    store.apply(report.edit, action="import")
    after = store.load_plan()
    rows = [x for x in after.activity_lines if x.year == 2016]
    assert rows[0].overrides == {3: Decimal(4800)}  # kept: the user typed it before
    assert rows[1].overrides == {4: Decimal(1234)}  # only the month typed now
    out = export_template(after, "activity", tmp_path / "out.xlsx", into=edited)
    again = plan_import(out, after)
    assert again.ok and again.preview.is_empty, again.text()
