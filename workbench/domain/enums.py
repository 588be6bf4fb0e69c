"""The closed vocabularies of a plan. Values are the words users see and templates carry."""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """An enum whose value is its display label; parse() accepts the label in any case."""

    @classmethod
    def parse(cls, text: object) -> LabelledEnum:
        if isinstance(text, cls):
            return text
        wanted = str(text).strip().lower()
        for member in cls:
            if wanted in (member.value.lower(), member.name.lower()):
                return member
        choices = ", ".join(m.value for m in cls)
        raise ValueError(f"{text!r} is not one of: {choices}")

    def __str__(self) -> str:
        return self.value


class PlanStatus(LabelledEnum):
    DRAFT = "Draft"
    SUBMITTED = "Submitted"
    FINAL = "Final"


class SchemeStatus(LabelledEnum):
    IDENTIFIED = "Identified"
    EARMARKED = "Earmarked"
    UNIDENTIFIED = "Unidentified"


# the statuses whose schemes count towards closing the savings gap
CLOSING_STATUSES = (SchemeStatus.IDENTIFIED, SchemeStatus.EARMARKED)


class PointOfDelivery(LabelledEnum):
    ELECTIVE = "Elective"
    NON_ELECTIVE = "Non-elective"
    OUTPATIENTS = "Outpatients"
    AE = "A&E"
    PRESCRIBING = "Prescribing"
    CHC = "CHC"
    COMMUNITY = "Community"
    MENTAL_HEALTH = "Mental health"
    OTHER = "Other"


class Lever(LabelledEnum):
    CONTRACT = "Contract"
    INCENTIVE = "Incentive"
    DECOMMISSIONING = "Decommissioning"
    PROCUREMENT = "Procurement"
    DEMAND_MANAGEMENT = "Demand management"
    PATHWAY_REDESIGN = "Pathway redesign"
    MEDICINES_OPTIMISATION = "Medicines optimisation"


class Footprint(LabelledEnum):
    LOCAL = "Local"
    ALLIANCE = "Alliance"


class Gap(LabelledEnum):
    """The three STP gaps a workstream addresses."""

    HEALTH_WELLBEING = "Health & wellbeing"
    CARE_QUALITY = "Care & quality"
    FINANCE_EFFICIENCY = "Finance & efficiency"


class Rag(LabelledEnum):
    RED = "Red"
    AMBER = "Amber"
    GREEN = "Green"


class RiskCategory(LabelledEnum):
    CONTRACT = "Contract"
    SAVINGS_DELIVERY = "Savings delivery"
    ACTIVITY = "Activity"
    PRESCRIBING = "Prescribing"
    CHC = "CHC"
    OTHER = "Other"


class RiskStatus(LabelledEnum):
    OPEN = "Open"
    MITIGATED = "Mitigated"
    CLOSED = "Closed"
