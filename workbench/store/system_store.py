"""ORM rows of the system money: pooled budgets, contracts and the place-based budget.

Partners of a pool and standards of a contract travel as JSON inside their row (Decimals
as exact text), so a whole pool is one row: compare-and-set on a field compares the
partners as they were read, and undo restores them exactly.
"""

from decimal import Decimal
from typing import Any

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.domain.contracts import ContractStandard, ContractType, Escalation, LeverKind
from workbench.domain.pools import PoolPartner, RiskShareRule
from workbench.store.base import Base
from workbench.store.rows import AUTOINC, plan_fk
from workbench.store.types import DecimalText, EnumText, JsonType, PenceType


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _undec(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def encode_partners(partners: tuple[PoolPartner, ...]) -> list[dict[str, Any]]:
    return [{"name": p.name, "contribution": str(p.contribution), "is_ccg": p.is_ccg,
             "share": _dec(p.share), "cap": _dec(p.cap), "own_variance": str(p.own_variance),
             "source": p.source} for p in partners]


def decode_partners(data: list[dict[str, Any]]) -> tuple[PoolPartner, ...]:
    return tuple(PoolPartner(
        name=str(d["name"]), contribution=Decimal(d["contribution"]), is_ccg=bool(d["is_ccg"]),
        share=_undec(d.get("share")), cap=_undec(d.get("cap")),
        own_variance=Decimal(d.get("own_variance", "0")), source=str(d.get("source", "")))
        for d in data)


def encode_standards(standards: tuple[ContractStandard, ...]) -> list[dict[str, Any]]:
    return [{"standard_id": s.standard_id, "label": s.label, "amount": str(s.amount),
             "kind": s.kind.value, "source": s.source} for s in standards]


def decode_standards(data: list[dict[str, Any]]) -> tuple[ContractStandard, ...]:
    return tuple(ContractStandard(
        standard_id=str(d["standard_id"]), label=str(d["label"]), amount=Decimal(d["amount"]),
        kind=LeverKind.parse(d["kind"]), source=str(d.get("source", ""))) for d in data)


class PoolRow(Base):
    """A pooled budget (added in migration 0012)."""

    __tablename__ = "pools"
    __table_args__ = AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = plan_fk()
    name: Mapped[str] = mapped_column(String(200))
    services: Mapped[str] = mapped_column(Text)
    rule: Mapped[RiskShareRule] = mapped_column(EnumText(RiskShareRule))
    partners: Mapped[tuple] = mapped_column(JsonType(encode_partners, decode_partners))
    projected_variance: Mapped[Decimal] = mapped_column(PenceType)
    source: Mapped[str] = mapped_column(Text)


class ContractRow(Base):
    """A provider contract and the standards tied to money (added in migration 0012)."""

    __tablename__ = "contracts"
    __table_args__ = AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = plan_fk()
    provider: Mapped[str] = mapped_column(String(200))
    provider_code: Mapped[str] = mapped_column(String(20))
    value: Mapped[Decimal] = mapped_column(PenceType)
    contract_type: Mapped[ContractType] = mapped_column(EnumText(ContractType))
    escalation: Mapped[Escalation] = mapped_column(EnumText(Escalation))
    standards: Mapped[tuple] = mapped_column(JsonType(encode_standards, decode_standards))
    source: Mapped[str] = mapped_column(Text)


class PlaceElementRow(Base):
    """One element of the place-based budget (added in migration 0012)."""

    __tablename__ = "place_elements"
    __table_args__ = AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = plan_fk()
    name: Mapped[str] = mapped_column(String(200))
    commissioner: Mapped[str] = mapped_column(String(200))
    spend: Mapped[Decimal] = mapped_column(PenceType)
    target: Mapped[Decimal | None] = mapped_column(PenceType, nullable=True)
    ccg_share: Mapped[Decimal] = mapped_column(DecimalText)
    from_allocation: Mapped[bool] = mapped_column(Boolean)
    source: Mapped[str] = mapped_column(Text)


class BenchmarkRow(Base):
    """A comparator figure per head (added in migration 0012)."""

    __tablename__ = "benchmarks"
    __table_args__ = AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = plan_fk()
    measure: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(60))
    ods_code: Mapped[str] = mapped_column(String(20))
    organisation: Mapped[str] = mapped_column(String(200))
    value: Mapped[Decimal] = mapped_column(DecimalText)
    population: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text)
