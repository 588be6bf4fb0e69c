"""A board paper of a scenario: its figures are the engine's for the scenario's plan, the
paper says which scenario it is, and an unknown name is one line listing the known ones."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from pypdf import PdfReader

from workbench.cli import main
from workbench.domain.demo_plan import demo_plan
from workbench.domain.scenarios import Scenario
from workbench.engine import compute
from workbench.engine.scenarios import apply_scenario
from workbench.reports.cover import cover_edit
from workbench.reports.money import millions
from workbench.store import open_store

HIGHER = Scenario(None, "Higher growth", allocation_growth_pct=Decimal("0.05"))


def _text(path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def _store_with_scenario(tmp_path, cover):
    store = open_store(str(tmp_path / "plan.db"), create=True)
    plan = store.save_new_plan(dataclasses.replace(demo_plan(), scenarios=[HIGHER]))
    store.apply(cover_edit(plan, cover))
    return store, tmp_path / "plan.db"


def test_cli_writes_a_scenario_paper_with_the_scenario_figures(tmp_path, cover, capsys):
    store, db = _store_with_scenario(tmp_path, cover)
    plan = store.load_plan()
    base = millions(compute(plan).summary.allocation)
    scenario = millions(compute(apply_scenario(plan, plan.scenarios[0])).summary.allocation)
    assert base != scenario  # the test means something: 5% growth moves the allocation
    out = tmp_path / "scenario.pdf"
    assert main(["report", "board", "--db", str(db), "--out", str(out), "--paper", "16/12",
                 "--scenario", "Higher growth"]) == 0
    text = _text(out)
    assert f"allocation is {scenario}" in text and f"allocation is {base}" not in text
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(out).pages]
    assert all("Scenario: Higher growth" in page for page in pages)
    working = tmp_path / "working.pdf"
    assert main(["report", "board", "--db", str(db), "--out", str(working)]) == 0
    assert f"allocation is {base}" in _text(working) and "Scenario:" not in _text(working)


def test_cli_names_the_known_scenarios_for_an_unknown_one(tmp_path, cover, capsys):
    _store, db = _store_with_scenario(tmp_path, cover)
    out = tmp_path / "p.pdf"
    capsys.readouterr()
    assert main(["report", "board", "--db", str(db), "--out", str(out),
                 "--scenario", "Lower growth"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "no scenario named 'Lower growth'" in err and "'Higher growth'" in err
    assert not out.exists()
