"""The £ at stake in contract standards, decided by the trajectories' latest actuals.

A standard is linked to the trajectory with its standard id and the contract's provider
code. On track (the latest actual as good as the plan in force, or the target): an
incentive is income. Off track: an incentive is lost and a penalty (or an
incentive-or-penalty) is a risk. No trajectory or no actual yet: the money is at stake,
neither income nor risk.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from workbench.domain.contracts import Contract, LeverKind
from workbench.domain.trajectories import Trajectory
from workbench.engine.trajectories import Status, TrajectoryStatus

NO_TRAJECTORY = "No trajectory"


@dataclass(frozen=True)
class LeverPosition:
    contract_id: int | None
    provider: str
    standard: str  # its label
    amount: Decimal
    kind: LeverKind
    status: str  # "On track", "Off track", "No data" or "No trajectory"
    trajectory: str = ""  # the metric it follows
    period: str | None = None  # of the latest actual
    income: Decimal = Decimal(0)
    risk: Decimal = Decimal(0)


@dataclass(frozen=True)
class ContractTotals:
    at_stake: Decimal
    income: Decimal
    risk: Decimal
    value: Decimal


def _trajectory_for(trajectories: list[Trajectory], standard_id: str,
                    provider: str) -> int | None:
    for i, t in enumerate(trajectories):
        if t.standard_id == standard_id and (not provider or t.provider == provider):
            return i
    return None


def lever_positions(contracts: list[Contract], trajectories: list[Trajectory],
                    statuses: tuple[TrajectoryStatus, ...]) -> list[LeverPosition]:
    """One position per contract standard; `statuses` in the trajectories' order."""
    out = []
    for contract in contracts:
        for s in contract.standards:
            i = _trajectory_for(trajectories, s.standard_id, contract.provider_code)
            if i is None:
                out.append(LeverPosition(contract.id, contract.provider, s.label, s.amount,
                                         s.kind, NO_TRAJECTORY))
                continue
            st = statuses[i]
            income = risk = Decimal(0)
            if st.status is Status.ON_TRACK and s.kind is not LeverKind.PENALTY:
                income = s.amount
            elif st.status is Status.OFF_TRACK and s.kind is not LeverKind.INCENTIVE:
                risk = s.amount
            out.append(LeverPosition(contract.id, contract.provider, s.label, s.amount,
                                     s.kind, st.status.value, trajectories[i].metric,
                                     st.period, income, risk))
    return out


@dataclass(frozen=True)
class ContractPosition:
    """One contract's standards taken together."""

    contract_id: int | None
    at_stake: Decimal
    income: Decimal
    risk: Decimal
    levers: tuple[LeverPosition, ...]


def contract_positions(contracts: list[Contract],
                       levers: list[LeverPosition]) -> list[ContractPosition]:
    """One position per contract, in plan order (levers as lever_positions gave them)."""
    out, start = [], 0
    for contract in contracts:
        mine = tuple(levers[start:start + len(contract.standards)])
        start += len(contract.standards)
        out.append(ContractPosition(
            contract.id, sum((lv.amount for lv in mine), Decimal(0)),
            sum((lv.income for lv in mine), Decimal(0)),
            sum((lv.risk for lv in mine), Decimal(0)), mine))
    return out


def contract_totals(contracts: list[Contract], levers: list[LeverPosition]) -> ContractTotals:
    return ContractTotals(
        at_stake=sum((lv.amount for lv in levers), Decimal(0)),
        income=sum((lv.income for lv in levers), Decimal(0)),
        risk=sum((lv.risk for lv in levers), Decimal(0)),
        value=sum((c.value for c in contracts), Decimal(0)),
    )
