"""The submission a workbook exported now is, from the planning round's timetable
(domain/submissions.py), and the Cover texts it gives: Version, Date, Signed off by.

The submission: among the timetable's rows for this return (rows naming the BCF for the
BCF workbook, the others for the rest; every row when none match), in date order, the
first not yet marked submitted, else the last one. Version is its name ("Final"), Date its
submitted date (else its due date), Signed off by who signed it off.

A Cover cell holding the timetable's text (or nothing) is not a typed value: an import
does not keep it, so the next export writes the timetable as it then is.
"""

from __future__ import annotations

import datetime as dt

from workbench.domain.plan import Plan
from workbench.domain.submissions import Submission, in_date_order
from workbench.domain.template_values import COVER

CellKey = tuple[str, str, str]  # (sheet, row, column), as TemplateValue.key
FIELDS = ("Version", "Date", "Signed off by")  # the Cover labels the timetable fills
BCF_WORDS = ("bcf", "better care fund")


def is_bcf(row: Submission) -> bool:
    text = f"{row.returns} {row.name}".casefold()
    return any(word in text for word in BCF_WORDS)


def submission_for(plan: Plan, kind: str) -> Submission | None:
    """The submission a `kind` workbook exported now is (the rule in the module docstring)."""
    rows = [s for s in plan.submissions if is_bcf(s) == (kind == "bcf")] or plan.submissions
    rows = in_date_order(rows)
    if not rows:
        return None
    return next((s for s in rows if s.submitted_on is None), rows[-1])


def submission_date(row: Submission) -> dt.date | None:
    return row.submitted_on or row.due


def timetable_values(row: Submission) -> dict[str, object]:
    """Cover label -> the value the timetable gives it (a date for Date)."""
    return {"Version": row.name, "Date": submission_date(row),
            "Signed off by": row.signed_off_by}


def plain(text: object) -> str:
    """Text as compared: case and runs of spaces ignored."""
    return " ".join(str(text or "").split()).casefold()


def cover_key(label: str) -> CellKey:
    return ("Cover", COVER, label)


def untyped(plan: Plan, kind: str, key: CellKey, text: str) -> bool:
    """A kept Version, Date or Signed off by text that is no typed value: blank, or the
    timetable's own text (False for every other cell)."""
    if key[:2] != ("Cover", COVER) or key[2] not in FIELDS:
        return False
    if not text.strip():
        return True
    row = submission_for(plan, kind)
    if row is None:
        return False
    wanted = timetable_values(row)[key[2]]
    if isinstance(wanted, dt.date):
        return text.strip()[:10] == wanted.isoformat()
    return plain(text) == plain(wanted)
