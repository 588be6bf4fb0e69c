"""The Plan year selector drives the pages: the Activity page shows that year's lines and
its headline and chart are that year's; the Trajectories page lists the year's months and
its charts open on them; risks, delivery odds and scenarios say which year they are for.
Choosing a year is a view setting (no undo step), remembered for the plan."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.test_typing_tables import click, keys, press
from workbench.domain.activity import Measure
from workbench.domain.edits import EntityKind
from workbench.engine.activity import measure_summary
from workbench.ui.launcher import open_plan
from workbench.ui.main_window import MainWindow
from workbench.ui.plan_controller import PlanController
from workbench.ui.trajectories.periods_model import ACTUAL


def choose_year(window, qtbot, key, times: int = 1) -> None:
    """Keys on the Plan year combo, as a user moves through the years."""
    combo = window.years.selector.combo
    combo.setFocus()
    for _ in range(times):
        qtbot.keyClick(combo, key)


def open_from_view_menu(window, qtbot, text: str):
    action = next(a for a in window.view_menu.actions() if a.text() == text)
    action.trigger()
    page = window.pages.currentWidget()
    qtbot.waitExposed(page)
    return page


def shown_lines(page) -> list:
    """The activity lines the grid shows, as its rows read."""
    proxy = page.table.proxy
    model = page.table.model
    return [model.rows[proxy.mapToSource(proxy.index(r, 0)).row()]
            for r in range(proxy.rowCount())]


def test_the_activity_page_shows_the_selected_years_lines(window, qtbot):
    window.resize(1600, 1000)
    page = open_from_view_menu(window, qtbot, "&Activity plan")
    lines = window.controller.plan.activity_lines
    assert {line.year for line in shown_lines(page)} == {2016}
    assert len(shown_lines(page)) == sum(line.year == 2016 for line in lines) == 10
    assert "avoided: 1,000</b> in 2016/17" in page.headline.text()
    assert page.chart._months[0] == "2016-04"

    choose_year(window, qtbot, Qt.Key.Key_Down)  # 2017/18
    shown = shown_lines(page)
    assert [line.year for line in shown] == [2017]
    assert page.table.count.text() == "1 of 11"
    assert "Activity lines for 2017/18</b>: 1 of 11" in page.year_note.text()
    assert "2016/17 are hidden" in page.year_note.text()
    # the chart draws that year's line, month by month of that year, from the engine
    assert page.chart._line.id == shown[0].id
    assert page.chart._months[0] == "2017-04" and page.chart._months[-1] == "2018-03"
    monthly = window.controller.results.activity.monthly.loc[shown[0].id].to_numpy(float)
    assert list(page.chart.series()["plan"]) == pytest.approx(list(monthly))
    assert page.chart._title.endswith("2017/18")
    nel = measure_summary(window.controller.results.activity, Measure.NON_ELECTIVE, 2017)
    assert nel is None and "No non-elective admissions line for 2017/18" in \
        page.headline.text()

    choose_year(window, qtbot, Qt.Key.Key_Down)  # 2018/19: no lines
    assert shown_lines(page) == []
    assert "No activity lines for 2018/19" in page.year_note.text()
    assert page.chart._title == "Activity: no lines for 2018/19"
    assert page.chart.series()["plan"] is None  # nothing drawn

    choose_year(window, qtbot, Qt.Key.Key_Up, 2)  # back to 2016/17
    assert len(shown_lines(page)) == 10
    assert not page.year_note.text().startswith("<b>No")


def test_an_activity_page_built_after_a_year_was_chosen_shows_that_year(window, qtbot):
    choose_year(window, qtbot, Qt.Key.Key_Down)  # 2017/18, before the page exists
    window.resize(1600, 1000)
    page = open_from_view_menu(window, qtbot, "&Activity plan")
    assert [line.year for line in shown_lines(page)] == [2017]
    assert page.chart._months[0] == "2017-04"


def test_a_line_added_in_a_year_is_for_that_year(window, qtbot):
    window.resize(1600, 1000)
    page = open_from_view_menu(window, qtbot, "&Activity plan")
    choose_year(window, qtbot, Qt.Key.Key_Down, 2)  # 2018/19
    steps = window.controller.undo_stack.count()
    qtbot.mouseClick(page.table.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    added = window.controller.plan.activity_lines[-1]
    assert added.year == 2018
    assert window.controller.undo_stack.count() == steps + 1
    assert [line.id for line in shown_lines(page)] == [added.id]
    assert "Activity lines for 2018/19</b>: 1 of 12" in page.year_note.text()


def test_going_to_a_line_of_another_year_selects_its_year(window, qtbot):
    other = next(x for x in window.controller.plan.activity_lines if x.year == 2017)
    window.go_to(EntityKind.ACTIVITY_LINE, other.id)
    page = window.activity
    assert window.years.results.selected == 2017
    assert window.years.selector.combo.currentText() == "2017/18 · firm"
    row = page.table.proxy.mapToSource(page.table.view.currentIndex()).row()
    assert page.table.model.rows[row].id == other.id


def test_trajectories_show_the_selected_years_months(window, qtbot):
    window.resize(1600, 1000)
    choose_year(window, qtbot, Qt.Key.Key_Down)  # 2017/18, before the page is built
    page = open_from_view_menu(window, qtbot, "&Trajectories")
    path = next(t for t in window.controller.plan.trajectories if t.standard_id == "AE_4HR")
    assert page.select_id(path.id)
    months = [f"2017-{m:02d}" for m in range(4, 13)] + [f"2018-{m:02d}" for m in (1, 2, 3)]
    assert page.periods.periods == months
    first, last = (float(d.toordinal()) for d in (dt.date(2017, 4, 1), dt.date(2018, 3, 31)))
    for chart in (page.plan_chart, page.spc_chart):
        low, high = chart.plot_item.vb.viewRange()[0]
        assert low < first < low + 40 and high - 40 < last < high  # the year, a little room
    assert page.plan_chart.plot_item.titleLabel.text.endswith(", 2017/18")
    # the data either side is still drawn (a drag away); the SPC uses every actual
    assert len(page.spc_chart.values.getData()[0]) == len(path.actuals)

    # a cell of the year's grid takes a typed actual, one undoable step
    steps = window.controller.undo_stack.count()
    click(qtbot, page.grid, page.periods.index(months.index("2017-05"), ACTUAL))
    keys(qtbot, "91%")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.is_editing(), timeout=5000)
    path = next(t for t in window.controller.plan.trajectories if t.id == path.id)
    assert path.actuals["2017-05"].value == pytest.approx(0.91)
    assert window.controller.undo_stack.count() == steps + 1

    # a year the trajectory has nothing in: its months to fill, and the chart says so
    choose_year(window, qtbot, Qt.Key.Key_Down, 3)  # 2020/21
    assert page.periods.periods[0] == "2020-04" and len(page.periods.periods) == 12
    assert page.plan_chart.plot_item.titleLabel.text.endswith("2020/21: nothing in this year")


def test_a_weekly_trajectory_lists_the_weeks_of_the_year(window, qtbot):
    choose_year(window, qtbot, Qt.Key.Key_Down)  # 2017/18
    page = open_from_view_menu(window, qtbot, "&Trajectories")
    weekly = next(t for t in window.controller.plan.trajectories
                  if t.frequency.value == "Weekly")
    assert page.select_id(weekly.id)
    assert page.periods.periods[0] == "2017-04-03" and page.periods.periods[-1] == "2018-03-26"
    assert len(page.periods.periods) == 52


def test_risks_odds_and_scenarios_say_which_year_they_are_for(window, qtbot):
    summary, note = window.summary, window.years.risks_note
    assert summary.headings["Delivery odds"].text() == "Delivery odds, 2016/17"
    assert summary.headings["Scenarios"].text() == "Scenarios, 2016/17"
    assert note.isHidden()
    choose_year(window, qtbot, Qt.Key.Key_Down)  # 2017/18
    assert "simulated for 2016/17 only: none for 2017/18" in \
        summary.headings["Delivery odds"].text()
    assert "none for 2017/18" in summary.headings["Scenarios"].text()
    assert "against 2017/18's reserves" in summary.headings["Risks"].text()
    assert not note.isHidden() and "Risks in 2017/18" in note.text()
    assert "risks carry no per-year figures" in note.text()
    title = window.charts.risks.getPlotItem().titleLabel.text
    assert "Risk exposure, 2017/18" in title
    assert "odds and scenarios are 2016/17's" in window.statusBar().currentMessage()
    choose_year(window, qtbot, Qt.Key.Key_Up)
    assert note.isHidden() and summary.headings["Scenarios"].text() == "Scenarios, 2016/17"


def test_choosing_a_year_is_no_edit_and_is_remembered_for_the_plan(tmp_path, qtbot,
                                                                    monkeypatch):
    monkeypatch.setattr("workbench.ui.main_window.QMessageBox.warning", lambda *a, **k: None)
    path = str(tmp_path / "plan.db")
    store, plan = open_plan(path)
    window = MainWindow(PlanController(plan, store), store_label=path)
    qtbot.addWidget(window)
    window.show()
    steps = window.controller.undo_stack.count()
    choose_year(window, qtbot, Qt.Key.Key_Down, 2)  # 2018/19
    assert window.years.results.selected == 2018
    assert window.controller.undo_stack.count() == steps
    assert not window.undo_action.isEnabled()
    # written a moment after the choice (a settings write is slow), and again on close
    qtbot.waitUntil(lambda: window.years._saved == 2018, timeout=5000)
    window.close()
    store.engine.dispose()

    store, plan = open_plan(path)
    again = MainWindow(PlanController(plan, store), store_label=path)
    qtbot.addWidget(again)
    again.show()
    assert again.years.results.selected == 2018
    assert again.years.selector.combo.currentText() == "2018/19 · firm"
    assert again.summary_dock.windowTitle() == "Summary 2018/19"
    later = again.years.results.figures.year(2018)
    from workbench.ui import style

    assert again.summary.text_of("savings_requirement") == style.fmt_money(
        later.savings_requirement)
    page = again.activity  # built now: it shows the remembered year
    assert page.year == 2018 and shown_lines(page) == []
    assert "No activity lines for 2018/19" in page.year_note.text()
    store.engine.dispose()

    other, other_plan = open_plan(str(tmp_path / "other.db"))  # another plan: its own year
    third = MainWindow(PlanController(other_plan, other), store_label=str(tmp_path / "o.db"))
    qtbot.addWidget(third)
    assert third.years.results.selected == 2016
    other.engine.dispose()


@pytest.mark.parametrize("stored", ["²⁰¹⁷", "9" * 5000, "2017.5", "", "abcd", "1999",
                                    ["2017"], "٢٠١٧"])
def test_a_damaged_remembered_year_is_ignored(stored):
    """A settings file edited by hand or damaged: never a traceback, and only a plain
    four-digit year is taken (a year the plan lacks is then ignored by `select`)."""
    from workbench.ui.years import remembered_year

    assert remembered_year(stored) in (None, 1999)
    assert remembered_year("1999") == 1999 and remembered_year(2017) == 2017
