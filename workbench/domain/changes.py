"""PlanChanges: which kinds of rows an applied edit touched, so views refresh only those."""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.domain.edits import Edit, EntityKind, InsertRows, SetField, leaves


@dataclass(frozen=True)
class PlanChanges:
    kinds: frozenset[EntityKind] = frozenset()
    # (kind, id) of rows whose fields changed; inserts and deletes set `structural`.
    rows: frozenset[tuple[EntityKind, int]] = frozenset()
    structural: frozenset[EntityKind] = field(default_factory=frozenset)
    fields: frozenset[tuple[EntityKind, str]] = frozenset()  # (kind, field) of SetFields

    @classmethod
    def of(cls, edit: Edit) -> PlanChanges:
        kinds, rows, structural, fields = set(), set(), set(), set()
        for leaf in leaves(edit):
            kinds.add(leaf.kind)
            if isinstance(leaf, SetField):
                rows.add((leaf.kind, leaf.id))
                fields.add((leaf.kind, leaf.field))
            else:
                structural.add(leaf.kind)
                if isinstance(leaf, InsertRows):
                    rows.update((leaf.kind, r.id) for r in leaf.rows if r.id is not None)
        return cls(frozenset(kinds), frozenset(rows), frozenset(structural), frozenset(fields))

    @classmethod
    def everything(cls) -> PlanChanges:
        """The whole plan was replaced (reloaded or restored)."""
        kinds = frozenset(EntityKind)
        return cls(kinds, frozenset(), kinds)

    def merged(self, other: PlanChanges) -> PlanChanges:
        """What this edit and `other` touched between them."""
        return PlanChanges(self.kinds | other.kinds, self.rows | other.rows,
                           self.structural | other.structural, self.fields | other.fields)

    def touches(self, kind: EntityKind, fields: frozenset[str] | None = None) -> bool:
        """Whether rows of `kind` changed: added, deleted, or (if given) one of `fields`."""
        if kind not in self.kinds:
            return False
        if fields is None or kind in self.structural:
            return True
        return any(k is kind and f in fields for k, f in self.fields)
