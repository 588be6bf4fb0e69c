"""Risk exposure: gross, likelihood-weighted, net of mitigations, then net of reserves.

Likelihood scores map to probabilities at the midpoint of the NHS 5x5 matrix bands.
Closed risks are shown but carry no exposure.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import numpy as np
import pandas as pd

from workbench.domain.enums import RiskStatus
from workbench.domain.risks import Risk

LIKELIHOOD_PROBABILITY = {1: 0.05, 2: 0.25, 3: 0.5, 4: 0.75, 5: 0.95}


@dataclass(frozen=True)
class RiskExposure:
    gross: Decimal
    weighted: float
    mitigations: float
    after_mitigation: float
    reserves: float
    net: float


def risk_table(risks: list[Risk]) -> pd.DataFrame:
    live = np.asarray([r.status is not RiskStatus.CLOSED for r in risks], dtype=bool)
    value = np.asarray([float(r.value) for r in risks], dtype=float)
    probability = np.asarray(
        [LIKELIHOOD_PROBABILITY.get(int(r.likelihood), 0.5) for r in risks], dtype=float
    )
    weighted = value * probability * live
    mitigation = np.minimum(
        np.asarray([float(r.mitigation_value) for r in risks], dtype=float) * live, weighted
    )
    return pd.DataFrame(
        {
            "gross": value * live,
            "probability": probability,
            "weighted": weighted,
            "mitigation": mitigation,
            "net": weighted - mitigation,
            "score": [int(r.likelihood) * int(r.impact) for r in risks],
        },
        index=pd.Index([r.id or 0 for r in risks], name="risk_id", dtype="int64"),
    )


def exposure(risks: list[Risk], table: pd.DataFrame, reserves: Decimal) -> RiskExposure:
    gross = sum((r.value for r in risks if r.status is not RiskStatus.CLOSED), Decimal(0))
    weighted = float(table["weighted"].sum())
    mitigations = float(table["mitigation"].sum())
    after = weighted - mitigations
    return RiskExposure(
        gross=gross,
        weighted=weighted,
        mitigations=mitigations,
        after_mitigation=after,
        reserves=float(reserves),
        net=max(after - float(reserves), 0.0),
    )
