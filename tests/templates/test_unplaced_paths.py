"""A path the plan holds in a unit no template has a place for (the demo's delayed
transfers per week) is named at export, with the rows the template does have and where
the path stays, so nobody hunts for it in the workbook."""

from __future__ import annotations

import dataclasses

import pytest

from tests.templates.helpers import demo
from workbench.cli import main
from workbench.templates.pipeline.exporter import export_template

DELAYS = "'Delayed transfers of care, delays per week' (136 to 68 a week, 2016-04-04 to " \
         "2017-03-27) is not in this workbook, which has no row in that unit"


@pytest.mark.parametrize(("kind", "rows"), [
    ("resilience", "Demand and Capacity D08, delayed days per month (kept as typed), and D09"),
    ("activity", "Trajectories T12, the share of occupied bed days"),
    ("bcf", "Supporting Metrics SM3, delayed days per 100,000 people aged 18+"),
])
def test_the_delays_per_week_path_is_named_where_the_dtoc_rows_are(tmp_path, kind, rows):
    plan, _ = demo()
    notes: list[str] = []
    export_template(plan, kind, tmp_path / f"{kind}.xlsx", notes=notes)
    [note] = [n for n in notes if "delays per week" in n]
    assert note.startswith(DELAYS) and rows in note
    assert note.endswith("the path stays in the plan, on the Trajectories page.")


def test_a_path_the_workbook_carries_is_not_mentioned(tmp_path):
    plan, _ = demo()
    notes: list[str] = []
    export_template(plan, "resilience", tmp_path / "srg.xlsx", notes=notes)
    assert not [n for n in notes if "% of occupied bed days'" in n]  # it is D09
    export_template(plan, "finance", tmp_path / "f.xlsx", notes=notes)
    assert len(notes) == 1  # finance has no DTOC row: nothing added


def test_without_such_a_path_there_is_no_note(tmp_path):
    plan, _ = demo()
    plan = dataclasses.replace(plan, trajectories=[t for t in plan.trajectories
                                                   if "per week" not in t.metric])
    notes: list[str] = []
    export_template(plan, "resilience", tmp_path / "srg.xlsx", notes=notes)
    export_template(plan, "activity", tmp_path / "act.xlsx", notes=notes)
    assert notes == []


def test_the_command_line_prints_it_as_a_warning(tmp_path, capsys):
    db = tmp_path / "plan.db"
    assert main(["demo", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["export", "--template", "resilience", "--db", str(db), "--out",
                 str(tmp_path / "srg.xlsx")]) == 0
    out = capsys.readouterr().out
    assert f"  Warning: {DELAYS}" in out
