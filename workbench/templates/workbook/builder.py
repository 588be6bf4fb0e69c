"""Build a pristine template workbook from its spec, reproducibly.

Fixed document properties and zip timestamps make re-running the generator give the
same bytes, so a changed template shows up as a real diff.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.writer.excel import ExcelWriter

from workbench.templates.layouts.common import COMPLETE, INCOMPLETE, STATUS_CELL
from workbench.templates.layouts.spec import Grid, TemplateSpec
from workbench.templates.workbook import styles
from workbench.templates.workbook.sheet_builders import (
    CheckItem,
    absolute,
    add_name,
    build_cover,
    build_grid,
    build_guidance,
    build_table,
)

FIXED_TIME = dt.datetime(2016, 1, 18, 9, 0, 0)  # templates issued 18 January 2016
ZIP_TIME = (2016, 1, 18, 9, 0, 0)


def build(spec: TemplateSpec) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    if spec.guidance:
        build_guidance(wb, spec)
    items = build_cover(wb, spec)
    for sheet in spec.sheets:
        items += build_grid(wb, sheet) if isinstance(sheet, Grid) else build_table(wb, sheet)
    build_checklist(wb, items)
    build_lists(wb, spec)
    props = wb.properties
    props.creator = props.lastModifiedBy = "Planning Workbench"
    props.title, props.subject = spec.title, spec.template_id
    props.created = props.modified = FIXED_TIME
    wb.active = spec.sheet_names.index("Cover")
    return wb


def build_checklist(wb, items: list[CheckItem]) -> None:
    ws = wb.create_sheet("Checklist")
    ws["A1"], ws["A1"].font = "Checklist", styles.TITLE_FONT
    ws["B3"], ws["B3"].font = "Template status", styles.BOLD
    header = 5
    for col, (text, width) in enumerate(
            (("Sheet", 16), ("Item", 48), ("Cell reference", 34), ("Complete?", 12)), start=1):
        styles.style_header(ws.cell(header, col, text))
        ws.column_dimensions[get_column_letter(col)].width = width
    for r, (sheet, item, ref, condition) in enumerate(items, start=header + 1):
        styles.style_prefill(ws.cell(r, 1, sheet))
        styles.style_prefill(ws.cell(r, 2, item))
        link = ws.cell(r, 3, ref.replace("$", ""))
        styles.style_prefill(link)
        link.hyperlink = Hyperlink(ref=link.coordinate, location=ref.split(":")[0])
        styles.style_calc(ws.cell(r, 4, f'=IF({condition},"Yes","No")'), styles.Kind.TEXT)
    last = header + max(len(items), 1)
    status = ws[STATUS_CELL]
    status.value = f'=IF(COUNTIF(D{header + 1}:D{last},"No")=0,"{COMPLETE}","{INCOMPLETE}")'
    styles.style_calc(status, styles.Kind.TEXT)
    status.font = styles.BOLD
    styles.protect(ws)


def build_lists(wb, spec: TemplateSpec) -> None:
    """Drop-down sources on a hidden sheet, each behind a List_<name> defined name.

    Validations refer to the names, not to the other sheet directly, so they live in the
    standard dataValidation element that openpyxl and LibreOffice keep (not extLst).
    """
    ws = wb.create_sheet("Lists")
    for col, (name, values) in enumerate(spec.lists.items(), start=1):
        letter = get_column_letter(col)
        ws.cell(1, col, name).font = styles.BOLD
        for r, value in enumerate(values, start=2):
            ws.cell(r, col, value)
        ws.column_dimensions[letter].width = max(12, max(len(v) for v in values) + 2)
        add_name(wb, f"List_{name}", absolute("Lists", f"{letter}2", f"{letter}{len(values) + 1}"))
    for name, (sheet, key) in spec.dynamic_lists.items():
        table = spec.table(sheet)
        letter = get_column_letter([c.key for c in table.columns].index(key) + 1)
        add_name(wb, f"List_{name}",
                 absolute(sheet, f"{letter}{table.first_row}", f"{letter}{table.last_row}"))
    ws.sheet_state = "hidden"
    styles.protect(ws)


def save_reproducibly(wb: Workbook, path: Path) -> None:
    """Save with fixed timestamps (openpyxl's own save stamps the current time)."""
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()
    raw.seek(0)
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            out.writestr(fixed, src.read(info.filename))
