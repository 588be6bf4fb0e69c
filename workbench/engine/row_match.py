"""Which row of one plan is which row of another (a frozen version and the working plan).

A frozen copy gives every row a new id, so rows are matched by what users call them: a
scheme by its name, a risk by its description, an activity line by measure, provider and
year ... the k-th row with a key in one plan is the k-th with that key in the other.
A renamed row is therefore one removed and one added. Links between rows (a scheme's
workstream, an activity line's schemes) are compared through the rows they point at.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from workbench.domain.edits import ROW_LISTS, EntityKind
from workbench.domain.plan import Plan
from workbench.engine.savings import _phasing_weights

LINKS = {"workstream_id": EntityKind.WORKSTREAM, "scheme_id": EntityKind.SCHEME,
         "scheme_ids": EntityKind.SCHEME}
# Row kinds in the order links need them: targets (workstreams, schemes) before links.
ORDER = (EntityKind.SPEND_LINE, EntityKind.PRESSURE, EntityKind.WORKSTREAM, EntityKind.SCHEME,
         EntityKind.RISK, EntityKind.ACTIVITY_LINE, EntityKind.TRAJECTORY,
         EntityKind.TEMPLATE_VALUE, EntityKind.SCENARIO, EntityKind.PLAN_YEAR,
         EntityKind.SUBMISSION, EntityKind.POOL, EntityKind.CONTRACT,
         EntityKind.PLACE_ELEMENT, EntityKind.BENCHMARK)
KEYS: dict[EntityKind, Callable[[Any], tuple]] = {
    EntityKind.SPEND_LINE: lambda r: (r.category,),
    EntityKind.PRESSURE: lambda r: (r.name,),
    EntityKind.WORKSTREAM: lambda r: (r.name,),
    EntityKind.SCHEME: lambda r: (r.name,),
    EntityKind.RISK: lambda r: (r.description,),
    EntityKind.ACTIVITY_LINE: lambda r: (r.measure.value, r.provider, r.year),
    EntityKind.TRAJECTORY: lambda r: (r.metric, r.provider),
    EntityKind.TEMPLATE_VALUE: lambda r: (r.template, r.sheet, r.row, r.column),
    EntityKind.SCENARIO: lambda r: (r.name,),
    EntityKind.PLAN_YEAR: lambda r: (r.label,),
    EntityKind.SUBMISSION: lambda r: (r.name,),
    EntityKind.POOL: lambda r: (r.name,),
    EntityKind.CONTRACT: lambda r: (r.provider, r.provider_code),
    EntityKind.PLACE_ELEMENT: lambda r: (r.name,),
    EntityKind.BENCHMARK: lambda r: (r.measure, r.ods_code),
}


def row_name(kind: EntityKind, row: Any) -> str:
    """How the row is named to a user."""
    key = KEYS[kind](row)
    if kind is EntityKind.ACTIVITY_LINE:
        return f"{key[0]}, {key[1]}, {key[2]}/{(key[2] + 1) % 100:02d}"
    return " · ".join(str(k) for k in key if k != "")


@dataclass
class Matched:
    """Rows of one kind: pairs (old, new) with the same key, and those on one side only."""

    pairs: list[tuple[Any, Any]]
    removed: list[Any]  # only in the old plan
    added: list[Any]  # only in the new plan


def match(kind: EntityKind, old: list[Any], new: list[Any]) -> Matched:
    key = KEYS[kind]
    waiting: dict[tuple, list[Any]] = defaultdict(list)
    for row in new:
        waiting[key(row)].append(row)
    pairs, removed = [], []
    for row in old:
        queue = waiting.get(key(row))
        if queue:
            pairs.append((row, queue.pop(0)))
        else:
            removed.append(row)
    paired = {id(n) for _o, n in pairs}
    return Matched(pairs, removed, [r for r in new if id(r) not in paired])


def match_plans(old: Plan, new: Plan) -> dict[EntityKind, Matched]:
    return {kind: match(kind, getattr(old, ROW_LISTS[kind]), getattr(new, ROW_LISTS[kind]))
            for kind in ORDER}


def names_by_id(plan: Plan) -> dict[EntityKind, dict[int | None, str]]:
    return {kind: {r.id: row_name(kind, r) for r in getattr(plan, ROW_LISTS[kind])}
            for kind in (EntityKind.WORKSTREAM, EntityKind.SCHEME)}


def comparable(field: str, value: Any, names: dict[EntityKind, dict[int | None, str]]) -> Any:
    """A field's value as it can be compared across plans (links as names, phasing as
    normalised weights)."""
    if field in LINKS:
        lookup = names[LINKS[field]]
        if isinstance(value, tuple):
            return tuple(sorted(lookup.get(v, "?") for v in value))
        return None if value is None else lookup.get(value, "?")
    if field == "phasing":
        return tuple(np.round(_phasing_weights(value), 12))
    return value


def changed_fields(old: Any, new: Any, old_names, new_names) -> list[tuple[str, Any, Any]]:
    """(field, old value, new value) of every field that differs, ids aside."""
    out = []
    for f in dataclasses.fields(old):
        if f.name in ("id", "base_seen"):  # base_seen: what a scenario's user last saw
            continue
        a, b = getattr(old, f.name), getattr(new, f.name)
        if f.name not in LINKS and a == b:
            continue
        if comparable(f.name, a, old_names) != comparable(f.name, b, new_names):
            out.append((f.name, a, b))
    return out
