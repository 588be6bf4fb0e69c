"""The scheme ledger: for every scheme and month of the year, plan, forecast and actual.

- **plan** is frozen when the final submission is made (`plan_cells`): the scheme's gross
  saving spread by its phasing, to the penny, the last month taking the rounding.
- **actual** is entered when a month is closed; months close in order, all schemes at
  once, and `closed_through` (the latest closed month) is the switch-over: up to it the
  ledger shows actuals, after it the forecast.
- **forecast** cells hold figures typed by hand (the manual method, or a rephase); the
  other methods derive the forecast from plan and actuals (engine.ledger).
Recurrent and non-recurrent savings are kept apart (`part`), so next year's baseline
sees only what recurs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from workbench.domain.enums import LabelledEnum, Rag
from workbench.domain.gateways import Gateway, Stage
from workbench.domain.milestones import SchemeMilestone
from workbench.domain.money import round_pounds
from workbench.domain.periods import MONTHS_IN_YEAR, FinancialYear
from workbench.domain.schemes import SavingsScheme

RECURRENT = "recurrent"
NON_RECURRENT = "non-recurrent"
PARTS = (RECURRENT, NON_RECURRENT)
CELL_FIELDS = ("plan", "forecast", "actual")
ZERO = Decimal(0)


class ForecastMethod(LabelledEnum):
    PLAN = "Plan as is"
    RUN_RATE = "Run rate of actuals"
    PLAN_SHAPE = "Actuals to date x plan shape"
    MANUAL = "Manual"


@dataclass(frozen=True)
class LedgerCell:
    """One scheme, one month, one part. None: not entered (no actual yet, no manual figure)."""

    plan: Decimal = ZERO
    forecast: Decimal | None = None
    actual: Decimal | None = None


CellKey = tuple[int, str, str]  # (scheme id, 'YYYY-MM', part)


@dataclass(frozen=True)
class SchemeTracking:
    """How a scheme is tracked in year: forecast method, RAG override, gateway, milestones."""

    scheme_id: int
    reference: str = ""  # what actuals files and the report name the scheme by
    method: ForecastMethod = ForecastMethod.PLAN
    rag_override: Rag | None = None
    rag_reason: str = ""
    stage: Stage = Stage.IDENTIFIED
    gateway: Gateway = field(default_factory=Gateway)
    milestones: tuple[SchemeMilestone, ...] = ()


TRACKING_FIELDS = ("reference", "method", "rag_override", "rag_reason", "stage", "gateway",
                   "milestones")


@dataclass
class Ledger:
    """The in-year ledger of one plan's first year."""

    plan_id: int | None
    year: FinancialYear
    closed_through: str | None = None
    plan_label: str = ""  # the submission the plan figures were frozen from
    cells: dict[CellKey, LedgerCell] = field(default_factory=dict)
    tracking: dict[int, SchemeTracking] = field(default_factory=dict)

    def months(self) -> list[str]:
        return self.year.months()

    @property
    def closed_count(self) -> int:
        """How many months are closed (0..12): the switch-over index."""
        return 0 if self.closed_through is None else month_index(self.year, self.closed_through) + 1

    def closed_months(self) -> list[str]:
        return self.months()[:self.closed_count]

    def open_months(self) -> list[str]:
        return self.months()[self.closed_count:]

    def next_to_close(self) -> str | None:
        months = self.months()
        return months[self.closed_count] if self.closed_count < MONTHS_IN_YEAR else None

    def find_reference(self, text: str) -> int | None:
        """The scheme id whose reference is `text` (any case, spaces trimmed), else None."""
        wanted = text.strip().lower()
        return next((t.scheme_id for t in self.tracking.values()
                     if t.reference.strip().lower() == wanted), None)

    def scheme_ids(self) -> list[int]:
        return sorted(self.tracking)

    def cell(self, scheme_id: int, month: str, part: str) -> LedgerCell:
        return self.cells.get((scheme_id, month, part), LedgerCell())

    def series(self, scheme_id: int, part: str, name: str) -> list[Decimal | None]:
        """Twelve values of one field ('plan', 'forecast', 'actual') of one part."""
        return [getattr(self.cell(scheme_id, m, part), name) for m in self.months()]

    def parts_of(self, scheme_id: int) -> list[str]:
        """The parts that carry any figure for this scheme (plan order)."""
        held = {p for (s, _m, p) in self.cells if s == scheme_id}
        return [p for p in PARTS if p in held] or [RECURRENT]


def month_index(year: FinancialYear, month: str) -> int:
    """0 for April .. 11 for March; ValueError naming the year if outside it."""
    months = year.months()
    if month not in months:
        raise ValueError(f"{month} is not a month of {year.label} "
                         f"({months[0]} to {months[-1]})")
    return months.index(month)


def plan_cells(scheme: SavingsScheme, year: FinancialYear) -> dict[str, Decimal]:
    """The frozen plan of one scheme by month: gross saving x phasing share, to the penny;
    March takes the rounding so the months add up to the gross saving exactly."""
    weights = [Decimal(w) for w in scheme.phasing]
    total = sum(weights, ZERO)
    if len(weights) != MONTHS_IN_YEAR or total <= 0 or any(w < 0 for w in weights):
        weights, total = [Decimal(1)] * MONTHS_IN_YEAR, Decimal(MONTHS_IN_YEAR)
    amounts = [round_pounds(scheme.gross_saving * w / total) for w in weights]
    amounts[-1] += scheme.gross_saving - sum(amounts, ZERO)
    return dict(zip(year.months(), amounts, strict=True))


def default_reference(position: int) -> str:
    """The reference a scheme gets when the year starts: QIPP-01, QIPP-02... in plan order."""
    return f"QIPP-{position + 1:02d}"


def part_of(scheme: SavingsScheme) -> str:
    return RECURRENT if scheme.recurrent else NON_RECURRENT
