"""Declarative template layouts: what each sheet holds, where inputs go, how cells map to fields.

One spec drives all three jobs: the generator lays the workbook out from it, the writer
finds input cells through it, and the reader locates rows by code/label and columns by
header text through it, so a colleague's re-laid-out copy still loads.

Formula templates use str.format fields: {r} this row, {c} this column letter, {p} the
previous column letter, {key} the row-key column letter, a column key (e.g. {gross_saving})
for that column's letter in a table, and a row code (e.g. {A01}, dots as underscores) for
that row's number in a grid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

MONEY_LIMIT = 100_000_000  # £000 and plain numbers; templates.md: BCF inputs 0-100,000,000


class Kind(StrEnum):
    TEXT = "text"
    MONEY = "money"  # £000 in the cell, pounds in the domain
    PERCENT = "percent"  # a fraction in the cell and the domain
    NUMBER = "number"  # a plain decimal (counts, rates)
    INT = "int"
    BOOL = "bool"  # Y / N
    ENUM = "enum"  # one of a list on the Lists sheet
    DATE = "date"
    YEAR = "year"  # '2016/17'


@dataclass(frozen=True)
class Column:
    """One column of a list table. `key` "" means the app does not hold it (kept, not read)."""

    key: str
    header: str
    kind: Kind = Kind.TEXT
    aliases: tuple[str, ...] = ()
    formula: str = ""
    choices: str = ""  # list name on the Lists sheet (or a dynamic list)
    width: float = 12
    required: bool = False
    total: bool = False
    low: float | None = None
    high: float | None = None
    prefill: str | tuple[str, ...] = ""  # grey text per row: "Q{n:03d}" or one value per row
    non_negative: bool = False  # the template expects 0 or more: a negative is a Warning

    @property
    def is_input(self) -> bool:
        return not (self.formula or self.prefill)

    @property
    def held(self) -> bool:
        """Read into the plan (keys starting with '_' are kept in the workbook only)."""
        return self.is_input and bool(self.key) and not self.key.startswith("_")


@dataclass(frozen=True)
class Table:
    """A list of rows under a header row: one row per scheme, risk, workstream ..."""

    sheet: str
    title: str
    name: str  # defined-name prefix, e.g. "QIPP"
    columns: tuple[Column, ...]
    key: str  # the column whose text identifies a row (matched by name on import)
    header_row: int = 6
    capacity: int = 200
    unit: str = "£000"
    min_rows: int = 0  # checklist: at least this many rows filled
    note: str = ""
    identity: tuple[str, ...] = ()  # more columns naming a row with `key` (provider + measure)

    @property
    def first_row(self) -> int:
        return self.header_row + 1

    @property
    def last_row(self) -> int:
        return self.header_row + self.capacity

    @property
    def total_row(self) -> int | None:
        return self.header_row - 1 if any(c.total for c in self.columns) else None

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


@dataclass(frozen=True)
class GridRow:
    """A row of a grid, found by its code (column A) or label (column B).

    `cells` maps a value-column header to the field key it holds (an input; a key of ""
    or starting with "_" is kept in the workbook but not read); `formulas` maps a header to
    a formula template (calculated); `names` gives cells defined names for formulas elsewhere.
    """

    code: str
    label: str
    kind: Kind = Kind.MONEY
    cells: dict[str, str] = field(default_factory=dict)
    formulas: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    values: dict[str, object] = field(default_factory=dict)  # grey pre-filled cells
    required: bool | tuple[str, ...] = False  # True: every input; or these headers only
    choices: str = ""
    bold: bool = False
    unit: str = ""
    non_negative: bool = False  # the template expects 0 or more: a negative is a Warning

    def is_required(self, header: str) -> bool:
        if isinstance(self.required, tuple):
            return header in self.required
        return self.required and header in self.cells


@dataclass(frozen=True)
class Grid:
    """Fixed rows (code, label) by value columns: allocations, assumptions, summary."""

    sheet: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[GridRow, ...]
    header_row: int = 6
    unit: str = "£000"
    label_width: float = 48
    note: str = ""
    kinds: dict[str, Kind] = field(default_factory=dict)  # per-header kind, over the row's
    choices: dict[str, str] = field(default_factory=dict)  # per-header drop-down list

    @property
    def first_row(self) -> int:
        return self.header_row + 1

    def kind_of(self, row: GridRow, header: str) -> Kind:
        return self.kinds.get(header, row.kind)

    def row_number(self, code: str) -> int:
        return self.first_row + [r.code for r in self.rows].index(code)


@dataclass(frozen=True)
class CoverRow:
    label: str
    key: str = ""  # "" = kept, not read
    kind: Kind = Kind.TEXT
    name: str = ""
    value: object = None  # pre-filled (grey) when set
    formula: str = ""
    choices: str = ""
    required: bool = False


Sheet = Table | Grid


@dataclass(frozen=True)
class TemplateSpec:
    template_id: str  # e.g. "finance_2016_17": written on the cover, read to recognise
    kind: str  # "finance", "activity", "resilience", "bcf"
    title: str  # cover title, e.g. "2016/17 Finance Plan"
    version: int
    first_year: int
    cover: tuple[CoverRow, ...]
    sheets: tuple[Sheet, ...]
    lists: dict[str, tuple[str, ...]]
    dynamic_lists: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> (sheet, key)
    verified: str = ""  # which parts of the layout are verified against a source
    cover_title_cell: str = "B2"
    guidance: tuple[str, ...] = ()  # paragraphs for a leading Guidance sheet

    @property
    def file_name(self) -> str:
        return f"{self.template_id}.xlsx"

    def sheet(self, name: str) -> Sheet:
        return next(s for s in self.sheets if s.sheet == name)

    def table(self, name: str) -> Table:
        found = self.sheet(name)
        assert isinstance(found, Table)
        return found

    def grid(self, name: str) -> Grid:
        found = self.sheet(name)
        assert isinstance(found, Grid)
        return found

    @property
    def sheet_names(self) -> tuple[str, ...]:
        lead = ("Guidance",) if self.guidance else ()
        return (*lead, "Cover", *(s.sheet for s in self.sheets), "Checklist", "Lists")


def code_key(code: str) -> str:
    """A row code as a str.format field name: 'E.M.10.a' -> 'E_M_10_a'."""
    return re.sub(r"\W", "_", code)


SHEET_ALIASES: dict[str, tuple[str, ...]] = {  # the verified long captions (FPT14, BCFQ)
    "Cover": ("Cover Sheet", "1) Cover Sheet"),
    "Summary": ("Financial Plan Summary",),
    "Allocations": ("Revenue Resource Limit",),
    "Assumptions": ("Planning Assumptions",),
    "Expenditure": ("Financial Plan Detail",),
    "Contracts": ("Contract Value Triangulation",),
    "BCF": ("Better Care Fund",),
    "National Conditions": ("3) National Conditions",),
}


def sheet_names_for(name: str) -> tuple[str, ...]:
    """A sheet's name and the other captions it may carry in a real or older workbook."""
    return (name, *SHEET_ALIASES.get(name, ()))


_UNIT = re.compile(r"\(?\s*(£\s*000|£000s|£k|£)\s*\)?\s*$", re.IGNORECASE)
_OTHER = re.compile(r"[^a-z0-9%]")
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def normalise(text: object) -> str:
    """Header or label text reduced for matching: case, spaces, punctuation, units ignored."""
    if isinstance(text, str):
        return _normalised(text)
    if text is None:
        return ""
    if hasattr(text, "month") and hasattr(text, "year"):
        return f"{_MONTHS[text.month - 1]}{text.year % 100:02d}"  # a real date header
    return _normalised(str(text))


@lru_cache(maxsize=8192)
def _normalised(text: str) -> str:
    """Remembered: an import matches the same few labels and choices thousands of times."""
    cleaned = _UNIT.sub("", text.strip())
    return _OTHER.sub("", cleaned.lower())
