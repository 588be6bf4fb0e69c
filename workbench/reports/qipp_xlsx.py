"""The QIPP report as a workbook: a sheet of text (summary, movement, RAG, data currency)
and one sheet per table, figures in exact pounds."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from workbench.reports import xlsx_writer
from workbench.reports.qipp_report import QippReport


def write_qipp_xlsx(report: QippReport, out: Path) -> Path:
    book = Workbook()
    text = book.active
    text.title = "Report"
    xlsx_writer._put(text, 1, 1, report.title).font = Font(bold=True, size=12)
    xlsx_writer._put(text, 2, 1, f"{report.organisation} ({report.ods_code})")
    row = 4
    for heading, lines in (("Executive summary", report.summary_text),
                           ("Movement in the year-end forecast", report.movement_text),
                           ("Delivery confidence", report.rag_text),
                           ("Data currency", report.currency_text)):
        xlsx_writer._put(text, row, 1, heading).font = xlsx_writer.BOLD
        for line in lines:
            row += 1
            xlsx_writer._put(text, row, 1, line)
        row += 2
    text.column_dimensions["A"].width = 120
    for table in report.tables:
        xlsx_writer._sheet(book, report, table)  # type: ignore[arg-type]
    book.properties.title = report.title
    book.properties.creator = "Planning Workbench"
    book.save(str(out))
    return out
