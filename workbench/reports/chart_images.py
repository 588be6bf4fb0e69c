"""The paper's charts as PNG images for the Word document, drawn headless.

The very drawings the PDF embeds as vectors (workbench.reports.charts) are rasterised by
reportlab's renderPM through its maintained Cairo backend (rlPyCairo), at print
resolution. No Qt: the CLI writes papers without a display.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from PIL import Image
from reportlab.graphics import renderPM
from reportlab.graphics.shapes import Drawing

from workbench.domain.errors import WorkbenchError
from workbench.domain.risks import IMPACT_LABELS, LIKELIHOOD_LABELS
from workbench.reports.charts import heat_map, line_chart
from workbench.reports.paper import BoardPaper, ChartData, RiskPoint

DPI = 300
POINT_MM = 25.4 / 72
# Sizes in points, as in the PDF (its text block is 174 mm = 493 pt wide).
LINE_WIDTH, CUMULATIVE_HEIGHT, SPC_HEIGHT = 493.0, 190.0, 165.0
HEAT_HEIGHT = 215.0


@dataclass(frozen=True)
class ChartImage:
    """One chart ready for a document: PNG bytes, printed size, and words for people
    who cannot see it (the caption and the alt text)."""

    key: str  # "cumulative", "heat-map", "spc-1", ...
    caption: str
    alt_text: str
    png: bytes
    width_mm: float
    height_mm: float


def png(drawing: Drawing, dpi: int = DPI) -> bytes:
    """`drawing` as PNG bytes on white, its resolution recorded in the file (so a picture
    copied out of the document prints at its size); one clear error when the renderer is
    missing."""
    try:
        drawn = renderPM.drawToString(drawing, fmt="PNG", dpi=dpi, bg=0xFFFFFF)
    except renderPM.RenderPMError as exc:
        raise WorkbenchError(
            "The charts in the Word paper could not be drawn: the chart renderer "
            "(rlPyCairo, with the system Cairo library) is not installed. Reinstall the "
            f"application's packages. ({str(exc).splitlines()[0]})") from exc
    out = BytesIO()
    Image.open(BytesIO(drawn)).save(out, format="PNG", dpi=(dpi, dpi))
    return out.getvalue()


def _image(key: str, caption: str, alt: str, drawing: Drawing) -> ChartImage:
    return ChartImage(key, caption, alt, png(drawing), drawing.width * POINT_MM,
                      drawing.height * POINT_MM)


def _line_alt(chart: ChartData) -> str:
    """What the chart shows, in words: each line's first and last value."""
    parts = []
    for s in chart.series:
        points = [(label, v) for label, v in zip(chart.labels, s.values, strict=False)
                  if v is not None]
        if not points or s.role in ("limit", "special"):
            continue
        (first_label, first), (last_label, last) = points[0], points[-1]
        parts.append(f"{s.name or 'Line'}: {first:,.1f} in {first_label} to {last:,.1f} "
                     f"in {last_label}")
    if chart.target is not None:
        parts.append(f"standard {chart.target:,.1f}")
    icons = "; ".join(meaning for _letter, meaning in chart.icons)
    return (f"Line chart: {chart.title} ({chart.unit}), {chart.labels[0]} to "
            f"{chart.labels[-1]}. " + "; ".join(parts) + "."
            + (f" Making Data Count: {icons}." if icons else ""))


def _heat_alt(points: list[RiskPoint]) -> str:
    where = "; ".join(f"risk {p.number} at likelihood {p.likelihood} "
                      f"({LIKELIHOOD_LABELS[p.likelihood]}), impact {p.impact} "
                      f"({IMPACT_LABELS[p.impact]}), score {p.likelihood * p.impact}"
                      for p in points)
    return ("Risk heat map: a 5 by 5 grid, likelihood from 1 (Rare) to 5 (Almost certain) "
            "across, impact from 1 (Negligible) to 5 (Catastrophic) up. "
            + (where + "." if where else "No risks are placed."))


def heat_map_drawing(points: list[RiskPoint]) -> Drawing:
    """The PDF's heat map, its width trimmed to the grid so no blank margin is printed."""
    cell = (HEAT_HEIGHT - 76) / 5  # charts.heat_map: bottom 56 + title 20; left 78 + 8
    return heat_map(points, 78 + 5 * cell + 8, HEAT_HEIGHT)


def chart_images(paper: BoardPaper) -> dict[str, ChartImage]:
    """Every chart the PDF carries, numbered as figures in the order they appear."""
    figures: dict[str, ChartImage] = {}

    def add(key: str, title: str, alt: str, drawing: Drawing) -> None:
        figures[key] = _image(key, f"Figure {len(figures) + 1}: {title}", alt, drawing)

    if paper.cumulative:
        c = paper.cumulative
        add("cumulative", c.title, _line_alt(c), line_chart(c, LINE_WIDTH, CUMULATIVE_HEIGHT))
    add("heat-map", "Risk heat map: likelihood x impact", _heat_alt(paper.heat_map),
        heat_map_drawing(paper.heat_map))
    for n, chart in enumerate(paper.trajectory_charts, start=1):
        add(f"spc-{n}", chart.title, _line_alt(chart), line_chart(chart, LINE_WIDTH,
                                                                  SPC_HEIGHT))
    return figures
