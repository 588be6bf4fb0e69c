"""Pieces every template shares: the cover rows, month columns, the years list.

The cover layout (B2 title, label/value rows, defined names OrgCode, OrgName, PlanRound,
Submission, Version) follows templates.md §10; it is inferred, not verified.
"""

from __future__ import annotations

import datetime as dt

from workbench.domain.enums import PlanStatus
from workbench.domain.periods import FinancialYear
from workbench.templates.layouts.spec import Column, CoverRow, Kind

MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
COMPLETE = "Complete Template"
INCOMPLETE = "Incomplete Template"
STATUS_CELL = "C3"  # on the Checklist sheet


def month_dates(first_year: int) -> list[dt.date]:
    return [dt.date(first_year + (i + 3) // 12, (i + 3) % 12 + 1, 1) for i in range(12)]


def month_label(day: dt.date) -> str:
    """'Apr-16', as NHS templates label months."""
    return f"{MONTH_NAMES[day.month - 1]}-{day.year % 100:02d}"


def month_aliases(n: int, day: dt.date) -> tuple[str, ...]:
    """Other ways a colleague may head the month column: 'Apr-16', 'M1', 'April 2016'."""
    return (
        month_label(day),
        f"M{n}",
        f"{day:%B} {day.year}",
        f"{day:%b} {day.year}",
        f"{day:%Y-%m}",
    )


def month_columns(first_year: int, kind: Kind, *, prefix: str = "m", numbered: bool = True,
                  width: float = 9, total: bool = True,
                  non_negative: bool = False) -> tuple[Column, ...]:
    out = []
    for i, day in enumerate(month_dates(first_year)):
        n = i + 1
        header = f"M{n} {month_label(day)}" if numbered else month_label(day)
        out.append(Column(f"{prefix}{n}", header, kind, aliases=month_aliases(n, day),
                          width=width, total=total, non_negative=non_negative))
    return tuple(out)


def year_list(first_year: int, count: int = 5) -> tuple[str, ...]:
    return tuple(FinancialYear(first_year + i).label for i in range(count))


def cover_rows(template_id: str, version: int, first_year: int,
               extra: tuple[CoverRow, ...] = ()) -> tuple[CoverRow, ...]:
    """Cover label/value rows; `extra` sits between the organisation and the contacts."""
    head = (
        CoverRow("Template", "template_id", value=template_id, name="TemplateId"),
        CoverRow("Template version", "template_version", Kind.INT, value=version,
                 name="TemplateVersion"),
        CoverRow("Organisation code", "ods_code", name="OrgCode", required=True),
        CoverRow("Organisation name", "organisation", name="OrgName", required=True),
        CoverRow("Planning round", "round", value=FinancialYear(first_year).label,
                 name="PlanRound"),
    )
    tail = (
        CoverRow("Submission", "status", Kind.ENUM, name="Submission", choices="Submission",
                 required=True),
        CoverRow("Version", name="Version"),
        CoverRow("Date", kind=Kind.DATE, name="SubmissionDate"),
        CoverRow("Contact name"),
        CoverRow("Contact e-mail"),
        CoverRow("Signed off by"),
        CoverRow("Template status", formula="=Checklist!" + STATUS_CELL, name="TemplateStatus"),
    )
    return head + extra + tail


SUBMISSION = tuple(s.value for s in PlanStatus)
YES_NO = ("Y", "N")
