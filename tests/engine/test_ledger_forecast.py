"""Forecast methods, parts kept apart, and the RAG rules, on small ledgers worked by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from workbench.domain.enums import Rag
from workbench.domain.ledger import (
    NON_RECURRENT,
    RECURRENT,
    ForecastMethod,
    Ledger,
    LedgerCell,
    SchemeTracking,
)
from workbench.domain.periods import FinancialYear
from workbench.engine.ledger import compute_ledger
from workbench.engine.ledger_forecast import forecast_profile
from workbench.engine.ledger_rag import derive_rag

D = Decimal
PLAN = [D(100)] * 6 + [D(200)] * 6  # £1,800 a year


def test_plan_as_is_keeps_plan_after_the_switchover():
    actual = [D(80), D(90), D(70)] + [None] * 9
    assert forecast_profile(PLAN, actual, [None] * 12, 3, ForecastMethod.PLAN) == (
        [D(80), D(90), D(70)] + PLAN[3:])


def test_run_rate_repeats_the_average_actual():
    actual = [D(80), D(90), D(70)] + [None] * 9
    # (80 + 90 + 70) / 3 = 80 every open month: 240 + 9 x 80 = 960
    profile = forecast_profile(PLAN, actual, [None] * 12, 3, ForecastMethod.RUN_RATE)
    assert profile[3:] == [D(80)] * 9 and sum(profile) == D(960)


def test_plan_shape_scales_the_rest_by_delivery_so_far():
    actual = [D(80), D(90), D(70)] + [None] * 9
    # delivered 240 of 300 planned = 80%: Jul-Sep 80 each, Oct-Mar 160 each
    profile = forecast_profile(PLAN, actual, [None] * 12, 3, ForecastMethod.PLAN_SHAPE)
    assert profile[3:] == [D(80)] * 3 + [D(160)] * 6
    assert sum(profile) == D(240) + 3 * 80 + 6 * 160  # 1,440


def test_manual_uses_typed_months_and_plan_elsewhere():
    manual = [None] * 10 + [D(5), D(6)]
    profile = forecast_profile(PLAN, [D(1)] * 12, manual, 2, ForecastMethod.MANUAL)
    assert profile == [D(1), D(1)] + PLAN[2:10] + [D(5), D(6)]


def test_derived_months_round_to_the_penny():
    actual = [D(10), D(10), D("0.01")] + [None] * 9
    profile = forecast_profile(PLAN, actual, [None] * 12, 3, ForecastMethod.RUN_RATE)
    assert profile[3] == D("6.67")  # 20.01 / 3 = 6.67 exactly; rounding keeps pence


@pytest.mark.parametrize("method", list(ForecastMethod))
def test_nothing_closed_falls_back_to_plan(method):
    assert forecast_profile(PLAN, [None] * 12, [None] * 12, 0, method) == PLAN


def test_recurrent_and_non_recurrent_parts_are_forecast_apart():
    year = FinancialYear(2016)
    months = year.months()
    ledger = Ledger(1, year, "2016-05")
    for i, m in enumerate(months):
        ledger.cells[(7, m, RECURRENT)] = LedgerCell(D(100), None, D(90) if i < 2 else None)
        ledger.cells[(7, m, NON_RECURRENT)] = LedgerCell(D(0), None, D(30) if i < 2 else None)
    ledger.tracking[7] = SchemeTracking(7, "QIPP-07", ForecastMethod.RUN_RATE)
    p = compute_ledger(ledger, {7: D("0.9")}).positions[7]
    # recurrent: 2 x 90 + 10 x 90 = 1,080; non-recurrent: 2 x 30 + 10 x 30 = 360
    assert (p.recurrent_outturn, p.non_recurrent_outturn) == (D(1080), D(360))
    assert p.forecast_outturn == D(1440) and p.plan_year == D(1200)
    assert (p.delivered_to_date, p.plan_to_date) == (D(240), D(200))
    assert p.variance == D(240) and p.variance_pct == D("0.2")
    assert p.derived_rag is Rag.GREEN


@pytest.mark.parametrize(("pct", "slip", "conf", "rag"), [
    (D("-0.05"), 0, D("0.5"), Rag.GREEN),  # exactly 5% short: still green
    (D("-0.0501"), 0, D("0.9"), Rag.AMBER),
    (D("-0.15"), 0, D("0.9"), Rag.AMBER),
    (D("-0.1501"), 0, D("0.9"), Rag.RED),
    (D("0.3"), 1, D("0.9"), Rag.AMBER),
    (D("0.3"), 3, D("0.9"), Rag.RED),
    (D(0), 0, D("0.49"), Rag.AMBER),
    (D(0), 0, D("0.24"), Rag.RED),
    (None, 2, D("0.2"), Rag.RED),
])
def test_rag_rules_worst_wins(pct, slip, conf, rag):
    assert derive_rag(pct, slip, conf)[0] is rag


def test_rag_reasons_say_why():
    rag, reasons = derive_rag(D("-0.2"), 2, D("0.4"))
    assert rag is Rag.RED
    assert reasons == ("forecast 20.0% below plan", "milestone 2 months late",
                       "confidence 40%")
