"""The demo plan's system money: four pools with the County Council, the place-based
budget and the OUH contract's £1m on the constitution standards.

Every figure names its source: the seed paper and its words, or "chosen" with the reason.
Seeds: 002 (Governing Body paper on assurance, March 2016) and 004 (devolution and
integration, March 2016); 001 (operational plan) for the allocation against target.
"""

from __future__ import annotations

from decimal import Decimal as D

from workbench.domain.contracts import (
    Contract,
    ContractStandard,
    ContractType,
    Escalation,
    LeverKind,
)
from workbench.domain.place import PlaceElement
from workbench.domain.pools import Pool, PoolPartner, RiskShareRule

M = D(1_000_000)
CCG = "Oxfordshire CCG"
COUNCIL = "Oxfordshire County Council"
POOLS_SOURCE = ("004: \"four pooled budgets with the County Council that combine £146m of "
                "the OCCG budget with £184m (gross) of the Adult Social Care budget\"")
SPLIT_CHOSEN = ("chosen: the paper gives the totals (£146m CCG, £184m council) but not "
                "each pool's part")
NO_FORECAST = ("chosen: the paper gives no forecast over- or underspend (0, so the "
               "savings requirement stays the paper's £22.4m); type one on the System page")
CORE_ALLOCATION = D("727600000")  # the demo's core allocation (demo_plan: paper 001)
CCG_TARGET = (CORE_ALLOCATION / D("0.952")).quantize(D("0.01"))  # 4.8% under target
SPECIALISED_SPEND = D("201000000")
SPECIALISED_TARGET = SPECIALISED_SPEND - 31 * M
# The place total is at target (001, 004), so primary care is over by what the CCG is
# under, less specialised commissioning's £31m.
PRIMARY_SPEND = 85 * M
PRIMARY_TARGET = PRIMARY_SPEND - ((CCG_TARGET - CORE_ALLOCATION) - 31 * M)


def _partners(ccg_m: int, council_m: int, cap: D | None = None,
              shares: tuple[D, D] | None = None) -> tuple[PoolPartner, ...]:
    ccg_share, council_share = shares or (None, None)
    return (PoolPartner(CCG, ccg_m * M, is_ccg=True, share=ccg_share, cap=cap,
                        source=SPLIT_CHOSEN),
            PoolPartner(COUNCIL, council_m * M, share=council_share, source=SPLIT_CHOSEN))


def demo_pools() -> list[Pool]:
    return [
        Pool(1, "Older people's pool", "care homes, home care, reablement, intermediate care "
             "and the Better Care Fund schemes", RiskShareRule.PROPORTIONAL,
             _partners(80, 100), D(0),
             f"{POOLS_SOURCE}; rule chosen: shares in proportion to contribution; {NO_FORECAST}"),
        Pool(2, "Physical disabilities pool", "care packages and equipment for adults with "
             "physical disabilities", RiskShareRule.CAPPED,
             _partners(8, 14, cap=1 * M), D(0),
             f"{POOLS_SOURCE}; rule chosen: proportional, the CCG's part of an overspend "
             f"capped at £1m; {NO_FORECAST}"),
        Pool(3, "Learning disabilities pool", "supported living, residential and day "
             "services for adults with learning disabilities", RiskShareRule.FIXED_SHARES,
             _partners(12, 62, shares=(D("0.15"), D("0.85"))), D(0),
             f"{POOLS_SOURCE}; rule chosen: fixed shares 15% CCG / 85% council; "
             f"{NO_FORECAST}"),
        Pool(4, "Adult mental health pool", "mental health services for working-age "
             "adults, including the outcomes-based contract", RiskShareRule.OWN_OVERSPEND,
             _partners(46, 8), D(0),
             f"{POOLS_SOURCE}; rule chosen: each partner bears the overspend on its own "
             f"services; {NO_FORECAST}"),
    ]


def demo_contracts() -> list[Contract]:
    incentive = ("002: \"OUH contract for 2015/16 includes incentive/penalty of £1m for "
                 "delivery of constitution standards (A&E, RTT and Cancer)\"")
    split = "chosen: the paper gives £1m for the three; split 40/30/30"
    return [
        Contract(
            1, "Oxford University Hospitals NHS FT", "RTH", 345 * M,
            ContractType.COST_AND_VOLUME, Escalation.PERFORMANCE_NOTICE,
            (ContractStandard("AE_4HR", "A&E 4-hour standard", D("400000"),
                              LeverKind.INCENTIVE_OR_PENALTY, f"{incentive}; {split}"),
             ContractStandard("RTT_INCOMPLETE", "RTT incomplete pathways", D("300000"),
                              LeverKind.INCENTIVE_OR_PENALTY, f"{incentive}; {split}"),
             ContractStandard("CANCER_62D", "Cancer 62-day", D("300000"),
                              LeverKind.INCENTIVE_OR_PENALTY, f"{incentive}; {split}")),
            "value chosen: the paper gives none (an acute contract of about half the "
            "allocation, under payment by results); escalation chosen: A&E below standard "
            "(002: \"referral to the regulator for persistent underperformance\")"),
        Contract(
            2, "Oxford Health NHS FT: mental health", "RNU", 70 * M,
            ContractType.OUTCOMES_BASED, Escalation.ROUTINE, (),
            "002: \"Mental Health Outcomes Based Contract ... linked to transformation\"; "
            "value chosen: the paper gives none"),
        Contract(
            3, "Oxford Health NHS FT: community services", "RNU", 90 * M,
            ContractType.BLOCK, Escalation.ROUTINE, (),
            "002: \"community nursing ... clearer specifications linked to resource "
            "requirements\"; value and block type chosen: the paper gives neither"),
    ]


def demo_place() -> list[PlaceElement]:
    return [
        PlaceElement(1, "CCG allocation (core programme)", CCG, CORE_ALLOCATION, CCG_TARGET,
                     D(1), True, "001: \"increased by 7.3% (£49.5m). This takes us to being "
                     "4.8% under our target allocation\"; target = allocation ÷ 0.952"),
        PlaceElement(2, "Delegated primary medical care", "NHS England, delegated to the CCG",
                     PRIMARY_SPEND, PRIMARY_TARGET, D(1), False,
                     "001: \"delegated responsibility for £85m from NHS England to commission "
                     "primary medical services\"; target chosen so the place total is at "
                     "target (004: \"the total place-based allocation is at target\")"),
        PlaceElement(3, "Specialised commissioning for the population", "NHS England",
                     SPECIALISED_SPEND, SPECIALISED_TARGET, D("0.5"), False,
                     "004: \"over £200m and is deemed to be £31m over target ... savings "
                     "made in this area will be shared 50/50\"; spend chosen: £201m"),
        PlaceElement(4, "Social care and public health", COUNCIL, 270 * M, None, D(0), False,
                     "001: \"the local authority for social care and public health (£270m)\"; "
                     "no target and no share chosen: 004 \"the CCG and County Council would "
                     "remain responsible for their own financial position\""),
    ]


def demo_system_rows() -> dict[str, list]:
    """The Plan fields this module fills (a keyword-argument hook for demo_plan)."""
    return {"pools": demo_pools(), "contracts": demo_contracts(),
            "place_elements": demo_place()}
