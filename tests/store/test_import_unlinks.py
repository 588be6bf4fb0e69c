"""A Finance import that drops a scheme unlinks everything that pointed at it, in the store."""

from __future__ import annotations

import openpyxl

from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import EntityKind, SetField
from workbench.store import open_store
from workbench.templates.pipeline.exporter import export_template
from workbench.templates.pipeline.importer import plan_import


def test_finance_import_dropping_a_scheme_leaves_no_activity_line_pointing_at_it(
        db_target, tmp_path):
    store = open_store(db_target, create=True)
    store.save_new_plan(demo_plan())
    plan = store.load_plan()
    dropped = next(s for s in plan.schemes if s.name.startswith("Outpatient follow-up"))
    line = plan.activity_lines[0]
    store.apply(SetField(EntityKind.ACTIVITY_LINE, line.id, "scheme_ids", line.scheme_ids,
                         (*line.scheme_ids, dropped.id)))
    plan = store.load_plan()
    path = tmp_path / "finance.xlsx"
    export_template(plan, "finance", path)
    wb = openpyxl.load_workbook(path)
    qipp = wb["QIPP"]
    row = next(r for r in range(1, qipp.max_row + 1) if qipp.cell(r, 2).value == dropped.name)
    for col in range(2, 30):
        if qipp.cell(row, col).protection.locked is False:
            qipp.cell(row, col).value = None
    wb.save(path)
    report = plan_import(path, plan)
    assert report.ok, report.text()
    assert [r.name for r in report.preview.removed] == [dropped.name]
    store.apply(report.edit, action="import")
    after = store.load_plan()
    assert dropped.id not in {s.id for s in after.schemes}
    assert all(dropped.id not in a.scheme_ids for a in after.activity_lines)
