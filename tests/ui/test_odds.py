"""Delivery odds in the window: menu, panel, histogram, summary, background run and Cancel."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QTabBar

from workbench.domain.edits import EntityKind, SetField
from workbench.ui.odds import runner as runner_module


def test_menu_opens_the_panel_and_runs_the_odds(window, qtbot):
    odds = window.odds
    assert not odds.dock.isVisible()
    window.odds_action.trigger()
    assert odds.dock.isVisible()
    result = odds.runner.result
    assert result is not None and result.settings.draws == 10_000
    figures = result.figures()
    assert odds.panel.text_of("p50_gbp") == f"(£{-figures['p50_gbp'] / 1e6:,.1f}m)"
    assert odds.panel.text_of("p_meet_business_rules") == "0.0%"  # the demo's £13m gap
    bars = odds.panel.chart.bars()
    assert bars["below"].sum() + bars["above"].sum() == 10_000
    assert window.summary.odds_values["p10_gbp"].text() == odds.panel.text_of("p10_gbp")


def test_typed_settings_and_run_button(window, qtbot):
    window.odds_action.trigger()
    panel = window.odds.panel
    first = window.odds.runner.result
    panel.draws.selectAll()
    qtbot.keyClicks(panel.draws, "2500")
    panel.seed.selectAll()
    qtbot.keyClicks(panel.seed, "77")
    with qtbot.waitSignal(window.odds.runner.finished, timeout=5000) as done:
        qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    result = done.args[0]
    assert (result.settings.draws, result.settings.seed) == (2500, 77)
    assert not np.array_equal(result.positions[:2500], first.positions[:2500])
    assert panel.status.text().startswith("Base plan: 2,500 draws, seed 77")


def test_an_edit_reruns_the_odds(window, qtbot):
    window.odds_action.trigger()
    runner = window.odds.runner
    before = runner.result.mean
    scheme = window.controller.plan.schemes[0]
    with qtbot.waitSignal(runner.finished, timeout=5000) as done:
        window.controller.push(SetField(EntityKind.SCHEME, scheme.id, "confidence",
                                        scheme.confidence, type(scheme.confidence)("1")))
    # the first scheme (1.2m at 70%) is now certain: the mean moves up by about 0.36m
    assert done.args[0].mean > before + 200_000


def test_summary_button_shows_and_runs_the_odds(window, qtbot):
    button = window.summary.odds_button
    window.summary.ensureWidgetVisible(button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.odds.dock.isVisible()
    assert window.odds.runner.result is not None
    assert button.text() == "Delivery odds (10,000 draws)…"


def test_large_run_goes_to_the_background_with_progress(window, qtbot, monkeypatch):
    monkeypatch.setattr(runner_module, "BACKGROUND_WORK", 1000)
    window.odds_action.trigger()
    runner = window.odds.runner
    assert runner.running  # 10,000 draws x 15 is over the (lowered) limit
    with qtbot.waitSignal(runner.finished, timeout=10_000) as done:
        pass
    assert not runner.running and done.args[0].settings.draws == 10_000


def test_cancel_stops_a_long_run_and_keeps_the_last_result(window, qtbot, monkeypatch):
    window.odds_action.trigger()
    runner = window.odds.runner
    kept = runner.result
    monkeypatch.setattr(runner_module, "BACKGROUND_WORK", 1000)
    panel = window.odds.panel
    panel.draws.selectAll()
    qtbot.keyClicks(panel.draws, "5000000")
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    dialog = runner.task.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    cancel = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel")
    with qtbot.waitSignal(runner.running_changed, timeout=10_000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert runner.result is kept and not runner.running


def test_raising_the_odds_tab_runs_it_once(window, qtbot):
    odds = window.odds
    odds.dock.toggleViewAction().trigger()  # View → Delivery odds: a tab beside the summary
    bar = next(b for b in window.findChildren(QTabBar)
               if "Delivery odds" in [b.tabText(i) for i in range(b.count())])
    index = [bar.tabText(i) for i in range(bar.count())].index("Delivery odds")
    assert odds.runner.result is None
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    qtbot.waitUntil(lambda: odds.runner.result is not None, timeout=5000)
    first = odds.runner.result
    odds.dock.hide()
    odds.dock.show()
    QApplication.processEvents()
    assert odds.runner.result is first


def test_the_odds_of_a_scenario(window, qtbot):
    from decimal import Decimal

    from workbench.domain.edits import InsertRows
    from workbench.domain.scenarios import Scenario

    window.controller.push(InsertRows(EntityKind.SCENARIO, (
        Scenario(None, "Haircut", confidence_haircut=Decimal("0.5")),)))
    window.odds_action.trigger()
    runner, panel = window.odds.runner, window.odds.panel
    base = runner.result
    assert [panel.subject.itemText(i) for i in range(panel.subject.count())] == [
        "Base plan", "Scenario: Haircut"]
    panel.subject.setFocus()
    with qtbot.waitSignal(runner.finished, timeout=5000) as done:
        qtbot.keyClick(panel.subject, Qt.Key.Key_Down)
    # half of the schemes' risk-adjusted £5.815m is lost on average
    assert done.args[0].expected_position == base.expected_position - 5_815_000 / 2
    assert panel.status.text().startswith("Scenario 'Haircut': 10,000 draws")
    window.undo_action.trigger()  # the scenario is gone: back to the base plan
    assert panel.subject.count() == 1 and runner.scenario_id is None
