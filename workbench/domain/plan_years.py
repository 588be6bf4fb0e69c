"""The years of a five-year plan after (and including) the first: what changes each year.

The first year's figures come from the plan's drivers, spend lines, pressures and
schemes; a `PlanYear` row says, for each year, whether NHSE's allocation is **firm** or
**indicative**, its allocation growth, the tariff and activity growth and the
transformation ring-fence that year, any new investment, and NHSE's target allocation
(to show how far the plan is from it). A field left None means "as the plan's drivers"
(the first year's values, or `future_growth_pct` for allocation growth). For the first
year the drivers always rule: its growth, tariff, activity and ring-fence fields are
not read, and its investments are the Pressures.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from workbench.domain.periods import FinancialYear

# The seed's rules for the years (Governing Body paper 16/20, March 2016).
RINGFENCE_MINIMUM = Decimal("0.012")  # "ring-fence a minimum of 1.2% ... for transformation"
FIRM_YEARS = 3  # "firm allocations for the next three years and indicative for years 4 and 5"
MAX_BELOW_TARGET = Decimal("0.05")  # NHSE: "no more than 5% below the target allocation"

# The fields a user edits in the five-year view, with what users call them.
YEAR_FIELDS = {
    "firm": "Allocation firm",
    "allocation_growth_pct": "Allocation growth",
    "tariff_uplift_pct": "Tariff uplift",
    "activity_growth_pct": "Activity growth",
    "transformation_ringfence_pct": "Transformation ring-fence",
    "investment": "New investment",
    "investment_recurrent": "Investment recurrent",
    "target_allocation": "Target allocation",
    "note": "Note",
}
# Fields read from the drivers (or pressures) in the first year, whatever the row holds.
FIRST_YEAR_FROM_DRIVERS = ("allocation_growth_pct", "tariff_uplift_pct", "activity_growth_pct",
                           "transformation_ringfence_pct", "investment", "investment_recurrent")


@dataclass
class PlanYear:
    """One year of the plan. `year` is the calendar year it starts in (2017 is 2017/18);
    percentages are fractions; `investment` is new spend that year in pounds (recurrent or
    not); `target_allocation` is NHSE's target for the core allocation, if known."""

    id: int | None
    year: int
    firm: bool = True
    allocation_growth_pct: Decimal | None = None
    tariff_uplift_pct: Decimal | None = None
    activity_growth_pct: Decimal | None = None
    transformation_ringfence_pct: Decimal | None = None
    investment: Decimal = Decimal(0)
    investment_recurrent: bool = False
    target_allocation: Decimal | None = None
    note: str = ""

    @property
    def label(self) -> str:
        return FinancialYear(self.year).label


def default_year(first_year: int, year: int) -> PlanYear:
    """The row a year has before anyone sets it: firm in the first FIRM_YEARS years,
    everything else as the drivers."""
    return PlanYear(None, year, firm=year - first_year < FIRM_YEARS)


def years_of(first_year: int, last_year: int, rows: list[PlanYear]) -> list[PlanYear]:
    """One row per plan year, in order: the stored row where there is one, else the default
    (rows outside the plan's years are left out)."""
    stored = {r.year: r for r in rows}
    return [stored.get(y) or default_year(first_year, y)
            for y in range(first_year, last_year + 1)]
