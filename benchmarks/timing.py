"""Medians of repeated runs after a warm-up, and ratios measured against their floor."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

Step = Callable[[], object]


def ms_since(start: float) -> float:
    return (time.perf_counter() - start) * 1000


@dataclass
class Sample:
    """Milliseconds of each timed run (the warm-up is not among them)."""

    runs: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def spread(self) -> tuple[float, float]:
        return min(self.runs), max(self.runs)


def sample(step: Step, repeat: int, *, warmup: int = 1, before: Step | None = None) -> Sample:
    """Time `step` `repeat` times after `warmup` untimed runs; `before` runs untimed first."""
    runs = []
    for i in range(warmup + repeat):
        if before is not None:
            before()
        start = time.perf_counter()
        step()
        elapsed = ms_since(start)
        if i >= warmup:
            runs.append(elapsed)
    return Sample(runs)


def paired(step: Step, floor: Step, repeat: int, *, warmup: int = 1) -> tuple[Sample, Sample]:
    """Time `step` and its `floor` alternately in the same run, so that whatever else the
    machine is doing weighs on both; the ratio is median(step) / median(floor)."""
    ours, base = interleaved([step, floor], repeat, warmup=warmup)
    return ours, base


def interleaved(steps: list[Step], repeat: int, *, warmup: int = 1) -> list[Sample]:
    """Time each of `steps` once per round, `repeat` rounds after `warmup`; the order turns
    round by round so that no step always runs first."""
    runs: list[list[float]] = [[] for _ in steps]
    for i in range(warmup + repeat):
        shift = i % len(steps)
        for j in [*range(shift, len(steps)), *range(shift)]:
            start = time.perf_counter()
            steps[j]()
            elapsed = ms_since(start)
            if i >= warmup:
                runs[j].append(elapsed)
    return [Sample(r) for r in runs]
