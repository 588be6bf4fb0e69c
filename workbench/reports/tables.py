"""A paper's tables as plain data: each cell is text or a number with its printed text, so
the PDF and Word writers print the text and the Excel writer keeps the number."""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.reports.money import bracketed

THOUSANDS_FORMAT = "#,##0;(#,##0);-"


@dataclass(frozen=True)
class Num:
    """A number as the paper prints it (`text`) and as a spreadsheet keeps it (`value`)."""

    value: float
    text: str
    excel_format: str = THOUSANDS_FORMAT

    def __str__(self) -> str:
        return self.text


Cell = str | Num


def k(value: int) -> Num:
    """A figure already rounded to £000s."""
    return Num(value, bracketed(value))


def pct(fraction: float, places: int = 1) -> Num:
    return Num(round(fraction, places + 2), f"{fraction * 100:.{places}f}%",
               "0." + "0" * places + "%")


def count(value: float, places: int = 0) -> Num:
    return Num(round(value, places), f"{value:,.{places}f}",
               "#,##0" + ("." + "0" * places if places else ""))


@dataclass
class Table:
    """`name` is short (an Excel sheet name); `title` is the caption in the paper."""

    name: str
    title: str
    columns: tuple[str, ...]
    rows: list[tuple[Cell, ...]] = field(default_factory=list)
    total: tuple[Cell, ...] | None = None
    note: str = ""
    widths: tuple[float, ...] = ()  # relative column widths in print; equal if empty

    def numeric(self, column: int) -> bool:
        """A column of figures (printed right-aligned)."""
        cells = [row[column] for row in self.rows + ([self.total] if self.total else [])]
        return bool(cells) and all(isinstance(c, Num) or c in ("", "-") for c in cells)
