"""The QIPP report as a PDF (reportlab), with the board paper's table style and page stamp."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, SimpleDocTemplate

from workbench.reports import pdf as board_pdf
from workbench.reports.qipp_report import QippReport


def story(report: QippReport) -> list:
    flow: list = [Paragraph(escape(report.title), board_pdf.H1),
                  Paragraph(escape(f"{report.organisation} ({report.ods_code})"),
                            board_pdf.BODY)]
    flow += board_pdf._section("1. Executive summary", report.summary_text)
    flow += board_pdf._table(report.summary)
    flow += board_pdf._section("2. Movement in the year-end forecast", report.movement_text)
    flow += board_pdf._table(report.movement_table)
    flow += board_pdf._section("3. Schemes", [])
    flow += board_pdf._table(report.schemes)
    flow += board_pdf._section("4. Delivery confidence", report.rag_text)
    flow += board_pdf._table(report.confidence)
    flow += board_pdf._section("5. Key programme risks", [])
    flow += board_pdf._table(report.risks)
    flow += board_pdf._section("6. Data currency", report.currency_text)
    return flow


def write_qipp_pdf(report: QippReport, out: Path) -> Path:
    m = board_pdf.MARGIN
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=m, rightMargin=m,
                            topMargin=m + 17, bottomMargin=m + 11, title=report.title,
                            author=report.organisation, subject=report.running_head,
                            creator="Planning Workbench")
    doc.build(story(report), canvasmaker=board_pdf._numbered(report))  # type: ignore[arg-type]
    return out
