"""ORM rows. Attribute names match the domain dataclass fields, so mapping stays generic."""

import datetime as dt
from decimal import Decimal

from sqlalchemy import Boolean, Date, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbench.domain import enums
from workbench.domain.activity import ImpactRule, Measure, Profile
from workbench.domain.trajectories import Actual, Direction, Frequency, SpcSettings, Unit
from workbench.store import codecs
from workbench.store.base import Base
from workbench.store.types import (
    DecimalText,
    EnumText,
    GapsType,
    JsonType,
    LongEnumText,
    OptionalText,
    PenceType,
    PhasingType,
    SourcesJson,
)

AUTOINC = {"sqlite_autoincrement": True}  # never reuse an id: undo re-inserts old ids


def plan_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)


class MetaRow(Base):
    """Key/value facts about the database itself (e.g. app = planning-workbench)."""

    __tablename__ = "workbench_meta"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class PlanRow(Base):
    __tablename__ = "plans"
    __table_args__ = AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation: Mapped[str] = mapped_column(String(200))
    ods_code: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(200))
    first_year: Mapped[int] = mapped_column(Integer)
    last_year: Mapped[int] = mapped_column(Integer)
    status: Mapped[enums.PlanStatus] = mapped_column(EnumText(enums.PlanStatus))
    # FinancialDrivers, one set per plan
    allocation: Mapped[Decimal] = mapped_column(PenceType)
    prior_year_allocation: Mapped[Decimal] = mapped_column(PenceType)
    running_cost_allocation: Mapped[Decimal] = mapped_column(PenceType)
    tariff_uplift_pct: Mapped[Decimal] = mapped_column(DecimalText)
    activity_growth_pct: Mapped[Decimal] = mapped_column(DecimalText)
    surplus_pct: Mapped[Decimal] = mapped_column(DecimalText)
    uncommitted_reserve_pct: Mapped[Decimal] = mapped_column(DecimalText)
    contingency_pct: Mapped[Decimal] = mapped_column(DecimalText)
    transformation_ringfence_pct: Mapped[Decimal] = mapped_column(DecimalText)
    chc_risk_pool: Mapped[Decimal] = mapped_column(PenceType)
    future_growth_pct: Mapped[Decimal] = mapped_column(DecimalText)
    driver_sources: Mapped[dict] = mapped_column(SourcesJson, nullable=True)  # 0013


class SpendLineRow(Base):
    __tablename__ = "spend_lines"
    __table_args__ = AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = plan_fk()
    category: Mapped[str] = mapped_column(String(200))
    baseline: Mapped[Decimal] = mapped_column(PenceType)
    tariff_applies: Mapped[bool] = mapped_column(Boolean)
    growth_applies: Mapped[bool] = mapped_column(Boolean)
    source: Mapped[str] = mapped_column(OptionalText, nullable=True)  # 0013


class PressureRow(Base):
    __tablename__ = "pressures"
    __table_args__ = AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = plan_fk()
    name: Mapped[str] = mapped_column(String(200))
    amount: Mapped[Decimal] = mapped_column(PenceType)
    recurrent: Mapped[bool] = mapped_column(Boolean)
    source: Mapped[str] = mapped_column(OptionalText, nullable=True)  # 0013


class WorkstreamRow(Base):
    __tablename__ = "workstreams"
    __table_args__ = AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = plan_fk()
    name: Mapped[str] = mapped_column(String(200))
    lead: Mapped[str] = mapped_column(String(200))
    sro: Mapped[str] = mapped_column(String(200))
    board: Mapped[str] = mapped_column(String(200))
    footprint: Mapped[enums.Footprint] = mapped_column(EnumText(enums.Footprint))
    gaps: Mapped[frozenset] = mapped_column(GapsType)
    rag: Mapped[enums.Rag] = mapped_column(EnumText(enums.Rag))
    eia_done: Mapped[bool] = mapped_column(Boolean)
    enabler: Mapped[bool] = mapped_column(Boolean)
    source: Mapped[str] = mapped_column(OptionalText, nullable=True)  # 0013
    milestone_rows: Mapped[list["MilestoneRow"]] = relationship(
        cascade="all, delete-orphan", order_by="MilestoneRow.position", lazy="selectin"
    )


class MilestoneRow(Base):
    __tablename__ = "milestones"
    __table_args__ = AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workstream_id: Mapped[int] = mapped_column(
        ForeignKey("workstreams.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    due: Mapped[dt.date] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean)


class SchemeRow(Base):
    __tablename__ = "schemes"
    __table_args__ = AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = plan_fk()
    name: Mapped[str] = mapped_column(String(200))
    workstream_id: Mapped[int | None] = mapped_column(
        ForeignKey("workstreams.id", ondelete="SET NULL"), index=True
    )
    provider: Mapped[str] = mapped_column(String(200))
    pod: Mapped[enums.PointOfDelivery] = mapped_column(EnumText(enums.PointOfDelivery))
    lever: Mapped[enums.Lever] = mapped_column(EnumText(enums.Lever))
    status: Mapped[enums.SchemeStatus] = mapped_column(EnumText(enums.SchemeStatus))
    gross_saving: Mapped[Decimal] = mapped_column(PenceType)
    investment: Mapped[Decimal] = mapped_column(PenceType)
    recurrent: Mapped[bool] = mapped_column(Boolean)
    confidence: Mapped[Decimal] = mapped_column(DecimalText)
    phasing: Mapped[tuple] = mapped_column(PhasingType)
    activity_impact: Mapped[int] = mapped_column(Integer)
    first_year: Mapped[int] = mapped_column(Integer)
    last_year: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(OptionalText, nullable=True)  # 0013


class RiskRow(Base):
    __tablename__ = "risks"
    __table_args__ = AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = plan_fk()
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200))
    category: Mapped[enums.RiskCategory] = mapped_column(EnumText(enums.RiskCategory))
    value: Mapped[Decimal] = mapped_column(PenceType)
    likelihood: Mapped[int] = mapped_column(Integer)
    impact: Mapped[int] = mapped_column(Integer)
    mitigation: Mapped[str] = mapped_column(Text)
    mitigation_value: Mapped[Decimal] = mapped_column(PenceType)
    scheme_id: Mapped[int | None] = mapped_column(
        ForeignKey("schemes.id", ondelete="SET NULL"), index=True
    )
    workstream_id: Mapped[int | None] = mapped_column(
        ForeignKey("workstreams.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[enums.RiskStatus] = mapped_column(EnumText(enums.RiskStatus))
    review_date: Mapped[dt.date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(OptionalText, nullable=True)  # 0013


class ActivityLineRow(Base):
    """An activity plan line (added in migration 0004); counts stored as exact text."""

    __tablename__ = "activity_lines"
    __table_args__ = AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = plan_fk()
    measure: Mapped[Measure] = mapped_column(LongEnumText(Measure))
    provider: Mapped[str] = mapped_column(String(200))
    provider_name: Mapped[str] = mapped_column(String(200))
    baseline: Mapped[Decimal] = mapped_column(DecimalText)
    growth: Mapped[Decimal] = mapped_column(DecimalText)
    year: Mapped[int] = mapped_column(Integer)
    scheme_ids: Mapped[tuple] = mapped_column(JsonType(codecs.encode_ids, codecs.decode_ids))
    impact_rule: Mapped[ImpactRule] = mapped_column(LongEnumText(ImpactRule))
    profile: Mapped[Profile] = mapped_column(LongEnumText(Profile))
    last_year_monthly: Mapped[tuple] = mapped_column(PhasingType)
    overrides: Mapped[dict] = mapped_column(
        JsonType(codecs.encode_months, codecs.decode_months))
    actuals: Mapped[dict] = mapped_column(JsonType(codecs.encode_months, codecs.decode_months))
    note: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(OptionalText, nullable=True)  # 0013


class TrajectoryRow(Base):
    """A trajectory with its planned path and actuals (added in migration 0004)."""

    __tablename__ = "trajectories"
    __table_args__ = AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = plan_fk()
    metric: Mapped[str] = mapped_column(String(200))
    unit: Mapped[Unit] = mapped_column(EnumText(Unit))
    direction: Mapped[Direction] = mapped_column(EnumText(Direction))
    target: Mapped[float | None] = mapped_column(Float)
    target_date: Mapped[dt.date | None] = mapped_column(Date)
    frequency: Mapped[Frequency] = mapped_column(EnumText(Frequency))
    planned: Mapped[dict] = mapped_column(JsonType(codecs.encode_path, codecs.decode_path))
    actuals: Mapped[dict[str, Actual]] = mapped_column(
        JsonType(codecs.encode_actuals, codecs.decode_actuals))
    standard_id: Mapped[str] = mapped_column(String(60))
    provider: Mapped[str] = mapped_column(String(200))
    spc: Mapped[SpcSettings] = mapped_column(JsonType(codecs.encode_spc, codecs.decode_spc))
    source: Mapped[str] = mapped_column(OptionalText, nullable=True)  # 0013


class TemplateValueRow(Base):
    """An input cell of the SRG or BCF workbook that the plan does not model, as text
    (added in migration 0006)."""

    __tablename__ = "template_values"
    __table_args__ = AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = plan_fk()
    template: Mapped[str] = mapped_column(String(40))
    sheet: Mapped[str] = mapped_column(String(100))
    row: Mapped[str] = mapped_column(Text)  # a table row's key can be a long scheme name
    column: Mapped[str] = mapped_column(String(200))
    value: Mapped[str] = mapped_column(Text)


class PlanVersionRow(Base):
    """A frozen version: label, date, author, note, and the read-only copy of the plan
    (`frozen_plan_id`, a plan row of its own, added in migration 0005)."""

    __tablename__ = "plan_versions"
    __table_args__ = AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = plan_fk()
    label: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    author: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text)
    frozen_plan_id: Mapped[int | None] = mapped_column(Integer)


class ScenarioRow(Base):
    """A named what-if on the plan's drivers (added in migration 0007)."""

    __tablename__ = "scenarios"
    __table_args__ = AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = plan_fk()
    name: Mapped[str] = mapped_column(String(200))
    allocation_growth_pct: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    tariff_uplift_pct: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    activity_growth_pct: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    slippage_months: Mapped[int] = mapped_column(Integer)
    confidence_haircut: Mapped[Decimal] = mapped_column(DecimalText)
    risk_likelihood_shift: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text)
    base_seen: Mapped[str] = mapped_column(Text, server_default="")  # migration 0014
