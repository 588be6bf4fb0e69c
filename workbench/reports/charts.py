"""The paper's charts as reportlab vector drawings, from the figures in the BoardPaper.

Readable in greyscale: lines differ by weight, dash and marker as well as shade, and the
heat map's bands are light-to-dark greys with the score printed in each cell.
"""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from workbench.domain.risks import IMPACT_LABELS, LIKELIHOOD_LABELS
from workbench.reports.paper import ChartData, RiskPoint

FONT, BOLD = "Helvetica", "Helvetica-Bold"
INK = colors.Color(0.1, 0.1, 0.1)
GRID = colors.Color(0.85, 0.85, 0.85)
# (colour, width, dash): dark solid, mid blue dashed, light dotted - apart in grey too
STYLES = [(colors.Color(0.1, 0.1, 0.1), 1.6, None),
          (colors.Color(0.0, 0.37, 0.72), 1.8, (5, 2)),
          (colors.Color(0.55, 0.55, 0.55), 1.6, (1.5, 1.5))]
TARGET = colors.Color(0.75, 0.1, 0.1)
SPECIAL = colors.Color(0.93, 0.55, 0.1)  # special-cause points: orange, outlined for grey
ICON = colors.Color(0.3, 0.3, 0.3)
ROLES = {"mean": (colors.Color(0.45, 0.45, 0.45), 0.8, None),
         "limit": (colors.Color(0.45, 0.45, 0.45), 0.8, (2, 2)),
         "special": (SPECIAL, 0, None)}


def _nice_step(span: float) -> float:
    raw = span / 5 or 1.0
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def _axis(low: float, high: float) -> tuple[float, float, float]:
    if high <= low:
        high = low + 1
    step = _nice_step(high - low)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def _number(value: float, step: float) -> str:
    return f"{value:,.0f}" if step >= 1 else f"{value:,.1f}"


def line_chart(chart: ChartData, width: float, height: float) -> Drawing:
    """Lines by label with a legend, y gridlines and the target as a red dashed line."""
    d = Drawing(width, height)
    row = 14 if chart.icons else 0  # a row under the legend for the icons
    left, right, bottom, top = 42, 8, 34 + row, 20
    pw, ph = width - left - right, height - bottom - top
    values = [v for s in chart.series for v in s.values if v is not None]
    if chart.target is not None:
        values.append(chart.target)
    low, high, step = _axis(min([0.0, *values]) if chart.unit == "£m" else
                            min(values, default=0), max(values, default=1))
    n = max(len(chart.labels), 2)

    def x(i: int) -> float:
        return left + pw * i / (n - 1)

    def y(v: float) -> float:
        return bottom + ph * (v - low) / (high - low)

    d.add(String(left, height - 12, chart.title, fontName=BOLD, fontSize=9, fillColor=INK))
    tick = low
    while tick <= high + step / 2:
        d.add(Line(left, y(tick), left + pw, y(tick), strokeColor=GRID, strokeWidth=0.5))
        d.add(String(left - 4, y(tick) - 3, _number(tick, step), fontName=FONT, fontSize=7,
                     textAnchor="end", fillColor=INK))
        tick += step
    d.add(String(left - 4, bottom + ph + 5, chart.unit, fontName=FONT, fontSize=7,
                 textAnchor="end", fillColor=INK))
    changes = [i for i, label in enumerate(chart.labels)
               if i == 0 or label != chart.labels[i - 1]]  # a label where it changes
    gap = pw * (changes[-1] - changes[0]) / (n - 1) / max(len(changes) - 1, 1) if changes else 1
    for i in changes[::max(1, math.ceil(34 / max(gap, 1)))]:  # evenly, none too close
        d.add(String(x(i), bottom - 11, chart.labels[i], fontName=FONT, fontSize=6.5,
                     textAnchor="middle", fillColor=INK))
    d.add(Line(left, bottom, left + pw, bottom, strokeColor=INK, strokeWidth=0.7))
    if chart.target is not None:
        d.add(Line(left, y(chart.target), left + pw, y(chart.target), strokeColor=TARGET,
                   strokeWidth=1, strokeDashArray=(6, 3)))
    legend = []
    data = iter(STYLES)
    for s in chart.series:
        colour, weight, dash = ROLES.get(s.role) or next(data, STYLES[-1])
        if s.role == "special":
            for i, v in enumerate(s.values):
                if v is not None:
                    d.add(Circle(x(i), y(v), 2.4, fillColor=SPECIAL, strokeColor=INK,
                                 strokeWidth=0.5))
            legend.append((s.name, SPECIAL, 0, "dot"))
            continue
        runs: list[list[float]] = [[]]
        for i, v in enumerate(s.values):
            if v is None:
                runs.append([])
            else:
                runs[-1] += [x(i), y(v)]
        for run in runs:
            if len(run) >= 4:
                d.add(PolyLine(run, strokeColor=colour, strokeWidth=weight,
                               strokeDashArray=dash))
            elif len(run) == 2:
                d.add(Circle(run[0], run[1], 1.8, fillColor=colour, strokeColor=None))
        if s.name and any(v is not None for v in s.values):  # no "Actual" without actuals
            legend.append((s.name, colour, weight, dash))
    if chart.target is not None:
        legend.append(("Standard", TARGET, 1, (6, 3)))
    lx = left
    for name, colour, weight, dash in legend:
        ly = 8 + row
        if dash == "dot":
            d.add(Circle(lx + 9, ly, 2.4, fillColor=colour, strokeColor=INK, strokeWidth=0.5))
        else:
            d.add(Line(lx, ly, lx + 18, ly, strokeColor=colour, strokeWidth=weight,
                       strokeDashArray=dash))
        d.add(String(lx + 22, ly - 3, name, fontName=FONT, fontSize=7, fillColor=INK))
        lx += 34 + stringWidth(name, FONT, 7)
    _icons(d, chart, left, 7)
    return d


def _icons(d: Drawing, chart: ChartData, x: float, y: float) -> None:
    """Making Data Count icons under the legend: a symbol in a circle, then its meaning."""
    if not chart.icons:
        return
    d.add(String(x, y - 2.5, "Making Data Count:", fontName=BOLD, fontSize=7, fillColor=INK))
    x += stringWidth("Making Data Count:", BOLD, 7) + 12
    for letter, meaning in chart.icons:
        d.add(Circle(x, y, 5.5, fillColor=colors.white, strokeColor=ICON, strokeWidth=1.2))
        d.add(String(x, y - 3, letter, fontName=BOLD, fontSize=8, textAnchor="middle",
                     fillColor=ICON))
        d.add(String(x + 9, y - 2.5, meaning, fontName=FONT, fontSize=7, fillColor=INK))
        x += 9 + stringWidth(meaning, FONT, 7) + 18


def _band(score: int) -> colors.Color:
    """NHS 5x5 bands (1-3 low, 4-6 moderate, 8-12 high, 15-25 extreme) as greys with a tint."""
    if score >= 15:
        return colors.Color(0.62, 0.42, 0.42)
    if score >= 8:
        return colors.Color(0.75, 0.62, 0.55)
    if score >= 4:
        return colors.Color(0.88, 0.86, 0.72)
    return colors.Color(0.93, 0.95, 0.93)


def heat_map(points: list[RiskPoint], width: float, height: float) -> Drawing:
    """Likelihood across, impact up; each risk's number in its cell."""
    d = Drawing(width, height)
    left, bottom = 78, 56
    cell = min((width - left - 8) / 5, (height - bottom - 20) / 5)
    d.add(String(left, height - 12, "Risk heat map: likelihood x impact", fontName=BOLD,
                 fontSize=9, fillColor=INK))
    for li in range(1, 6):
        for im in range(1, 6):
            x0, y0 = left + (li - 1) * cell, bottom + (im - 1) * cell
            d.add(Rect(x0, y0, cell, cell, fillColor=_band(li * im), strokeColor=colors.white,
                       strokeWidth=1.5))
            d.add(String(x0 + cell - 3, y0 + 3, str(li * im), fontName=FONT, fontSize=6,
                         textAnchor="end",
                         fillColor=colors.white if li * im >= 15 else colors.Color(.3, .3, .3)))
    for n in range(1, 6):
        d.add(String(left + (n - 0.5) * cell, bottom - 10, str(n), fontName=FONT,
                     fontSize=6.5, textAnchor="middle", fillColor=INK))
        word = LIKELIHOOD_LABELS[n]
        lines = word.split(" ") if len(word) * 3.3 > cell else [word]  # "Almost / certain"
        for row, line in enumerate(lines):
            d.add(String(left + (n - 0.5) * cell, bottom - 19 - 7 * row, line,
                         fontName=FONT, fontSize=6.5, textAnchor="middle", fillColor=INK))
        d.add(String(left - 4, bottom + (n - 0.5) * cell - 2, f"{IMPACT_LABELS[n]} {n}",
                     fontName=FONT, fontSize=6.5, textAnchor="end", fillColor=INK))
    d.add(String(left + 2.5 * cell, bottom - 38, "Likelihood", fontName=BOLD, fontSize=7,
                 textAnchor="middle", fillColor=INK))
    d.add(String(4, bottom + 5 * cell + 4, "Impact", fontName=BOLD, fontSize=7,
                 fillColor=INK))
    cells: dict[tuple[int, int], list[RiskPoint]] = {}
    for p in points:
        cells.setdefault((p.likelihood, p.impact), []).append(p)
    for (li, im), here in cells.items():
        across = min(len(here), 3)
        for slot, p in enumerate(here):
            col, row = slot % 3, slot // 3
            cx = left + (li - 0.5) * cell + (col - (across - 1) / 2) * 14
            cy = bottom + (im - 0.5) * cell - row * 13 + (6 if len(here) > 3 else 0)
            _marker(d, cx, cy, p.number)
    return d


def _marker(d: Drawing, cx: float, cy: float, number: int) -> None:
    d.add(Circle(cx, cy, 6.5, fillColor=colors.white, strokeColor=INK, strokeWidth=1))
    d.add(String(cx, cy - 2.6, str(number), fontName=BOLD, fontSize=7.5,
                 textAnchor="middle", fillColor=INK))
