"""Fill a copy of a template (the shipped one, or the user's own annotated copy) and save it
atomically. Only the input cells the spec names are written; everything else in the file
(formulas, styles, validations, comments, hidden sheets, names, protection, macros) is
left exactly as openpyxl loaded it.

Rows are placed by name: a plan row goes back to the row that already holds its name, new
rows fill empty input rows, rows no longer in the plan have their input cells cleared.
A table with a Ref column gets each plan row's reference there (RowValues "_ref", from
the row's id: see row_refs.py), so a row renamed in the app goes back to the row holding
its reference, and an import knows a row renamed in the workbook; empty rows get none.
"""

from __future__ import annotations

import os
import warnings
from collections import defaultdict, deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.workbook import Workbook

from workbench.domain.cell_text import looks_like_formula
from workbench.domain.errors import TemplateError
from workbench.domain.export_files import HELD_FILE_REASON, written_through_temporary
from workbench.templates.layouts.spec import (
    Grid,
    Kind,
    Table,
    TemplateSpec,
    normalise,
    sheet_names_for,
)
from workbench.templates.workbook import styles, xlsx_parts
from workbench.templates.workbook.locate import find_row, grid_columns, table_columns
from workbench.templates.workbook.recognise import label_cell
from workbench.templates.workbook.row_refs import REF
from workbench.templates.workbook.sheets import SheetData, WorkbookData
from workbench.templates.workbook.values import pounds_to_thousands, year_label, yes_no

RowValues = dict[str, Any]
Identity = Callable[[RowValues], tuple]


def to_cell(kind: Kind, value: Any) -> Any:
    """A domain value as the template cell holds it (£000, Y/N, '2016/17' ...)."""
    if value is None:
        return None
    if kind is Kind.MONEY:
        return pounds_to_thousands(value)
    if kind is Kind.BOOL:
        return yes_no(bool(value))
    if kind is Kind.YEAR:
        return year_label(int(getattr(value, "start", value)))
    if kind in (Kind.PERCENT, Kind.NUMBER):
        return int(value) if value == int(value) else float(value)
    if kind is Kind.ENUM or kind is Kind.TEXT:
        return str(value)
    return value


def same_value(shown: Any, value: Any) -> bool:
    """A formula's last result and the plan's value for the cell agree (to rounding)."""
    if isinstance(shown, int | float) and isinstance(value, int | float) and not isinstance(
            shown, bool):
        return abs(shown - value) <= 1e-9 * max(1.0, abs(value))
    return shown == value


def is_formula(cell) -> bool:
    """A live formula (not text that starts with '=', which openpyxl reads as a string)."""
    return cell.data_type == "f" or (
        cell.data_type != "s" and isinstance(cell.value, str) and cell.value.startswith("="))


def write_as_text(cell) -> None:
    """Keep a typed value that looks like a formula as text: a string cell (openpyxl would
    write '=...' as a live formula) with Excel's quote prefix, so editing it keeps it text."""
    cell.data_type = "s"
    cell.quotePrefix = True


def open_for_writing(source: Path, keep_vba: bool | None = None) -> Workbook:
    if keep_vba is None:
        keep_vba = source.suffix.lower() == ".xlsm"
    try:  # through our own handle: openpyxl leaves a path open when loading fails
        with warnings.catch_warnings(), source.open("rb") as handle:
            warnings.simplefilter("ignore")
            return load_workbook(handle, keep_vba=keep_vba, keep_links=True)
    except Exception as exc:  # damaged XML raises many types
        raise TemplateError(f"cannot be opened to write into ({exc})", file=source.name) from exc


def snapshot(ws) -> SheetData:
    """The worksheet's constants and formulas as SheetData, to reuse the reader's locators."""
    data = SheetData(ws.title)
    for (r, c), cell in ws._cells.items():
        if cell.value is not None:
            data.values[(r, c)] = cell.value
            data.max_row = max(data.max_row, r)
    return data


class Filler:
    """Puts the plan's values into a workbook's input cells.

    `cached`: the workbook's values as last calculated (for formulas a user typed into an
    input cell); `notes` collects one warning per formula replaced."""

    def __init__(self, wb: Workbook, spec: TemplateSpec, file: str,
                 cached: WorkbookData | None = None) -> None:
        self.wb, self.spec, self.file, self.cached = wb, spec, file, cached
        self.notes: list[str] = []

    def worksheet(self, name: str):
        wanted = {normalise(n) for n in sheet_names_for(name)}
        for ws in self.wb.worksheets:
            if normalise(ws.title) in wanted:
                return ws
        raise TemplateError(f"the {name} sheet is missing", file=self.file, sheet=name)

    def put(self, ws, r: int, c: int, value: Any) -> None:
        cell = ws.cell(r, c)
        if is_formula(cell):
            shown = self._cached(ws.title, r, c)
            if same_value(shown, value):
                return  # the user's formula gives the plan's figure: it stays
            self.notes.append(f"{ws.title}!{cell.coordinate}: the formula {str(cell.value)[:60]}"
                              f" (showing {shown}) was replaced by the plan's {value}")
            cell.data_type = "n"
        cell.value = value
        if looks_like_formula(value):
            write_as_text(cell)

    def _cached(self, sheet: str, r: int, c: int) -> Any:
        data = self.cached.sheets.get(sheet) if self.cached is not None else None
        return None if data is None else data.value(r, c)

    def cover(self, values: RowValues) -> None:
        ws = self.worksheet("Cover")
        data = snapshot(ws)
        for row in self.spec.cover:
            if row.key in values:
                found = label_cell(data, row.label)
                if found is None:
                    raise TemplateError(f"no '{row.label}' label on the Cover", file=self.file,
                                        sheet=ws.title)
                self.put(ws, *found, to_cell(row.kind, values[row.key]))

    def grid(self, grid: Grid, values: RowValues) -> None:
        ws = self.worksheet(grid.sheet)
        data = snapshot(ws)
        header_row, columns = grid_columns(data, grid)
        for row in grid.rows:
            targets = {h: k for h, k in row.cells.items() if k in values}
            if not targets:
                continue
            r = find_row(data, row.code, row.label, header_row)
            if r is None:
                raise TemplateError(f"no row '{row.code} {row.label}'", file=self.file,
                                    sheet=ws.title)
            for header, key in targets.items():
                if header not in columns:
                    raise TemplateError(f"no column headed '{header}'", file=self.file,
                                        sheet=ws.title)
                self.put(ws, r, columns[header], to_cell(grid.kind_of(row, header), values[key]))

    def table(self, table: Table, rows: list[RowValues], identity: Identity) -> None:
        ws = self.worksheet(table.sheet)
        data = snapshot(ws)
        header_row, columns = table_columns(data, table)
        if table.key not in columns:
            raise TemplateError(f"no column headed '{table.column(table.key).header}'",
                                file=self.file, sheet=ws.title)
        written = [c for c in table.columns if c.held and c.key in columns]
        slots = self._slots(ws, table, header_row, columns)
        inside = self._inserted(ws, columns[table.key], slots)
        by_identity: dict[tuple, deque[int]] = defaultdict(deque)
        for r in slots + inside:
            existing = {c.key: data.value(r, columns[c.key]) for c in written}
            if existing.get(table.key) not in (None, ""):
                by_identity[identity(existing)].append(r)
        placed: dict[int, RowValues] = {}
        pending = []
        kinds = {c.key: c.kind for c in table.columns}
        for values in rows:
            pool = by_identity.get(identity({
                k: to_cell(kinds[k] if k in kinds else table.column(k).kind, v)
                for k, v in values.items() if k != REF}))
            if pool:
                placed[pool.popleft()] = values
            else:
                pending.append(values)
        stale = [r for pool in by_identity.values() for r in pool  # names gone from the plan
                 if r not in inside]  # (a row inserted by hand is never reused or cleared)
        pending = self._renamed(data, columns, stale, pending, placed)
        empty = [r for r in slots if data.value(r, columns[table.key]) in (None, "")]
        stale = [r for r in stale if r not in placed]
        free = iter(empty + sorted(stale))
        for values in pending:
            r = next(free, None)
            if r is None:
                raise TemplateError(
                    f"has room for {len(slots)} rows; the plan needs {len(rows)}. Add input "
                    f"rows inside the table (up to row {xlsx_parts.MAX_ROWS:,}, the last an "
                    "import reads) and export into that copy", file=self.file, sheet=ws.title)
            placed[r] = values
        refs = columns.get(REF) if any(c.key == REF for c in table.columns) else None
        for r in slots + [r for r in inside if r in placed]:
            values = placed.get(r)
            for column in written:
                value = None if values is None else to_cell(column.kind, values.get(column.key))
                if values is None and data.value(r, columns[column.key]) is None:
                    continue
                self.put(ws, r, columns[column.key], value)
            if refs is not None:
                ref = None if values is None else values.get(REF)
                if ref is not None or data.value(r, refs) is not None:
                    self.put(ws, r, refs, ref)

    @staticmethod
    def _renamed(data: SheetData, columns: dict[str, int], stale: list[int],
                 pending: list[RowValues], placed: dict[int, RowValues]) -> list[RowValues]:
        """Place each plan row whose name is not in the workbook in the row holding its
        reference (renamed in the app); the rest are returned, still to be placed."""
        col = columns.get(REF)
        if col is None:
            return pending
        by_ref = {str(data.value(r, col)).strip().upper(): r for r in stale
                  if data.value(r, col) not in (None, "")}
        left = []
        for values in pending:
            r = by_ref.pop(str(values.get(REF) or "").upper(), None)
            if r is None:
                left.append(values)
            else:
                placed[r] = values
        return left

    def _inserted(self, ws, col: int, slots: list[int]) -> list[int]:
        """Rows inserted by hand inside the table (between its first and last input rows,
        without the input format) that hold a name: the import reads them, so a plan row
        of that name goes back there rather than into a second row."""
        if not slots:
            return []
        out = []
        taken = set(slots)
        for r in range(slots[0], slots[-1] + 1):
            cell = ws.cell(r, col)
            if r not in taken and cell.value not in (None, "") and not is_formula(cell):
                out.append(r)
        return out

    def _slots(self, ws, table: Table, header_row: int, columns: dict[str, int]) -> list[int]:
        """Rows below the header whose key cell is an input (unlocked, not a formula)."""
        col = columns[table.key]
        last = min(max(ws.max_row, header_row + 1), xlsx_parts.MAX_ROWS)  # as import reads
        out = []
        for r in range(header_row + 1, last + 1):
            cell = ws.cell(r, col)
            if styles.is_input_style(cell) and not is_formula(cell):
                out.append(r)
        return out


def check_target(out: Path) -> None:
    """Refuse early, in one sentence, when the target cannot be replaced."""
    name = out.name
    if not out.parent.is_dir():
        raise TemplateError(f"the folder {out.parent} does not exist", file=name)
    if not os.access(out.parent, os.W_OK):
        raise TemplateError(f"the folder {out.parent} is read-only", file=name)
    if out.exists() and not os.access(out, os.W_OK):
        raise TemplateError("the file is read-only; choose another name or make it writable",
                            file=name)
    if (out.parent / f"~${name}").exists() or (out.parent / f".~lock.{name}#").exists():
        raise TemplateError("is open in Excel (or LibreOffice): close it in Excel and try again",
                            file=name)


def save_atomically(wb: Workbook, out: Path) -> None:
    """Write a temporary file beside the target, then swap it in: never a half-written file."""
    try:
        with written_through_temporary(out) as temporary:
            wb.save(temporary)
    except PermissionError as exc:
        raise TemplateError(HELD_FILE_REASON, file=out.name) from exc
    except OSError as exc:
        raise TemplateError(f"cannot be written ({exc.strerror or exc})", file=out.name) from exc
