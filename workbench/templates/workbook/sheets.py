"""A workbook's cells as plain dicts: cached values and formulas, loaded once, bounded.

Each cell's value as last calculated and its formula are both kept, so that totals can be
cross-checked and a formula typed into an input cell is noticed. The cells come from the
bounded streaming reader (xlsx_parts): only the template's extent is kept, and every
cell, shared string and format is counted against a limit as it is read.
"""

from __future__ import annotations

import zipfile
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from workbench.domain.errors import TemplateError
from workbench.templates.layouts.spec import normalise, sheet_names_for
from workbench.templates.workbook import xlsx_book, xlsx_parts, xlsx_sheet
from workbench.templates.workbook.safety import check_workbook_file
from workbench.templates.workbook.xlsx_parts import MAX_COLS, MAX_ROWS

__all__ = ["MAX_COLS", "MAX_ROWS", "SheetData", "WorkbookData", "load", "scan"]
Cell = tuple[int, int]


@dataclass
class SheetData:
    name: str
    values: dict[Cell, object] = field(default_factory=dict)
    formulas: dict[Cell, str] = field(default_factory=dict)
    max_row: int = 0
    truncated: bool = False
    unlocked: set[Cell] = field(default_factory=set)  # input cells (format unlocked)
    _rows: dict[int, list[tuple[int, object]]] | None = field(default=None, repr=False)

    def row_cells(self, row: int) -> list[tuple[int, object]]:
        """(column, value) of the non-blank cells of one row, left to right."""
        if self._rows is None:
            rows: dict[int, list[tuple[int, object]]] = {}
            for (r, c), value in self.values.items():
                rows.setdefault(r, []).append((c, value))
            for cells in rows.values():
                cells.sort()  # by column (unique in a row): read in that order already
            self._rows = rows
        return self._rows.get(row, [])

    def value(self, row: int, col: int) -> object:
        return self.values.get((row, col))

    def formula(self, row: int, col: int) -> str | None:
        return self.formulas.get((row, col))


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


def _read(path: Path, only: Collection[str] | None) -> dict[str, SheetData]:
    """Every sheet by name; with `only`, other sheets are listed (empty) but not read."""
    wanted = None if only is None else {normalise(n) for name in only
                                        for n in sheet_names_for(name)}
    counter = xlsx_parts.Counter(path.name)
    out: dict[str, SheetData] = {}
    with zipfile.ZipFile(path) as archive:
        book = xlsx_book.read_book(archive, counter)
        for name, stream in xlsx_sheet.iter_sheets(
                archive, book, counter,
                lambda n: wanted is None or normalise(n) in wanted):
            sheet = SheetData(name)
            if stream is not None:
                sheet.values, sheet.formulas = stream.values, stream.formulas
                sheet.max_row, sheet.truncated = stream.max_row, stream.truncated
                sheet.unlocked = stream.unlocked
            out[name] = sheet
    return out


def scan(path: str | Path) -> None:
    """Refuse, naming the limit, a workbook too large to load whole (as `export --into`
    must): every XML part's elements counted, every cell, shared string and format."""
    path = Path(path)
    check_workbook_file(path)
    counter = xlsx_parts.Counter(path.name)
    try:
        with zipfile.ZipFile(path) as archive:
            book = xlsx_book.read_book(archive, counter)
            for _name, _sheet in xlsx_sheet.iter_sheets(archive, book, counter, bool):
                pass
            counter.elements = 0
            xlsx_parts.count_all(archive, counter)
    except TemplateError:
        raise
    except Exception as exc:
        raise _damaged(path, exc) from exc


def _damaged(path: Path, exc: Exception) -> TemplateError:
    reason = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
    return TemplateError(f"is damaged and cannot be read ({reason})", file=path.name)


def load(path: str | Path, only: Collection[str] | None = None) -> WorkbookData:
    """Check the file, then read it; any failure is a TemplateError naming the file.

    `only`: read just these sheets (by name or alias); the others are there by name, empty
    (enough to recognise a template, which reads the Cover and the sheet names)."""
    path = Path(path)
    check_workbook_file(path)
    try:
        sheets = _read(path, only)
    except TemplateError:
        raise
    except Exception as exc:  # expat and zipfile raise several types: all mean "unreadable"
        raise _damaged(path, exc) from exc
    return WorkbookData(path.name, sheets)
