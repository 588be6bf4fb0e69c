"""Read a template's cells into typed values, locating rows by code/label and columns by
header text; every unreadable cell becomes a Finding with its address, none stops the read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from openpyxl.utils import get_column_letter

from workbench.templates.layouts.spec import (
    MONEY_LIMIT,
    Column,
    Grid,
    Kind,
    Table,
    TemplateSpec,
    normalise,
)
from workbench.templates.report.findings import Findings
from workbench.templates.workbook import values as v
from workbench.templates.workbook import xlsx_parts
from workbench.templates.workbook.locate import coord, find_row, grid_columns, table_columns
from workbench.templates.workbook.recognise import label_cell
from workbench.templates.workbook.sheets import SheetData, WorkbookData

CONVERT: dict[Kind, Callable[[object], object]] = {
    Kind.TEXT: v.parse_text, Kind.ENUM: v.parse_text, Kind.MONEY: v.thousands_to_pounds,
    Kind.PERCENT: v.parse_percent, Kind.NUMBER: v.parse_number, Kind.INT: v.parse_int,
    Kind.BOOL: v.parse_bool, Kind.DATE: v.parse_date, Kind.YEAR: v.parse_year,
}
TOTAL_WORDS = {"total", "subtotal", "grandtotal"}
RANGED = (Kind.MONEY, Kind.NUMBER, Kind.PERCENT, Kind.INT)
MONEY_LIMIT_POUNDS = MONEY_LIMIT * 1000  # pounds are £000 exactly: the same range, no division


class CellRead(NamedTuple):
    """One cell as read (immutable; a named tuple: built for every cell of every table, at a
    third of a frozen dataclass's cost)."""

    value: object  # typed; None when blank or unreadable
    coord: str
    raw: object = None


@dataclass
class RowRead:
    row: int
    cells: dict[str, CellRead]
    calc: dict[str, CellRead] = field(default_factory=dict)  # formula columns, as calculated

    def get(self, key: str, default: object = None) -> object:
        cell = self.cells.get(key)
        return default if cell is None or cell.value is None else cell.value


@dataclass
class TableRead:
    sheet: str
    rows: list[RowRead]
    present: set[str]  # held keys whose column was found
    columns: dict[str, int]
    header_row: int
    totals: dict[str, CellRead] = field(default_factory=dict)


@dataclass
class GridRead:
    sheet: str
    cells: dict[str, CellRead]  # held key -> cell
    calc: dict[tuple[str, str], CellRead]  # (code, header) -> formula cell as calculated


class SheetReader:
    """Reads one workbook against one spec, recording findings as it goes."""

    def __init__(self, book: WorkbookData, spec: TemplateSpec, findings: Findings) -> None:
        self.book, self.spec, self.findings = book, spec, findings

    def sheet(self, name: str) -> SheetData | None:
        found = self.book.find(name)
        if found is None:
            self.findings.problem(f"the {name} sheet is missing", sheet=name)
        elif found.truncated:
            last = xlsx_parts.MAX_ROWS
            self.findings.problem(f"the {name} sheet has values below row {last:,}, the last "
                                  "an import (and an export) uses; remove or move them",
                                  sheet=found.name, cell=f"{last + 1}:{last + 1}")
        return found

    def typed(self, sheet: SheetData, row: int, col: int, kind: Kind, label: str,
              low: float | None = None, high: float | None = None, *,
              non_negative: bool = False, where: str = "") -> CellRead:
        """The cell's value converted for `kind`; a problem (and None) if it cannot be, or if
        it is outside the range the template's validation allows (`low`..`high`, by default
        plus or minus MONEY_LIMIT as the template shows it). With `non_negative`, a value
        below 0 is a warning: the template expects 0 or more, but the plan can hold it.
        `where`: the cell's address, when the caller has it already."""
        where = where or coord(row, col)
        raw = sheet.values.get((row, col))
        if raw is None and (formula := sheet.formulas.get((row, col))):
            self.findings.problem(f"{label} holds a formula whose result was not saved; open and"
                                  " save the workbook in Excel or LibreOffice, or type the value",
                                  sheet.name, where)
            return CellRead(None, where, formula)
        unit = " (£000)" if kind is Kind.MONEY else ""
        try:
            value = CONVERT[kind](raw)
        except ValueError as exc:
            self.findings.problem(f"{label}{unit} {exc}", sheet.name, where)
            return CellRead(None, where, raw)
        if value is None or kind not in RANGED:
            return CellRead(value, where, raw)
        if (kind is Kind.MONEY and low is None and high is None
                and -MONEY_LIMIT_POUNDS <= value <= MONEY_LIMIT_POUNDS  # type: ignore[operator]
                and not (non_negative and value < 0)):  # type: ignore[operator]
            return CellRead(value, where, raw)  # most cells: money in range, nothing to say
        shown = value / 1000 if kind is Kind.MONEY else value
        lo = -MONEY_LIMIT if low is None else low
        hi = MONEY_LIMIT if high is None else high
        if not lo <= shown <= hi:
            self.findings.problem(f"{label}{unit} {_shown(kind, shown)} is outside the range "
                                  f"the template allows ({_shown(kind, lo)} to "
                                  f"{_shown(kind, hi)})", sheet.name, where)
            return CellRead(None, where, raw)
        if non_negative and shown < 0:
            self.findings.warning(f"{label}{unit} {_shown(kind, shown)} is negative where "
                                  "the template expects 0 or more; it is imported as "
                                  "typed", sheet.name, where)
        return CellRead(value, where, raw)

    def calculated(self, sheet: SheetData, row: int, col: int, label: str) -> CellRead:
        """A formula cell's last calculated value; errors like #REF! are reported."""
        raw, where = sheet.value(row, col), coord(row, col)
        err = v.error_value(raw) or (
            "#REF!" if "#REF!" in (sheet.formula(row, col) or "").upper() else None)
        if err == "#REF!":
            self.findings.problem(f"{label} shows #REF!: a formula refers to deleted cells",
                                  sheet.name, where)
        elif err:
            self.findings.warning(f"{label} shows the error {err}", sheet.name, where)
        return CellRead(None if err else raw, where, raw)

    # -- cover -------------------------------------------------------------------------
    def cover(self) -> dict[str, CellRead]:
        sheet = self.sheet("Cover")
        out: dict[str, CellRead] = {}
        if sheet is None:
            return out
        for row in self.spec.cover:
            if not row.key or row.formula:
                continue
            found = label_cell(sheet, row.label)
            if found is None:
                if row.required:
                    self.findings.problem(f"no '{row.label}' label on the Cover", sheet.name, "B:B")
                continue
            out[row.key] = self.typed(sheet, *found, row.kind, row.label)
        return out

    # -- grids -------------------------------------------------------------------------
    def grid(self, grid: Grid) -> GridRead | None:
        sheet = self.sheet(grid.sheet)
        if sheet is None:
            return None
        header_row, columns = grid_columns(sheet, grid)
        out = GridRead(sheet.name, {}, {})
        for row in grid.rows:
            held = {h: k for h, k in row.cells.items() if k}  # "_" keys: read for checks only
            r = find_row(sheet, row.code, row.label, header_row)
            if r is None:
                if any(not k.startswith("_") for k in held.values()):
                    self.findings.problem(f"no row '{row.code} {row.label}' on the {grid.sheet} "
                                          "sheet", sheet.name, "A:B")
                continue
            for header, key in held.items():
                col = columns.get(header)
                if col is None and key.startswith("_"):
                    continue
                if col is None:
                    self.findings.problem(f"no column headed '{header}' on the {grid.sheet} sheet",
                                          sheet.name, f"{header_row}:{header_row}")
                    continue
                out.cells[key] = self.typed(sheet, r, col, grid.kind_of(row, header),
                                            f"{row.label} ({header})",
                                            non_negative=row.non_negative)
            for header in row.formulas:
                if header in columns:
                    out.calc[(row.code, header)] = self.calculated(sheet, r, columns[header],
                                                                   row.label)
        return out

    # -- tables ------------------------------------------------------------------------
    def table(self, table: Table) -> TableRead | None:
        sheet = self.sheet(table.sheet)
        if sheet is None:
            return None
        header_row, columns = table_columns(sheet, table)
        key_col = table.column(table.key)
        if table.key not in columns:
            self.findings.problem(f"no column headed '{key_col.header}' on the {table.sheet} "
                                  "sheet", sheet.name, "1:1")
            return None
        held = [c for c in table.columns if c.held]
        for column in held:
            if column.key not in columns:
                severity = self.findings.problem if column.required else self.findings.warning
                severity(f"no column headed '{column.header}'; "
                         + ("it is required" if column.required else "those values are not read"),
                         sheet.name, f"{header_row}:{header_row}")
        read = TableRead(sheet.name, [], {c.key for c in held if c.key in columns}, columns,
                         header_row)
        present = [(c, columns[c.key], get_column_letter(columns[c.key]), _quick(c))
                   for c in table.columns if c.held and c.key in columns]
        formulas = [c for c in table.columns if c.formula and c.key in columns]
        inputs = input_rows(sheet, columns[table.key])  # once per table, not per row
        for r in range(header_row + 1, sheet.max_row + 1):
            row = self._table_row(sheet, table, r, columns, present, formulas, inputs)
            if row is not None:
                read.rows.append(row)
        read.totals = self._totals(sheet, table, header_row, columns)
        return read

    def _table_row(self, sheet: SheetData, table: Table, r: int, columns: dict[str, int],
                   held: list[tuple[Column, int, str, Quick | None]], formulas: list[Column],
                   inputs: tuple[int, int] | None = None) -> RowRead | None:
        """`held`: the table's held columns that are present, each with its column number,
        letter and quick typing (_quick); `formulas`: its formula columns that are present
        (worked out once per table, not per row: a long table has tens of thousands of
        cells)."""
        values = sheet.values
        raw = {c.key: values.get((r, col)) for c, col, _, _ in held}
        filled = [k for k, value in raw.items()
                  if value is not None and not (isinstance(value, str) and not value.strip())]
        if not filled:
            return None
        name_col = columns[table.key]
        name = raw.get(table.key)
        if v.is_blank(name):
            what = table.column(table.key).header
            if any(table.column(k).kind in (Kind.MONEY, Kind.NUMBER) for k in filled):
                self.findings.problem(f"row {r} has figures but no {what}", sheet.name,
                                      coord(r, name_col))
            else:
                self.findings.warning(f"row {r} has entries but no {what}; it is skipped",
                                      sheet.name, coord(r, name_col))
            return None
        if normalise(name) in TOTAL_WORDS:
            return None
        if filled == [table.key]:
            self.findings.warning(f"{v.show(name)} has nothing else on its row; read as a note "
                                  "and skipped", sheet.name, coord(r, name_col))
            return None
        if inputs and not inputs[0] <= r <= inputs[1]:
            self.findings.problem(
                f"{v.show(name)} is outside the table's input rows ({inputs[0]} to "
                f"{inputs[1]}), so it is not read; move it into an empty input row",
                sheet.name, coord(r, name_col))
            return None
        row = RowRead(r, {})
        cells, number = row.cells, str(r)
        for column, col, letter, quick in held:
            if quick is not None and (value := quick(raw[column.key])) is not SLOW:
                cells[column.key] = CellRead(value, letter + number, raw[column.key])
                continue  # typed, in range, nothing to report: as self.typed would read it
            cell = self.typed(sheet, r, col, column.kind, column.header, column.low,
                              column.high, non_negative=column.non_negative,
                              where=letter + number)
            cells[column.key] = cell
            if cell.value is None and column.required and cell.raw is None:
                self.findings.problem(f"{column.header} is empty", sheet.name, cell.coord)
        if row.cells[table.key].value is None:  # unreadable (e.g. #N/A): already a problem
            return None
        for column in formulas:
            row.calc[column.key] = self.calculated(sheet, r, columns[column.key], column.header)
        return row

    def _totals(self, sheet: SheetData, table: Table, header_row: int,
                columns: dict[str, int]) -> dict[str, CellRead]:
        for r in range(header_row - 1, max(header_row - 4, 0), -1):
            if any(isinstance(x, str) and normalise(x) in TOTAL_WORDS
                   for c, x in sheet.row_cells(r) if c <= 3):
                return {c.key: self.calculated(sheet, r, columns[c.key], f"Total {c.header}")
                        for c in table.columns if c.total and c.key in columns}
        return {}


SLOW = object()  # a quick typing's answer when the cell needs SheetReader.typed
Quick = Callable[[object], object]


def _quick(column: Column) -> Quick | None:
    """For the kinds of most cells of a long table, the typed value of a plain cell (text
    with no error in it; a number, or £000, inside the template's range) without typed's
    checks, which could find nothing to say about it; SLOW for any other cell."""
    if column.kind in (Kind.TEXT, Kind.ENUM):
        return _quick_text
    if column.kind not in (Kind.MONEY, Kind.NUMBER) or column.low is not None \
            or column.high is not None:
        return None
    convert = CONVERT[column.kind]
    least = 0 if column.non_negative else -MONEY_LIMIT  # below 0: typed's warning

    def quick_number(raw: object) -> object:
        kind = type(raw)  # an int or float inside the range stays inside it as a Decimal
        if (kind is int or kind is float) and least <= raw <= MONEY_LIMIT:  # type: ignore[operator]
            return convert(raw)
        return SLOW

    return quick_number


def _quick_text(raw: object) -> object:
    if type(raw) is str and "#" not in raw:  # "#": maybe an error value (#N/A ...)
        return raw.strip()
    return SLOW


def _shown(kind: Kind, number: object) -> str:
    if kind is Kind.PERCENT:
        return f"{v.show_number(Decimal(str(number)) * 100)}%"
    return v.show_number(number)  # type: ignore[arg-type]


def input_rows(sheet: SheetData, col: int) -> tuple[int, int] | None:
    """The first and last row whose cell in `col` is an input (unlocked); None if the sheet
    marks no input cells there (a copy without protection settings)."""
    rows = [r for r, c in sheet.unlocked if c == col]
    return (min(rows), max(rows)) if rows else None


def check_unique(read: TableRead, keys: tuple[str, ...], what: str,
                 findings: Findings) -> None:
    """A Problem naming both cells when two rows carry the same name (or key pair): each
    row is one scheme, risk ... and would otherwise be counted twice."""
    seen: dict[tuple[str, ...], RowRead] = {}
    for row in read.rows:
        ident = tuple(" ".join(str(row.get(k) or "").split()).casefold() for k in keys)
        first = seen.setdefault(ident, row)
        if first is not row:
            here, there = row.cells[keys[-1]].coord, first.cells[keys[-1]].coord
            findings.problem(f"{what} {v.show(row.get(keys[-1]))} is on two rows, {there} and "
                             f"{here}; keep one (each row is counted)", read.sheet, here)
