"""The submissions table (migration 0014): the planning round's timetable."""

import datetime as dt

from sqlalchemy import Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.store.base import Base
from workbench.store.rows import AUTOINC, plan_fk


class SubmissionRow(Base):
    """One return of the planning round: what, due when, sent when, which version, who
    signed it off."""

    __tablename__ = "submissions"
    __table_args__ = AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = plan_fk()
    name: Mapped[str] = mapped_column(String(200))
    returns: Mapped[str] = mapped_column(Text)
    due: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    submitted_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    version_label: Mapped[str] = mapped_column(String(200))
    signed_off_by: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text)
