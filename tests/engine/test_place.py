"""The place-based view: distance from target, and a saving's worth to the CCG."""

from decimal import Decimal as D

from workbench.domain.demo_plan import demo_plan
from workbench.domain.place import PlaceElement
from workbench.engine import compute
from workbench.engine.place import place_view


def test_hand_built_place():
    elements = [PlaceElement(1, "CCG", spend=D(0), target=D(100), from_allocation=True),
                PlaceElement(2, "Specialised", spend=D(130), target=D(100), ccg_share=D("0.5")),
                PlaceElement(3, "Council", spend=D(50), ccg_share=D(0))]
    view = place_view(elements, allocation=D(90), saving=D(10))
    got = [(p.spend, p.distance, p.distance_pct, p.worth_to_ccg, p.over_target_worth)
           for p in view.positions]
    assert got == [(D(90), D(-10), D("-0.1"), D("10.00"), D("0.00")),
                   # 30 over target; half of a saving is the CCG's: £10 -> £5, £30 -> £15
                   (D(130), D(30), D("0.3"), D("5.00"), D("15.00")),
                   (D(50), None, None, D("0.00"), D("0.00"))]
    assert (view.total_spend, view.total_target) == (D(270), D(200))


def test_demo_place_is_the_seeds_budget():
    view = compute(demo_plan()).system.place
    by_name = {p.name: p for p in view.positions}
    ccg = by_name["CCG allocation (core programme)"]
    assert ccg.spend == D("727600000")
    assert round(ccg.distance_pct, 4) == D("-0.0480")  # 001: 4.8% under target
    spec = by_name["Specialised commissioning for the population"]
    assert spec.distance == D("31000000")  # 004: £31m over target
    assert spec.worth_to_ccg == D("500000.00")  # 50/50: a £1m saving is £500k to the CCG
    assert spec.over_target_worth == D("15500000.00")
    assert by_name["Delegated primary medical care"].spend == D("85000000")
    assert by_name["Social care and public health"].spend == D("270000000")
    # 001/004: with primary care and specialised added, the allocation is at target
    assert sum(p.distance for p in view.positions if p.distance is not None) == 0
    assert view.total_spend == D("1283600000")  # c£1.3bn (004)
