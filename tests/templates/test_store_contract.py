"""The contract the import edit needs from the real store: negative ids are local keys.

A new workstream named on a QIPP row must be linked before the store has given it an id,
so the importer gives it a negative local key and the scheme's workstream_id uses the
same key. store.apply must swap each local key for the id it assigns, within the same
transaction (tests/templates/helpers.py LocalKeyStore is the reference behaviour).
"""

from __future__ import annotations

import openpyxl

from workbench.domain.plan import new_plan
from workbench.store import open_store
from workbench.templates import plan_import


def test_real_store_gives_imported_rows_real_ids(tmp_path, exported_demo):
    store = open_store(tmp_path / "plan.db", create=True)
    plan = store.save_new_plan(new_plan("Oxfordshire CCG", "10Q", 2016))
    store.apply(plan_import(exported_demo, plan).edit)
    wb = openpyxl.load_workbook(exported_demo)
    wb["Workstreams"]["B20"], wb["Workstreams"]["F20"], wb["Workstreams"]["H20"] = (
        "Digital first", "Local", "Green")
    wb["QIPP"]["C7"] = "Digital first"
    again = tmp_path / "again.xlsx"
    wb.save(again)
    store.apply(plan_import(again, store.load_plan()).edit)
    loaded = store.load_plan()
    assert all(row.id > 0 for row in loaded.workstreams + loaded.schemes)
    digital = next(w.id for w in loaded.workstreams if w.name == "Digital first")
    assert loaded.schemes[0].workstream_id == digital
