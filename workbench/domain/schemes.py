"""Savings (QIPP) schemes."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from workbench.domain.enums import Lever, PointOfDelivery, SchemeStatus
from workbench.domain.periods import MONTHS_IN_YEAR

FLAT_PHASING: tuple[Decimal, ...] = (Decimal(1),) * MONTHS_IN_YEAR


def ramp_phasing(start_month: int) -> tuple[Decimal, ...]:
    """Nothing before `start_month` (0 = April), then flat: how most schemes mobilise."""
    return tuple(Decimal(0) if i < start_month else Decimal(1) for i in range(MONTHS_IN_YEAR))


@dataclass
class SavingsScheme:
    """One QIPP project. `gross_saving` is the first plan year's saving in pounds.

    `phasing` holds 12 relative weights (April..March); the engine normalises them, so
    "1,1,1..." and "8.33%..." mean the same. `confidence` is the chance of delivery (0..1).
    """

    id: int | None
    name: str
    workstream_id: int | None = None
    provider: str = ""
    pod: PointOfDelivery = PointOfDelivery.OTHER
    lever: Lever = Lever.CONTRACT
    status: SchemeStatus = SchemeStatus.IDENTIFIED
    gross_saving: Decimal = Decimal(0)
    investment: Decimal = Decimal(0)
    recurrent: bool = True
    confidence: Decimal = Decimal("0.5")
    phasing: tuple[Decimal, ...] = field(default=FLAT_PHASING)
    activity_impact: int = 0
    first_year: int = 2016
    last_year: int = 2016
    source: str = ""  # where the input comes from: a paper and its words, or "chosen: why"

    @property
    def net_saving(self) -> Decimal:
        """Gross saving less the investment needed to deliver it."""
        return self.gross_saving - self.investment
