"""Two plans compared: every kind of change found, each with its effect, effects adding up."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import EntityKind
from workbench.domain.enums import RiskStatus, SchemeStatus
from workbench.domain.plan import CostPressure
from workbench.domain.schemes import SavingsScheme, ramp_phasing
from workbench.engine.diff import Change, diff_plans

EFFECTS = {"savings_requirement": "requirement", "savings_gap": "gap",
           "savings_gap_risk_adjusted": "gap_risk_adjusted",
           "risks_after_mitigation": "risk_exposure"}


@pytest.fixture
def plans():
    old = demo_plan()
    return old, copy.deepcopy(old)


def only(diff, change):
    rows = diff.of(change)
    assert len(rows) == 1, rows
    return rows[0]


def assert_effects_add_up(diff):
    for figure, effect in EFFECTS.items():
        total = sum(getattr(r, effect) for r in diff.rows)
        assert total == pytest.approx(diff.figure(figure).delta, abs=0.01), figure


def test_no_change_no_rows(plans):
    diff = diff_plans(*plans)
    assert diff.rows == () and all(f.delta == 0 for f in diff.figures)


def test_scheme_added(plans):
    old, new = plans
    new.schemes.append(SavingsScheme(99, "Falls prevention", gross_saving=Decimal(400_000),
                                     confidence=Decimal("0.5")))
    row = only(diff_plans(old, new), Change.ADDED)
    assert (row.kind, row.name, row.new_id, row.old_id) == (EntityKind.SCHEME,
                                                           "Falls prevention", 99, None)
    assert (row.gap, row.gap_risk_adjusted, row.requirement) == (-400_000, -200_000, 0)


def test_scheme_removed(plans):
    old, new = plans
    gone = new.schemes.pop(3)  # prescribing, £1.5m at 80%
    diff = diff_plans(old, new)
    row = only(diff, Change.REMOVED)
    assert (row.name, row.gap, row.gap_risk_adjusted) == (gone.name, 1_500_000, 1_200_000)
    assert_effects_add_up(diff)


def test_scheme_revalued(plans):
    old, new = plans
    new.schemes[0].investment = Decimal(200_000)
    row = only(diff_plans(old, new), Change.REVALUED)
    assert row.fields[0].field == "investment" and row.gap == 200_000
    assert row.gap_risk_adjusted == pytest.approx(140_000)  # 70% confidence


def test_scheme_rephased_moves_no_year_end_figure(plans):
    old, new = plans
    new.schemes[2].phasing = ramp_phasing(6)
    diff = diff_plans(old, new)
    row = only(diff, Change.REPHASED)
    assert row.size == 0 and row.fields[0].field == "phasing"
    # the same weights typed differently are no change
    again = copy.deepcopy(old)
    again.schemes[0].phasing = tuple(w * 3 for w in old.schemes[0].phasing)
    assert diff_plans(old, again).rows == ()


def test_scheme_restatused(plans):
    old, new = plans
    new.schemes[0].status = SchemeStatus.UNIDENTIFIED  # no longer closes the gap
    diff = diff_plans(old, new)
    row = only(diff, Change.RESTATUSED)
    assert row.gap == 1_200_000 and diff.figure("savings_gap").delta == 1_200_000


def test_scheme_confidence_changed(plans):
    old, new = plans
    new.schemes[0].confidence = Decimal("0.9")
    row = only(diff_plans(old, new), Change.CONFIDENCE)
    assert row.gap == 0 and row.gap_risk_adjusted == pytest.approx(-240_000)


def test_scheme_moved_to_another_workstream_shows_names(plans):
    old, new = plans
    new.schemes[0].workstream_id = new.workstreams[4].id
    row = only(diff_plans(old, new), Change.EDITED)
    assert row.fields[0].field == "workstream_id"
    assert (row.fields[0].old, row.fields[0].new) == (old.workstreams[1].name,
                                                      new.workstreams[4].name)


def test_risk_rescored(plans):
    old, new = plans
    new.risks[0].likelihood = 5  # £15m from 75% to 95%
    row = only(diff_plans(old, new), Change.RESCORED)
    assert row.kind is EntityKind.RISK and row.risk_exposure == pytest.approx(3_000_000)


def test_risk_revalued_and_closed(plans):
    old, new = plans
    new.risks[2].mitigation_value = Decimal(1_000_000)  # £3m at 50%: 1.5m, mitigation 0.5m->1m
    new.risks[4].status = RiskStatus.CLOSED  # £1m at 50%, mitigation 0.2m: net 0.3m gone
    diff = diff_plans(old, new)
    assert only(diff, Change.REVALUED).risk_exposure == pytest.approx(-500_000)
    assert only(diff, Change.RESTATUSED).risk_exposure == pytest.approx(-300_000)
    assert_effects_add_up(diff)


def test_driver_changed(plans):
    old, new = plans
    new.drivers.allocation += Decimal(10_000_000)
    diff = diff_plans(old, new)
    row = only(diff, Change.DRIVER)
    # +10m allocation, less the 3.7% of it held back by the business rules
    assert row.name == "Core allocation" and row.requirement == pytest.approx(-9_630_000)
    assert row.gap == row.requirement
    assert_effects_add_up(diff)


def test_spend_line_and_pressure(plans):
    old, new = plans
    new.spend_lines[0].baseline += Decimal(1_000_000)  # tariff 1.1% and growth 1.9% apply
    new.pressures.append(CostPressure(77, "New investment", Decimal(250_000)))
    diff = diff_plans(old, new)
    line = only(diff, Change.REVALUED)
    assert line.kind is EntityKind.SPEND_LINE and line.requirement == pytest.approx(1_030_000)
    added = only(diff, Change.ADDED)
    assert added.kind is EntityKind.PRESSURE and added.requirement == pytest.approx(250_000)


def test_every_change_at_once_adds_up_and_is_sorted_by_size(plans):
    old, new = plans
    new.drivers.tariff_uplift_pct = Decimal("0.02")
    new.drivers.surplus_pct = Decimal("0.015")
    new.spend_lines[1].baseline -= Decimal(2_000_000)
    new.spend_lines[2].tariff_applies = False
    del new.pressures[0]
    new.schemes[5].gross_saving += Decimal(100_000)
    new.schemes[6].status = SchemeStatus.EARMARKED
    del new.schemes[7]
    new.risks[1].likelihood = 2
    new.workstreams[0].name = "Urgent care (renamed)"  # one removed, one added
    diff = diff_plans(old, new)
    assert_effects_add_up(diff)
    sizes = [r.size for r in diff.rows]
    assert sizes == sorted(sizes, reverse=True)
    kinds = {(r.kind, c) for r in diff.rows for c in r.changes}
    assert (EntityKind.WORKSTREAM, Change.REMOVED) in kinds
    assert (EntityKind.WORKSTREAM, Change.ADDED) in kinds
    assert (EntityKind.SPEND_LINE, Change.EDITED) in kinds  # tariff no longer applies
