"""The Trajectories page on a real SQLite store holding the demo plan: grid edits, pastes
and clears are single undoable steps that reach the store, bad text applies nothing, and
the charts draw what the engine computes."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QLineEdit

from workbench.domain.standards import standard_by_id
from workbench.domain.trajectories import Actual
from workbench.engine.spc import Variation, trajectory_spc
from workbench.engine.trajectories import trajectory_frame
from workbench.ui.launcher import open_plan
from workbench.ui.plan_controller import PlanController
from workbench.ui.trajectories import TrajectoryPage
from workbench.ui.trajectories.list_model import STATUS, TARGET, TARGET_DATE
from workbench.ui.trajectories.periods_model import ACTUAL, NOTE, PLANNED
from workbench.ui.trajectories.spc_chart import POINT_COLOURS, variation_text


@pytest.fixture
def page(tmp_path, qtbot):
    store, plan = open_plan(str(tmp_path / "plan.db"))
    page = TrajectoryPage(PlanController(plan, store))
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    assert page.select_id(four_hour(page).id)
    return page


def four_hour(page):
    return next(t for t in page.controller.plan.trajectories if t.standard_id == "AE_4HR")


def stored(page, trajectory_id):
    return next(t for t in page.controller.store.load_plan().trajectories
                if t.id == trajectory_id)


def cell(page, period, column):
    return page.periods.index(page.periods.periods.index(period), column)


def test_models_pass_qt_model_checks(page, qtmodeltester):
    qtmodeltester.check(page.list_model)
    qtmodeltester.check(page.periods)


def test_typing_an_actual_in_the_grid_stores_it_and_undo_restores_it(page, qtbot):
    ctl, path = page.controller, four_hour(page)
    before = path.actuals["2018-06"]
    index = cell(page, "2018-06", ACTUAL)
    page.grid.setCurrentIndex(index)
    page.grid.edit(index)
    editor = page.grid.findChild(QLineEdit)
    assert page.is_editing() and editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "90%")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop
    qtbot.waitUntil(lambda: not page.is_editing(), timeout=5000)
    assert four_hour(page).actuals["2018-06"] == Actual(0.9, before.note)
    assert stored(page, path.id).actuals["2018-06"].value == pytest.approx(0.9)
    assert index.data() == "90.0%"
    ctl.undo_stack.undo()
    assert four_hour(page).actuals["2018-06"] == before
    assert stored(page, path.id).actuals["2018-06"].value == pytest.approx(before.value)


def test_pasted_block_is_one_undo_step_and_reads_percent_either_way(page, qtbot):
    ctl, path = page.controller, four_hour(page)
    original = dict(path.actuals)
    steps = ctl.undo_stack.count()
    page.grid.setCurrentIndex(cell(page, "2019-02", ACTUAL))
    QGuiApplication.clipboard().setText("87.5%\tfirst\n0.875\t\n87.5\tthird\n")
    qtbot.keyClick(page.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert ctl.undo_stack.count() == steps + 1
    actuals = four_hour(page).actuals
    assert [actuals[p].value for p in ("2019-02", "2019-03", "2019-04")] == [0.875] * 3
    assert actuals["2019-04"].note == "third" and actuals["2019-02"].note == "first"
    assert "2019-05" in page.periods.periods  # a next row to type into
    assert stored(page, path.id).actuals["2019-04"] == Actual(0.875, "third")
    ctl.undo_stack.undo()
    assert four_hour(page).actuals == original
    assert stored(page, path.id).actuals == original


def test_bad_text_applies_nothing_and_says_why(page):
    ctl, path = page.controller, four_hour(page)
    original, steps = dict(path.actuals), ctl.undo_stack.count()
    assert not page.periods.setData(cell(page, "2018-06", ACTUAL), "lots")
    assert "read 'lots'" in page.feedback.text()
    assert not page.periods.paste_block(page.periods.periods.index("2019-01"), ACTUAL,
                                        "80%\n81%\n1O5\n")
    assert "Nothing pasted: row 3, Actual" in page.feedback.text()
    assert not page.periods.setData(cell(page, "2019-04", NOTE), "a note with no actual")
    assert not page.periods.setData(cell(page, "2018-06", PLANNED), "140%")
    assert not page.list_model.setData(page.list_model.index(2, TARGET), "ninety")
    assert not page.list_model.setData(page.list_model.index(2, TARGET_DATE), "31/13/2017")
    assert "Target date not changed" in page.feedback.text()
    assert ctl.undo_stack.count() == steps
    assert four_hour(page).actuals == original == stored(page, path.id).actuals
    assert stored(page, path.id).target == 0.95


def test_delete_key_clears_the_actual_as_one_step(page, qtbot):
    ctl, path = page.controller, four_hour(page)
    page.grid.setCurrentIndex(cell(page, "2018-01", ACTUAL))
    qtbot.keyClick(page.grid, Qt.Key.Key_Delete)
    assert "2018-01" not in four_hour(page).actuals
    assert "2018-01" not in stored(page, path.id).actuals
    ctl.undo_stack.undo()
    assert "2018-01" in four_hour(page).actuals


def test_target_typed_as_percent_is_stored_as_a_fraction(page):
    model = page.list_model
    row = model.row_of(four_hour(page).id)
    assert model.setData(model.index(row, TARGET), "92%")
    assert four_hour(page).target == pytest.approx(0.92)
    assert stored(page, four_hour(page).id).target == pytest.approx(0.92)
    assert model.index(row, TARGET).data() == "92.0%"
    assert model.index(row, STATUS).data() == "Off track"


def test_add_from_standard_inserts_a_trajectory_and_selects_it(page, monkeypatch):
    ctl = page.controller
    count = len(ctl.plan.trajectories)
    assert page.add_from_standard("RTT_INCOMPLETE", provider="RTH")
    added = ctl.plan.trajectories[-1]
    assert len(ctl.plan.trajectories) == count + 1
    assert (added.standard_id, added.provider) == ("RTT_INCOMPLETE", "RTH")
    assert added.target == standard_by_id("RTT_INCOMPLETE").threshold
    assert page.trajectory is added and page.periods.trajectory_id == added.id
    assert any(t.standard_id == "RTT_INCOMPLETE" for t in ctl.store.load_plan().trajectories)
    # the button's dialog: the first standard listed, accepted
    monkeypatch.setattr("workbench.ui.trajectories.page.StandardsDialog.exec", lambda self: 1)
    page.add_button.click()
    assert ctl.plan.trajectories[-1].standard_id == "AE_4HR"
    ctl.undo_stack.undo()
    ctl.undo_stack.undo()
    assert len(ctl.plan.trajectories) == count


def test_import_actuals_applies_a_good_csv_and_nothing_from_a_bad_one(page, tmp_path,
                                                                     monkeypatch):
    said = []
    monkeypatch.setattr("workbench.ui.actuals_import.QMessageBox.information",
                        lambda *a, **k: said.append(("info", a[2])))
    monkeypatch.setattr("workbench.ui.actuals_import.QMessageBox.warning",
                        lambda *a, **k: said.append(("warning", a[2])))
    ctl, path = page.controller, four_hour(page)
    good = tmp_path / "good.csv"
    good.write_text("date,metric,value,note\n2019-04-30,AE_4HR,88.5%,April\n"
                    "2019-05-31,AE_4HR,0.89,\n")
    assert page.import_actuals(good)
    assert four_hour(page).actuals["2019-04"] == Actual(0.885, "April")
    assert stored(page, path.id).actuals["2019-05"].value == pytest.approx(0.89)
    before, steps = dict(four_hour(page).actuals), ctl.undo_stack.count()
    bad = tmp_path / "bad.csv"
    bad.write_text("date,metric,value\n2019-06-30,AE_4HR,87%\n2019-07-31,AE_4HR,lots\n")
    assert not page.import_actuals(bad)
    assert said[-1][0] == "warning" and "bad.csv" in said[-1][1] and "line 3" in said[-1][1]
    assert four_hour(page).actuals == before == stored(page, path.id).actuals
    assert ctl.undo_stack.count() == steps


def test_spc_chart_draws_the_engines_limits_for_the_four_hour_standard(page):
    path = four_hour(page)
    result = trajectory_spc(path)
    series = page.spc_chart.series()
    frame = result.frame
    for name in ("mean", "upper", "lower"):
        np.testing.assert_allclose(series[name][1], frame[name].to_numpy(float))
    np.testing.assert_allclose(series["value"][1], frame["value"].to_numpy(float))
    colours = page.spc_chart.point_colours()
    assert colours == [POINT_COLOURS[Variation(v)].upper() for v in frame["variation"]]
    assert POINT_COLOURS[Variation.CONCERNING].upper() in colours  # the 2017/18 run
    text = page.spc_label.text()
    assert variation_text(result, path.direction) in text and "Assurance:" in text
    # a rebase: limits per segment, broken between them, still the engine's
    page.spc_settings.set_selected_period("2017-06")
    assert page.spc_settings.rebase_at_selected()
    result = trajectory_spc(four_hour(page))
    assert len(result.segments) == 2
    upper = page.spc_chart.series()["upper"][1]
    assert np.isnan(upper).sum() == 1
    np.testing.assert_allclose(upper[~np.isnan(upper)], result.frame["upper"].to_numpy(float))
    assert "rebased at 2017-06" in page.spc_label.text()
    assert stored(page, path.id).spc.rebase_at == ("2017-06",)


def test_spc_settings_push_new_settings_as_undoable_steps(page):
    ctl, settings = page.controller, page.spc_settings
    settings.run.setValue(8)
    assert four_hour(page).spc.run_length == 8
    settings.end.setCurrentIndex(settings.end.findData("2016-09"))
    settings.end.activated.emit(settings.end.currentIndex())
    assert four_hour(page).spc.baseline_end == "2016-09"
    assert page.spc_chart.result.segments[0].baseline_stop == 6
    ctl.undo_stack.undo()
    ctl.undo_stack.undo()
    assert four_hour(page).spc.run_length == 7
    assert four_hour(page).spc.baseline_end == "2017-03"
    assert settings.run.value() == 7


def test_charts_redraw_after_an_edit(page):
    plan_before = page.plan_chart.series()["actual"][1].copy()
    spc_before = page.spc_chart.series()["upper"][1].copy()
    assert page.periods.setData(cell(page, "2016-06", ACTUAL), "99%")
    path = four_hour(page)
    frame = trajectory_frame(path)
    actual = page.plan_chart.series()["actual"][1]
    assert not np.array_equal(actual, plan_before)
    np.testing.assert_allclose(actual, frame["actual"].dropna().to_numpy(float))
    upper = page.spc_chart.series()["upper"][1]
    assert not np.allclose(upper, spc_before)  # 2016-06 is in the baseline
    np.testing.assert_allclose(upper, trajectory_spc(path).frame["upper"].to_numpy(float))
    planned = page.plan_chart.series()["planned"][1]
    np.testing.assert_allclose(planned, frame["planned"].dropna().to_numpy(float))
    target_x, target_y = page.plan_chart.series()["target"]
    assert list(target_y) == [0.95, 0.95] and target_x[-1] == path.target_date.toordinal()


def test_hover_names_the_period_value_and_note(page):
    assert page.spc_chart.show_hover("2017-12")
    text = page.spc_chart.hover.toPlainText()
    assert "2017-12" in text and "80.7%" in text and "type 3" in text
    assert page.plan_chart.show_hover("2016-06")
    assert "Planned 90.9%" in page.plan_chart.hover.toPlainText()


def test_weekly_path_takes_an_actual_and_charts_it(page):
    ctl = page.controller
    dtoc = next(t for t in ctl.plan.trajectories if t.standard_id == "DTOC_OBD")
    assert page.select_id(dtoc.id)
    assert page.periods.periods[0] == "2016-04-04"
    assert page.periods.setData(cell(page, "2016-04-11", ACTUAL), "6.5")  # 6.5%
    assert ctl.plan.trajectories[0].actuals["2016-04-11"].value == pytest.approx(0.065)
    x, y = page.plan_chart.series()["actual"]
    assert list(y) == [pytest.approx(0.065)]
    assert "needs at least two actuals" in page.spc_label.text()


def test_delete_removes_the_trajectory_and_undo_brings_it_back(page):
    ctl = page.controller
    path = four_hour(page)
    page.delete_button.click()
    assert all(t.id != path.id for t in ctl.plan.trajectories)
    assert page.trajectory is not None and page.trajectory.id != path.id
    ctl.undo_stack.undo()
    assert any(t.standard_id == "AE_4HR" for t in ctl.plan.trajectories)


def test_saves_charts_as_png_and_vector_pdf(page, tmp_path):
    page.save_png(tmp_path / "charts.png")
    page.save_pdf(tmp_path / "charts.pdf")
    assert (tmp_path / "charts.png").read_bytes()[:4] == b"\x89PNG"
    assert (tmp_path / "charts.pdf").read_bytes()[:4] == b"%PDF"


def test_local_standards_file_and_a_blank_local_trajectory(page, tmp_path, monkeypatch):
    from workbench.domain.standards import bundled_standards, write_standards
    from workbench.ui.trajectories.standards_dialog import available_standards

    local = dataclasses.replace(bundled_standards()[0], id="LOCAL_FALLS",
                                name="Falls per 1,000 bed days", metric="Falls")
    data = tmp_path / "local-data"
    data.mkdir()
    write_standards(data / "local_standards.csv", [local])
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(data))
    ctl = page.controller
    count = len(ctl.plan.trajectories)
    assert page.add_from_standard("LOCAL_FALLS")
    assert ctl.plan.trajectories[-1].metric == "Falls"
    assert page.add_from_standard("")  # a blank local one
    assert ctl.plan.trajectories[-1].metric == "New local trajectory"
    assert len(ctl.plan.trajectories) == count + 2
    (data / "local_standards.csv").write_text("id,name\nX,broken\n")
    standards, problem = available_standards()
    assert "Local standards not loaded" in problem and standards == bundled_standards()


def test_month_labels_under_a_narrow_chart_never_run_together(page, qtbot):
    """The charts column of a 1366x768 laptop at 125%: labels thin out to fit the width."""
    page.resize(1090, 540)
    page.splitter.setSizes([560, 480])
    for chart in (page.plan_chart, page.spc_chart):
        axis = chart.plot_item.getAxis("bottom")
        metrics = QFontMetrics(axis.style["tickFont"] or axis.font())
        qtbot.waitUntil(lambda axis=axis: axis.width() < 470)
        labels = sorted(axis._tickLevels[0])  # the month labels, as drawn
        assert len(labels) >= 3, labels
        pixels = [chart.plot_item.vb.mapViewToScene(QPointF(x, 0)).x() for x, _ in labels]
        widths = [metrics.horizontalAdvance(text) for _x, text in labels]
        for i in range(1, len(labels)):
            room = pixels[i] - pixels[i - 1]
            assert room >= (widths[i] + widths[i - 1]) / 2 + 8, (labels[i - 1:i + 1], room)
