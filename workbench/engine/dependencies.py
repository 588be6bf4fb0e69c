"""Which fields a computation really read, recorded as it runs.

A part of the results may be reused after an edit only if the edit changed nothing that
part read. Keeping that list by hand went stale (the activity page kept a renamed scheme's
old name), so it is recorded instead: the rows are handed to the computation wrapped, and
every field it reads is noted. The result is a function of the values read, so an edit to
any other field cannot change it.

Two wrappers: `Recorder` (one row, every attribute access noted) and `Columns` (the rows
offered field by field: a computation asks for a field's values of some rows, and the
field's name is noted once). Wrapping 10,000 rows in a `Recorder` and noting each access
cost four times the computation itself; `Columns` notes a name per column read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from operator import attrgetter
from typing import Any


class Recorder:
    """A read-only stand-in for a row that notes the names of the attributes read."""

    __slots__ = ("_row", "_reads")

    def __init__(self, row: Any, reads: set[str]) -> None:
        object.__setattr__(self, "_row", row)
        object.__setattr__(self, "_reads", reads)

    def __getattr__(self, name: str) -> Any:
        self._reads.add(name)
        return getattr(self._row, name)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("rows handed to a computation are read-only")


def recorded(rows: Sequence[Any]) -> tuple[list[Any], set[str]]:
    """`rows` wrapped so that reads are noted, and the (live) set of field names read."""
    reads: set[str] = set()
    return [Recorder(r, reads) for r in rows], reads


class Columns:
    """Rows a computation may read only column by column; `reads` holds the names of the
    fields it read of at least one row. The rows themselves are not handed out."""

    __slots__ = ("_rows", "reads")

    def __init__(self, rows: Sequence[Any]) -> None:
        self._rows = rows
        self.reads: set[str] = set()

    def __len__(self) -> int:
        return len(self._rows)

    def column(self, name: str, positions: Iterable[int] | None = None) -> list[Any]:
        """`name` of every row, or of the rows at `positions` (in that order)."""
        rows = self._rows if positions is None else [self._rows[i] for i in positions]
        if rows:
            self.reads.add(name)
        return list(map(attrgetter(name), rows))

    def values(self, name: str, positions: Iterable[int]) -> dict[int, Any]:
        """{position: `name` of that row} for the rows at `positions`."""
        places = list(positions)
        return dict(zip(places, self.column(name, places), strict=True))
