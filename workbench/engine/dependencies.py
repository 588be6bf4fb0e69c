"""Which fields a computation really read, recorded as it runs.

A part of the results may be reused after an edit only if the edit changed nothing that
part read. Keeping that list by hand went stale (the activity page kept a renamed scheme's
old name), so it is recorded instead: the rows are handed to the computation wrapped in a
`Recorder`, and every attribute it reads is noted. The result is a function of the values
read, so an edit to any other field cannot change it.
"""

from __future__ import annotations

from collections.abc import Sequence
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
