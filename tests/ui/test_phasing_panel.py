"""The phasing grid of the selected scheme, through real clicks and keys: a typed month
moves the cumulative chart, is one undo step, and a named profile reshapes the months."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from workbench.domain.edits import EntityKind
from workbench.domain.phasing import BACK_LOADED, CUSTOM


def _select_scheme(window, qtbot, row: int):
    panel = window.tables[EntityKind.SCHEME]
    column = next(i for i, s in enumerate(panel.model.columns) if s.header == "Gross saving")
    index = panel.proxy.index(row, column)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.view.visualRect(index).center())
    return panel.model.rows[panel.proxy.mapToSource(index).row()]


def _type(qtbot, grid, text: str) -> None:
    """Keys as a user sends them: each to the widget with focus (the editor, once open)."""
    for char in text:
        qtbot.keyClicks(QApplication.focusWidget() or grid, char)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.state() != grid.State.EditingState)  # Qt commits queued


def _click_month(qtbot, grid, month: int) -> None:
    index = grid.model().index(0, month)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton,
                     pos=grid.visualRect(index).center())


def test_typing_a_month_moves_the_cumulative_chart_and_is_one_undo_step(window, qtbot):
    scheme = _select_scheme(window, qtbot, 0)
    phasing = window.phasing
    assert phasing.model.scheme is scheme
    before_chart = window.charts.savings.series()["selected_cum"].copy()
    before_phasing = scheme.phasing
    steps = window.controller.undo_stack.count()
    grid = phasing.grid
    _click_month(qtbot, grid, 1)  # May
    _type(qtbot, grid, "250000")
    monthly = window.controller.results.scheme_monthly.loc[scheme.id]
    assert float(monthly.iloc[1]) == pytest.approx(250000, abs=1)
    assert float(monthly.sum()) == pytest.approx(float(scheme.net_saving), abs=1)
    assert grid.model().index(0, 1).data(Qt.ItemDataRole.EditRole) == "250000"
    after_chart = window.charts.savings.series()["selected_cum"]
    assert not np.allclose(before_chart, after_chart)
    assert after_chart[1] == pytest.approx(
        float(monthly.iloc[0] + monthly.iloc[1]) / 1e6, abs=1e-6)
    assert window.controller.undo_stack.count() == steps + 1
    assert phasing.profile.currentText() == CUSTOM
    window.undo_action.trigger()
    assert window.controller.plan.schemes[0].phasing == before_phasing
    assert np.allclose(window.charts.savings.series()["selected_cum"], before_chart)


def test_a_month_larger_than_the_year_is_refused_and_said(window, qtbot):
    scheme = _select_scheme(window, qtbot, 0)
    steps = window.controller.undo_stack.count()
    grid = window.phasing.grid
    _click_month(qtbot, grid, 0)
    _type(qtbot, grid, "99000000")
    assert window.controller.undo_stack.count() == steps
    assert "more than the year's net saving" in window.statusBar().currentMessage()
    assert scheme.name in window.statusBar().currentMessage()


def test_choosing_a_profile_and_pasting_twelve_months(window, qtbot):
    scheme = _select_scheme(window, qtbot, 1)
    phasing = window.phasing
    combo = phasing.profile
    combo.setFocus()
    target = combo.findText(BACK_LOADED)
    for _ in range(combo.count()):  # the arrow keys choose, as a user does
        if combo.currentIndex() == target:
            break
        qtbot.keyClick(combo, Qt.Key.Key_Up if combo.currentIndex() > target
                       else Qt.Key.Key_Down)
    monthly = window.controller.results.scheme_monthly.loc[scheme.id].to_numpy()
    assert monthly[-1] == pytest.approx(12 * monthly[0])
    assert phasing.profile.currentText() == BACK_LOADED
    steps = window.controller.undo_stack.count()
    QGuiApplication.clipboard().setText("\t".join(["10,000"] * 12) + "\n")
    _click_month(qtbot, phasing.grid, 0)
    qtbot.keyClick(phasing.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    monthly = window.controller.results.scheme_monthly.loc[scheme.id].to_numpy()
    assert np.allclose(monthly, monthly[0])  # flat, scaled to the year
    assert window.controller.undo_stack.count() == steps + 1
    assert "difference" in window.statusBar().currentMessage()
