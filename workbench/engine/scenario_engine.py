"""Each scenario's results after an edit, recomputing only what the edit reached.

`apply_scenario` maps the plan row by row (a scheme from the same scheme, a risk from the
same risk, the drivers from the drivers), so an edit of the base reaches the same rows of
each scenario's plan. Each scenario keeps its own `PlanEngine` and its own plan object
(the engine's caches are per plan object): after an edit its plan is made again from the
base and the engine told what the edit touched, widened to every field a scenario may
derive from a touched row (slippage moves savings with the phasing). A scenario whose own
overrides changed, or one not seen before, is computed afresh.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from workbench.domain.changes import PlanChanges
from workbench.domain.edits import EntityKind
from workbench.domain.plan import Plan
from workbench.domain.scenarios import OVERRIDES, Scenario
from workbench.engine.recompute import PlanEngine
from workbench.engine.results import PlanResults
from workbench.engine.scenarios import apply_scenario

# the fields apply_scenario derives, by the kind of row they are on
DERIVED = {EntityKind.SCHEME: ("phasing", "gross_saving", "investment", "confidence"),
           EntityKind.RISK: ("likelihood",)}


ChangeLog = Sequence[tuple[int, PlanChanges]]  # (copy number, what changed since the last)


@dataclasses.dataclass
class _Kept:
    overrides: tuple  # the scenario's override values its plan was made with
    plan: Plan  # the same object every time: the engine reuses parts by its identity
    engine: PlanEngine
    copy: int  # the number of the base copy it was last computed from


class ScenarioEngines:
    """Results of each scenario (by id) of a base plan that edits change. Use from one
    thread at a time.

    The base comes as numbered copies (domain.plan_copy), with a log of what changed from
    each copy to the next: a scenario last computed from copy n and asked for on copy m
    is told the changes of the log's entries n+1..m (computed afresh if some are gone)."""

    def __init__(self) -> None:
        self._kept: dict[int | None, _Kept] = {}

    def results(self, plan: Plan, scenario: Scenario, copy: int = 0,
                log: ChangeLog = ()) -> tuple[Plan, PlanResults]:
        """`scenario` applied to `plan` (the base's copy number `copy`) and its results.
        The plan returned is changed by the next call for the same scenario."""
        overrides = tuple(getattr(scenario, f) for f in OVERRIDES)
        kept = self._kept.get(scenario.id)
        made = apply_scenario(plan, scenario)
        since = (None if kept is None or kept.overrides != overrides
                 else changes_between(log, kept.copy, copy))
        if kept is None or since is None:
            kept = self._kept[scenario.id] = _Kept(overrides, made, PlanEngine(), copy)
            return kept.plan, kept.engine.compute(kept.plan)
        kept.plan.__dict__.update(made.__dict__)
        kept.copy = copy
        return kept.plan, kept.engine.compute(kept.plan, widened(since))

    def forget_others(self, ids: set[int | None]) -> None:
        """Drop the scenarios not in `ids` (deleted ones)."""
        self._kept = {i: k for i, k in self._kept.items() if i in ids}


def changes_between(log: ChangeLog, last: int, now: int) -> PlanChanges | None:
    """What changed from copy `last` to copy `now`; None if the log no longer says."""
    if now == last:
        return PlanChanges()
    entries = [changes for n, changes in log if last < n <= now]
    if len(entries) != now - last:
        return None
    out = PlanChanges()
    for changes in entries:
        out = out.merged(changes)
    return out


def widened(changes: PlanChanges) -> PlanChanges:
    """`changes` with every derived field of each kind it touched by field."""
    extra = {(kind, f) for kind, fields in DERIVED.items() if kind in changes.kinds
             for f in fields}
    return dataclasses.replace(changes, fields=changes.fields | frozenset(extra))
