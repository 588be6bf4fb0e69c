"""Table cells that show an engine figure, and which rows' figures an edit moved.

A `FigureGetter` reads `results.<frame>` at (row id, column) from the column's array and a
row id -> position dictionary made once per results index (the engine makes new frames
when figures change; it never alters one), so a table of 10,000 rows reads its figures
without a pandas lookup per cell. Its `frame` tells a table model where the figure lives:
after an edit the model compares the old and new frames as arrays (`changed_ids`) instead
of reading every cell.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import TYPE_CHECKING, Any

import numpy as np

from workbench.engine.kept import KeptFrame

if TYPE_CHECKING:  # pandas comes with the engine's first compute (engine.kept)
    import pandas as pd


class FigureGetter:
    """getter(row, controller) -> results.<frame>.at[row.id, column], or `missing`."""

    def __init__(self, frame: str, column: Any, missing: Any = None,
                 convert: Callable[[Any], Any] | None = None) -> None:
        self.frame = frame  # a dotted path under PlanResults, e.g. "activity.monthly"
        self.column = column
        self.missing = missing
        self.convert = convert
        self._read = attrgetter(frame)
        # the frame `_values` was taken from, held weakly: a getter serves every window
        self._source: Callable[[], Any] = lambda: None
        self._values: np.ndarray | None = None
        self._where: dict[Any, int] = {}

    def __call__(self, row: Any, ctl: Any) -> Any:
        frame = self._read(ctl.results)
        if self._source() is not frame:
            if isinstance(frame, KeptFrame):  # the figures kept from the last session
                self._values = frame.column(self.column)
                self._where = {label: i for i, label in enumerate(frame.index)}
            else:
                self._values = (frame[self.column].to_numpy()
                                if self.column in frame.columns else None)
                self._where = positions(frame.index)
            self._source = weakref.ref(frame)
        at = self._where.get(row.id)
        if at is None or self._values is None:
            return self.missing
        value = self._values[at]
        return self.convert(value) if self.convert is not None else value


_positions: dict[int, tuple[weakref.ref, dict[Any, int]]] = {}


def positions(index: pd.Index) -> dict[Any, int]:
    """Label -> position of a results index, made once per index (the engine keeps the
    schemes' index from edit to edit, so a 10,000-row table's lookup is not remade)."""
    kept = _positions.get(id(index))
    if kept is not None and kept[0]() is index:
        return kept[1]
    where = {label: i for i, label in enumerate(index.tolist())}
    _remember(_positions, index, where)
    return where


def _remember(cache: dict[int, tuple[weakref.ref, Any]], key: Any, value: Any) -> None:
    """Keep `value` for the object `key` (held weakly, so no window's results outlive it),
    dropping entries whose object has gone and, past 16, the oldest."""
    for stale in [k for k, (ref, _v) in cache.items() if ref() is None]:
        del cache[stale]
    if len(cache) >= 16:
        cache.pop(next(iter(cache)))
    cache[id(key)] = (weakref.ref(key), value)


def frames_read(getters: Iterable[Any]) -> tuple[str, ...]:
    """The results frames these column getters read (each once, in order)."""
    seen: dict[str, None] = {}
    for getter in getters:
        frame = getattr(getter, "frame", None)
        if isinstance(frame, str):
            seen[frame] = None
    return tuple(seen)


def read_frames(results: Any, paths: tuple[str, ...]) -> dict[str, pd.DataFrame]:
    return {path: attrgetter(path)(results) for path in paths}


def changed_ids(old: pd.DataFrame | KeptFrame | None, new: pd.DataFrame) -> set[Any] | None:
    """Ids (index labels) of `new` whose row differs from `old`'s, in any column (a row
    new to the frame counts as changed). None when every row must be taken as changed."""
    if old is new:
        return set()
    if old is None or isinstance(old, KeptFrame):
        return None
    import pandas as pd  # loaded already: `new` is a frame

    if not new.index.is_unique or not old.index.is_unique:
        return None
    if list(old.columns) != list(new.columns):
        return None
    if not old.index.equals(new.index):
        old = old.reindex(new.index)
    differs = np.zeros(len(new), dtype=bool)
    olds, news = _arrays(old), _arrays(new)
    if len(olds) != len(news):  # one is a single 2-D array, the other is not
        olds, news = _columns(old), _columns(new)
    for a, b in zip(olds, news, strict=True):
        same = a == b
        if not isinstance(same, np.ndarray) or same.shape != a.shape:  # numpy gave up
            return None
        if not same.all():
            same = same | (pd.isna(a) & pd.isna(b))
        differs |= ~same if same.ndim == 1 else ~same.all(axis=1)
    return set(new.index[differs].tolist())


_made: dict[int, tuple[weakref.ref, list[np.ndarray]]] = {}  # id -> (frame, its arrays)


def _arrays(frame: pd.DataFrame) -> list[np.ndarray]:
    """A frame's values as arrays (one 2-D array when every column is one numeric type),
    made once per frame: the old frame of one edit is the new frame of the last."""
    kept = _made.get(id(frame))
    if kept is not None and kept[0]() is frame:
        return kept[1]
    dtypes = set(frame.dtypes)
    kind = next(iter(dtypes)) if len(dtypes) == 1 else None
    if isinstance(kind, np.dtype) and np.issubdtype(kind, np.number):
        arrays = [frame.to_numpy()]
    else:
        arrays = _columns(frame)
    _remember(_made, frame, arrays)
    return arrays


def _columns(frame: pd.DataFrame) -> list[np.ndarray]:
    return [frame[column].to_numpy() for column in frame.columns]
