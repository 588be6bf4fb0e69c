"""`summary` carries the five-year plan: each year's figures, firm or indicative, and any
of the seed's rules a year breaks."""

from __future__ import annotations

import json

from workbench.cli import main


def test_summary_json_and_table_give_the_five_years(tmp_path, capsys):
    db = tmp_path / "plan.db"
    assert main(["demo", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["summary", "--db", str(db), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    years = figures["years"]
    assert [(y["year"], y["allocation_firm"]) for y in years] == [
        ("2016/17", True), ("2017/18", True), ("2018/19", True), ("2019/20", False),
        ("2020/21", False)]
    first = years[0]
    assert first["savings_requirement_gbp"] == figures["savings_requirement_gbp"]
    assert first["savings_gap_gbp"] == figures["savings_gap_gbp"]
    assert round(first["growth_gbp"] / 1e6, 1) == 49.5 and round(first["growth_pct"], 1) == 7.3
    assert round(first["distance_from_target_pct"], 1) == -4.8
    assert [round(y["growth_pct"], 2) for y in years[1:]] == [2.0] * 4
    assert round(years[1]["growth_gbp"] / 1e6) == 15  # "c£14m": 2% of £727.6m
    assert all(y["transformation_ringfence_pct"] >= 1.2 for y in years)
    assert all(y["problems"] == [] for y in years)
    assert main(["summary", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "2019/20 (indicative): requirement £" in out
