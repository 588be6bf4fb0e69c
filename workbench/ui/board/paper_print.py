"""Paint the board paper onto a QPrinter (print preview or the printer itself), page by
page, with the paper number, date, organisation and 'Page n of N' on every page."""

from __future__ import annotations

import re

from PySide6.QtCore import QByteArray, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtSvg import QSvgRenderer
from reportlab.graphics import renderSVG

from workbench.reports.charts import heat_map, line_chart
from workbench.reports.paper import BoardPaper
from workbench.ui.board.paper_html import paper_html

CLIP = re.compile(r"<clipPath.*?</clipPath>", re.DOTALL)
UNFILLED = re.compile(r'<(path|polyline) ([^>]*?)style="(?![^"]*fill)')
CHART_WIDTH = 480  # points: the text width of A4 less margins, as in the PDF
IMAGE_DPI = 200


def _charts(paper: BoardPaper) -> dict[str, object]:
    drawings: dict[str, object] = {}
    if paper.cumulative:
        drawings["cumulative"] = line_chart(paper.cumulative, CHART_WIDTH, 190)
    drawings["heat_map"] = heat_map(paper.heat_map, CHART_WIDTH * 0.7, 250)
    for i, chart in enumerate(paper.trajectory_charts):
        drawings[f"trajectory{i}"] = line_chart(chart, CHART_WIDTH, 165)
    return drawings


def _image(drawing) -> QImage:
    """The reportlab drawing, as SVG, painted by Qt at print resolution."""
    text = renderSVG.drawToString(drawing)
    # Qt draws SVG Tiny, which has no clipPath: it would paint the clip rectangle black
    text = CLIP.sub("", text).replace(' style="clip-path: url(#clip)"', "")
    text = UNFILLED.sub(r'<\1 \2style="fill: none; ', text)  # lines: SVG's default is black
    text = text.replace("fill: None;", "fill: none;")  # reportlab writes Python's None
    svg = QSvgRenderer(QByteArray(text.encode("utf-8")))
    scale = IMAGE_DPI / 72
    image = QImage(int(drawing.width * scale), int(drawing.height * scale),
                   QImage.Format.Format_ARGB32)
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    svg.render(painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    return image


def paper_document(paper: BoardPaper, printer: QPrinter) -> QTextDocument:
    """The paper laid out for `printer`'s page (one unit = one device pixel)."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(printer)
    doc.setDefaultFont(QFont("Arial", 9))
    charts = _charts(paper)
    points = {}
    for name, drawing in charts.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, name, _image(drawing))
        # rich text sizes are CSS pixels (96 to the inch) whatever the device
        points[name] = (round(drawing.width * 96 / 72), round(drawing.height * 96 / 72))
    doc.setHtml(paper_html(paper, points))
    return doc


def print_paper(paper: BoardPaper, printer: QPrinter) -> int:
    """Lay out and paint every page; returns the number of pages."""
    page = printer.pageLayout().paintRectPixels(printer.resolution())
    dots = printer.resolution() / 72
    band = 24 * dots  # header and footer bands
    doc = paper_document(paper, printer)
    body = QSizeF(page.width(), page.height() - 2 * band)
    doc.setPageSize(body)
    total = doc.pageCount()
    painter = QPainter(printer)
    try:
        for number in range(1, total + 1):
            if number > 1:
                printer.newPage()
            _bands(painter, paper, page.width(), page.height(), band, number, total)
            painter.save()
            painter.translate(0, band - (number - 1) * body.height())
            doc.drawContents(painter, QRectF(QPointF(0, (number - 1) * body.height()), body))
            painter.restore()
    finally:
        painter.end()
    return total


def _bands(painter: QPainter, paper: BoardPaper, width: float, height: float, band: float,
           number: int, total: int) -> None:
    painter.save()
    painter.setFont(QFont("Arial", 7))
    painter.setPen(QColor(70, 70, 70))
    top = QRectF(0, 0, width, band * 0.7)
    painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     paper.running_head)
    painter.drawText(top, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                     paper.ods_code)
    painter.setPen(QColor(0, 48, 135))
    painter.drawLine(QPointF(0, band * 0.75), QPointF(width, band * 0.75))
    painter.setPen(QColor(70, 70, 70))
    foot = QRectF(0, height - band * 0.7, width, band * 0.7)
    painter.drawText(foot, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     paper.plan_title)
    painter.drawText(foot, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                     f"Page {number} of {total}")
    painter.restore()
