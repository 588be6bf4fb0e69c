"""Each scenario computed incrementally after base edits gives exactly the results of a
fresh full compute of the scenario applied to the base: random edit sequences over every
field of every kind, inserts, deletes, undo; scenarios skipped for a few edits (a stopped
computation) and scenarios whose overrides change."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.engine.test_cache_equals_full import an_edit, assert_same
from tests.fakes import MemoryStore
from workbench.domain.changes import PlanChanges
from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import apply_to_plan
from workbench.domain.plan_copy import PlanCopies
from workbench.domain.scenarios import Scenario
from workbench.engine import compute
from workbench.engine.scenario_engine import ScenarioEngines, changes_between
from workbench.engine.scenarios import apply_scenario

SCENARIOS = [
    Scenario(1, "Slip", slippage_months=3),
    Scenario(2, "Haircut and risks", confidence_haircut=Decimal("0.2"), risk_likelihood_shift=1),
    Scenario(3, "Drivers", allocation_growth_pct=Decimal("0.03"),
             tariff_uplift_pct=Decimal("0.025"), activity_growth_pct=Decimal("0.02")),
]
OTHER = [{"slippage_months": 1}, {"confidence_haircut": Decimal("0.5")},
         {"tariff_uplift_pct": None}, {"risk_likelihood_shift": -2}]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_incremental_scenarios_equal_a_full_compute(data):
    store = MemoryStore()
    plan = store.load_new(demo_plan())
    copies, engines, done = PlanCopies(), ScenarioEngines(), []
    scenarios = list(SCENARIOS)
    log, since = [], PlanChanges.everything()
    for n in range(1, 11):
        edit, action = data.draw(an_edit(plan, done))
        if edit is not None:
            applied = store.apply(edit, action=action)
            if action == "edit":
                done.append(applied)
            apply_to_plan(plan, applied)
            changes = PlanChanges.of(applied)
            copies.note(changes)
            since = since.merged(changes)
        if data.draw(st.integers(0, 5)) == 0:  # a scenario's own overrides change
            i = data.draw(st.integers(0, len(scenarios) - 1))
            scenarios[i] = dataclasses.replace(scenarios[i], **data.draw(st.sampled_from(OTHER)))
        taken = copies.take(plan)
        log.append((n, since))
        since = PlanChanges()
        for scenario in scenarios:
            if data.draw(st.booleans()) or scenario is scenarios[-1]:  # others wait a turn
                _plan, got = engines.results(taken, scenario, n, log)
                assert_same(got, compute(apply_scenario(taken, scenario)), scenario.name)


def test_a_scenario_is_computed_afresh_when_the_log_no_longer_covers_its_copy():
    plan = MemoryStore().load_new(demo_plan())
    engines = ScenarioEngines()
    engines.results(plan, SCENARIOS[0], 1, [(1, PlanChanges.everything())])
    other = MemoryStore().load_new(demo_plan())
    other.drivers.tariff_uplift_pct = Decimal("0.03")
    _plan, again = engines.results(other, SCENARIOS[0], 5, [(5, PlanChanges())])  # 2..4 are gone
    assert_same(again, compute(apply_scenario(other, SCENARIOS[0])))
    assert changes_between([(5, PlanChanges())], 1, 5) is None
    assert changes_between([(2, PlanChanges.everything())], 1, 2) == PlanChanges.everything()
