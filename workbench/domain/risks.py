"""Risks to the plan, scored on the NHS 5x5 matrix."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from workbench.domain.enums import RiskCategory, RiskStatus

LIKELIHOOD_LABELS = {1: "Rare", 2: "Unlikely", 3: "Possible", 4: "Likely", 5: "Almost certain"}
IMPACT_LABELS = {1: "Negligible", 2: "Minor", 3: "Moderate", 4: "Major", 5: "Catastrophic"}


@dataclass
class Risk:
    id: int | None
    description: str
    owner: str = ""
    category: RiskCategory = RiskCategory.OTHER
    value: Decimal = Decimal(0)
    likelihood: int = 3
    impact: int = 3
    mitigation: str = ""
    mitigation_value: Decimal = Decimal(0)
    scheme_id: int | None = None
    workstream_id: int | None = None
    status: RiskStatus = RiskStatus.OPEN
    review_date: dt.date | None = None
    source: str = ""  # where the input comes from: a paper and its words, or "chosen: why"
