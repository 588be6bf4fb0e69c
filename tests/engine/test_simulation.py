"""Delivery odds: the Monte Carlo converges to the figures known by hand."""

from __future__ import annotations

import math
from decimal import Decimal

import numpy as np
import pytest

from workbench.domain.demo_plan import demo_plan
from workbench.domain.enums import RiskStatus, SchemeStatus
from workbench.domain.periods import FinancialYear
from workbench.domain.plan import FinancialDrivers, Plan, SpendLine
from workbench.domain.risks import Risk
from workbench.domain.schemes import SavingsScheme
from workbench.engine import compute
from workbench.engine.beta_tables import LEVELS, incomplete_beta, level_table, scheme_tables
from workbench.engine.risks import LIKELIHOOD_PROBABILITY
from workbench.engine.simulation import SimulationSettings, simulate

M = Decimal(1_000_000)


def plan_with(schemes=(), risks=()) -> Plan:
    """Requirement: spend 103m + holdbacks 3.5% of 100m - allocation 100m = 6.5m."""
    return Plan(
        id=1, organisation="Test CCG", ods_code="00X", first_year=FinancialYear(2016),
        last_year=FinancialYear(2017),
        drivers=FinancialDrivers(allocation=100 * M, prior_year_allocation=95 * M,
                                 surplus_pct=Decimal("0.01"),
                                 uncommitted_reserve_pct=Decimal("0.01"),
                                 contingency_pct=Decimal("0.005"),
                                 transformation_ringfence_pct=Decimal("0.01")),
        spend_lines=[SpendLine(1, "Acute", 103 * M, False, False)],
        schemes=list(schemes), risks=list(risks),
    )


def run(plan: Plan, draws: int = 40_000, seed: int = 7, concentration: float = 4.0):
    return simulate(plan, compute(plan), SimulationSettings(draws, seed, concentration))


def risk(i, value_m, likelihood, mitigation_m="0", status=RiskStatus.OPEN) -> Risk:
    return Risk(i, f"Risk {i}", value=Decimal(value_m) * M, likelihood=likelihood,
                mitigation_value=Decimal(mitigation_m) * M, status=status)


def scheme(i, net_m, confidence, status=SchemeStatus.IDENTIFIED) -> SavingsScheme:
    return SavingsScheme(i, f"Scheme {i}", gross_saving=Decimal(net_m) * M,
                         confidence=Decimal(confidence), status=status)


def test_bernoulli_risks_converge_to_the_analytic_mean_and_variance():
    risks = [risk(1, "4", 4), risk(2, "10", 2, "1"), risk(3, "2", 5), risk(4, "6", 3, "0.5"),
             risk(5, "9", 1, "5")]  # risk 5: mitigation capped at its weighted value
    plan = plan_with(risks=risks)
    result = run(plan)
    requirement = float(compute(plan).summary.savings_requirement)
    assert requirement == pytest.approx(6.5e6)
    mean, var = -requirement, 0.0
    for r in risks:
        p = LIKELIHOOD_PROBABILITY[r.likelihood]
        net = max(p * float(r.value) - float(r.mitigation_value), 0.0)  # the engine's net
        cost = net / p  # what an occurrence costs
        mean -= p * cost
        var += cost * cost * p * (1 - p)
    sd = math.sqrt(var)
    assert abs(result.mean - mean) < 4 * sd / math.sqrt(40_000)
    assert result.std**2 == pytest.approx(var, rel=0.03)
    assert result.expected_position == pytest.approx(mean)


def test_one_risk_meets_the_rules_exactly_when_it_does_not_occur():
    # 10m identified for sure against a 6.5m requirement: 3.5m spare; a 5m risk breaks it.
    plan = plan_with(schemes=[scheme(1, "10", "1")], risks=[risk(1, "5", 2)])
    result = run(plan)
    p = LIKELIHOOD_PROBABILITY[2]
    assert set(np.round(result.positions)) == {3.5e6, -1.5e6}
    se = math.sqrt(p * (1 - p) / 40_000)
    assert abs(result.p_meet_business_rules - (1 - p)) < 4 * se
    # reserves (contingency 0.5m + uncommitted 1m) do not cover a 1.5m shortfall
    assert result.reserves == pytest.approx(1.5e6)
    assert result.p_surplus_intact == result.p_meet_business_rules + np.mean(
        result.positions == -1.5e6)


def test_scheme_delivery_is_beta_with_the_stated_concentration():
    kappa = 4.0
    schemes = [scheme(1, "3", "0.7"), scheme(2, "2", "0.5"), scheme(3, "1.5", "0.25"),
               scheme(4, "4", "0.9", SchemeStatus.EARMARKED),
               scheme(5, "8", "0.8", SchemeStatus.UNIDENTIFIED)]  # delivers nothing
    plan = plan_with(schemes=schemes)
    result = run(plan, concentration=kappa)
    summary = compute(plan).summary
    mean = float(summary.schemes_risk_adjusted - summary.savings_requirement)
    var = sum(float(s.net_saving) ** 2 * float(s.confidence) * (1 - float(s.confidence))
              / (kappa + 1) for s in schemes[:4])
    assert abs(result.mean - mean) < 4 * math.sqrt(var / 40_000)
    assert result.std**2 == pytest.approx(var, rel=0.03)
    wider = run(plan, concentration=1.0)
    assert wider.std > result.std * 1.5  # lower concentration, more spread


def test_the_mean_converges_to_the_engines_risk_adjusted_position_on_the_demo():
    plan = demo_plan()
    results = compute(plan)
    result = simulate(plan, results, SimulationSettings(40_000, 3))
    s = results.summary
    expected = float(s.schemes_risk_adjusted - s.savings_requirement) - s.risks_after_mitigation
    assert result.expected_position == pytest.approx(expected)
    assert abs(result.mean - expected) < 4 * result.std / math.sqrt(40_000)
    assert result.percentile(10) < result.percentile(50) < result.percentile(90)


def test_same_seed_same_figures_other_seed_other_draws():
    plan = demo_plan()
    a, b = run(plan, 5_000, seed=11), run(plan, 5_000, seed=11)
    assert np.array_equal(a.positions, b.positions)
    assert a.figures() == b.figures()
    assert not np.array_equal(a.positions, run(plan, 5_000, seed=12).positions)
    # the first draws do not depend on how many are asked for
    assert np.array_equal(run(plan, 2_500, seed=11).positions, a.positions[:2_500])


def test_closed_risks_and_sure_schemes_do_not_vary():
    plan = plan_with(schemes=[scheme(1, "7", "1"), scheme(2, "3", "0")],
                     risks=[risk(1, "50", 5, status=RiskStatus.CLOSED)])
    result = run(plan, 1_000)
    assert np.all(result.positions == pytest.approx(0.5e6))
    assert result.p_meet_business_rules == 1.0
    assert result.figures()["p10_gbp"] == result.figures()["p90_gbp"] == 500_000.0


def test_histogram_counts_every_draw_with_zero_on_an_edge():
    result = run(demo_plan(), 3_000)
    counts, edges = result.histogram(50)
    assert counts.sum() == 3_000
    plan = plan_with(schemes=[scheme(1, "10", "0.6")])
    counts, edges = run(plan, 3_000).histogram(40)
    assert counts.sum() == 3_000 and edges[0] < 0 < edges[-1]
    assert np.min(np.abs(edges)) < 1e-6 * (edges[1] - edges[0])


def test_progress_reports_each_chunk_and_can_stop_the_run():
    seen = []
    run_plan = demo_plan()
    results = compute(run_plan)
    simulate(run_plan, results, SimulationSettings(2_500), lambda p, s: seen.append(p))
    assert seen == [40, 80, 100]

    def stop(percent, step):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        simulate(run_plan, results, SimulationSettings(2_500), stop)
    with pytest.raises(ValueError, match="draws"):
        simulate(run_plan, results, SimulationSettings(0))


def test_incomplete_beta_matches_closed_forms():
    x = np.linspace(0.01, 0.99, 25)
    assert incomplete_beta(2, 2, x) == pytest.approx(3 * x**2 - 2 * x**3, abs=1e-12)
    assert incomplete_beta(1, 3.5, x) == pytest.approx(1 - (1 - x) ** 3.5, abs=1e-12)
    assert incomplete_beta(0.3, 1, x) == pytest.approx(x**0.3, abs=1e-12)


def test_every_table_has_its_confidence_as_mean_and_stays_in_0_1():
    for level in range(LEVELS + 1):
        table = level_table(level, 4.0)
        assert table.mean() == pytest.approx(level / LEVELS, abs=1e-12)
        assert table.min() >= 0 and table.max() <= 1
    between = scheme_tables(np.array([0.705, 0.333, 1.2, -0.1]), 4.0)
    assert between.mean(axis=1) == pytest.approx([0.705, 0.333, 1.0, 0.0], abs=1e-12)
