"""The £ at stake on contract standards follows the trajectories' actuals."""

import dataclasses
from decimal import Decimal as D

from workbench.domain.contracts import Contract, ContractStandard, LeverKind
from workbench.domain.demo_plan import demo_plan
from workbench.domain.trajectories import Actual, Trajectory
from workbench.engine import compute
from workbench.engine.contracts import NO_TRAJECTORY, contract_totals, lever_positions
from workbench.engine.trajectories import trajectory_summary


def _trajectory(standard_id, latest):
    return Trajectory(id=1, metric=f"{standard_id} at RTH", target=0.95, standard_id=standard_id,
                      provider="RTH", planned={"2016-04": 0.95},
                      actuals={"2016-04": Actual(latest)})


def _positions(kind, latest):
    contract = Contract(1, "OUH", "RTH", D(0),
                        standards=(ContractStandard("AE_4HR", "A&E", D("400000"), kind),))
    trajectories = [_trajectory("AE_4HR", latest)]
    return lever_positions([contract], trajectories, tuple(trajectory_summary(trajectories)))


def test_on_track_earns_an_incentive_off_track_risks_a_penalty():
    on, off = 0.96, 0.90
    assert [(p.income, p.risk) for p in _positions(LeverKind.INCENTIVE_OR_PENALTY, on)] == [
        (D("400000"), 0)]
    assert [(p.income, p.risk) for p in _positions(LeverKind.INCENTIVE_OR_PENALTY, off)] == [
        (0, D("400000"))]
    # an incentive missed is lost, not a risk; a penalty avoided is no income
    assert [(p.income, p.risk) for p in _positions(LeverKind.INCENTIVE, off)] == [(0, 0)]
    assert [(p.income, p.risk) for p in _positions(LeverKind.PENALTY, on)] == [(0, 0)]
    assert [(p.income, p.risk) for p in _positions(LeverKind.PENALTY, off)] == [(0, D("400000"))]


def test_a_standard_without_a_trajectory_is_at_stake_only():
    contract = Contract(1, "OUH", "RTH", D(5), standards=(
        ContractStandard("RTT_INCOMPLETE", "RTT", D("300000")),))
    levers = lever_positions([contract], [_trajectory("AE_4HR", 0.99)], ())
    assert [(lv.status, lv.income, lv.risk) for lv in levers] == [(NO_TRAJECTORY, 0, 0)]
    totals = contract_totals([contract], levers)
    assert (totals.at_stake, totals.income, totals.risk, totals.value) == (
        D("300000"), 0, 0, D(5))


def test_another_providers_trajectory_does_not_decide_it():
    contract = Contract(1, "OHFT", "RNU", standards=(ContractStandard("AE_4HR", "A&E", D(1)),))
    levers = lever_positions([contract], [_trajectory("AE_4HR", 0.99)],
                             tuple(trajectory_summary([_trajectory("AE_4HR", 0.99)])))
    assert levers[0].status == NO_TRAJECTORY


def test_demo_ouh_incentive_follows_the_ae_actuals():
    plan = demo_plan()
    results = compute(plan)
    s = results.summary
    assert s.contract_incentives_at_stake == D("1000000")
    ae = results.system.levers[0]
    # OUH's latest A&E actual (March 2019) is below the 95% standard: the £400k is a risk
    assert (ae.standard, ae.status, ae.risk, ae.income) == (
        "A&E 4-hour standard", "Off track", D("400000"), 0)
    assert s.contract_risk == D("400000") and s.contract_income == 0
    # A later month at 96% puts it on track: the same £400k becomes income
    four_hour = next(t for t in plan.trajectories if t.standard_id == "AE_4HR")
    i = plan.trajectories.index(four_hour)
    plan.trajectories[i] = dataclasses.replace(
        four_hour, actuals={**four_hour.actuals, "2019-04": Actual(0.96)})
    s = compute(plan).summary
    assert (s.contract_income, s.contract_risk) == (D("400000"), 0)


def test_positions_by_contract_add_up_their_standards():
    from workbench.engine.contracts import contract_positions

    contracts = [Contract(1, "OUH", "RTH", standards=(
                     ContractStandard("AE_4HR", "A&E", D("400000")),
                     ContractStandard("RTT_INCOMPLETE", "RTT", D("300000")))),
                 Contract(2, "OHFT", "RNU"),
                 Contract(3, "SCAS", "RYE", standards=(
                     ContractStandard("AE_4HR", "A&E", D("5"), LeverKind.PENALTY),))]
    trajectories = [_trajectory("AE_4HR", 0.96)]
    levers = lever_positions(contracts, trajectories, tuple(trajectory_summary(trajectories)))
    got = [(p.contract_id, p.at_stake, p.income, p.risk, len(p.levers))
           for p in contract_positions(contracts, levers)]
    # OUH: A&E on track earns £400k, RTT has no trajectory; SCAS: no RYE trajectory
    assert got == [(1, D("700000"), D("400000"), 0, 2), (2, 0, 0, 0, 0),
                   (3, D("5"), 0, 0, 1)]
