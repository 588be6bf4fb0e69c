"""Cross-checks on the finance sheets: phasing against net saving, formula results against
the inputs beside them, totals rows against the rows read. All are warnings: the inputs
are what gets imported, but a mismatch usually means a row outside a total or a formula
typed over.
"""

from __future__ import annotations

import math
from decimal import Decimal

from workbench.templates.layouts.spec import Kind, Table
from workbench.templates.report.findings import Findings
from workbench.templates.workbook.reader import RowRead, TableRead
from workbench.templates.workbook.values import THOUSAND, parse_number

MONTH_KEYS = tuple(f"m{n}" for n in range(1, 13))
TOLERANCE = Decimal("0.001")  # £000, i.e. one pound
SNAP = Decimal("1e-9")
ZERO = Decimal(0)
MAX_DENOMINATOR = 1000  # phasing ratios snap to fractions with denominators up to this


def phasing_weights(months: list[Decimal]) -> tuple[Decimal, ...]:
    """Monthly £000 -> relative weights, exactly. When the months stand in small whole-number
    proportions (flat, ramped, 1:2:3 ...; ratios with denominators up to 1000) the weights
    are those whole numbers, which normalise to exactly the plan's own profile; otherwise
    the £000 figures themselves are the weights."""
    smallest = min(m for m in months if m > 0)
    nears: dict[Decimal, tuple[int, int]] = {}  # each figure once: a profile repeats a few
    for month in months:
        if month in nears:
            continue
        ratio = month / smallest
        p, q = _nearest_fraction(*ratio.as_integer_ratio(), MAX_DENOMINATOR)
        if (q != 1 or ratio != p) and abs(Decimal(p) / q - ratio) > SNAP * max(ratio, 1):
            return tuple(months)
        nears[month] = (p, q)
    scale = math.lcm(*(q for _, q in nears.values()))
    if scale > 1_000_000:
        return tuple(months)
    return tuple(Decimal(p * scale // q) for p, q in map(nears.__getitem__, months))


def _nearest_fraction(n: int, d: int, max_denominator: int) -> tuple[int, int]:
    """Fraction(n, d).limit_denominator(max_denominator) as (numerator, denominator): the same
    continued-fraction steps and the same choice between the two bounds, in plain integers
    (n/d in lowest terms, d > 0, as Decimal.as_integer_ratio gives it)."""
    if d <= max_denominator:
        return n, d
    big_n, big_d = n, d
    p0, q0, p1, q1 = 0, 1, 1, 0
    while True:
        a = n // d
        q2 = q0 + a * q1
        if q2 > max_denominator:
            break
        p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
        n, d = d, n - a * d
    k = (max_denominator - q0) // q1
    pb, qb = p0 + k * p1, q0 + k * q1
    # |p1/q1 - N/D| <= |pb/qb - N/D|, multiplied through by q1 * qb * D
    if abs(p1 * big_d - big_n * q1) * qb <= abs(pb * big_d - big_n * qb) * q1:
        return p1, q1
    return pb, qb


def normalised(phasing: tuple[Decimal, ...]) -> tuple[Decimal, ...]:
    total = sum(phasing, Decimal(0))
    if total <= 0:
        return (Decimal(1) / 12,) * 12
    return tuple(w / total for w in phasing)


def same_phasing(a: tuple[Decimal, ...], b: tuple[Decimal, ...]) -> bool:
    """Equal as profiles (weights normalised), to 1e-9: what the engine would phase."""
    if len(a) != len(b):
        return False
    if a == b:  # the same weights (a round trip): the same profile, nothing to divide
        return True
    return all(abs(x - y) <= SNAP for x, y in zip(normalised(a), normalised(b), strict=True))


def _net_k(row: RowRead) -> Decimal | None:
    gross, investment = row.get("gross_saving"), row.get("investment", Decimal(0))
    if not isinstance(gross, Decimal) or not isinstance(investment, Decimal):
        return None
    return (gross - investment) / THOUSAND


def check_phasing(findings: Findings, read: TableRead, row: RowRead) -> tuple[Decimal, ...] | None:
    """The scheme's phasing weights, or None to leave the phasing alone."""
    if not read.present.issuperset(MONTH_KEYS):
        return None
    months: list[Decimal] = []
    cells = row.cells
    for key in MONTH_KEYS:
        cell = cells[key]
        try:
            value = parse_number(cell.raw) or ZERO
        except ValueError:
            return None  # already reported by the reader
        if value < 0:
            findings.problem("a monthly saving cannot be negative", read.sheet, cell.coord)
            return None
        months.append(value)
    total, net = sum(months, ZERO), _net_k(row)
    if total == 0:
        if net:
            findings.info("no monthly phasing given; the saving is spread evenly", read.sheet,
                          _months_span(row))
        return None
    if net is not None and abs(total - net) > TOLERANCE:
        findings.warning(f"M1-M12 add up to {total:,.1f} but the net saving is {net:,.1f} "
                         "(£000); the months are used as a profile only", read.sheet,
                         _months_span(row))
    return phasing_weights(months)


def _months_span(row: RowRead) -> str:
    return f"{row.cells['m1'].coord}:{row.cells['m12'].coord}"


def _comparable(a: object) -> bool:
    """A calculated value _close can compare: a number (blank, text or an error is not)."""
    return isinstance(a, int | float) and not isinstance(a, bool)


def _close(a: object, b: Decimal, tolerance: Decimal = TOLERANCE) -> bool:
    if not _comparable(a):
        return True  # blank, text or error: nothing to compare
    return abs(Decimal(repr(a)) - b) <= tolerance


def check_row_formulas(findings: Findings, table: Table, read: TableRead, row: RowRead) -> None:
    """A calculated cell that disagrees with its inputs was probably typed over."""
    expected: dict[str, Decimal] = {}
    if table.sheet == "QIPP" and (net := _net_k(row)) is not None:
        expected["net_saving"] = net
        confidence = row.get("confidence")
        if isinstance(confidence, Decimal):
            expected["risk_adjusted"] = net * confidence
    if table.sheet == "Risk":
        likelihood, impact = row.get("likelihood"), row.get("impact")
        if isinstance(likelihood, int) and isinstance(impact, int):
            expected["score"] = Decimal(likelihood * impact)
    for key, value in expected.items():
        cell = row.calc.get(key)
        if cell is not None and not _close(cell.value, value):
            header = table.column(key).header
            findings.warning(f"{header} shows {cell.value} but its inputs give {value:,.3f}; "
                             "has the formula been typed over?", read.sheet, cell.coord)


def check_totals(findings: Findings, table: Table, read: TableRead) -> None:
    totals = list(read.totals.items())
    for i, (key, cell) in enumerate(totals):
        # No total from here on shows a number (a workbook saved by openpyxl holds no
        # calculated values): nothing could be warned about, so nothing is added up.
        if not any(_comparable(c.value) for _, c in totals[i:]):
            return
        column = table.column(key)
        total = Decimal(0)
        for row in read.rows:
            if column.is_input:
                raw = row.cells[key].raw if key in row.cells else None
                try:
                    total += parse_number(raw) or Decimal(0)
                except ValueError:
                    return
            else:
                calc = row.calc.get(key)
                value = calc.value if calc is not None else None
                if isinstance(value, int | float) and not isinstance(value, bool):
                    total += Decimal(repr(value))
        tolerance = TOLERANCE * max(len(read.rows), 1) if column.kind is Kind.MONEY else TOLERANCE
        if not _close(cell.value, total, tolerance):
            findings.warning(f"the total shows {cell.value:,.1f} but the rows read add up to "
                             f"{total:,.1f}: is a row outside the total's range?", read.sheet,
                             cell.coord)

