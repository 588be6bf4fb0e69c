"""Scenarios are saved with the plan, edited one field at a time, and frozen with it."""

from __future__ import annotations

from decimal import Decimal

from workbench.domain.edits import EntityKind, InsertRows, SetField
from workbench.domain.scenarios import Scenario
from workbench.store.versions import freeze_version, load_version


def test_scenario_round_trip_edit_undo_and_freeze(store):
    added = store.apply(InsertRows(EntityKind.SCENARIO, (
        Scenario(None, "Higher growth", activity_growth_pct=Decimal("0.03"), slippage_months=2,
                 confidence_haircut=Decimal("0.1"), risk_likelihood_shift=-1,
                 note="=Board's question"),)))
    scenario = added.rows[0]
    assert store.load_plan().scenarios == [scenario]
    edit = store.apply(SetField(EntityKind.SCENARIO, scenario.id, "tariff_uplift_pct", None,
                                Decimal("0.02")))
    assert store.load_plan().scenarios[0].tariff_uplift_pct == Decimal("0.02")
    store.apply(edit.inverted(), action="undo")
    assert store.load_plan().scenarios[0].tariff_uplift_pct is None
    version = freeze_version(store, "With scenarios")
    assert [s.name for s in load_version(store, version).scenarios] == ["Higher growth"]
    assert "scenario" in {h.kind for h in store.history()}  # its edits are in the history
