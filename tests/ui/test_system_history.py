"""The change history names the System page's rows in words."""

from __future__ import annotations

from decimal import Decimal as D

from workbench.domain.benchmarks import Benchmark
from workbench.domain.demo_plan import demo_plan
from workbench.ui.history_wording import object_name


def test_pool_contract_and_comparator_rows_are_named():
    plan = demo_plan()
    plan.benchmarks = [Benchmark(7, "MSK: spend per head", "£", "10Q", "Oxfordshire CCG",
                                 D("96.8"), 690000)]
    assert object_name("pool", 1, plan) == "Pooled budget: Older people's pool"
    assert object_name("contract", 1, plan) == (
        "Contract: Oxford University Hospitals NHS FT")
    assert object_name("place_element", 3, plan) == (
        "Place budget element: Specialised commissioning for the population")
    assert object_name("benchmark", 7, plan) == "Comparator: MSK: spend per head 10Q"
