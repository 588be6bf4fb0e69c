"""Workstreams: the STP programmes of change and their enablers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from workbench.domain.enums import Footprint, Gap, Rag


@dataclass
class Milestone:
    name: str
    due: dt.date
    done: bool = False


@dataclass
class Workstream:
    id: int | None
    name: str
    lead: str = ""
    sro: str = ""
    board: str = ""
    footprint: Footprint = Footprint.LOCAL
    gaps: frozenset[Gap] = frozenset()
    rag: Rag = Rag.GREEN
    eia_done: bool = False
    enabler: bool = False
    milestones: list[Milestone] = field(default_factory=list)
    source: str = ""  # where the input comes from: a paper and its words, or "chosen: why"
