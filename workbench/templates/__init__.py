"""NHSE workbook import and export (openpyxl). Lower layers never import this."""
