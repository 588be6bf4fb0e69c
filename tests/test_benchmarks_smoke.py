"""The benchmark's plan generator: counts follow the scale, and a seed gives one plan.

Fast checks only (1/10 scale); the timings themselves are never asserted."""

from __future__ import annotations

from fractions import Fraction

from benchmarks.large_plan import large_plan, scaled
from workbench.domain.trajectories import Frequency


def test_tenth_scale_counts():
    plan = large_plan(scale="1/10")
    assert len(plan.workstreams) == 6
    assert len(plan.schemes) == 200
    assert len(plan.risks) == 50
    assert len(plan.activity_lines) == 40
    assert len(plan.trajectories) == 6
    assert scaled(60, Fraction(1, 2)) == 30 and scaled(3, 0.1) == 1


def test_three_years_of_actuals_at_any_scale():
    plan = large_plan(scale="1/10")
    lengths = {t.frequency: len(t.actuals) for t in plan.trajectories}
    assert lengths == {Frequency.MONTHLY: 36, Frequency.WEEKLY: 156}
    keys = {(x.provider, x.measure, x.year) for x in plan.activity_lines}
    assert len(keys) == len(plan.activity_lines)  # the key an import matches lines on
    ids = {s.id for s in plan.schemes}
    assert all(set(x.scheme_ids) <= ids for x in plan.activity_lines)


def test_same_seed_same_plan():
    assert large_plan(scale="1/10") == large_plan(scale="1/10")
    assert large_plan(scale="1/10", seed=1) != large_plan(scale="1/10")
