"""The plan_years table (migration 0014): one row per year of a five-year plan."""

from decimal import Decimal

from sqlalchemy import Boolean, Integer, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from workbench.store.base import Base
from workbench.store.rows import AUTOINC, plan_fk
from workbench.store.types import DecimalText, PenceType


class PlanYearRow(Base):
    """Firm or indicative, growth, tariff, activity, ring-fence, investment and target for
    one year. One row per plan and year: two colleagues adding the same year at once
    cannot both succeed."""

    __tablename__ = "plan_years"
    __table_args__ = (UniqueConstraint("plan_id", "year", name="uq_plan_years_plan_id_year"),
                      AUTOINC)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = plan_fk()
    year: Mapped[int] = mapped_column(Integer)
    firm: Mapped[bool] = mapped_column(Boolean)
    allocation_growth_pct: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    tariff_uplift_pct: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    activity_growth_pct: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    transformation_ringfence_pct: Mapped[Decimal | None] = mapped_column(DecimalText,
                                                                          nullable=True)
    investment: Mapped[Decimal] = mapped_column(PenceType)
    investment_recurrent: Mapped[bool] = mapped_column(Boolean)
    target_allocation: Mapped[Decimal | None] = mapped_column(PenceType, nullable=True)
    note: Mapped[str] = mapped_column(Text)


