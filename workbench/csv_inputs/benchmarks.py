"""Comparator figures from a CSV (measure, unit, ods_code, organisation, value_per_head,
population) into the plan, replacing the ones it holds.

Every cell is checked before anything changes: one problem and nothing is loaded. A
problem names its cell as a spreadsheet shows the file (column letter and line number,
"E4") and the column's name.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from workbench.csv_inputs.actuals import OPEN_ELSEWHERE, decode
from workbench.domain.benchmarks import Benchmark
from workbench.domain.edits import Batch, DeleteRows, EntityKind, InsertRows
from workbench.domain.plan import Plan
from workbench.templates.report.findings import Finding, Findings, Severity
from workbench.templates.workbook.values import CellValueError, parse_number

COLUMNS = ("measure", "unit", "ods_code", "organisation", "value_per_head", "population")
MAX_BYTES = 20_000_000
MAX_ROWS = 100_000  # every CCG in England times a few hundred measures fits
MAX_TEXT = {"measure": 200, "unit": 60, "ods_code": 20, "organisation": 200}
MAX_POPULATION = 100_000_000


@dataclass
class BenchmarkReport:
    file: str
    findings: list[Finding] = field(default_factory=list)
    edit: Batch | None = None  # None whenever there is a problem
    rows: int = 0
    measures: int = 0

    @property
    def ok(self) -> bool:
        return not any(f.severity is Severity.PROBLEM for f in self.findings)

    def text(self) -> str:
        lines = [f"{f.severity}: {f.file}: " + (f"{f.sheet}: " if f.sheet else "") + f.message
                 for f in self.findings]
        if self.ok:
            lines.append(f"{self.rows} figure(s) for {self.measures} measure(s)")
        return "\n".join(lines)


def _letter(index: int) -> str:
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(65 + rest) + text
    return text


def read_benchmarks(path: str | Path, plan: Plan) -> BenchmarkReport:
    """Check every cell; the edit (replace the plan's comparators) only if all are good."""
    path = Path(path)
    report, findings = BenchmarkReport(path.name), Findings(path.name)
    rows = _rows(path, findings)
    found: list[Benchmark] = []
    seen: dict[tuple[str, str], int] = {}
    units: dict[str, str] = {}
    for number, cells in rows:
        row = _row(number, cells, findings, path.name)
        if row is None:
            continue
        key = (row.measure.casefold(), row.ods_code.casefold())
        if key in seen:
            findings.problem(f"{row.measure} for {row.ods_code} is already on line {seen[key]}",
                             sheet=f"line {number}")
            continue
        seen[key] = number
        unit = units.setdefault(row.measure, row.unit)
        if unit != row.unit:
            findings.problem(f"{row.measure} is in {unit!r} on an earlier line, here in "
                             f"{row.unit!r}", sheet=cells["unit"][0])
            continue
        found.append(row)
    _whole_file_checks(found, plan, findings, bool(rows))
    report.findings = findings.items
    if findings.has_problems:
        return report
    report.rows, report.measures = len(found), len({r.measure for r in found})
    report.edit = Batch((DeleteRows(EntityKind.BENCHMARK, tuple(plan.benchmarks)),
                         InsertRows(EntityKind.BENCHMARK, tuple(found))),
                        f"Load benchmarks from {path.name}")
    return report


def _whole_file_checks(rows: list[Benchmark], plan: Plan, findings: Findings,
                       any_rows: bool) -> None:
    if not any_rows and not findings.has_problems:
        findings.problem("holds no rows of comparator figures")
        return
    if findings.has_problems:
        return
    own = {r.measure for r in rows if r.ods_code == plan.ods_code}
    if not own:
        findings.problem(f"has no row for this plan's ODS code {plan.ods_code}, so there is "
                         "nothing to compare")
    for measure in dict.fromkeys(r.measure for r in rows):
        if measure not in own and own:
            findings.warning(f"{measure} has no row for {plan.ods_code}; it is shown "
                             "without a position")
        if not any(r.measure == measure and r.ods_code != plan.ods_code for r in rows):
            findings.warning(f"{measure} has no similar CCG to compare with")


def _row(number: int, cells: dict[str, tuple[str, str]], findings: Findings,
         source: str) -> Benchmark | None:
    bad = False
    text: dict[str, str] = {}
    for name, limit in MAX_TEXT.items():
        where, value = cells[name]
        if not value and name != "organisation":
            findings.problem(f"{name} is empty", sheet=where)
            bad = True
        elif len(value) > limit:
            findings.problem(f"{name} is longer than {limit} characters", sheet=where)
            bad = True
        text[name] = value
    value = _number(cells["value_per_head"], findings, whole=False)
    population = _number(cells["population"], findings, whole=True)
    if bad or value is None or population is None:
        return None
    return Benchmark(None, text["measure"], text["unit"], text["ods_code"].upper(),
                     text["organisation"], value, int(population), source)


def _number(cell: tuple[str, str], findings: Findings, whole: bool) -> Decimal | None:
    where, raw = cell
    name = "population" if whole else "value_per_head"
    try:
        value = parse_number(raw)
    except (CellValueError, ValueError) as exc:
        findings.problem(f"{name} {exc}", sheet=where)
        return None
    if value is None:
        findings.problem(f"{name} is empty", sheet=where)
        return None
    if not value.is_finite() or value < 0:
        findings.problem(f"{name} {raw[:40]!r} must be a number of 0 or more", sheet=where)
        return None
    if whole and (value != value.to_integral_value() or not 0 < value <= MAX_POPULATION):
        findings.problem(f"population {raw[:40]!r} must be a whole number of people "
                         f"from 1 to {MAX_POPULATION:,}", sheet=where)
        return None
    return value


def _rows(path: Path, findings: Findings) -> list[tuple[int, dict[str, tuple[str, str]]]]:
    """(line number, column -> (cell address, stripped text)) for each non-blank line."""
    if not path.is_file():
        findings.problem("is not a file that can be read")
        return []
    if path.stat().st_size > MAX_BYTES:
        findings.problem(f"is larger than {MAX_BYTES // 1_000_000} MB; it cannot be a file "
                         "of comparator figures")
        return []
    try:
        text, _encoding = decode(path.read_bytes())
    except PermissionError:
        findings.problem(OPEN_ELSEWHERE)
        return []
    except OSError as exc:
        findings.problem(f"cannot be read ({exc.strerror or exc})")
        return []
    except UnicodeDecodeError:
        findings.problem("is not a readable CSV file: its text is neither UTF-8 nor "
                         "Windows-1252; save it from Excel as CSV UTF-8 and try again")
        return []
    if "\x00" in text:
        findings.problem("is not a readable CSV file (it holds NUL characters: a binary "
                         "file, or a spreadsheet saved as something other than CSV)")
        return []
    out = []
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        header = [h.strip().casefold() for h in next(reader, [])]
        missing = [c for c in COLUMNS if c not in header]
        if missing:
            findings.problem(f"needs the columns {', '.join(COLUMNS)} in its first line; "
                             f"missing {', '.join(missing)}", sheet="line 1")
            return []
        place = {c: header.index(c) for c in COLUMNS}
        for line in reader:
            if not any(v.strip() for v in line):
                continue
            if len(out) >= MAX_ROWS:
                findings.problem(f"has more than {MAX_ROWS:,} rows; split it and try again")
                return []
            n = reader.line_num
            out.append((n, {c: (f"{_letter(i)}{n}", line[i].strip() if i < len(line) else "")
                            for c, i in place.items()}))
    except csv.Error as exc:
        findings.problem(f"is not a readable CSV file ({exc})")
        return []
    return out
