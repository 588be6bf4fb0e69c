"""Charts to files for papers: PNG at 300 dpi, SVG and PDF as vectors, each with a title,
the organisation, the date and a source line. Never a screen grab.

The chart is painted again into the target device (QImage at print resolution,
QSvgGenerator, QPdfWriter): a pyqtgraph view renders its scene through the painter, so
lines and text are drawn at the target's resolution (vectors in SVG and PDF).
pyqtgraph's own SVG exporter is not used: it crashes with PySide6 (platform notes).

Everything is rendered into memory and written with one Python file write, so a file held
open by Excel or a viewer on Windows fails as a PermissionError (which the export helpers
turn into "close it and try again"), not as Qt's silent `False`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QPoint,
    QRect,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPicture,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsView, QWidget

from workbench.domain.export_files import written_through_temporary

PRINT_DPI = 300
CHART_INCHES = QSizeF(7.0, 4.5)  # an A4 text column wide
FORMATS = {".png": "PNG image, 300 dpi", ".svg": "SVG vector image", ".pdf": "PDF"}
TEXT = QColor("#212B32")  # NHS dark text
MUTED = QColor("#425563")


@dataclass(frozen=True)
class ChartCaption:
    """What a chart in a paper carries besides the chart itself."""

    title: str
    organisation: str
    on: date = field(default_factory=date.today)
    source: str = "Source: Planning Workbench, figures computed from the plan"

    @property
    def subtitle(self) -> str:
        day = self.on.strftime("%d %B %Y").lstrip("0")
        return f"{self.organisation} · {day}" if self.organisation else day


SCREEN_DPI = 96  # the unit the chart's own items are laid out in (pyqtgraph: pixels)


Charts = QWidget | Sequence[QWidget]  # one chart, or a page's charts stacked


def _as_list(charts: Charts) -> list[QWidget]:
    return [charts] if isinstance(charts, QWidget) else list(charts)


def figure_inches(count: int = 1) -> QSizeF:
    """7 × 4.5 inches for one chart; 3 inches more per chart when a page's are stacked."""
    if count <= 1:
        return CHART_INCHES
    return QSizeF(CHART_INCHES.width(), 0.9 + 3.0 * count)


def print_size(dpi: int = PRINT_DPI, count: int = 1) -> QSize:
    inches = figure_inches(count)
    return QSize(round(inches.width() * dpi), round(inches.height() * dpi))


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont()  # the application's family: no hard-coded font
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def paint_chart(painter: QPainter, area: QRectF, chart: Charts, caption: ChartCaption) -> None:
    """Title, organisation and date above the chart, the source line below, in `area`.

    Painted in 96-dpi units, as the chart's own items are laid out: the painter's device
    resolves font points at 96 dpi and the painter's scale carries everything to the
    target resolution, so text and lines keep the proportions they have on screen."""
    line = SCREEN_DPI / 72  # units per point
    pad = 6 * line
    top = area.top() + pad
    for text, font, colour in ((caption.title, _font(13, bold=True), TEXT),
                               (caption.subtitle, _font(8.5), MUTED)):
        painter.setFont(font)
        painter.setPen(colour)
        height = painter.fontMetrics().height()
        painter.drawText(QRectF(area.left() + pad, top, area.width() - 2 * pad, height),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        top += height + 2 * line
    painter.setFont(_font(7))
    painter.setPen(MUTED)
    source_height = painter.fontMetrics().height()
    bottom = area.bottom() - pad - source_height
    painter.drawText(QRectF(area.left() + pad, bottom, area.width() - 2 * pad, source_height),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, caption.source)
    charts = _as_list(chart)
    gap = 8 * line
    height = (bottom - top - 4 * line - gap * (len(charts) - 1)) / max(len(charts), 1)
    for index, each in enumerate(charts):
        target = QRectF(area.left() + pad, top + 2 * line + index * (height + gap),
                        area.width() - 2 * pad, height)
        with _own_title_hidden(each, caption.title):
            _paint_widget(painter, target, each)


@contextmanager
def _own_title_hidden(chart: QWidget, title: str) -> Iterator[None]:
    """A plot whose own title repeats the caption's loses it while it is exported."""
    plot = chart.getPlotItem() if hasattr(chart, "getPlotItem") else None
    label = getattr(plot, "titleLabel", None)
    if label is None or not label.isVisible() or label.text != title:
        yield
        return
    text, opts = label.text, dict(label.opts)
    plot.setTitle(None)
    try:
        yield
    finally:
        plot.setTitle(text, **opts)


def _paint_widget(painter: QPainter, target: QRectF, chart: QWidget) -> None:
    """The chart's content scaled into `target`, keeping its shape, drawn as items."""
    if isinstance(chart, QGraphicsView):  # pyqtgraph: the scene, not the pixels on screen
        _render_view_at(chart, painter, target)
        return
    size = chart.size()
    scale = min(target.width() / max(size.width(), 1), target.height() / max(size.height(), 1))
    painter.save()
    painter.translate(target.left() + (target.width() - size.width() * scale) / 2,
                      target.top() + (target.height() - size.height() * scale) / 2)
    painter.scale(scale, scale)
    chart.render(painter, QPoint(0, 0))
    painter.restore()


def _render_view_at(view: QGraphicsView, painter: QPainter, target: QRectF) -> None:
    """Lay the view out at the target's size (axes, legend and labels placed as they would
    be on a window that size, fonts at their point size), draw it, then put it back."""
    frame = view.size() - view.viewport().size()
    old = view.size()
    view.resize(QSize(round(target.width()), round(target.height())) + frame)
    QApplication.sendPostedEvents()  # pyqtgraph lays its items out on a posted request
    # pyqtgraph's export mode: symbols drawn as shapes, not stamped from a screen pixmap.
    items = [item for item in view.scene().items() if hasattr(item, "setExportMode")]
    for item in items:
        item.setExportMode(True, {"antialias": True, "painter": painter})
    # Axes cached as screen pixmaps (charts' speed) are drawn afresh: vector, print-sharp.
    cached = [(item, item.cacheMode()) for item in view.scene().items()
              if item.cacheMode() != QGraphicsItem.CacheMode.NoCache]
    for item, _mode in cached:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    try:
        view.render(painter, target, view.viewport().rect(),
                    Qt.AspectRatioMode.IgnoreAspectRatio)
    finally:
        for item in items:
            item.setExportMode(False)
        for item, mode in cached:
            item.setCacheMode(mode)
        view.resize(old)
        QApplication.sendPostedEvents()


def _render(draw: Callable[[QIODevice], None]) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    draw(buffer)
    buffer.close()
    return bytes(data.data())


def chart_png(chart: Charts, caption: ChartCaption, dpi: int = PRINT_DPI) -> bytes:
    """7 × 4.5 inches at `dpi` (2100 × 1350 pixels at 300), the resolution in the file.

    The chart is recorded as drawing commands (a QPicture, at 96 dpi as on screen) and
    played back onto the image through a scaled painter: lines and text are drawn at
    `dpi`, and items pyqtgraph keeps at a fixed pixel size (legend, symbols) scale too."""
    count = len(_as_list(chart))
    logical = print_size(SCREEN_DPI, count)
    picture = QPicture()
    recorder = QPainter(picture)
    try:
        paint_chart(recorder, QRectF(0, 0, logical.width(), logical.height()), chart, caption)
    finally:
        recorder.end()
    image = QImage(print_size(dpi, count), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    screen = round(SCREEN_DPI / 0.0254)
    image.setDotsPerMeterX(screen)  # fonts resolve at 96 dpi while playing back...
    image.setDotsPerMeterY(screen)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    try:
        painter.scale(dpi / SCREEN_DPI, dpi / SCREEN_DPI)  # ...and are drawn at `dpi`
        painter.drawPicture(0, 0, picture)
    finally:
        painter.end()
    per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(per_metre)  # the file says 300 dpi: 7 × 4.5 inches when placed
    image.setDotsPerMeterY(per_metre)

    def save(device: QIODevice) -> None:
        if not image.save(device, "PNG"):
            raise OSError("could not encode the PNG")

    return _render(save)


def chart_svg(chart: Charts, caption: ChartCaption) -> bytes:
    """7 × 4.5 inches of vectors (96 user units per inch, as browsers and Word read SVG)."""
    size = print_size(SCREEN_DPI, len(_as_list(chart)))

    def draw(device: QIODevice) -> None:
        generator = QSvgGenerator()
        generator.setOutputDevice(device)
        generator.setSize(size)
        generator.setViewBox(QRect(QPoint(0, 0), size))
        generator.setResolution(SCREEN_DPI)
        generator.setTitle(caption.title)
        generator.setDescription(f"{caption.subtitle}. {caption.source}")
        painter = QPainter(generator)
        try:
            paint_chart(painter, QRectF(0, 0, size.width(), size.height()), chart, caption)
        finally:
            painter.end()

    return _render(draw)


def chart_pdf(chart: Charts, caption: ChartCaption) -> bytes:
    """One page the size of the chart, text and lines as vectors."""

    def draw(device: QIODevice) -> None:
        writer = QPdfWriter(device)
        page = QPageSize(figure_inches(len(_as_list(chart))), QPageSize.Unit.Inch, "Chart")
        writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait,
                                         QMarginsF(0, 0, 0, 0)))
        writer.setResolution(SCREEN_DPI)  # vectors: the unit only sets the fonts' scale
        writer.setTitle(caption.title)
        writer.setCreator("Planning Workbench")
        painter = QPainter(writer)
        try:
            area = QRectF(writer.pageLayout().paintRectPixels(writer.resolution()))
            paint_chart(painter, area.translated(-area.topLeft()), chart, caption)
        finally:
            painter.end()

    return _render(draw)


RENDERERS = {".png": chart_png, ".svg": chart_svg, ".pdf": chart_pdf}


def export_chart(chart: Charts, path: Path, caption: ChartCaption) -> Path:
    """Write `chart` (or several, stacked) to `path` as PNG (300 dpi), SVG or PDF, chosen
    by the suffix."""
    path = Path(path)
    render = RENDERERS.get(path.suffix.lower())
    if render is None:
        raise ValueError(f"{path.name}: save a chart as .png, .svg or .pdf")
    data = render(chart, caption)  # rendered first: a failed render touches no file
    with written_through_temporary(path) as temporary:
        temporary.write_bytes(data)
    return path


def page_charts(page: QWidget) -> list[QWidget]:
    """The charts shown on a page (pyqtgraph views), top to bottom, left to right: what
    File > Export charts puts in its figure, without tables, splitters or labels."""
    views = [view for view in page.findChildren(QGraphicsView) if view.isVisible()]
    return sorted(views, key=lambda v: (v.mapTo(page, QPoint(0, 0)).y(),
                                        v.mapTo(page, QPoint(0, 0)).x()))


# -- the pages' save_png / save_pdf (File menu), kept for their callers ---------------------
def save_widget_png(widget: QWidget, path: Path, caption: ChartCaption | None = None) -> None:
    """The charts on `widget` as one 300-dpi figure (painted again, not grabbed)."""
    export_chart(page_charts(widget) or widget, path,
                 caption or ChartCaption(widget.accessibleName() or "Charts", ""))


def save_widget_pdf(widget: QWidget, path: Path, caption: ChartCaption | None = None) -> None:
    """The charts on `widget` as one vector PDF page."""
    export_chart(page_charts(widget) or widget, path,
                 caption or ChartCaption(widget.accessibleName() or "Charts", ""))
