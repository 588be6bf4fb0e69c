"""ORM rows of the in-year ledger (migration 0011).

Ledger rows belong to the plan (deleted with it) and name their scheme by id without a
foreign key: undoing a scheme's deletion re-inserts it under the same id, and its ledger
is still there.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from workbench.domain.enums import Rag
from workbench.domain.gateways import Stage
from workbench.domain.ledger import ForecastMethod
from workbench.domain.milestones import SchemeMilestone
from workbench.store.base import Base
from workbench.store.types import EnumText, JsonType, PenceType

AUTOINC = {"sqlite_autoincrement": True}


def _encode_milestones(milestones) -> list[dict]:
    return [{"name": m.name, "planned": m.planned.isoformat(),
             "forecast": m.forecast.isoformat() if m.forecast else None,
             "go_live": m.go_live, "done": m.done} for m in milestones]


def _decode_milestones(data) -> tuple[SchemeMilestone, ...]:
    return tuple(SchemeMilestone(
        d["name"], dt.date.fromisoformat(d["planned"]),
        dt.date.fromisoformat(d["forecast"]) if d.get("forecast") else None,
        bool(d.get("go_live")), bool(d.get("done"))) for d in data)


MilestonesType = JsonType(_encode_milestones, _decode_milestones)


def _plan_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)


class LedgerYearRow(Base):
    """One per plan: the year tracked, its switch-over and where its plan came from."""

    __tablename__ = "ledger_years"
    __table_args__ = (UniqueConstraint("plan_id"), AUTOINC)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = _plan_fk()
    year: Mapped[int] = mapped_column(Integer)
    closed_through: Mapped[str | None] = mapped_column(String(7), nullable=True)
    plan_label: Mapped[str] = mapped_column(String(200))
    frozen_at: Mapped[dt.datetime] = mapped_column(DateTime)


class LedgerCellRow(Base):
    __tablename__ = "ledger_cells"
    __table_args__ = (UniqueConstraint("plan_id", "scheme_id", "month", "part",
                                       name="uq_ledger_cells_key"), AUTOINC)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = _plan_fk()
    scheme_id: Mapped[int] = mapped_column(Integer)
    month: Mapped[str] = mapped_column(String(7))
    part: Mapped[str] = mapped_column(String(20))
    plan: Mapped[Decimal] = mapped_column(PenceType)
    forecast: Mapped[Decimal | None] = mapped_column(PenceType, nullable=True)
    actual: Mapped[Decimal | None] = mapped_column(PenceType, nullable=True)


class SchemeTrackingRow(Base):
    __tablename__ = "scheme_tracking"
    __table_args__ = (UniqueConstraint("plan_id", "scheme_id", name="uq_scheme_tracking_key"),
                      AUTOINC)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = _plan_fk()
    scheme_id: Mapped[int] = mapped_column(Integer)
    reference: Mapped[str] = mapped_column(String(40))
    method: Mapped[ForecastMethod] = mapped_column(EnumText(ForecastMethod))
    rag_override: Mapped[Rag | None] = mapped_column(EnumText(Rag), nullable=True)
    rag_reason: Mapped[str] = mapped_column(Text)
    stage: Mapped[Stage] = mapped_column(EnumText(Stage))
    qia_done: Mapped[bool] = mapped_column(Boolean)
    eia_done: Mapped[bool] = mapped_column(Boolean)
    signed_off_by: Mapped[str] = mapped_column(String(200))
    signed_off_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    milestones: Mapped[tuple[SchemeMilestone, ...]] = mapped_column(MilestonesType)
