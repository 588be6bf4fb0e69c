"""A comparison of two plans (versions) as an Excel workbook: figures, then changes.

Sheet "Figures": every headline figure in both plans and the change. Sheet "Changes": one
line per changed row, largest effect first, with what changed and its effect on the
requirement, the gap, the risk-adjusted gap and the risk exposure (pounds).

Text a user typed is never code: a cell whose text starts with = + - @, a tab or a CR is
stored as a string (and marked quote-prefixed), so Excel shows it and never evaluates it.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from workbench.domain.cell_text import looks_like_formula
from workbench.engine.diff import PlanDiff, field_text
from workbench.templates.workbook.writer import check_target, save_atomically, write_as_text

MONEY = '£#,##0;-£#,##0;£0'
PERCENT = "0.00%"
HEAD = Font(bold=True, color="FFFFFF")
HEAD_FILL = PatternFill("solid", fgColor="005EB8")
KINDS = {"scheme": "Savings scheme", "risk": "Risk", "workstream": "Workstream",
         "spend_line": "Spend line", "pressure": "Pressure", "activity_line": "Activity line",
         "trajectory": "Trajectory", "template_value": "Template input", "drivers": "Driver",
         "scenario": "Scenario"}
CHANGE_COLUMNS = ["Kind", "Row", "Change", "What changed", "Effect on requirement (£)",
                  "Effect on gap (£)", "Effect on risk-adjusted gap (£)",
                  "Effect on risk exposure (£)"]


def put(ws, row: int, column: int, value: Any, number_format: str | None = None):
    """Write one cell; text that a spreadsheet would read as a formula stays text."""
    cell = ws.cell(row, column)
    if isinstance(value, Decimal):
        value = float(value)
    cell.value = value
    if looks_like_formula(value):
        write_as_text(cell)
    if number_format:
        cell.number_format = number_format
    return cell


def _heading(ws, labels: list[str]) -> None:
    for column, label in enumerate(labels, start=1):
        cell = put(ws, 1, column, label)
        cell.font, cell.fill = HEAD, HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"


def diff_workbook(diff: PlanDiff, old_label: str, new_label: str) -> Workbook:
    wb = Workbook()
    figures = wb.active
    figures.title = "Figures"
    _heading(figures, ["Figure", old_label, new_label, "Change"])
    for r, f in enumerate(diff.figures, start=2):
        fmt = PERCENT if f.is_fraction else MONEY
        put(figures, r, 1, f.label)
        put(figures, r, 2, f.old, fmt)
        put(figures, r, 3, f.new, fmt)
        put(figures, r, 4, f.delta, fmt)
    changes = wb.create_sheet("Changes")
    _heading(changes, CHANGE_COLUMNS)
    for r, row in enumerate(diff.rows, start=2):
        put(changes, r, 1, KINDS.get(row.kind.value, row.kind.value))
        put(changes, r, 2, row.name)
        put(changes, r, 3, ", ".join(c.value for c in row.changes))
        put(changes, r, 4, field_text(row))
        for column, value in enumerate((row.requirement, row.gap, row.gap_risk_adjusted,
                                        row.risk_exposure), start=5):
            put(changes, r, column, round(value, 2), MONEY)
    for ws, widths in ((figures, [40, 18, 18, 18]), (changes, [16, 48, 26, 60, 18, 18, 18, 18])):
        for i, width in enumerate(widths):
            ws.column_dimensions[chr(ord("A") + i)].width = width
    return wb


def write_diff_workbook(diff: PlanDiff, out: str | Path, old_label: str,
                        new_label: str) -> Path:
    """Write the comparison to `out` (replaced atomically); the path written."""
    out = Path(out)
    check_target(out)
    save_atomically(diff_workbook(diff, old_label, new_label), out)
    return out
