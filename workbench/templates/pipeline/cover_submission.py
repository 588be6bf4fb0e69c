"""The Cover of an exported workbook says which submission it is: Version, Date and
Signed off by from the planning round's timetable (template_values/cover_timetable.py
states which submission that is).

What a user typed wins, so a colleague's copy round-trips unchanged: a cell the plan keeps
a typed value for (an imported workbook's Cover) keeps it, and so does a cell already
filled in the workbook exported into (``--into``); each such cell that differs from the
timetable gets a warning in the export's notes. A cell with no typed value (blank, or
never imported) gets the timetable's value, so a fresh export of a plan that keeps none
carries the timetable's.
"""

from __future__ import annotations

import datetime as dt

from workbench.domain.plan import Plan
from workbench.domain.submissions import Submission
from workbench.templates.layouts.spec import TemplateSpec
from workbench.templates.template_values.cover_timetable import (
    cover_key,
    plain,
    submission_date,
    submission_for,
    timetable_values,
)
from workbench.templates.template_values.fill_and_compare import held_values
from workbench.templates.workbook.recognise import label_cell
from workbench.templates.workbook.values import is_blank
from workbench.templates.workbook.writer import Filler, snapshot


def day_text(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _same(label: str, typed: object, wanted: object) -> bool:
    if label == "Date":
        return _as_date(typed) == wanted
    return plain(typed) == plain(wanted)


def _shown(value: object) -> str:
    day = _as_date(value)
    return day_text(day) if day is not None else ("" if value is None else str(value))


def _said(label: str, wanted: object, row: Submission) -> str:
    """The timetable's value for a cell, with the submission it belongs to."""
    when = submission_date(row)
    context = row.name + (f", {day_text(when)}" if when is not None else "")
    if label == "Version":
        return repr(context)
    return f"{_shown(wanted)!r} ({context})"


def fill_cover_submission(plan: Plan, filler: Filler, spec: TemplateSpec, *,
                          into: bool) -> None:
    """Fill the Cover's Version, Date and Signed off by from the timetable, keeping typed
    values (with a warning in `filler.notes` where they differ)."""
    row = submission_for(plan, spec.kind)
    if row is None:
        return
    ws = filler.worksheet("Cover")
    data = snapshot(ws)
    held = held_values(plan, spec.kind)
    for label, wanted in timetable_values(row).items():
        found = label_cell(data, label)
        if found is None:
            continue  # a Cover without the row: nothing to carry
        cell = ws.cell(*found)
        kept = held.get(cover_key(label))
        typed: object = kept.value if kept is not None and kept.value.strip() else (
            cell.value if into else None)
        if is_blank(typed):
            if not is_blank(wanted):
                filler.put(ws, *found, wanted)
            continue
        if not _same(label, typed, wanted):
            filler.notes.append(f"{ws.title}!{cell.coordinate} keeps {_shown(typed)!r} as "
                                f"typed; the timetable says {_said(label, wanted, row)}")
