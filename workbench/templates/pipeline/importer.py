"""plan_import(path, plan) -> ImportReport: validate everything, then describe one edit.

Nothing here writes to the store. The caller applies `report.edit` with `store.apply` in
one transaction (the GUI as one undo step), and only when `report.ok`: any Problem means
`edit` is None, so a half-good workbook can never be half-imported.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from workbench.domain.edits import Batch, apply_to_plan
from workbench.domain.errors import TemplateError
from workbench.domain.plan import Plan
from workbench.domain.plan_copy import copy_plan
from workbench.engine import compute
from workbench.engine.results import PlanSummary
from workbench.templates.activity.kept_sheets import read_activity_values, values_spec
from workbench.templates.activity.lines_edit import activity_edit
from workbench.templates.bcf.fill_and_read import read_bcf
from workbench.templates.finance.edit import build_edit
from workbench.templates.finance.read import read_finance
from workbench.templates.layouts.registry import SPECS
from workbench.templates.layouts.spec import TemplateSpec
from workbench.templates.pipeline.cover_check import check_whose
from workbench.templates.report.findings import Finding, Findings, Severity, error_finding
from workbench.templates.report.preview import Preview
from workbench.templates.resilience.fill_and_read import read_resilience
from workbench.templates.template_values.values_edit import values_edit
from workbench.templates.workbook import sheets
from workbench.templates.workbook.recognise import recognise

Progress = Callable[[int, str], None]  # percent, step
SUMMARY_TOLERANCE = Decimal(1000)  # pounds: the Summary shows £000 to one decimal
READ_SHEETS = tuple(sorted({n for spec in SPECS.values() for n in spec.sheet_names
                            if n not in ("Lists", "Guidance")}))  # others are listed, not read
VALUE_READERS = {"resilience": read_resilience, "bcf": read_bcf}  # kept as template values


@dataclass
class ImportReport:
    file: str
    template: str = ""  # e.g. "2016/17 Finance Plan"
    kind: str = ""  # "finance", ...
    version: int | None = None
    findings: list[Finding] = field(default_factory=list)
    preview: Preview = field(default_factory=Preview)
    edit: Batch | None = None  # None whenever there is a Problem
    summary: PlanSummary | None = None  # engine figures of the plan as imported

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def problems(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.PROBLEM]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.WARNING]

    def text(self) -> str:
        """The report as plain lines, for `workbench import --check`."""
        from workbench.templates.pipeline.report_text import report_lines

        return "\n".join(report_lines(self))


def plan_import(path: str | Path, current: Plan, progress: Progress | None = None) -> ImportReport:
    """Read and validate a workbook against the plan in the app; never raises for bad files."""
    with cyclic_gc_paused():
        return _plan_import(Path(path), current, progress)


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a workbook is read and checked.

    Reading 2,000 schemes makes a few hundred thousand small objects (cells, values, rows),
    none of them in reference cycles; each of them counts towards the collector's next run,
    and each run walks every live object of the app (the plan, the engine's tables), so the
    collector took a quarter of an import's time. Plain reference counting still frees
    everything as usual; the collector resumes (if it was on) as soon as the import ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _plan_import(path: Path, current: Plan, progress: Progress | None) -> ImportReport:
    step = progress or (lambda _pct, _msg: None)
    report = ImportReport(path.name)
    findings = Findings(path.name)
    try:
        step(5, "Reading the workbook")
        book = sheets.load(path, only=READ_SHEETS)
        step(50, "Recognising the template")
        found = recognise(book)
    except TemplateError as exc:
        report.findings = [error_finding(exc, path.name)]
        return report
    spec = found.spec
    report.template, report.kind, report.version = spec.title, spec.kind, found.version
    if found.version is not None and found.version > spec.version:
        findings.problem(f"this is version {found.version} of the {spec.title} template; this "
                         f"app knows up to version {spec.version}: update Planning Workbench",
                         "Cover", found.version_cell)
    elif found.version is None:
        findings.warning("no template version on the Cover; read as version "
                         f"{spec.version}", "Cover", found.version_cell)
    if spec.kind in ("activity", *VALUE_READERS):
        check_whose(book, spec, current, findings, ods=False)  # the values compare the code
    if spec.kind == "activity":
        step(60, "Checking every line")
        _activity(book, spec, current, report, findings, f"Import {path.name}")
        report.findings = findings.items
        step(100, "Done")
        return report
    if spec.kind in VALUE_READERS:
        step(60, "Checking every input cell")
        read = VALUE_READERS[spec.kind](book, spec, current, findings)
        if not findings.has_problems:
            report.edit, report.preview = values_edit(current, spec, read, f"Import {path.name}")
        report.findings = findings.items
        step(100, "Done")
        return report
    if spec.kind != "finance":
        findings.problem(f"importing the {spec.title} template is not supported yet", "Cover",
                         "B2")
        report.findings = findings.items
        return report
    step(60, "Checking every sheet")
    imported = read_finance(book, spec, findings)
    step(80, "Comparing with the plan")
    edit, report.preview = build_edit(current, imported, findings, label=f"Import {path.name}")
    if not findings.has_problems:
        step(90, "Recalculating")
        report.summary = _check_summary(current, edit, imported.summary_cells, findings)
        report.edit = edit
    if findings.has_problems:
        report.edit = None
    report.findings = findings.items
    step(100, "Done")
    return report


def _scratch_copy(plan: Plan) -> Plan:
    """A copy of `plan` that apply_to_plan can change without touching `plan`
    (domain.plan_copy: its own row lists, drivers and rows)."""
    return copy_plan(plan)


def _check_summary(current: Plan, edit: Batch, cells: dict, findings: Findings) -> PlanSummary:
    """Recompute the imported plan and compare with the workbook's own Summary figures."""
    plan = _scratch_copy(current)
    apply_to_plan(plan, edit)
    summary = compute(plan).summary
    for key, (value, where) in cells.items():
        ours = getattr(summary, key)
        if abs(Decimal(ours) - value) > SUMMARY_TOLERANCE:
            findings.warning(f"the workbook shows {value / 1000:,.1f} but the app calculates "
                             f"{Decimal(ours) / 1000:,.1f} (£000) from the imported figures",
                             "Summary", where)
    return summary


def _activity(book: sheets.WorkbookData, spec: TemplateSpec, current: Plan,
              report: ImportReport, findings: Findings, label: str) -> None:
    from workbench.templates.activity.lines import read_activity_lines

    lines = read_activity_lines(book, spec, current, current.activity_lines, findings)
    kept = read_activity_values(book, spec, current, findings, lines)
    if findings.has_problems:
        return
    edit, report.preview = activity_edit(current, lines, spec.first_year, label)
    more, preview = values_edit(current, values_spec(spec), kept, label)
    report.preview.added += preview.added
    report.preview.changed += preview.changed
    report.preview.removed += preview.removed
    report.edit = Batch(edit.edits + more.edits, label)
