"""The change history in the words finance staff use: names not ids, pounds as £1,200,000,
percentages as 70.0%, the local time, and never a JSON string.

The audit log stores every value as JSON (store/audit.py); this module only reads it back
for display, using the tables' own column headers and formats.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal, InvalidOperation
from typing import Any

from workbench.domain.edits import ROW_LISTS, EntityKind
from workbench.domain.phasing import identify
from workbench.domain.plan import Plan
from workbench.ui.tables import parsing
from workbench.ui.tables.specs import COLUMNS

KIND_NAMES = {
    "workstream": "Workstream", "scheme": "Savings scheme", "risk": "Risk",
    "spend_line": "Spend line", "pressure": "Cost pressure", "activity_line": "Activity line",
    "trajectory": "Trajectory", "template_value": "Template cell", "drivers": "Drivers",
    "plan": "Plan", "pool": "Pooled budget", "contract": "Contract",
    "place_element": "Place budget element", "benchmark": "Comparator",
}
ACTIONS = {"edit": "Edit", "undo": "Undone", "redo": "Redone", "import": "Import",
           "create": "Created", "freeze": "Frozen"}
LINKS = {"workstream_id": "workstreams", "scheme_id": "schemes"}
DRIVER_PERCENTS = ("_pct", "growth", "uplift", "rate")


def local_time(at: dt.datetime) -> str:
    """The audit log's UTC time as this computer's local time: '30 Nov 2026 14:05'."""
    aware = at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)
    return aware.astimezone().strftime("%d %b %Y %H:%M")


def action_text(action: str) -> str:
    return ACTIONS.get(action, action.capitalize())


def _row_name(row: Any) -> str | None:
    for attr in ("name", "description", "metric"):
        value = getattr(row, attr, None) if not isinstance(row, dict) else row.get(attr)
        if value:
            return str(value)
    measure = getattr(row, "measure", None)
    if measure is not None:  # an activity line's Measure, or a comparator's measure text
        where = getattr(row, "provider", "") or getattr(row, "ods_code", "")
        return f"{getattr(measure, 'value', measure)} {where}".strip()
    provider = getattr(row, "provider", None)  # a contract
    return str(provider) if provider else None


def object_name(kind: str, row_id: int | None, plan: Plan, old: str = "", new: str = "") -> str:
    """'Savings scheme: Ophthalmology community clinics' (a deleted row by its last name)."""
    noun = KIND_NAMES.get(kind, kind.replace("_", " ").capitalize())
    if row_id is None or kind in ("plan", "drivers"):
        return noun
    try:
        rows = getattr(plan, ROW_LISTS[EntityKind(kind)])
    except (KeyError, ValueError):
        rows = []
    name = next((_row_name(r) for r in rows if r.id == row_id), None)
    if name is None:  # added then deleted, or deleted: the row as recorded
        for text in (old, new):
            recorded = _loads(text)
            if isinstance(recorded, dict):
                name = _row_name(recorded)
                if name:
                    break
    return f"{noun}: {name}" if name else f"{noun} (since deleted)"


def change_text(label: str, kind: str, field: str) -> str:
    """An edit's label; the store's default 'Edit workstream id' becomes 'Edit workstream'."""
    if label == f"Edit {field.replace('_', ' ')}":
        return f"Edit {field_label(kind, field).lower()}"
    return label


def field_label(kind: str, field: str) -> str:
    if field.startswith("("):  # (row added) / (row deleted)
        return field.strip("()").capitalize()
    spec = _spec(kind, field)
    return spec.header if spec is not None else field.replace("_", " ").capitalize()


def _spec(kind: str, field: str):
    try:
        columns = COLUMNS[EntityKind(kind)]
    except (KeyError, ValueError):
        return None
    return next((s for s in columns if s.field == field and s.merge is None), None)


def _loads(text: str) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except (ValueError, TypeError):
        return text


def value_text(kind: str, field: str, text: str, plan: Plan) -> str:
    """One recorded value as a person would write it."""
    value = _loads(text)
    if value is None or value == "":
        return "" if not text else "(blank)"
    if field in LINKS:
        rows = getattr(plan, LINKS[field])
        return next((_row_name(r) or "" for r in rows if r.id == value), "(a deleted row)")
    if isinstance(value, dict):
        return _row_name(value) or "(a row)"
    if field == "phasing" and isinstance(value, list) and len(value) == 12:
        year = plan.first_year.start if hasattr(plan, "first_year") else 2016
        weights = tuple(Decimal(str(w)) for w in value)
        return f"{identify(weights, year)} profile"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return dt.date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return value
    spec = _spec(kind, field)
    if spec is not None and spec.format is not str:
        try:
            number = Decimal(str(value)) if isinstance(value, str | int | float) else value
            return spec.format(number)
        except (InvalidOperation, TypeError, ValueError, AttributeError):
            pass
    if kind == "drivers" and isinstance(value, str):
        try:
            number = Decimal(value)
        except InvalidOperation:
            return value
        if any(word in field for word in DRIVER_PERCENTS) or abs(number) < 1:
            return parsing.format_percent(number)
        return parsing.format_money(number)
    return str(value)
