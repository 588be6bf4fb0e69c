"""How a pool's projected over- or underspend falls to each partner, to the penny.

Shares are worked out exactly (fractions), then rounded to whole pence so that they add
up to the variance: each partner gets the floor of its exact share and the pennies left
over go to the largest remainders, ties to the partner listed first. Rules:

- fixed shares: variance x share;
- proportional: variance x contribution / total;
- capped: proportional, but no partner bears more of an overspend than its cap; what a
  capped partner cannot bear is shared among the others by contribution, again and again;
  what no partner can bear is left "unshared" (the agreement must settle it). An
  underspend is shared by contribution;
- each bears its own overspend: each partner bears the variance on its own services
  (`own_variance`); any rest of the projected variance not put to a partner is shared by
  contribution (chosen: the usual fallback of a section 75 agreement).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from workbench.domain.money import from_pence, to_pence
from workbench.domain.pools import Pool, RiskShareRule, rule_problems


@dataclass(frozen=True)
class PoolSplit:
    pool_id: int | None
    pool: str
    rule: RiskShareRule
    variance: Decimal
    shares: tuple[tuple[str, Decimal], ...]  # (partner, its share), in partner order
    ccg_share: Decimal
    unshared: Decimal = Decimal(0)
    problem: str = ""  # why the rule could not be applied (then nothing is shared)


def round_to_pence(exact: list[Fraction], total_pence: int) -> list[int]:
    """Whole pence adding up to `total_pence`: floors, then the largest remainders."""
    floors = [x.numerator // x.denominator for x in exact]
    left = total_pence - sum(floors)
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:max(left, 0)]:
        floors[i] += 1
    return floors


def _by_weight(amount: Fraction, weights: list[Fraction]) -> list[Fraction]:
    total = sum(weights, Fraction(0))
    return [amount * w / total for w in weights]


def _capped(pool: Pool, variance: Fraction) -> tuple[list[Fraction], Fraction]:
    """Shares of `variance` (in pence) and the pence no partner can bear."""
    weights = [Fraction(p.contribution) for p in pool.partners]
    if variance <= 0:
        return _by_weight(variance, weights), Fraction(0)
    caps = [None if p.cap is None else Fraction(to_pence(p.cap)) for p in pool.partners]
    shares = [Fraction(0)] * len(weights)
    active = [i for i, w in enumerate(weights) if w > 0]
    left = variance
    while left > 0 and active:
        split = _by_weight(left, [weights[i] for i in active])
        over = [i for i, part in zip(active, split, strict=True)
                if caps[i] is not None and shares[i] + part >= caps[i]]
        if not over:
            for i, part in zip(active, split, strict=True):
                shares[i] += part
            left = Fraction(0)
            break
        for i in over:  # these reach their caps; the rest goes round again
            left -= caps[i] - shares[i]
            shares[i] = caps[i]
        active = [i for i in active if i not in over]
    return shares, left


def _exact_shares(pool: Pool, variance: Fraction) -> tuple[list[Fraction], Fraction]:
    partners = pool.partners
    if pool.rule is RiskShareRule.FIXED_SHARES:
        return [variance * Fraction(p.share) for p in partners], Fraction(0)
    if pool.rule is RiskShareRule.CAPPED:
        return _capped(pool, variance)
    weights = [Fraction(p.contribution) for p in partners]
    if pool.rule is RiskShareRule.OWN_OVERSPEND:
        own = [Fraction(to_pence(p.own_variance)) for p in partners]
        rest = _by_weight(variance - sum(own, Fraction(0)), weights)
        return [a + b for a, b in zip(own, rest, strict=True)], Fraction(0)
    return _by_weight(variance, weights), Fraction(0)


def split_pool(pool: Pool, variance: Decimal | None = None) -> PoolSplit:
    """Each partner's share of `variance` (default: the pool's projected variance)."""
    amount = pool.projected_variance if variance is None else variance
    problems = rule_problems(pool)
    if problems:
        return PoolSplit(pool.id, pool.name, pool.rule, amount,
                         tuple((p.name, Decimal(0)) for p in pool.partners), Decimal(0),
                         unshared=amount, problem="; ".join(problems))
    pence = to_pence(amount)
    exact, unshared = _exact_shares(pool, Fraction(pence))
    unshared_pence = round(unshared) if unshared else 0
    whole = round_to_pence(exact, pence - unshared_pence)
    shares = tuple((p.name, from_pence(w)) for p, w in zip(pool.partners, whole, strict=True))
    ccg = sum((s for p, (_, s) in zip(pool.partners, shares, strict=True) if p.is_ccg),
              Decimal(0))
    return PoolSplit(pool.id, pool.name, pool.rule, from_pence(pence), shares, ccg,
                     unshared=from_pence(unshared_pence))


@dataclass(frozen=True)
class PoolTotals:
    total: Decimal  # every partner's contribution, every pool
    by_partner: tuple[tuple[str, Decimal], ...]  # partner name -> contributions, first seen order
    ccg_contribution: Decimal
    ccg_variance: Decimal  # the CCG's share of every pool's projected variance (signed)
    ccg_overspend: Decimal  # the CCG's share of projected overspends only (a risk)


def pool_totals(pools: list[Pool], splits: list[PoolSplit]) -> PoolTotals:
    by_partner: dict[str, Decimal] = {}
    for pool in pools:
        for p in pool.partners:
            by_partner[p.name] = by_partner.get(p.name, Decimal(0)) + p.contribution
    return PoolTotals(
        total=sum((p.total for p in pools), Decimal(0)),
        by_partner=tuple(by_partner.items()),
        ccg_contribution=sum((p.ccg_contribution for p in pools), Decimal(0)),
        ccg_variance=sum((s.ccg_share for s in splits), Decimal(0)),
        ccg_overspend=sum((max(s.ccg_share, Decimal(0)) for s in splits), Decimal(0)),
    )
