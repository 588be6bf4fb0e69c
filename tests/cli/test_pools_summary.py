"""`summary --json` carries the demo's pooled budgets and contract incentives."""

from __future__ import annotations

import json

from workbench.app import main


def test_demo_summary_has_the_pools_and_the_ouh_incentive(tmp_path, capsys):
    db = tmp_path / "plan.db"
    assert main(["demo", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["summary", "--db", str(db), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    # 004: £146m of OCCG budget with £184m (gross) of adult social care in four pools
    assert figures["pooled_budget_gbp"] == 330_000_000.0
    assert figures["pooled_budget_by_partner_gbp"] == {
        "Oxfordshire CCG": 146_000_000.0, "Oxfordshire County Council": 184_000_000.0}
    # 002: the OUH contract's £1m on A&E, RTT and cancer
    assert figures["contract_incentives_at_stake_gbp"] == 1_000_000.0
    assert figures["contract_risk_gbp"] == 400_000.0  # A&E off track at March 2019
    assert figures["pooled_budget_ccg_variance_gbp"] == 0.0
    assert round(figures["savings_requirement_gbp"] / 1e6, 1) == 22.4


def test_summary_table_names_the_pools(tmp_path, capsys):
    db = tmp_path / "plan.db"
    assert main(["demo", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["summary", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Pooled budgets (every partner)" in out and "£330,000,000" in out
    assert "Contract incentives at stake" in out and "£1,000,000" in out
