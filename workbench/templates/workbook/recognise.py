"""Which template is this? Decided by content (cover template id, title, sheet names), never
by file name, since users rename files."""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from workbench.domain.errors import TemplateError
from workbench.templates.layouts.registry import SPECS
from workbench.templates.layouts.spec import TemplateSpec, normalise
from workbench.templates.workbook.sheets import SheetData, WorkbookData
from workbench.templates.workbook.values import parse_int


@dataclass(frozen=True)
class Recognised:
    spec: TemplateSpec
    version: int | None  # as written on the cover; None if absent or unreadable
    version_cell: str = ""
    how: str = ""  # "template id", "title" or "sheet names"


def find_label(sheet: SheetData, label: str, max_row: int = 60,
               max_col: int = 8) -> tuple[int, int] | None:
    wanted = normalise(label)
    for (r, c), value in sorted(sheet.values.items()):
        if r > max_row:
            break
        if c <= max_col and isinstance(value, str) and normalise(value) == wanted:
            return r, c
    return None


def label_cell(sheet: SheetData, label: str) -> tuple[int, int] | None:
    """Where the value beside a label is: the next non-blank cell within two columns."""
    found = find_label(sheet, label)
    if found is None:
        return None
    r, c = found
    for col in (c + 1, c + 2):
        if sheet.value(r, col) not in (None, "") or sheet.formula(r, col):
            return r, col
    return r, c + 1


def label_value(sheet: SheetData, label: str) -> tuple[object, str]:
    """The value beside a label and its address ('' when there is no such label)."""
    found = label_cell(sheet, label)
    if found is None:
        return None, ""
    return sheet.value(*found), f"{get_column_letter(found[1])}{found[0]}"


def recognise(book: WorkbookData) -> Recognised:
    cover = book.find("Cover")
    if cover is not None:
        template_id, _ = label_value(cover, "Template")
        version, cell = label_value(cover, "Template version")
        try:
            number = parse_int(version)
        except ValueError:
            number = None
        for spec in SPECS.values():
            if normalise(template_id) == normalise(spec.template_id):
                return Recognised(spec, number, cell, "template id")
        titles = {normalise(v) for (r, _c), v in cover.values.items() if r <= 6}
        for spec in SPECS.values():
            if normalise(spec.title) in titles:
                return Recognised(spec, number, cell, "title")
    best, score = None, 0.0
    for spec in SPECS.values():
        names = [n for n in spec.sheet_names if n not in ("Cover", "Lists")]
        share = sum(book.find(n) is not None for n in names) / len(names)
        if share > score:
            best, score = spec, share
    if best is not None and score >= 0.6:
        return Recognised(best, None, "", "sheet names")
    known = ", ".join(s.title for s in SPECS.values())
    raise TemplateError(f"is not one of the planning templates this app knows ({known}): "
                        "there is no Cover sheet naming the template", file=book.file)
