"""Activity lines to and from the Activity Plan sheet (one row per provider and measure).

The import side returns ActivityLines and findings (lines_edit turns them into the
plan's edit). What the sheet cannot carry (impact
rule, linked schemes, last year's monthly shape, actuals) is kept from the matching current
line; a figure equal to the current one as far as a float can tell keeps its exact Decimal.
Months that differ from the engine's profile come back as overrides.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from workbench.domain.activity import ActivityLine, ImpactRule, Measure, Profile
from workbench.domain.errors import TemplateError
from workbench.domain.plan import Plan
from workbench.engine.activity import activity_plan
from workbench.templates.activity.kept_sheets import fill_activity_values
from workbench.templates.layouts.spec import TemplateSpec
from workbench.templates.report.findings import Findings, error_finding
from workbench.templates.workbook import sheets
from workbench.templates.workbook.reader import RowRead, SheetReader
from workbench.templates.workbook.recognise import recognise
from workbench.templates.workbook.writer import Filler

MONTHS = tuple(f"m{n}" for n in range(1, 13))
SAME = Decimal("1e-12")


def fill_activity(plan: Plan, filler: Filler, spec: TemplateSpec,
                  lines: Sequence[ActivityLine] = ()) -> None:
    """Cover plus this round's lines, with the engine's plan and monthly profile."""
    filler.cover({"ods_code": plan.ods_code, "organisation": plan.organisation,
                  "status": plan.status})
    these = [line for line in lines if line.year == spec.first_year]
    results = activity_plan(these, plan.schemes)
    rows = []
    for i, line in enumerate(these):
        key = line.id if line.id is not None else -(i + 1)
        monthly = results.monthly.loc[key]
        row = {"provider": line.provider, "provider_name": line.provider_name,
               "code": line.measure.info.code, "baseline": line.baseline, "growth": line.growth,
               "plan": results.figures.loc[key, "planned"], "profile": line.profile,
               "impact_rule": line.impact_rule,
               "note": line.note}
        row |= {m: monthly.iloc[n] for n, m in enumerate(MONTHS)}
        rows.append(row)
    filler.table(spec.table("Activity Plan"), rows,
                 lambda v: (str(v.get("provider") or "").casefold(), str(v.get("code") or "")))
    fill_activity_values(plan, filler, spec)


@dataclass
class ActivityRead:
    file: str
    findings: list = field(default_factory=list)
    lines: list[ActivityLine] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(f.severity == "Problem" for f in self.findings)


def read_activity(path: str | Path, plan: Plan,
                  current: Sequence[ActivityLine] = ()) -> ActivityRead:
    """The workbook's activity lines for its planning round; never raises for bad files."""
    path = Path(path)
    out, findings = ActivityRead(path.name), Findings(path.name)
    try:
        book = sheets.load(path)
        found = recognise(book)
    except TemplateError as exc:
        out.findings = [error_finding(exc, path.name)]
        return out
    if found.spec.kind != "activity":
        findings.problem(f"is the {found.spec.title} template, not the Activity Plan", "Cover",
                         "B2")
        out.findings = findings.items
        return out
    out.lines = read_activity_lines(book, found.spec, plan, current, findings)
    out.findings = findings.items
    return out


def read_activity_lines(book: sheets.WorkbookData, spec: TemplateSpec, plan: Plan,
                        current: Sequence[ActivityLine], findings: Findings) -> list[ActivityLine]:
    """The lines of a recognised Activity Plan workbook; [] if any problem was found."""
    read = SheetReader(book, spec, findings).table(spec.table("Activity Plan"))
    by_key = {(x.provider.casefold(), x.measure, x.year): x for x in current}
    pairs = []
    for row in read.rows if read is not None else []:
        line = _line(row, spec.first_year, by_key, findings, read.sheet)
        if line is not None:
            pairs.append((line, row))
    if findings.has_problems or read is None:
        return []
    return _with_overrides(pairs, read.sheet, plan, findings, current)


def _close(value: Decimal, profiled: float) -> bool:
    return abs(float(value) - profiled) <= 1e-6 * max(1.0, abs(profiled))


def _keep(current: Decimal | None, new: Decimal) -> Decimal:
    if current is not None and abs(current - new) <= SAME * max(abs(current), 1):
        return current
    return new


def _line(row: RowRead, year: int, by_key: dict, findings: Findings,
          sheet: str) -> ActivityLine | None:
    try:
        measure = Measure.from_code(str(row.get("code", "")))
    except ValueError as exc:
        findings.problem(str(exc), sheet, row.cells["code"].coord)
        return None
    provider = str(row.get("provider", "") or "")
    old = by_key.get((provider.casefold(), measure, year))
    baseline, growth = row.get("baseline"), row.get("growth", Decimal(0))
    if not isinstance(baseline, Decimal) or not isinstance(growth, Decimal):
        return None
    base = old if old is not None else ActivityLine(None, measure, provider, Decimal(0))
    choices = {}
    for key, enum, header in (("profile", Profile, "Profile"),
                              ("impact_rule", ImpactRule, "Scheme impact")):
        if row.get(key):
            try:
                choices[key] = enum.parse(row.get(key))
            except ValueError as exc:
                findings.problem(f"{header} {exc}", sheet, row.cells[key].coord)
    return dataclasses.replace(
        base, measure=measure, provider=provider, year=year,
        provider_name=str(row.get("provider_name", "") or ""),
        baseline=_keep(old.baseline if old else None, baseline),
        growth=_keep(old.growth if old else None, growth),
        note=str(row.get("note", "") or ""), overrides={}, **choices)


def _with_overrides(pairs: list[tuple[ActivityLine, RowRead]], sheet: str, plan: Plan,
                    findings: Findings,
                    current: Sequence[ActivityLine] = ()) -> list[ActivityLine]:
    """Months the user typed become overrides: a month that differs from the profile the
    engine now gives, unless it still shows what the app last profiled (a growth or
    baseline edit re-profiles the months it did not type) and was not typed before."""
    results = activity_plan([line for line, _ in pairs], plan.schemes)
    keys = [line.id if line.id is not None else -(i + 1) for i, (line, _) in enumerate(pairs)]
    profiled_rows = results.profiled.loc[keys].to_numpy().tolist()  # plain floats, row by row
    planned_of = results.figures.loc[keys, "planned"].to_numpy().tolist()
    before = {x.id: x for x in current if x.id is not None}
    old = activity_plan(list(before.values()), plan.schemes).profiled if before else None
    out = []
    for (line, row), profiled, planned in zip(pairs, profiled_rows, planned_of, strict=True):
        was = before.get(line.id)
        old_profiled = (old.loc[line.id].to_numpy().tolist()
                        if was is not None and old is not None else None)
        overrides = {}
        for n, month in enumerate(MONTHS):
            value = row.get(month)
            if not isinstance(value, Decimal) or _close(value, profiled[n]):
                continue
            if (old_profiled is not None and n not in was.overrides  # type: ignore[union-attr]
                    and _close(value, old_profiled[n])):
                continue  # the month as the app profiled it before: not typed, re-profiled
            overrides[n] = value
        typed = row.get("plan")
        if isinstance(typed, Decimal) and abs(float(typed) - planned) > 0.5:
            findings.warning(f"the plan {typed:,} differs from the app's {planned:,.0f} "
                             "(FOT x growth less scheme impact); the app's is used",
                             sheet, row.cells["plan"].coord)
        out.append(dataclasses.replace(line, overrides=overrides))
    return out
