"""Engine arithmetic on small hand-made plans where the right answer is known."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import numpy as np
import pytest

from workbench.domain.demo_plan import demo_plan
from workbench.domain.enums import RiskStatus, SchemeStatus
from workbench.domain.periods import FinancialYear
from workbench.domain.plan import FinancialDrivers, Plan, SpendLine
from workbench.domain.risks import Risk
from workbench.domain.schemes import SavingsScheme, ramp_phasing
from workbench.engine import compute
from workbench.engine.recompute import PlanEngine


def small_plan(**drivers) -> Plan:
    base = dict(
        allocation=Decimal(1000), prior_year_allocation=Decimal(900),
        surplus_pct=Decimal("0.01"), uncommitted_reserve_pct=Decimal(0),
        contingency_pct=Decimal(0), transformation_ringfence_pct=Decimal(0),
        tariff_uplift_pct=Decimal("0.10"), activity_growth_pct=Decimal("0.05"),
    )
    base.update(drivers)
    return Plan(
        id=1, organisation="Test CCG", ods_code="00X", first_year=FinancialYear(2016),
        last_year=FinancialYear(2017), drivers=FinancialDrivers(**base),
        spend_lines=[SpendLine(1, "Acute", Decimal(600), True, True),
                     SpendLine(2, "Other", Decimal(400), False, False)],
    )


def test_requirement_formula_by_hand():
    s = compute(small_plan()).summary
    # spend 1000 + tariff 10% of 600 + growth 5% of 600 = 1090; holdback 1% of 1000 = 10
    assert s.planned_spend == Decimal(1090)
    assert s.holdbacks == Decimal(10)
    assert s.savings_requirement == Decimal(100)
    assert s.savings_requirement_pct == Decimal("0.1")
    assert s.growth == Decimal(100)


def test_phasing_and_risk_adjustment():
    plan = small_plan()
    plan.schemes = [
        SavingsScheme(1, "A", gross_saving=Decimal(60), confidence=Decimal("0.5"),
                      phasing=ramp_phasing(6)),
        SavingsScheme(2, "B", gross_saving=Decimal(24), investment=Decimal(12),
                      status=SchemeStatus.EARMARKED, confidence=Decimal(1)),
        SavingsScheme(3, "Placeholder", gross_saving=Decimal(999),
                      status=SchemeStatus.UNIDENTIFIED),
    ]
    r = compute(plan)
    assert r.summary.schemes_identified == 60
    assert r.summary.schemes_earmarked == 12  # net of investment
    assert r.summary.savings_gap == 100 - 60 - 12  # unidentified does not close the gap
    assert r.summary.schemes_risk_adjusted == Decimal(30) + Decimal(12)
    monthly = r.savings_monthly
    # A saves nothing Apr-Sep then 10 a month; B saves 1 a month.
    assert monthly["planned"].tolist() == pytest.approx([1] * 6 + [11] * 6)
    assert monthly["planned_cum"].iloc[-1] == pytest.approx(72)
    assert monthly["risk_adjusted_cum"].iloc[-1] == pytest.approx(42)
    assert monthly["gap_cum"].iloc[-1] == pytest.approx(28)
    assert r.scheme_monthly.loc[1].sum() == pytest.approx(60)


def test_risk_exposure_weighted_mitigated_and_net_of_reserves():
    plan = small_plan(contingency_pct=Decimal("0.005"), uncommitted_reserve_pct=Decimal("0.01"))
    plan.risks = [
        Risk(1, "Likely", value=Decimal(100), likelihood=4, mitigation_value=Decimal(10)),
        Risk(2, "Possible", value=Decimal(40), likelihood=3, mitigation_value=Decimal(50)),
        Risk(3, "Closed", value=Decimal(500), likelihood=5, status=RiskStatus.CLOSED),
    ]
    s = compute(plan).summary
    assert s.risks_gross == 140
    assert s.risks_weighted == pytest.approx(75 + 20)
    assert s.risks_mitigations == pytest.approx(10 + 20)  # mitigation capped at exposure
    assert s.reserves_for_risk == pytest.approx(15)
    assert s.risks_net == pytest.approx(95 - 30 - 15)


def test_cached_engine_matches_fresh_compute_after_an_edit():
    plan = demo_plan()
    engine = PlanEngine()
    engine.compute(plan)
    plan.schemes[0].gross_saving *= 2
    plan.schemes[3].phasing = ramp_phasing(9)
    cached, fresh = engine.compute(plan), compute(plan)
    np.testing.assert_allclose(
        cached.savings_monthly.to_numpy(), fresh.savings_monthly.to_numpy()
    )
    assert cached.summary == fresh.summary


def test_by_workstream_totals_match_status_totals():
    r = compute(demo_plan())
    assert r.by_workstream["Identified"].sum() == pytest.approx(float(r.summary.schemes_identified))
    assert r.by_workstream["Earmarked"].sum() == pytest.approx(float(r.summary.schemes_earmarked))


def test_allocation_by_year_grows_two_percent_after_first_year():
    r = compute(demo_plan())
    years = r.allocation_by_year
    assert list(years.index) == ["2016/17", "2017/18", "2018/19", "2019/20", "2020/21"]
    assert years["2017/18"] / years["2016/17"] == pytest.approx(1.02)
    assert years["2017/18"] - years["2016/17"] == pytest.approx(14.552e6)


def test_bad_phasing_falls_back_to_flat():
    plan = small_plan()
    plan.schemes = [dataclasses.replace(
        SavingsScheme(1, "A", gross_saving=Decimal(120)), phasing=(Decimal(0),) * 12)]
    assert compute(plan).savings_monthly["planned"].tolist() == pytest.approx([10] * 12)
