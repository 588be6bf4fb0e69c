"""The command line is a stable interface: other tools and tests call it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from workbench.app import main


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workbench", *args],
                          capture_output=True, text=True, timeout=120)


def test_demo_then_summary_json_reproduces_the_seed(tmp_path, capsys):
    db = tmp_path / "plan.db"
    assert main(["demo", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["summary", "--db", str(db), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["ods_code"] == "10Q"
    assert round(figures["savings_requirement_gbp"] / 1e6, 1) == 22.4
    assert round(figures["savings_requirement_pct"], 1) == 3.0
    assert round(figures["schemes_identified_gbp"] / 1e6, 1) == 7.0
    assert round(figures["schemes_earmarked_gbp"] / 1e6, 1) == 2.1
    assert round(figures["savings_gap_gbp"] / 1e6, 1) == 13.3
    assert round(figures["risks_gross_gbp"] / 1e6, 1) == 28.4
    assert round(figures["transformation_ringfence_gbp"] / 1e6, 1) == 9.0
    for key in ("allocation_gbp", "savings_gap_risk_adjusted_gbp", "risks_net_gbp"):
        assert isinstance(figures[key], float)
    assert figures["nel_admissions_avoided"] == 1000  # the seed's BCF schemes
    paths = {t["metric"]: t for t in figures["trajectories"]}
    assert len(paths) == 3 + 9  # the national three, then seed 001's local ambitions
    assert paths["Local: IAPT access, share of prevalence"]["target"] == 0.17
    four_hour = paths["A&E 4-hour performance, OUH (RTH), all types"]
    # the last real month (March 2019) against the 95% standard
    assert (four_hour["status"], four_hour["period"]) == ("Off track", "2019-03")
    assert four_hour["target"] == 0.95 and four_hour["target_met"] is False
    assert paths["Delayed transfers of care, delays per week"]["status"] == "No data"


def test_demo_refuses_to_overwrite_without_force(tmp_path, capsys):
    db = tmp_path / "plan.db"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["demo", "--db", str(db)]) == 2
    assert "--force" in capsys.readouterr().err
    assert main(["demo", "--db", str(db), "--force"]) == 0


def test_summary_table_is_readable(tmp_path, capsys):
    db = tmp_path / "plan.db"
    main(["demo", "--db", str(db)])
    capsys.readouterr()
    assert main(["summary", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Oxfordshire CCG (10Q)" in out and "Savings requirement" in out


@pytest.mark.parametrize("content", [None, b"this is not a database at all" * 100])
def test_errors_are_one_line_without_traceback(tmp_path, content):
    db = tmp_path / "missing.db"
    if content is not None:
        db.write_bytes(content)
    result = run_cli("summary", "--db", str(db), "--json")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and str(db) in result.stderr
