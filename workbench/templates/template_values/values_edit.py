"""A workbook's template values as one edit of the plan's values for that template.

Values match by where they sit (sheet, row, column): a changed text is a SetField, a new
cell an insert, a cell no longer in the workbook (a removed BCF scheme) a delete. Only
this template's values are touched. The Cover's Version, Date and Signed off by holding
the timetable's text (or nothing) are not typed values (cover_timetable.py): not kept.
The preview groups cells by sheet and row, so a colleague's new scheme reads as one added
row, not nine added cells.
"""

from __future__ import annotations

from collections import defaultdict

from workbench.domain.edits import Batch, DeleteRows, Edit, EntityKind, InsertRows, SetField
from workbench.domain.plan import Plan
from workbench.domain.template_values import COVER, TemplateValue
from workbench.templates.layouts.spec import Grid, TemplateSpec
from workbench.templates.report.preview import FieldChange, Preview, RowChange
from workbench.templates.template_values.cover_timetable import untyped
from workbench.templates.template_values.fill_and_compare import ValuesRead

KIND = EntityKind.TEMPLATE_VALUE
Group = tuple[str, str]  # (sheet, row)


def values_edit(current: Plan, spec: TemplateSpec, read: ValuesRead,
                label: str) -> tuple[Batch, Preview]:
    """The edit that makes the plan's values for `spec` equal to `read`, and its preview."""
    existing: dict[tuple[str, str, str], TemplateValue] = {}
    duplicates: list[TemplateValue] = []
    for value in current.template_values:
        if value.template != spec.kind:
            continue
        if value.key in existing:
            duplicates.append(value)  # never made by an import; removed by the next one
        else:
            existing[value.key] = value
    edits: list[Edit] = []
    inserts: list[TemplateValue] = []
    changes: dict[Group, list[FieldChange]] = defaultdict(list)
    state: dict[Group, set[str]] = defaultdict(set)  # "new", "kept", "gone"
    for value in read.values:
        group, old = (value.sheet, value.row), existing.pop(value.key, None)
        if untyped(current, spec.kind, value.key, value.value) and (
                old is None or untyped(current, spec.kind, old.key, old.value)):
            continue  # the timetable's own Cover text: nothing typed to keep or change
        if old is None:
            inserts.append(value)
            state[group].add("new")
            changes[group].append(FieldChange(value.column, None, value.value))
            continue
        state[group].add("kept")
        if old.value != value.value:
            assert old.id is not None
            edits.append(SetField(KIND, old.id, "value", old.value, value.value))
            changes[group].append(FieldChange(value.column, old.value, value.value))
    gone = [*existing.values(), *duplicates]
    for value in gone:
        group = (value.sheet, value.row)
        state[group].add("gone")
        changes[group].append(FieldChange(value.column, value.value, None))
    if inserts:
        edits.append(InsertRows(KIND, tuple(inserts)))
    if gone:
        edits.append(DeleteRows(KIND, tuple(gone)))
    return Batch(tuple(edits), label), _preview(spec, read, changes, state)


def _preview(spec: TemplateSpec, read: ValuesRead, changes: dict[Group, list[FieldChange]],
             state: dict[Group, set[str]]) -> Preview:
    preview = Preview()
    names = _row_names(spec)
    where = {}
    for key, cell in read.where.items():
        where.setdefault(key[:2], cell)
    for group, fields in changes.items():
        shown = tuple(c for c in fields if not (c.old in (None, "") and c.new in (None, "")))
        name = names.get(group, f"{group[0]}: {group[1]}")
        if state[group] == {"new"}:
            preview.added.append(RowChange(KIND, name, where.get(group, ""), shown))
        elif state[group] == {"gone"}:
            preview.removed.append(RowChange(KIND, name, "", shown))
        else:
            preview.changed.append(RowChange(KIND, name, where.get(group, ""), tuple(fields)))
    return preview


def _row_names(spec: TemplateSpec) -> dict[Group, str]:
    """Readable names of grid rows ('Metrics: NEA1 Baseline (2015/16)') and the Cover; a
    table row is named by its sheet and key."""
    names = {("Cover", COVER): "Cover"}
    for part in spec.sheets:
        if isinstance(part, Grid):
            names |= {(part.sheet, row.code): f"{part.sheet}: {row.code} {row.label}"
                      for row in part.rows}
    return names
