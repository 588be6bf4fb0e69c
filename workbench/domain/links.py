"""What links to what, and what deleting a row unlinks: the one home of these rules.

The tables, the imports and the store all read them from here, so a new link cannot be
honoured in one place and forgotten in another (a scheme dropped by an import once left
activity lines pointing at it).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Iterator
from typing import Any

from workbench.domain.edits import ROW_LISTS, EntityKind, SetField

# kind -> {field: kind it points at}. A field holds one id (or None), or a tuple of ids.
LINKS: dict[EntityKind, dict[str, EntityKind]] = {
    EntityKind.SCHEME: {"workstream_id": EntityKind.WORKSTREAM},
    EntityKind.RISK: {"scheme_id": EntityKind.SCHEME,
                      "workstream_id": EntityKind.WORKSTREAM},
    EntityKind.ACTIVITY_LINE: {"scheme_ids": EntityKind.SCHEME},
}
LINK_FIELDS: dict[str, EntityKind] = {f: t for fields in LINKS.values() for f, t in fields.items()}

NewId = Callable[[EntityKind, int], "int | None"]  # a link's new target; None drops it


def links_of(kind: EntityKind) -> dict[str, EntityKind]:
    """The link fields of rows of `kind` and the kind each points at."""
    return LINKS.get(kind, {})


def referrers(target: EntityKind) -> Iterator[tuple[EntityKind, str]]:
    """(kind, field) pairs whose rows can point at rows of `target`."""
    for kind, fields in LINKS.items():
        for name, points_at in fields.items():
            if points_at is target:
                yield kind, name


def targets(value: Any) -> tuple[int, ...]:
    """The ids a link field's value points at."""
    if value is None:
        return ()
    return tuple(value) if isinstance(value, tuple) else (value,)


def without(value: Any, gone: Collection[int]) -> Any:
    """A link field's value with the ids in `gone` removed (a single link becomes None)."""
    if isinstance(value, tuple):
        return tuple(k for k in value if k not in gone)
    return None if value in gone else value


def relink_value(value: Any, kind: EntityKind, new_id: NewId) -> Any:
    """A link field's value with each id passed through `new_id`."""
    if isinstance(value, tuple):
        return tuple(k for k in (new_id(kind, v) for v in value) if k is not None)
    return None if value is None else new_id(kind, value)


def relink(kind: EntityKind, obj: Any, new_id: NewId) -> Any:
    """`obj` (a row of `kind`) with every link field passed through `new_id`."""
    changes = {name: relink_value(getattr(obj, name), target, new_id)
               for name, target in links_of(kind).items()}
    return dataclasses.replace(obj, **changes) if changes else obj


def unlinks(plan: Any, target: EntityKind, gone: Collection[int],
            skip: Collection[tuple[EntityKind, int]] = ()) -> list[SetField]:
    """The SetFields that clear every link to the rows `gone` of kind `target`.

    Rows in `skip` ((kind, id) pairs, e.g. rows deleted by the same step) are left alone.
    """
    out: list[SetField] = []
    gone = set(gone)
    for kind, name in referrers(target):
        for row in getattr(plan, ROW_LISTS[kind]):
            if (kind, row.id) in skip:
                continue
            value = getattr(row, name)
            kept = without(value, gone)
            if kept != value:
                out.append(SetField(kind, row.id, name, value, kept))
    return out
