"""Ledger steps as plain data: applying one and then its inverse gives the ledger back."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal

import pytest

from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import EntityKind, SetField
from workbench.domain.enums import Rag, SchemeStatus
from workbench.domain.errors import ValidationError
from workbench.domain.gateways import Gateway, Stage
from workbench.domain.ledger import (
    RECURRENT,
    Ledger,
    LedgerCell,
    SchemeTracking,
    month_index,
    plan_cells,
)
from workbench.domain.ledger_edits import (
    apply_to_ledger,
    close_month_edit,
    gateway_edit,
    plan_edits,
    rag_override_edit,
    set_forecast,
)
from workbench.domain.milestones import SchemeMilestone
from workbench.domain.periods import FinancialYear

D = Decimal


@pytest.fixture
def ledger() -> Ledger:
    plan = demo_plan()
    year = FinancialYear(2016)
    led = Ledger(1, year)
    for s in plan.schemes:
        for month, amount in plan_cells(s, year).items():
            led.cells[(s.id, month, RECURRENT)] = LedgerCell(amount)
        led.tracking[s.id] = SchemeTracking(s.id, f"QIPP-{s.id:02d}", milestones=(
            SchemeMilestone("Go-live", dt.date(2016, 4, 1), go_live=True),))
    return led


def test_each_step_then_its_inverse_restores_the_ledger(ledger):
    before = copy.deepcopy(ledger)
    steps = [
        close_month_edit(ledger, "2016-04", {(s, RECURRENT): D(7) for s in ledger.scheme_ids()}),
        set_forecast(ledger, 3, "2016-12", RECURRENT, D(999)),
        rag_override_edit(ledger, 2, Rag.RED, "Provider dispute"),
        gateway_edit(ledger, 8, Stage.IN_DELIVERY, Gateway(True, True, "A. Lead"),
                     scheme_status=SchemeStatus.EARMARKED),
    ]
    for step in steps:
        apply_to_ledger(ledger, step)
    assert ledger.closed_through == "2016-04" and ledger.closed_count == 1
    assert ledger.cell(3, "2016-12", RECURRENT).forecast == D(999)
    assert ledger.tracking[2].rag_override is Rag.RED
    assert ledger.tracking[8].stage is Stage.IN_DELIVERY
    assert ledger != before
    for step in reversed(steps):
        apply_to_ledger(ledger, step.inverted())
    assert ledger == before


def test_gateway_step_carries_the_plan_status(ledger):
    step = gateway_edit(ledger, 9, Stage.IN_DELIVERY, Gateway(True, True, "A. Lead"),
                        scheme_status=SchemeStatus.EARMARKED)
    assert plan_edits(step) == [SetField(EntityKind.SCHEME, 9, "status",
                                         SchemeStatus.EARMARKED, SchemeStatus.IDENTIFIED,
                                         step.label)]
    same = gateway_edit(ledger, 9, Stage.IN_DELIVERY, Gateway(True, True, "A. Lead"),
                        scheme_status=SchemeStatus.IDENTIFIED)
    assert plan_edits(same) == []


def test_months_and_switchover(ledger):
    assert ledger.next_to_close() == "2016-04" and ledger.open_months()[0] == "2016-04"
    assert month_index(ledger.year, "2017-03") == 11
    with pytest.raises(ValueError, match="2016-03 is not a month of 2016/17"):
        month_index(ledger.year, "2016-03")
    ledger.closed_through = "2017-03"
    assert ledger.next_to_close() is None and ledger.open_months() == []
    with pytest.raises(ValidationError, match="none \\(the year is closed\\)"):
        close_month_edit(ledger, "2017-03", {})


def test_plan_cells_follow_phasing_to_the_penny():
    scheme = demo_plan().schemes[0]
    cells = plan_cells(scheme, FinancialYear(2016))
    assert sum(cells.values()) == scheme.gross_saving
    assert list(cells.values())[:3] == [D(0)] * 3
