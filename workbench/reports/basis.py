"""Which plan a board paper is of: the working plan, a frozen version, or a scenario.

A version is the frozen copy the store keeps; a scenario is the working plan with the
scenario's overrides (engine.scenarios.apply_scenario), whose figures the engine computes
like any plan's. The paper's running head says which ("Version: Submission 1").
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.domain.errors import WorkbenchError
from workbench.domain.plan import Plan
from workbench.engine.scenarios import apply_scenario
from workbench.store.plan_store import PlanStore
from workbench.store.versions import list_versions, load_version

WORKING = "Working plan"


@dataclass(frozen=True)
class PaperBasis:
    kind: str  # "working", "version" or "scenario"
    name: str = ""

    @property
    def label(self) -> str:
        """What the paper says it is of: '' for the working plan, 'Scenario: Higher growth'."""
        return "" if self.kind == "working" else f"{self.kind.title()}: {self.name}"

    @property
    def choice(self) -> str:
        """What a list of bases shows."""
        return self.label or WORKING


def paper_bases(store: PlanStore, plan: Plan) -> list[PaperBasis]:
    """The working plan, then each frozen version (oldest first), then each scenario."""
    return [PaperBasis("working"),
            *(PaperBasis("version", v.label) for v in list_versions(store)),
            *(PaperBasis("scenario", s.name) for s in plan.scenarios)]


def find_basis(store: PlanStore, plan: Plan, kind: str, name: str) -> PaperBasis:
    """The version or scenario called `name`, or a WorkbenchError listing the known ones."""
    known = [b.name for b in paper_bases(store, plan) if b.kind == kind]
    if name not in known:
        raise WorkbenchError(f"no {kind} named {name!r} ({kind}s: "
                             f"{', '.join(repr(k) for k in known) or 'none'})")
    return PaperBasis(kind, name)


def basis_plan(store: PlanStore, plan: Plan, basis: PaperBasis) -> Plan:
    """The plan the paper is of; `plan` is the working plan."""
    if basis.kind == "version":
        version = next((v for v in list_versions(store) if v.label == basis.name), None)
        if version is None:
            raise WorkbenchError(f"the version {basis.name!r} is no longer in {store.label}")
        return load_version(store, version)
    if basis.kind == "scenario":
        scenario = next((s for s in plan.scenarios if s.name == basis.name), None)
        if scenario is None:
            raise WorkbenchError(f"the scenario {basis.name!r} is no longer in the plan")
        return apply_scenario(plan, scenario)
    return plan
