"""Lay out one sheet from its spec: cover rows, a grid, or a list table.

Each builder returns the checklist items its required inputs need, as
(sheet, item, cell range, Excel condition that is TRUE when complete).
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from workbench.templates.layouts.spec import (
    MONEY_LIMIT,
    Column,
    CoverRow,
    Grid,
    Kind,
    Table,
    TemplateSpec,
    code_key,
)
from workbench.templates.workbook import styles

CheckItem = tuple[str, str, str, str]
NUMBER_KINDS = (Kind.MONEY, Kind.NUMBER, Kind.PERCENT, Kind.INT)


def absolute(sheet: str, first: str, last: str = "") -> str:
    """'QIPP!$B$7:$B$506' for names, validations and checklist formulas."""
    def dollar(ref: str) -> str:
        letters = "".join(ch for ch in ref if ch.isalpha())
        return f"${letters}${ref[len(letters):]}"
    rng = dollar(first) + (f":{dollar(last)}" if last else "")
    return f"{quote_sheetname(sheet)}!{rng}"


def add_name(wb, name: str, target: str) -> None:
    wb.defined_names[name] = DefinedName(name, attr_text=target)


def validation_for(kind: Kind, choices: str, low: float | None = None,
                   high: float | None = None) -> DataValidation | None:
    if choices:
        return DataValidation("list", formula1=f"=List_{choices}", allow_blank=True,
                              showErrorMessage=True, errorTitle="Not in the list",
                              error="Pick a value from the drop-down list.")
    if kind is Kind.INT and low is not None:
        return DataValidation("whole", str(int(low)), str(int(high or low)),
                              operator="between", allow_blank=True, showErrorMessage=True,
                              error=f"Enter a whole number from {int(low)} to {int(high or low)}.")
    if kind in (Kind.MONEY, Kind.NUMBER, Kind.PERCENT):
        lo, hi = (low, high) if low is not None else (-MONEY_LIMIT, MONEY_LIMIT)
        return DataValidation("decimal", str(lo), str(hi), operator="between", allow_blank=True,
                              showErrorMessage=True, error=f"Enter a number from {lo} to {hi}.")
    if kind is Kind.DATE:
        return DataValidation("date", "36526", operator="greaterThan", allow_blank=True,
                              showErrorMessage=True, error="Enter a date, e.g. 30/06/2016.")
    return None


def sheet_heading(ws, title: str, unit: str, note: str) -> None:
    ws["A1"], ws["A1"].font = title, styles.TITLE_FONT
    ws["A2"] = '=OrgName&" ("&OrgCode&")"'
    ws["A3"] = f"Unit: {unit}" if unit else ""
    ws["A4"] = note
    ws.sheet_view.showGridLines = False


def build_guidance(wb, spec: TemplateSpec) -> None:
    ws = wb.create_sheet("Guidance")
    ws["A1"], ws["A1"].font = spec.title, styles.TITLE_FONT
    ws.column_dimensions["A"].width = 110
    for r, text in enumerate(spec.guidance, start=3):
        ws.cell(r, 1, text).alignment = styles.WRAP
    styles.protect(ws)


def build_cover(wb, spec: TemplateSpec) -> list[CheckItem]:
    ws = wb.create_sheet("Cover")
    ws.column_dimensions["A"].width = 3
    ws.column_dimensions["B"].width = 30
    ws.column_dimensions["C"].width = 44
    ws[spec.cover_title_cell], ws[spec.cover_title_cell].font = spec.title, styles.TITLE_FONT
    ws["B3"] = "NHS England planning template (Planning Workbench reproduction)"
    items: list[CheckItem] = []
    for i, row in enumerate(spec.cover, start=5):
        label, value = ws.cell(i, 2, row.label), ws.cell(i, 3)
        label.font = styles.BOLD
        _cover_value(wb, ws, value, row)
        if row.name:
            add_name(wb, row.name, absolute("Cover", value.coordinate))
        if row.required:
            ref = absolute("Cover", value.coordinate)
            items.append(("Cover", row.label, ref, f"LEN({ref})>0"))
    styles.protect(ws)
    return items


def _cover_value(wb, ws, cell, row: CoverRow) -> None:
    if row.formula:
        cell.value = row.formula
        styles.style_calc(cell, row.kind)
    elif row.value is not None:
        cell.value = row.value
        styles.style_prefill(cell, row.kind)
    else:
        styles.style_input(cell, row.kind)
        dv = validation_for(row.kind, row.choices)
        if dv is not None:
            dv.add(cell.coordinate)
            ws.add_data_validation(dv)


def build_grid(wb, grid: Grid) -> list[CheckItem]:
    ws = wb.create_sheet(grid.sheet)
    sheet_heading(ws, grid.title, grid.unit, grid.note)
    ws.column_dimensions["A"].width = 7
    ws.column_dimensions["B"].width = grid.label_width
    heads = ("Code", "Item", *grid.headers)
    for col, text in enumerate(heads, start=1):
        styles.style_header(ws.cell(grid.header_row, col, text))
        if col > 2:
            ws.column_dimensions[get_column_letter(col)].width = 14
    codes = {code_key(r.code): grid.row_number(r.code) for r in grid.rows}
    items: list[CheckItem] = []
    for row in grid.rows:
        r = grid.row_number(row.code)
        styles.style_prefill(ws.cell(r, 1, row.code))
        styles.style_prefill(ws.cell(r, 2, row.label))
        if row.bold:
            ws.cell(r, 2).font = styles.BOLD
        required = []
        for col, header in enumerate(grid.headers, start=3):
            cell, letter = ws.cell(r, col), get_column_letter(col)
            kind = grid.kind_of(row, header)
            if header in row.cells:
                styles.style_input(cell, kind)
                dv = validation_for(kind, grid.choices.get(header, row.choices))
                if dv is not None:
                    dv.add(cell.coordinate)
                    ws.add_data_validation(dv)
                if row.is_required(header):
                    required.append((cell.coordinate, kind))
            elif header in row.formulas:
                cell.value = row.formulas[header].format(
                    r=r, c=letter, p=get_column_letter(col - 1), **codes)
                styles.style_calc(cell, Kind.PERCENT if header.endswith("%") else kind)
            elif header in row.values:
                styles.style_prefill(ws.cell(r, col, row.values[header]), kind)
            elif header == "Unit":
                styles.style_prefill(ws.cell(r, col, row.unit))
            if header in row.names:
                add_name(wb, row.names[header], absolute(grid.sheet, cell.coordinate))
        if required:
            items.append((grid.sheet, row.label, absolute(grid.sheet, required[0][0]),
                          _all_filled(grid.sheet, required)))
    ws.freeze_panes = ws.cell(grid.first_row, 3)
    styles.protect(ws)
    return items


def _all_filled(sheet: str, cells: list[tuple[str, Kind]]) -> str:
    """TRUE when every cell is filled: numbers counted by COUNT (text in a number cell does
    not count), text and Y/N answers by COUNTA (COUNT never counts them)."""
    numbers = [absolute(sheet, c) for c, kind in cells if kind in NUMBER_KINDS]
    others = [absolute(sheet, c) for c, kind in cells if kind not in NUMBER_KINDS]
    counts = [f"{fn}({','.join(refs)})" for fn, refs in (("COUNT", numbers), ("COUNTA", others))
              if refs]
    return f"{'+'.join(counts)}={len(cells)}"


def build_table(wb, table: Table) -> list[CheckItem]:
    ws = wb.create_sheet(table.sheet)
    sheet_heading(ws, table.title, table.unit, table.note)
    letters = {c.key: get_column_letter(i) for i, c in enumerate(table.columns, start=1)}
    letters["key"] = letters[table.key]
    first, last = table.first_row, table.last_row
    for col, column in enumerate(table.columns, start=1):
        letter = letters[column.key]
        ws.column_dimensions[letter].width = column.width
        styles.style_header(ws.cell(table.header_row, col, column.header))
        _table_column(ws, table, column, col, letters)
        span = absolute(table.sheet, f"{letter}{first}", f"{letter}{last}")
        add_name(wb, f"{table.name}_{column.key.strip('_')}", span)
        if table.total_row and column.total:
            cell = ws.cell(table.total_row, col, f"=SUM({letter}{first}:{letter}{last})")
            styles.style_calc(cell, column.kind)
            cell.font = styles.BOLD
    if table.total_row:
        ws.cell(table.total_row, 1 if letters[table.key] != "A" else 2, "Total").font = styles.BOLD
    ws.row_dimensions[table.header_row].height = 32
    ws.freeze_panes = ws.cell(first, table.columns.index(table.column(table.key)) + 2)
    styles.protect(ws)
    return _table_checks(table, letters)


def _table_column(ws, table: Table, column: Column, col: int, letters: dict[str, str]) -> None:
    first, last = table.first_row, table.last_row
    for n, r in enumerate(range(first, last + 1), start=1):
        cell = ws.cell(r, col)
        if column.formula:
            cell.value = column.formula.format(r=r, **letters)
            styles.style_calc(cell, column.kind)
        elif isinstance(column.prefill, tuple):
            cell.value = column.prefill[n - 1] if n <= len(column.prefill) else None
            styles.style_prefill(cell)
        elif column.prefill:
            cell.value = column.prefill.format(n=n)
            styles.style_prefill(cell)
        else:
            styles.style_input(cell, column.kind)
    if column.is_input:
        dv = validation_for(column.kind, column.choices, column.low, column.high)
        if dv is not None:
            letter = letters[column.key]
            dv.add(f"{letter}{first}:{letter}{last}")
            ws.add_data_validation(dv)


def _table_checks(table: Table, letters: dict[str, str]) -> list[CheckItem]:
    first, last = table.first_row, table.last_row
    key = absolute(table.sheet, f"{letters[table.key]}{first}", f"{letters[table.key]}{last}")
    items: list[CheckItem] = []
    if table.min_rows:
        items.append((table.sheet, f"At least {table.min_rows} row(s) filled in", key,
                      f"COUNTA({key})>={table.min_rows}"))
    for column in table.columns:
        if column.required and column.is_input and column.key != table.key:
            letter = letters[column.key]
            rng = absolute(table.sheet, f"{letter}{first}", f"{letter}{last}")
            items.append((table.sheet, f"{column.header} given on every row", rng,
                          f"SUMPRODUCT((LEN({key})>0)*(LEN({rng})=0))=0"))
    return items
