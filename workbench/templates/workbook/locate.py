"""Where things are on a sheet: a cell's address, a table's or grid's header row and
columns (by header text or alias), a grid row (by code, else label). Shared by the reader
and the writer, so both find a colleague's re-laid-out copy the same way."""

from __future__ import annotations

from collections.abc import Callable

from openpyxl.utils import get_column_letter

from workbench.templates.layouts.spec import Grid, Table, normalise
from workbench.templates.workbook.sheets import MAX_COLS, SheetData

HEADER_SCAN_ROWS = 60


def coord(row: int, col: int) -> str:
    return f"{get_column_letter(col)}{row}"


def grid_columns(sheet: SheetData, grid: Grid) -> tuple[int, dict[str, int]]:
    """A grid's header row, and the column of each of its headers the sheet has."""
    wanted = {normalise(h): h for h in grid.headers}
    return _best_header_row(sheet, wanted.get)


def table_columns(sheet: SheetData, table: Table) -> tuple[int, dict[str, int]]:
    """A table's header row, and the column of each column it finds by header or alias
    (a column's own header before any other column's alias)."""
    lookup: dict[str, str] = {}
    for column in table.columns:
        lookup.setdefault(normalise(column.header), column.key)
    for column in table.columns:
        for alias in column.aliases:
            lookup.setdefault(normalise(alias), column.key)
    return _best_header_row(sheet, lookup.get, must=table.key)


def _best_header_row(sheet: SheetData, match: Callable[[str], str | None],
                     must: str = "") -> tuple[int, dict[str, int]]:
    """The row whose cells match most headers (first match wins per key), and its columns."""
    best_row, best = 0, {}
    for r in range(1, min(sheet.max_row, HEADER_SCAN_ROWS) + 1):
        columns: dict[str, int] = {}
        for c, value in sheet.row_cells(r):
            key = match(normalise(value)) if c <= MAX_COLS else None
            if key is not None and key not in columns:
                columns[key] = c
        if (not must or must in columns) and len(columns) > len(best):
            best_row, best = r, columns
    return best_row, best


def find_row(sheet: SheetData, code: str, label: str, header_row: int) -> int | None:
    code_n, label_n = normalise(code), normalise(label)
    by_label = None
    for r in range(header_row + 1, sheet.max_row + 1):
        for c, value in sheet.row_cells(r):
            if c > 4:
                break
            text = normalise(value)
            if text == code_n:
                return r
            if by_label is None and text == label_n:
                by_label = r
    return by_label
