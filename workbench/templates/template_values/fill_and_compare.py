"""The SRG resilience and BCF workbooks to and from the plan: the plan's own figures plus
its template values (the input cells it does not model, domain/template_values.py).

Export: the plan's figures (cell key -> value) go in their cells and every other input
cell gets the text the plan keeps for it (a blank clears the cell). A plan that keeps none
of the template's values yet (never imported) leaves those cells as they are in the
workbook being filled, so an export into a colleague's copy never wipes their entries.

Import: every input cell is read and checked (input_cells.py). Cells the plan models
are compared with its figures: a difference is a warning and the app's figure is used.
All other cells become the template's values, matched with the plan's by
values_edit.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from workbench.domain.errors import TemplateError
from workbench.domain.plan import Plan
from workbench.domain.template_values import COVER, TemplateValue
from workbench.templates.layouts.spec import Grid, Kind, Table, TemplateSpec, normalise
from workbench.templates.report.findings import Findings
from workbench.templates.template_values.cell_text import from_text, plain_kind
from workbench.templates.template_values.input_cells import (
    CellKey,
    InputCell,
    check_required,
    input_kinds,
)
from workbench.templates.workbook.locate import find_row, grid_columns, table_columns
from workbench.templates.workbook.recognise import label_cell
from workbench.templates.workbook.writer import Filler, snapshot, to_cell

ODS_CODE = ("Cover", COVER, "ods_code")
TOLERANCE = {Kind.PERCENT: 0.0005}  # half the 0.1% the cell shows
COUNT_TOLERANCE = 0.5  # half an attendance, admission or bed: rounding is no difference


@dataclass
class ValuesRead:
    """The template values a workbook holds, and the cell each was read from."""

    values: list[TemplateValue] = field(default_factory=list)
    where: dict[CellKey, str] = field(default_factory=dict)  # key -> "Sheet!C10"


def held_values(plan: Plan, template: str) -> dict[CellKey, TemplateValue]:
    return {v.key: v for v in plan.template_values if v.template == template}


# -- export ------------------------------------------------------------------------------
def export_values(plan: Plan, filler: Filler, spec: TemplateSpec,
                  figures: Mapping[CellKey, object], *, tables: bool | None = None) -> None:
    """Write the plan's figures and its kept values into the template's input cells.
    `tables`: rewrite the tables of typed rows (default: when the plan keeps values)."""
    kinds = {(s, r, c): k for s, r, c, k in input_kinds(spec)}
    held = held_values(plan, spec.kind)
    cells: dict[CellKey, object] = {}
    for key, kept in held.items():
        kind = kinds.get(key) or kinds.get((key[0], "*", key[2]))
        if kind is None or key in figures:
            continue  # no longer an input of the layout, or now the plan's own figure
        try:
            cells[key] = from_text(kind, kept.value)
        except (ValueError, InvalidOperation) as exc:
            raise TemplateError(f"the plan keeps {kept.value!r} for {' '.join(key)}, which is "
                                f"not a {kind.value}", file=filler.file, sheet=key[0]) from exc
    cells.update(figures)
    fill_inputs(filler, spec, cells, tables=bool(held) if tables is None else tables)


def fill_inputs(filler: Filler, spec: TemplateSpec, cells: Mapping[CellKey, object], *,
                tables: bool) -> None:
    """Put `cells` (domain values; None clears) in the input cells they name. Tables whose
    rows users type (BCF schemes) are rewritten whole, and only when `tables`."""
    _fill_cover(filler, spec, cells)
    for part in spec.sheets:
        if isinstance(part, Grid):
            _fill_grid(filler, part, cells)
        elif isinstance(part.column(part.key).prefill, tuple):
            _fill_listed(filler, part, cells)
        elif tables:
            _fill_typed(filler, part, cells)


def _fill_cover(filler: Filler, spec: TemplateSpec, cells: Mapping[CellKey, object]) -> None:
    targets = [(row, ("Cover", COVER, row.key or row.label)) for row in spec.cover]
    targets = [(row, key) for row, key in targets if key in cells]
    if not targets:
        return
    ws = filler.worksheet("Cover")
    data = snapshot(ws)
    for row, key in targets:
        found = label_cell(data, row.label)
        if found is None:
            raise TemplateError(f"no '{row.label}' label on the Cover", file=filler.file,
                                sheet=ws.title)
        filler.put(ws, *found, to_cell(plain_kind(row.kind), cells[key]))


def _fill_grid(filler: Filler, grid: Grid, cells: Mapping[CellKey, object]) -> None:
    targets = {row.code: [h for h in row.cells if (grid.sheet, row.code, h) in cells]
               for row in grid.rows}
    if not any(targets.values()):
        return
    ws = filler.worksheet(grid.sheet)
    data = snapshot(ws)
    header_row, columns = grid_columns(data, grid)
    for row in grid.rows:
        if not targets[row.code]:
            continue
        r = find_row(data, row.code, row.label, header_row)
        if r is None:
            raise TemplateError(f"no row '{row.code} {row.label}'", file=filler.file,
                                sheet=ws.title)
        for header in targets[row.code]:
            if header not in columns:
                raise TemplateError(f"no column headed '{header}'", file=filler.file,
                                    sheet=ws.title)
            value = to_cell(plain_kind(grid.kind_of(row, header)), cells[(grid.sheet, row.code,
                                                                            header)])
            filler.put(ws, r, columns[header], value)


def _fill_listed(filler: Filler, table: Table, cells: Mapping[CellKey, object]) -> None:
    """A table of the template's own rows (areas, conditions): rows found by their name."""
    names = table.column(table.key).prefill
    inputs = [c for c in table.columns if c.is_input and c.key != table.key]
    targets = [(name, c) for name in names for c in inputs
               if (table.sheet, name, c.header) in cells]
    if not targets:
        return
    ws = filler.worksheet(table.sheet)
    data = snapshot(ws)
    header_row, columns = table_columns(data, table)
    if table.key not in columns:
        raise TemplateError(f"no column headed '{table.column(table.key).header}'",
                            file=filler.file, sheet=ws.title)
    wanted = {normalise(n): n for n in names}
    rows: dict[str, int] = {}
    for r in range(header_row + 1, data.max_row + 1):
        name = wanted.get(normalise(data.value(r, columns[table.key])))
        if name is not None:
            rows.setdefault(name, r)
    for name, column in targets:
        if name not in rows or column.key not in columns:
            what = f"row '{name}'" if name not in rows else f"column headed '{column.header}'"
            raise TemplateError(f"no {what}", file=filler.file, sheet=ws.title)
        filler.put(ws, rows[name], columns[column.key],
                    to_cell(plain_kind(column.kind), cells[(table.sheet, name, column.header)]))


def _fill_typed(filler: Filler, table: Table, cells: Mapping[CellKey, object]) -> None:
    """A table of rows users type (BCF schemes): written whole, placed by name."""
    by_header = {c.header: c for c in table.columns if c.is_input}
    rows: dict[str, dict[str, object]] = {}
    for (sheet, name, header), value in cells.items():
        if sheet == table.sheet and header in by_header:
            rows.setdefault(name, {})[by_header[header].key] = value
    for name, values in rows.items():
        values[table.key] = key_text(table, name, values)
    keys = (table.key, *table.identity)
    filler.table(table, list(rows.values()),
                 lambda v: tuple(" ".join(str(v.get(k) or "").split()).casefold() for k in keys))


def key_text(table: Table, name: str, values: Mapping[str, object]) -> str:
    """The key cell's text of a row named `name`: the name less its identity parts."""
    for key in reversed(table.identity):
        part = f" {values.get(key) or ''}"
        name = name[:-len(part)] if name.endswith(part) else name.rsplit(" ", 1)[0]
    return name


# -- import ------------------------------------------------------------------------------
def kept_values(spec: TemplateSpec, cells: list[InputCell], figures: Mapping[CellKey, object],
                findings: Findings) -> ValuesRead:
    """Compare the cells the plan models with its figures; the rest are the values to keep."""
    _compare(cells, figures, findings)
    check_required(cells, findings, exempt=figures.keys())
    out = ValuesRead()
    for cell in cells:
        if cell.key not in figures and cell.text is not None:
            out.values.append(TemplateValue(None, spec.kind, *cell.key, cell.text))
            out.where[cell.key] = cell.where
    return out


def _compare(cells: list[InputCell], figures: Mapping[CellKey, object],
             findings: Findings) -> None:
    for cell in cells:
        if cell.key not in figures or cell.text is None:
            continue
        ours = figures[cell.key]
        number = isinstance(ours, int | float | Decimal)
        what = "figure" if number else "value"
        if cell.key == ODS_CODE and cell.text and ours and (
                cell.text.strip().upper() != str(ours).strip().upper()):
            findings.problem(f"the workbook is for organisation {cell.text} but the plan is for "
                             f"{ours}", cell.sheet_name, cell.coord)
        elif cell.blank:
            findings.warning(f"{cell.label} is empty; the app's {what} {_show(cell.kind, ours)} "
                             "is used", cell.sheet_name, cell.coord)
        elif not _same(cell, ours, number):
            findings.warning(f"{cell.label}: the workbook shows {_show(cell.kind, cell.value)} "
                             f"but the app's {what} is {_show(cell.kind, ours)}; the app's "
                             f"{what} is used", cell.sheet_name, cell.coord)


def _same(cell: InputCell, ours: object, number: bool) -> bool:
    if number:
        if not isinstance(cell.value, Decimal):
            return False
        tolerance = TOLERANCE.get(cell.kind, COUNT_TOLERANCE)
        return abs(float(cell.value) - float(ours)) <= tolerance  # type: ignore[arg-type]
    return " ".join(str(cell.text).split()).casefold() == " ".join(str(ours).split()).casefold()


def _show(kind: Kind, value: object) -> str:
    if isinstance(value, int | float | Decimal):
        return f"{float(value):.1%}" if kind is Kind.PERCENT else f"{float(value):,.1f}"
    return repr(str(value))
