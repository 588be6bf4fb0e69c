"""Where the CCG sits among similar CCGs, and what closing the distance would be worth.

For each measure: the CCG's value per head, its rank among all (1 = lowest), the peers'
median and the average of the best five peers (RightCare's "Best 5"); the opportunity is
(CCG value − benchmark) × the CCG's population when the CCG is above it, else nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from statistics import median

from workbench.domain.benchmarks import Benchmark
from workbench.domain.money import round_pounds

BEST_OF = 5


@dataclass(frozen=True)
class BenchmarkPosition:
    measure: str
    unit: str
    value: Decimal | None  # the CCG's; None when the file has no row for it
    rank: int | None  # 1 = lowest of all organisations
    organisations: int
    peer_median: Decimal
    best_five: Decimal  # average of the lowest BEST_OF peers (all peers if fewer)
    population: int
    opportunity_median: Decimal  # in the unit: (value − median) × population, or 0
    opportunity_best_five: Decimal


def benchmark_positions(rows: list[Benchmark], ods_code: str) -> list[BenchmarkPosition]:
    by_measure: dict[str, list[Benchmark]] = {}
    for row in rows:
        by_measure.setdefault(row.measure, []).append(row)
    out = []
    for measure, group in by_measure.items():
        own = next((r for r in group if r.ods_code == ods_code), None)
        peers = sorted(r.value for r in group if r.ods_code != ods_code)
        if not peers:
            continue
        mid = Decimal(median(peers))
        best = sum(peers[:BEST_OF], Decimal(0)) / len(peers[:BEST_OF])
        if own is None:
            out.append(BenchmarkPosition(measure, group[0].unit, None, None, len(group), mid,
                                         best, 0, Decimal(0), Decimal(0)))
            continue
        rank = 1 + sum(1 for v in peers if v < own.value)
        out.append(BenchmarkPosition(
            measure, own.unit, own.value, rank, len(group), mid, best, own.population,
            round_pounds(max(own.value - mid, Decimal(0)) * own.population),
            round_pounds(max(own.value - best, Decimal(0)) * own.population)))
    return out
