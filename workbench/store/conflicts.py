"""Compare-and-set checks: a write lands only on the rows its author saw.

Values are compared in the form their column stores them (pence, exact text, labels), so
a value that round-trips through the database is never mistaken for someone else's change.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy.types import TypeDecorator

from workbench.domain.edits import EntityKind
from workbench.domain.errors import ConflictError
from workbench.store.mapping import ROW_CLASSES

NAME_FIELDS = ("name", "description", "category", "metric", "provider_name", "column")


def stored_form(kind: EntityKind, field: str, value: Any) -> Any:
    """`value` as the column of `field` would hold it (the value itself if no such column)."""
    cls = ROW_CLASSES.get(kind)
    column = cls.__table__.c.get(field) if cls is not None else None
    if column is None or value is None or not isinstance(column.type, TypeDecorator):
        return value
    return column.type.process_bind_param(value, None)


def same(kind: EntityKind, field: str, a: Any, b: Any) -> bool:
    return a == b or stored_form(kind, field, a) == stored_form(kind, field, b)


def row_title(kind: EntityKind, obj: Any) -> str:
    """'scheme "MSK service"': how a message names a row."""
    noun = kind.value.replace("_", " ")
    for name in NAME_FIELDS:
        value = getattr(obj, name, None)
        if value:
            return f'{noun} "{value}"'
    return f"{noun} {getattr(obj, 'id', '')}".strip()


def show(value: Any) -> str:
    text = getattr(value, "label", None) or str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def changed_fields(kind: EntityKind, seen: Any, stored: Any) -> list[str]:
    """Fields of a row whose stored value differs from the copy its author saw."""
    return [f.name for f in dataclasses.fields(stored) if f.name != "id"
            and not same(kind, f.name, getattr(seen, f.name), getattr(stored, f.name))]


def check_unchanged(label: str, kind: EntityKind, seen: Any, stored: Any, doing: str) -> None:
    """Refuse `doing` (e.g. "deleted") if the row changed since `seen` was read."""
    fields = changed_fields(kind, seen, stored)
    if not fields:
        return
    what = ", ".join(f"{f.replace('_', ' ')} is now {show(getattr(stored, f))}"
                     for f in fields[:3])
    more = f" and {len(fields) - 3} more" if len(fields) > 3 else ""
    raise ConflictError(
        f"{label}: someone else changed {row_title(kind, stored)} since you read it "
        f"({what}{more}); it was not {doing}",
        kind=kind.value, row_id=stored.id, field=fields[0],
        current=getattr(stored, fields[0]))


def refuse_missing(label: str, kind: EntityKind, seen: Any, doing: str) -> None:
    raise ConflictError(
        f"{label}: someone else deleted {row_title(kind, seen)}; it was not {doing}",
        kind=kind.value, row_id=seen.id, field="", current=None)


def refuse_present(label: str, kind: EntityKind, seen: Any) -> None:
    raise ConflictError(
        f"{label}: {row_title(kind, seen)} is already there (someone else restored it); "
        f"it was not added again", kind=kind.value, row_id=seen.id, field="", current=seen)


def refuse_dangling(label: str, kind: EntityKind, obj: Any, target: EntityKind,
                    target_id: int, doing: str) -> None:
    raise ConflictError(
        f"{label}: {row_title(kind, obj)} links to {target.value.replace('_', ' ')} "
        f"{target_id}, which someone else deleted; it was not {doing}",
        kind=kind.value, row_id=obj.id or 0, field="", current=None)


def refuse_linked(label: str, kind: EntityKind, doomed: Any, ref_kind: EntityKind,
                  ref: Any) -> None:
    raise ConflictError(
        f"{label}: someone else linked {row_title(ref_kind, ref)} to "
        f"{row_title(kind, doomed)} since you read it; it was not deleted",
        kind=kind.value, row_id=doomed.id, field="", current=None)
