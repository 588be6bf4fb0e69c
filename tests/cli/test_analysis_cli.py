"""`workbench simulate` and `workbench explain`: stable, scriptable output."""

from __future__ import annotations

import json

import pytest

from workbench.app import main


@pytest.fixture
def demo_db(tmp_path, capsys):
    db = tmp_path / "plan.db"
    assert main(["demo", "--db", str(db)]) == 0
    capsys.readouterr()
    return db


def simulate_json(capsys, db, *extra: str) -> dict:
    assert main(["simulate", "--db", str(db), "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_simulate_json_prints_the_odds_and_is_reproducible(demo_db, capsys):
    first = simulate_json(capsys, demo_db, "--draws", "4000", "--seed", "5")
    for key in ("p10_gbp", "p50_gbp", "p90_gbp", "p_meet_business_rules", "mean_gbp"):
        assert isinstance(first[key], float)
    assert first["draws"] == 4000 and first["seed"] == 5
    assert first["p10_gbp"] < first["p50_gbp"] < first["p90_gbp"]
    assert 0.0 <= first["p_meet_business_rules"] <= first["p_surplus_intact"] <= 1.0
    # the demo's engine: risk-adjusted 5.815m - requirement 22.3935m - risks 15.8m
    assert first["expected_gbp"] == -32_378_500.0
    assert abs(first["mean_gbp"] - first["expected_gbp"]) < 4 * first["std_gbp"] / 4000**0.5
    assert simulate_json(capsys, demo_db, "--draws", "4000", "--seed", "5") == first
    other = simulate_json(capsys, demo_db, "--draws", "4000", "--seed", "6")
    assert other["p50_gbp"] != first["p50_gbp"]


def test_simulate_readable_and_bad_options(demo_db, capsys):
    assert main(["simulate", "--db", str(demo_db), "--draws", "500"]) == 0
    out = capsys.readouterr().out
    assert "P10" in out and "Probability of meeting the rules" in out
    assert main(["simulate", "--db", str(demo_db), "--draws", "0"]) == 2
    assert "draws" in capsys.readouterr().err
    assert main(["simulate", "--db", str(demo_db), "--draws", "1000000000"]) == 2
    assert "from 1 to 5,000,000" in capsys.readouterr().err  # never 8 GB of draws
    for bad in ("-1", "nan", "inf"):
        assert main(["simulate", "--db", str(demo_db), "--concentration", bad]) == 2
        assert "concentration" in capsys.readouterr().err


def test_explain_prints_the_tree_down_to_the_rows(demo_db, capsys):
    assert main(["explain", "savings_gap_gbp", "--db", str(demo_db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == ("Savings gap £13,293,500 = savings requirement £22,393,500"
                        " − schemes identified £7,000,000 − schemes earmarked £2,100,000")
    assert lines[1].strip() == (
        "Savings requirement £22,393,500 = planned spend £741,999,000"
        " + business-rule holdbacks £28,894,500 − total allocation £748,500,000")
    assert "    - RightCare MSK triage and community service: £1,200,000" in lines


def test_explain_takes_every_summary_key_and_names_a_wrong_one(demo_db, capsys):
    from workbench.cli import SUMMARY_KEYS

    for key in SUMMARY_KEYS:
        assert main(["explain", key, "--db", str(demo_db), "--rows", "0"]) == 0, key
        assert capsys.readouterr().out
    assert main(["explain", "risks_net", "--db", str(demo_db)]) == 0
    assert capsys.readouterr().out.startswith("Net risk exposure £4,572,500 = the larger of £0")
    assert main(["explain", "gap", "--db", str(demo_db)]) == 2
    assert "no figure called 'gap'" in capsys.readouterr().err


def test_simulate_under_a_scenario(demo_db, capsys):
    from decimal import Decimal

    from workbench.domain.edits import EntityKind, InsertRows
    from workbench.domain.scenarios import Scenario
    from workbench.store import open_store

    store = open_store(str(demo_db))
    store.load_plan()
    store.apply(InsertRows(EntityKind.SCENARIO, (
        Scenario(None, "Haircut", confidence_haircut=Decimal("0.5")),)))
    base = simulate_json(capsys, demo_db, "--draws", "2000")
    cut = simulate_json(capsys, demo_db, "--draws", "2000", "--scenario", "haircut")
    assert cut["scenario"] == "Haircut" and base["scenario"] is None
    # half the schemes' risk-adjusted £5.815m is lost on average
    assert cut["expected_gbp"] == pytest.approx(base["expected_gbp"] - 5_815_000 / 2)
    assert main(["simulate", "--db", str(demo_db), "--scenario", "Nope"]) == 2
    err = capsys.readouterr().err
    assert "no scenario called 'Nope'" in err and "(scenarios: 'Haircut')" in err
