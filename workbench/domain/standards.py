"""National standards and local targets, read from CSV so that thresholds are data, not code.

The bundled file is resources/standards/standards_2016_17.csv; users add local ones in the
same format. Thresholds are written as people write them (95 for 95%) and held as fractions.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

from workbench.domain.errors import ValidationError
from workbench.domain.periods import FinancialYear
from workbench.domain.resources import resource_path
from workbench.domain.trajectories import Direction, Frequency, Trajectory, Unit

COLUMNS = (
    "id", "planning_code", "code_verified", "name", "metric", "unit", "direction",
    "threshold", "frequency", "round", "source", "notes",
)
BUNDLED = ("standards", "standards_2016_17.csv")


@dataclass(frozen=True)
class Standard:
    """A threshold a trajectory is measured against. `threshold` is a fraction for % units."""

    id: str
    name: str
    metric: str
    unit: Unit
    direction: Direction
    threshold: float
    frequency: Frequency = Frequency.MONTHLY
    round: str = "2016/17"
    planning_code: str = ""
    code_verified: bool = False
    source: str = ""
    notes: str = ""
    local: bool = False

    def to_trajectory(self, id: int | None = None, provider: str = "") -> Trajectory:
        """An empty trajectory to this standard, due by the end of its planning round."""
        end = FinancialYear.parse(self.round).start + 1
        return Trajectory(
            id=id,
            metric=self.metric,
            unit=self.unit,
            direction=self.direction,
            target=self.threshold,
            target_date=dt.date(end, 3, 31),
            frequency=self.frequency,
            standard_id=self.id,
            provider=provider,
        )


def read_standards(path: Path, *, local: bool = False) -> list[Standard]:
    """Every row of a standards CSV; one ValidationError lists all the bad rows."""
    with Path(path).open(newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        missing = [c for c in ("id", "name", "unit", "direction", "threshold")
                   if c not in (reader.fieldnames or ())]
        if missing:
            raise ValidationError(f"{path}: missing column(s) {', '.join(missing)}")
        rows = list(reader)
    standards, problems, seen = [], [], set()
    for line, row in enumerate(rows, start=2):
        try:
            standard = _parse_row(row, local)
        except ValueError as exc:
            problems.append(f"line {line}: {exc}")
            continue
        if standard.id in seen:
            problems.append(f"line {line}: id {standard.id!r} is used twice")
        seen.add(standard.id)
        standards.append(standard)
    if problems:
        raise ValidationError(f"{path}: " + "; ".join(problems))
    return standards


def _parse_row(row: dict[str, str], local: bool) -> Standard:
    text = {k: (v or "").strip() for k, v in row.items() if k}
    if not text.get("id"):
        raise ValueError("the id is blank")
    unit = Unit.parse(text["unit"])
    try:
        threshold = Decimal(text["threshold"])
    except InvalidOperation:
        raise ValueError(f"threshold {text['threshold']!r} is not a number") from None
    if unit is Unit.PERCENT:
        if not 0 <= threshold <= 100:
            raise ValueError(f"threshold {threshold}% is not between 0 and 100")
        threshold /= 100
    return Standard(
        id=text["id"],
        name=text["name"],
        metric=text.get("metric") or text["name"],
        unit=unit,
        direction=Direction.parse(text["direction"]),
        threshold=float(threshold),
        frequency=Frequency.parse(text.get("frequency") or "Monthly"),
        round=text.get("round") or "2016/17",
        planning_code=text.get("planning_code", ""),
        code_verified=text.get("code_verified", "").lower() in ("yes", "true", "1"),
        source=text.get("source", ""),
        notes=text.get("notes", ""),
        local=local,
    )


def write_standards(path: Path, standards: Iterable[Standard]) -> None:
    """Save standards (e.g. a user's local ones) in the bundled file's format."""
    with Path(path).open("w", newline="", encoding="utf-8-sig") as f:  # BOM: Excel reads UTF-8
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for s in standards:
            row = asdict(s)
            row.pop("local")
            value = Decimal(str(s.threshold))
            shown = value * 100 if s.unit is Unit.PERCENT else value
            row["threshold"] = format(shown.normalize(), "f")
            row["code_verified"] = "yes" if s.code_verified else "no"
            for key in ("unit", "direction", "frequency"):
                row[key] = str(row[key])
            writer.writerow(row)


@cache
def bundled_standards() -> tuple[Standard, ...]:
    return tuple(read_standards(resource_path(*BUNDLED)))


def load_standards(local_files: Iterable[Path] = ()) -> list[Standard]:
    """Bundled standards, then each local file's; a local row replaces a bundled one by id."""
    merged = {s.id: s for s in bundled_standards()}
    for path in local_files:
        merged.update({s.id: s for s in read_standards(path, local=True)})
    return list(merged.values())


def standard_by_id(standard_id: str, standards: Iterable[Standard] | None = None) -> Standard:
    for s in standards if standards is not None else bundled_standards():
        if s.id == standard_id:
            return s
    raise KeyError(f"no standard with id {standard_id!r}")
