"""Text a user typed is never code in a file the app writes (CSV, workbook cells).

Spreadsheets run a cell that starts with =, +, - or @ as a formula (and tab or CR
can smuggle one past a check); such text is written with a leading apostrophe, which
Excel and LibreOffice read as "this is text".
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(text: str) -> str:
    """`text`, prefixed with ' if a spreadsheet would read it as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
