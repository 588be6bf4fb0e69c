"""Plan → Scenarios: add, name and override by typing; side by side; undo; the tornado."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from workbench.domain.edits import EntityKind
from workbench.engine.scenarios import tornado
from workbench.ui.scenarios.scenario_figures import COMPARED


def type_into(qtbot, editor, text: str) -> None:
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def settled(window, qtbot) -> None:
    """Wait until the scenarios' figures (computed off the GUI thread) are the plan's now."""
    qtbot.waitUntil(window.scenarios.results.current, timeout=5000)


def cell(panel, key: str, column: int) -> str:
    row = [k for k, _label in COMPARED].index(key)
    return panel.compare.item(row, column).text()


def test_add_name_and_override_a_scenario_then_undo(window, qtbot):
    window.scenarios_action.trigger()
    panel = window.scenarios.panel
    assert window.scenarios.dock.isVisible()
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    plan = window.controller.plan
    assert [s.name for s in plan.scenarios] == ["Scenario 1"]
    type_into(qtbot, panel.editors["name"], "Tariff 2.5%")
    type_into(qtbot, panel.editors["tariff_uplift_pct"], "2.5%")
    scenario = plan.scenarios[0]
    assert (scenario.name, scenario.tariff_uplift_pct) == ("Tariff 2.5%", Decimal("0.025"))
    assert plan.drivers.tariff_uplift_pct == Decimal("0.011")  # the base is untouched
    settled(window, qtbot)
    assert panel.compare.horizontalHeaderItem(1).text() == "Tariff 2.5%"
    # tariff 2.5% instead of 1.1% on £547.3m of tariff lines: +£7.7m on the requirement
    assert cell(panel, "savings_requirement", 0) == "£22.4m"
    assert cell(panel, "savings_requirement", 1) == "£30.1m"
    lines = window.summary.scenario_lines
    assert list(lines) == ["Base plan", "Tariff 2.5%"] and lines["Tariff 2.5%"].startswith(
        f"{cell(panel, 'savings_gap_risk_adjusted', 1)} · ")
    window.undo_action.trigger()  # the tariff override
    assert plan.scenarios[0].tariff_uplift_pct is None
    assert panel.editors["tariff_uplift_pct"].text() == ""
    window.undo_action.trigger()  # the name
    window.undo_action.trigger()  # the scenario itself
    assert plan.scenarios == [] and panel.list.count() == 0


def test_a_bad_value_is_refused_inline(window, qtbot):
    window.scenarios_action.trigger()
    panel = window.scenarios.panel
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    steps = window.controller.undo_stack.count()
    type_into(qtbot, panel.editors["confidence_haircut"], "150%")
    assert "read '150%'" in panel.message.text()
    assert window.controller.undo_stack.count() == steps
    type_into(qtbot, panel.editors["confidence_haircut"], "20%")
    assert window.controller.plan.scenarios[0].confidence_haircut == Decimal("0.2")
    assert panel.message.text() == ""


def test_slippage_by_spin_box_and_delete(window, qtbot):
    window.scenarios_action.trigger()
    panel = window.scenarios.panel
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, panel.editors["slippage_months"], "3")
    assert window.controller.plan.scenarios[0].slippage_months == 3
    settled(window, qtbot)
    assert cell(panel, "savings_gap", 1) != cell(panel, "savings_gap", 0)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert window.controller.plan.scenarios == []


def test_tornado_draws_the_engines_bars_and_follows_the_swing(window, qtbot):
    window.scenarios_action.trigger()
    panel = window.scenarios.panel
    base, bars = tornado(window.controller.plan, Decimal("0.1"))
    qtbot.waitUntil(lambda: panel.tornado.bars == bars, timeout=5000)  # off the GUI thread
    drawn = panel.tornado.drawn()
    assert [d[0] for d in drawn] == [b.driver for b in bars]
    assert drawn[0][2] - drawn[0][1] == pytest.approx(bars[0].width / 1e6)
    type_into(qtbot, panel.swing, "20")
    _base, wider = tornado(window.controller.plan, Decimal("0.2"))
    qtbot.waitUntil(panel.tornado_current, timeout=5000)
    assert panel.tornado.bars == wider


def test_the_tornado_follows_an_edit_once_edits_pause(window, qtbot):
    from workbench.domain.edits import EntityKind, SetField

    window.scenarios_action.trigger()
    panel = window.scenarios.panel
    qtbot.waitUntil(panel.tornado_current, timeout=5000)
    before = panel.tornado.base
    d = window.controller.plan.drivers
    window.controller.push(SetField(EntityKind.DRIVERS, window.controller.plan.id,
                                    "tariff_uplift_pct", d.tariff_uplift_pct, Decimal("0.02")))
    assert panel.tornado.base == before  # not redrawn inside the edit
    qtbot.waitUntil(lambda: panel.tornado.base != before, timeout=3000)
    assert panel.tornado.base == pytest.approx(tornado(window.controller.plan)[0])


def test_each_scenarios_savings_line_is_overlaid_on_the_savings_chart(window, qtbot):
    from workbench.engine import compute
    from workbench.engine.scenarios import apply_scenario

    window.scenarios_action.trigger()
    panel = window.scenarios.panel
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, panel.editors["name"], "Slip 3 months")
    panel.editors["slippage_months"].setFocus()
    panel.editors["slippage_months"].selectAll()
    qtbot.keyClicks(panel.editors["slippage_months"], "3")
    qtbot.keyClick(panel.editors["slippage_months"], Qt.Key.Key_Return)
    settled(window, qtbot)
    plan = window.controller.plan
    assert plan.scenarios[0].slippage_months == 3
    lines = window.charts.savings.overlay_series()
    assert list(lines) == ["Slip 3 months"]
    expected = compute(apply_scenario(plan, plan.scenarios[0])).savings_monthly[
        "risk_adjusted_cum"]
    assert lines["Slip 3 months"] == pytest.approx(expected.to_numpy() / 1e6)
    base = window.charts.savings.series()["risk_adjusted_cum"]
    assert lines["Slip 3 months"][2] == 0 < base[2]  # nothing saved before July
    # a later plan year on show: the first year's scenario lines are not drawn over it
    combo = window.years.selector.combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert window.charts.savings.overlay_series() == {}
    qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert list(window.charts.savings.overlay_series()) == ["Slip 3 months"]
    window.undo_action.trigger()  # the slippage
    window.undo_action.trigger()  # the name
    window.undo_action.trigger()  # the scenario
    settled(window, qtbot)
    assert window.charts.savings.overlay_series() == {}


def test_a_scenario_whose_base_changed_says_what_changed_until_seen(window, qtbot):
    from workbench.domain.edits import SetField

    window.scenarios_action.trigger()
    panel = window.scenarios.panel
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    notice = panel.base_notice
    assert notice.isHidden()  # built on the base as it is
    drivers = window.controller.plan.drivers
    window.controller.push(SetField(EntityKind.DRIVERS, window.controller.plan.id,
                                    "tariff_uplift_pct", drivers.tariff_uplift_pct,
                                    Decimal("0.02")))
    assert not notice.isHidden()
    assert "Built on an older base" in notice.text.text()
    assert notice.changes[:2] == ["Tariff uplift 1.1% → 2.0%",
                                  "Savings requirement £22.4m → £27.3m"]
    qtbot.mouseClick(notice.accept_button, Qt.MouseButton.LeftButton)
    assert notice.isHidden()
    assert window.controller.undo_stack.undoText().endswith("built on the current base")
    window.undo_action.trigger()  # seen again as the older base
    assert not notice.isHidden()
    window.undo_action.trigger()  # the tariff back: the base is as the scenario saw it
    assert notice.isHidden()


def test_an_edit_updates_the_summarys_scenario_lines_in_place(window, qtbot):
    """After an edit the summary's scenario lines show the new figures in the labels they
    had: rebuilding them relaid the dock and repainted the window a moment after each edit."""
    from PySide6.QtWidgets import QApplication

    from workbench.domain.edits import EntityKind

    window.scenarios_action.trigger()
    panel = window.scenarios.panel
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, panel.editors["tariff_uplift_pct"], "2.5%")
    settled(window, qtbot)
    summary = window.summary
    labels = list(summary._scenario_values)
    before = dict(summary.scenario_lines)
    table = window.tables[EntityKind.SCHEME]
    window.tabs.setCurrentIndex(1)
    column = [c.header for c in table.model.columns].index("Gross saving")
    index = table.proxy.index(0, column)
    table.view.scrollTo(index)
    qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.view.visualRect(index).center())
    qtbot.keyClicks(QApplication.focusWidget(), "9000000")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    settled(window, qtbot)
    after = summary.scenario_lines
    assert list(after) == list(before) and after != before
    assert list(summary._scenario_values) == labels
    assert [label.text() for label in labels] == list(after.values())
