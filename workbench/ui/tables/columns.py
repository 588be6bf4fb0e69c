"""ColumnSpec: how one table column shows, sorts, edits and parses one field.

Derived columns read the engine's results; no column computes a figure of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt

from workbench.domain.enums import LabelledEnum
from workbench.ui.plan_controller import PlanController
from workbench.ui.tables import parsing as p

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter

Getter = Callable[[Any, PlanController], Any]


@dataclass(frozen=True)
class ColumnSpec:
    header: str
    value: Getter  # the raw value: sorts, and is formatted for display
    field: str | None = None  # the domain field an edit sets (None: read-only)
    parse: Callable[[str, PlanController], Any] | None = None
    format: Callable[[Any], str] = str
    edit_text: Callable[[Any], str] | None = None  # text in the editor (default: format)
    align: Qt.AlignmentFlag = LEFT
    width: int = 120
    tooltip: str = ""
    choices: Callable[[PlanController], list[str]] | None = None  # combo-box editor
    derived: bool = False  # computed by the engine
    # A cell whose parsed value is folded into the row's field (a month into a dict of
    # overrides): merge(row, parsed) -> the field's new value.
    merge: Callable[[Any, Any], Any] | None = None
    # Why a cell is marked (a typed override, for instance); None when it is not.
    mark: Callable[[Any, PlanController], str | None] | None = None
    hidden: bool = False  # hidden until turned on with the Columns button


    @property
    def editable(self) -> bool:
        return self.field is not None and self.parse is not None


def plain_decimal(value: Any) -> str:
    """1200000.00 -> '1200000', 0.50 -> '0.5': what a user would type."""
    return f"{Decimal(value).normalize():f}"


def attr(name: str) -> Getter:
    return lambda row, _c: getattr(row, name)


def text(header: str, field: str, width: int = 160, tooltip: str = "") -> ColumnSpec:
    return ColumnSpec(header, attr(field), field, lambda t, _c: p.parse_text(t),
                      width=width, tooltip=tooltip)


def name(header: str, field: str, width: int = 160, tooltip: str = "") -> ColumnSpec:
    """The text a row is known by (and linked by): never blank."""
    return ColumnSpec(header, attr(field), field, lambda t, _c: p.parse_name(t),
                      width=width, tooltip=tooltip)


def money(header: str, field: str, tooltip: str = "") -> ColumnSpec:
    return ColumnSpec(header, attr(field), field, lambda t, _c: p.parse_money(t),
                      p.format_money, edit_text=plain_decimal, align=RIGHT, width=110,
                      tooltip=tooltip or "Pounds; 1.2m and 850k work")


def percent(header: str, field: str, low: str | None = "0", high: str | None = "1",
            tooltip: str = "") -> ColumnSpec:
    lo = Decimal(low) if low is not None else None
    hi = Decimal(high) if high is not None else None
    return ColumnSpec(header, attr(field), field,
                      lambda t, _c: p.parse_percent(t, lo, hi), p.format_percent,
                      align=RIGHT, width=90, tooltip=tooltip)


def integer(header: str, field: str, low: int | None = None, high: int | None = None,
            tooltip: str = "", width: int = 80) -> ColumnSpec:
    return ColumnSpec(header, attr(field), field, lambda t, _c: p.parse_int(t, low, high),
                      lambda v: f"{v:,}", align=RIGHT, width=width, tooltip=tooltip)


def boolean(header: str, field: str, tooltip: str = "") -> ColumnSpec:
    return ColumnSpec(header, attr(field), field, lambda t, _c: p.parse_bool(t), p.format_bool,
                      align=CENTRE, width=70, tooltip=tooltip,
                      choices=lambda _c: ["Yes", "No"])


def choice(header: str, field: str, enum_cls: type[LabelledEnum], width: int = 120,
           tooltip: str = "") -> ColumnSpec:
    def parse(text_: str, _c: PlanController) -> LabelledEnum:
        try:
            return enum_cls.parse(text_)
        except ValueError:
            raise p.NotAccepted("one of " + ", ".join(m.value for m in enum_cls), text_) \
                from None

    return ColumnSpec(
        header, lambda row, _c: getattr(row, field).value, field, parse,
        width=width, tooltip=tooltip,
        choices=lambda _c: [m.value for m in enum_cls],
    )


def year(header: str, field: str) -> ColumnSpec:
    return ColumnSpec(header, attr(field), field, lambda t, _c: p.parse_year(t), p.format_year,
                      align=CENTRE, width=80)


def date(header: str, field: str) -> ColumnSpec:
    return ColumnSpec(header, attr(field), field, lambda t, _c: p.parse_date(t), p.format_date,
                      align=CENTRE, width=100, tooltip="Day/month/year, e.g. 30/06/2016")


def link(header: str, field: str, rows_attr: str, label_attr: str, width: int = 200,
         tooltip: str = "") -> ColumnSpec:
    """A reference to another row, shown and chosen by its name."""

    kept: dict[int, tuple[tuple[int, int], dict[Any, str]]] = {}  # controller -> labels

    def labels(c: PlanController) -> dict[Any, str]:
        """Each row's label by id, made once per plan and edit (the controller counts
        edits): a cell is a dictionary look-up, not a search of the plan's list (a whole
        ICS's 2,500 risks each searched 10,000 schemes when the filter read them)."""
        edits = getattr(c, "edits_applied", None)
        key = (id(c.plan), edits)
        made = kept.get(id(c))
        if made is None or made[0] != key or edits is None:
            if len(kept) > 8:
                kept.clear()
            made = kept[id(c)] = (key, {other.id: getattr(other, label_attr)
                                        for other in reversed(getattr(c.plan, rows_attr))})
        return made[1]

    def name_of(row: Any, c: PlanController) -> str:
        target = getattr(row, field)
        return "" if target is None else labels(c).get(target, "")

    def parse(text_: str, c: PlanController) -> int | None:
        wanted = text_.strip().lower()
        if not wanted:
            return None
        for other in getattr(c.plan, rows_attr):
            if getattr(other, label_attr).strip().lower() == wanted:
                return other.id
        raise p.NotAccepted(f"the name of one of the plan's {rows_attr}, or blank", text_)

    return ColumnSpec(
        header, name_of, field, parse, width=width, tooltip=tooltip,
        choices=lambda c: [""] + [getattr(o, label_attr) for o in getattr(c.plan, rows_attr)],
    )


SOURCE_TIP = ("Where this input comes from: a paper and its words, or 'chosen:' and why "
              "(blank for a plan's own rows)")


def source() -> ColumnSpec:
    """The row's source, hidden by default; the row's tooltips show it too."""
    return ColumnSpec("Source", attr("source"), "source", lambda t, _c: p.parse_text(t),
                      width=420, tooltip=SOURCE_TIP, hidden=True)


def derived_money(header: str, getter: Getter, tooltip: str) -> ColumnSpec:
    return ColumnSpec(header, getter, format=p.format_money, align=RIGHT, width=110,
                      tooltip=tooltip, derived=True)
