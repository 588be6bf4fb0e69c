"""Ledger actuals from a CSV file or an Excel sheet: scheme reference, month, value.

Columns are found by their header (any case, in the first non-blank row): scheme (or
reference / scheme reference), month, value (or actual), and optionally part (recurrent
or non-recurrent; else the part the scheme's plan is in). CSV text follows the other
imports' rules (UTF-8 with or without BOM, else Windows-1252); money is read as people
type it (domain.numbers: 12,500, £12.5k, (200)). Every row is checked before anything is
offered: a problem anywhere and there is no edit, and each problem names the file, the
sheet and the cell. A month may be one already closed (a correction) or the next to
close; `close_edit()` closes that month with the file's actuals when the file is exactly
that month.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from workbench.csv_inputs.actuals import DATE_FORMATS, decode
from workbench.domain.errors import TemplateError, ValidationError
from workbench.domain.ledger import PARTS, Ledger, month_index
from workbench.domain.ledger_edits import LedgerBatch, close_month_edit, set_actual
from workbench.domain.numbers import NotAccepted, parse_money
from workbench.templates.report.findings import Finding, Findings, Severity

MAX_CSV_BYTES = 5_000_000  # a year of every scheme's actuals is a few kilobytes
MAX_ROWS = 20_000
MAX_PROBLEMS = 200  # a wrong file is told in its first problems, not a million lines
HEADERS = {"scheme": ("scheme", "reference", "scheme reference", "scheme ref", "ref"),
           "month": ("month", "period", "date"),
           "value": ("value", "actual", "actual £", "amount"),
           "part": ("part", "recurrent")}
REQUIRED = ("scheme", "month", "value")


@dataclass(frozen=True)
class ActualRow:
    cell: str  # where the value is, e.g. "C4"
    scheme_id: int
    reference: str
    month: str
    part: str
    value: Decimal
    old: Decimal | None  # the actual the ledger holds now


@dataclass
class LedgerActualsPreview:
    file: str
    sheet: str = ""
    rows: list[ActualRow] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    encoding: str = ""
    edit: LedgerBatch | None = None  # None whenever there is a problem

    @property
    def ok(self) -> bool:
        return not any(f.severity is Severity.PROBLEM for f in self.findings)

    def months(self) -> list[str]:
        return sorted({r.month for r in self.rows})

    def total(self) -> Decimal:
        return sum((r.value for r in self.rows), Decimal(0))

    def messages(self) -> list[str]:
        """'file, sheet, cell: why' for each finding."""
        return [", ".join(p for p in (f.file, f.sheet, f.cell) if p) + f": {f.message}"
                for f in self.findings]

    def text(self) -> str:
        lines = self.messages()
        if self.ok:
            lines.append(f"{self.file}: {len(self.rows)} actual(s) for "
                         f"{', '.join(self.months()) or 'no month'}, £{self.total():,.2f}")
        return "\n".join(lines)

    def close_edit(self, ledger: Ledger) -> LedgerBatch:
        """Close the file's one month with its actuals (ValidationError saying why not)."""
        if not self.ok:
            raise ValidationError(f"{self.file} has problems; nothing was closed")
        if self.months() != [ledger.next_to_close()]:
            raise ValidationError(f"{self.file} holds {', '.join(self.months())}: closing a "
                                  f"month needs exactly {ledger.next_to_close()}")
        return close_month_edit(ledger, self.months()[0], {
            (r.scheme_id, r.part): r.value for r in self.rows})


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def read_ledger_actuals(path: str | Path, ledger: Ledger,
                        sheet: str | None = None) -> LedgerActualsPreview:
    """Read and check every row; the preview carries the edit only if all are good."""
    path = Path(path)
    preview = LedgerActualsPreview(path.name)
    findings = Findings(path.name)
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            grid = _xlsx_grid(path, sheet, preview)
        else:
            grid = _csv_grid(path, findings, preview)
    except TemplateError as exc:
        findings.problem(str(exc).split(": ", 1)[-1], sheet=exc.sheet, cell=exc.cell)
        grid = []
    if grid is not None and not findings.has_problems:
        _check_rows(grid, ledger, findings, preview)
    preview.findings = [dataclasses_replace_sheet(f, preview.sheet) for f in findings.items]
    if preview.ok:
        preview.edit = LedgerBatch(tuple(set_actual(ledger, r.scheme_id, r.month, r.part, r.value)
                                         for r in preview.rows),
                                   f"Import actuals from {path.name}")
    return preview


def dataclasses_replace_sheet(f: Finding, sheet: str) -> Finding:
    return f if f.sheet or not f.cell else Finding(f.severity, f.message, f.file, sheet, f.cell)


Grid = list[tuple[int, list[object]]]  # (row number, cells left to right)


def _csv_grid(path: Path, findings: Findings, preview: LedgerActualsPreview) -> Grid | None:
    if not path.is_file():
        findings.problem("is not a file that can be read")
        return None
    if path.stat().st_size > MAX_CSV_BYTES:
        findings.problem(f"is larger than {MAX_CSV_BYTES // 1_000_000} MB: not a file of "
                         "scheme actuals")
        return None
    try:
        text, preview.encoding = decode(path.read_bytes())
    except OSError as exc:
        findings.problem(f"cannot be read ({exc.strerror or exc})")
        return None
    grid: Grid = []
    try:
        for number, row in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
            if len(grid) > MAX_ROWS:
                findings.problem(f"has more than {MAX_ROWS:,} rows: not a file of scheme "
                                 "actuals")
                return None
            grid.append((number, list(row)))
    except csv.Error as exc:
        findings.problem(f"is not a readable CSV file ({exc})")
        return None
    return grid


def _xlsx_grid(path: Path, sheet: str | None, preview: LedgerActualsPreview) -> Grid:
    from workbench.templates.workbook import sheets

    book = sheets.load(path)
    names = list(book.sheets)
    chosen = sheet or next((n for n in names if n.strip().lower() == "actuals"), names[0])
    data = book.sheets.get(chosen)
    if data is None:
        raise TemplateError(f"has no sheet called {chosen!r}", file=path.name)
    preview.sheet = chosen
    if data.truncated:
        raise TemplateError(f"has values below row {sheets.MAX_ROWS:,}: not a sheet of "
                            "scheme actuals", file=path.name, sheet=chosen)
    width = max((c for (_r, c) in data.values), default=0)
    return [(r, [data.values.get((r, c)) for c in range(1, width + 1)])
            for r in sorted({r for (r, _c) in data.values})]


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _check_rows(grid: Grid, ledger: Ledger, findings: Findings,
                preview: LedgerActualsPreview) -> None:
    grid = [(n, cells) for n, cells in grid if not all(_blank(v) for v in cells)]
    if not grid:
        findings.problem("holds no rows of actuals")
        return
    header_row, header = grid[0]
    columns = _columns(header, header_row, findings)
    if columns is None:
        return
    seen: dict[tuple[int, str, str], str] = {}
    next_month = ledger.next_to_close()
    for number, cells in grid[1:]:
        if len(findings.items) >= MAX_PROBLEMS:
            findings.problem(f"stopped after {MAX_PROBLEMS} problems; fix these first")
            return

        def at(name: str, number: int = number) -> str:
            return f"{column_letter(columns[name])}{number}"

        def get(name: str, cells: list[object] = cells) -> object:
            i = columns.get(name)
            return cells[i] if i is not None and i < len(cells) else None

        ref = "" if _blank(get("scheme")) else str(get("scheme")).strip()
        scheme_id = ledger.find_reference(ref) if ref else None
        if scheme_id is None:
            findings.problem(f"scheme {ref!r} is not a scheme reference in the ledger"
                             if ref else "has no scheme reference", cell=at("scheme"))
        month = _month(get("month"), ledger, next_month, findings, at("month"))
        value = _money(get("value"), findings, at("value"))
        part = _part(get("part"), ledger, scheme_id, findings,
                     at("part") if "part" in columns else at("scheme"))
        if scheme_id is None or month is None or value is None or part is None:
            continue
        key = (scheme_id, month, part)
        if key in seen:
            findings.problem(f"a second actual for {ref} in {month} ({part}); the first is "
                             f"in {seen[key]}", cell=at("value"))
            continue
        seen[key] = at("value")
        preview.rows.append(ActualRow(at("value"), scheme_id, ref, month, part, value,
                                      ledger.cell(scheme_id, month, part).actual))


def _columns(header: list[object], row: int, findings: Findings) -> dict[str, int] | None:
    names = [str(v).strip().lower() if not _blank(v) else "" for v in header]
    found = {key: next((i for i, n in enumerate(names) if n in words), None)
             for key, words in HEADERS.items()}
    missing = [k for k in REQUIRED if found[k] is None]
    if missing:
        findings.problem(f"needs the columns scheme, month and value in its first row; "
                         f"missing {', '.join(missing)}", cell=f"A{row}")
        return None
    return {k: i for k, i in found.items() if i is not None}


def _month(value: object, ledger: Ledger, next_month: str | None, findings: Findings,
           cell: str) -> str | None:
    when = value if isinstance(value, dt.date) else None
    if when is None and not _blank(value):
        for fmt in DATE_FORMATS:
            try:
                when = dt.datetime.strptime(str(value).strip(), fmt).date()
                break
            except ValueError:
                continue
    if when is None:
        findings.problem(f"month {'' if value is None else str(value)!r} is not a month like "
                         "2016-04 or Apr 2016", cell=cell)
        return None
    month = f"{when.year:04d}-{when.month:02d}"
    try:
        index = month_index(ledger.year, month)
    except ValueError as exc:
        findings.problem(str(exc), cell=cell)
        return None
    if index > ledger.closed_count:
        findings.problem(f"{month} is not closed yet and is not the next month to close "
                         f"({next_month})", cell=cell)
        return None
    return month


def _money(value: object, findings: Findings, cell: str) -> Decimal | None:
    if isinstance(value, bool):
        findings.problem(f"{value} is not an amount of money", cell=cell)
        return None
    if isinstance(value, int | float | Decimal):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if not number.is_finite():
            findings.problem("is not a finite amount of money", cell=cell)
            return None
        return number
    try:
        number = parse_money("" if value is None else value, blank=None)
    except NotAccepted as exc:
        findings.problem(str(exc), cell=cell)
        return None
    if number is None:
        findings.problem("has no value", cell=cell)
    return number


def _part(value: object, ledger: Ledger, scheme_id: int | None, findings: Findings,
          cell: str) -> str | None:
    if _blank(value):
        return ledger.parts_of(scheme_id)[0] if scheme_id is not None else None
    text = str(value).strip().lower().replace(" ", "-")
    if text in PARTS:
        return text
    findings.problem(f"part {value!r} is not recurrent or non-recurrent", cell=cell)
    return None
