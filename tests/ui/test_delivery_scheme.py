"""The selected scheme's panel on the Delivery page: the forecast method chooser, the RAG
override with its reason, a slipped go-live with its £ effect shown before it is
accepted, and the stage gateway. Each through the real widgets and dialogs, each one
Edit → Undo step. Figures are worked by hand (see test_delivery_grid)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from tests.ui.test_delivery_close_month import CANCEL, OK, answer, button, tick
from tests.ui.test_delivery_grid import (
    DELIVERED_MONTH,
    OCT,
    OUTTURN_AS_PLAN,
    PLAN_MONTH,
    SEP,
    THIRD,
    click,
    delivery_window,
    grid_cell,
    keys,
    month_cell,
    outturn,
    press,
    stored,
)
from workbench.domain.enums import SchemeStatus
from workbench.domain.gateways import Stage
from workbench.domain.ledger import ForecastMethod
from workbench.domain.numbers import format_money
from workbench.ui.delivery.gateway_dialog import GatewayDialog
from workbench.ui.delivery.ledger_model import RAG
from workbench.ui.delivery.milestones_model import EXPECTED
from workbench.ui.delivery.rag_dialog import RagOverrideDialog
from workbench.ui.delivery.rephase_dialog import RephaseDialog

Key = Qt.Key
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(tmp_path, qtbot, monkeypatch):
    win = delivery_window(tmp_path, qtbot, monkeypatch)
    page = win.delivery
    click(qtbot, page.grid, month_cell(page, THIRD, "actual", 0))  # select QIPP-03
    assert page.panel.scheme_id == THIRD
    return win


def test_choosing_run_rate_moves_the_year_end_forecast(window, qtbot):
    page = window.delivery
    combo = page.panel.method
    assert combo.currentText() == "Plan as is"
    qtbot.keyClick(combo, Key.Key_Down)  # the next method: run rate of actuals
    assert page.ledger.ledger.tracking[THIRD].method is ForecastMethod.RUN_RATE
    assert outturn(page) == 12 * DELIVERED_MONTH == Decimal("640000.08")
    assert "£640,000" in page.panel.figures.text()
    assert month_cell(page, THIRD, "forecast", OCT).data(Qt.ItemDataRole.EditRole) == "53333.34"
    assert "Run rate" in month_cell(page, THIRD, "forecast", OCT).sibling(
        month_cell(page, THIRD, "forecast", OCT).row(), 7).data(Qt.ItemDataRole.ToolTipRole)
    window.undo_action.trigger()
    assert outturn(page) == OUTTURN_AS_PLAN
    assert combo.currentText() == "Plan as is"


def test_a_rag_override_needs_a_reason_and_undoes(window, qtbot):
    page = window.delivery
    looked: dict = {}

    def override(dialog: RagOverrideDialog) -> None:
        for _ in range(3):  # derived, Green, Amber, Red
            qtbot.keyClick(dialog.choice, Key.Key_Down)
        looked["choice"] = dialog.choice.currentText()
        looked["ok_without_reason"] = button(dialog, OK).isEnabled()
        qtbot.keyClicks(dialog.reason, "Provider disputes the baseline")
        qtbot.mouseClick(button(dialog, OK), LEFT)

    answer(RagOverrideDialog, override)
    qtbot.mouseClick(page.panel.override, LEFT)
    assert looked == {"choice": "Override: Red", "ok_without_reason": False}
    rag = grid_cell(page, THIRD, "plan", RAG)
    assert rag.data() == "Red (override)"
    assert "Overridden to Red: Provider disputes the baseline" in rag.data(
        Qt.ItemDataRole.ToolTipRole)
    assert "Derived: Amber" in rag.data(Qt.ItemDataRole.ToolTipRole)
    assert "override: Provider disputes the baseline" in page.panel.rag.text()
    window.undo_action.trigger()
    assert rag.data() == "Amber"
    assert page.ledger.ledger.tracking[THIRD].rag_reason == ""


def test_going_back_to_the_derived_rag(window, qtbot):
    page = window.delivery

    def override(dialog: RagOverrideDialog) -> None:
        qtbot.keyClick(dialog.choice, Key.Key_Down)  # Green
        qtbot.keyClicks(dialog.reason, "Recovery plan agreed")
        qtbot.mouseClick(button(dialog, OK), LEFT)

    answer(RagOverrideDialog, override)
    qtbot.mouseClick(page.panel.override, LEFT)
    assert grid_cell(page, THIRD, "plan", RAG).data() == "Green (override)"

    def derived(dialog: RagOverrideDialog) -> None:
        qtbot.keyClick(dialog.choice, Key.Key_Home)
        qtbot.mouseClick(button(dialog, OK), LEFT)

    answer(RagOverrideDialog, derived)
    qtbot.mouseClick(page.panel.override, LEFT)
    assert grid_cell(page, THIRD, "plan", RAG).data() == "Amber"


def _type_go_live(page, qtbot, text: str) -> None:
    grid = page.panel.milestone_grid
    click(qtbot, grid, page.panel.milestones.index(1, EXPECTED))
    keys(qtbot, text)
    press(qtbot, Key.Key_Return)


def test_a_slipped_go_live_shows_its_effect_and_rephases_as_one_step(window, qtbot):
    """Go-live 3 Oct -> 15 Dec 2016: two months. The open months (Sep..Mar) move two
    months later: Sep and Oct get nothing, Nov..Mar take Sep..Jan's 66,666.67, and
    Feb's 66,666.67 and Mar's 66,666.63 leave the year: 133,333.30 less."""
    page = window.delivery
    requirement = window.controller.results.summary.savings_requirement
    gap_before = requirement - page.ledger.results.forecast_outturn
    looked: dict = {}

    def rephase(dialog: RephaseDialog) -> None:
        looked["effect"] = dialog.effect.text()
        looked["after"] = dialog.table.item(1, SEP).text(), dialog.table.item(1, 7).text()
        qtbot.mouseClick(button(dialog, OK), LEFT)

    seen = answer(RephaseDialog, rephase)
    _type_go_live(page, qtbot, "15/12/2016")
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    lost = Decimal("133333.30")
    assert f"year-end forecast: <b>{format_money(-lost)}</b>" in looked["effect"]
    assert format_money(gap_before) in looked["effect"]
    assert format_money(gap_before + lost) in looked["effect"]
    assert looked["after"] == ("£0", "£66,667")
    assert outturn(page) == OUTTURN_AS_PLAN - lost
    assert [stored(page, THIRD, m, "forecast") for m in (SEP, OCT, 7, 11)] == \
        [0, 0, PLAN_MONTH, PLAN_MONTH]
    tracking = page.ledger.ledger.tracking[THIRD]
    assert tracking.milestones[1].expected == dt.date(2016, 12, 15)
    assert tracking.method is ForecastMethod.MANUAL
    assert page.panel.milestones.index(1, EXPECTED + 1).data() == "2 months"
    # 25% short and a milestone two months late: red
    assert grid_cell(page, THIRD, "plan", RAG).data() == "Red"
    window.undo_action.trigger()
    assert outturn(page) == OUTTURN_AS_PLAN
    tracking = page.ledger.ledger.tracking[THIRD]
    assert tracking.milestones[1].expected == dt.date(2016, 10, 3)
    assert tracking.method is ForecastMethod.PLAN


def test_keeping_the_profile_leaves_everything_as_it_was(window, qtbot):
    page = window.delivery
    seen = answer(RephaseDialog, lambda d: qtbot.mouseClick(button(d, CANCEL), LEFT))
    steps = window.controller.undo_stack.count()
    _type_go_live(page, qtbot, "15/12/2016")
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert page.ledger.ledger.tracking[THIRD].milestones[1].expected == dt.date(2016, 10, 3)
    assert outturn(page) == OUTTURN_AS_PLAN
    assert window.controller.undo_stack.count() == steps
    assert "left at 03 Oct 2016" in page.feedback.text()


def test_an_earlier_go_live_is_a_plain_re_date(window, qtbot):
    page = window.delivery
    _type_go_live(page, qtbot, "20/09/2016")
    qtbot.wait(50)
    assert page.ledger.ledger.tracking[THIRD].milestones[1].expected == dt.date(2016, 9, 20)
    assert outturn(page) == OUTTURN_AS_PLAN


def test_a_date_that_does_not_exist_is_refused(window, qtbot):
    page = window.delivery
    grid = page.panel.milestone_grid
    click(qtbot, grid, page.panel.milestones.index(1, EXPECTED))
    keys(qtbot, "31/02/2016")
    press(qtbot, Key.Key_Return)
    assert grid.is_editing()
    assert "Go-live: expected date is a date that exists" in page.feedback.text()
    press(qtbot, Key.Key_Escape)


def test_moving_up_a_stage_needs_both_assessments_and_a_named_sign_off(window, qtbot):
    page = window.delivery
    looked: dict = {}

    def gateway(dialog: GatewayDialog) -> None:
        looked["target"] = dialog.target.currentText()
        looked["ok_at_first"] = button(dialog, OK).isEnabled()
        looked["missing"] = dialog.problems.text()
        tick(qtbot, dialog.qia)
        tick(qtbot, dialog.eia)
        looked["ok_without_name"] = button(dialog, OK).isEnabled()
        qtbot.keyClicks(dialog.signed, "Dr Joe McManners")
        qtbot.mouseClick(button(dialog, OK), LEFT)

    answer(GatewayDialog, gateway)
    qtbot.mouseClick(page.panel.move_stage, LEFT)
    assert looked["target"] == "In delivery"
    assert not looked["ok_at_first"] and not looked["ok_without_name"]
    for part in ("QIA", "EIA", "no one is named"):
        assert part in looked["missing"]
    tracking = page.ledger.ledger.tracking[THIRD]
    assert tracking.stage is Stage.IN_DELIVERY
    assert tracking.gateway.signed_off_by == "Dr Joe McManners"
    assert tracking.gateway.qia_done and tracking.gateway.eia_done
    assert "In delivery" in page.panel.stage.text()
    window.undo_action.trigger()
    assert page.ledger.ledger.tracking[THIRD].stage is Stage.IDENTIFIED


def test_moving_back_needs_a_note_and_moves_the_plans_status_too(window, qtbot):
    page = window.delivery
    looked: dict = {}

    def gateway(dialog: GatewayDialog) -> None:
        qtbot.keyClick(dialog.target, Key.Key_Home)  # Unidentified, then Earmarked
        qtbot.keyClick(dialog.target, Key.Key_Down)
        looked["target"] = dialog.target.currentText()
        looked["ok_without_note"] = button(dialog, OK).isEnabled()
        qtbot.keyClicks(dialog.note, "Contract variation not agreed")
        qtbot.mouseClick(button(dialog, OK), LEFT)

    answer(GatewayDialog, gateway)
    qtbot.mouseClick(page.panel.move_stage, LEFT)
    assert looked == {"target": "Earmarked", "ok_without_note": False}
    scheme = next(s for s in window.controller.plan.schemes if s.id == THIRD)
    assert scheme.status is SchemeStatus.EARMARKED
    assert page.ledger.ledger.tracking[THIRD].stage is Stage.EARMARKED
    history = [e for e in window.controller.store.history() if e.kind == "scheme"]
    assert any("Contract variation not agreed" in (e.label + e.note) for e in history)
    window.undo_action.trigger()
    scheme = next(s for s in window.controller.plan.schemes if s.id == THIRD)
    assert scheme.status is SchemeStatus.IDENTIFIED
    assert page.ledger.ledger.tracking[THIRD].stage is Stage.IDENTIFIED
