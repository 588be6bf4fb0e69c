"""export_template(plan, kind, out, into=...): the one entry point for CLI and GUI exports."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from workbench.domain.activity import ActivityLine
from workbench.domain.errors import TemplateError
from workbench.domain.plan import Plan
from workbench.templates.activity.lines import fill_activity
from workbench.templates.bcf.fill_and_read import fill_bcf
from workbench.templates.finance.fill import fill_finance
from workbench.templates.layouts.registry import pristine_path, spec_for
from workbench.templates.pipeline.cover_submission import fill_cover_submission
from workbench.templates.resilience.fill_and_read import fill_resilience
from workbench.templates.workbook import sheets
from workbench.templates.workbook.drawings import check_pictures, dropped, has_macros
from workbench.templates.workbook.recognise import recognise
from workbench.templates.workbook.writer import (
    Filler,
    check_target,
    open_for_writing,
    save_atomically,
)

FILLERS = {"finance": fill_finance, "activity": fill_activity, "resilience": fill_resilience,
           "bcf": fill_bcf}


def export_template(plan: Plan, kind: str, out: str | Path, *,
                    into: str | Path | None = None,
                    activity: Sequence[ActivityLine] | None = None,
                    notes: list[str] | None = None) -> Path:
    """Fill a copy of the `kind` template (or of the user's workbook `into`) and save to `out`.

    `activity`: the activity lines for the Activity template (default: the plan's).
    `notes`: gets one warning per thing the export changed besides the plan's figures (a
    formula typed into an input cell replaced by the plan's value, say), and per Cover cell
    kept as typed that differs from the submission timetable (cover_submission.py).
    Raises TemplateError (one sentence, naming the file) for anything the user can fix.
    """
    spec = spec_for(kind)
    fill = FILLERS.get(kind)
    if fill is None:
        raise TemplateError(f"exporting the {spec.title} template is not supported yet")
    out = Path(out)
    source = Path(into) if into is not None else pristine_path(spec)
    cached = None
    if into is not None:
        sheets.scan(source)  # openpyxl loads the whole workbook: refuse one too large first
        check_pictures(source)  # ... and every picture in it
        cached = sheets.load(source)
        found = recognise(cached)
        if found.spec.kind != kind:
            raise TemplateError(f"is the {found.spec.title} template, not the {spec.title}",
                                file=source.name)
        if found.version is not None and found.version > spec.version:
            raise TemplateError(f"is version {found.version} of the {spec.title} template; "
                                f"this app knows up to version {spec.version}", file=source.name)
    macros = source.suffix.lower() == ".xlsm" or (into is not None and has_macros(source))
    if macros and out.suffix.lower() != ".xlsm":
        raise TemplateError("the workbook has macros, so save it with the .xlsm extension "
                            "(a .xlsx file cannot keep them)", file=out.name)
    if out.suffix.lower() not in (".xlsx", ".xlsm"):
        raise TemplateError("save the workbook with the .xlsx extension", file=out.name)
    check_target(out)
    wb = open_for_writing(source, keep_vba=macros)
    try:
        filler = Filler(wb, spec, source.name, cached)
        if into is not None:
            filler.notes += dropped(source, wb)
        if kind == "activity":
            fill_activity(plan, filler, spec,
                          plan.activity_lines if activity is None else activity)
        else:
            fill(plan, filler, spec)
        fill_cover_submission(plan, filler, spec, into=into is not None)
        save_atomically(wb, out)
    finally:
        wb.close()
    if notes is not None:
        notes += filler.notes
    return out
