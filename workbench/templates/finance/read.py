"""Finance workbook -> ImportedPlan: cover, drivers, spend, pressures, workstreams, QIPP, risks.

Cells are typed by reader.py; here they become domain values (enums, weights, links by
name) and finance-specific checks run: phasing against net saving, totals, formulas.
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal
from typing import Any

from workbench.domain.edits import EntityKind
from workbench.domain.enums import (
    Footprint,
    Gap,
    LabelledEnum,
    Lever,
    PlanStatus,
    PointOfDelivery,
    Rag,
    RiskCategory,
    RiskStatus,
    SchemeStatus,
)
from workbench.domain.workstreams import Milestone
from workbench.templates.finance.checks import check_phasing, check_row_formulas, check_totals
from workbench.templates.finance.imported import ImportedPlan, ImportedRow
from workbench.templates.layouts.spec import Table, TemplateSpec
from workbench.templates.report.findings import Findings
from workbench.templates.workbook.locate import coord
from workbench.templates.workbook.reader import RowRead, SheetReader, TableRead, check_unique
from workbench.templates.workbook.row_refs import REF, id_of
from workbench.templates.workbook.sheets import WorkbookData
from workbench.templates.workbook.values import parse_year

ENUMS: dict[str, dict[str, type[LabelledEnum]]] = {
    "QIPP": {"pod": PointOfDelivery, "lever": Lever, "status": SchemeStatus},
    "Risk": {"category": RiskCategory, "status": RiskStatus},
    "Workstreams": {"footprint": Footprint, "rag": Rag},
}
TABLE_KINDS = {"Expenditure": EntityKind.SPEND_LINE, "Investment": EntityKind.PRESSURE,
               "Workstreams": EntityKind.WORKSTREAM, "QIPP": EntityKind.SCHEME,
               "Risk": EntityKind.RISK}
FIELDS = {  # table -> columns copied as they are (after typing)
    "Expenditure": ("category", "baseline", "tariff_applies", "growth_applies"),
    "Investment": ("name", "amount", "recurrent"),
    "Workstreams": ("name", "lead", "sro", "board", "footprint", "rag", "eia_done", "enabler"),
    "QIPP": ("name", "provider", "pod", "lever", "status", "recurrent", "gross_saving",
             "investment", "confidence", "activity_impact", "first_year", "last_year"),
    "Risk": ("description", "owner", "category", "value", "likelihood", "impact", "mitigation",
             "mitigation_value", "status", "review_date"),
}
DEFAULTS: dict[str, Any] = {"baseline": Decimal(0), "amount": Decimal(0),
                            "gross_saving": Decimal(0), "investment": Decimal(0),
                            "value": Decimal(0), "mitigation_value": Decimal(0),
                            "activity_impact": 0, "lead": "", "sro": "", "board": "",
                            "provider": "", "owner": "", "mitigation": "",
                            "tariff_applies": True, "growth_applies": True, "recurrent": True,
                            "eia_done": False, "enabler": False}
UNIQUE = {"Investment": "the pressure", "Workstreams": "the workstream", "QIPP": "the scheme",
          "Risk": "the risk"}  # tables whose rows are matched by name
SUMMARY_KEYS = {"S04": "total_allocation", "S09": "planned_spend", "S15": "holdbacks",
                "S16": "savings_requirement", "S18": "schemes_identified",
                "S19": "schemes_earmarked", "S21": "savings_gap"}


def read_finance(book: WorkbookData, spec: TemplateSpec, findings: Findings) -> ImportedPlan:
    reader = SheetReader(book, spec, findings)
    out = ImportedPlan()
    _cover(reader, out)
    _drivers(reader, spec, out)
    for name, kind in TABLE_KINDS.items():
        table = spec.table(name)
        read = reader.table(table)
        if read is None:
            continue
        out.read_kinds.add(kind)
        if name in UNIQUE:
            check_unique(read, (table.key,), UNIQUE[name], findings)
        out.rows[kind] = [_row(reader, table, read, r) for r in read.rows]
        _refs(book, table, read, out.rows[kind])
        check_totals(findings, table, read)
    _milestones(reader, spec, out)
    summary = reader.grid(spec.grid("Summary")) if book.find("Summary") else None
    if summary is not None:
        for code, key in SUMMARY_KEYS.items():
            cell = summary.calc.get((code, "2016/17"))
            if cell is not None and isinstance(cell.value, int | float):
                out.summary_cells[key] = (Decimal(repr(cell.value)) * 1000, cell.coord)
    return out


def _refs(book: WorkbookData, table: Table, read: TableRead,
          rows: list[ImportedRow]) -> None:
    """Each row's reference (row_refs.py), and where it is."""
    sheet, col = book.find(table.sheet), read.columns.get(REF)
    if sheet is None or col is None:
        return
    for row, imported in zip(read.rows, rows, strict=True):
        imported.ref_id = id_of(table, sheet.value(row.row, col))
        imported.ref_cell = f"{read.sheet}!{coord(row.row, col)}"


def _cover(reader: SheetReader, out: ImportedPlan) -> None:
    cells = reader.cover()
    for key, target in (("ods_code", "ods_code"), ("organisation", "organisation"),
                        ("plan_name", "name"), ("last_year", "last_year")):
        if key in cells and cells[key].value not in (None, ""):
            out.plan_fields[target] = cells[key].value
            out.plan_cells[target] = cells[key].coord
    status = cells.get("status")
    if status is not None and status.value:
        parsed = _enum(reader, PlanStatus, status.value, "Submission", "Cover", status.coord)
        if parsed is not None:
            out.plan_fields["status"] = parsed
    round_cell = cells.get("round")
    if round_cell is not None:
        out.plan_cells["round"] = round_cell.coord
        try:
            out.round_start = parse_year(round_cell.raw)
        except ValueError:
            reader.findings.problem("Planning round is not a financial year", "Cover",
                                    round_cell.coord)


def _drivers(reader: SheetReader, spec: TemplateSpec, out: ImportedPlan) -> None:
    for name in ("Allocations", "Assumptions"):
        grid = reader.grid(spec.grid(name))
        if grid is None:
            continue
        for key, cell in grid.cells.items():
            if key.startswith("_"):
                if cell.value:
                    reader.findings.warning(
                        "the plan does not hold this allocation; it stays in the workbook and "
                        "counts in its Summary, but not in the app's figures", grid.sheet,
                        cell.coord)
            elif cell.value is None and cell.raw is None:
                reader.findings.problem("is empty; every assumption and allocation is needed",
                                        grid.sheet, cell.coord)
            elif cell.value is not None:
                out.drivers[key] = cell.value


def _enum(reader: SheetReader, enum: type[LabelledEnum], text: object, header: str,
          sheet: str, where: str) -> LabelledEnum | None:
    try:
        return _parse_enum(enum, text) if isinstance(text, str) else enum.parse(text)
    except ValueError:
        choices = ", ".join(m.value for m in enum)
        reader.findings.problem(f"{header} {text!r} is not one of: {choices}", sheet, where)
        return None


@functools.lru_cache(maxsize=4096)
def _parse_enum(enum: type[LabelledEnum], text: str) -> LabelledEnum:
    """enum.parse, remembered: a long sheet spells the same few choices on every row."""
    return enum.parse(text)


def _row(reader: SheetReader, table: Table, read: TableRead, row: RowRead) -> ImportedRow:
    kind = TABLE_KINDS[table.sheet]
    fields: dict[str, Any] = {}
    enums = ENUMS.get(table.sheet, {})
    for key in FIELDS[table.sheet]:
        if key not in read.present:
            continue
        value = row.get(key)
        if value is not None and key in enums:
            value = _enum(reader, enums[key], value, table.column(key).header, read.sheet,
                          row.cells[key].coord)
        if value is None:
            value = DEFAULTS.get(key)
        if value is not None:
            fields[key] = value
    if "confidence" in fields and not 0 <= fields["confidence"] <= 1:
        reader.findings.problem("Confidence % must be between 0% and 100%", read.sheet,
                                row.cells["confidence"].coord)
    name_cell = row.cells[table.key].coord
    imported = ImportedRow(kind, fields, where=f"{read.sheet}!{name_cell}")
    imported.field_cells = {key: f"{read.sheet}!{row.cells[key].coord}" for key in fields
                            if key in row.cells}
    if table.sheet == "Workstreams" and "gaps" in read.present:
        imported.fields["gaps"] = _gaps(reader, row, read.sheet)
    for link, column in (("workstream_id", "workstream"), ("scheme_id", "scheme")):
        if column in read.present and column in row.cells:
            imported.links[link] = str(row.get(column, "") or "")
            imported.link_cells[link] = f"{read.sheet}!{row.cells[column].coord}"
    if table.sheet == "QIPP":
        phasing = check_phasing(reader.findings, read, row)
        if phasing is not None:
            imported.fields["phasing"] = phasing
            if "m1" in row.cells:
                imported.field_cells["phasing"] = f"{read.sheet}!{row.cells['m1'].coord}"
    check_row_formulas(reader.findings, table, read, row)
    return imported


def _gaps(reader: SheetReader, row: RowRead, sheet: str) -> frozenset[Gap]:
    text = str(row.get("gaps", "") or "")
    out: set[Gap] = set()
    for part in text.replace(",", ";").split(";"):
        if part.strip():
            gap = _enum(reader, Gap, part.strip(), "STP gap", sheet, row.cells["gaps"].coord)
            if gap is not None:
                out.add(gap)  # type: ignore[arg-type]
    return frozenset(out)


def _milestones(reader: SheetReader, spec: TemplateSpec, out: ImportedPlan) -> None:
    if reader.book.find("Milestones") is None:
        reader.findings.info("no Milestones sheet; workstream milestones are left as they are",
                             "Milestones")
        return
    read = reader.table(spec.table("Milestones"))
    if read is None or "workstream" not in read.present:
        return
    check_unique(read, ("workstream", "name"), "the milestone", reader.findings)
    by_name = {r.name: r for r in out.rows.get(EntityKind.WORKSTREAM, [])}
    lists: dict[str, list[Milestone]] = {name: [] for name in by_name}
    for row in read.rows:
        owner, due = str(row.get("workstream", "") or ""), row.get("due")
        if owner not in by_name:
            reader.findings.problem(f"workstream {owner!r} is not on the Workstreams sheet",
                                    read.sheet, row.cells["workstream"].coord)
            continue
        if isinstance(due, dt.date):
            lists[owner].append(Milestone(str(row.get("name")), due, bool(row.get("done", False))))
    for name, row in by_name.items():
        row.fields["milestones"] = lists[name]
