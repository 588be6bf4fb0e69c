"""Named monthly profiles for a scheme's saving, and how a typed month reshapes a profile.

A scheme's `phasing` is 12 relative weights (the engine spreads the year's net saving by
them), so a profile never has to add up by itself. A month typed in pounds keeps that
amount and the months after it share the rest of the year in their existing proportions
(March, having none after it, takes the rest from the months before): the months always
add up to the year, and typing April to March in turn gives exactly what was typed.
"""

from __future__ import annotations

from decimal import Decimal

from workbench.domain.activity import working_days
from workbench.domain.periods import MONTHS_IN_YEAR

FLAT = "Flat"
WORKING_DAYS = "Working days"
BACK_LOADED = "Back-loaded"
CUSTOM = "Custom"
NAMED = (FLAT, WORKING_DAYS, BACK_LOADED)


def profile_weights(name: str, year: int) -> tuple[Decimal, ...]:
    """The weights of a named profile for financial year `year` (2016 = 2016/17)."""
    if name == FLAT:
        return (Decimal(1),) * MONTHS_IN_YEAR
    if name == WORKING_DAYS:
        return tuple(Decimal(d) for d in working_days(year))
    if name == BACK_LOADED:  # mobilising through the year: 1, 2, ... 12
        return tuple(Decimal(i + 1) for i in range(MONTHS_IN_YEAR))
    raise ValueError(f"no profile called {name!r}; choose {', '.join(NAMED)}")


def _shares(weights: tuple[Decimal, ...]) -> tuple[Decimal, ...] | None:
    total = sum(weights, Decimal(0))
    return tuple(w / total for w in weights) if total > 0 else None


def identify(phasing: tuple[Decimal, ...], year: int) -> str:
    """The named profile these weights follow (to a millionth of the year), else Custom."""
    shares = _shares(tuple(phasing))
    if shares is None or len(shares) != MONTHS_IN_YEAR:
        return CUSTOM
    for name in NAMED:
        named = _shares(profile_weights(name, year))
        if named and all(abs(a - b) < Decimal("1e-6") for a, b in zip(shares, named, strict=True)):
            return name
    return CUSTOM


def retype_month(amounts: list[Decimal], month: int, value: Decimal,
                 year_total: Decimal) -> tuple[Decimal, ...]:
    """New monthly amounts (pounds, usable as weights) with `month` set to `value`.

    `amounts` are the months as phased now. Raises ValueError, saying why, when the value
    cannot fit inside the year.
    """
    if year_total <= 0:
        raise ValueError("the scheme has no net saving to phase yet: enter its gross "
                         "saving first")
    if value < 0:
        raise ValueError(f"a month's saving cannot be negative (read £{value:,.0f})")
    if value > year_total:
        raise ValueError(f"£{value:,.0f} is more than the year's net saving "
                         f"£{year_total:,.0f}")
    new = [Decimal(a) for a in amounts]
    new[month] = value
    later = list(range(month + 1, MONTHS_IN_YEAR))
    earlier = [m for m in range(month) if m not in later]
    kept = sum((new[m] for m in range(month)), Decimal(0)) if later else Decimal(0)
    sharing = later or earlier
    rest = year_total - value - kept
    if rest < 0:  # the months before already take more than is left: they share too
        sharing = [m for m in range(MONTHS_IN_YEAR) if m != month]
        rest = year_total - value
    current = sum((new[m] for m in sharing), Decimal(0))
    for m in sharing:
        new[m] = (new[m] * rest / current) if current > 0 else rest / len(sharing)
    return tuple(new)
