"""Keeping a table model's own copy of a plan list in step with the plan, telling Qt first.

The model reads its own list. When the plan's list changes, removals, insertions and (rarely)
reorderings are announced with begin*/end* around the change to the model's list, so views
keep selections, the current cell and the sorted order; only a replaced plan resets.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex


def runs_of(positions: list[int]) -> list[tuple[int, int]]:
    """[1, 2, 3, 7] -> [(1, 3), (7, 7)]."""
    runs: list[tuple[int, int]] = []
    for p in sorted(positions):
        if runs and p == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], p)
        else:
            runs.append((p, p))
    return runs


def sync_rows(model: QAbstractItemModel, mine: list[Any], plan: list[Any]) -> bool:
    """Make `mine` equal `plan` (rows matched by id), announcing each change to `model`.
    Returns False when the order changed in a way only a reset can tell (then nothing
    was changed and the caller resets)."""
    parent = QModelIndex()
    wanted = {row.id for row in plan}
    gone = [i for i, row in enumerate(mine) if row.id not in wanted]
    for first, last in reversed(runs_of(gone)):
        model.beginRemoveRows(parent, first, last)
        del mine[first:last + 1]
        model.endRemoveRows()
    have = {row.id for row in mine}
    kept = [row.id for row in plan if row.id in have]
    if kept != [row.id for row in mine]:
        return False
    i = 0
    while i < len(plan):
        if i < len(mine) and mine[i].id == plan[i].id:
            mine[i] = plan[i]  # the same row; the plan may hold a fresh copy
            i += 1
            continue
        end = i
        while end < len(plan) and plan[end].id not in have:
            end += 1
        model.beginInsertRows(parent, i, end - 1)
        mine[i:i] = plan[i:end]
        model.endInsertRows()
        i = end
    return True


def sync_keeping_order(model: QAbstractItemModel, mine: list[Any], plan: list[Any]) -> None:
    """Make `mine` hold `plan`'s rows (matched by id) without reordering it: rows gone are
    removed, the plan's fresh copies take their rows' places, and new rows are added at
    the end (a sorted table: its rows stay put until it is sorted again)."""
    parent = QModelIndex()
    wanted = {row.id: row for row in plan}
    gone = [i for i, row in enumerate(mine) if row.id not in wanted]
    for first, last in reversed(runs_of(gone)):
        model.beginRemoveRows(parent, first, last)
        del mine[first:last + 1]
        model.endRemoveRows()
    mine[:] = [wanted[row.id] for row in mine]
    have = {row.id for row in mine}
    new = [row for row in plan if row.id not in have]
    if new:
        model.beginInsertRows(parent, len(mine), len(mine) + len(new) - 1)
        mine.extend(new)
        model.endInsertRows()
