"""The place-based budget: every pot of money spent on the population, beside its target.

Each element says how far its spend sits from its target and how much of a saving in it
comes back to the CCG (all of it for its own allocation, half for specialised
commissioning under NHSE's 50/50 offer, none for the council's own budgets).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass
class PlaceElement:
    """`target` None: no target is set for it. `ccg_share`: fraction of a saving the CCG
    keeps. `from_allocation`: spend is the plan's total allocation (follows the drivers)."""

    id: int | None
    name: str
    commissioner: str = ""
    spend: Decimal = Decimal(0)
    target: Decimal | None = None
    ccg_share: Decimal = Decimal(1)
    from_allocation: bool = False
    source: str = ""
