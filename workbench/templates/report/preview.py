"""What an import would change, row by row, for its preview (dialog and `--check`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workbench.domain.edits import EntityKind


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class RowChange:
    kind: EntityKind
    name: str
    where: str = ""  # "QIPP!B12" in the workbook ("" for removed rows)
    changes: tuple[FieldChange, ...] = ()
    renamed_from: str = ""  # the plan's name for a row renamed in the workbook


@dataclass
class Preview:
    """What applying the import would do, for the preview dialog and `--check`."""

    plan: list[FieldChange] = field(default_factory=list)
    drivers: list[FieldChange] = field(default_factory=list)
    added: list[RowChange] = field(default_factory=list)
    changed: list[RowChange] = field(default_factory=list)
    removed: list[RowChange] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.plan or self.drivers or self.added or self.changed or self.removed)

    def counts(self) -> dict[str, int]:
        return {"added": len(self.added), "changed": len(self.changed),
                "removed": len(self.removed), "drivers": len(self.drivers) + len(self.plan)}
