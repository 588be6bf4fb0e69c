"""Charts to files: PNG from a grab, vector PDF by painting into a QPdfWriter.

pyqtgraph's SVG exporter is not used (see platform notes): widgets paint themselves into
the PDF, so lines and text stay vectors. Both are rendered into memory first and written
with one Python file write, so a file held open by Excel or a viewer on Windows fails as a
PermissionError (which the export helpers turn into "close it and try again"), not as
Qt's silent `False`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPoint
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QWidget


def _write(path: Path, data: QByteArray) -> None:
    Path(path).write_bytes(bytes(data.data()))


def save_widget_png(widget: QWidget, path: Path) -> None:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not widget.grab().save(buffer, "PNG"):
        raise OSError(f"could not render {Path(path).name}")
    buffer.close()
    _write(path, data)


def save_widget_pdf(widget: QWidget, path: Path) -> None:
    """One A4 page holding `widget`, scaled to fit, drawn as vectors."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    a4 = QPageSize(QPageSize.PageSizeId.A4)
    writer.setPageSize(a4)
    writer.setPageLayout(
        QPageLayout(a4, QPageLayout.Orientation.Portrait, QMarginsF(10, 10, 10, 10)))
    writer.setResolution(96)
    painter = QPainter(writer)
    try:
        page = writer.pageLayout().paintRectPixels(writer.resolution())
        scale = min(page.width() / max(widget.width(), 1),
                    page.height() / max(widget.height(), 1))
        painter.scale(scale, scale)
        widget.render(painter, QPoint(0, 0))
    finally:
        painter.end()
    buffer.close()
    _write(path, data)
