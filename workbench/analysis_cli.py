"""Analysis commands of the command line: `simulate` (delivery odds) and `explain`.

Kept apart from `workbench.cli` so that the core commands stay short; `cli` adds these
parsers and handlers. Same rules: `--db` / `--db-url`, one line on stderr for an error.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from workbench.domain.errors import WorkbenchError

Handler = Callable[[argparse.Namespace], int]


def add_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    from workbench.engine.simulation import (
        DEFAULT_CONCENTRATION,
        DEFAULT_DRAWS,
        DEFAULT_SEED,
    )

    sim = commands.add_parser(
        "simulate", parents=[common],
        help="delivery odds: Monte Carlo of the year-end position against the business rules")
    sim.add_argument("--draws", type=int, default=DEFAULT_DRAWS, metavar="N",
                     help=f"number of draws (default {DEFAULT_DRAWS:,})")
    sim.add_argument("--seed", type=int, default=DEFAULT_SEED, metavar="S",
                     help=f"random seed: the same seed gives the same figures "
                          f"(default {DEFAULT_SEED})")
    sim.add_argument("--concentration", type=float, default=DEFAULT_CONCENTRATION,
                     metavar="K", help="how tightly scheme delivery clusters around its "
                                       f"confidence (Beta concentration, default "
                                       f"{DEFAULT_CONCENTRATION:g})")
    sim.add_argument("--scenario", metavar="NAME",
                     help="simulate the plan under this saved scenario instead of the base")
    sim.add_argument("--json", action="store_true", help="machine-readable output")
    exp = commands.add_parser(
        "explain", parents=[common],
        help="how a summary figure is derived, down to the rows (e.g. savings_gap_gbp)")
    exp.add_argument("figure", metavar="FIGURE",
                     help="a key of `summary --json` (savings_gap_gbp) or its name (savings_gap)")
    exp.add_argument("--rows", type=int, default=12, metavar="N",
                     help="list at most N rows under each figure (default 12)")


def _load(args: argparse.Namespace):
    from workbench.cli import store_target
    from workbench.store import open_store

    return open_store(store_target(args)).load_plan()


def cmd_simulate(args: argparse.Namespace) -> int:
    from workbench.engine import compute
    from workbench.engine.scenarios import apply_scenario
    from workbench.engine.simulation import SimulationSettings, simulate

    settings = SimulationSettings(args.draws, args.seed, args.concentration)
    try:
        settings.check()
    except ValueError as exc:
        raise WorkbenchError(str(exc)) from exc
    plan = _load(args)
    scenario = None
    if args.scenario is not None:
        scenario = find_scenario(plan, args.scenario)
        plan = apply_scenario(plan, scenario)
    result = simulate(plan, compute(plan), settings)
    figures = result.figures()
    if args.json:
        print(json.dumps({"organisation": plan.organisation, "ods_code": plan.ods_code,
                          "year": plan.first_year.label,
                          "scenario": scenario.name if scenario else None, **figures},
                         indent=2))
        return 0
    under = f" under the scenario {scenario.name!r}" if scenario else ""
    print(f"{plan.title}{under}: delivery odds from {settings.draws:,} draws "
          f"(seed {settings.seed}, concentration {settings.concentration:g})")
    print("  Year-end position against the business rules (0 = surplus and reserves intact)")
    for key, label in (("p10_gbp", "P10 (1 in 10 worse)"), ("p50_gbp", "P50 (median)"),
                       ("p90_gbp", "P90 (1 in 10 better)"), ("mean_gbp", "Mean"),
                       ("expected_gbp", "Engine's risk-adjusted position")):
        print(f"  {label:<34} {_money(figures[key]):>16}")
    print(f"  {'Probability of meeting the rules':<34} "
          f"{figures['p_meet_business_rules']:>16.1%}")
    print(f"  {'Probability the surplus is kept':<34} {figures['p_surplus_intact']:>16.1%}")
    return 0


def find_scenario(plan, name: str):
    """The plan's scenario called `name` (any case), or a clear error naming the others."""
    for scenario in plan.scenarios:
        if scenario.name.strip().casefold() == name.strip().casefold():
            return scenario
    known = ", ".join(repr(s.name) for s in plan.scenarios) or "none saved"
    raise WorkbenchError(f"no scenario called {name!r} in {plan.title} (scenarios: {known})")


def figure_field(name: str) -> str:
    """The PlanSummary field a FIGURE names (a `summary --json` key or the field itself)."""
    import dataclasses

    from workbench.cli import SUMMARY_KEYS
    from workbench.engine.results import PlanSummary

    if name in SUMMARY_KEYS:
        return SUMMARY_KEYS[name][0]
    fields = [f.name for f in dataclasses.fields(PlanSummary)]
    if name in fields:
        return name
    raise WorkbenchError(f"no figure called {name!r}; one of: {', '.join(SUMMARY_KEYS)}")


def cmd_explain(args: argparse.Namespace) -> int:
    from workbench.engine import compute
    from workbench.engine.explain import tree_text
    from workbench.engine.explain_build import explain
    from workbench.ui.style import fmt_money_full, fmt_pct

    field = figure_field(args.figure)
    plan = _load(args)
    node = explain(plan, compute(plan), field)
    print("\n".join(tree_text(node, fmt_money_full, lambda v: fmt_pct(v, 2),
                              max_rows=max(args.rows, 0))))
    return 0


def _money(value: float) -> str:
    sign = "-" if value < 0 else ""
    return f"{sign}£{abs(value):,.0f}"


COMMANDS: dict[str, Handler] = {"simulate": cmd_simulate, "explain": cmd_explain}
