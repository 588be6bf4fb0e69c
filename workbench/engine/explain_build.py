"""The explanation tree of every PlanSummary figure, from the engine's results.

Figures come from `PlanResults.summary`, `scheme_figures` and `risk_figures`; the rows
they add up come from the plan's inputs as the engine read them (spend lines, pressures)
or from the engine's per-row figures (schemes, risks). Nothing here computes a figure the
engine did not: the only arithmetic is choosing which rows belong to which figure.
"""

from __future__ import annotations

from decimal import Decimal

from workbench.domain.edits import EntityKind
from workbench.domain.enums import SchemeStatus
from workbench.domain.plan import Plan
from workbench.engine.explain import Explanation, Op, RowPart, Term, Unit
from workbench.engine.results import PlanResults
from workbench.engine.savings import CLOSING_STATUSES

M, F = Unit.MONEY, Unit.FRACTION
DRIVERS = "Drivers panel"
SCHEMES = "Savings schemes table"
RISKS = "Risks table"
SYSTEM = "System page"
ENGINE = "Planning engine"

# What each field of FinancialDrivers is called
DRIVER_INPUTS = {
    "allocation": "Core allocation",
    "prior_year_allocation": "Prior-year allocation",
    "running_cost_allocation": "Running-cost allocation",
    "surplus_pct": "Surplus rate",
    "uncommitted_reserve_pct": "Uncommitted reserve rate",
    "contingency_pct": "Contingency rate",
    "transformation_ringfence_pct": "Ring-fence rate",
    "chc_risk_pool": "CHC risk-pool contribution",
    "tariff_uplift_pct": "Tariff uplift",
    "activity_growth_pct": "Activity growth",
    "future_growth_pct": "Allocation growth after the first year",
}


class _Builder:
    def __init__(self, plan: Plan, results: PlanResults) -> None:
        self.plan, self.results, self.s = plan, results, results.summary
        self.nodes: dict[str, Explanation] = {}

    def driver(self, field: str, key: str | None = None) -> Explanation:
        unit = F if field.endswith("_pct") else M
        node = Explanation(key or field, DRIVER_INPUTS[field],
                           getattr(self.plan.drivers, field), unit, "typed in the Drivers panel",
                           f"{DRIVERS}: {DRIVER_INPUTS[field]}", Op.INPUT,
                           go_to=(EntityKind.DRIVERS, None))
        return self.keep(node)

    def keep(self, node: Explanation) -> Explanation:
        self.nodes.setdefault(node.key, node)
        return self.nodes[node.key]

    def combine(self, key: str, label: str, op: Op, formula: str, *terms: tuple[int, str],
                unit: Unit = M, value=None) -> Explanation:
        """A summary figure (value from the summary unless given) made of other nodes."""
        node = Explanation(key, label, getattr(self.s, key) if value is None else value, unit,
                           formula, ENGINE, op,
                           tuple(Term(sign, self.nodes[name]) for sign, name in terms))
        return self.keep(node)

    def rows(self, key: str, label: str, formula: str, source: str, parts: list[RowPart],
             kind: EntityKind, value=None) -> Explanation:
        node = Explanation(key, label, getattr(self.s, key) if value is None else value, M,
                           formula, source, Op.SUM, rows=tuple(parts), go_to=(kind, None))
        return self.keep(node)

    # -- the parts of the plan ------------------------------------------------------------
    def allocation(self) -> None:
        self.driver("allocation")
        self.driver("prior_year_allocation")
        self.driver("running_cost_allocation")
        self.combine("growth", "Allocation growth", Op.SUM,
                     "core allocation − prior-year allocation",
                     (1, "allocation"), (-1, "prior_year_allocation"))
        self.combine("growth_pct", "Allocation growth %", Op.RATIO,
                     "growth ÷ prior-year allocation", (1, "growth"),
                     (1, "prior_year_allocation"), unit=F)
        self.combine("total_allocation", "Total allocation", Op.SUM,
                     "core allocation + running-cost allocation",
                     (1, "allocation"), (1, "running_cost_allocation"))

    def holdbacks(self) -> None:
        for key, label in (("surplus", "Surplus"), ("uncommitted_reserve", "Uncommitted reserve"),
                           ("contingency", "Contingency"),
                           ("transformation_ringfence", "Transformation ring-fence")):
            self.driver(f"{key}_pct")
            rate = DRIVER_INPUTS[f"{key}_pct"].lower()
            self.combine(key, label, Op.PRODUCT, f"total allocation × {rate}",
                         (1, "total_allocation"), (1, f"{key}_pct"))
        self.driver("chc_risk_pool")
        self.combine("holdbacks", "Business-rule holdbacks", Op.SUM,
                     "surplus + uncommitted reserve + contingency + ring-fence + CHC risk pool",
                     (1, "surplus"), (1, "uncommitted_reserve"), (1, "contingency"),
                     (1, "transformation_ringfence"), (1, "chc_risk_pool"))

    def pressures(self) -> None:
        lines = self.plan.spend_lines
        part = [RowPart(EntityKind.SPEND_LINE, x.id, x.category, x.baseline) for x in lines]
        self.rows("baseline_spend", "Recurrent baseline spend", "the sum of the spend lines",
                  f"{DRIVERS}: spend lines", part, EntityKind.SPEND_LINE)
        for key, flag, driver, label in (
                ("tariff_pressure", "tariff_applies", "tariff_uplift_pct", "Tariff pressure"),
                ("activity_growth_pressure", "growth_applies", "activity_growth_pct",
                 "Activity growth pressure")):
            which = "tariff" if flag == "tariff_applies" else "growth"
            base = [p for p, x in zip(part, lines, strict=True) if getattr(x, flag)]
            self.rows(f"{which}_lines", f"Spend on {which} lines",
                      f"the sum of the spend lines {which} applies to",
                      f"{DRIVERS}: spend lines", base, EntityKind.SPEND_LINE,
                      value=sum((p.value for p in base), Decimal(0)))
            self.driver(driver)
            self.combine(key, label, Op.PRODUCT, f"{DRIVER_INPUTS[driver]} × spend on "
                         f"{which} lines", (1, driver), (1, f"{which}_lines"))
        others = [RowPart(EntityKind.PRESSURE, p.id, p.name, p.amount) for p in self.plan.pressures]
        self.rows("other_pressures", "Investments and other pressures",
                  "the sum of the pressures list", f"{DRIVERS}: pressures", others,
                  EntityKind.PRESSURE)
        self.combine("pressures", "Cost pressures", Op.SUM,
                     "tariff + activity growth + investments and other pressures",
                     (1, "tariff_pressure"), (1, "activity_growth_pressure"),
                     (1, "other_pressures"))
        self.combine("planned_spend", "Planned spend", Op.SUM,
                     "recurrent baseline + cost pressures", (1, "baseline_spend"),
                     (1, "pressures"))
        terms = [(1, "planned_spend"), (1, "holdbacks"), (-1, "total_allocation")]
        formula = "planned spend + holdbacks − total allocation"
        if self.s.pooled_budgets_ccg_variance:
            self.pools()
            terms.append((1, "pooled_budgets_ccg_variance"))
            formula += " + CCG share of pooled budgets' variance"
        self.combine("savings_requirement", "Savings requirement", Op.SUM, formula, *terms)
        self.combine("savings_requirement_pct", "Savings requirement %", Op.RATIO,
                     "savings requirement ÷ total allocation", (1, "savings_requirement"),
                     (1, "total_allocation"), unit=F)

    def pools(self) -> None:
        if "pooled_budgets_ccg_variance" in self.nodes:
            return
        system = self.results.system
        splits = system.splits if system else ()
        self.rows("pooled_budget", "Pooled budgets", "every partner's contribution to every "
                  "pool", SYSTEM, [RowPart(EntityKind.POOL, p.id, p.name, p.total)
                                   for p in self.plan.pools], EntityKind.POOL)
        part = [RowPart(EntityKind.POOL, x.pool_id, x.pool, x.ccg_share) for x in splits]
        self.rows("pooled_budgets_ccg_variance", "CCG share of pooled budgets' variance",
                  "the CCG's share of each pool's projected over (+) or underspend (−)",
                  SYSTEM, part, EntityKind.POOL)
        over = [p for p in part if p.value > 0]
        self.rows("risks_pooled_budgets", "Risk: pooled budgets' overspends",
                  "the CCG's share of each pool's projected overspend (also in the "
                  "savings requirement)", SYSTEM, over, EntityKind.POOL)

    def contracts(self) -> None:
        levers = self.results.system.levers if self.results.system else ()
        self.rows("contract_incentives_at_stake", "Contract incentives at stake",
                  "the £ tied to standards in every contract", SYSTEM,
                  [RowPart(EntityKind.CONTRACT, lv.contract_id, f"{lv.provider}: {lv.standard}",
                           lv.amount) for lv in levers], EntityKind.CONTRACT)
        for key, label, what in (("contract_income", "Contract incentives earned", "income"),
                                 ("contract_risk", "Contract penalties at risk", "risk")):
            part = [RowPart(EntityKind.CONTRACT, lv.contract_id,
                            f"{lv.provider}: {lv.standard}", getattr(lv, what))
                    for lv in levers if getattr(lv, what)]
            self.rows(key, label, f"the contract standards whose trajectory makes their £ "
                      f"{what} (on track: an incentive earned; off track: a penalty)",
                      SYSTEM, part, EntityKind.CONTRACT)

    def savings(self) -> None:
        figures = self.results.scheme_figures
        names = [s.name for s in self.plan.schemes]
        confidence = [s.confidence for s in self.plan.schemes]
        for status in SchemeStatus:
            key = f"schemes_{status.value.lower()}"
            part = [RowPart(EntityKind.SCHEME, int(i), names[n], float(net))
                    for n, (i, net, st) in enumerate(zip(figures.index, figures["net"],
                                                         figures["status"], strict=True))
                    if st == status.value]
            self.rows(key, f"Schemes {status.value.lower()}",
                      f"the sum of {status.value.lower()} schemes' net savings", SCHEMES,
                      part, EntityKind.SCHEME)
        self.combine("savings_gap", "Savings gap", Op.SUM,
                     "savings requirement − identified − earmarked",
                     (1, "savings_requirement"), (-1, "schemes_identified"),
                     (-1, "schemes_earmarked"))
        closing = {s.value for s in CLOSING_STATUSES}
        part = [RowPart(EntityKind.SCHEME, int(i), names[n], float(adj), float(net),
                        float(confidence[n]), "confidence")
                for n, (i, net, adj, st) in enumerate(zip(
                    figures.index, figures["net"], figures["risk_adjusted"], figures["status"],
                    strict=True)) if st in closing]
        self.rows("schemes_risk_adjusted", "Schemes, risk-adjusted",
                  "the sum of identified and earmarked schemes' net saving × confidence",
                  SCHEMES, part, EntityKind.SCHEME)
        self.combine("savings_gap_risk_adjusted", "Savings gap, risk-adjusted", Op.SUM,
                     "savings requirement − schemes risk-adjusted",
                     (1, "savings_requirement"), (-1, "schemes_risk_adjusted"))

    def risks(self) -> None:
        table = self.results.risk_figures
        names = [r.description for r in self.plan.risks]
        rows = list(zip(table.index, table["gross"], table["probability"], table["weighted"],
                        table["mitigation"], strict=True))

        def parts(column: int, product: bool = False) -> list[RowPart]:
            return [RowPart(EntityKind.RISK, int(r[0]), names[n], float(r[column]),
                            *((float(r[1]), float(r[2]), "probability") if product else ()))
                    for n, r in enumerate(rows) if r[1] or r[column]]

        self.rows("risks_gross", "Risks, gross", "the sum of open risks' values", RISKS,
                  parts(1), EntityKind.RISK)
        self.rows("risks_weighted", "Risks, likelihood-weighted",
                  "the sum of each open risk's value × the probability of its likelihood",
                  RISKS, parts(3, product=True), EntityKind.RISK)
        self.rows("risks_mitigations", "Mitigations",
                  "the sum of each open risk's mitigation, capped at its weighted value",
                  RISKS, parts(4), EntityKind.RISK)
        self.combine("risks_after_mitigation", "Risks after mitigations", Op.SUM,
                     "likelihood-weighted − mitigations", (1, "risks_weighted"),
                     (-1, "risks_mitigations"))
        self.combine("reserves_for_risk", "Reserves for risk", Op.SUM,
                     "contingency + uncommitted reserve", (1, "contingency"),
                     (1, "uncommitted_reserve"))
        self.combine("risks_net", "Net risk exposure", Op.FLOOR_ZERO,
                     "risks after mitigations − reserves, never below £0",
                     (1, "risks_after_mitigation"), (-1, "reserves_for_risk"))


def explain_all(plan: Plan, results: PlanResults) -> dict[str, Explanation]:
    """An explanation for every PlanSummary field (and the intermediate figures)."""
    builder = _Builder(plan, results)
    builder.allocation()
    builder.holdbacks()
    builder.pressures()
    builder.savings()
    builder.risks()
    builder.pools()
    builder.contracts()
    return builder.nodes


def explain(plan: Plan, results: PlanResults, key: str) -> Explanation:
    nodes = explain_all(plan, results)
    if key not in nodes:
        raise KeyError(key)
    return nodes[key]
