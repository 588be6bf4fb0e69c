"""The place-based view: each element's spend against its target, and what a saving in it
is worth to the CCG once shared (NHSE keeps half of a specialised saving; a council saving
stays with the council)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from workbench.domain.money import round_pounds
from workbench.domain.place import PlaceElement


@dataclass(frozen=True)
class PlacePosition:
    element_id: int | None
    name: str
    commissioner: str
    spend: Decimal
    target: Decimal | None
    distance: Decimal | None  # spend - target: > 0 over target, < 0 under
    distance_pct: Decimal | None  # distance / target
    ccg_share: Decimal
    worth_to_ccg: Decimal  # what the saving asked about is worth to the CCG
    over_target_worth: Decimal  # what closing the distance over target is worth to the CCG


@dataclass(frozen=True)
class PlaceView:
    positions: tuple[PlacePosition, ...]
    total_spend: Decimal
    total_target: Decimal  # of the elements with a target
    saving: Decimal  # the saving each element was valued at


def place_view(elements: list[PlaceElement], allocation: Decimal,
               saving: Decimal = Decimal(1_000_000)) -> PlaceView:
    """`allocation`: the CCG's allocation, the spend of an element `from_allocation`;
    `saving`: the amount whose worth to the CCG each element shows (default £1m)."""
    out = []
    for e in elements:
        spend = allocation if e.from_allocation else e.spend
        distance = None if e.target is None else spend - e.target
        pct = (distance / e.target if distance is not None and e.target else None)
        over = max(distance or Decimal(0), Decimal(0))
        out.append(PlacePosition(
            e.id, e.name, e.commissioner, spend, e.target, distance, pct, e.ccg_share,
            round_pounds(saving * e.ccg_share), round_pounds(over * e.ccg_share)))
    return PlaceView(
        positions=tuple(out),
        total_spend=sum((p.spend for p in out), Decimal(0)),
        total_target=sum((p.target for p in out if p.target is not None), Decimal(0)),
        saving=saving,
    )
