"""The paper's content: engine figures rounded the NHS way, parts that add to totals."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from workbench.domain.demo_plan import demo_plan
from workbench.domain.errors import WorkbenchError
from workbench.engine import compute
from workbench.reports import CoverFields, build_board_paper, cover_edit, cover_from_plan
from workbench.reports.money import millions, rounded_parts, thousands
from workbench.reports.tables import Num
from workbench.store import open_store


def test_money_is_printed_the_nhs_way():
    assert millions(Decimal("13293500")) == "£13.3m"
    assert millions(-1_049_999) == "(£1.0m)"
    assert thousands(Decimal("-2500")) == "(3)"
    assert thousands(13_293_500) == "13,294"
    assert thousands(400) == "-"


def test_rounded_parts_add_to_the_rounded_total():
    parts = [Decimal("1400"), Decimal("1400"), Decimal("1400")]  # 1.4k each, total 4.2k
    assert rounded_parts(parts, Decimal(1000)) == [2, 1, 1]
    assert sum(rounded_parts([Decimal("-1600"), Decimal("-1600")], Decimal(1000))) == -3


def _value(cell) -> float:
    assert isinstance(cell, Num), cell
    return cell.value


def test_demo_paper_headlines_come_from_the_engine(cover):
    plan = demo_plan()
    results = compute(plan)
    paper = build_board_paper(plan, cover, results)
    text = " ".join(paper.summary_text)
    for figure in ("£727.6m", "£49.5m (7.3%)", "£22.4m (3.0% of allocation)", "£7.0m",
                   "£2.1m", "gap of £13.3m", "£9.0m transformation ring-fence"):
        assert figure in text
    finance = {row[0].strip(): row for row in paper.finance.rows}
    parts = [_value(finance[n][1]) for n in ("Schemes identified", "Schemes earmarked",
                                              "Gap: not yet identified")]
    assert parts == [7000, 2100, 13294]
    assert sum(parts) == _value(paper.finance.total[1]) == round(
        results.summary.savings_requirement / 1000)


@pytest.mark.parametrize("table", ["workstreams", "risks", "schemes"])
def test_every_total_row_is_the_sum_of_the_rows_shown(cover, table):
    paper = build_board_paper(demo_plan(), cover)
    shown = getattr(paper, table)
    for col, total in enumerate(shown.total):
        if isinstance(total, Num):
            assert sum(_value(r[col]) for r in shown.rows) == total.value, shown.columns[col]


def test_risks_are_ranked_by_score_and_placed_on_the_heat_map(cover):
    paper = build_board_paper(demo_plan(), cover)
    scores = [int(r[5]) for r in paper.risks.rows]
    assert scores == sorted(scores, reverse=True) and scores[0] == 20
    assert (paper.heat_map[0].likelihood, paper.heat_map[0].impact) == (4, 5)
    assert _value(paper.risks.total[6]) == 28_400


def test_cover_fields_are_kept_with_the_plan_in_the_store(tmp_path, cover):
    store = open_store(str(tmp_path / "plan.db"), create=True)
    plan = store.save_new_plan(demo_plan())
    store.apply(cover_edit(plan, cover))
    plan = open_store(str(tmp_path / "plan.db")).load_plan()
    assert cover_from_plan(plan) == cover
    assert cover_edit(plan, cover) is None  # nothing changed, nothing to undo
    changed = dataclasses.replace(cover, paper_number="16/13")
    applied = store.apply(cover_edit(plan, changed))
    plan = store.load_plan()
    assert cover_from_plan(plan).paper_number == "16/13"
    overridden = cover_from_plan(plan, paper_number="16/20", meeting_date="")
    assert (overridden.paper_number, overridden.meeting_date) == ("16/20", "2016-03-10")
    store.apply(applied.inverted())  # undo
    assert cover_from_plan(store.load_plan()).paper_number == "16/12"


@pytest.mark.parametrize(("field", "value", "says"), [
    ("meeting_date", "10/03/2016", "meeting date"),
    ("decision", "For noting", "for decision"),
    ("outcomes_domains", "1;7", "Outcomes Framework"),
    ("equality_analysis", "Maybe", "equality analysis"),
])
def test_a_wrong_cover_field_is_named(field, value, says):
    with pytest.raises(WorkbenchError, match=says):
        CoverFields(**{field: value}).checked()


def test_charts_carry_the_engines_figures(cover):
    plan = demo_plan()
    results = compute(plan)
    paper = build_board_paper(plan, cover, results)
    lines = {s.name: s.values for s in paper.cumulative.series}
    assert lines["Requirement"][-1] == pytest.approx(
        float(results.summary.savings_requirement) / 1e6)
    assert lines["Planned"][-1] == pytest.approx(
        results.savings_monthly["planned_cum"].iloc[-1] / 1e6)
    four_hour = paper.trajectory_charts[2]
    spc = {s.name: s for s in four_hour.series}
    assert spc["Mean"].role == "mean" and spc["Process limits"].role == "limit"
    actual = [v for v in spc["Actual"].values if v is not None]
    assert len(actual) == len(plan.trajectories[2].actuals)
    assert [meaning for _, meaning in four_hour.icons] == [
        "Common cause variation", "Hit and miss: the target is within the limits"]
    assert paper.trajectory_charts[0].icons == ()  # no actuals: no SPC, no icons
