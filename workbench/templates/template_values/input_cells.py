"""Every input cell of a template, read as exact text with its kind checked.

The SRG resilience and BCF workbooks' cells that the plan does not model travel this way
(domain/template_values.py). Cells are found as the reader finds them: Cover fields by
label, grid rows by code or label, table rows by their key text, columns by header text
(or a known alias), so a colleague's copy with moved rows, inserted notes or an extra
column still reads. Each cell is checked for its kind (numbers as people type them,
percents, dates, Y/N, a choice from the template's lists) and the range the template's
own validation allows; every problem is a Finding naming the sheet and cell.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from decimal import Decimal

from openpyxl.utils import get_column_letter

from workbench.domain.template_values import COVER
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
from workbench.templates.template_values.cell_text import plain_kind, to_text
from workbench.templates.workbook.locate import coord, find_row, grid_columns, table_columns
from workbench.templates.workbook.reader import TOTAL_WORDS, SheetReader
from workbench.templates.workbook.recognise import label_cell
from workbench.templates.workbook.sheets import SheetData, WorkbookData
from workbench.templates.workbook.values import (
    CellValueError,
    is_blank,
    parse_text,
)

CellKey = tuple[str, str, str]  # (sheet, row, column), as TemplateValue.key
NUMBERS = (Kind.NUMBER, Kind.PERCENT, Kind.INT)


@dataclass(frozen=True)
class InputCell:
    """One input cell as read: `text` is its exact text ("" when blank) or None when it
    could not be read (a Problem was recorded); `value` the typed value behind the text."""

    key: CellKey
    kind: Kind
    text: str | None
    value: object
    sheet_name: str  # the workbook's own name for the sheet
    coord: str
    label: str  # for messages: "G&A core beds available (Apr-16)"
    required: bool = False

    @property
    def blank(self) -> bool:
        return self.text == ""

    @property
    def where(self) -> str:
        return f"{self.sheet_name}!{self.coord}"


# -- reading -----------------------------------------------------------------------------
class InputReader:
    """Reads the input cells of one workbook against one spec, recording findings."""

    def __init__(self, book: WorkbookData, spec: TemplateSpec, findings: Findings) -> None:
        self.book, self.spec, self.findings = book, spec, findings
        self.reader = SheetReader(book, spec, findings)

    def read(self) -> list[InputCell]:
        cells = self._cover()
        for part in self.spec.sheets:
            sheet = self.reader.sheet(part.sheet)
            if sheet is None:
                continue
            cells += self._grid(sheet, part) if isinstance(part, Grid) else self._table(sheet, part)
        inputs = {c.where for c in cells}
        for name in ("Cover", *(p.sheet for p in self.spec.sheets), "Checklist"):
            sheet = self.book.find(name)
            if sheet is not None:
                self._formulas(sheet, inputs)
        return cells

    def _cell(self, sheet: SheetData, key: CellKey, r: int, c: int, kind: Kind, label: str, *,
              choices: str = "", required: bool = False, low: float | None = None,
              high: float | None = None, non_negative: bool = False) -> InputCell:
        read = self.reader.typed(sheet, r, c, plain_kind(kind), label,
                                 non_negative=non_negative)
        value, text = read.value, None
        if is_blank(read.raw) and value in (None, ""):
            value, text = None, ""
        elif value is not None:
            text = to_text(kind, value)
        if text and choices and kind in (Kind.ENUM, Kind.TEXT):
            text = value = self._choice(sheet, read.coord, label, choices, text)
        if isinstance(value, Decimal) and text:  # the range the workbook's validation allows
            lo = -MONEY_LIMIT if low is None else low
            hi = MONEY_LIMIT if high is None else high
            if not lo <= value <= hi:
                self.findings.problem(f"{label} {value:,} is outside the range the template "
                                      f"allows ({lo:,} to {hi:,})", sheet.name, read.coord)
                text = None
        return InputCell(key, kind, text, value, sheet.name, read.coord, label, required)

    def _choice(self, sheet: SheetData, where: str, label: str, choices: str,
                text: str) -> str | None:
        allowed = self.spec.lists.get(choices, ())
        found = next((x for x in allowed if normalise(x) == normalise(text)), None)
        if found is None:
            self.findings.problem(f"{label} {text!r} is not one of: {', '.join(allowed)}",
                                  sheet.name, where)
        return found

    def _cover(self) -> list[InputCell]:
        sheet = self.reader.sheet("Cover")
        if sheet is None:
            return []
        out = []
        for row in self.spec.cover:
            if row.formula or row.value is not None:
                continue
            found = label_cell(sheet, row.label)
            if found is None:
                report = self.findings.problem if row.required else self.findings.warning
                report(f"no '{row.label}' label on the Cover", sheet.name, "B:B")
                continue
            out.append(self._cell(sheet, ("Cover", COVER, row.key or row.label), *found,
                                  row.kind, row.label, choices=row.choices,
                                  required=row.required))
        return out

    def _grid(self, sheet: SheetData, grid: Grid) -> list[InputCell]:
        header_row, columns = grid_columns(sheet, grid)
        inputs = [h for h in grid.headers if any(h in row.cells for row in grid.rows)]
        for header in inputs:
            if header not in columns:
                self.findings.problem(f"no column headed '{header}' on the {grid.sheet} sheet",
                                      sheet.name, f"{header_row}:{header_row}")
        out = []
        for row in grid.rows:
            if not row.cells:
                continue
            r = find_row(sheet, row.code, row.label, header_row)
            if r is None:
                required = any(row.is_required(h) for h in row.cells)
                report = self.findings.problem if required else self.findings.warning
                report(f"no row '{row.code} {row.label}' on the {grid.sheet} sheet"
                       + ("" if required else "; its cells are not read"), sheet.name, "A:B")
                continue
            out += [self._cell(sheet, (grid.sheet, row.code, header), r, columns[header],
                               grid.kind_of(row, header), f"{row.label} ({header})",
                               choices=grid.choices.get(header, row.choices),
                               required=row.is_required(header),
                               non_negative=row.non_negative)
                    for header in row.cells if header in columns]
        return out

    def _table(self, sheet: SheetData, table: Table) -> list[InputCell]:
        header_row, columns = table_columns(sheet, table)
        key = table.column(table.key)
        if table.key not in columns:
            self.findings.problem(f"no column headed '{key.header}' on the {table.sheet} sheet",
                                  sheet.name, "1:1")
            return []
        inputs = [c for c in table.columns if c.is_input and c.key != table.key]
        for column in inputs:
            if column.key not in columns:
                report = self.findings.problem if column.required else self.findings.warning
                report(f"no column headed '{column.header}'; "
                       + ("it is required" if column.required else "its cells are not read"),
                       sheet.name, f"{header_row}:{header_row}")
        rows = (self._listed_rows(sheet, table, header_row, columns, inputs)
                if isinstance(key.prefill, tuple) else
                self._typed_rows(sheet, table, header_row, columns))
        return [self._cell(sheet, (table.sheet, name, c.header), r, columns[c.key], c.kind,
                           f"{c.header} ({name})", choices=c.choices, required=c.required,
                           low=c.low, high=c.high, non_negative=c.non_negative)
                for name, r in rows for c in inputs if c.key in columns]

    def _listed_rows(self, sheet: SheetData, table: Table, header_row: int,
                     columns: dict[str, int], inputs: list[Column]) -> list[tuple[str, int]]:
        """Rows whose key is one of the template's pre-filled names (areas, conditions)."""
        names = table.column(table.key).prefill
        wanted = {normalise(n): n for n in names}
        col, found = columns[table.key], {}
        for r in range(header_row + 1, sheet.max_row + 1):
            name = wanted.get(normalise(sheet.value(r, col)))
            if name is None:
                continue
            if name in found:
                self.findings.warning(f"{name!r} is on rows {found[name]} and {r}; row "
                                      f"{found[name]} is read", sheet.name, coord(r, col))
                continue
            found[name] = r
        required = any(c.required for c in inputs)
        for name in names:
            if name not in found:
                report = self.findings.problem if required else self.findings.warning
                letter = get_column_letter(col)
                report(f"no row '{name}' on the {table.sheet} sheet", sheet.name,
                       f"{letter}:{letter}")
        return [(name, found[name]) for name in names if name in found]

    def _typed_rows(self, sheet: SheetData, table: Table, header_row: int,
                    columns: dict[str, int]) -> list[tuple[str, int]]:
        """Rows typed by the user, named by their key cell (BCF schemes)."""
        present = [c for c in table.columns if c.is_input and c.key in columns]
        col, what = columns[table.key], table.column(table.key).header
        seen: dict[str, int] = {}
        out = []
        for r in range(header_row + 1, sheet.max_row + 1):
            filled = [c for c in present if not is_blank(sheet.value(r, columns[c.key]))]
            if not filled:
                continue
            raw, where = sheet.value(r, col), coord(r, col)
            if is_blank(raw):
                if any(c.kind in NUMBERS for c in filled):
                    self.findings.problem(f"row {r} has figures but no {what}", sheet.name, where)
                else:
                    self.findings.warning(f"row {r} has entries but no {what}; it is skipped",
                                          sheet.name, where)
                continue
            try:
                name = parse_text(raw)
            except CellValueError as exc:
                self.findings.problem(f"{what} {exc}", sheet.name, where)
                continue
            if normalise(name) in TOTAL_WORDS:
                continue
            if {c.key for c in filled} <= {table.key, *table.identity}:
                self.findings.warning(f"{name!r} has nothing else on its row; read as a note "
                                      "and skipped", sheet.name, where)
                continue
            name = self._identity(sheet, table, columns, r, name)
            if name is None:
                continue
            if name.casefold() in seen:
                named = " and ".join([what, *(table.column(k).header for k in table.identity)])
                self.findings.problem(f"{named} {name!r} is also on row "
                                      f"{seen[name.casefold()]}; each row needs its own name",
                                      sheet.name, where)
                continue
            seen[name.casefold()] = r
            out.append((name, r))
        return out

    def _identity(self, sheet: SheetData, table: Table, columns: dict[str, int], r: int,
                  name: str) -> str | None:
        """The row's name: its key text, then each identity column's (a provider's row for
        one measure is "RTH E.M.11"); None, with a Problem, when one of them is missing."""
        parts = [name]
        for key in table.identity:
            column = table.column(key)
            if key not in columns:
                return None  # the missing column is already a Problem
            raw, where = sheet.value(r, columns[key]), coord(r, columns[key])
            try:
                text = parse_text(raw)
            except CellValueError as exc:
                self.findings.problem(f"{column.header} {exc}", sheet.name, where)
                return None
            if not text:
                self.findings.problem(f"row {r} has no {column.header}: each row needs its "
                                      f"{table.column(table.key).header} and "
                                      f"{column.header}", sheet.name, where)
                return None
            allowed = self.spec.lists.get(column.choices, ())
            parts.append(next((x for x in allowed if normalise(x) == normalise(text)), text))
        return " ".join(parts)

    def _formulas(self, sheet: SheetData, inputs: set[str]) -> None:
        """Calculated cells showing #REF! (a formula lost its cells) are problems."""
        for (r, c) in list(sheet.formulas):
            if f"{sheet.name}!{coord(r, c)}" not in inputs:
                self.reader.calculated(sheet, r, c, "The formula")


def read_inputs(book: WorkbookData, spec: TemplateSpec, findings: Findings) -> list[InputCell]:
    """Every input cell of the workbook's Cover, grids and tables, in layout order."""
    return InputReader(book, spec, findings).read()


def check_required(cells: list[InputCell], findings: Findings,
                   exempt: Collection[CellKey] = ()) -> None:
    """A required cell left blank (`exempt`: cells the app fills itself) is a warning while
    the Cover's Submission says Draft (a plan is filled in over weeks) and a problem once it
    says Submitted or Final."""
    status = next((c.text for c in cells if c.key == ("Cover", COVER, "status")), "") or ""
    final = normalise(status) in ("final", "submitted")
    report = findings.problem if final else findings.warning
    for cell in cells:
        if cell.required and cell.blank and cell.key not in exempt:
            report(f"{cell.label} is empty; the template needs it"
                   + ("" if final else " before the Final submission"), cell.sheet_name,
                   cell.coord)


def input_kinds(spec: TemplateSpec) -> Iterator[tuple[str, str, str, Kind]]:
    """(sheet, row, column, kind) of every input cell the spec fixes; a table whose rows
    users type gives row "*" (any row)."""
    for row in spec.cover:
        if not row.formula and row.value is None:
            yield "Cover", COVER, row.key or row.label, row.kind
    for part in spec.sheets:
        if isinstance(part, Grid):
            for grid_row in part.rows:
                for header in grid_row.cells:
                    yield part.sheet, grid_row.code, header, part.kind_of(grid_row, header)
            continue
        key = part.column(part.key)
        names = key.prefill if isinstance(key.prefill, tuple) else ("*",)
        for name in names:
            for column in part.columns:
                if column.is_input and column.key != part.key:
                    yield part.sheet, name, column.header, column.kind
