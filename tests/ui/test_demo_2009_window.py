"""The 2009 demo opens in the main window like any plan: its six work streams, sources in
their tooltips, the summary's £80m requirement, its savings trajectory."""

from __future__ import annotations

from PySide6.QtCore import Qt

from workbench.domain.demo_2009 import demo_2009_plan
from workbench.domain.edits import EntityKind
from workbench.store import open_store
from workbench.ui.main_window import MainWindow
from workbench.ui.plan_controller import PlanController


def test_the_2009_programme_opens_like_any_plan(tmp_path, qtbot, monkeypatch):
    monkeypatch.setattr("workbench.ui.main_window.QMessageBox.warning", lambda *a, **k: None)
    store = open_store(str(tmp_path / "p2009.db"), create=True)
    store.save_new_plan(demo_2009_plan())
    window = MainWindow(PlanController(store.load_plan(), store), store_label="p2009.db")
    qtbot.addWidget(window)
    window.show()
    panel = window.tables[EntityKind.WORKSTREAM]
    names = [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]
    assert len(names) == 6 and "Disinvestment" in names
    row = names.index("Disinvestment")
    tip = panel.proxy.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith('Source: work stream 3.5, 003: "To advance the disinvestment')
    summary = window.controller.results.summary
    assert round(summary.savings_requirement) == 80_000_000
    assert window.controller.plan.title == (
        "NHS Oxfordshire (5QE) Creating a Healthy Oxfordshire 2011/12")
    (path,) = window.controller.plan.trajectories
    assert path.target == 240
