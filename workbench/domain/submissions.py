"""The planning round's timetable: what goes to NHS England (or, for the BCF, to the
regional team) when, which frozen version was sent, on what date and who signed it off."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

SUBMITTED, DUE, OVERDUE = "Submitted", "Due", "Overdue"


@dataclass
class Submission:
    """One return in the round: `name` ("Draft 1", "Final"), `returns` (what is sent:
    "Operational plan", "BCF plan"), `due` (the deadline), `submitted_on` (None until
    sent), `version_label` (the frozen version sent, "" if none), `signed_off_by`."""

    id: int | None
    name: str
    returns: str = ""
    due: dt.date | None = None
    submitted_on: dt.date | None = None
    version_label: str = ""
    signed_off_by: str = ""
    note: str = ""

    def status(self, today: dt.date) -> str:
        if self.submitted_on is not None:
            return SUBMITTED
        return OVERDUE if self.due is not None and self.due < today else DUE

    def days_left(self, today: dt.date) -> int | None:
        """Days to the deadline while not yet submitted (negative when overdue)."""
        if self.submitted_on is not None or self.due is None:
            return None
        return (self.due - today).days


def in_date_order(rows: list[Submission]) -> list[Submission]:
    """Due date first (undated last), then name: the order the timetable reads in."""
    return sorted(rows, key=lambda s: (s.due is None, s.due or dt.date.max, s.name))
