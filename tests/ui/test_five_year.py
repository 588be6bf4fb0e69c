"""The five-year plan on screen: the year selector drives the charts and the five-year
view; each year's inputs are typed in place, one undoable step each; the rules show."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from workbench.domain.edits import DeleteRows, EntityKind
from workbench.engine.multi_year import multi_year
from workbench.ui import style
from workbench.ui.years.years_models import FIGURE_ROWS, INPUT_FIELDS


def open_page(window, qtbot):
    window.resize(1600, 1000)
    action = next(a for a in window.view_menu.actions() if a.text() == "&Five-year plan")
    action.trigger()
    page = window.years.page
    assert window.pages.currentWidget() is page
    qtbot.waitExposed(page)
    return page


def figure_text(page, key: str, column: int) -> str:
    row = [k for k, *_ in FIGURE_ROWS].index(key)
    model = page.figures_model
    return model.data(model.index(row, column))


def type_in_cell(qtbot, view, row: int, column: int, text: str) -> None:
    index = view.model().index(row, column)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not view
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits a typed value on Return in a queued call
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState, timeout=2000)


def test_the_page_shows_the_five_years_as_the_engine_computes_them(window, qtbot):
    page = open_page(window, qtbot)
    years = multi_year(window.controller.plan).years
    model = page.figures_model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "2016/17", "2017/18", "2018/19", "2019/20", "2020/21"]
    assert [figure_text(page, "firm", c) for c in range(5)] == [
        "Firm", "Firm", "Firm", "Indicative", "Indicative"]
    assert figure_text(page, "savings_requirement", 0) == "£22.4m"
    assert figure_text(page, "growth", 0) == "£49.5m"
    assert figure_text(page, "distance_from_target_pct", 0) == "-4.8%"
    for c, y in enumerate(years):
        assert figure_text(page, "savings_gap", c) == style.fmt_money(y.savings_gap)
    assert page.chart.labels[3] == "2019/20\nindicative"
    assert page.chart.heights["requirement"][1] == pytest.approx(
        float(years[1].savings_requirement) / 1e6)
    assert "4.8% under its target" in page.rules.text()
    assert "✗" not in page.rules.text()


def test_the_year_selector_drives_the_charts(window, qtbot):
    combo = window.years.selector.combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "2016/17 · firm", "2017/18 · firm", "2018/19 · firm", "2019/20 · indicative",
        "2020/21 · indicative"]
    charts = window.charts
    first = charts.savings.series()["requirement_cum"][-1]
    assert first == pytest.approx(22.393, abs=0.001)
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # 2017/18
    assert window.years.results.selected == 2017
    later = multi_year(window.controller.plan).year(2017)
    assert charts.savings.series()["requirement_cum"][-1] == pytest.approx(
        float(later.savings_requirement) / 1e6)
    assert charts.savings._months[0] == "2017-04"
    assert charts.savings.getPlotItem().titleLabel.text.endswith(
        "Cumulative savings v requirement, 2017/18")
    # an edit while 2017/18 is on show redraws that year's figures
    scheme = window.controller.plan.schemes[0]
    window.controller.push(_saving(scheme, scheme.gross_saving + Decimal(1_000_000)))
    moved = multi_year(window.controller.plan).year(2017)
    # a recurrent scheme spanning 2016-18: £1m more saved in 2017/18, and £1m less spend
    # carried into it from 2016/17
    assert moved.savings_gap == later.savings_gap - Decimal(2_000_000)
    assert charts.savings.series()["planned_cum"][-1] == pytest.approx(
        float(moved.schemes_identified + moved.schemes_earmarked) / 1e6)
    qtbot.keyClick(combo, Qt.Key.Key_Up)  # back to the first year
    assert charts.savings.series()["requirement_cum"][-1] == pytest.approx(first)
    assert "2017/18" not in charts.savings.getPlotItem().titleLabel.text


def _saving(scheme, new):
    from workbench.domain.edits import SetField

    return SetField(EntityKind.SCHEME, scheme.id, "gross_saving", scheme.gross_saving, new)


def test_clicking_a_year_in_the_view_selects_it_everywhere(window, qtbot):
    page = open_page(window, qtbot)
    header = page.figures.horizontalHeader()
    page.figures.scrollTo(page.figures_model.index(0, 3))
    x = header.sectionViewportPosition(3) + header.sectionSize(3) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))
    assert window.years.results.selected == 2019
    assert window.years.selector.combo.currentText() == "2019/20 · indicative"
    assert page.chart.band.getRegion() == (2.5, 3.5)


def test_typing_a_years_growth_moves_the_figures_and_undoes(window, qtbot):
    page = open_page(window, qtbot)
    plan = window.controller.plan
    before = figure_text(page, "allocation", 3)
    row = INPUT_FIELDS.index("allocation_growth_pct")
    type_in_cell(qtbot, page.inputs, row, 3, "3.5%")
    assert plan.plan_years[3].allocation_growth_pct == Decimal("0.035")
    expected = multi_year(plan).year(2019).allocation
    assert expected == Decimal("727600000") * Decimal("1.02") ** 2 * Decimal("1.035")
    assert figure_text(page, "allocation", 3) == style.fmt_money(expected) != before
    assert window.controller.undo_stack.undoText() == "Edit allocation growth of 2019/20"
    window.undo_action.trigger()
    assert plan.plan_years[3].allocation_growth_pct == Decimal("0.02")
    assert figure_text(page, "allocation", 3) == before


def test_a_ringfence_below_the_minimum_and_recurrent_indicative_investment_are_flagged(
        window, qtbot):
    page = open_page(window, qtbot)
    type_in_cell(qtbot, page.inputs, INPUT_FIELDS.index("transformation_ringfence_pct"), 2,
                 "1%")
    assert "✗ 2018/19: the transformation ring-fence is 1.0%, below the 1.2% minimum" in \
        page.rules.text()
    type_in_cell(qtbot, page.inputs, INPUT_FIELDS.index("investment"), 4, "2")
    type_in_cell(qtbot, page.inputs, INPUT_FIELDS.index("investment_recurrent"), 4, "yes")
    assert "✗ 2020/21: £2.0m of investment is committed recurrently" in page.rules.text()
    assert window.controller.plan.plan_years[4].investment == Decimal(2_000_000)
    type_in_cell(qtbot, page.inputs, INPUT_FIELDS.index("firm"), 4, "Firm")
    assert "✗ 2020/21" not in page.rules.text()
    assert figure_text(page, "firm", 4) == "Firm"


def test_a_bad_value_is_refused_with_the_reason_and_nothing_changes(window, qtbot):
    page = open_page(window, qtbot)
    steps = window.controller.undo_stack.count()
    type_in_cell(qtbot, page.inputs, INPUT_FIELDS.index("allocation_growth_pct"), 1, "lots")
    assert "2017/18 allocation growth" in page.message.text()
    assert "read 'lots'" in page.message.text()
    assert window.controller.undo_stack.count() == steps
    assert window.controller.plan.plan_years[1].allocation_growth_pct == Decimal("0.02")


def test_the_first_years_drivers_are_shown_not_edited_here(window, qtbot):
    page = open_page(window, qtbot)
    model = page.inputs_model
    index = model.index(INPUT_FIELDS.index("allocation_growth_pct"), 0)
    assert model.data(index) == "(Drivers)"
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    steps = window.controller.undo_stack.count()
    type_in_cell_if_possible = page.inputs.visualRect(index).center()
    qtbot.mouseClick(page.inputs.viewport(), Qt.MouseButton.LeftButton,
                     pos=type_in_cell_if_possible)
    qtbot.keyClicks(page.inputs, "9")
    qtbot.keyClick(page.inputs, Qt.Key.Key_Return)
    assert window.controller.undo_stack.count() == steps


def test_a_year_without_a_row_gets_one_when_typed_and_loses_it_on_undo(window, qtbot):
    controller = window.controller
    last = controller.plan.plan_years[4]
    assert controller.push(DeleteRows(EntityKind.PLAN_YEAR, (last,)))
    page = open_page(window, qtbot)
    assert figure_text(page, "firm", 4) == "Indicative"  # the default: years four and five
    type_in_cell(qtbot, page.inputs, INPUT_FIELDS.index("target_allocation"), 4, "850")
    added = [y for y in controller.plan.plan_years if y.year == 2020]
    assert len(added) == 1 and added[0].target_allocation == Decimal(850_000_000)
    assert added[0].id is not None
    assert "2020/21: allocation" in page.rules.text() and "under its target" in \
        page.rules.text()
    window.undo_action.trigger()
    assert [y.year for y in controller.plan.plan_years] == [2016, 2017, 2018, 2019]


def test_the_summary_and_its_explanations_follow_the_selected_year(window, qtbot):
    combo = window.years.selector.combo
    assert window.summary.text_of("savings_requirement") == "£22.4m"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    later = multi_year(window.controller.plan).year(2017)
    assert window.summary.text_of("savings_requirement") == style.fmt_money(
        later.savings_requirement) == "£16.5m"
    assert window.summary.text_of("allocation") == style.fmt_money(later.allocation)
    assert window.summary_dock.windowTitle() == "Summary 2017/18"
    label = window.summary.values["savings_requirement"]
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
    explained = window.explain.panel
    assert window.explain.dock.isVisible()
    assert "£16.5m" in explained.headline.text()  # 2017/18's, not 2016/17's £22.4m
    assert "£22.4m" not in explained.headline.text()
    qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert window.summary.text_of("savings_requirement") == "£22.4m"
    assert window.summary_dock.windowTitle() == "Summary"


def test_a_year_check_takes_the_user_to_the_five_year_page(window, qtbot):
    page = open_page(window, qtbot)
    type_in_cell(qtbot, page.inputs, INPUT_FIELDS.index("transformation_ringfence_pct"), 1,
                 "1%")
    window.show_page(window.splitter)
    window.checks_dock.show()
    window.checks_dock.raise_()
    window.checks.refresh()
    tree = window.checks.tree
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    item = next(i for i in items
                if i.text(1).startswith("2017/18: the transformation ring-fence"))
    assert item.text(0) == "Warning"
    tree.scrollToItem(item)
    qtbot.waitExposed(tree)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualItemRect(item).center())
    assert tree.currentItem() is item
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is page


def test_the_five_years_follow_an_edit_a_moment_later_unless_shown(window, qtbot):
    """Typed in the schemes table, an edit does not wait for five years of figures (a whole
    ICS: about 25 ms); they follow once the typing pauses, equal to the engine's. On the
    Five-year page they follow at once."""
    from tests.ui.test_typing_tables import type_over

    results = window.years.results
    told: list[object] = []
    results.updated.connect(told.append)
    panel = window.tables[EntityKind.SCHEME]
    window.tabs.setCurrentIndex(1)
    scheme = window.controller.plan.schemes[0]
    type_over(qtbot, panel, 0, "Gross saving", "2,345,678")
    assert scheme.gross_saving == 2345678
    assert told == [] and not results.current()  # not in the edit's own time
    qtbot.waitUntil(results.current, timeout=3000)
    assert len(told) == 1
    assert told[0] == multi_year(window.controller.plan)

    page = open_page(window, qtbot)
    before = figure_text(page, "allocation", 3)
    type_in_cell(qtbot, page.inputs, INPUT_FIELDS.index("allocation_growth_pct"), 3, "3.5%")
    assert results.current() and len(told) == 2  # shown: at once
    assert figure_text(page, "allocation", 3) != before
