"""JSON shapes of the activity and trajectory values that are not plain columns.

Each pair is exact: Decimals travel as text, months as their index, actuals as
[value, note]; decoding gives back a value equal to the one encoded.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from workbench.domain.trajectories import Actual, SpcSettings


def encode_months(values: dict[int, Decimal]) -> dict[str, str]:
    return {str(month): str(value) for month, value in values.items()}


def decode_months(data: dict[str, str]) -> dict[int, Decimal]:
    return {int(month): Decimal(value) for month, value in sorted(data.items(), key=_month)}


def _month(item: tuple[str, str]) -> int:
    return int(item[0])


def encode_ids(ids: tuple[int, ...]) -> list[int]:
    return list(ids)


def decode_ids(data: list[int]) -> tuple[int, ...]:
    return tuple(int(i) for i in data)


def encode_path(values: dict[str, float]) -> dict[str, float]:
    return {period: float(value) for period, value in values.items()}


def decode_path(data: dict[str, float]) -> dict[str, float]:
    return {period: float(data[period]) for period in sorted(data)}


def encode_actuals(values: dict[str, Actual]) -> dict[str, list[Any]]:
    return {period: [float(a.value), a.note] for period, a in values.items()}


def decode_actuals(data: dict[str, list[Any]]) -> dict[str, Actual]:
    return {period: Actual(float(data[period][0]), str(data[period][1])) for period in sorted(data)}


def encode_spc(settings: SpcSettings) -> dict[str, Any]:
    data = dataclasses.asdict(settings)
    data["rebase_at"] = list(settings.rebase_at)
    return data


def decode_spc(data: dict[str, Any]) -> SpcSettings:
    known = {f.name for f in dataclasses.fields(SpcSettings)}
    values = {k: v for k, v in data.items() if k in known}
    values["rebase_at"] = tuple(values.get("rebase_at", ()))
    return SpcSettings(**values)
