"""The system money around the plan, worked out with the plan's other figures: pools'
splits, the contract levers' positions, and the place view."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from workbench.domain.plan import Plan
from workbench.engine.benchmarks import BenchmarkPosition, benchmark_positions
from workbench.engine.contracts import (
    ContractPosition,
    ContractTotals,
    LeverPosition,
    contract_positions,
    contract_totals,
    lever_positions,
)
from workbench.engine.place import PlaceView, place_view
from workbench.engine.pools import PoolSplit, PoolTotals, pool_totals, split_pool
from workbench.engine.trajectories import TrajectoryStatus


@dataclass(frozen=True)
class SystemResults:
    splits: tuple[PoolSplit, ...]  # one per pool, in plan order
    pools: PoolTotals
    levers: tuple[LeverPosition, ...]  # one per contract standard
    contracts: ContractTotals
    by_contract: tuple[ContractPosition, ...]  # one per contract, in plan order
    place: PlaceView
    benchmarks: tuple[BenchmarkPosition, ...] = ()  # one per measure with peers


def system_results(plan: Plan, allocation: Decimal,
                   statuses: tuple[TrajectoryStatus, ...]) -> SystemResults:
    """`allocation`: the CCG's core allocation (the place view's CCG element);
    `statuses`: the trajectories' statuses, in plan order."""
    splits = [split_pool(p) for p in plan.pools]
    levers = lever_positions(plan.contracts, plan.trajectories, statuses)
    return SystemResults(
        splits=tuple(splits),
        pools=pool_totals(plan.pools, splits),
        levers=tuple(levers),
        contracts=contract_totals(plan.contracts, levers),
        by_contract=tuple(contract_positions(plan.contracts, levers)),
        place=place_view(plan.place_elements, allocation),
        benchmarks=tuple(benchmark_positions(plan.benchmarks, plan.ods_code)),
    )
