"""The scenarios' figures are computed off the GUI thread, each scenario from what changed
since its last computation: after a burst of typed edits they equal a fresh full compute of
the final plan, a computation overtaken by an edit is never shown, and the computations
never run on the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from tests.ui.test_scenarios import cell, settled, type_into
from tests.ui.test_typing_tables import type_over
from workbench.domain.edits import EntityKind
from workbench.engine import compute
from workbench.engine.scenarios import apply_scenario, year_end_shortfall
from workbench.ui.scenarios import scenario_figures
from workbench.ui.scenarios.scenario_figures import COMPARED
from workbench.ui.style import fmt_money


def add_scenarios(window, qtbot) -> None:
    """Plan → Scenarios, then three scenarios, each with an override typed in."""
    window.scenarios_action.trigger()
    panel = window.scenarios.panel
    for field, text in (("slippage_months", "2"), ("confidence_haircut", "20%"),
                        ("tariff_uplift_pct", "2.5%")):
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
        type_into(qtbot, panel.editors[field], text)
    assert len(window.controller.plan.scenarios) == 3


def fresh(plan) -> list[tuple[str, dict[str, float]]]:
    """Each column's figures from a fresh full compute of `plan`, the base first."""
    out = [("Base plan", compute(plan), plan)]
    out += [(s.name, compute(changed), changed)
            for s in plan.scenarios for changed in [apply_scenario(plan, s)]]
    return [(name, {key: year_end_shortfall(p) if key == "year_end_shortfall"
                    else float(getattr(r.summary, key)) for key, _label in COMPARED})
            for name, r, p in out]


def shown(figures) -> list[tuple[str, dict[str, float]]]:
    return [(f.name, {key: f.value(key) for key, _label in COMPARED}) for f in figures]


@pytest.fixture
def compute_threads(monkeypatch) -> list[threading.Thread]:
    """The thread of every scenario computation from now on."""
    threads: list[threading.Thread] = []
    real = scenario_figures.figures_of

    def recorded(*args):
        threads.append(threading.current_thread())
        return real(*args)

    monkeypatch.setattr(scenario_figures, "figures_of", recorded)
    return threads


def test_after_a_burst_of_typed_edits_the_figures_are_the_final_plans(window, qtbot,
                                                                     compute_threads):
    add_scenarios(window, qtbot)
    settled(window, qtbot)
    window.tabs.setCurrentIndex(1)
    schemes = window.tables[EntityKind.SCHEME]
    for row, typed in enumerate(("4.5m", "900000", "2.25m", "1.1m")):  # one edit after another
        type_over(qtbot, schemes, row, "Gross saving", typed)
    results = window.scenarios.results
    assert not results.current()  # the figures follow once the edits pause
    settled(window, qtbot)
    plan = window.controller.plan
    want = fresh(plan)
    assert shown(results.figures) == want
    panel = window.scenarios.panel
    for column, (_name, figures) in enumerate(want):
        for key, _label in COMPARED:
            assert cell(panel, key, column) == fmt_money(figures[key])
    lines = window.summary.scenario_lines
    assert list(lines) == [name for name, _f in want]
    overlays = window.charts.savings.overlay_series()
    for name, _f in want[1:]:
        scenario = next(s for s in plan.scenarios if s.name == name)
        expected = compute(apply_scenario(plan, scenario)).savings_monthly["risk_adjusted_cum"]
        assert overlays[name] == pytest.approx(expected.to_numpy() / 1e6)
    assert compute_threads and threading.main_thread() not in compute_threads


def test_a_computation_overtaken_by_an_edit_is_never_shown(window, qtbot, monkeypatch):
    add_scenarios(window, qtbot)
    settled(window, qtbot)
    gate, entered = threading.Event(), threading.Event()
    real = scenario_figures.figures_of
    calls: list[int] = []

    def held(*args):  # the last scenario's figures wait until the test lets them go, so
        calls.append(1)  # the computation ends with every figure, none left to stop it
        if len(calls) == 3 and not gate.is_set():
            entered.set()
            assert gate.wait(10)
        return real(*args)

    monkeypatch.setattr(scenario_figures, "figures_of", held)
    emitted: list[list] = []
    results = window.scenarios.results
    results.updated.connect(emitted.append)
    window.tabs.setCurrentIndex(1)
    schemes = window.tables[EntityKind.SCHEME]
    type_over(qtbot, schemes, 0, "Gross saving", "4.5m")
    qtbot.waitUntil(entered.is_set, timeout=5000)  # its computation is held on its thread
    older = fresh(window.controller.plan)
    type_over(qtbot, schemes, 1, "Gross saving", "7.75m")  # the window stays responsive
    assert window.controller.plan.schemes[1].gross_saving == 7_750_000
    gate.set()  # the overtaken computation ends, its figures of the older plan with it
    settled(window, qtbot)
    newest = fresh(window.controller.plan)
    assert older != newest
    assert [shown(f) for f in emitted] == [newest]
    assert shown(results.figures) == newest


def test_a_fault_in_a_scenario_computation_is_reported_not_lost(window, qtbot, monkeypatch):
    add_scenarios(window, qtbot)
    settled(window, qtbot)
    shown_errors: list[BaseException] = []  # the window's error box, answered
    monkeypatch.setattr("workbench.ui.main_window.show_error",
                        lambda _parent, exc: shown_errors.append(exc))

    def broken(*_args):
        raise ZeroDivisionError("scenario")

    monkeypatch.setattr(scenario_figures, "figures_of", broken)
    before = list(window.scenarios.results.figures)
    with qtbot.waitSignal(window.controller.fault, timeout=5000) as fault:
        window.scenarios.results.recompute()
    assert isinstance(fault.args[0], ZeroDivisionError)
    assert shown_errors == [fault.args[0]]
    assert window.scenarios.results.figures == before  # the last figures stay on show


def test_the_tornado_follows_typed_edits_from_its_own_thread(window, qtbot, monkeypatch):
    from decimal import Decimal

    from workbench.ui.scenarios import scenarios_panel

    threads: list[threading.Thread] = []
    real = scenarios_panel.tornado

    def recorded(plan, swing, stopped):
        threads.append(threading.current_thread())
        return real(plan, swing, stopped)

    monkeypatch.setattr(scenarios_panel, "tornado", recorded)
    window.scenarios_action.trigger()
    panel = window.scenarios.panel
    window.tabs.setCurrentIndex(1)
    schemes = window.tables[EntityKind.SCHEME]
    for row, typed in enumerate(("4.5m", "900000")):
        type_over(qtbot, schemes, row, "Gross saving", typed)
    assert panel.isVisible() and not panel.tornado_current()
    qtbot.waitUntil(panel.tornado_current, timeout=5000)
    base, bars = real(window.controller.plan, Decimal("0.1"))
    assert (panel.tornado.base, panel.tornado.bars) == (base, bars)
    assert threads and threading.main_thread() not in threads
