"""The plan aggregate and its financial drivers."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from workbench.domain.activity import ActivityLine
from workbench.domain.benchmarks import Benchmark
from workbench.domain.contracts import Contract
from workbench.domain.enums import PlanStatus
from workbench.domain.periods import FinancialYear
from workbench.domain.place import PlaceElement
from workbench.domain.plan_years import PlanYear
from workbench.domain.pools import Pool
from workbench.domain.risks import Risk
from workbench.domain.scenarios import Scenario
from workbench.domain.schemes import SavingsScheme
from workbench.domain.submissions import Submission
from workbench.domain.template_values import TemplateValue
from workbench.domain.trajectories import Trajectory
from workbench.domain.workstreams import Workstream


@dataclass
class FinancialDrivers:
    """What finance staff set at the top of the financial plan (first plan year).

    Percentages are fractions (Decimal("0.01") is 1%). The allocation is the CCG's core
    programme allocation; business rules apply to the total of programme and running costs.
    """

    allocation: Decimal
    prior_year_allocation: Decimal
    running_cost_allocation: Decimal = Decimal(0)
    tariff_uplift_pct: Decimal = Decimal(0)
    activity_growth_pct: Decimal = Decimal(0)
    surplus_pct: Decimal = Decimal("0.01")
    uncommitted_reserve_pct: Decimal = Decimal("0.01")
    contingency_pct: Decimal = Decimal("0.005")
    transformation_ringfence_pct: Decimal = Decimal("0.012")
    chc_risk_pool: Decimal = Decimal(0)
    future_growth_pct: Decimal = Decimal("0.02")


@dataclass
class SpendLine:
    """A recurrent baseline spend line (last year's forecast outturn) by programme category."""

    id: int | None
    category: str
    baseline: Decimal
    tariff_applies: bool = True
    growth_applies: bool = True
    source: str = ""  # where the input comes from: a paper and its words, or "chosen: why"


@dataclass
class CostPressure:
    """An investment or other pressure on top of tariff and activity growth."""

    id: int | None
    name: str
    amount: Decimal
    recurrent: bool = True
    source: str = ""  # where the input comes from: a paper and its words, or "chosen: why"


@dataclass
class Plan:
    id: int | None
    organisation: str
    ods_code: str
    first_year: FinancialYear
    last_year: FinancialYear
    drivers: FinancialDrivers
    name: str = "Operational plan"
    status: PlanStatus = PlanStatus.DRAFT
    spend_lines: list[SpendLine] = field(default_factory=list)
    pressures: list[CostPressure] = field(default_factory=list)
    workstreams: list[Workstream] = field(default_factory=list)
    schemes: list[SavingsScheme] = field(default_factory=list)
    risks: list[Risk] = field(default_factory=list)
    activity_lines: list[ActivityLine] = field(default_factory=list)
    trajectories: list[Trajectory] = field(default_factory=list)
    template_values: list[TemplateValue] = field(default_factory=list)  # SRG, BCF inputs
    scenarios: list[Scenario] = field(default_factory=list)  # what-ifs on the drivers
    # where each driver's value comes from, by FinancialDrivers field name (demo plans)
    driver_sources: dict[str, str] = field(default_factory=dict)
    plan_years: list[PlanYear] = field(default_factory=list)  # firm/indicative, growth by year
    submissions: list[Submission] = field(default_factory=list)  # the round's timetable
    pools: list[Pool] = field(default_factory=list)  # pooled budgets with partners
    contracts: list[Contract] = field(default_factory=list)  # providers' contracts, levers
    place_elements: list[PlaceElement] = field(default_factory=list)  # the place budget
    benchmarks: list[Benchmark] = field(default_factory=list)  # comparators per head

    @property
    def title(self) -> str:
        return f"{self.organisation} ({self.ods_code}) {self.name} {self.first_year.label}"

    def years(self) -> list[FinancialYear]:
        return [FinancialYear(y) for y in range(self.first_year.start, self.last_year.start + 1)]


def new_plan(organisation: str, ods_code: str, first_year: int, years: int = 5) -> Plan:
    """An empty plan: no rows, zero allocation, the standard business-rule percentages."""
    return Plan(
        id=None, organisation=organisation, ods_code=ods_code,
        first_year=FinancialYear(first_year), last_year=FinancialYear(first_year + years - 1),
        drivers=FinancialDrivers(allocation=Decimal(0), prior_year_allocation=Decimal(0)),
    )
