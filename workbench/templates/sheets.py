"""A workbook's cells as plain dicts: cached values and formulas, loaded once, bounded.

Each cell's value as last calculated and its formula are both kept, so that totals can be
cross-checked and a formula typed into an input cell is noticed. One pass of openpyxl's
read-only parser gives both (a parser that also keeps the formula of each cell it reads
for its cached value); should openpyxl's internals differ, two passes give the same.
"""

from __future__ import annotations

import warnings
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.worksheet._reader import FORMULA_TAG, INLINE_STRING, WorkSheetParser
from openpyxl.xml.constants import SHEET_MAIN_NS

from workbench.domain.errors import TemplateError
from workbench.templates.safety import check_workbook_file
from workbench.templates.spec import normalise, sheet_names_for

MAX_ROWS = 5000
MAX_COLS = 120
TEXT_TAG = f"{{{SHEET_MAIN_NS}}}t"
Cell = tuple[int, int]


@dataclass
class SheetData:
    name: str
    values: dict[Cell, object] = field(default_factory=dict)
    formulas: dict[Cell, str] = field(default_factory=dict)
    max_row: int = 0
    truncated: bool = False
    _rows: dict[int, list[tuple[int, object]]] | None = field(default=None, repr=False)

    def row_cells(self, row: int) -> list[tuple[int, object]]:
        """(column, value) of the non-blank cells of one row, left to right."""
        if self._rows is None:
            rows: dict[int, list[tuple[int, object]]] = {}
            for (r, c), value in self.values.items():
                rows.setdefault(r, []).append((c, value))
            for cells in rows.values():
                cells.sort(key=_column)  # read in column order already: a check, not a sort
            self._rows = rows
        return self._rows.get(row, [])

    def value(self, row: int, col: int) -> object:
        return self.values.get((row, col))

    def formula(self, row: int, col: int) -> str | None:
        return self.formulas.get((row, col))


def _column(cell: tuple[int, object]) -> int:
    return cell[0]


@dataclass
class WorkbookData:
    file: str
    sheets: dict[str, SheetData]

    def find(self, name: str) -> SheetData | None:
        """A sheet by name or a known alias, ignoring case, spaces and punctuation."""
        if name in self.sheets:
            return self.sheets[name]
        wanted = {normalise(n) for n in sheet_names_for(name)}
        return next((s for n, s in self.sheets.items() if normalise(n) in wanted), None)


def _is_formula(value: object) -> bool:
    return (isinstance(value, str) and value.startswith("=") and len(value) > 1) or hasattr(
        value, "text")


def _open_workbook(path: Path, data_only: bool):
    """openpyxl's read-only workbook over a handle we close ourselves: given a path,
    openpyxl leaves the file open when a damaged workbook makes it raise, and Windows then
    refuses to delete or replace the file. Returns (workbook, handle)."""
    handle = path.open("rb")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it drops
            wb = load_workbook(handle, read_only=True, data_only=data_only, keep_links=False)
    except BaseException:
        handle.close()
        raise
    return wb, handle


def _read(path: Path, data_only: bool) -> dict[str, SheetData]:
    wb, handle = _open_workbook(path, data_only)
    try:
        out: dict[str, SheetData] = {}
        for ws in wb.worksheets:
            sheet = SheetData(ws.title)
            for r, row in enumerate(ws.iter_rows(max_row=MAX_ROWS + 1, max_col=MAX_COLS,
                                                 values_only=True), start=1):
                if r > MAX_ROWS:
                    sheet.truncated = True
                    break
                for c, value in enumerate(row, start=1):
                    if value is None:
                        continue
                    if data_only:
                        sheet.values[(r, c)] = value
                    elif _is_formula(value):
                        sheet.formulas[(r, c)] = getattr(value, "text", None) or str(value)
                    sheet.max_row = max(sheet.max_row, r)
            out[ws.title] = sheet
        return out
    finally:
        wb.close()
        handle.close()


class _ValueAndFormulaParser(WorkSheetParser):
    """openpyxl's sheet parser in data-only mode that also keeps each cell's formula.

    A plain inline string (`<is><t>text</t></is>`, as openpyxl writes every text cell) is
    read directly: openpyxl's own path builds a rich-text object per cell to get the same
    text, which is a fifth of the time of reading a workbook of 2,000 schemes.
    """

    def parse_cell(self, element):
        text = _plain_inline_text(element) if not self.rich_text else None
        if text is None:
            cell = super().parse_cell(element)
        else:  # as WorkSheetParser.parse_cell does for an inline string
            coordinate, style_id = element.get("r"), element.get("s", 0)
            if coordinate:
                row, column = coordinate_to_tuple(coordinate)
                self.col_counter = column
            else:
                self.col_counter += 1
                row, column = self.row_counter, self.col_counter
            cell = {"row": row, "column": column, "value": text, "data_type": "s",
                    "style_id": int(style_id) if style_id else 0}
        if element.find(FORMULA_TAG) is not None:
            cell["formula"] = self.parse_formula(element)
        return cell


def _plain_inline_text(element) -> str | None:
    """The text of an inline string cell holding one plain <t> run; None for anything else."""
    if element.get("t") != "inlineStr":
        return None
    child = element.find(INLINE_STRING)
    if child is None or len(child) != 1 or child[0].tag != TEXT_TAG:
        return None
    return child[0].text or ""


def _read_once(path: Path, only: Collection[str] | None = None) -> dict[str, SheetData]:
    """What _read gives with data_only True and False, merged, in one pass of each sheet.
    With `only`, other sheets are listed (empty) but not read."""
    wb, handle = _open_workbook(path, data_only=True)
    try:
        out: dict[str, SheetData] = {}
        wanted = None if only is None else {normalise(n) for name in only
                                            for n in sheet_names_for(name)}
        for ws in wb.worksheets:
            sheet = SheetData(ws.title)
            out[ws.title] = sheet
            if wanted is not None and normalise(ws.title) not in wanted:
                continue
            values, formulas, last = sheet.values, sheet.formulas, 0
            with ws._get_source() as src:
                parser = _ValueAndFormulaParser(
                    src, ws._shared_strings, data_only=True, epoch=wb.epoch,
                    date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
                for r, row in parser.parse():
                    if r > MAX_ROWS:
                        sheet.truncated = True
                        break
                    for cell in row:
                        c = cell["column"]
                        if c > MAX_COLS:
                            continue
                        value, formula = cell["value"], cell.get("formula")
                        if value is not None:
                            values[(r, c)] = value
                        elif formula is None:
                            continue
                        if formula is not None and _is_formula(formula):
                            formulas[(r, c)] = getattr(formula, "text", None) or str(formula)
                        last = max(last, r)
            sheet.max_row = last
        return out
    finally:
        wb.close()
        handle.close()


def _read_twice(path: Path) -> dict[str, SheetData]:
    values = _read(path, data_only=True)
    formulas = _read(path, data_only=False)
    for name, sheet in values.items():
        other = formulas.get(name)
        if other is not None:
            sheet.formulas = other.formulas
            sheet.max_row = max(sheet.max_row, other.max_row)
            sheet.truncated = sheet.truncated or other.truncated
    return values


def load(path: str | Path, only: Collection[str] | None = None) -> WorkbookData:
    """Check the file, then read it; any failure is a TemplateError naming the file.

    `only`: read just these sheets (by name or alias); the others are there by name, empty
    (enough to recognise a template, which reads the Cover and the sheet names)."""
    path = Path(path)
    check_workbook_file(path)
    try:
        try:
            sheets = _read_once(path, only)
        except AttributeError:  # openpyxl's read-only internals are not what _read_once needs
            sheets = _read_twice(path)
    except TemplateError:
        raise
    except Exception as exc:  # openpyxl raises many types on damaged XML; all mean "unreadable"
        reason = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise TemplateError(f"is damaged and cannot be read ({reason})", file=path.name) from exc
    return WorkbookData(path.name, sheets)
