"""Scenarios: named what-ifs that override some drivers of the plan, never the plan itself.

A scenario is stored with the plan (and frozen with its versions) and edited like any row,
one undoable step per change. Each override is optional: None (or 0 for the shifts and
the haircut) means "as in the base plan".
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

# The fields a scenario can override, with what users call them.
OVERRIDES = {
    "allocation_growth_pct": "Allocation growth",
    "tariff_uplift_pct": "Tariff uplift",
    "activity_growth_pct": "Activity growth",
    "slippage_months": "Scheme slippage (months)",
    "confidence_haircut": "Confidence haircut",
    "risk_likelihood_shift": "Risk likelihood shift (points)",
}


@dataclass
class Scenario:
    """`allocation_growth_pct`: growth on the prior-year allocation (0.05 is 5%);
    `slippage_months`: every scheme starts this many months later, and what would fall
    after March is lost to the year; `confidence_haircut`: every scheme's confidence is
    multiplied by (1 - haircut); `risk_likelihood_shift`: added to every risk's likelihood
    score (kept within 1..5)."""

    id: int | None
    name: str
    allocation_growth_pct: Decimal | None = None
    tariff_uplift_pct: Decimal | None = None
    activity_growth_pct: Decimal | None = None
    slippage_months: int = 0
    confidence_haircut: Decimal = Decimal(0)
    risk_likelihood_shift: int = 0
    note: str = ""
    base_seen: str = ""  # the base when last looked at (engine.scenario_base), JSON text

    def overridden(self) -> list[str]:
        """The fields this scenario changes, in OVERRIDES order."""
        neutral = {"slippage_months": 0, "confidence_haircut": 0, "risk_likelihood_shift": 0}
        return [f for f in OVERRIDES
                if getattr(self, f) is not None and getattr(self, f) != neutral.get(f)]
