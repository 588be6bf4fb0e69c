"""Pooled budgets: money a CCG and its partners put into one pot, and who bears a variance.

A pool's partners each contribute; its risk-share rule says how a projected overspend
(positive variance) or underspend (negative) is divided among them. The rule is held as
data so the engine can split any variance exactly (engine.pools).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from workbench.domain.enums import LabelledEnum


class RiskShareRule(LabelledEnum):
    FIXED_SHARES = "Fixed shares"
    PROPORTIONAL = "Proportional to contribution"
    CAPPED = "Capped"
    OWN_OVERSPEND = "Each bears its own overspend"


@dataclass(frozen=True)
class PoolPartner:
    """One partner's stake in a pool.

    `share`: its fixed fraction of any variance (FIXED_SHARES only; shares add up to 1).
    `cap`: the most of an overspend it bears (CAPPED only; None: no cap).
    `own_variance`: the part of the pool's projected variance that arises on the services
    this partner commissions (OWN_OVERSPEND only).
    `is_ccg`: this partner is the plan's own organisation (its share reaches the plan).
    """

    name: str
    contribution: Decimal
    is_ccg: bool = False
    share: Decimal | None = None
    cap: Decimal | None = None
    own_variance: Decimal = Decimal(0)
    source: str = ""  # the seed's words, or "chosen: reason"


@dataclass
class Pool:
    """A pooled budget. `projected_variance` > 0 is an overspend, < 0 an underspend."""

    id: int | None
    name: str
    services: str = ""
    rule: RiskShareRule = RiskShareRule.PROPORTIONAL
    partners: tuple[PoolPartner, ...] = field(default_factory=tuple)
    projected_variance: Decimal = Decimal(0)
    source: str = ""

    @property
    def total(self) -> Decimal:
        return sum((p.contribution for p in self.partners), Decimal(0))

    @property
    def ccg_contribution(self) -> Decimal:
        return sum((p.contribution for p in self.partners if p.is_ccg), Decimal(0))


def rule_problems(pool: Pool) -> list[str]:
    """Why a pool's rule cannot be applied, in words (empty when it can)."""
    problems = []
    if not pool.partners:
        problems.append(f'pool "{pool.name}" has no partners')
    if any(p.contribution < 0 for p in pool.partners):
        problems.append(f'pool "{pool.name}": a contribution is negative')
    if pool.rule is RiskShareRule.FIXED_SHARES:
        shares = [p.share for p in pool.partners]
        if any(s is None or s < 0 for s in shares):
            problems.append(f'pool "{pool.name}": every partner needs a share of 0 or more')
        elif sum(shares, Decimal(0)) != 1:
            problems.append(f'pool "{pool.name}": the fixed shares add up to '
                            f'{sum(shares, Decimal(0))}, not 1')
    if pool.rule is RiskShareRule.CAPPED and any(
            p.cap is not None and p.cap < 0 for p in pool.partners):
        problems.append(f'pool "{pool.name}": a cap is negative')
    if (pool.rule in (RiskShareRule.PROPORTIONAL, RiskShareRule.CAPPED,
                      RiskShareRule.OWN_OVERSPEND)
            and pool.partners and pool.total == 0):
        problems.append(f'pool "{pool.name}": contributions add up to nothing')
    return problems
