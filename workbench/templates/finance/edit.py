"""Compare the workbook's plan with the app's and express the difference as one edit.

Rows are matched by name within their kind (k-th "X" in the workbook to the k-th "X" in the
plan); a row whose name matches none is matched by its reference (row_refs.py) to a plan
row no other row matched: a rename, which keeps the row's id, history and links (a link
typed with the old name still finds it, with a warning). Matched rows get SetFields, new
rows an InsertRows (id None), missing rows a
DeleteRows with their current ids. A new row that another new or changed row links to
(a new workstream named on a QIPP row) carries a negative local key instead of None, and
the link uses that key: the store swaps it for the real id within the same transaction.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict, deque
from decimal import Decimal
from typing import Any

from workbench.domain.edits import (
    ROW_LISTS,
    ROW_TYPES,
    Batch,
    DeleteRows,
    Edit,
    EntityKind,
    InsertRows,
    SetField,
    target_of,
)
from workbench.domain.links import unlinks
from workbench.domain.periods import FinancialYear
from workbench.domain.plan import Plan
from workbench.templates.finance.checks import same_phasing
from workbench.templates.finance.imported import LINKS, NAME_FIELD, ImportedPlan, ImportedRow
from workbench.templates.report.findings import Findings
from workbench.templates.report.preview import FieldChange, Preview, RowChange

ORDER = (EntityKind.SPEND_LINE, EntityKind.PRESSURE, EntityKind.WORKSTREAM, EntityKind.SCHEME,
         EntityKind.RISK)
REQUIRED = {EntityKind.SPEND_LINE: {"baseline": Decimal(0)},
            EntityKind.PRESSURE: {"amount": Decimal(0)}}


def _key(name: object) -> str:
    return " ".join(str(name).split()).casefold()


def _equal(name: str, old: Any, new: Any) -> bool:
    if name == "phasing":
        return same_phasing(tuple(old), tuple(new))
    return bool(old == new)


def build_edit(current: Plan, imported: ImportedPlan, findings: Findings,
               label: str = "Import workbook") -> tuple[Batch, Preview]:
    preview = Preview()
    edits: list[Edit] = [*_plan_edits(current, imported, findings, preview)]
    ids: dict[EntityKind, dict[str, int | None]] = {}
    local = iter(range(-1, -1_000_000, -1))
    olds: dict[EntityKind, dict[str, str]] = defaultdict(dict)  # old name key -> new name
    targets = _linked_names(imported)
    deletes: list[DeleteRows] = []
    removed_ids: dict[EntityKind, set[int]] = {}
    for kind in ORDER:
        if kind not in imported.read_kinds:
            continue
        rows = imported.rows.get(kind, [])
        pairs, new, gone = _match(getattr(current, ROW_LISTS[kind]), rows, NAME_FIELD[kind])
        renamed = _match_refs(pairs, new, gone, findings)
        ids[kind] = {_key(imp.name): cur.id for cur, imp in pairs}
        new_names = {_key(x.name) for x in new}
        for cur, imp in renamed:
            old = _key(getattr(cur, NAME_FIELD[kind]))
            if old not in ids[kind] and old not in new_names:
                ids[kind][old] = cur.id
                olds[kind][old] = imp.name
        inserts = []
        for imp in new:
            key = next(local) if _key(imp.name) in targets.get(kind, set()) else None
            ids[kind].setdefault(_key(imp.name), key)
            inserts.append((imp, key))
        renamed_ids = {id(imp) for _, imp in renamed}
        for cur, imp in pairs:
            changes = [FieldChange(f, getattr(cur, f), value)
                       for f, value in {**imp.fields, **_links(imp, ids, findings, olds)}.items()
                       if not _equal(f, getattr(cur, f), value)]
            changes += _unlink_removed(cur, imp, removed_ids, findings)
            edits += [SetField(kind, cur.id, c.field, c.old, c.new) for c in changes]
            if changes:
                old_name = str(getattr(cur, NAME_FIELD[kind])) if id(imp) in renamed_ids else ""
                preview.changed.append(RowChange(kind, imp.name, imp.cell_of(changes[0].field),
                                                 tuple(changes), old_name))
        if inserts:
            objects = tuple(_new_row(kind, imp, key, ids, findings, olds)
                            for imp, key in inserts)
            edits.append(InsertRows(kind, objects))
            preview.added += [RowChange(kind, imp.name, imp.where) for imp, _ in inserts]
        if gone:
            removed_ids[kind] = {r.id for r in gone}
            deletes.append(DeleteRows(kind, tuple(dataclasses.replace(r) for r in gone)))
            preview.removed += [RowChange(kind, str(getattr(r, NAME_FIELD[kind]))) for r in gone]
    edits += _unlinks_of(current, deletes, edits, findings)
    edits += sorted(deletes, key=lambda d: -ORDER.index(d.kind))  # risks before schemes ...
    return Batch(tuple(edits), label), preview


def _unlinks_of(current: Plan, deletes: list[DeleteRows], edits: list[Edit],
                findings: Findings) -> list[SetField]:
    """Clear every link (domain.links) to a row the import removes, unless the row that
    links is itself removed or this import already sets that link."""
    doomed = {(d.kind, r.id) for d in deletes for r in d.rows}
    set_already = {(e.kind, e.id, e.field) for e in edits if isinstance(e, SetField)}
    out: list[SetField] = []
    for d in deletes:
        for unlink in unlinks(current, d.kind, {r.id for r in d.rows}, skip=doomed):
            if (unlink.kind, unlink.id, unlink.field) in set_already:
                continue
            set_already.add((unlink.kind, unlink.id, unlink.field))
            out.append(unlink)
            row = target_of(current, unlink.kind, unlink.id)
            name = getattr(row, "name", None) or getattr(row, "description", None) or \
                getattr(row, "provider_name", "")
            findings.warning(f"{unlink.kind.value.replace('_', ' ')} {name!r} linked to a "
                             f"{d.kind.value.replace('_', ' ')} no longer in the workbook; "
                             "the link is cleared")
    return out


def _plan_edits(current: Plan, imported: ImportedPlan, findings: Findings,
                preview: Preview) -> list[SetField]:
    out: list[SetField] = []
    fields, cells = dict(imported.plan_fields), imported.plan_cells
    code = str(fields.get("ods_code", "")).strip()
    if code and current.ods_code and code.upper() != current.ods_code.strip().upper():
        findings.problem(f"the workbook is for organisation {code} but the plan is for "
                         f"{current.ods_code}", "Cover", cells.get("ods_code", ""))
        fields.pop("ods_code")
    if imported.round_start is not None and imported.round_start != current.first_year.start:
        findings.problem(f"the workbook is for {FinancialYear(imported.round_start)} but the "
                         f"plan starts in {current.first_year}", "Cover", cells.get("round", ""))
    if "last_year" in fields:
        fields["last_year"] = FinancialYear(int(fields["last_year"]))
        if fields["last_year"] < current.first_year:
            findings.problem("the last plan year is before the first", "Cover",
                             cells.get("last_year", ""))
            fields.pop("last_year")
    for name, value in fields.items():
        if getattr(current, name) != value:
            out.append(SetField(EntityKind.PLAN, current.id or 0, name, getattr(current, name),
                                value))
            preview.plan.append(FieldChange(name, getattr(current, name), value))
    for name, value in imported.drivers.items():
        old = getattr(current.drivers, name)
        if old != value:
            out.append(SetField(EntityKind.DRIVERS, current.id or 0, name, old, value))
            preview.drivers.append(FieldChange(name, old, value))
    return out


def _match(current: list, imported: list[ImportedRow], name_field: str):
    pools: dict[str, deque] = defaultdict(deque)
    for row in current:
        pools[_key(getattr(row, name_field))].append(row)
    pairs, new = [], []
    for imp in imported:
        pool = pools.get(_key(imp.name))
        if pool:
            pairs.append((pool.popleft(), imp))
        else:
            new.append(imp)
    matched = {id(cur) for cur, _ in pairs}
    gone = [row for row in current if id(row) not in matched]
    return pairs, new, gone


def _match_refs(pairs: list, new: list[ImportedRow], gone: list,
                findings: Findings) -> list:
    """Pair rows left unmatched by name through their reference: the workbook row whose Ref
    names a plan row that no workbook row names is that row, renamed. Two such rows with
    one Ref (a row copied, then both renamed) are a Problem naming both. Moves the pairs
    from `new` and `gone` to `pairs` and returns them."""
    by_id = {row.id: row for row in gone if row.id is not None}
    claims: dict[int, list[ImportedRow]] = defaultdict(list)
    for imp in new:
        if imp.ref_id in by_id:
            claims[imp.ref_id].append(imp)
    renamed = []
    for ref_id, rows in claims.items():
        if len(rows) > 1:
            cells = [r.ref_cell.partition("!")[2] for r in rows]
            sheet = rows[1].ref_cell.partition("!")[0]
            name = str(getattr(by_id[ref_id], NAME_FIELD[rows[0].kind]))
            findings.problem(f"rows {' and '.join(cells)} both carry the Ref of {name!r}, "
                             "under new names: clear the Ref of the row that is a new one",
                             sheet, cells[1])
            continue
        renamed.append((by_id.pop(ref_id), rows[0]))
    if renamed:
        taken = {id(imp) for _, imp in renamed} | {id(cur) for cur, _ in renamed}
        new[:] = [imp for imp in new if id(imp) not in taken]
        gone[:] = [cur for cur in gone if id(cur) not in taken]
        pairs += renamed
    return renamed


def _linked_names(imported: ImportedPlan) -> dict[EntityKind, set[str]]:
    out: dict[EntityKind, set[str]] = defaultdict(set)
    for rows in imported.rows.values():
        for row in rows:
            for link, name in row.links.items():
                if name:
                    out[LINKS[link]].add(_key(name))
    return out


def _links(imp: ImportedRow, ids: dict[EntityKind, dict[str, int | None]],
           findings: Findings,
           olds: dict[EntityKind, dict[str, str]] | None = None) -> dict[str, int | None]:
    out: dict[str, int | None] = {}
    for link, name in imp.links.items():
        if not name:
            out[link] = None
            continue
        known = ids.get(LINKS[link], {})
        renamed_to = (olds or {}).get(LINKS[link], {}).get(_key(name))
        if renamed_to is not None:
            sheet, _, cell = imp.link_cells.get(link, "").partition("!")
            findings.warning(f"{name!r} is the old name of {renamed_to!r}, renamed in this "
                             "workbook; linked to it", sheet, cell)
        if _key(name) not in known:
            sheet, _, cell = imp.link_cells.get(link, "").partition("!")
            what = "Workstreams" if LINKS[link] is EntityKind.WORKSTREAM else "QIPP"
            findings.problem(f"{name!r} is not on the {what} sheet", sheet, cell)
            continue
        out[link] = known[_key(name)]
    return out


def _unlink_removed(cur: Any, imp: ImportedRow, removed: dict[EntityKind, set[int]],
                    findings: Findings) -> list[FieldChange]:
    """A kept row whose link column is absent must not point at a row being deleted."""
    out = []
    for link, kind in LINKS.items():
        target = getattr(cur, link, None)
        if link not in imp.links and target is not None and target in removed.get(kind, set()):
            out.append(FieldChange(link, target, None))
            sheet, _, cell = imp.where.partition("!")
            findings.warning("its linked row is no longer in the workbook; the link is cleared",
                             sheet, cell)
    return out


def _new_row(kind: EntityKind, imp: ImportedRow, key: int | None,
             ids: dict[EntityKind, dict[str, int | None]], findings: Findings,
             olds: dict[EntityKind, dict[str, str]]) -> Any:
    values = {**REQUIRED.get(kind, {}), **imp.fields, **_links(imp, ids, findings, olds)}
    return ROW_TYPES[kind](id=key, **values)
