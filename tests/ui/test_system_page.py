"""The System page on a real SQLite store holding the demo plan, driven as a user does:
the View menu, mouse clicks on cells, keys typed into whichever widget has the focus,
the Undo action, a button and its file dialog."""

from __future__ import annotations

import dataclasses
from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from workbench.domain.contracts import Escalation
from workbench.domain.edits import EntityKind, SetField
from workbench.domain.trajectories import Actual
from workbench.ui.system.page import ILLUSTRATIVE

Key = Qt.Key
VARIANCE = "Projected over (+) / underspend (−)"


@pytest.fixture
def page(window, qtbot):
    action = next(a for a in window.view_menu.actions() if a.text().startswith("S&ystem"))
    action.trigger()
    page = window.system
    assert window.pages.currentWidget() is page
    return page


def column(view, header: str) -> int:
    model = view.model()
    return [model.headerData(i, Qt.Orientation.Horizontal) for i in
            range(model.columnCount())].index(header)


def cell(view, row: int, header: str):
    return view.model().index(row, column(view, header))


def click(qtbot, view, index) -> None:
    view.scrollTo(index)  # lays the view out first, so visualRect is where the cell is
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())
    assert QApplication.focusWidget() is view


def type_over(qtbot, page, view, row: int, header: str, text: str) -> None:
    click(qtbot, view, cell(view, row, header))
    for char in text:
        qtbot.keyClick(QApplication.focusWidget(), char)
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_Return)
    qtbot.waitUntil(lambda: not page.is_editing(), timeout=5000)


def stored(page):
    return page.controller.store.load_plan()


def test_the_page_shows_the_demo_pools_place_and_contracts(page):
    assert page.pools.rowCount() == 4 and page.place.rowCount() == 4
    assert page.contracts.rowCount() == 3 and page.levers.rowCount() == 3
    assert "£330.0m in all (Oxfordshire CCG £146.0m, Oxfordshire County Council £184.0m)" \
        in page.pools_note.text()
    assert "£1,000,000 at stake" in page.contracts_note.text()
    assert cell(page.pool_view, 0, "Total").data() == "£180.0m"
    assert cell(page.place_view, 2, "Distance").data() == "£31.0m"
    assert cell(page.place_view, 2, "£1.0m saving worth").data() == "£500,000"
    assert cell(page.lever_view, 0, "Status").data() == "Off track (2019-03)"
    assert cell(page.lever_view, 0, "Risk").data() == "£400,000"


def test_models_pass_qt_model_checks(page, qtmodeltester):
    for model in (page.pools, page.place, page.contracts, page.levers, page.benchmarks):
        qtmodeltester.check(model)


def test_typing_a_projected_overspend_moves_the_requirement_and_undo_restores_it(
        window, page, qtbot):
    ctl = page.controller
    before = ctl.results.summary.savings_requirement
    type_over(qtbot, page, page.pool_view, 0, VARIANCE, "3.3m")
    assert ctl.plan.pools[0].projected_variance == D("3300000")
    assert stored(page).pools[0].projected_variance == D("3300000")
    # 3,300,000 x 80/180 = 1,466,666.67 to the CCG; 1,833,333.33 to the council
    assert cell(page.pool_view, 0, "CCG share").data() == "£1,466,667"
    assert cell(page.pool_view, 0, "Partners' share").data() == "£1,833,333"
    assert ctl.results.summary.savings_requirement - before == D("1466666.67")
    assert "is in the savings requirement, now £23.9m" in page.pools_note.text()
    window.undo_action.trigger()
    assert ctl.plan.pools[0].projected_variance == 0
    assert stored(page).pools[0].projected_variance == 0
    assert ctl.results.summary.savings_requirement == before
    assert cell(page.pool_view, 0, "CCG share").data() == "£0"
    window.redo_action.trigger()
    assert stored(page).pools[0].projected_variance == D("3300000")


def test_an_underspend_in_brackets_and_a_capped_pool(page, qtbot):
    # Physical disabilities: CCG £8m capped at £1m of an overspend, council £14m
    type_over(qtbot, page, page.pool_view, 1, VARIANCE, "4400000")
    assert cell(page.pool_view, 1, "CCG share").data() == "£1,000,000"
    assert cell(page.pool_view, 1, "Partners' share").data() == "£3,400,000"
    type_over(qtbot, page, page.pool_view, 2, VARIANCE, "(1m)")
    assert cell(page.pool_view, 2, "CCG share").data() == "(£150,000)"  # fixed 15%
    assert page.controller.results.summary.pooled_budgets_ccg_variance == D("850000.00")


def refused(qtbot, page, view, row: int, header: str, text: str) -> str:
    """Type text the cell refuses: the editor stays open with the reason; Esc cancels."""
    click(qtbot, view, cell(view, row, header))
    for char in text:
        qtbot.keyClick(QApplication.focusWidget(), char)
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_Return)
    assert page.is_editing()  # kept open, with the reason under it
    why = page.feedback.text()
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_Escape)
    qtbot.waitUntil(lambda: not page.is_editing(), timeout=5000)
    return why


def test_bad_text_applies_nothing_and_says_why(page, qtbot):
    ctl = page.controller
    steps = ctl.undo_stack.count()
    why = refused(qtbot, page, page.pool_view, 0, VARIANCE, "lots")
    assert "of Older people's pool not changed" in why and "read 'lots'" in why
    why = refused(qtbot, page, page.contract_view, 0, "Escalation", "shouting")
    assert "Escalation of Oxford University Hospitals NHS FT not changed" in why
    assert ctl.undo_stack.count() == steps
    assert stored(page).pools[0].projected_variance == 0


def test_typing_a_rule_escalation_and_target(page, qtbot):
    type_over(qtbot, page, page.contract_view, 0, "Escalation", "remedial action plan")
    assert stored(page).contracts[0].escalation is Escalation.REMEDIAL_PLAN
    assert cell(page.contract_view, 0, "Escalation").data() == "Remedial action plan"
    type_over(qtbot, page, page.place_view, 2, "Target", "165m")
    assert stored(page).place_elements[2].target == D("165000000")
    assert cell(page.place_view, 2, "Distance").data() == "£36.0m"
    assert cell(page.place_view, 2, "Excess worth").data() == "£18.0m"
    type_over(qtbot, page, page.pool_view, 0, "Risk share", "fixed shares")
    # no shares are set for this pool: the rule cannot apply, and the page says so
    assert cell(page.pool_view, 0, "CCG share").data() == "rule cannot apply"
    assert "every partner needs a share" in cell(page.pool_view, 0, "CCG share").data(
        Qt.ItemDataRole.ToolTipRole)


def test_loading_comparators_through_the_button(page, qtbot, monkeypatch, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("measure,unit,ods_code,organisation,value_per_head,population\n"
                   "MSK,£,10Q,Us,lots,1000\n", encoding="utf-8")
    answers = iter([str(bad), str(ILLUSTRATIVE)])
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (next(answers), "")))
    steps = page.controller.undo_stack.count()
    qtbot.mouseClick(page.load_button, Qt.MouseButton.LeftButton)
    assert "Nothing loaded" in page.feedback.text() and "E2: value_per_head" \
        in page.feedback.text()
    assert page.controller.undo_stack.count() == steps and not stored(page).benchmarks
    qtbot.mouseClick(page.load_button, Qt.MouseButton.LeftButton)
    assert page.benchmarks.rowCount() == 5 and len(stored(page).benchmarks) == 55
    assert cell(page.benchmark_view, 0, "Rank (1 = lowest)").data() == "7 of 11"
    assert cell(page.benchmark_view, 0, "Opportunity to median").data() == "£1,414,500"
    assert "5 measure(s) from illustrative_rightcare_10Q.csv" in page.benchmarks_note.text()
    page.controller.undo_stack.undo()
    assert page.benchmarks.rowCount() == 0 and not stored(page).benchmarks


def test_the_money_at_stake_follows_new_actuals(page):
    ctl = page.controller
    path = next(t for t in ctl.plan.trajectories if t.standard_id == "AE_4HR")
    new = {**path.actuals, "2019-04": Actual(0.96)}
    assert ctl.push(SetField(EntityKind.TRAJECTORY, path.id, "actuals", path.actuals, new))
    assert cell(page.lever_view, 0, "Status").data() == "On track (2019-04)"
    assert cell(page.lever_view, 0, "Income").data() == "£400,000"
    assert "£400,000 earned (on track), £0 at risk" in page.contracts_note.text()


def test_explain_goes_to_the_pool_row(window, page):
    pool = page.controller.plan.pools[3]
    window.go_to(EntityKind.POOL, pool.id)
    assert window.pages.currentWidget() is page
    assert page.pool_view.currentIndex().row() == 3


def test_read_only_plan_cannot_be_typed_over(window, page):
    page.controller.store.read_only = True
    try:
        assert not (page.pools.flags(cell(page.pool_view, 0, VARIANCE))
                    & Qt.ItemFlag.ItemIsEditable)
    finally:
        page.controller.store.read_only = False
    assert dataclasses.is_dataclass(page.controller.plan.pools[0])
