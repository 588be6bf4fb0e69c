"""Provider contracts and the standards whose incentives or penalties are levers.

A contract standard links money (an incentive earned, a penalty incurred) to a trajectory
by the trajectory's standard id and provider, so the £ at stake follows the actuals as
they arrive (engine.contracts).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from workbench.domain.enums import LabelledEnum


class ContractType(LabelledEnum):
    BLOCK = "Block"
    COST_AND_VOLUME = "Cost and volume"
    OUTCOMES_BASED = "Outcomes-based"


class Escalation(LabelledEnum):
    """Stages of the contract management framework (as in the NHS Standard Contract's
    contract performance process)."""

    ROUTINE = "Routine monitoring"
    PERFORMANCE_NOTICE = "Contract performance notice"
    JOINT_INVESTIGATION = "Joint investigation"
    REMEDIAL_PLAN = "Remedial action plan"
    WITHHOLDING = "Withholding of payment"
    EXCEPTION_REPORT = "Exception report"


class LeverKind(LabelledEnum):
    INCENTIVE = "Incentive"
    PENALTY = "Penalty"
    INCENTIVE_OR_PENALTY = "Incentive or penalty"


@dataclass(frozen=True)
class ContractStandard:
    """Money tied to one standard: `amount` is earned (incentive) or lost (penalty).

    `standard_id` and the contract's provider code find the trajectory that decides it.
    """

    standard_id: str
    label: str
    amount: Decimal
    kind: LeverKind = LeverKind.INCENTIVE_OR_PENALTY
    source: str = ""


@dataclass
class Contract:
    id: int | None
    provider: str  # name
    provider_code: str = ""  # ODS code, matched with a trajectory's provider
    value: Decimal = Decimal(0)
    contract_type: ContractType = ContractType.COST_AND_VOLUME
    escalation: Escalation = Escalation.ROUTINE
    standards: tuple[ContractStandard, ...] = field(default_factory=tuple)
    source: str = ""

    @property
    def at_stake(self) -> Decimal:
        return sum((s.amount for s in self.standards), Decimal(0))
