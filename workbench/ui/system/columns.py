"""What each System page table shows: pools, the place, contracts and comparators.

Figures are the engine's (results.system); these functions only format them.
"""

from __future__ import annotations

from decimal import Decimal

from workbench.domain.contracts import Contract, ContractType, Escalation
from workbench.domain.numbers import (
    format_millions,
    format_money,
    format_percent,
    parse_money,
    parse_percent,
)
from workbench.domain.place import PlaceElement
from workbench.domain.pools import Pool, RiskShareRule
from workbench.ui.plan_controller import PlanController
from workbench.ui.system.table_model import Column


def _enum(cls):
    def parse(text: str):
        return cls.parse(text)
    return parse


def _labels(cls):
    def choices(_controller) -> list[str]:
        return [member.value for member in cls]
    return choices


def _money_or_blank(text: str) -> Decimal | None:
    return parse_money(text, blank=None)


def _plain(value: Decimal | None) -> str:
    return "" if value is None else format(value.normalize(), "f")


def _ccg_share(text: str) -> Decimal:
    return parse_percent(text)


def pool_columns(ctl: PlanController) -> list[Column]:
    def split(i: int):
        system = ctl.results.system
        return system.splits[i] if system and i < len(system.splits) else None

    def ccg(pool: Pool, i: int) -> str:
        s = split(i)
        if s is None:
            return ""
        return "rule cannot apply" if s.problem else format_money(s.ccg_share)

    def others(pool: Pool, i: int) -> str:
        s = split(i)
        if s is None or s.problem:
            return ""
        shares = [v for p, (_, v) in zip(pool.partners, s.shares, strict=True) if not p.is_ccg]
        return format_money(sum(shares, Decimal(0)))

    def shares_tip(pool: Pool, i: int) -> str:
        s = split(i)
        if s is None:
            return ""
        if s.problem:
            return s.problem
        lines = [f"{name}: {format_money(v)}" for name, v in s.shares]
        if s.unshared:
            lines.append(f"Borne by no partner (over every cap): {format_money(s.unshared)}")
        return f"{pool.rule.value}: {format_money(s.variance)}\n" + "\n".join(lines)

    def partners(pool: Pool, _i: int) -> str:
        return "; ".join(f"{p.name} {format_millions(p.contribution)}" for p in pool.partners)

    def partners_tip(pool: Pool, _i: int) -> str:
        def terms(p) -> str:
            extra = []
            if p.share is not None:
                extra.append(f"fixed share {format_percent(p.share)}")
            if p.cap is not None:
                extra.append(f"cap {format_money(p.cap)}")
            if p.own_variance:
                extra.append(f"own variance {format_money(p.own_variance)}")
            return f"{p.name}: {format_money(p.contribution)}" + (
                f" ({', '.join(extra)})" if extra else "") + (
                f"\n  source: {p.source}" if p.source else "")
        return "\n".join(terms(p) for p in pool.partners)

    return [
        Column("Pool", lambda p, _i: p.name, "name", _name,
               tip=lambda p, _i: f"{p.name}: {p.services}\nsource: {p.source}"),
        Column("Risk share", lambda p, _i: p.rule.value, "rule", _enum(RiskShareRule),
               tip=lambda _p, _i: "Type: " + ", ".join(r.value for r in RiskShareRule),
               choices=_labels(RiskShareRule)),
        Column("Partners' contributions", partners, tip=partners_tip),
        Column("Total", lambda p, _i: format_millions(p.total), number=True),
        Column("Projected over (+) / underspend (−)",
               lambda p, _i: format_money(p.projected_variance), "projected_variance",
               parse_money, lambda p: _plain(p.projected_variance),
               tip=lambda _p, _i: "Type the forecast variance of the pool, e.g. 3.3m or "
                                  "(500k) for an underspend", number=True),
        Column("CCG share", ccg, tip=shares_tip, number=True),
        Column("Partners' share", others, tip=shares_tip, number=True),
    ]


def _name(text: str) -> str:
    name = " ".join(text.split())
    if not name:
        raise ValueError("a name cannot be empty")
    return name


def place_columns(ctl: PlanController) -> list[Column]:
    def pos(i: int):
        system = ctl.results.system
        return system.place.positions[i] if system and i < len(system.place.positions) else None

    def show(attr: str, fmt):
        def cell(_e: PlaceElement, i: int) -> str:
            p = pos(i)
            value = getattr(p, attr) if p else None
            return "" if value is None else fmt(value)
        return cell

    saving = format_millions(ctl.results.system.place.saving) if ctl.results.system else "£1m"
    return [
        Column("Element", lambda e, _i: e.name, tip=lambda e, _i: f"source: {e.source}"),
        Column("Commissioner", lambda e, _i: e.commissioner),
        Column("Spend", show("spend", format_millions), number=True,
               tip=lambda e, _i: "The CCG's core allocation (Drivers panel)"
               if e.from_allocation else None),
        Column("Target", lambda e, _i: format_millions(e.target), "target", _money_or_blank,
               lambda e: _plain(e.target), number=True,
               tip=lambda _e, _i: "Type the target in pounds (e.g. 170m); blank: none"),
        Column("Distance", show("distance", format_millions), number=True,
               tip=lambda _e, _i: "Spend − target: over target (+), under (brackets)"),
        Column("Distance %", show("distance_pct", lambda v: format_percent(v, 1)),
               number=True),
        Column("CCG keeps", lambda e, _i: format_percent(e.ccg_share),
               "ccg_share", _ccg_share, lambda e: format_percent(e.ccg_share), number=True,
               tip=lambda _e, _i: "The share of a saving here that the CCG keeps (NHSE "
                                  "shares specialised savings 50/50)"),
        Column(f"{saving} saving worth", show("worth_to_ccg", format_money), number=True,
               tip=lambda _e, _i: f"What a {saving} saving in this element is worth to "
                                  "the CCG after sharing"),
        Column("Excess worth", show("over_target_worth", format_millions),
               number=True, tip=lambda _e, _i: "The CCG's share of bringing spend down to "
                                              "target (elements over target only)"),
    ]


def contract_columns(ctl: PlanController) -> list[Column]:
    def pos(i: int):
        system = ctl.results.system
        return system.by_contract[i] if system and i < len(system.by_contract) else None

    def show(attr: str):
        def cell(_c: Contract, i: int) -> str:
            p = pos(i)
            return format_money(getattr(p, attr)) if p else ""
        return cell

    def standards_tip(c: Contract, i: int) -> str:
        p = pos(i)
        lines = [f"{lv.standard}: {lv.kind.value} {format_money(lv.amount)}; "
                 f"{lv.status}" + (f" at {lv.period} on '{lv.trajectory}'" if lv.trajectory
                                   else "") for lv in (p.levers if p else ())]
        lines += [f"source: {s.source}" for s in c.standards[:1] if s.source]
        return "\n".join(lines) or "No standards tied to money"

    return [
        Column("Provider", lambda c, _i: c.provider,
               tip=lambda c, _i: f"{c.provider} ({c.provider_code})\nsource: {c.source}"),
        Column("Type", lambda c, _i: c.contract_type.value, "contract_type",
               _enum(ContractType),
               tip=lambda _c, _i: "Type: " + ", ".join(t.value for t in ContractType),
               choices=_labels(ContractType)),
        Column("Value", lambda c, _i: format_millions(c.value), "value", parse_money,
               lambda c: _plain(c.value), number=True),
        Column("Escalation", lambda c, _i: c.escalation.value, "escalation",
               _enum(Escalation), tip=lambda _c, _i: "Contract management framework: "
               + " → ".join(e.value for e in Escalation), choices=_labels(Escalation)),
        Column("£ at stake", show("at_stake"), number=True, tip=standards_tip),
        Column("Income (on track)", show("income"), number=True, tip=standards_tip),
        Column("Risk (off track)", show("risk"), number=True,
               tip=standards_tip),
    ]


def lever_columns() -> list[Column]:
    """One row per contract standard tied to money (engine LeverPosition)."""
    return [
        Column("Provider", lambda lv, _i: lv.provider),
        Column("Standard", lambda lv, _i: lv.standard),
        Column("Incentive / penalty", lambda lv, _i: lv.kind.value),
        Column("£ at stake", lambda lv, _i: format_money(lv.amount), number=True),
        Column("Follows", lambda lv, _i: lv.trajectory or "no trajectory for this provider"),
        Column("Status", lambda lv, _i: lv.status + (f" ({lv.period})" if lv.period else ""),
               tip=lambda _lv, _i: "At the trajectory's latest actual: on track, an "
                                   "incentive is income; off track, a penalty is a risk"),
        Column("Income", lambda lv, _i: format_money(lv.income), number=True),
        Column("Risk", lambda lv, _i: format_money(lv.risk), number=True),
    ]


def _per_head(unit: str, value: Decimal | None) -> str:
    if value is None:
        return ""
    if unit == "£":
        return f"£{value.quantize(Decimal('0.01')):,}"
    return f"{value.normalize():f}"


def _opportunity(unit: str, value: Decimal) -> str:
    return format_money(value) if unit == "£" else f"{value:,.0f} {unit}"


def benchmark_columns() -> list[Column]:
    return [
        Column("Measure", lambda p, _i: p.measure),
        Column("CCG per head", lambda p, _i: _per_head(p.unit, p.value), number=True),
        Column("Rank (1 = lowest)", lambda p, _i: "" if p.rank is None
               else f"{p.rank} of {p.organisations}", number=True),
        Column("Peer median", lambda p, _i: _per_head(p.unit, p.peer_median), number=True),
        Column("Best five", lambda p, _i: _per_head(p.unit, p.best_five), number=True,
               tip=lambda _p, _i: "Average of the five lowest similar CCGs (RightCare)"),
        Column("Opportunity to median", lambda p, _i: _opportunity(p.unit, p.opportunity_median),
               number=True, tip=lambda p, _i: f"(CCG − median) × population {p.population:,}"),
        Column("Opportunity to best five",
               lambda p, _i: _opportunity(p.unit, p.opportunity_best_five), number=True),
    ]
