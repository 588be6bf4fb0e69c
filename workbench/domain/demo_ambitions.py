"""Seed 001's local ambitions as trajectories, next to the national standards in the demo.

The operational plan (shared/seeds/001) sets local targets beyond, or outside, the NHS
Constitution standards: learning disability beds 8 to 6, 17 locality teams, IAPT access
17% and recovery 50.5%, 100 personal health budgets, antibiotic prescribing below 11.3%,
more practices on electronic prescribing; and it commits to two national standards
(early intervention in psychosis 50%, dementia diagnosis). A local target has no bundled
standard: its metric starts "Local:" and its source "local target". Where the paper
gives no path, the trajectory holds only what it states (a year-end value), and any path
drawn between stated values is marked chosen.
"""

from __future__ import annotations

import datetime as dt

from workbench.domain.periods import FinancialYear
from workbench.domain.standards import standard_by_id
from workbench.domain.trajectories import Direction, Trajectory, Unit, straight_line

P = "001: "  # shared/seeds/001, the 2016/17 operational plan
LOCAL = "local target; "
YEAR_END = dt.date(2017, 3, 31)
MONTHS = FinancialYear(2016).months()


def _local(metric: str, unit: Unit, direction: Direction, target: float,
           planned: dict[str, float], source: str, due: dt.date = YEAR_END) -> Trajectory:
    return Trajectory(id=None, metric=f"Local: {metric}", unit=unit, direction=direction,
                      target=target, target_date=due, planned=planned, source=LOCAL + source)


def _national(standard_id: str, metric: str, level: float, source: str) -> Trajectory:
    path = standard_by_id(standard_id).to_trajectory()
    path.metric = metric
    path.planned = {month: level for month in MONTHS}
    path.source = f"national standard {path.target:.1%} ({standard_id}); {source}"
    return path


def local_ambitions(first_id: int) -> list[Trajectory]:
    """The ambitions with ids first_id, first_id + 1, ... (local keys, as in demo_plan)."""
    iapt_months = [m for y in range(2016, 2021) for m in FinancialYear(y).months()]
    paths = [
        _local("Learning disability inpatient beds", Unit.COUNT, Direction.LOWER, 6,
               straight_line(MONTHS, 8, 6),
               P + '"Our plans to reduce learning disability in-patient beds from 8 to 6 will '
               'release funding for an Intensive Support Team"; chosen: by March 2017, on a '
               "straight path"),
        _local("Community Integrated Locality Teams", Unit.COUNT, Direction.HIGHER, 17,
               {MONTHS[-1]: 17},
               P + '"establishing 17 co-located Community Integrated Locality Teams across the '
               '6 localities"; chosen: by March 2017 (the paper says "piloting" and gives no '
               "date), the year end only"),
        _local("IAPT access, share of prevalence", Unit.PERCENT, Direction.HIGHER, 0.17,
               straight_line(iapt_months, 0.15, 0.17),
               P + '"increase access to 17% by 2021"; beyond the national standard of 15% '
               "(IAPT_ACCESS); chosen: a straight path from 15% in April 2016 to March 2021",
               due=dt.date(2021, 3, 31)),
        _local("IAPT recovery rate", Unit.PERCENT, Direction.HIGHER, 0.505,
               {month: 0.505 for month in MONTHS},
               P + '"maintain a minimum of 50.5% recovery rate"; beyond the national standard '
               "of 50% (IAPT_RECOVERY)"),
        _national("EIP_2WK", "Early intervention in psychosis, treated within 2 weeks", 0.5,
                  P + '"we will meet the national standard for 50% of people experiencing '
                  'first episode of psychosis to access a NICE approved care package within two'
                  ' weeks from April 2016"'),
        _national("DEMENTIA_DX", "Dementia diagnosis rate", 0.667,
                  P + '"continuing to monitor and consolidate rates of primary care dementia '
                  'diagnosis"; chosen: the national 66.7% each month (the paper gives no '
                  "local rate)"),
        _local("People holding a personal health budget", Unit.COUNT, Direction.HIGHER, 100,
               {MONTHS[-1]: 100},
               P + '"with an ambition of 100 people in Oxfordshire holding a personal budget in'
               ' the coming year"; the year end only (the paper gives no path)'),
        _local("Broad-spectrum antibiotics, % of antibacterial items", Unit.PERCENT,
               Direction.LOWER, 0.113, {month: 0.113 for month in MONTHS},
               P + '"Measuring prescribing and use of cephalosporins, quinolones and '
               'co-amoxiclav, as a percentage of total antibacterial items, to ensure they are '
               'below 11.3%"; not tracked: ' + P + '"the total practice antibacterial items per'
               ' STAR PU is below 0.52"'),
        _local("Practices live with the Electronic Prescription Service", Unit.COUNT,
               Direction.HIGHER, 62, {MONTHS[0]: 55, MONTHS[-1]: 62},
               P + '"Of the 76 practices 55 practices are ‘live’ with EPS, 7 have ‘go-live’ '
               'dates"; chosen: 55 in April 2016 (the paper\'s February figure) and 62 (the 55 '
               "and the 7) by March 2017"),
    ]
    for i, path in enumerate(paths):
        path.id = first_id + i
    return paths
