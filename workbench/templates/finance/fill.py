"""The plan as the Finance template's input cells (domain values; writer.py converts)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from workbench.domain.enums import Gap
from workbench.domain.errors import TemplateError
from workbench.domain.plan import Plan
from workbench.domain.schemes import SavingsScheme
from workbench.templates.layouts.spec import TemplateSpec
from workbench.templates.workbook.row_refs import REF, ref_of
from workbench.templates.workbook.writer import Filler, RowValues

DRIVER_KEYS = ("prior_year_allocation", "allocation", "running_cost_allocation",
               "tariff_uplift_pct", "activity_growth_pct", "future_growth_pct", "surplus_pct",
               "uncommitted_reserve_pct", "contingency_pct", "transformation_ringfence_pct",
               "chc_risk_pool")


def _key(name: object) -> tuple:
    return (" ".join(str(name or "").split()).casefold(),)


def monthly(scheme: SavingsScheme) -> list[Decimal]:
    """The net saving by month in pounds: net x weight / sum of weights (flat if no weights)."""
    weights = list(scheme.phasing) if len(scheme.phasing) == 12 else [Decimal(1)] * 12
    total = sum(weights, Decimal(0))
    if total <= 0 or any(w < 0 for w in weights):
        weights, total = [Decimal(1)] * 12, Decimal(12)
    return [scheme.net_saving * w / total for w in weights]


def fill_finance(plan: Plan, filler: Filler, spec: TemplateSpec) -> None:
    if plan.first_year.start != spec.first_year:
        raise TemplateError(f"this is the {spec.title} template but the plan starts in "
                            f"{plan.first_year}", file=filler.file)
    filler.cover({"ods_code": plan.ods_code, "organisation": plan.organisation,
                  "status": plan.status, "last_year": plan.last_year.start,
                  "plan_name": plan.name})
    drivers = {k: getattr(plan.drivers, k) for k in DRIVER_KEYS}
    filler.grid(spec.grid("Allocations"), drivers)
    filler.grid(spec.grid("Assumptions"), drivers)
    ws_names = {w.id: w.name for w in plan.workstreams}
    scheme_names = {s.id: s.name for s in plan.schemes}
    _table(filler, spec, "Expenditure", plan.spend_lines, lambda s: {
        "category": s.category, "baseline": s.baseline, "tariff_applies": s.tariff_applies,
        "growth_applies": s.growth_applies}, "category")
    _table(filler, spec, "Investment", plan.pressures, lambda p: {
        "name": p.name, "amount": p.amount, "recurrent": p.recurrent}, "name")
    _table(filler, spec, "Workstreams", plan.workstreams, _workstream, "name")
    filler.table(spec.table("Milestones"), [
        {"workstream": w.name, "name": m.name, "due": m.due, "done": m.done}
        for w in plan.workstreams for m in w.milestones],
        lambda v: _key(v.get("workstream")) + _key(v.get("name")))
    _table(filler, spec, "QIPP", plan.schemes, lambda s: _scheme(s, ws_names), "name")
    _table(filler, spec, "Risk", plan.risks, lambda r: {
        "description": r.description, "category": r.category, "owner": r.owner,
        "value": r.value, "likelihood": r.likelihood, "impact": r.impact,
        "mitigation": r.mitigation, "mitigation_value": r.mitigation_value, "status": r.status,
        "workstream": ws_names.get(r.workstream_id, ""),
        "scheme": scheme_names.get(r.scheme_id, ""), "review_date": r.review_date},
        "description")


def _table(filler: Filler, spec: TemplateSpec, name: str, rows: Iterable[Any],
           values: Callable[[Any], RowValues], key: str) -> None:
    """One table's rows, each with its reference in the Ref column (row_refs.py)."""
    table = spec.table(name)
    filler.table(table, [values(row) | {REF: ref_of(table, row.id)} for row in rows],
                 lambda v: _key(v.get(key)))


def _workstream(w) -> RowValues:
    return {"name": w.name, "lead": w.lead, "sro": w.sro, "board": w.board,
            "footprint": w.footprint, "gaps": "; ".join(g.value for g in Gap if g in w.gaps),
            "rag": w.rag, "eia_done": w.eia_done, "enabler": w.enabler}


def _scheme(s: SavingsScheme, ws_names: dict) -> RowValues:
    values: RowValues = {
        "name": s.name, "workstream": ws_names.get(s.workstream_id, ""), "pod": s.pod,
        "provider": s.provider, "lever": s.lever, "status": s.status, "recurrent": s.recurrent,
        "gross_saving": s.gross_saving, "investment": s.investment, "confidence": s.confidence,
        "activity_impact": s.activity_impact, "first_year": s.first_year,
        "last_year": s.last_year}
    for n, amount in enumerate(monthly(s), start=1):
        values[f"m{n}"] = amount
    return values
