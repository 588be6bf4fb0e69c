"""Actuals from a CSV file (date, metric, value[, note][, provider]) into the plan.

Trajectories are matched by metric name or standard id; activity lines by measure code
('E.M.11') or name, and by provider when the file gives one. Every row is checked before
anything changes: one problem and nothing is applied. Row numbers in messages are the
file's line numbers, as a spreadsheet or text editor shows them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from workbench.domain.activity import ActivityLine, Measure
from workbench.domain.edits import Batch, EntityKind, SetField
from workbench.domain.periods import MONTHS_IN_YEAR
from workbench.domain.plan import Plan
from workbench.domain.trajectories import Actual, Frequency, Trajectory, parse_value
from workbench.templates.report.findings import Finding, Findings, Severity
from workbench.templates.workbook.values import CellValueError, parse_number

MAX_BYTES = 50_000_000  # a decade of weekly actuals for every metric is far below this
COLUMNS = ("date", "metric", "value")
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%Y-%m", "%b %Y", "%B %Y", "%b-%y")


@dataclass
class ActualsReport:
    file: str
    findings: list[Finding] = field(default_factory=list)
    edit: Batch | None = None  # None whenever there is a problem
    counts: dict[str, int] = field(default_factory=dict)  # metric -> values read
    encoding: str = ""  # how the file's text was read, e.g. "UTF-8"

    @property
    def ok(self) -> bool:
        return not any(f.severity is Severity.PROBLEM for f in self.findings)

    def text(self) -> str:
        lines = [f"{f.severity}: {f.file}" + (f", {f.sheet}" if f.sheet else "") + f": {f.message}"
                 for f in self.findings]
        lines += [f"{metric}: {n} value(s)" for metric, n in self.counts.items()]
        if lines and self.encoding:
            lines.insert(0, f"{self.file}: read as {self.encoding} text")
        return "\n".join(lines) or "Nothing to import."


def read_actuals(path: str | Path, plan: Plan) -> ActualsReport:
    """Validate every row of the CSV against the plan; the edit only if all are good."""
    path = Path(path)
    report, findings = ActualsReport(path.name), Findings(path.name)
    rows, report.encoding = _rows(path, findings)
    trajectories: dict[int, dict[str, Actual]] = {}
    lines: dict[int, dict[int, Decimal]] = {}
    for number, row in rows:
        where = f"line {number}"
        target = _target(plan, row, findings, where)
        when = _date(row.get("date", ""), findings, where)
        if target is None or when is None:
            continue
        try:
            value = (parse_value(row.get("value", ""), target.unit)
                     if isinstance(target, Trajectory) else parse_number(row.get("value")))
        except (CellValueError, ValueError) as exc:
            findings.problem(f"value {exc}", sheet=where)
            continue
        if value is None:
            findings.problem("has no value", sheet=where)
            continue
        label = target.metric if isinstance(target, Trajectory) else _line_name(target)
        report.counts[label] = report.counts.get(label, 0) + 1
        if isinstance(target, Trajectory):
            _add_actual(target, when, value, row, trajectories, findings, where)
        else:
            _add_month(target, when, value, lines, findings, where)
    if not rows and not findings.has_problems:
        findings.problem("holds no rows of actuals")
    report.findings = findings.items
    if findings.has_problems:
        return report
    edits = [SetField(EntityKind.TRAJECTORY, t.id, "actuals", t.actuals,
                      {**t.actuals, **trajectories[t.id]})
             for t in plan.trajectories if t.id in trajectories]
    edits += [SetField(EntityKind.ACTIVITY_LINE, x.id, "actuals", x.actuals,
                       {**x.actuals, **lines[x.id]})
              for x in plan.activity_lines if x.id in lines]
    report.edit = Batch(tuple(edits), f"Import actuals from {path.name}")
    return report


def decode(data: bytes) -> tuple[str, str]:
    """The text and the name of its encoding: UTF-8 (with or without the byte-order mark
    Excel's "CSV UTF-8" writes), else Windows-1252, which Excel's plain "CSV (Comma
    delimited)" writes on a UK Windows PC (so a '£' is one byte, 0xA3)."""
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("cp1252"), "Windows-1252 (ANSI)"


OPEN_ELSEWHERE = "is open in another program (Excel?): close it in Excel and try again"


def _rows(path: Path, findings: Findings) -> tuple[list[tuple[int, dict[str, str]]], str]:
    if not path.is_file():
        findings.problem("is not a file that can be read")
        return [], ""
    if path.stat().st_size > MAX_BYTES:
        findings.problem(f"is larger than {MAX_BYTES // 1_000_000} MB; split it and try again")
        return [], ""
    try:
        text, encoding = decode(path.read_bytes())
    except PermissionError:
        findings.problem(OPEN_ELSEWHERE)
        return [], ""
    except OSError as exc:
        findings.problem(f"cannot be read ({exc.strerror or exc})")
        return [], ""
    except UnicodeDecodeError:
        findings.problem("is not a readable CSV file: its text is neither UTF-8 nor "
                         "Windows-1252; save it from Excel as CSV UTF-8 and try again")
        return [], ""
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        headers = {(h or "").strip().casefold() for h in reader.fieldnames or ()}
        missing = [c for c in COLUMNS if c not in headers]
        if missing:
            findings.problem(f"needs the columns {', '.join(COLUMNS)} in its first line; "
                             f"missing {', '.join(missing)}", sheet="line 1")
            return [], encoding
        return [(reader.line_num, {(k or "").strip().casefold(): (v or "").strip()
                                   for k, v in row.items() if isinstance(v, str)})
                for row in reader if any((v or "").strip() for v in row.values()
                                         if isinstance(v, str))], encoding
    except csv.Error as exc:
        findings.problem(f"is not a readable CSV file ({exc})")
        return [], encoding


def _target(plan: Plan, row: dict[str, str], findings: Findings,
            where: str) -> Trajectory | list[ActivityLine] | None:
    metric = " ".join(row.get("metric", "").split()).casefold()
    provider = row.get("provider", "").casefold()
    paths = [t for t in plan.trajectories
             if metric in (t.metric.casefold(), t.standard_id.casefold())
             and (not provider or t.provider.casefold() in ("", provider))]
    if len(paths) == 1:
        return paths[0]
    measure = next((m for m in Measure if metric in (m.info.code.casefold(),
                                                     m.value.casefold())), None)
    lines = [x for x in plan.activity_lines if x.measure is measure
             and (not provider or provider in (x.provider.casefold(),
                                              x.provider_name.casefold()))]
    if measure is not None and lines:
        return lines  # resolved by date below (lines of different years)
    if len(paths) > 1:
        findings.problem(f"metric {row.get('metric')!r} matches {len(paths)} trajectories; "
                         "add a provider column", sheet=where)
    else:
        findings.problem(f"metric {row.get('metric')!r} is not a trajectory or activity "
                         "measure of this plan", sheet=where)
    return None


def _date(text: str, findings: Findings, where: str) -> dt.date | None:
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    findings.problem(f"date {text!r} is not a date like 2016-04-30, 30/04/2016 or 2016-04",
                     sheet=where)
    return None


def _add_actual(path: Trajectory, when: dt.date, number: float, row: dict[str, str],
                out: dict[int, dict[str, Actual]], findings: Findings, where: str) -> None:
    if path.frequency is Frequency.WEEKLY:
        period = (when - dt.timedelta(days=when.weekday())).isoformat()
    else:
        period = f"{when.year:04d}-{when.month:02d}"
    seen = out.setdefault(path.id, {})
    if period in seen:
        findings.problem(f"{path.metric} has a second value for {period}", sheet=where)
    seen[period] = Actual(number, row.get("note", ""))


def _add_month(lines: list[ActivityLine], when: dt.date, value: Decimal,
               out: dict[int, dict[int, Decimal]], findings: Findings, where: str) -> None:
    year = when.year if when.month >= 4 else when.year - 1
    index = (when.month - 4) % MONTHS_IN_YEAR
    line = next((x for x in lines if x.year == year), None)
    if line is None:
        findings.problem(f"{_line_name(lines[0])} has no line for {year}/{(year + 1) % 100:02d}",
                         sheet=where)
        return
    seen = out.setdefault(line.id, {})
    if index in seen:
        findings.problem(f"{_line_name(line)} has a second value for that month", sheet=where)
    seen[index] = value


def _line_name(line: ActivityLine | list[ActivityLine]) -> str:
    first = line[0] if isinstance(line, list) else line
    return f"{first.measure.value} ({first.provider_name or first.provider})"
