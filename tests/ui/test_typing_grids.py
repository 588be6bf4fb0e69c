"""The trajectory periods grid typed as a user types: the first key is kept, Enter commits
at once and moves down, a refused value keeps its editor open and says what was read."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.test_trajectories_page import cell, four_hour
from tests.ui.test_typing_tables import click, keys, press
from workbench.ui.launcher import open_plan
from workbench.ui.plan_controller import PlanController
from workbench.ui.trajectories import TrajectoryPage
from workbench.ui.trajectories.periods_model import ACTUAL, NOTE, PLANNED

Key = Qt.Key


@pytest.fixture
def page(tmp_path, qtbot):
    store, plan = open_plan(str(tmp_path / "plan.db"))
    page = TrajectoryPage(PlanController(plan, store))
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    assert page.select_id(four_hour(page).id)
    return page


@pytest.mark.parametrize(("column", "typed", "expected"), [
    (ACTUAL, "90", "90.0%"), (ACTUAL, "0.9", "90.0%"), (ACTUAL, "0.5%", "0.5%"),
    (PLANNED, "93.5%", "93.5%"), (NOTE, "Winter pressures", "Winter pressures"),
])
def test_typing_over_a_period_keeps_every_key(page, qtbot, column, typed, expected):
    index = cell(page, "2018-06", column)
    click(qtbot, page.grid, index)
    keys(qtbot, typed)
    press(qtbot, Key.Key_Return)
    assert index.data() == expected  # committed at once, not on a later event loop
    assert page.grid.currentIndex() == cell(page, "2018-07", column)


def test_a_refused_period_value_keeps_the_editor_open(page, qtbot):
    index = cell(page, "2018-06", ACTUAL)
    before = index.data()
    click(qtbot, page.grid, index)
    keys(qtbot, "150%")
    press(qtbot, Key.Key_Return)
    assert page.grid.is_editing()
    assert "Actual for Jun 18 is 0% to 100%: read '150%'" in page.feedback.text()
    press(qtbot, Key.Key_Escape)
    assert index.data() == before and not page.grid.is_editing()


def test_tab_moves_right_and_f2_keeps_the_text(page, qtbot):
    click(qtbot, page.grid, cell(page, "2018-06", PLANNED))
    keys(qtbot, "95")
    press(qtbot, Key.Key_Tab)
    assert page.grid.currentIndex() == cell(page, "2018-06", ACTUAL)
    press(qtbot, Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor.text().endswith("%") and not editor.hasSelectedText()
    press(qtbot, Key.Key_Escape)
    assert four_hour(page).planned["2018-06"] == pytest.approx(0.95)
