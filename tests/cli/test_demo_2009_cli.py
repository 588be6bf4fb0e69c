"""`workbench demo --plan 2009` writes the second demo; the default demo is unchanged."""

from __future__ import annotations

import json

import pytest

from workbench.app import main


def _summary(db, capsys) -> dict:
    capsys.readouterr()
    assert main(["summary", "--db", str(db), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_demo_plan_2009_gives_the_programmes_figures(tmp_path, capsys):
    db = tmp_path / "plan2009.db"
    assert main(["demo", "--plan", "2009", "--db", str(db)]) == 0
    assert "Creating a Healthy Oxfordshire" in capsys.readouterr().out
    figures = _summary(db, capsys)
    assert (figures["organisation"], figures["year"]) == ("NHS Oxfordshire", "2011/12")
    assert figures["allocation_gbp"] == 890_000_000  # £850m + £40m, then flat
    assert figures["allocation_growth_gbp"] == 0
    assert figures["savings_requirement_gbp"] == 80_000_000
    assert figures["savings_gap_gbp"] == 80_000_000
    (path,) = figures["trajectories"]
    assert path["target"] == 240


def test_the_default_demo_is_still_2016(tmp_path, capsys):
    db = tmp_path / "plan.db"
    assert main(["demo", "--plan", "2016", "--db", str(db)]) == 0
    figures = _summary(db, capsys)
    assert figures["ods_code"] == "10Q" and figures["year"] == "2016/17"
    with pytest.raises(SystemExit) as refused:  # argparse names the choices
        main(["demo", "--plan", "1999", "--db", str(tmp_path / "x.db")])
    assert refused.value.code == 2
    assert "choose from '2016', '2009'" in capsys.readouterr().err


def test_in_year_actuals_are_refused_for_the_2009_programme(tmp_path, capsys):
    db = tmp_path / "plan2009.db"
    assert main(["demo", "--plan", "2009", "--in-year", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "--in-year" in err and "2009" in err and "Traceback" not in err
    assert not db.exists()  # refused before any file is made
