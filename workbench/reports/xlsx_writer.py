"""Every table of the board paper as a sheet of one workbook (openpyxl), figures as
numbers in £000s with the paper's formats, so finance staff can re-cut them."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from workbench.domain.cell_text import looks_like_formula
from workbench.reports.paper import BoardPaper
from workbench.reports.tables import Num, Table
from workbench.templates.workbook.writer import write_as_text

BOLD = Font(bold=True)
RULE = Border(top=Side(style="thin"), bottom=Side(style="double"))


def write_xlsx(paper: BoardPaper, out: Path) -> Path:
    book = Workbook()
    book.remove(book.active)
    for table in paper.tables:
        _sheet(book, paper, table)
    book.properties.title = paper.cover.title
    book.properties.creator = paper.cover.author or "Planning Workbench"
    book.save(str(out))
    return out


def _put(sheet, row: int, col: int, value) -> object:
    """Text is always written as text: a scheme named '=SUM(A1)' or '-5% case' is not run."""
    cell = sheet.cell(row=row, column=col)
    if isinstance(value, Num):
        cell.value = value.value
        cell.number_format = value.excel_format
    else:
        cell.value = str(value)
        if looks_like_formula(cell.value):
            write_as_text(cell)
    return cell


def _sheet(book: Workbook, paper: BoardPaper, table: Table) -> None:
    sheet = book.create_sheet(table.name[:31])
    _put(sheet, 1, 1, table.title).font = Font(bold=True, size=12)
    _put(sheet, 2, 1, f"{paper.plan_title}. {paper.running_head}")
    for col, header in enumerate(table.columns, start=1):
        cell = _put(sheet, 4, col, header)
        cell.font = BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    row = 5
    for values in table.rows:
        for col, value in enumerate(values, start=1):
            _put(sheet, row, col, value)
        row += 1
    if table.total:
        for col, value in enumerate(table.total, start=1):
            cell = _put(sheet, row, col, value)
            cell.font, cell.border = BOLD, RULE
        row += 1
    if table.note:
        _put(sheet, row + 1, 1, table.note).font = Font(italic=True, size=9)
    weights = table.widths or (1,) * len(table.columns)
    for col, weight in enumerate(weights, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = max(8, round(weight * 11))
    sheet.freeze_panes = "A5"
