"""The one edit that turns the working plan back into a frozen version.

Rows are matched by name (`row_match`): a matched row gets a SetField for each field that
differs, a row only in the version is inserted (with a negative local key, so rows that
link to it can name it before the store gives it an id), a row only in the working plan
is deleted; drivers are set field by field. Inserts come first (targets of links before
links), then field changes, then deletes (links before their targets), so every link is
valid at every step, and the inverse (undo) is valid too. Matched rows keep their ids.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from workbench.domain.edits import Batch, DeleteRows, Edit, EntityKind, InsertRows, SetField
from workbench.domain.plan import Plan
from workbench.engine.row_match import LINKS, ORDER, changed_fields, match_plans, names_by_id


def restore_edit(working: Plan, version: Plan, label: str) -> Batch:
    """Edit making `working` equal (row for row, field for field) to `version`."""
    matched = match_plans(working, version)
    to_working: dict[EntityKind, dict[int | None, int]] = {k: {} for k in ORDER}
    next_key = -1
    for kind, m in matched.items():
        for w, v in m.pairs:
            to_working[kind][v.id] = w.id
        for v in m.added:
            to_working[kind][v.id] = next_key
            next_key -= 1

    def relinked(field: str, value: Any) -> Any:
        ids = to_working[LINKS[field]]
        if isinstance(value, tuple):
            return tuple(ids[v] for v in value if v in ids)
        return None if value is None else ids.get(value)

    def as_working(row: Any) -> Any:
        links = {f: relinked(f, getattr(row, f)) for f in LINKS if hasattr(row, f)}
        return dataclasses.replace(row, **links)

    inserts: list[Edit] = []
    sets: list[Edit] = []
    deletes: list[Edit] = []
    w_names, v_names = names_by_id(working), names_by_id(version)
    for kind, m in matched.items():
        if m.added:
            inserts.append(InsertRows(kind, tuple(
                dataclasses.replace(as_working(v), id=to_working[kind][v.id]) for v in m.added)))
        for w, v in m.pairs:
            for field, old, new in changed_fields(w, v, w_names, v_names):
                value = relinked(field, new) if field in LINKS else new
                sets.append(SetField(kind, w.id, field, old, value))
        if m.removed:
            deletes.insert(0, DeleteRows(kind, tuple(m.removed)))
    for f in dataclasses.fields(working.drivers):
        old, new = getattr(working.drivers, f.name), getattr(version.drivers, f.name)
        if old != new:
            sets.append(SetField(EntityKind.DRIVERS, working.id, f.name, old, new))
    return Batch(tuple(inserts + sets + deletes), f"Restore version {label!r}")
