"""Column types that keep domain values exact: pence for money, text for Decimals and enums."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from sqlalchemy import BigInteger, String, Text
from sqlalchemy.types import TypeDecorator

from workbench.domain.enums import Gap, LabelledEnum
from workbench.domain.money import from_pence, to_pence


class PenceType(TypeDecorator):
    """Decimal pounds in Python, integer pence in the column: exact on every database."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else to_pence(value)

    def process_result_value(self, value, dialect):
        return None if value is None else from_pence(value)


class DecimalText(TypeDecorator):
    """A Decimal stored as its exact text ('0.011'), so percentages never drift."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else str(Decimal(value))

    def process_result_value(self, value, dialect):
        return None if value is None else Decimal(value)


class PhasingType(TypeDecorator):
    """Twelve monthly weights as a JSON list of exact decimal strings."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else json.dumps([str(Decimal(v)) for v in value])

    def process_result_value(self, value, dialect):
        return None if value is None else _phasing(value)


@lru_cache(maxsize=4096)
def _phasing(text: str) -> tuple[Decimal, ...]:
    """Weights from their JSON text. A plan's schemes share a few phasings, and the text
    is always what process_bind_param wrote (a list of plain decimal strings), so it is
    split directly; anything else goes through json."""
    if text.startswith('["') and text.endswith('"]') and "\\" not in text:
        try:
            return tuple(Decimal(v) for v in text[2:-2].split('", "'))
        except InvalidOperation:
            pass
    return tuple(Decimal(v) for v in json.loads(text))


class GapsType(TypeDecorator):
    """A set of STP gaps as a sorted '|'-separated list of labels."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else "|".join(sorted(g.value for g in value))

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return frozenset(Gap.parse(v) for v in value.split("|") if v)


class EnumText(TypeDecorator):
    """A LabelledEnum stored by its label, readable in any SQL tool."""

    impl = String(40)
    cache_ok = True

    def __init__(self, enum_cls: type[LabelledEnum]) -> None:
        super().__init__()
        self.enum_cls = enum_cls

    def process_bind_param(self, value, dialect):
        return None if value is None else self.enum_cls.parse(value).value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        # Stored labels are exact: a dictionary hit, not parse()'s scan (a third of a load).
        member = self.enum_cls._value2member_map_.get(value)
        return member if member is not None else self.enum_cls.parse(value)


class JsonType(TypeDecorator):
    """A structured domain value (a dict of overrides, a path of actuals) as JSON text.

    `encode` turns the domain value into JSON-ready data and `decode` turns it back, so
    the column round-trips to an equal value and compare-and-set works on it.
    """

    impl = Text
    cache_ok = True

    def __init__(self, encode: Callable[[Any], Any], decode: Callable[[Any], Any]) -> None:
        super().__init__()
        self.encode, self.decode = encode, decode

    def process_bind_param(self, value, dialect):
        return None if value is None else json.dumps(self.encode(value), sort_keys=True)

    def process_result_value(self, value, dialect):
        return None if value is None else self.decode(json.loads(value))


class OptionalText(TypeDecorator):
    """Text that may be absent: a NULL column reads as "" and "" is stored as NULL, so a
    column added to existing rows (migration 0013, input sources) needs no back-fill."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return value or None

    def process_result_value(self, value, dialect):
        return value or ""


class SourcesJson(TypeDecorator):
    """A {field name: source text} dict as JSON text; NULL reads as {} (migration 0013)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return json.dumps(dict(value), sort_keys=True) if value else None

    def process_result_value(self, value, dialect):
        return {str(k): str(v) for k, v in json.loads(value).items()} if value else {}


class LongEnumText(EnumText):
    """EnumText for labels longer than 40 characters (activity measures)."""

    impl = String(100)
    cache_ok = True
