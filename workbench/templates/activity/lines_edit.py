"""The Activity Plan workbook as one edit of the plan's activity lines for its year.

A line in the workbook matches the plan's line for the same provider, measure and year
(read_activity keeps that line's id and what the sheet cannot carry); matched lines get
one SetField per changed field, new lines are inserted, and the year's lines missing from
the workbook are removed. Other years' lines are never touched.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from workbench.domain.activity import ActivityLine
from workbench.domain.edits import Batch, DeleteRows, Edit, EntityKind, InsertRows, SetField
from workbench.domain.plan import Plan
from workbench.templates.report.preview import FieldChange, Preview, RowChange

# the workbook does not carry a line's source: importing it keeps the plan's
COMPARED = tuple(f.name for f in dataclasses.fields(ActivityLine)
                 if f.name not in ("id", "source"))


def line_name(line: ActivityLine) -> str:
    return f"{line.measure.value}, {line.provider_name or line.provider}"


def activity_edit(current: Plan, lines: Sequence[ActivityLine], year: int,
                  label: str) -> tuple[Batch, Preview]:
    """The edit that makes `year`'s activity lines equal to `lines`, and its preview."""
    preview = Preview()
    existing = {x.id: x for x in current.activity_lines if x.year == year}
    edits: list[Edit] = []
    inserts: list[ActivityLine] = []
    seen: set[int] = set()
    for line in lines:
        old = existing.get(line.id) if line.id is not None else None
        if old is None:
            inserts.append(dataclasses.replace(line, id=None))
            preview.added.append(RowChange(EntityKind.ACTIVITY_LINE, line_name(line)))
            continue
        seen.add(old.id)
        changes = [FieldChange(name, getattr(old, name), getattr(line, name))
                   for name in COMPARED if getattr(old, name) != getattr(line, name)]
        if changes:
            edits += [SetField(EntityKind.ACTIVITY_LINE, old.id, c.field, c.old, c.new)
                      for c in changes]
            preview.changed.append(
                RowChange(EntityKind.ACTIVITY_LINE, line_name(line), changes=tuple(changes)))
    gone = tuple(x for key, x in existing.items() if key not in seen)
    if gone:
        edits.append(DeleteRows(EntityKind.ACTIVITY_LINE, gone))
        preview.removed += [RowChange(EntityKind.ACTIVITY_LINE, line_name(x)) for x in gone]
    if inserts:
        edits.append(InsertRows(EntityKind.ACTIVITY_LINE, tuple(inserts)))
    return Batch(tuple(edits), label), preview
