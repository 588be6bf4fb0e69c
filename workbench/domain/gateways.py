"""Scheme gateways: a scheme moves up the pipeline only through its gateway.

unidentified -> earmarked -> identified -> in delivery. Any move up needs a quality impact
assessment (QIA) and an equality impact assessment (EIA) marked done and a named sign-off:
that is what a programme board checks before it counts a saving. Moving down (a scheme
found not to deliver) needs no gateway, only a note saying why. The plan's own scheme
status follows the stage (in delivery counts as identified).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workbench.domain.enums import LabelledEnum, SchemeStatus


class Stage(LabelledEnum):
    UNIDENTIFIED = "Unidentified"
    EARMARKED = "Earmarked"
    IDENTIFIED = "Identified"
    IN_DELIVERY = "In delivery"


ORDER = (Stage.UNIDENTIFIED, Stage.EARMARKED, Stage.IDENTIFIED, Stage.IN_DELIVERY)


@dataclass(frozen=True)
class Gateway:
    """The evidence a move up needs. `signed_off_by` is a person's name."""

    qia_done: bool = False
    eia_done: bool = False
    signed_off_by: str = ""
    signed_off_on: dt.date | None = None


def stage_of(status: SchemeStatus) -> Stage:
    return Stage(status.value)


def status_of(stage: Stage) -> SchemeStatus:
    return SchemeStatus.IDENTIFIED if stage is Stage.IN_DELIVERY else SchemeStatus(stage.value)


def is_upward(current: Stage, target: Stage) -> bool:
    return ORDER.index(target) > ORDER.index(current)


def gateway_problems(current: Stage, target: Stage, gateway: Gateway,
                     note: str = "") -> list[str]:
    """Why the move cannot be made (empty when it can), each reason one sentence."""
    if target is current:
        return [f"the scheme is already {current.value.lower()}"]
    if not is_upward(current, target):
        return [] if note.strip() else [
            f"moving back to {target.value.lower()} needs a note saying why"]
    problems = []
    if not gateway.qia_done:
        problems.append("the quality impact assessment (QIA) is not marked done")
    if not gateway.eia_done:
        problems.append("the equality impact assessment (EIA) is not marked done")
    if not gateway.signed_off_by.strip():
        problems.append("no one is named as signing it off")
    return problems
