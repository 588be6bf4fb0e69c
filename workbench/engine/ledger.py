"""In-year figures from the ledger: delivered to date, year-end forecast, variance, RAG.

Everything is gross savings in Decimal pounds. Variance is forecast outturn less plan (a
shortfall is negative); its % is of the year's plan. To date: delivered (the actuals of
the closed months) against the plan of the same months.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from workbench.domain.enums import Rag
from workbench.domain.ledger import ZERO, ForecastMethod, Ledger
from workbench.domain.milestones import worst_slip
from workbench.domain.schemes import SavingsScheme
from workbench.engine.ledger_forecast import forecast_profile
from workbench.engine.ledger_rag import DEFAULT_RULES, RagRules, derive_rag


def ratio(part: Decimal, whole: Decimal) -> Decimal | None:
    return part / whole if whole else None


class Variances:
    """Variance against plan, for a year and to date: a scheme's and the ledger's totals
    read the same four figures (plan_year, forecast_outturn, plan_to_date,
    delivered_to_date)."""

    plan_year: Decimal
    forecast_outturn: Decimal
    plan_to_date: Decimal
    delivered_to_date: Decimal

    @property
    def variance(self) -> Decimal:
        return self.forecast_outturn - self.plan_year

    @property
    def variance_pct(self) -> Decimal | None:
        return ratio(self.variance, self.plan_year)

    @property
    def to_date_variance(self) -> Decimal:
        return self.delivered_to_date - self.plan_to_date

    @property
    def to_date_variance_pct(self) -> Decimal | None:
        return ratio(self.to_date_variance, self.plan_to_date)


@dataclass(frozen=True)
class SchemePosition(Variances):
    scheme_id: int
    method: ForecastMethod
    plan: tuple[Decimal, ...]  # 12 months, both parts
    shown: tuple[Decimal, ...]  # actuals to the switch-over, forecast after
    plan_year: Decimal
    plan_to_date: Decimal
    delivered_to_date: Decimal
    forecast_outturn: Decimal
    recurrent_outturn: Decimal
    non_recurrent_outturn: Decimal
    slip_months: int
    confidence: Decimal
    derived_rag: Rag
    rag_reasons: tuple[str, ...]
    rag: Rag  # the override when there is one, else the derived RAG
    rag_reason: str  # the override's reason ("" when derived)

    @property
    def overridden(self) -> bool:
        return self.rag != self.derived_rag or bool(self.rag_reason)


@dataclass(frozen=True)
class LedgerResults(Variances):
    months: tuple[str, ...]
    closed_through: str | None
    positions: dict[int, SchemePosition]

    def total(self, name: str) -> Decimal:
        return sum((getattr(p, name) for p in self.positions.values()), ZERO)

    @property
    def plan_year(self) -> Decimal:
        return self.total("plan_year")

    @property
    def plan_to_date(self) -> Decimal:
        return self.total("plan_to_date")

    @property
    def delivered_to_date(self) -> Decimal:
        return self.total("delivered_to_date")

    @property
    def forecast_outturn(self) -> Decimal:
        return self.total("forecast_outturn")


    def monthly(self) -> pd.DataFrame:
        """Index month; columns plan, shown (actual then forecast), and their _cum."""
        plan = [sum((p.plan[i] for p in self.positions.values()), ZERO)
                for i in range(len(self.months))]
        shown = [sum((p.shown[i] for p in self.positions.values()), ZERO)
                 for i in range(len(self.months))]
        frame = pd.DataFrame({"plan": [float(v) for v in plan],
                              "shown": [float(v) for v in shown]}, index=list(self.months))
        frame["plan_cum"] = frame["plan"].cumsum()
        frame["shown_cum"] = frame["shown"].cumsum()
        return frame


def scheme_position(ledger: Ledger, scheme_id: int, confidence: Decimal,
                    rules: RagRules = DEFAULT_RULES) -> SchemePosition:
    tracking = ledger.tracking[scheme_id]
    closed = ledger.closed_count
    plan = [ZERO] * 12
    shown = [ZERO] * 12
    by_part: dict[str, Decimal] = {}
    for part in ledger.parts_of(scheme_id):
        part_plan = [v or ZERO for v in ledger.series(scheme_id, part, "plan")]
        profile = forecast_profile(part_plan, ledger.series(scheme_id, part, "actual"),
                                   ledger.series(scheme_id, part, "forecast"), closed,
                                   tracking.method)
        plan = [a + b for a, b in zip(plan, part_plan, strict=True)]
        shown = [a + b for a, b in zip(shown, profile, strict=True)]
        by_part[part] = sum(profile, ZERO)
    plan_year = sum(plan, ZERO)
    outturn = sum(shown, ZERO)
    slip = worst_slip(tracking.milestones)
    derived, reasons = derive_rag(ratio(outturn - plan_year, plan_year), slip, confidence, rules)
    return SchemePosition(
        scheme_id=scheme_id, method=tracking.method, plan=tuple(plan), shown=tuple(shown),
        plan_year=plan_year, plan_to_date=sum(plan[:closed], ZERO),
        delivered_to_date=sum(shown[:closed], ZERO), forecast_outturn=outturn,
        recurrent_outturn=by_part.get("recurrent", ZERO),
        non_recurrent_outturn=by_part.get("non-recurrent", ZERO), slip_months=slip,
        confidence=confidence, derived_rag=derived, rag_reasons=reasons,
        rag=tracking.rag_override or derived,
        rag_reason=tracking.rag_reason if tracking.rag_override else "")


def compute_ledger(ledger: Ledger, schemes: Iterable[SavingsScheme] | Mapping[int, Decimal],
                   rules: RagRules = DEFAULT_RULES) -> LedgerResults:
    """Every tracked scheme's position. `schemes` gives each scheme's confidence (the plan's
    schemes, or a mapping id -> confidence); a scheme without one counts as 100%."""
    if isinstance(schemes, Mapping):
        confidence = dict(schemes)
    else:
        confidence = {s.id: s.confidence for s in schemes if s.id is not None}
    positions = {sid: scheme_position(ledger, sid, confidence.get(sid, Decimal(1)), rules)
                 for sid in ledger.scheme_ids()}
    return LedgerResults(tuple(ledger.months()), ledger.closed_through, positions)


def in_year_gap(requirement: Decimal, results: LedgerResults) -> Decimal:
    """The savings requirement less the year-end forecast outturn of every tracked scheme:
    what is still to find this year (the figure a rephase moves)."""
    return requirement - results.forecast_outturn
