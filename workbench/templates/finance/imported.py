"""What a workbook says the plan is, before it is compared with the plan in the app.

Only the fields whose columns were found are carried, so a copy without (say) an Activity
impact column leaves those values alone instead of zeroing them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workbench.domain.edits import EntityKind
from workbench.domain.links import links_of

NAME_FIELD = {
    EntityKind.WORKSTREAM: "name",
    EntityKind.SCHEME: "name",
    EntityKind.RISK: "description",
    EntityKind.SPEND_LINE: "category",
    EntityKind.PRESSURE: "name",
}
# the link columns of the Finance sheets (rules from domain.links)
LINKS = {**links_of(EntityKind.SCHEME), **links_of(EntityKind.RISK)}


@dataclass
class ImportedRow:
    kind: EntityKind
    fields: dict[str, Any]  # domain field -> value, for the columns present
    links: dict[str, str] = field(default_factory=dict)  # "workstream_id" -> name ("" = none)
    where: str = ""  # "QIPP!B12": the row's name cell, for the preview
    link_cells: dict[str, str] = field(default_factory=dict)  # link field -> cell address
    field_cells: dict[str, str] = field(default_factory=dict)  # field -> "QIPP!I12"
    ref_id: int | None = None  # the plan row its Ref cell names (row_refs.py) ...
    ref_cell: str = ""  # ... and where that cell is: "QIPP!A12"

    def cell_of(self, name: str) -> str:
        """Where a field's value is in the workbook (the row's name cell if not known)."""
        return self.field_cells.get(name) or self.link_cells.get(name) or self.where

    @property
    def name(self) -> str:
        return str(self.fields.get(NAME_FIELD[self.kind], ""))


@dataclass
class ImportedPlan:
    plan_fields: dict[str, Any] = field(default_factory=dict)  # organisation, ods_code, ...
    plan_cells: dict[str, str] = field(default_factory=dict)  # plan field -> Cover cell
    drivers: dict[str, Any] = field(default_factory=dict)  # FinancialDrivers fields read
    rows: dict[EntityKind, list[ImportedRow]] = field(default_factory=dict)
    read_kinds: set[EntityKind] = field(default_factory=set)  # kinds whose sheet was read
    round_start: int | None = None  # the planning round on the cover, e.g. 2016
    summary_cells: dict[str, tuple[Any, str]] = field(default_factory=dict)  # key -> (£, cell)
