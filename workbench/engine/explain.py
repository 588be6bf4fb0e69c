"""Every summary figure explained: how it was derived, from the engine's own results.

An `Explanation` is a node: its figure, the formula in words, where it comes from, and
either its inputs (other nodes, combined by `op`) or the rows it adds up (schemes, risks,
spend lines ...), which the user can drill down to. Nodes are built from `PlanResults`
and the plan's inputs (`explain_build`), never recomputed in a view; `recombine` redoes
a node's arithmetic from its inputs so tests can prove that every tree adds up.

    Savings requirement £22.4m = planned spend £742.0m + holdbacks £28.9m
                                 - total allocation £748.5m
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from workbench.domain.edits import EntityKind

Number = Decimal | float


class Op(StrEnum):
    INPUT = "input"  # typed by the user (a driver): no inputs
    SUM = "sum"  # signed sum of the terms, or of the rows when there are no terms
    PRODUCT = "product"  # product of the terms
    RATIO = "ratio"  # first term / second term (0 when the second is 0)
    FLOOR_ZERO = "floor_zero"  # signed sum of the terms, never below 0


class Unit(StrEnum):
    MONEY = "gbp"
    FRACTION = "fraction"  # 0.03 is 3%


@dataclass(frozen=True)
class RowPart:
    """One row's share of a figure: where it is, its name, its value and how it got it."""

    kind: EntityKind
    id: int | None
    name: str
    value: Number
    base: Number | None = None  # value = base × factor, when the row's share is a product
    factor: float | None = None
    factor_label: str = ""  # "confidence", "probability"


@dataclass(frozen=True)
class Term:
    sign: int  # +1 or -1 (for SUM and FLOOR_ZERO; +1 otherwise)
    node: Explanation


@dataclass(frozen=True)
class Explanation:
    key: str  # PlanSummary field, or a name for an intermediate figure
    label: str
    value: Number
    unit: Unit
    formula: str  # in words
    source: str  # where the figure or its inputs live
    op: Op
    terms: tuple[Term, ...] = ()
    rows: tuple[RowPart, ...] = ()
    go_to: tuple[EntityKind, int | None] | None = None  # where to edit it

    def walk(self, depth: int = 0) -> Iterator[tuple[int, Explanation]]:
        """Depth-first: (depth, node) for this node and every input below it."""
        yield depth, self
        for term in self.terms:
            yield from term.node.walk(depth + 1)


def recombine(node: Explanation) -> float:
    """The node's figure redone from its inputs' figures (or its rows)."""
    if node.op is Op.INPUT:
        return float(node.value)
    if not node.terms:
        return sum(float(r.value) for r in node.rows)
    values = [t.sign * float(t.node.value) for t in node.terms]
    if node.op is Op.SUM:
        return sum(values)
    if node.op is Op.FLOOR_ZERO:
        return max(sum(values), 0.0)
    if node.op is Op.PRODUCT:
        out = 1.0
        for v in values:
            out *= v
        return out
    top, bottom = values
    return top / bottom if bottom else 0.0


Formatter = Callable[[Number], str]


def show(node: Explanation, money: Formatter, fraction: Formatter) -> str:
    return (money if node.unit is Unit.MONEY else fraction)(node.value)


def _term_name(label: str) -> str:
    first = label.split(" ", 1)[0]
    return label if first.isupper() and len(first) > 1 else label[:1].lower() + label[1:]


def sentence(node: Explanation, money: Formatter, fraction: Formatter) -> str:
    """'Savings requirement £22.4m = planned spend £742.0m + holdbacks £28.9m − …'."""
    head = f"{node.label} {show(node, money, fraction)}"
    if node.op is Op.INPUT:
        return f"{head}: {node.source}"
    if not node.terms:
        return f"{head} = {node.formula} ({len(node.rows)} rows)"
    parts = []
    for i, term in enumerate(node.terms):
        text = f"{_term_name(term.node.label)} {show(term.node, money, fraction)}"
        if node.op in (Op.SUM, Op.FLOOR_ZERO):
            sign = "−" if term.sign < 0 else "+"
            parts.append(text if i == 0 and term.sign > 0 else f"{sign} {text}")
        elif i:
            parts.append(f"{'×' if node.op is Op.PRODUCT else '÷'} {text}")
        else:
            parts.append(text)
    body = " ".join(parts)
    if node.op is Op.FLOOR_ZERO:
        body = f"the larger of £0 and {body}"
    return f"{head} = {body}"


def row_text(row: RowPart, money: Formatter, fraction: Formatter) -> str:
    """'RightCare MSK triage: £840k (£1.2m × 70% confidence)'."""
    text = f"{row.name}: {money(row.value)}"
    if row.base is not None and row.factor is not None:
        text += f" ({money(row.base)} × {fraction(row.factor)} {row.factor_label})".rstrip()
    return text


def tree_text(node: Explanation, money: Formatter, fraction: Formatter,
              max_rows: int = 12) -> list[str]:
    """The whole tree as indented lines: each node's sentence, then its rows. A figure
    met a second time is not expanded again."""
    lines: list[str] = []
    seen: set[str] = set()

    def visit(part: Explanation, depth: int) -> None:
        pad = "  " * depth
        repeat = part.key in seen and (part.terms or part.rows)
        lines.append(f"{pad}{sentence(part, money, fraction)}"
                     + (" (see above)" if repeat else ""))
        if repeat:
            return
        seen.add(part.key)
        if part.op is not Op.INPUT and not part.terms:
            lines.append(f"{pad}  from: {part.source}")
        for row in part.rows[:max_rows]:
            lines.append(f"{pad}  - {row_text(row, money, fraction)}")
        if len(part.rows) > max_rows:
            lines.append(f"{pad}  … and {len(part.rows) - max_rows} more rows")
        for term in part.terms:
            visit(term.node, depth + 1)

    visit(node, 0)
    return lines
