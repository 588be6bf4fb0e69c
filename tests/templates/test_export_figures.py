"""Every figure a template has a place for agrees with the engine's: the BCF reduction is
the plan's, month-end trajectory values are the month's last point, and the activity
workbook's Trajectories sheet carries the plan's paths."""

from __future__ import annotations

import openpyxl
import pytest

from tests.templates.helpers import demo
from workbench.domain.activity import Measure
from workbench.domain.periods import FinancialYear
from workbench.engine.activity import activity_plan
from workbench.templates.layouts.registry import spec_for
from workbench.templates.pipeline.exporter import export_template
from workbench.templates.template_values import plan_figures as pf
from workbench.templates.workbook.locate import grid_columns
from workbench.templates.workbook.sheets import load


def row_values(path, sheet, code, headers):
    """The values of one grid row by header, found as the reader finds them."""
    data = load(path).find(sheet)
    grid = next(g for g in spec_for(kind_of(sheet)).sheets if g.sheet == sheet)
    _, columns = grid_columns(data, grid)
    row = next(r for (r, c), v in data.values.items() if c <= 2 and v == code)
    return [data.value(row, columns[h]) for h in headers]


def kind_of(sheet):
    return {"Metrics": "bcf", "Demand and Capacity": "resilience",
            "Trajectories": "activity"}[sheet]


def test_the_bcf_reduction_is_the_plans(tmp_path):
    plan, _ = demo()
    path = export_template(plan, "bcf", tmp_path / "bcf.xlsx")
    quarters = ("Q1", "Q2", "Q3", "Q4")
    baseline = sum(row_values(path, "Metrics", "NEA1", quarters))
    planned = sum(row_values(path, "Metrics", "NEA2", quarters))
    lines = pf.activity_lines(plan, Measure.NON_ELECTIVE, 2016)
    figures = activity_plan(lines, plan.schemes).figures
    assert baseline - planned == pytest.approx(float(figures["scheme_impact"].sum()))  # 1,000
    assert (baseline - planned) / baseline == pytest.approx(0.0176, abs=5e-5)
    assert planned == pytest.approx(float(figures["planned"].sum()))


def test_resilience_month_end_values_are_the_months_last_point(tmp_path):
    plan, _ = demo()
    path = export_template(plan, "resilience", tmp_path / "srg.xlsx")
    [march] = row_values(path, "Demand and Capacity", "D09", ("Mar-17",))
    assert march == pytest.approx(0.035)  # the trajectory's end, not March's mean


def test_the_activity_trajectories_sheet_carries_the_plans_paths(tmp_path):
    plan, _ = demo()
    path = export_template(plan, "activity", tmp_path / "activity.xlsx")
    months = ("Apr-16", "Sep-16", "Mar-17", "Year end")
    ae = row_values(path, "Trajectories", "T01", months)
    dtoc = row_values(path, "Trajectories", "T12", months)
    four_hour = next(t for t in plan.trajectories if t.standard_id == "AE_4HR")
    assert ae[2] == pytest.approx(four_hour.planned["2017-03"]) and ae[3] == ae[2]
    assert ae[0] == pytest.approx(four_hour.planned["2016-04"])
    assert dtoc[2] == pytest.approx(0.035) and dtoc[3] == dtoc[2]
    assert all(isinstance(x, float) for x in dtoc)
    wb = openpyxl.load_workbook(path)
    assert wb["Trajectories"].sheet_state == "visible"


def test_typed_trajectories_round_trip_and_a_modelled_one_is_compared(tmp_path):
    from tests.templates.helpers import apply_report
    from workbench.templates.pipeline.importer import plan_import

    plan, store = demo()
    path = export_template(plan, "activity", tmp_path / "activity.xlsx")
    data = load(path).find("Trajectories")
    grid = spec_for("activity").grid("Trajectories")
    _, columns = grid_columns(data, grid)
    rows = {v: r for (r, c), v in data.values.items() if c == 1}
    wb = openpyxl.load_workbook(path)
    ws = wb["Trajectories"]
    ws.cell(rows["T02"], columns["Apr-16"]).value = 0.905  # RTT: not in the plan, kept
    ws.cell(rows["T02"], columns["Mar-17"]).value = 0.92
    ws.cell(rows["T01"], columns["Apr-16"]).value = 0.5  # A&E: the plan's own path
    typed = tmp_path / "typed.xlsx"
    wb.save(typed)
    report = plan_import(typed, plan)
    assert report.ok, report.text()
    warned = [(f.sheet, f.cell) for f in report.warnings if f.sheet == "Trajectories"]
    assert warned == [("Trajectories", ws.cell(rows["T01"], columns["Apr-16"]).coordinate)]
    assert [r.name for r in report.preview.added] == ["Trajectories: T02 RTT: incomplete "
                                                      "pathways within 18 weeks"]
    apply_report(plan, report, store)
    fresh = export_template(plan, "activity", tmp_path / "fresh.xlsx")
    again = row_values(fresh, "Trajectories", "T02", ("Apr-16", "Mar-17"))
    assert again == pytest.approx([0.905, 0.92])
    assert plan_import(fresh, plan).preview.is_empty


def test_planned_by_month_is_the_monthly_frames_last_plan():
    """The month-end values are read without pandas; they equal to_monthly's "last" for
    weekly and monthly paths, with gaps, NaN and actuals-only periods."""
    import math

    from benchmarks.large_plan import large_plan
    from workbench.domain.trajectories import Actual, Frequency, Trajectory
    from workbench.engine.trajectories import to_monthly, trajectory_frame

    weekly = Trajectory(None, "gappy", frequency=Frequency.WEEKLY,
                        planned={"2016-04-04": 0.5, "2016-04-11": math.nan, "2016-05-02": 0.7,
                                 "2016-05-30": math.nan, "2017-03-27": 0.9},
                        actuals={"2016-06-06": Actual(0.4), "2016-04-18": Actual(0.1)})
    paths = [*large_plan(scale=0.1).trajectories, weekly]
    for path in paths:
        for year in (2016, 2017):
            planned = to_monthly(trajectory_frame(path), how="last")["planned"].dropna()
            months = FinancialYear(year).months()
            expected = {i: float(planned[m]) for i, m in enumerate(months)
                        if m in planned.index}
            assert pf.planned_by_month(path, year) == expected
    assert pf.planned_by_month(weekly, 2016) == {0: 0.5, 1: 0.7, 11: 0.9}
