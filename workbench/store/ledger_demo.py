"""Writing the in-year demo (domain.demo_in_year) through the ledger's ordinary path:
freeze the plan, close April to September one month at a time, type MSK's forecasts."""

from __future__ import annotations

from workbench.domain.demo_in_year import PLAN_LABEL, demo_actuals, demo_forecasts, demo_tracking
from workbench.domain.ledger import Ledger
from workbench.domain.ledger_edits import LedgerBatch, apply_to_ledger, set_forecast
from workbench.domain.plan import Plan
from workbench.store.ledger_store import LedgerStore
from workbench.store.plan_store import PlanStore


def write_in_year_demo(store: PlanStore, plan: Plan) -> Ledger:
    """`plan` is the demo plan as saved in `store` (store ids)."""
    ledgers = LedgerStore(store)
    ledger = ledgers.start_year(plan, PLAN_LABEL, tracking=demo_tracking(plan))
    for month, actuals in demo_actuals(plan).items():
        apply_to_ledger(ledger, ledgers.close_month(ledger, month, actuals,
                                                    note="In-year demo actuals"))
    typed = LedgerBatch(tuple(set_forecast(ledger, sid, month, part, value)
                              for (sid, month, part), value in demo_forecasts(plan).items()),
                        "MSK forecast moved with its go-live")
    ledgers.apply(typed, action="rephase", note="Go-live slipped from July to September")
    apply_to_ledger(ledger, typed)
    return ledger
