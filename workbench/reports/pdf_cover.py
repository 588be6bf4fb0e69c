"""The cover sheet of a Governing Body paper, laid out as the CCG's own papers are."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, PolyLine, Rect
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Spacer, TableStyle
from reportlab.platypus import Table as Grid

from workbench.reports.cover import EQUALITY, PURPOSES
from workbench.reports.paper import BoardPaper

ORG = ParagraphStyle("org", fontName="Helvetica-Bold", fontSize=16, leading=20,
                     textColor=colors.Color(0.0, 0.19, 0.53))
MEETING = ParagraphStyle("meeting", fontName="Helvetica", fontSize=12, leading=15)
LABEL = ParagraphStyle("label", fontName="Helvetica-Bold", fontSize=9.5, leading=12.5)
TEXT = ParagraphStyle("text", fontName="Helvetica", fontSize=9.5, leading=12.5)
BOX = colors.Color(0.45, 0.45, 0.45)


def _p(text: str, style: ParagraphStyle = TEXT) -> Paragraph:
    return Paragraph(text, style)


def _lines(text: str) -> str:
    return escape(text).replace("\n", "<br/>") if text.strip() else "<i>Not stated</i>"


def _box(ticked: bool) -> Drawing:
    """A tick box drawn as vectors (no symbol font needed), ticked or empty."""
    d = Drawing(10, 10)
    d.add(Rect(0.5, 0.5, 9, 9, strokeColor=BOX, strokeWidth=0.7, fillColor=None))
    if ticked:
        d.add(PolyLine([2, 5.2, 4.2, 2.5, 8.5, 8.5], strokeColor=colors.black,
                       strokeWidth=1.5))
    return d


def _ticks(items: list[tuple[str, bool]], across: bool) -> Grid:
    """Labels with tick boxes: in a row (choices) or one per line (domains)."""
    if across:
        cells = [[c for label, on in items for c in (_box(on), _p(escape(label)))]]
        widths = [w for label, _ in items for w in (14, 12 + 5.3 * len(label))]
    else:
        cells = [[_box(on), _p(escape(label))] for label, on in items]
        widths = [14, None]
    grid = Grid(cells, colWidths=widths, hAlign="LEFT")
    grid.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("TOPPADDING", (0, 0), (-1, -1), 1),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                              ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return grid


def _choices(options: tuple[str, ...], chosen: str) -> Grid:
    return _ticks([(o, o == chosen) for o in options], across=True)


def cover_sheet(paper: BoardPaper, width: float) -> list:
    c = paper.cover
    choices = tuple(p.removeprefix("For ").title() for p in PURPOSES)
    chosen = c.decision.removeprefix("For ").title()
    head = [_p(escape(paper.organisation), ORG), _p("Governing Body meeting", MEETING)]
    if paper.basis:  # a version or a scenario, not the working plan
        head.append(_p(f"<b>{escape(paper.basis)}</b>", MEETING))
    head.append(Spacer(1, 10))
    rows = [
        [_p("Date of meeting:", LABEL), _p(escape(c.meeting_text) or "<i>Not set</i>"),
         _p("Paper no:", LABEL), _p(escape(c.paper_number) or "<i>Not set</i>")],
        [_p("Title:", LABEL), _p(f"<b>{escape(c.title)}</b>"), "", ""],
        [_p("Is this paper for:", LABEL), _choices(choices, chosen), "", ""],
        [_p("Purpose and executive summary:", LABEL), _p(_lines(c.purpose)), "", ""],
        [_p("Financial implications of paper:", LABEL), _p(_lines(c.financial_implications)),
         "", ""],
        [_p("Action required:", LABEL), _p(_lines(c.action_required)), "", ""],
        [_p("NHS Outcomes Framework domains supported:", LABEL),
         _ticks(c.domains, across=False), "", ""],
        [_p("Equality analysis completed:", LABEL), _choices(EQUALITY, c.equality_analysis),
         "", ""],
        [_p("Author:", LABEL), _p(_lines(c.author)), _p("Clinical lead:", LABEL),
         _p(_lines(c.clinical_lead))],
    ]
    widths = [width * f for f in (0.27, 0.38, 0.15, 0.20)]
    grid = Grid(rows, colWidths=widths)
    style = [("GRID", (0, 0), (-1, -1), 0.6, BOX), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
             ("BACKGROUND", (0, 0), (0, -1), colors.Color(0.93, 0.94, 0.96))]
    for r in range(1, len(rows) - 1):
        style.append(("SPAN", (1, r), (3, r)))
    for r in (0, len(rows) - 1):
        style.append(("BACKGROUND", (2, r), (2, r), colors.Color(0.93, 0.94, 0.96)))
    grid.setStyle(TableStyle(style))
    return [*head, grid]
