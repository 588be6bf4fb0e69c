"""Activity lines: one measure at one provider, planned for one financial year, by month.

Planned annual value = baseline outturn x (1 + growth) - activity impact of the linked
schemes; the engine spreads it over April..March by the line's profile. A user's override of
a month is stored on the line, so it survives every recalculation until cleared.
Counts are Decimal (as typed and as the templates carry them); growth is a fraction.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal

from workbench.domain.calendar_days import bank_holidays
from workbench.domain.enums import LabelledEnum, PointOfDelivery
from workbench.domain.periods import MONTHS_IN_YEAR


class Measure(LabelledEnum):
    """2016/17 activity measures (templates.md 2.2). Sub-codes with a suffix are our own."""

    TOTAL_REFERRALS = "Total referrals (G&A)"
    GP_REFERRALS = "GP referrals (G&A)"
    OTHER_REFERRALS = "Other referrals (G&A)"
    FIRST_OUTPATIENTS = "Consultant-led first outpatient attendances"
    FOLLOW_UP_OUTPATIENTS = "Consultant-led follow-up outpatient attendances"
    ELECTIVE_TOTAL = "Total elective spells"
    ELECTIVE_ORDINARY = "Ordinary elective spells"
    ELECTIVE_DAY_CASE = "Day case elective spells"
    NON_ELECTIVE = "Non-elective spells"
    AE_ALL_TYPES = "A&E attendances (all types)"
    AE_TYPE_1 = "A&E attendances (type 1)"
    ENDOSCOPY = "Endoscopy tests"
    DIAGNOSTIC_TESTS = "Diagnostic tests (excluding endoscopy)"

    @property
    def info(self) -> MeasureInfo:
        return MEASURES[self]

    @classmethod
    def from_code(cls, code: str) -> Measure:
        """The 2016/17 measure with this planning code ('E.M.11')."""
        for measure, info in MEASURES.items():
            if info.code == code.strip():
                return measure
        raise ValueError(f"{code!r} is not a 2016/17 activity measure code")


@dataclass(frozen=True)
class MeasureInfo:
    """`pod` is the point of delivery whose schemes reduce this measure under the
    "matching POD" rule; totals and referrals have none, so a scheme is never counted twice
    (once on a total and again on its parts)."""

    code: str
    unit: str
    pod: PointOfDelivery | None
    code_verified: bool = True


MEASURES: dict[Measure, MeasureInfo] = {
    Measure.TOTAL_REFERRALS: MeasureInfo("E.M.7", "referrals", None),
    Measure.GP_REFERRALS: MeasureInfo("E.M.7.gp", "referrals", None, code_verified=False),
    Measure.OTHER_REFERRALS: MeasureInfo("E.M.7.oth", "referrals", None, code_verified=False),
    Measure.FIRST_OUTPATIENTS: MeasureInfo("E.M.8", "attendances", PointOfDelivery.OUTPATIENTS),
    Measure.FOLLOW_UP_OUTPATIENTS: MeasureInfo(
        "E.M.9", "attendances", PointOfDelivery.OUTPATIENTS
    ),
    Measure.ELECTIVE_TOTAL: MeasureInfo("E.M.10", "spells", None),
    Measure.ELECTIVE_ORDINARY: MeasureInfo("E.M.10.a", "spells", PointOfDelivery.ELECTIVE),
    Measure.ELECTIVE_DAY_CASE: MeasureInfo("E.M.10.b", "spells", PointOfDelivery.ELECTIVE),
    Measure.NON_ELECTIVE: MeasureInfo("E.M.11", "spells", PointOfDelivery.NON_ELECTIVE),
    Measure.AE_ALL_TYPES: MeasureInfo("E.M.12", "attendances", PointOfDelivery.AE),
    Measure.AE_TYPE_1: MeasureInfo("E.M.12.t1", "attendances", None, code_verified=False),
    Measure.ENDOSCOPY: MeasureInfo("E.M.13", "tests", None),
    Measure.DIAGNOSTIC_TESTS: MeasureInfo("E.M.14", "tests", None),
}


class Profile(LabelledEnum):
    """How the annual plan is spread over April..March."""

    FLAT = "Flat"
    WORKING_DAYS = "Working days"
    CALENDAR_DAYS = "Calendar days"
    SEASONAL = "Seasonal (last year's shape)"


class ImpactRule(LabelledEnum):
    """Which schemes' activity impact comes off the line."""

    LINKED = "Linked schemes"
    MATCHING_POD = "Schemes with matching POD"


@dataclass
class ActivityLine:
    """One row of the activity plan.

    `baseline` is last year's outturn (the year's total); `last_year_monthly` its 12 monthly
    values, needed only for the seasonal profile. `overrides` maps a month index (0 = April)
    to the value the user typed; `actuals` likewise holds observed months. Under
    ImpactRule.MATCHING_POD a scheme counts if its POD is the measure's and its provider is
    blank or names this line's provider (by code or by `provider_name`).
    """

    id: int | None
    measure: Measure
    provider: str
    baseline: Decimal
    growth: Decimal = Decimal(0)
    year: int = 2016
    provider_name: str = ""
    scheme_ids: tuple[int, ...] = ()
    impact_rule: ImpactRule = ImpactRule.LINKED
    profile: Profile = Profile.FLAT
    last_year_monthly: tuple[Decimal, ...] = ()
    overrides: dict[int, Decimal] = field(default_factory=dict)
    actuals: dict[int, Decimal] = field(default_factory=dict)
    note: str = ""
    source: str = ""  # where the input comes from: a paper and its words, or "chosen: why"

    def __post_init__(self) -> None:
        for month in (*self.overrides, *self.actuals):
            _check_month(month)
        if self.last_year_monthly and len(self.last_year_monthly) != MONTHS_IN_YEAR:
            raise ValueError("last year's monthly values need all 12 months, April to March")

    @property
    def expected(self) -> Decimal:
        """Baseline grown by the growth assumption, before any scheme impact."""
        return self.baseline * (1 + self.growth)

    def with_override(self, month: int, value: Decimal) -> ActivityLine:
        _check_month(month)
        return replace(self, overrides={**self.overrides, month: Decimal(value)})

    def without_override(self, month: int) -> ActivityLine:
        return replace(self, overrides={m: v for m, v in self.overrides.items() if m != month})


def _check_month(month: int) -> None:
    if not (isinstance(month, int) and 0 <= month < MONTHS_IN_YEAR):
        raise ValueError(f"month index {month!r} is not 0 (April) .. 11 (March)")


def working_days(year: int) -> tuple[int, ...]:
    """Working days in each month of financial year `year` (2016 = 2016/17), April first:
    Monday to Friday less England's bank holidays (domain.calendar_days; a year outside
    the shipped calendar counts weekdays only)."""
    return tuple(_count_working_days(year, i) for i in range(MONTHS_IN_YEAR))


def calendar_days(year: int) -> tuple[int, ...]:
    """Days in each month of financial year `year`, April first."""
    return tuple(calendar.monthrange(*_year_month(year, i))[1] for i in range(MONTHS_IN_YEAR))


def _count_working_days(year: int, index: int) -> int:
    y, m = _year_month(year, index)
    holidays = bank_holidays()
    weeks = calendar.monthcalendar(y, m)
    return sum(1 for week in weeks for day in week[:5]
               if day and dt.date(y, m, day) not in holidays)


def _year_month(year: int, index: int) -> tuple[int, int]:
    """Calendar (year, month) of month `index` (0 = April) of financial year `year`."""
    return year + (index + 3) // 12, (index + 3) % 12 + 1
