"""A large plan generated reproducibly from a seed: the demo's drivers, many more rows."""

from __future__ import annotations

import dataclasses
import random
from decimal import Decimal

from workbench.domain.demo_plan import demo_plan
from workbench.domain.enums import Lever, PointOfDelivery, RiskCategory, SchemeStatus
from workbench.domain.plan import Plan
from workbench.domain.risks import Risk
from workbench.domain.schemes import SavingsScheme
from workbench.domain.workstreams import Workstream


def large_plan(
    schemes: int = 2000, risks: int = 500, workstreams: int = 60, seed: int = 2016
) -> Plan:
    rng = random.Random(seed)
    plan = demo_plan()
    plan.workstreams = [
        Workstream(i + 1, f"Workstream {i + 1:02d}") for i in range(workstreams)
    ]
    statuses = list(SchemeStatus)
    plan.schemes = [
        SavingsScheme(
            i + 1, f"Scheme {i + 1:04d}", workstream_id=rng.randint(1, workstreams),
            provider=rng.choice(["OUH", "Oxford Health", "Various"]),
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
    return dataclasses.replace(plan)
