"""Acceptance: the in-year demo (April to September closed) worked out by hand.

Plan per month (gross saving spread by phasing, to the penny, March takes the rounding):
  MSK £1.2m from July: 9 months, 133,333.33 (March 133,333.36)
  Ophthalmology £0.6m from August: 75,000.00
  OP follow-up £0.8m flat: 66,666.67 (March 66,666.63)
  Prescribing £1.5m flat: 125,000.00
  BCF NEL £1.6m flat: 133,333.33 (March 133,333.37)
  CHC £0.8m flat: 66,666.67 (March 66,666.63)
  LD £0.6m from July: 66,666.67 (March 66,666.64)
  Respiratory, MH out-of-area, Diagnostics, Maternity start in October (no plan before).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from workbench.domain.demo_plan import demo_plan
from workbench.domain.enums import Rag
from workbench.domain.ledger import RECURRENT, ForecastMethod
from workbench.domain.ledger_edits import apply_to_ledger
from workbench.engine.ledger import compute_ledger, in_year_gap
from workbench.engine.ledger_rephase import propose_rephase
from workbench.store import open_store
from workbench.store.ledger_demo import write_in_year_demo
from workbench.store.ledger_store import LedgerStore

D = Decimal


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("inyear") / "demo.db", create=True)
    plan = store.save_new_plan(demo_plan())
    write_in_year_demo(store, plan)
    return store, plan


KEYS = ("MSK", "Ophthalmology", "Outpatient", "Prescribing", "BCF", "respiratory",
        "Continuing", "Mental", "Diagnostics", "Learning", "Maternity")


def by_name(plan, results):
    """Each scheme's position under a word of its name."""
    return {key: results.positions[next(s.id for s in plan.schemes if key in s.name)]
            for key in KEYS}


def test_year_end_forecast_and_variance_by_hand(demo):
    store, plan = demo
    ledger = LedgerStore(store).load()
    assert ledger.closed_through == "2016-09"
    r = compute_ledger(ledger, plan.schemes)
    p = by_name(plan, r)
    # MSK: nothing Jul-Aug (go-live slipped), Sep 133,333.33; Oct-Mar typed = plan moved
    # two months later = 133,333.33 x 6: 133,333.33 x 7 = 933,333.31
    assert p["MSK"].forecast_outturn == D("933333.31")
    # OP follow-up, 90%, plan shape: 6 x 60,000.00 = 360,000.00 delivered against
    # 6 x 66,666.67 = 400,000.02; Oct-Feb 66,666.67 x 360,000/400,000.02 = 60,000.00,
    # March 66,666.63 x the same = 59,999.96: 360,000 + 300,000 + 59,999.96
    assert p["Outpatient"].forecast_outturn == D("719999.96")
    # BCF, 75%, run rate: 133,333.33 x 0.75 = 100,000.00 a month, x 12
    assert p["BCF"].forecast_outturn == D("1200000.00")
    # CHC, 110%, run rate: 66,666.67 x 1.1 = 73,333.34 a month, x 12 = 880,000.08
    assert p["Continuing"].forecast_outturn == D("880000.08")
    # LD, 60%, plan shape: Jul-Sep 40,000.00 x 3 = 120,000.00 of 200,000.01 planned;
    # Oct-Feb 40,000.00 x 5, March 66,666.64 x 0.59999997 = 39,999.98
    assert p["Learning"].forecast_outturn == D("359999.98")
    assert p["Prescribing"].forecast_outturn == D("1500000.00")
    # Ophthalmology, plan as is: August 75,000, September 80% = 60,000, Oct-Mar 75,000 x 6
    assert p["Ophthalmology"].forecast_outturn == D("585000.00")
    # plan-as-is schemes starting in October keep their plan
    assert [p[k].forecast_outturn for k in ("respiratory", "Mental", "Diagnostics",
                                           "Maternity")] == [D(500000), D(700000),
                                                             D(500000), D(300000)]
    # total: 933,333.31 + 585,000 + 719,999.96 + 1,500,000 + 1,200,000 + 500,000
    #      + 880,000.08 + 700,000 + 500,000 + 359,999.98 + 300,000 = 8,178,333.33
    assert r.plan_year == D("9100000.00")
    assert r.forecast_outturn == D("8178333.33")
    assert r.variance == D("-921666.67")
    assert round(r.variance_pct * 100, 2) == D("-10.13")  # -921,666.67 / 9,100,000
    # delivered Apr-Sep: 133,333.33 + 135,000 + 360,000 + 750,000 + 600,000
    #                    + 440,000.04 + 120,000 = 2,538,333.37
    assert r.delivered_to_date == D("2538333.37")
    # planned Apr-Sep: 399,999.99 + 150,000 + 400,000.02 + 750,000 + 799,999.98
    #                  + 400,000.02 + 200,000.01 = 3,100,000.02
    assert r.plan_to_date == D("3100000.02")


def test_derived_rag_by_hand(demo):
    store, plan = demo
    r = compute_ledger(LedgerStore(store).load(), plan.schemes)
    p = by_name(plan, r)
    # MSK -266,666.69 / 1,200,000 = 22.2% short (red) and 2 months late (amber): red
    assert p["MSK"].derived_rag is Rag.RED
    assert p["MSK"].rag_reasons == ("forecast 22.2% below plan", "milestone 2 months late")
    # OP follow-up -80,000.04 / 800,000 = 10.0% short: amber
    assert p["Outpatient"].derived_rag is Rag.AMBER
    # BCF -400,000 / 1,600,000 = 25% short: red
    assert p["BCF"].derived_rag is Rag.RED
    # Diagnostics on plan but 40% confidence (below 50%): amber
    assert p["Diagnostics"].derived_rag is Rag.AMBER
    # MH out-of-area: 50% confidence is not below 50%: green
    assert p["Mental"].derived_rag is Rag.GREEN
    # CHC 10% ahead, Prescribing on plan, Ophthalmology 2.5% short (15,000 / 600,000): green
    assert {p[k].derived_rag for k in ("Continuing", "Prescribing", "Ophthalmology")} == {
        Rag.GREEN}
    # LD 40% short: red derived, overridden to amber with the board's reason
    assert p["Learning"].derived_rag is Rag.RED
    assert p["Learning"].rag is Rag.AMBER and "Recovery plan" in p["Learning"].rag_reason


def test_slipped_go_live_rephases_exactly(demo, tmp_path):
    """Ophthalmology's go-live (planned 1 August) is re-forecast to 1 December: four months.
    Open months Oct-Mar were 75,000 each; moved four months later, Oct-Jan get nothing
    and Feb-Mar keep 75,000: the year loses 4 x 75,000 = 300,000 and the gap grows by it."""
    store, plan = demo
    ledgers = LedgerStore(open_store(store.engine.url))
    ledger = ledgers.load()
    oph = next(s for s in plan.schemes if s.name.startswith("Ophthalmology"))
    before = compute_ledger(ledger, plan.schemes)
    gap = in_year_gap(D("22390000"), before)
    proposal = propose_rephase(ledger, oph.id, "Go-live", dt.date(2016, 12, 1), gap)
    assert proposal.months == 4
    assert proposal.old_profile[6:] == (D(75000),) * 6
    assert proposal.new_profile[6:] == (D(0),) * 4 + (D(75000),) * 2
    assert proposal.new_profile[:6] == proposal.old_profile[:6]  # closed months untouched
    assert proposal.year_effect == D(-300000)
    assert proposal.gap_after == gap + D(300000)
    # nothing is written before accepting
    assert ledgers.load() == ledger
    ledgers.apply(proposal.edit, action="rephase")
    apply_to_ledger(ledger, proposal.edit)
    assert ledgers.load() == ledger
    after = compute_ledger(ledger, plan.schemes)
    assert after.forecast_outturn == before.forecast_outturn - D(300000)
    assert after.positions[oph.id].method is ForecastMethod.MANUAL
    assert after.positions[oph.id].slip_months == 4
    assert [ledger.cell(oph.id, m, RECURRENT).forecast for m in ledger.open_months()] == [
        D(0)] * 4 + [D(75000)] * 2
    # one undo step puts it all back
    ledgers.apply(proposal.edit.inverted(), action="undo")
    restored = compute_ledger(ledgers.load(), plan.schemes)
    assert restored.forecast_outturn == before.forecast_outturn
    assert restored.positions[oph.id].method is ForecastMethod.PLAN
    assert restored.positions[oph.id].slip_months == 0


def test_a_slip_past_march_loses_the_rest_of_the_year(demo):
    store, plan = demo
    ledger = LedgerStore(store).load()
    pres = next(s for s in plan.schemes if s.name.startswith("Prescribing"))
    from workbench.domain.ledger_edits import set_tracking
    from workbench.domain.milestones import SchemeMilestone
    ms = (SchemeMilestone("Go-live", dt.date(2016, 4, 1), go_live=True),)
    apply_to_ledger(ledger, set_tracking(ledger, pres.id, "milestones", ms))
    proposal = propose_rephase(ledger, pres.id, "Go-live", dt.date(2017, 4, 1), D(0))
    # run rate 125,000 for Oct-Mar all leaves the year: -750,000
    assert proposal.months == 12 and proposal.year_effect == D(-750000)
    assert proposal.new_profile[6:] == (D(0),) * 6
