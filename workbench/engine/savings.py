"""Savings: identified / earmarked / gap, risk-adjusted values, and monthly phasing.

Scheme values are net savings (gross less investment). The gap is the requirement less
identified and earmarked schemes; "unidentified" schemes are placeholders and do not
close it. Risk-adjusted value = net saving x confidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain, compress
from operator import attrgetter, itemgetter, methodcaller, mul, sub

import numpy as np
import pandas as pd

from workbench.domain.enums import CLOSING_STATUSES, SchemeStatus
from workbench.domain.periods import MONTHS_IN_YEAR
from workbench.domain.schemes import SavingsScheme

UNASSIGNED = -1  # workstream key for schemes with no workstream
STATUSES = list(SchemeStatus)
# Each status as a small integer (its place in SchemeStatus): sums and masks by status are
# array operations instead of a comparison of enum members per scheme.
STATUS_CODE = {status: i for i, status in enumerate(STATUSES)}
STATUS_VALUES = np.asarray([status.value for status in STATUSES], dtype=object)
CLOSING_CODES = np.asarray([STATUS_CODE[status] for status in CLOSING_STATUSES])


@dataclass(frozen=True)
class SchemeTable:
    """Per-scheme figures as arrays aligned on `ids`."""

    ids: np.ndarray  # int64
    workstream: np.ndarray  # int64, UNASSIGNED where none
    status: np.ndarray  # object: SchemeStatus values
    status_code: np.ndarray  # int8: STATUS_CODE of each status
    first_year: np.ndarray  # int64
    last_year: np.ndarray  # int64
    net: np.ndarray  # float pounds
    risk_adjusted: np.ndarray  # float pounds
    monthly: np.ndarray  # (n, 12) float pounds, net value phased


def _phasing_weights(phasing: tuple[Decimal, ...]) -> np.ndarray:
    weights = np.asarray([float(w) for w in phasing], dtype=float)
    if weights.shape != (MONTHS_IN_YEAR,) or weights.sum() <= 0 or (weights < 0).any():
        return np.full(MONTHS_IN_YEAR, 1.0 / MONTHS_IN_YEAR)
    return weights / weights.sum()


# The scheme fields scheme_row reads: the cache key (a test records the reads and holds them
# equal, so a field added to scheme_row cannot be left out of the key).
SCHEME_ROW_INPUTS = ("gross_saving", "investment", "confidence", "phasing")


def scheme_row(s: SavingsScheme) -> tuple[float, float, np.ndarray]:
    net = float(s.gross_saving - s.investment)
    return net, net * float(s.confidence), net * _phasing_weights(s.phasing)


class SchemeRowCache:
    """Remembers each scheme's computed row by its inputs, so an edit recomputes one row."""

    def __init__(self) -> None:
        self._rows: dict[int, tuple[tuple, tuple[float, float, np.ndarray]]] = {}

    def row(self, s: SavingsScheme) -> tuple[float, float, np.ndarray]:
        key = tuple(getattr(s, name) for name in SCHEME_ROW_INPUTS)
        hit = self._rows.get(id(s))
        if hit is not None and hit[0] == key:
            return hit[1]
        value = scheme_row(s)
        self._rows[id(s)] = (key, value)
        return value

    def prune(self, live: list[SavingsScheme]) -> None:
        if len(self._rows) > 2 * len(live) + 64:
            keep = {id(s) for s in live}
            self._rows = {k: v for k, v in self._rows.items() if k in keep}


def scheme_rows(schemes: list[SavingsScheme]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """scheme_row of every scheme at once (net, risk-adjusted, monthly): the same figures,
    row for row, from whole-array operations instead of a loop of small arrays."""
    gross, investment, confidence, phasing = _columns(schemes, _ROW_FIELDS)
    n = len(schemes)
    net = np.fromiter(map(float, map(sub, gross, investment)), float, n)
    adjusted = net * decimal_floats(confidence)
    weights = np.full((n, MONTHS_IN_YEAR), 1.0 / MONTHS_IN_YEAR)
    full = [i for i, p in enumerate(phasing) if len(p) == MONTHS_IN_YEAR]
    if full:
        raw = decimal_floats(chain.from_iterable(
            phasing if len(full) == n else [phasing[i] for i in full]))
        raw = raw.reshape(len(full), MONTHS_IN_YEAR)
        sums = raw.sum(axis=1)
        usable = (sums > 0) & ~(raw < 0).any(axis=1)
        weights[np.asarray(full)[usable]] = raw[usable] / sums[usable][:, None]
    return net, adjusted, net[:, None] * weights


_ROW_FIELDS = ("gross_saving", "investment", "confidence", "phasing")
_TABLE_FIELDS = ("id", "workstream_id", "status", "first_year", "last_year")


def _columns(rows: list, names: tuple[str, ...]) -> list[list]:
    """The values of each named field of every row, as one list per field (no tuple per
    row: 10,000 new containers would wake the cycle collector)."""
    return [list(map(attrgetter(name), rows)) for name in names]


class _FloatOf(dict):
    """float() of each Decimal value seen: a plan's phasings and confidences repeat a few
    values, and float(Decimal) goes through the number's text, so each value is converted
    once."""

    def __missing__(self, value: Decimal) -> float:
        number = self[value] = float(value)
        return number


_IS_SIGNED = methodcaller("is_signed")


def decimal_floats(values: Iterable[Decimal]) -> np.ndarray:
    """float(v) of every value, exactly as converting each one would give: equal Decimals
    give equal floats, except that -0 and 0 share a key, so each zero takes the sign of
    its own Decimal."""
    flat = list(values)
    raw = np.fromiter(map(_FloatOf().__getitem__, flat), float, len(flat))
    zeros = np.flatnonzero(raw == 0)
    if len(zeros):
        picked = itemgetter(*zeros.tolist())(flat)
        picked = picked if len(zeros) > 1 else (picked,)
        signed = np.fromiter(map(_IS_SIGNED, picked), bool, len(zeros))
        raw[zeros] = np.where(signed, -0.0, 0.0)
    return raw


def phasing_floats(phasings: list[tuple[Decimal, ...]]) -> np.ndarray:
    """(n, 12) float(w) of every weight of n twelve-month phasings."""
    return decimal_floats(chain.from_iterable(phasings)).reshape(len(phasings),
                                                                 MONTHS_IN_YEAR)


def scheme_table(schemes: list[SavingsScheme], cache: SchemeRowCache | None = None) -> SchemeTable:
    """Every scheme's figures. (`cache` is for patch_table; a whole table is computed from
    arrays, faster than looking each row up.)"""
    n = len(schemes)
    net, adjusted, monthly = scheme_rows(schemes)
    ids, workstreams, statuses, first, last = _columns(schemes, _TABLE_FIELDS)
    if None in ids:
        ids = [0 if i is None else i for i in ids]
    if None in workstreams:
        workstreams = [UNASSIGNED if w is None else w for w in workstreams]
    return SchemeTable(
        ids=np.fromiter(ids, dtype=np.int64, count=n),
        workstream=np.fromiter(workstreams, dtype=np.int64, count=n),
        status=np.asarray(statuses, dtype=object).reshape(n),
        status_code=np.fromiter(map(STATUS_CODE.__getitem__, statuses), dtype=np.int8,
                                count=n),
        first_year=np.fromiter(first, dtype=np.int64, count=n),
        last_year=np.fromiter(last, dtype=np.int64, count=n),
        net=net,
        risk_adjusted=adjusted,
        monthly=monthly,
    )


def patch_table(table: SchemeTable, schemes: list[SavingsScheme], changed: set[int],
                cache: SchemeRowCache | None = None) -> SchemeTable | None:
    """`table` with the rows of the schemes in `changed` (ids) recomputed and the rest
    copied: after an edit of a few schemes' fields this replaces a loop over every scheme.
    None when the schemes no longer line up with the table (a row added, deleted, moved)."""
    if len(schemes) != len(table.ids):
        return None
    places = []
    for scheme_id in changed:
        found = np.flatnonzero(table.ids == scheme_id)
        if len(found) != 1 or schemes[int(found[0])].id != scheme_id:
            return None
        places.append(int(found[0]))
    arrays = {f: getattr(table, f).copy() for f in (
        "workstream", "status", "status_code", "first_year", "last_year", "net",
        "risk_adjusted", "monthly")}
    row = cache.row if cache is not None else scheme_row
    for i in places:
        s = schemes[i]
        arrays["net"][i], arrays["risk_adjusted"][i], arrays["monthly"][i] = row(s)
        arrays["workstream"][i] = UNASSIGNED if s.workstream_id is None else s.workstream_id
        arrays["status"][i] = s.status
        arrays["status_code"][i] = STATUS_CODE[s.status]
        arrays["first_year"][i] = s.first_year
        arrays["last_year"][i] = s.last_year
    return SchemeTable(ids=table.ids, **arrays)


def status_codes(schemes: list[SavingsScheme]) -> np.ndarray:
    return np.fromiter((STATUS_CODE[s.status] for s in schemes), dtype=np.int8,
                       count=len(schemes))


def net_savings(schemes: list[SavingsScheme]) -> list[Decimal]:
    return [s.gross_saving - s.investment for s in schemes]


def totals_by_status(schemes: list[SavingsScheme], codes: np.ndarray | None = None,
                     nets: list[Decimal] | None = None) -> dict[SchemeStatus, Decimal]:
    """Exact totals in pounds (Decimal), for the summary: each status's net savings added
    in the schemes' order. `codes`, `nets`: status_codes() and net_savings(), if known."""
    codes = status_codes(schemes) if codes is None else codes
    nets = net_savings(schemes) if nets is None else nets
    return {status: sum(compress(nets, (codes == i).tolist()), Decimal(0))
            for i, status in enumerate(STATUSES)}


def risk_adjusted_total(schemes: list[SavingsScheme], codes: np.ndarray | None = None,
                        nets: list[Decimal] | None = None) -> Decimal:
    """Net saving x confidence of the identified and earmarked schemes, exactly, added in
    the schemes' order."""
    codes = status_codes(schemes) if codes is None else codes
    nets = net_savings(schemes) if nets is None else nets
    closing = np.isin(codes, CLOSING_CODES).tolist()
    confidences = (s.confidence for s in compress(schemes, closing))
    return sum(map(mul, compress(nets, closing), confidences), Decimal(0))


def monthly_savings(table: SchemeTable, requirement: float, months: list[str]) -> pd.DataFrame:
    """Monthly and cumulative planned, risk-adjusted and gap against a straight-line need."""
    closing = np.isin(table.status_code, CLOSING_CODES)
    planned = table.monthly[closing].sum(axis=0)
    confidence = np.divide(
        table.risk_adjusted, table.net, out=np.zeros_like(table.net), where=table.net != 0
    )
    adjusted = (table.monthly[closing] * confidence[closing, None]).sum(axis=0)
    need = np.full(MONTHS_IN_YEAR, requirement / MONTHS_IN_YEAR)
    frame = pd.DataFrame(
        {"requirement": need, "planned": planned, "risk_adjusted": adjusted}, index=months
    )
    cumulative = frame.cumsum()
    frame["requirement_cum"] = cumulative["requirement"]
    frame["planned_cum"] = cumulative["planned"]
    frame["risk_adjusted_cum"] = cumulative["risk_adjusted"]
    frame["gap_cum"] = frame["requirement_cum"] - frame["planned_cum"]
    frame["gap_risk_adjusted_cum"] = frame["requirement_cum"] - frame["risk_adjusted_cum"]
    frame.index.name = "month"
    return frame


def by_workstream(table: SchemeTable) -> pd.DataFrame:
    """Net savings by workstream (rows, sorted ids, -1 unassigned) and status (columns)."""
    statuses = STATUSES
    keys, rows = np.unique(table.workstream, return_inverse=True)
    cols = table.status_code.astype(np.int64)
    totals = np.zeros((len(keys), len(statuses)))
    np.add.at(totals, (rows, cols), table.net)
    frame = pd.DataFrame(totals, index=pd.Index(keys, name="workstream"),
                         columns=[s.value for s in statuses])
    frame.columns.name = "status"
    return frame


def workstream_net(by_workstream: pd.DataFrame) -> pd.DataFrame:
    """Each workstream's net saving, its schemes' of every status (one column, "net",
    indexed by workstream id as `by_workstream` is; -1 unassigned)."""
    return pd.DataFrame({"net": by_workstream.sum(axis=1).to_numpy(float)},
                        index=by_workstream.index)


def by_year(table: SchemeTable, years: list[int]) -> pd.Series:
    """Net savings of closing schemes active in each plan year (first <= year <= last)."""
    closing = np.isin(table.status_code, CLOSING_CODES)
    values = [
        float(table.net[closing & (table.first_year <= y) & (table.last_year >= y)].sum())
        for y in years
    ]
    return pd.Series(values, index=[f"{y}/{(y + 1) % 100:02d}" for y in years], name="savings")
