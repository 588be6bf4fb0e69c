"""The whole window on a real store: a table edit reaches the database, the charts and the
summary; undo reaches them too; a failed write is shown, never silently lost."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from workbench.domain.edits import EntityKind


def test_opens_on_demo_plan(window):
    assert window.windowTitle().startswith("Oxfordshire CCG (10Q) Operational plan 2016/17")
    assert window.tabs.currentIndex() == 1
    assert window.summary.text_of("savings_requirement") == "£22.4m"
    assert not window.isWindowModified()


def test_table_edit_moves_charts_and_is_stored(window):
    schemes = window.tables[EntityKind.SCHEME]
    model = schemes.model
    col = [c.header for c in model.columns].index("Gross saving")
    index = schemes.proxy.index(0, col)
    before = window.charts.savings.series()["planned_cum"][-1]
    assert schemes.proxy.setData(index, "2,200,000", Qt.ItemDataRole.EditRole)
    after = window.charts.savings.series()["planned_cum"][-1]
    assert after == pytest.approx(before + 1.0)
    assert window.summary.text_of("savings_gap") == "£12.3m"
    stored = window.controller.store.load_plan()
    assert stored.schemes[0].gross_saving == 2200000
    window.undo_action.trigger()
    assert window.charts.savings.series()["planned_cum"][-1] == pytest.approx(before)
    assert window.controller.store.load_plan().schemes[0].gross_saving == 1200000
    window.redo_action.trigger()
    assert window.controller.store.load_plan().schemes[0].gross_saving == 2200000


def test_selecting_a_row_highlights_its_share(window, qtbot):
    schemes = window.tables[EntityKind.SCHEME]
    schemes.view.selectRow(3)
    scheme = window.controller.plan.schemes[3]
    expected = window.controller.results.scheme_monthly.loc[scheme.id].cumsum() / 1e6
    np.testing.assert_allclose(window.charts.savings.series()["selected_cum"], expected)


def test_failed_write_marks_window_unsaved(window):
    window.controller.store.read_only = True
    risks = window.tables[EntityKind.RISK]
    assert not risks.model.setData(risks.model.index(0, 0), "Changed")
    assert window.isWindowModified()
    assert "read-only" in window.statusBar().currentMessage()
    assert window.controller.plan.risks[0].description.startswith("Ability")


def test_keyboard_shortcuts(window):
    shortcuts = {a.text(): [s.toString() for s in a.shortcuts()]
                 for m in window.menuBar().actions() for a in m.menu().actions()}
    assert "Ctrl+Z" in shortcuts["&Undo"]
    assert "Ctrl+Shift+Z" in shortcuts["&Redo"]
    assert "Ctrl+1" in shortcuts["&Workstreams"]


def test_no_two_actions_share_a_shortcut(window):
    """Pages and panels added side by side each take the next free key, never the same one."""
    from collections import Counter

    from PySide6.QtGui import QAction

    keys = Counter(s.toString() for a in window.findChildren(QAction) for s in a.shortcuts()
                   if a.isEnabled() or a.menu() is None)
    assert [k for k, n in keys.items() if n > 1] == []


def test_checks_panel_takes_the_user_to_the_row(window, qtbot):
    from tests.ui.test_checks_panel import click_dock_tab

    qtbot.waitExposed(window)
    click_dock_tab(qtbot, window, "Checks")  # read when first shown
    assert window.checks.headline.text() == "Complete: no problems"
    scheme = window.controller.plan.schemes[5]
    schemes = window.tables[EntityKind.SCHEME]
    col = [c.header for c in schemes.model.columns].index("Confidence")
    assert schemes.model.setData(schemes.model.index(5, col), "0")  # allowed, but flagged
    window.tabs.setCurrentIndex(0)
    window.go_to(EntityKind.SCHEME, scheme.id)
    assert window.tabs.currentIndex() == 1
    assert schemes.selected_source_rows() == [5]


def test_pages_for_activity_and_trajectories(window):
    shortcuts = {a.text(): [s.toString() for s in a.shortcuts()]
                 for m in window.menuBar().actions() for a in m.menu().actions()}
    assert shortcuts["&Activity plan"] == ["Ctrl+4"]
    assert shortcuts["&Trajectories"] == ["Ctrl+5"]
    four_hour = window.controller.plan.trajectories[2]
    window.go_to(EntityKind.TRAJECTORY, four_hour.id)
    assert window.pages.currentWidget() is window.trajectories
    assert window.trajectories.trajectory.id == four_hour.id
    assert window.current_charts() is window.trajectories
    window.go_to(EntityKind.RISK, None)
    assert window.pages.currentWidget() is window.splitter and window.tabs.currentIndex() == 2
    assert window.current_charts() is window.charts


def test_edit_menu_acts_on_the_page_on_show(window, monkeypatch):
    ctl = window.controller
    schemes, lines = len(ctl.plan.schemes), len(ctl.plan.activity_lines)
    window.show_page(window.activity)
    window.add_row()
    assert len(ctl.plan.activity_lines) == lines + 1 and len(ctl.plan.schemes) == schemes
    window.go_to(EntityKind.TRAJECTORY, ctl.plan.trajectories[0].id)
    paths = len(ctl.plan.trajectories)
    window.delete_rows()  # the selected trajectory, not a row of a hidden table
    assert len(ctl.plan.trajectories) == paths - 1
    assert len(ctl.plan.schemes) == schemes and len(ctl.plan.activity_lines) == lines + 1
    window.focus_filter()  # nothing to filter on this page; no error


@pytest.mark.parametrize("page", ["System", "Five-year plan", "Delivery"])
def test_add_and_delete_rows_on_a_page_without_rows_change_nothing(window, qtbot, page):
    """Edit → Add row and Delete selected rows act on the page on show: where it has no rows
    of its own they do nothing (they used to add a trajectory, or act on a hidden table)."""
    pages = window.pages
    index = next(i for i in range(pages.count()) if pages.tabText(i) == page)
    pages.setCurrentIndex(index)
    qtbot.waitUntil(lambda: pages.currentWidget() is window.deferred_page(page))
    trajectories = len(window.controller.plan.trajectories)
    depth = window.controller.undo_stack.count()
    for text in ("&Add row", "&Delete selected rows"):
        action = next(a for m in window.menuBar().actions() for a in m.menu().actions()
                      if a.text() == text)
        action.trigger()
    assert window.controller.undo_stack.count() == depth
    assert len(window.controller.plan.trajectories) == trajectories
