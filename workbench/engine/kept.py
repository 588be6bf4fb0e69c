"""The first screen's figures, kept from the last session so that a window can open before
pandas (the engine's heaviest library, some 130 ms of a start) has loaded.

What the first screen reads of the engine's results is small: the headline summary, the
months, and the schemes' figures. They are kept as plain JSON with a digest of every input
the engine reads (the whole plan) and of the engine itself; on the next start they stand
in for the results only when the plan read from the store has the same digest, so they
are the figures the engine would compute. The engine computes anyway straight after the
first paint, and the views take its results from there on.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import math
import pickle
import threading
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.domain.plan import Plan
from workbench.engine.results import PlanSummary

if TYPE_CHECKING:
    from workbench.engine.results import PlanResults

KEPT_FORMAT = 1
# Past this many rows the digest costs more than pandas' import saves (measured: 0.4 ms for
# the demo plan, 32 ms for 2,000 schemes, 200 ms for a whole ICS of 10,000).
MAX_ROWS = 5_000
FRAME_COLUMNS = ("net", "risk_adjusted", "workstream", "status")  # scheme_figures, in order
_COLUMN_TYPES: dict[str, tuple[type, ...]] = {
    "net": (float, int), "risk_adjusted": (float, int), "workstream": (int,), "status": (str,)}


@dataclasses.dataclass(frozen=True, eq=False)
class KeptFrame:
    """The schemes' figures as kept: a read-only table by scheme id, in the engine's row
    order. (eq=False: views hold it weakly and tell frames apart by identity.)"""

    index: tuple[int, ...]
    columns: dict[str, tuple[Any, ...]]

    def column(self, name: str) -> tuple[Any, ...] | None:
        return self.columns.get(name)


@dataclasses.dataclass(frozen=True)
class KeptFigures:
    digest: str
    summary: PlanSummary
    months: tuple[str, ...]
    scheme_figures: KeptFrame


class KeptResults:
    """Stands in for PlanResults until the engine's first compute: the kept summary, months
    and schemes' figures; anything else read of it runs the engine (`compute`) first."""

    def __init__(self, kept: KeptFigures, compute: Callable[[], PlanResults]) -> None:
        self.kept = kept
        self.summary = kept.summary
        self.months = list(kept.months)
        self.scheme_figures = kept.scheme_figures
        self._compute = compute

    def __getattr__(self, name: str) -> Any:  # only for names not set above
        if name.startswith("__"):
            raise AttributeError(name)
        if threading.current_thread() is not threading.main_thread():
            # the engine's state is the window's (main) thread's: a worker must be handed
            # the engine's own results, never these
            raise RuntimeError(f"the kept figures have no {name!r} off the main thread")
        return getattr(self._compute(), name)


def same_figures(kept: KeptResults, results: PlanResults) -> bool:
    """Whether the engine's `results` show what the kept figures showed."""
    frame = results.scheme_figures
    return (kept.summary == results.summary and kept.months == list(results.months)
            and list(kept.scheme_figures.index) == frame.index.tolist()
            and all(list(values) == frame[name].tolist()
                    for name, values in kept.scheme_figures.columns.items()))


def plan_digest(plan: Plan) -> str | None:
    """A digest of every input of the engine (the plan, field by field) and of the engine's
    version; None for a plan too large for the digest to pay for itself."""
    rows = len(plan.schemes) + len(plan.risks) + len(plan.activity_lines) + len(
        plan.trajectories)
    if rows > MAX_ROWS:
        return None
    out = io.BytesIO()
    _SortedSets(out, protocol=5).dump((KEPT_FORMAT, engine_version(), plan))
    return hashlib.blake2b(out.getbuffer(), digest_size=20).hexdigest()


class _SortedSets(pickle.Pickler):
    """Pickles a dataclass's set fields sorted: a frozenset's order follows the process's
    string hashing, which changes from run to run."""

    def reducer_override(self, obj: Any) -> Any:
        if not dataclasses.is_dataclass(obj) or isinstance(obj, type) or not hasattr(
                obj, "__dict__"):
            return NotImplemented
        state = {name: (sorted(value, key=repr) if isinstance(value, (set, frozenset))
                        else value)
                 for name, value in vars(obj).items()}
        return (_rebuilt, (type(obj).__module__, type(obj).__qualname__), state)


def _rebuilt(_module: str, _name: str) -> None:  # never called: the pickle is only hashed
    raise RuntimeError("a digest is not unpickled")


def engine_version() -> str:
    """The app's version and, in a source tree, each engine and domain module's size and
    time: figures kept by another engine are not this engine's figures."""
    import workbench

    here = Path(__file__).resolve().parent
    parts = [getattr(workbench, "__version__", "")]
    for folder in (here, here.parent / "domain"):
        for path in sorted(folder.glob("*.py")):
            stat = path.stat()
            parts.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)


def keep(plan: Plan, results: PlanResults) -> dict[str, Any] | None:
    """The first screen's figures of `results` (computed from `plan`) as JSON-able data;
    None when the plan is too large to be worth keeping."""
    digest = plan_digest(plan)
    if digest is None:
        return None
    frame = results.scheme_figures
    if tuple(frame.columns) != FRAME_COLUMNS:
        return None
    summary = {f.name: _number(getattr(results.summary, f.name))
               for f in dataclasses.fields(PlanSummary)}
    return {
        "format": KEPT_FORMAT,
        "digest": digest,
        "summary": summary,
        "months": list(results.months),
        "schemes": {"index": [int(i) for i in frame.index.tolist()],
                    **{c: frame[c].tolist() for c in FRAME_COLUMNS}},
    }


def kept_figures(data: Any, plan: Plan) -> KeptFigures | None:
    """The kept figures in `data` when they are `plan`'s, read strictly (None for anything
    else: another plan, another engine, a damaged or tampered file)."""
    try:
        return _read(data, plan)
    except (KeyError, TypeError, ValueError, InvalidOperation, AttributeError,
            pickle.PicklingError):
        return None


def _read(data: Any, plan: Plan) -> KeptFigures | None:
    if not isinstance(data, dict) or data.get("format") != KEPT_FORMAT:
        return None
    digest = data["digest"]
    if not isinstance(digest, str) or digest != plan_digest(plan):
        return None
    summary = PlanSummary(**dict(_summary_fields(data["summary"])))
    months = data["months"]
    if not isinstance(months, list) or not all(isinstance(m, str) for m in months):
        return None
    schemes = data["schemes"]
    index = schemes["index"]
    if not isinstance(index, list) or not all(type(i) is int for i in index):
        return None
    columns = {}
    for name in FRAME_COLUMNS:
        values = schemes[name]
        if not isinstance(values, list) or len(values) != len(index) or not all(
                type(v) in _COLUMN_TYPES[name] for v in values):
            return None
        columns[name] = tuple(values)
    return KeptFigures(digest, summary, tuple(months), KeptFrame(tuple(index), columns))


def _summary_fields(values: Any) -> Iterator[tuple[str, Decimal | float]]:
    if not isinstance(values, dict):
        raise TypeError("the summary is not a mapping")
    for f in dataclasses.fields(PlanSummary):
        value = values[f.name]
        if f.type == "Decimal":
            number = Decimal(value) if isinstance(value, str) else None
            if number is None or not number.is_finite():
                raise TypeError(f"{f.name} is not a decimal")
            yield f.name, number
        else:
            if type(value) not in (float, int) or not math.isfinite(value):
                raise TypeError(f"{f.name} is not a number")
            yield f.name, float(value)


def _number(value: Decimal | float) -> str | float:
    return str(value) if isinstance(value, Decimal) else float(value)
