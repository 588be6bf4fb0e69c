"""The board paper as a PDF (reportlab): cover sheet, then the sections, tables and
vector charts; the paper number, meeting date, organisation and page numbers on every page.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as Grid

from workbench.reports.charts import heat_map, line_chart
from workbench.reports.paper import BoardPaper
from workbench.reports.pdf_cover import cover_sheet
from workbench.reports.tables import Table

MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13.5, spaceAfter=6)
H1 = ParagraphStyle("h1", fontName="Helvetica-Bold", fontSize=15, leading=19, spaceAfter=8,
                    textColor=colors.Color(0.0, 0.19, 0.53))
H2 = ParagraphStyle("h2", fontName="Helvetica-Bold", fontSize=11.5, leading=15, spaceBefore=8,
                    spaceAfter=5, textColor=colors.Color(0.0, 0.19, 0.53))
CELL = ParagraphStyle("cell", fontName="Helvetica", fontSize=8, leading=10)
CELL_R = ParagraphStyle("cell_r", parent=CELL, alignment=TA_RIGHT)
HEAD = ParagraphStyle("head", parent=CELL, fontName="Helvetica-Bold")
HEAD_R = ParagraphStyle("head_r", parent=HEAD, alignment=TA_RIGHT)
NOTE = ParagraphStyle("note", parent=CELL, fontSize=7.5, textColor=colors.Color(.3, .3, .3))
RULE = colors.Color(0.0, 0.19, 0.53)
SHADE = colors.Color(0.93, 0.94, 0.96)


def write_pdf(paper: BoardPaper, out: Path) -> Path:
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN + 6 * mm, bottomMargin=MARGIN + 4 * mm,
                            title=paper.cover.title, author=paper.cover.author,
                            subject=paper.running_head, creator="Planning Workbench")
    doc.build(story(paper), canvasmaker=_numbered(paper))
    return out


def story(paper: BoardPaper) -> list:
    flow: list = [*cover_sheet(paper, WIDTH), PageBreak()]
    flow.append(Paragraph(escape(paper.cover.title), H1))
    flow += _section("1. Financial plan summary", paper.summary_text)
    flow += _table(paper.finance)
    flow += _section("2. Savings by workstream and status", paper.savings_text)
    flow += _table(paper.workstreams)
    if paper.cumulative:
        flow.append(KeepTogether([Spacer(1, 4), line_chart(paper.cumulative, WIDTH, 190)]))
    flow.append(CondPageBreak(120 * mm))
    flow += _section("3. Risks to the plan", paper.risk_text)
    flow.append(KeepTogether([heat_map(paper.heat_map, WIDTH * 0.7, 215)]))
    flow += _table(paper.risks)
    flow.append(CondPageBreak(120 * mm))
    flow += _section("4. Trajectories against the standards", [])
    flow += _table(paper.trajectories)
    for chart in paper.trajectory_charts:
        flow.append(KeepTogether([Spacer(1, 6), line_chart(chart, WIDTH, 165)]))
    flow.append(PageBreak())
    flow += _section("Appendix: savings schemes", [])
    flow += _table(paper.schemes)
    return flow


def _section(title: str, text: list[str]) -> list:
    return [Paragraph(escape(title), H2), *(Paragraph(escape(t), BODY) for t in text)]


def _table(table: Table | None) -> list:
    if table is None:
        return []
    numeric = [table.numeric(c) for c in range(len(table.columns))]
    head = [Paragraph(escape(c), HEAD_R if numeric[i] and i else HEAD)
            for i, c in enumerate(table.columns)]
    rows = [head]
    body = table.rows + ([table.total] if table.total else [])
    for row in body:
        rows.append([Paragraph(escape(str(c)).replace("  ", "&nbsp;&nbsp;&nbsp;"),
                               CELL_R if numeric[i] and i else CELL)
                     for i, c in enumerate(row)])
    weights = table.widths or (1,) * len(table.columns)
    widths = [WIDTH * w / sum(weights) for w in weights]
    grid = Grid(rows, colWidths=widths, repeatRows=1)
    style = [("LINEBELOW", (0, 0), (-1, 0), 1, RULE),
             ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
             ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
             ("LINEBELOW", (0, 1), (-1, -2), 0.25, colors.Color(0.8, 0.8, 0.8))]
    for r in range(1, len(rows), 2):
        style.append(("BACKGROUND", (0, r), (-1, r), SHADE))
    if table.total:
        style += [("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black),
                  ("LINEBELOW", (0, -1), (-1, -1), 0.8, colors.black),
                  ("BACKGROUND", (0, -1), (-1, -1), colors.white)]
        rows[-1] = [Paragraph(f"<b>{p.text}</b>", p.style) for p in rows[-1]]
        grid = Grid(rows, colWidths=widths, repeatRows=1)
    grid.setStyle(TableStyle(style))
    title = Paragraph(escape(table.title), HEAD)
    note = [Spacer(1, 2), Paragraph(escape(table.note), NOTE)] if table.note else []
    if len(body) < 25:  # a short table stays on one page with its caption and note
        return [KeepTogether([title, Spacer(1, 3), grid, *note]), Spacer(1, 8)]
    return [title, Spacer(1, 3), grid, *note, Spacer(1, 8)]


def _numbered(paper: BoardPaper) -> type[Canvas]:
    """A canvas that holds its pages back until the count is known, then stamps the
    running head and 'Page n of N' on each."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._stamp(number, total)
                super().showPage()
            super().save()

        def _stamp(self, number: int, total: int) -> None:
            width, height = A4
            self.saveState()
            self.setFont("Helvetica", 8)
            self.setFillColor(colors.Color(0.3, 0.3, 0.3))
            self.drawString(MARGIN, height - MARGIN + 2, paper.running_head)
            self.drawRightString(width - MARGIN, height - MARGIN + 2, paper.ods_code)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.6)
            self.line(MARGIN, height - MARGIN - 2, width - MARGIN, height - MARGIN - 2)
            self.drawString(MARGIN, MARGIN - 2, paper.plan_title)
            self.drawRightString(width - MARGIN, MARGIN - 2, f"Page {number} of {total}")
            self.restoreState()

    return NumberedCanvas
