"""What a scenario was built on: a snapshot of the base plan's drivers and headline
figures, kept with the scenario when the user last looked at it, and what has changed in
the base since (so a scenario built on an older base says so, and how).

The snapshot is JSON text (exact values as strings), so it is stored in one column and
frozen with versions like the rest of the scenario.
"""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal

from workbench.domain.plan import Plan
from workbench.engine.results import PlanResults

# (key, what users call it, "money" / "pct" / "count") of the headline figures kept
FIGURES = (
    ("total_allocation", "Total allocation", "money"),
    ("savings_requirement", "Savings requirement", "money"),
    ("schemes_identified", "Schemes identified", "money"),
    ("schemes_earmarked", "Schemes earmarked", "money"),
    ("schemes_risk_adjusted", "Schemes, risk-adjusted", "money"),
    ("risks_after_mitigation", "Risks after mitigations", "money"),
)
DRIVER_NAMES = {
    "allocation": ("Core allocation", "money"),
    "prior_year_allocation": ("Prior-year allocation", "money"),
    "running_cost_allocation": ("Running-cost allocation", "money"),
    "tariff_uplift_pct": ("Tariff uplift", "pct"),
    "activity_growth_pct": ("Activity growth", "pct"),
    "surplus_pct": ("Surplus", "pct"),
    "uncommitted_reserve_pct": ("Uncommitted reserve", "pct"),
    "contingency_pct": ("Contingency", "pct"),
    "transformation_ringfence_pct": ("Transformation ring-fence", "pct"),
    "chc_risk_pool": ("CHC risk pool", "money"),
    "future_growth_pct": ("Future growth", "pct"),
}


def base_snapshot(plan: Plan, results: PlanResults) -> str:
    """The base as it stands: its drivers, how many schemes and risks, and the headline
    figures (JSON text; compare with `base_changes`)."""
    drivers = {f.name: str(getattr(plan.drivers, f.name))
               for f in dataclasses.fields(plan.drivers)}
    figures = {key: str(round(Decimal(str(getattr(results.summary, key))), 2))
               for key, _label, _kind in FIGURES}
    counts = {"schemes": len(plan.schemes), "risks": len(plan.risks)}
    return json.dumps({"drivers": drivers, "figures": figures, "counts": counts},
                      sort_keys=True)


def _show(value: str, kind: str) -> str:
    number = Decimal(value)
    if kind == "pct":
        return f"{number * 100:.1f}%"
    if kind == "money":
        return f"£{number / 1_000_000:,.1f}m"
    return f"{number:,}"


def base_changes(snapshot: str, plan: Plan, results: PlanResults) -> list[str]:
    """What differs between the base the scenario was last looked at on (`snapshot`) and
    the base now, one line each, drivers first: "Tariff uplift 1.1% → 2.0%". Empty when
    nothing changed; a scenario with no snapshot (made before they were kept) gets one
    line saying so."""
    if not snapshot:
        return ["the base it was built on was not recorded"]
    try:
        then = json.loads(snapshot)
    except ValueError:
        return ["the base it was built on was not recorded"]
    now = json.loads(base_snapshot(plan, results))
    out = []
    for key, (label, kind) in DRIVER_NAMES.items():
        old, new = then["drivers"].get(key), now["drivers"][key]
        if old is not None and Decimal(old) != Decimal(new):
            out.append(f"{label} {_show(old, kind)} → {_show(new, kind)}")
    for key, label in (("schemes", "Schemes"), ("risks", "Risks")):
        old, new = then["counts"].get(key), now["counts"][key]
        if old is not None and old != new:
            out.append(f"{label} {old} → {new}")
    for key, label, kind in FIGURES:
        old, new = then["figures"].get(key), now["figures"][key]
        if old is not None and Decimal(old) != Decimal(new):
            out.append(f"{label} {_show(old, kind)} → {_show(new, kind)}")
    return out
