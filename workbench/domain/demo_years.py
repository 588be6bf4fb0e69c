"""The demo plan's five years, 2016/17 to 2020/21 (Governing Body paper 16/20, March 2016).

From the paper: firm allocations for three years, indicative for years four and five;
2016/17 growth 7.3% (£49.5m, in the drivers) "takes us to being 4.8% under our target
allocation"; 2017/18 and 2018/19 get "the minimum level of growth of 2% (c£14m)"; the
ring-fence is "a minimum of 1.2%".

Chosen (the papers give no figure): growth of 2% in the indicative years too (the
minimum, so the plan does not count on more); tariff, activity growth and the ring-fence
as in 2016/17; no new investment after 2016/17 (the ring-fenced reserve funds
transformation); targets for later years left blank (NHSE's later targets are not in
the papers).
"""

from __future__ import annotations

from decimal import Decimal as D

from workbench.domain.plan_years import PlanYear

# 727.6m is 4.8% under target: target = 727.6m / (1 - 0.048) = £764.3m (to £0.1m)
TARGET_2016 = D("764300000")
MINIMUM_GROWTH = D("0.02")


def demo_plan_years() -> list[PlanYear]:
    return [
        PlanYear(1, 2016, firm=True, target_allocation=TARGET_2016,
                 note="Paper: +7.3% (£49.5m), 4.8% under target allocation"),
        PlanYear(2, 2017, firm=True, allocation_growth_pct=MINIMUM_GROWTH,
                 note="Paper: minimum growth of 2% (c£14m)"),
        PlanYear(3, 2018, firm=True, allocation_growth_pct=MINIMUM_GROWTH,
                 note="Paper: minimum growth of 2% (c£14m)"),
        PlanYear(4, 2019, firm=False, allocation_growth_pct=MINIMUM_GROWTH,
                 note="Indicative; chosen: 2%, the minimum"),
        PlanYear(5, 2020, firm=False, allocation_growth_pct=MINIMUM_GROWTH,
                 note="Indicative; chosen: 2%, the minimum"),
    ]
