"""Text a user typed is never code in a file the app writes (CSV, workbook cells).

Spreadsheets run a cell that starts with =, +, - or @ as a formula (and tab or CR
can smuggle one past a check). CSVs write such text with a leading apostrophe
(domain.export_files), workbooks as a string cell with Excel's quote prefix
(templates.workbook.writer.write_as_text); both ask this module.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: object) -> bool:
    """Text a spreadsheet would run as a formula (the one rule for CSVs and workbooks)."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)

