"""Every demo input names its source, and every quoted seed passage is really in the seed.

A source is the seed and its words (`001: "increased by 7.3% (£49.5m)"`), `chosen: why`,
or `data: ...` for published statistics. The seeds are the public papers in tests/data/seeds
(shared/seeds); quotes are compared with whitespace normalised, as the papers wrap lines.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from workbench.domain.demo_plan import demo_plan
from workbench.domain.plan import FinancialDrivers, Plan
from workbench.engine.allocation import financial_position

SEEDS = Path(__file__).parents[1] / "data" / "seeds"
QUOTE = re.compile(r'\b(\d{3}): "([^"]+)"')
ROWS = ("spend_lines", "pressures", "workstreams", "schemes", "risks", "activity_lines",
        "trajectories")


def _normal(text: str) -> str:
    return " ".join(text.split())


def seed_text(number: str) -> str:
    (path,) = SEEDS.glob(f"{number}_*.txt")
    return _normal(path.read_text(encoding="utf-8"))


def sources_of(plan: Plan) -> list[tuple[str, str]]:
    """(what, source) for every row of the plan and every driver."""
    out = [(f"{attr}: {getattr(row, 'name', None) or getattr(row, 'description', None) or getattr(row, 'category', None) or getattr(row, 'metric', None) or getattr(row, 'measure', '')}", row.source)  # noqa: E501
           for attr in ROWS for row in getattr(plan, attr)]
    out += [(f"driver {name}", plan.driver_sources.get(name, ""))
            for name in FinancialDrivers.__dataclass_fields__]
    return out


def check_sources(plan: Plan) -> None:
    problems = []
    for what, source in sources_of(plan):
        if not source.strip():
            problems.append(f"{what}: no source")
            continue
        quotes = QUOTE.findall(source)
        if not quotes and "chosen:" not in source and "data:" not in source:
            problems.append(f"{what}: neither a seed quote nor 'chosen:' ({source!r})")
        for number, words in quotes:
            if _normal(words) not in seed_text(number):
                problems.append(f"{what}: {number} does not say {words!r}")
    assert not problems, "\n".join(problems)


def test_every_2016_demo_input_names_a_source_found_in_its_seed():
    check_sources(demo_plan())


def test_a_misquote_is_caught():
    plan = demo_plan()
    plan.risks[0].source = '001: "The ability to negotiate balanced risk sharing (£51.0m)"'
    with pytest.raises(AssertionError, match="001 does not say"):
        check_sources(plan)
    plan = demo_plan()
    plan.schemes[0].source = ""
    with pytest.raises(AssertionError, match="no source"):
        check_sources(plan)


def test_the_gaps_the_papers_leave_are_marked():
    plan = demo_plan()
    social_care = plan.risks[-1]
    assert "social care" in social_care.source and social_care.value == 0
    assert "no value" in social_care.source
    assert "£49.7m" in plan.driver_sources["allocation"]
    assert "£6.9m" in plan.driver_sources["running_cost_allocation"]
    assert any("£85m" in line.source for line in plan.spend_lines)
    invented = [s.name for s in plan.schemes if "the paper names no schemes" in s.source]
    assert len(invented) == 7
    for ws in plan.workstreams:
        assert "chosen: lead, SRO, RAG and 'EIA done'" in ws.source
    for risk in plan.risks:
        assert "chosen: likelihood, impact, mitigation" in risk.source


def test_the_running_cost_note_states_what_the_engine_derives():
    """£20.9m of running-cost allocation against a £14.0m running-cost line: the note's
    £6.6m is the requirement's fall against an allocation matching the line."""
    plan = demo_plan()
    running = next(line for line in plan.spend_lines if line.category == "Running costs")
    with_demo = financial_position(plan).savings_requirement
    plan.drivers.running_cost_allocation = running.baseline
    matched = financial_position(plan).savings_requirement
    assert round((matched - with_demo) / 1_000_000, 1) == Decimal("6.6")
    assert "£6.6m lower" in demo_plan().driver_sources["running_cost_allocation"]
