"""What start-up defers: the charts are built just after the window's first paint, the
Activity and Trajectories pages when first shown; each shows the latest figures, edits
made before it existed included. The app shows its window before pyqtgraph is imported."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar

from tests.ui.start_probe import state_at_start
from workbench.domain.activity import Measure
from workbench.domain.edits import EntityKind, SetField
from workbench.engine.activity import measure_summary
from workbench.ui.launcher import open_plan
from workbench.ui.main_window import MainWindow
from workbench.ui.plan_controller import PlanController


def click_page_tab(qtbot, window, title: str) -> None:
    bar = window.pages.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


@pytest.fixture
def unshown(tmp_path, qtbot, monkeypatch):
    monkeypatch.setattr("workbench.ui.main_window.QMessageBox.warning", lambda *a, **k: None)
    store, plan = open_plan(str(tmp_path / "plan.db"))
    win = MainWindow(PlanController(plan, store), store_label="plan.db")
    qtbot.addWidget(win)
    return win


@pytest.fixture
def shown(unshown, qtbot):
    unshown.show()
    qtbot.waitExposed(unshown)
    return unshown


def test_the_charts_are_built_after_the_first_paint_with_the_latest_figures(unshown, qtbot):
    window, ctl = unshown, unshown.controller
    built_at_first_paint = []
    window.first_painted.connect(lambda: built_at_first_paint.append(window._charts.is_built()))
    scheme = ctl.plan.schemes[0]
    ctl.push(SetField(EntityKind.SCHEME, scheme.id, "gross_saving", scheme.gross_saving,
                      scheme.gross_saving + 3_000_000))  # before the charts exist
    window.show()
    qtbot.waitUntil(lambda: window._charts.is_built(), timeout=5000)
    assert built_at_first_paint == [False]
    want = ctl.results.savings_monthly["planned_cum"].to_numpy() / 1e6
    assert window.charts.savings.series()["planned_cum"] == pytest.approx(want)


def test_activity_page_built_on_first_show_has_the_edits_made_before(unshown, qtbot):
    window, ctl = unshown, unshown.controller
    window.show()
    nel = next(s for s in ctl.plan.schemes if s.activity_impact)
    before = ctl.results.nel_admissions_avoided
    ctl.push(SetField(EntityKind.SCHEME, nel.id, "activity_impact", nel.activity_impact,
                      nel.activity_impact + 500))  # before the page exists
    assert ctl.results.nel_admissions_avoided == before + 500
    assert not window._deferred.is_built("Activity")
    assert not window._deferred.is_built("System")
    click_page_tab(qtbot, window, "Activity")
    assert window._deferred.is_built("Activity")
    page = window.activity
    assert window.pages.currentWidget() is page
    nel_summary = measure_summary(ctl.results.activity, Measure.NON_ELECTIVE,
                                  ctl.plan.first_year.start)
    assert nel_summary.scheme_impact == before + 500
    assert f"avoided: {before + 500:,.0f}" in page.headline.text()


def test_trajectories_page_built_on_first_show_has_the_edits_made_before(unshown, qtbot):
    window, ctl = unshown, unshown.controller
    window.show()
    path = ctl.plan.trajectories[0]
    ctl.push(SetField(EntityKind.TRAJECTORY, path.id, "metric", path.metric, "Renamed path"))
    assert not window._deferred.is_built("Trajectories")
    click_page_tab(qtbot, window, "Trajectories")
    page = window.trajectories
    assert window.pages.currentWidget() is page
    model = page.list_model
    names = {model.index(r, c).data() for r in range(model.rowCount())
             for c in range(model.columnCount())}
    assert "Renamed path" in names


def test_pages_not_built_cost_nothing_and_keep_their_tabs(unshown, qtbot):
    window = unshown
    window.show()
    assert [window.pages.tabText(i) for i in range(window.pages.count())] == [
        "Finance and savings", "Activity", "Trajectories", "Delivery", "System", "Five-year plan"]
    assert not window.is_editing()
    assert window.current_table() is window.tables[EntityKind.SCHEME]
    window.close()  # saving the columns does not build the Activity page
    assert not window._deferred.is_built("Activity")


def test_the_app_shows_its_window_before_pyqtgraph_loads(tmp_path):
    """A new process, as `workbench --db` starts: the window is painted with the collector
    resumed and pyqtgraph not yet imported; the charts follow."""
    seen = state_at_start(tmp_path, tmp_path / "plan.db", '{"pyqtgraph": "pyqtgraph" in '
                          'sys.modules, "gc": gc.isenabled(), "frozen": gc.get_freeze_count()}')
    # frozen, and handed to the GUI thread's timer (ui/gui_thread_gc): automatic collection
    # stays off, so the store thread never collects
    assert seen["shown"] == {"pyqtgraph": False, "gc": False, "frozen": seen["shown"]["frozen"]}
    assert seen["shown"]["frozen"] > 10_000  # start-up's objects left out of collections
    assert seen["complete"]["pyqtgraph"] is True


def test_demo_requirement_unchanged_by_deferral(unshown):
    assert unshown.controller.results.summary.savings_requirement.quantize(
        Decimal("1")) == Decimal("22393500")


# -- tables and dock panels built when first shown ----------------------------------------
def click_table_tab(qtbot, window, title: str) -> None:
    bar = window.tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def click_dock_tab(qtbot, window, title: str) -> None:
    """Click a tabified dock's tab (the bar Qt puts under the Summary, Drivers, Checks)."""
    bar = next(b for b in window.findChildren(QTabBar) if b.isVisible()
               and title in [b.tabText(i) for i in range(b.count())])
    index = next(i for i in range(bar.count()) if bar.tabText(i) == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def cell_text(panel, row_id: int, header: str) -> str:
    model = panel.model
    column = [c.header for c in model.columns].index(header)
    row = next(r for r in range(model.rowCount()) if model.row_id(r) == row_id)
    return model.index(row, column).data()


def test_only_the_schemes_table_is_built_until_another_tab_is_clicked(shown, qtbot):
    window, ctl = shown, shown.controller
    assert [t.kind for t in window.tables.built()] == [EntityKind.SCHEME]
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Workstreams", "Savings schemes", "Risks"]
    risk, stream = ctl.plan.risks[0], ctl.plan.workstreams[0]
    ctl.push(SetField(EntityKind.RISK, risk.id, "likelihood", risk.likelihood, 5))
    ctl.push(SetField(EntityKind.WORKSTREAM, stream.id, "name", stream.name, "Renamed stream"))
    assert not window.is_editing()  # asks only the tables that exist
    click_table_tab(qtbot, window, "Risks")
    risks = window.tables[EntityKind.RISK]
    assert window.tabs.currentWidget() is risks
    assert cell_text(risks, risk.id, "Likelihood") == "5"
    click_table_tab(qtbot, window, "Workstreams")
    assert cell_text(window.tables[EntityKind.WORKSTREAM], stream.id, "Workstream") == \
        "Renamed stream"
    assert len(window.tables.built()) == 3


def test_the_drivers_panel_built_when_its_tab_is_clicked_shows_the_latest_drivers(shown,
                                                                                   qtbot):
    window, ctl = shown, shown.controller
    assert not window._drivers.is_built()
    drivers = ctl.plan.drivers
    ctl.push(SetField(EntityKind.DRIVERS, ctl.plan.id, "contingency_pct",
                      drivers.contingency_pct, Decimal("0.0075")))
    click_dock_tab(qtbot, window, "Drivers")
    assert window._drivers.is_built()
    assert window.drivers.editors["contingency_pct"].text() == "0.75%"


def test_the_checks_built_when_their_tab_is_clicked_follow_a_typed_edit(shown, qtbot):
    """A saving typed as zero before the Checks panel exists is in it when first shown."""
    from tests.ui.test_typing_tables import type_over

    window, ctl = shown, shown.controller
    assert not window._checks.is_built()
    panel = window.tables[EntityKind.SCHEME]
    name = panel.proxy.index(0, 0).data()
    type_over(qtbot, panel, 0, "Gross saving", "0")
    assert ctl.plan.schemes[0].gross_saving == 0
    assert not window._checks.is_built()
    click_dock_tab(qtbot, window, "Checks")
    tree = window.checks.tree
    messages = [tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())]
    assert f"Scheme '{name}': no saving entered" in messages


def test_the_change_history_built_when_first_shown_lists_a_typed_edit(shown, qtbot):
    from tests.ui.test_typing_tables import type_over

    window = shown
    assert not window._history.is_built()
    panel = window.tables[EntityKind.SCHEME]
    type_over(qtbot, panel, 0, "Gross saving", "2500000")
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)  # View menu
    qtbot.waitUntil(lambda: window.history_dock.isVisible())
    tree = window.history.tree
    rows = [[tree.topLevelItem(i).text(c) for c in range(tree.columnCount())]
            for i in range(tree.topLevelItemCount())]
    assert any("Gross saving" in row and "£2,500,000" in " ".join(row) for row in rows), rows


def test_the_workstreams_and_risks_tables_built_late_follow_the_year_and_a_typed_edit(
        shown, qtbot):
    """A later plan year chosen, and a saving typed, before either table exists: the
    Workstreams table's year column and the Risks table's year note are that year's."""
    from tests.ui.test_typing_tables import type_over
    from tests.ui.test_year_columns import (
        engine_workstream_savings,
        select_year_by_keys,
        workstream_column,
    )

    window, ctl = shown, shown.controller
    select_year_by_keys(window, qtbot, Qt.Key.Key_Down)  # 2017/18
    type_over(qtbot, window.tables[EntityKind.SCHEME], 0, "Gross saving", "2900000")
    assert ctl.plan.schemes[0].gross_saving == Decimal(2_900_000)
    assert [t.kind for t in window.tables.built()] == [EntityKind.SCHEME]
    click_table_tab(qtbot, window, "Workstreams")
    header, cells = workstream_column(window)
    assert header == "Saving in 2017/18"
    assert cells == engine_workstream_savings(ctl.plan, 2017)
    click_table_tab(qtbot, window, "Risks")
    note = window.years.risks_note
    assert note.isVisible() and "Risks in 2017/18" in note.text()
    select_year_by_keys(window, qtbot, Qt.Key.Key_Up)  # back to the first year
    assert not note.isVisible()
