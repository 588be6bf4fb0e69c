"""The derived RAG of a scheme in year, from three rules; the worst one wins.

- Variance: year-end forecast against plan. 5% or less short (or ahead) is green, more
  than 5% up to 15% short amber, more than 15% short red.
- Milestone slip: any milestone a month or more late is amber, three months or more red.
- Confidence: below 50% amber, below 25% red.
A user may override the result, with a reason; the override shows, the derived RAG and
its reasons stay visible beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from workbench.domain.enums import Rag

SEVERITY = {Rag.GREEN: 0, Rag.AMBER: 1, Rag.RED: 2}


@dataclass(frozen=True)
class RagRules:
    amber_shortfall: Decimal = Decimal("0.05")  # more than this short of plan: amber
    red_shortfall: Decimal = Decimal("0.15")  # more than this: red
    amber_slip_months: int = 1
    red_slip_months: int = 3
    amber_confidence: Decimal = Decimal("0.5")  # below this: amber
    red_confidence: Decimal = Decimal("0.25")


DEFAULT_RULES = RagRules()


def derive_rag(variance_pct: Decimal | None, slip_months: int, confidence: Decimal,
               rules: RagRules = DEFAULT_RULES) -> tuple[Rag, tuple[str, ...]]:
    """The RAG and the reasons it is not green (empty when green)."""
    found: list[tuple[Rag, str]] = []
    if variance_pct is not None and -variance_pct > rules.amber_shortfall:
        rag = Rag.RED if -variance_pct > rules.red_shortfall else Rag.AMBER
        found.append((rag, f"forecast {-variance_pct:.1%} below plan"))
    if slip_months >= rules.amber_slip_months:
        rag = Rag.RED if slip_months >= rules.red_slip_months else Rag.AMBER
        found.append((rag, f"milestone {slip_months} month{'s' * (slip_months != 1)} late"))
    if confidence < rules.amber_confidence:
        rag = Rag.RED if confidence < rules.red_confidence else Rag.AMBER
        found.append((rag, f"confidence {confidence:.0%}"))
    worst = max((r for r, _ in found), key=SEVERITY.__getitem__, default=Rag.GREEN)
    return worst, tuple(reason for _, reason in found)
