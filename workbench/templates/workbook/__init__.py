"""The workbook core: reading and writing cells safely, for every template.

safety (file checks before anything is parsed), xlsx_parts / xlsx_book / xlsx_sheet (the
bounded streaming reader), sheets (a workbook's cells as plain dicts), values (cell values
as people type them), locate (header rows, columns and rows found by their text),
reader (cells typed against a layout, with findings), recognise
(which template a workbook is), writer (filling input cells, atomic save), row_refs (a
row's plan reference), styles, drawings (pictures and shapes), builder / sheet_builders /
build_templates (the shipped workbooks made from their layouts).
"""
