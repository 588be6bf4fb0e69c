"""The demo plan's activity lines and trajectories: Oxfordshire CCG (10Q), 2016/17.

Stated in the seed (shared/seeds/001, Better Care Fund and DTOC paragraphs):
- non-elective admissions 1.76% below the expected level, which includes 1.9% growth:
  about 1,000 emergency admissions avoided in 2016/17, delivered by the BCF schemes;
- DTOC down to 3.5% of occupied bed days by the end of March 2017, 68 fewer delays a week,
  a 50% cut on the current level, monitored weekly.
Real data: Oxford University Hospitals (RTH) A&E attendances and 4-hour breaches, April 2016
to March 2019 (resources/actuals). Everything else is marked "chosen".
The scheme impact is never typed here: the engine takes it from the demo plan's
"BCF non-elective admissions reduction" scheme (POD Non-elective, provider OUH).
"""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal as D
from functools import cache
from typing import NamedTuple

from workbench.domain.activity import ActivityLine, ImpactRule, Measure, Profile
from workbench.domain.periods import FinancialYear
from workbench.domain.resources import resource_path
from workbench.domain.standards import standard_by_id
from workbench.domain.trajectories import (
    Actual,
    Direction,
    Frequency,
    SpcSettings,
    Trajectory,
    Unit,
    straight_line,
    week_labels,
)

GROWTH = D("0.019")  # paper: 1.9% expected demographic / activity growth
# chosen: 2015/16 non-elective outturn at OUH such that 1,000 avoided is 1.76% of expected
# (55,760 x 1.019 = 56,819; 1,000 / 56,819 = 1.760%)
NEL_BASELINE = D(55_760)
DTOC_DELAYS_NOW = 136  # paper: 68 fewer a week is a 50% cut, so 136 a week now
DTOC_DELAYS_TARGET = DTOC_DELAYS_NOW - 68
DTOC_SHARE_TARGET = 0.035  # paper: 3.5% of occupied bed days by March 2017
DTOC_SHARE_NOW = DTOC_SHARE_TARGET * DTOC_DELAYS_NOW / DTOC_DELAYS_TARGET  # 7.0%: same bed base
PROVIDER, PROVIDER_NAME = "RTH", "OUH"  # Oxford University Hospitals NHS FT

P = "001: "  # shared/seeds/001, the 2016/17 operational plan
GROWTH_SOURCE = P + '"Activity growth of 1.9% overall has been modelled"'
NEL_SOURCE = (P + '"we have committed to a reduction of 1.76% from the expected activity within '
              'plans for 2016/17 (including 1.9% expected demographic/activity growth)"; '
              + P + '"This equates to 1000 NEAs avoided during 2016/17"; chosen: the 2015/16 '
              "outturn of 55,760 that makes 1,000 avoided 1.76% of expected")
AE_DATA = ("data: NHS England A&E attendances and emergency admissions, Oxford University "
           "Hospitals (RTH), monthly (resources/actuals/ae_rth_monthly.csv)")
OTHER_SOURCE = ("chosen (illustrative): the rest of the OUH contract, 2015/16 outturn, "
                "working-days profile; " + GROWTH_SOURCE)
DTOC_SOURCE = (P + '"Oxfordshire will reduce DTOC to 3.5% of total occupied bed days by the end '
               'of March 2017, a weekly target of 68 fewer DTOC’s per week. This amounts to a '
               '50% reduction on the current average monthly performance"')
PLAN_YEAR = 2016


class AeMonth(NamedTuple):
    attendances: int
    breaches: int
    admissions: int

    @property
    def four_hour(self) -> float:
        """Share seen, admitted, transferred or discharged within 4 hours."""
        return 1 - self.breaches / self.attendances


def ae_actuals(types: tuple[str, ...] = ("1", "2", "other")) -> dict[str, AeMonth]:
    """RTH's monthly A&E figures ('2016-04' ..), summed over the department types given."""
    return dict(_ae_actuals(tuple(types)))


@cache
def _ae_actuals(types: tuple[str, ...]) -> tuple[tuple[str, AeMonth], ...]:
    totals: dict[str, list[int]] = {}
    with resource_path("actuals", "ae_rth_monthly.csv").open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["type"] in types:
                month = totals.setdefault(row["period"], [0, 0, 0])
                for i, key in enumerate(("attendances", "breaches", "admissions")):
                    month[i] += int(row[key])
    return tuple((period, AeMonth(*values)) for period, values in sorted(totals.items()))


def _year_of_attendances(year: int) -> tuple[D, ...]:
    data = ae_actuals()
    return tuple(D(data[m].attendances) for m in FinancialYear(year).months())


# chosen (illustrative): the rest of the OUH contract, 2015/16 outturn, working-days profile
OTHER_LINES = (
    (Measure.GP_REFERRALS, 62_000),
    (Measure.OTHER_REFERRALS, 34_000),
    (Measure.FIRST_OUTPATIENTS, 118_000),
    (Measure.FOLLOW_UP_OUTPATIENTS, 262_000),
    (Measure.ELECTIVE_ORDINARY, 9_400),
    (Measure.ELECTIVE_DAY_CASE, 46_500),
    (Measure.ENDOSCOPY, 14_200),
    (Measure.DIAGNOSTIC_TESTS, 151_000),
)


def demo_activity_lines() -> list[ActivityLine]:
    """Activity lines with local ids 1, 2, ... (the store gives them ids when saved)."""
    ae_2016 = _year_of_attendances(2016)
    ae_2017 = _year_of_attendances(2017)
    common = {"provider": PROVIDER, "provider_name": PROVIDER_NAME}
    lines = [
        ActivityLine(
            id=1, measure=Measure.NON_ELECTIVE, baseline=NEL_BASELINE, growth=GROWTH,
            year=PLAN_YEAR, impact_rule=ImpactRule.MATCHING_POD,
            # emergencies come every day of the week: calendar days, not working days
            profile=Profile.CALENDAR_DAYS,
            note="Seed: 1.76% below expected (incl. 1.9% growth), ~1,000 avoided via BCF",
            source=NEL_SOURCE,
            **common,
        ),
        ActivityLine(
            # 2015/16 is not in the data: its outturn is estimated as the 2016/17 actual
            # total less the stated 1.9% growth, so this plan's total equals the actual and
            # the chart shows the profile's monthly error
            id=2, measure=Measure.AE_ALL_TYPES, baseline=sum(ae_2016) / (1 + GROWTH),
            growth=GROWTH, year=2016, profile=Profile.CALENDAR_DAYS,
            actuals=dict(enumerate(ae_2016)),
            note="Baseline estimated: 2016/17 actual / 1.019 (2015/16 not in the data)",
            source=AE_DATA + "; chosen: the baseline, 2016/17 actual / 1.019, as 2015/16 is "
            "not in the data; " + GROWTH_SOURCE,
            **common,
        ),
        ActivityLine(
            # the first year with data is the baseline of the next: 2016/17 outturn grown by
            # the stated 1.9%, shaped like 2016/17, checked against real 2017/18 actuals
            id=3, measure=Measure.AE_ALL_TYPES, baseline=sum(ae_2016), growth=GROWTH,
            year=2017, profile=Profile.SEASONAL, last_year_monthly=ae_2016,
            actuals=dict(enumerate(ae_2017)),
            note="2016/17 actual outturn x 1.019, seasonal shape of 2016/17",
            source=AE_DATA + "; " + GROWTH_SOURCE,
            **common,
        ),
    ]
    for i, (measure, baseline) in enumerate(OTHER_LINES):
        lines.append(
            ActivityLine(
                id=4 + i, measure=measure, baseline=D(baseline), growth=GROWTH, year=PLAN_YEAR,
                impact_rule=ImpactRule.MATCHING_POD, profile=Profile.WORKING_DAYS,
                note="chosen (illustrative)", source=OTHER_SOURCE, **common,
            )
        )
    return lines


def dtoc_weeks() -> list[str]:
    """Weeks commencing Monday 4 April 2016 to Monday 27 March 2017 (52 weeks)."""
    return week_labels(dt.date(2016, 4, 4), dt.date(2017, 3, 31))


def demo_trajectories() -> list[Trajectory]:
    weeks = dtoc_weeks()
    dtoc_share = standard_by_id("DTOC_OBD").to_trajectory(id=1)
    dtoc_share.metric = "Delayed transfers of care, % of occupied bed days"
    dtoc_share.planned = straight_line(weeks, DTOC_SHARE_NOW, DTOC_SHARE_TARGET)
    dtoc_share.source = (DTOC_SOURCE + "; chosen: a straight weekly path from 7.0% (the same "
                         "bed base as 136 delays a week)")
    dtoc_delays = Trajectory(
        id=2,
        metric="Delayed transfers of care, delays per week",
        unit=Unit.COUNT,
        direction=Direction.LOWER,
        target=float(DTOC_DELAYS_TARGET),
        target_date=dt.date(2017, 3, 31),
        frequency=Frequency.WEEKLY,
        planned=straight_line(weeks, float(DTOC_DELAYS_NOW), float(DTOC_DELAYS_TARGET)),
        source=DTOC_SOURCE + "; derived: 68 fewer is a 50% cut, so 136 a week now; chosen: a "
        "straight weekly path",
    )
    four_hour = standard_by_id("AE_4HR").to_trajectory(id=3, provider=PROVIDER)
    four_hour.metric = "A&E 4-hour performance, OUH (RTH), all types"
    # chosen: a straight recovery path from 90% in April 2016 to the 95% standard by March
    four_hour.planned = straight_line(FinancialYear(PLAN_YEAR).months(), 0.90, 0.95)
    four_hour.actuals = {
        period: Actual(month.four_hour, _AE_NOTES.get(period, ""))
        for period, month in ae_actuals().items()
    }
    four_hour.spc = SpcSettings(baseline_start="2016-04", baseline_end="2017-03")
    four_hour.source = ("national standard: 95% (resources/standards); " + AE_DATA + "; "
                        "chosen: a straight recovery path from 90% in April 2016")
    return [dtoc_share, dtoc_delays, four_hour]


_AE_NOTES = {
    "2017-12": "RTH reports type 3 (minor injury unit) attendances from this month",
}
