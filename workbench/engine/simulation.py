"""Delivery odds: a Monte Carlo of the year-end position against the business rules.

Each draw is one way the year could turn out:

- every identified or earmarked scheme delivers a fraction of its net saving drawn from
  Beta(kappa * c, kappa * (1 - c)), where c is its confidence (so on average it delivers
  net x confidence, the engine's risk-adjusted value) and kappa the *concentration*
  (default 4: a 50% scheme is Beta(2, 2), a 70% one has a standard deviation of 20
  points). Unidentified schemes deliver nothing, as they close no gap in the engine.
  Draws come from quantile tables (`beta_tables`), exact at every 1/1024 quantile.
- every open risk occurs independently with the probability of its likelihood score; one
  that occurs costs its engine net (likelihood-weighted value less its capped mitigation)
  divided by its probability, so that on average it costs exactly the engine's net figure.

    year-end position = savings delivered - savings requirement - cost of risks that occur

The requirement already holds back the surplus, the contingency and the uncommitted
reserve, so a position of 0 or more leaves all three intact: that is **meeting the
business rules**, and `p_meet_business_rules` is the share of draws with position >= 0.
Down to -(contingency + uncommitted reserve) the reserves absorb the shortfall and the
surplus is still delivered (`p_surplus_intact`). The mean converges to the engine's own
risk-adjusted position: schemes risk-adjusted - requirement - risks after mitigations.

Seeded (numpy's PCG64, one stream for schemes and one for risks) and reproducible: the
same seed and plan give the same figures to the penny, and the first n draws of a longer
run are the n draws of a shorter one. Draws are made in chunks of `CHUNK`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from workbench.domain.enums import CLOSING_STATUSES
from workbench.domain.plan import Plan
from workbench.engine.beta_tables import TABLE_SIZE, scheme_tables
from workbench.engine.results import PlanResults

DEFAULT_DRAWS = 10_000
DEFAULT_SEED = 2016
DEFAULT_CONCENTRATION = 4.0
MAX_DRAWS = 5_000_000  # 40 MB of positions; more would add nothing a user could see
MAX_CONCENTRATION = 1_000.0
CHUNK = 1_000  # draws per step: bounds memory, and progress and Cancel act between steps
Progress = Callable[[int, str], None]


@dataclass(frozen=True)
class SimulationSettings:
    draws: int = DEFAULT_DRAWS
    seed: int = DEFAULT_SEED
    concentration: float = DEFAULT_CONCENTRATION

    def check(self) -> None:
        if not 1 <= self.draws <= MAX_DRAWS:
            raise ValueError(f"the number of draws must be from 1 to {MAX_DRAWS:,}")
        if not 0 < self.concentration <= MAX_CONCENTRATION:  # also refuses NaN
            raise ValueError(f"the concentration must be above 0 and at most "
                             f"{MAX_CONCENTRATION:g}")


@dataclass(frozen=True)
class DeliveryInputs:
    """What the draws need, from the plan and the engine's results (pounds)."""

    requirement: float
    certain_savings: float  # schemes at 100% confidence (and the rest's sure part: none)
    scheme_tables: np.ndarray  # (schemes, TABLE_SIZE) float32: net x delivery fraction
    risk_probability: np.ndarray  # (risks,)
    risk_cost: np.ndarray  # (risks,) cost if the risk occurs
    expected_position: float  # the engine's risk-adjusted position
    surplus: float
    reserves: float  # contingency + uncommitted reserve


@dataclass(frozen=True)
class SimulationResult:
    settings: SimulationSettings
    positions: np.ndarray  # (draws,) year-end position in pounds, in draw order
    expected_position: float
    surplus: float
    reserves: float

    @property
    def mean(self) -> float:
        return float(self.positions.mean())

    @property
    def std(self) -> float:
        return float(self.positions.std(ddof=1)) if len(self.positions) > 1 else 0.0

    def percentile(self, p: float) -> float:
        return float(np.percentile(self.positions, p))

    @property
    def p_meet_business_rules(self) -> float:
        """Share of draws ending with surplus, contingency and uncommitted reserve intact."""
        return float(np.mean(self.positions >= 0))

    @property
    def p_surplus_intact(self) -> float:
        """Share of draws where the reserves cover the shortfall and the surplus is kept."""
        return float(np.mean(self.positions >= -self.reserves))

    def histogram(self, bins: int = 60) -> tuple[np.ndarray, np.ndarray]:
        """(counts, edges) in about `bins` bins whose edges are multiples of the bin width,
        so that 0 (the business-rule line) is always an edge."""
        low, high = float(self.positions.min()), float(self.positions.max())
        width = max((high - low) / bins, 1.0)
        edges = np.arange(np.floor(low / width), np.floor(high / width) + 2) * width
        return np.histogram(self.positions, bins=edges)

    def figures(self) -> dict[str, float | int]:
        """The headline figures, in pounds to the penny and probabilities in 0..1."""
        return {
            "draws": self.settings.draws, "seed": self.settings.seed,
            "concentration": self.settings.concentration,
            "p10_gbp": round(self.percentile(10), 2), "p50_gbp": round(self.percentile(50), 2),
            "p90_gbp": round(self.percentile(90), 2), "mean_gbp": round(self.mean, 2),
            "std_gbp": round(self.std, 2),
            "expected_gbp": round(self.expected_position, 2),
            "p_meet_business_rules": round(self.p_meet_business_rules, 4),
            "p_surplus_intact": round(self.p_surplus_intact, 4),
            "surplus_gbp": round(self.surplus, 2), "reserves_gbp": round(self.reserves, 2),
        }


def delivery_inputs(plan: Plan, results: PlanResults, concentration: float) -> DeliveryInputs:
    """The schemes and risks that vary, and the sure parts, from the engine's results."""
    s = results.summary
    figures = results.scheme_figures
    closing = np.isin(figures["status"].to_numpy(),
                      [status.value for status in CLOSING_STATUSES])
    net = figures["net"].to_numpy(dtype=float)
    confidence = np.clip(np.asarray([float(x.confidence) for x in plan.schemes], dtype=float),
                         0.0, 1.0)
    varies = closing & (net != 0) & (confidence > 0) & (confidence < 1)
    certain = float(net[closing & (confidence >= 1)].sum())
    tables = (scheme_tables(confidence[varies], concentration)
              * net[varies, None]).astype(np.float32)
    risks = results.risk_figures
    probability = risks["probability"].to_numpy(dtype=float)
    risk_net = risks["net"].to_numpy(dtype=float)
    live = (risk_net != 0) & (probability > 0)
    return DeliveryInputs(
        requirement=float(s.savings_requirement),
        certain_savings=certain,
        scheme_tables=tables,
        risk_probability=probability[live],
        risk_cost=risk_net[live] / probability[live],
        expected_position=float(s.schemes_risk_adjusted) - float(s.savings_requirement)
        - float(s.risks_after_mitigation),
        surplus=float(s.surplus),
        reserves=float(s.contingency) + float(s.uncommitted_reserve),
    )


def simulate(plan: Plan, results: PlanResults, settings: SimulationSettings | None = None,
             progress: Progress | None = None) -> SimulationResult:
    """`settings.draws` year-end positions of `plan` (whose engine results are `results`).

    `progress(percent, step)` is called between chunks; it may raise to cancel."""
    settings = settings or SimulationSettings()
    settings.check()
    inputs = delivery_inputs(plan, results, settings.concentration)
    return draw_positions(inputs, settings, progress)


def draw_positions(inputs: DeliveryInputs, settings: SimulationSettings,
                   progress: Progress | None = None) -> SimulationResult:
    schemes_rng, risks_rng = (np.random.default_rng(child)
                              for child in np.random.SeedSequence(settings.seed).spawn(2))
    tables = inputs.scheme_tables
    n_schemes = tables.shape[0]
    flat = tables.ravel()
    offsets = (np.arange(n_schemes, dtype=np.int32) * TABLE_SIZE)[:, None]
    positions = np.empty(settings.draws)
    sure = inputs.certain_savings - inputs.requirement
    for start in range(0, settings.draws, CHUNK):
        size = min(CHUNK, settings.draws - start)
        # drawn draw by draw (so the first draws never depend on how many follow), then
        # laid out scheme by scheme so each lookup stays within one scheme's table
        index = schemes_rng.integers(0, TABLE_SIZE, (size, n_schemes), dtype=np.uint16)
        cells = np.ascontiguousarray(index.T, dtype=np.int32)
        cells += offsets
        delivered = flat[cells].sum(axis=0, dtype=np.float64)
        occurs = risks_rng.random((size, len(inputs.risk_probability))) < inputs.risk_probability
        cost = occurs.astype(np.float64) @ inputs.risk_cost
        positions[start:start + size] = sure + delivered - cost
        if progress is not None:
            done = start + size
            progress(int(100 * done / settings.draws), f"{done:,} of {settings.draws:,} draws")
    return SimulationResult(settings, positions, inputs.expected_position, inputs.surplus,
                            inputs.reserves)
