"""A large plan generated reproducibly from a seed: the demo's drivers, many more rows.

At full size (scale 1): 60 workstreams, 2,000 schemes, 500 risks, 400 activity lines and
60 trajectories with three years (April 2016 to March 2019) of weekly or monthly actuals.
`scale` multiplies every count (1/10 gives 6 workstreams, 200 schemes ...); the length of
each trajectory's history does not change with scale. The same seed and scale always give
an equal plan: every section draws from its own random stream, so the schemes and risks are
the same as before activity lines and trajectories were added.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from fractions import Fraction

from workbench.domain.activity import ActivityLine, ImpactRule, Measure, Profile
from workbench.domain.demo_plan import demo_plan
from workbench.domain.enums import Lever, PointOfDelivery, RiskCategory, SchemeStatus
from workbench.domain.periods import FinancialYear
from workbench.domain.plan import Plan
from workbench.domain.risks import Risk
from workbench.domain.schemes import SavingsScheme
from workbench.domain.standards import bundled_standards
from workbench.domain.trajectories import (
    Actual,
    Frequency,
    SpcSettings,
    Trajectory,
    Unit,
    straight_line,
    week_labels,
)
from workbench.domain.workstreams import Workstream

FULL = {"workstreams": 60, "schemes": 2000, "risks": 500, "activity_lines": 400,
        "trajectories": 60}
SCALES = {"1/10": Fraction(1, 10), "1/2": Fraction(1, 2), "1": Fraction(1)}
FIRST_YEAR = 2016
HISTORY_YEARS = 3  # actuals from April 2016 to March 2019
SCHEME_PROVIDERS = ["OUH", "Oxford Health", "Various"]
# Activity lines: one per provider and measure and year (the import matches on that key).
# The first two providers are the ones the schemes name, so "matching POD" lines have work.
KNOWN_PROVIDERS = [("RTH", "OUH"), ("RNU", "Oxford Health")]


def scaled(count: int, scale: Fraction | float | str = 1) -> int:
    """`count` x `scale`, rounded, never below 1 ("1/10", 0.5 and Fraction(1, 2) all work)."""
    factor = SCALES[scale] if isinstance(scale, str) and scale in SCALES else Fraction(scale)
    return max(1, round(count * factor))


def large_plan(
    schemes: int = 2000, risks: int = 500, workstreams: int = 60, seed: int = 2016,
    activity_lines: int = 400, trajectories: int = 60,
    scale: Fraction | float | str = 1,
) -> Plan:
    workstreams, schemes, risks = (scaled(n, scale) for n in (workstreams, schemes, risks))
    activity_lines, trajectories = scaled(activity_lines, scale), scaled(trajectories, scale)
    rng = random.Random(seed)
    plan = demo_plan()
    plan.workstreams = [
        Workstream(i + 1, f"Workstream {i + 1:02d}") for i in range(workstreams)
    ]
    statuses = list(SchemeStatus)
    plan.schemes = [
        SavingsScheme(
            i + 1, f"Scheme {i + 1:04d}", workstream_id=rng.randint(1, workstreams),
            provider=rng.choice(SCHEME_PROVIDERS),
            pod=rng.choice(list(PointOfDelivery)), lever=rng.choice(list(Lever)),
            status=rng.choice(statuses),
            gross_saving=Decimal(rng.randint(5, 500)) * 1000,
            confidence=Decimal(rng.randint(20, 95)) / 100,
            phasing=tuple(Decimal(rng.randint(0, 4)) for _ in range(12)),
        )
        for i in range(schemes)
    ]
    plan.risks = [
        Risk(i + 1, f"Risk {i + 1}", category=rng.choice(list(RiskCategory)),
             value=Decimal(rng.randint(10, 2000)) * 1000, likelihood=rng.randint(1, 5),
             impact=rng.randint(1, 5), mitigation_value=Decimal(rng.randint(0, 200)) * 1000)
        for i in range(risks)
    ]
    _add_activity_impacts(plan.schemes, random.Random(f"{seed}/impacts"))
    plan.activity_lines = make_activity_lines(
        activity_lines, plan.schemes, random.Random(f"{seed}/activity"))
    plan.trajectories = make_trajectories(trajectories, random.Random(f"{seed}/trajectories"))
    return plan


def _add_activity_impacts(schemes: list[SavingsScheme], rng: random.Random) -> None:
    """About a third of the hospital schemes avoid some activity (admissions, attendances)."""
    hospital = {PointOfDelivery.ELECTIVE, PointOfDelivery.NON_ELECTIVE,
                PointOfDelivery.OUTPATIENTS, PointOfDelivery.AE}
    for scheme in schemes:
        if scheme.pod in hospital and rng.random() < 0.35:
            scheme.activity_impact = rng.randint(10, 400)


def _providers(count: int) -> list[tuple[str, str]]:
    """Provider (code, name) pairs: the two the schemes name, then made-up trusts."""
    out = list(KNOWN_PROVIDERS[:count])
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    i = 0
    while len(out) < count:
        code = f"R{letters[i // len(letters) % len(letters)]}{letters[i % len(letters)]}"
        if code not in {c for c, _ in KNOWN_PROVIDERS}:
            out.append((code, f"Trust {len(out) + 1:02d}"))
        i += 1
    return out


def make_activity_lines(count: int, schemes: list[SavingsScheme],
                        rng: random.Random) -> list[ActivityLine]:
    """`count` lines, ids 1..count: each provider's 13 measures in turn, in the plan's first
    year, every eighth line planned for the year after instead (as the demo's A&E line is).

    Every profile and both impact rules occur; linked lines name up to three schemes; lines
    of the first year have six months of actuals and one line in ten a typed override."""
    measures = list(Measure)
    providers = _providers(-(-count // len(measures)))
    scheme_ids = [s.id for s in schemes if s.id is not None]
    profiles = list(Profile)
    lines = []
    for i in range(count):
        code, name = providers[i // len(measures)]
        measure = measures[i % len(measures)]
        year = FIRST_YEAR + 1 if i % 8 == 7 else FIRST_YEAR
        baseline = Decimal(rng.randint(2_000, 300_000))
        profile = profiles[i % len(profiles)]
        last_year = ()
        if profile is Profile.SEASONAL:
            shape = [1 + 0.15 * rng.uniform(-1, 1) for _ in range(12)]
            factor = float(baseline) / sum(shape)
            last_year = tuple(Decimal(round(x * factor)) for x in shape)
        linked = rng.random() < 0.5
        monthly = float(baseline) / 12
        actuals = {}
        if year == FIRST_YEAR:
            actuals = {m: Decimal(round(monthly * rng.uniform(0.9, 1.1))) for m in range(6)}
        overrides = {}
        if i % 10 == 3:
            overrides = {rng.randrange(12): Decimal(round(monthly * rng.uniform(0.8, 1.2)))}
        lines.append(ActivityLine(
            id=i + 1, measure=measure, provider=code, provider_name=name, baseline=baseline,
            growth=Decimal(rng.randint(0, 40)) / 1000, year=year,
            scheme_ids=tuple(sorted(rng.sample(scheme_ids, min(len(scheme_ids),
                                                               rng.randint(1, 3)))))
            if linked and scheme_ids else (),
            impact_rule=ImpactRule.LINKED if linked else ImpactRule.MATCHING_POD,
            profile=profile, last_year_monthly=last_year, overrides=overrides,
            actuals=actuals, note=f"Generated line {i + 1}",
        ))
    return lines


def history_periods(frequency: Frequency) -> list[str]:
    """Every period of the three years of history, monthly ('2016-04') or weekly."""
    if frequency is Frequency.MONTHLY:
        return [m for y in range(HISTORY_YEARS) for m in FinancialYear(FIRST_YEAR + y).months()]
    return week_labels(dt.date(FIRST_YEAR, 4, 4), dt.date(FIRST_YEAR + HISTORY_YEARS, 3, 31))


def make_trajectories(count: int, rng: random.Random) -> list[Trajectory]:
    """`count` trajectories, ids 1..count, made from the bundled standards in turn; a third
    are weekly. Each has a straight planned path over the first year towards its standard and
    three years of actuals wandering around it, with a note on about one point in forty."""
    standards = bundled_standards()
    providers = _providers(max(1, count // len(standards) + 1))
    out = []
    for i in range(count):
        standard = standards[i % len(standards)]
        code, name = providers[i // len(standards)]
        trajectory = standard.to_trajectory(id=i + 1, provider=code)
        trajectory.metric = f"{standard.metric}, {name} ({code})"
        trajectory.frequency = Frequency.WEEKLY if i % 3 == 2 else Frequency.MONTHLY
        periods = history_periods(trajectory.frequency)
        first_year = [p for p in periods if p < f"{FIRST_YEAR + 1}-04"]
        target = standard.threshold
        sign = standard.direction.sign or 1
        start = target * (1 - 0.08 * sign) if standard.unit is Unit.PERCENT else target * 1.2
        trajectory.planned = straight_line(first_year, start, target)
        level, actuals = start, {}
        for period in periods:
            level += (target - level) * 0.05 + rng.gauss(0, abs(target) * 0.01)
            value = min(max(level, 0.0), 1.0) if standard.unit is Unit.PERCENT else level
            note = "data revised" if rng.random() < 0.025 else ""
            actuals[period] = Actual(value, note)
        trajectory.actuals = actuals
        rebase = (periods[len(periods) // 2],) if i % 4 == 1 else ()
        trajectory.spc = SpcSettings(baseline_start=first_year[0], baseline_end=first_year[-1],
                                     rebase_at=rebase)
        out.append(trajectory)
    return out
