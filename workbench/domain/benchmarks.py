"""Comparator figures (RightCare style): a measure per head for the CCG and similar CCGs.

One row per measure and organisation; the plan's own row is the one with its ODS code.
Lower is taken as better (spend and activity per head), as RightCare's opportunity
figures do.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass
class Benchmark:
    id: int | None
    measure: str  # "Circulation: spend per head"
    unit: str  # "£" or an activity, e.g. "admissions"
    ods_code: str
    organisation: str
    value: Decimal  # per head of population
    population: int
    source: str = ""  # the file it came from
