"""The look of the templates: yellow unlocked inputs, blue calculated, grey pre-filled.

Colour words are verified (FPT14, BCF 2019/20); the RGB values are our choice.
"""

from __future__ import annotations

from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.protection import SheetProtection

from workbench.templates.layouts.spec import Kind

INPUT_RGB = "FFFF99"  # light yellow: the organisation types here
CALC_RGB = "DDEBF7"  # light blue: formulas
PREFILL_RGB = "D9D9D9"  # grey: pre-populated, locked
HEADER_RGB = "005EB8"  # NHS blue

INPUT_FILL = PatternFill("solid", fgColor=INPUT_RGB)
CALC_FILL = PatternFill("solid", fgColor=CALC_RGB)
PREFILL_FILL = PatternFill("solid", fgColor=PREFILL_RGB)
HEADER_FILL = PatternFill("solid", fgColor=HEADER_RGB)
HEADER_FONT = Font(bold=True, color="FFFFFF")
TITLE_FONT = Font(bold=True, size=14, color=HEADER_RGB)
BOLD = Font(bold=True)
THIN = Side(style="thin", color="A6A6A6")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
UNLOCKED = Protection(locked=False)
LOCKED = Protection(locked=True)
WRAP = Alignment(wrap_text=True, vertical="center")

NUMBER_FORMATS = {
    Kind.MONEY: '#,##0.0;(#,##0.0);"-"',
    Kind.PERCENT: "0.0%",
    Kind.NUMBER: "#,##0.00",
    Kind.INT: "#,##0",
    Kind.DATE: "dd/mm/yyyy",
}


def number_format(kind: Kind) -> str:
    return NUMBER_FORMATS.get(kind, "General")


def style_input(cell, kind: Kind) -> None:
    cell.fill, cell.protection, cell.border = INPUT_FILL, UNLOCKED, BOX
    cell.number_format = number_format(kind)


def style_calc(cell, kind: Kind) -> None:
    cell.fill, cell.protection, cell.border = CALC_FILL, LOCKED, BOX
    cell.number_format = number_format(kind)


def style_prefill(cell, kind: Kind = Kind.TEXT) -> None:
    cell.fill, cell.protection, cell.border = PREFILL_FILL, LOCKED, BOX
    cell.number_format = number_format(kind)


def style_header(cell) -> None:
    cell.fill, cell.font, cell.border, cell.alignment = HEADER_FILL, HEADER_FONT, BOX, WRAP


def protect(ws) -> None:
    """Protect the sheet without a password; users may still resize rows and columns."""
    ws.protection = SheetProtection(sheet=True, formatColumns=False, formatRows=False,
                                    selectLockedCells=False, selectUnlockedCells=False)


def is_input_style(cell) -> bool:
    """An unlocked cell is an input, whatever its colour (colleagues recolour cells)."""
    return cell.protection is not None and cell.protection.locked is False
