"""The Delivery page's ledger grid, used as a user uses it: opened from the View menu, cells
clicked and typed, pasted, cleared, and taken back with Edit → Undo.

The plan is the demo's, its ledger started and April to August closed: every scheme
delivered its plan except those whose id is a multiple of 3, which delivered 80%.
Figures are worked by hand from the plan's months (gross saving / 12, to the penny,
March taking the rounding).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.ui.test_typing_tables import click, keys, press
from workbench.domain.enums import Rag
from workbench.domain.ledger import ForecastMethod
from workbench.domain.ledger_edits import set_tracking
from workbench.domain.milestones import SchemeMilestone
from workbench.store.ledger_store import LedgerStore
from workbench.ui.delivery.ledger_model import (
    CLOSED,
    FIRST_MONTH,
    OUTTURN,
    RAG,
    VARIANCE,
)
from workbench.ui.launcher import open_plan
from workbench.ui.main_window import MainWindow
from workbench.ui.plan_controller import PlanController

Key = Qt.Key
SEP, OCT = 5, 6  # month indexes: April is 0
THIRD = 3  # QIPP-03, Outpatient follow-up ratios: £800,000 a year, 80% delivered so far
PLAN_MONTH = Decimal("66666.67")  # 800,000 / 12; March takes the rounding: 66,666.63
DELIVERED_MONTH = Decimal("53333.34")  # 80% of a month, to the penny
OUTTURN_AS_PLAN = 5 * DELIVERED_MONTH + 6 * PLAN_MONTH + Decimal("66666.63")  # 733,333.35


def start_ledger(path, months: int = 5):
    """A demo plan file whose ledger is started and `months` months closed, and QIPP-03
    given a business case (done) and a go-live on 3 October 2016."""
    store, plan = open_plan(str(path))
    ledger_store = LedgerStore(store)
    ledger = ledger_store.start_year(plan)
    for _ in range(months):
        month = ledger.next_to_close()
        actuals = {}
        for sid in ledger.scheme_ids():
            for part in ledger.parts_of(sid):
                share = Decimal("0.8") if sid % 3 == 0 else Decimal(1)
                actuals[(sid, part)] = (ledger.cell(sid, month, part).plan * share).quantize(
                    Decimal("0.01"))
        ledger_store.close_month(ledger, month, actuals)
        ledger = ledger_store.load()
    milestones = (SchemeMilestone("Business case approved", dt.date(2016, 4, 20), done=True),
                  SchemeMilestone("Go-live", dt.date(2016, 10, 3), go_live=True))
    ledger_store.apply(set_tracking(ledger, THIRD, "milestones", milestones, "Milestones"))
    return store, plan


@pytest.fixture
def window(tmp_path, qtbot, monkeypatch):
    return delivery_window(tmp_path, qtbot, monkeypatch)


def delivery_window(tmp_path, qtbot, monkeypatch) -> MainWindow:
    """The main window on that plan, 1600 x 1000, the Delivery page opened from the menu;
    refusals are recorded in `window.refusals` instead of a warning box."""
    refusals: list[str] = []
    monkeypatch.setattr("workbench.ui.main_window.QMessageBox.warning",
                        lambda _parent, _title, text, *a, **k: refusals.append(text))
    store, plan = start_ledger(tmp_path / "plan.db")
    win = MainWindow(PlanController(plan, store), store_label="plan.db")
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    menu_action(win, "In-year &delivery").trigger()
    win.refusals = refusals
    return win


def menu_action(win: MainWindow, text: str):
    return next(a for m in win.menuBar().actions() for a in m.menu().actions()
                if a.text() == text)


def grid_cell(page, scheme_id: int | None, line: str, column: int):
    return page.model.index(page.model.row_for(scheme_id, line), column)


def month_cell(page, scheme_id: int, line: str, month: int):
    return grid_cell(page, scheme_id, line, FIRST_MONTH + month)


def stored(page, scheme_id: int, month: int, field: str):
    ledger = page.ledger.ledger
    return getattr(ledger.cell(scheme_id, ledger.months()[month], "recurrent"), field)


def outturn(page, scheme_id: int = THIRD) -> Decimal:
    return page.ledger.results.positions[scheme_id].forecast_outturn


def test_the_view_menu_opens_the_ledger_with_closed_months_shaded(window):
    page = window.delivery
    assert window.pages.currentWidget() is page
    model = page.model
    assert [model.headerData(FIRST_MONTH + m, Qt.Orientation.Horizontal) for m in (0, 11)] \
        == ["Apr 16", "Mar 17"]
    assert "closed through Aug 16" in page.heading.text()
    assert page.close_button.text() == "Close Sep 16…"
    for month in range(SEP):  # to the switch-over: actuals, shaded; the forecast blank
        assert month_cell(page, THIRD, "actual", month).data(Qt.ItemDataRole.BackgroundRole) \
            == CLOSED
        assert month_cell(page, THIRD, "forecast", month).data() == ""
    assert month_cell(page, THIRD, "forecast", SEP).data(Qt.ItemDataRole.BackgroundRole) is None
    assert month_cell(page, THIRD, "actual", SEP).data() == ""
    assert month_cell(page, THIRD, "actual", 0).data(Qt.ItemDataRole.EditRole) == "53333.34"
    assert outturn(page) == OUTTURN_AS_PLAN == Decimal("733333.35")


def test_the_rag_column_shows_colour_and_words_with_its_reasons(window):
    page = window.delivery
    rag = grid_cell(page, THIRD, "plan", RAG)
    # (733,333.35 - 800,000) / 800,000 = 8.3% short: between 5% and 15%, amber
    assert rag.data() == "Amber"
    assert rag.data(Qt.ItemDataRole.BackgroundRole).color().name().upper() == "#FFB81C"
    assert "forecast 8.3% below plan" in rag.data(Qt.ItemDataRole.ToolTipRole)
    assert grid_cell(page, 1, "plan", RAG).data() == "Green"
    assert grid_cell(page, THIRD, "plan", VARIANCE).data(Qt.ItemDataRole.ToolTipRole) is None
    legend = [w.text() for w in page.findChildren(type(page.heading))
              if w.text() in ("Green", "Amber", "Red")]
    assert sorted(legend) == ["Amber", "Green", "Red"]


def test_typing_an_actual_for_the_next_month_then_undo(window, qtbot):
    page = window.delivery
    index = month_cell(page, THIRD, "actual", SEP)
    click(qtbot, page.grid, index)
    keys(qtbot, "60,000")
    press(qtbot, Key.Key_Return)
    assert stored(page, THIRD, SEP, "actual") == Decimal(60000)
    assert index.data(Qt.ItemDataRole.EditRole) == "60000"
    assert page.grid.currentIndex() == month_cell(page, 4, "plan", SEP)  # Enter moved down
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None  # entered, not closed
    assert outturn(page) == OUTTURN_AS_PLAN  # an open month's actual counts once closed
    window.undo_action.trigger()
    assert stored(page, THIRD, SEP, "actual") is None and index.data() == ""


def test_a_later_months_actual_is_refused_and_the_editor_stays_open(window, qtbot):
    page = window.delivery
    index = month_cell(page, THIRD, "actual", OCT)
    click(qtbot, page.grid, index)
    keys(qtbot, "5000")
    press(qtbot, Key.Key_Return)
    assert page.grid.is_editing()
    assert "Sep 16 is the next month to close" in page.feedback.text()
    assert "Outpatient follow-up ratios" in page.feedback.text()
    press(qtbot, Key.Key_Escape)
    assert stored(page, THIRD, OCT, "actual") is None and not page.grid.is_editing()


def test_words_are_refused_where_money_is_typed(window, qtbot):
    page = window.delivery
    click(qtbot, page.grid, month_cell(page, THIRD, "forecast", OCT))
    keys(qtbot, "lots")
    press(qtbot, Key.Key_Tab)
    assert page.grid.is_editing()
    assert "read 'lots'" in page.feedback.text()
    press(qtbot, Key.Key_Escape)
    assert stored(page, THIRD, OCT, "forecast") is None


def test_the_plan_line_cannot_be_typed_over(window, qtbot):
    page = window.delivery
    index = month_cell(page, THIRD, "plan", OCT)
    click(qtbot, page.grid, index)
    keys(qtbot, "1")
    assert not page.grid.is_editing()
    assert index.data(Qt.ItemDataRole.EditRole) == "66666.67"


def test_typing_a_forecast_moves_only_that_month_and_turns_the_scheme_manual(window, qtbot):
    page = window.delivery
    click(qtbot, page.grid, month_cell(page, THIRD, "forecast", OCT))
    keys(qtbot, "10000")
    press(qtbot, Key.Key_Tab)
    assert page.grid.currentIndex() == month_cell(page, THIRD, "forecast", OCT + 1)
    assert page.ledger.ledger.tracking[THIRD].method is ForecastMethod.MANUAL
    assert outturn(page) == OUTTURN_AS_PLAN - PLAN_MONTH + 10000  # 676,666.68
    assert month_cell(page, THIRD, "forecast", SEP).data(Qt.ItemDataRole.EditRole) == "66666.67"
    shown = grid_cell(page, THIRD, "plan", OUTTURN).data(Qt.ItemDataRole.DisplayRole)
    assert shown in ("£676,667", "£677k")
    window.undo_action.trigger()  # one step: the figure and the method together
    assert page.ledger.ledger.tracking[THIRD].method is ForecastMethod.PLAN
    assert outturn(page) == OUTTURN_AS_PLAN
    assert all(stored(page, THIRD, m, "forecast") is None for m in range(SEP, 12))


def test_a_pasted_row_of_forecasts_is_one_step(window, qtbot):
    page = window.delivery
    click(qtbot, page.grid, month_cell(page, THIRD, "forecast", OCT))
    QGuiApplication.clipboard().setText("1,000\t2,000\t3,000\n")
    qtbot.keyClick(page.grid, Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [stored(page, THIRD, m, "forecast") for m in (OCT, OCT + 1, OCT + 2)] == \
        [Decimal(1000), Decimal(2000), Decimal(3000)]
    assert outturn(page) == OUTTURN_AS_PLAN - 3 * PLAN_MONTH + 6000
    window.undo_action.trigger()
    assert outturn(page) == OUTTURN_AS_PLAN


def test_a_paste_with_one_bad_cell_changes_nothing(window, qtbot):
    page = window.delivery
    click(qtbot, page.grid, month_cell(page, THIRD, "actual", SEP))
    QGuiApplication.clipboard().setText("60000\t61000\n")  # October is not yet due
    steps = window.controller.undo_stack.count()
    qtbot.keyClick(page.grid, Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert stored(page, THIRD, SEP, "actual") is None
    assert window.controller.undo_stack.count() == steps
    assert "Oct 16" in page.feedback.text() and "next month to close" in page.feedback.text()


def test_delete_clears_an_entered_actual_but_not_a_closed_one(window, qtbot):
    page = window.delivery
    click(qtbot, page.grid, month_cell(page, THIRD, "actual", SEP))
    keys(qtbot, "1234")
    press(qtbot, Key.Key_Return)
    click(qtbot, page.grid, month_cell(page, THIRD, "actual", SEP))
    qtbot.keyClick(page.grid, Key.Key_Delete)
    assert stored(page, THIRD, SEP, "actual") is None
    click(qtbot, page.grid, month_cell(page, THIRD, "actual", 2))
    qtbot.keyClick(page.grid, Key.Key_Delete)
    assert stored(page, THIRD, 2, "actual") == DELIVERED_MONTH
    assert "Jun 16 is closed and keeps an actual" in page.feedback.text()


def test_copy_gives_the_exact_figures_for_excel(window, qtbot):
    page = window.delivery
    click(qtbot, page.grid, month_cell(page, THIRD, "actual", 0))
    qtbot.mouseClick(page.grid.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ShiftModifier,
                     page.grid.visualRect(month_cell(page, THIRD, "actual", 1)).center())
    qtbot.keyClick(page.grid, Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "53333.34\t53333.34\n"


def test_a_plan_edit_elsewhere_moves_the_derived_rag(window, qtbot):
    """The RAG reads the scheme's confidence from the plan: lowering it below 25% in the
    schemes table makes the scheme red here."""
    from workbench.domain.edits import EntityKind, SetField

    page = window.delivery
    scheme = next(s for s in window.controller.plan.schemes if s.id == 1)
    window.controller.push(SetField(EntityKind.SCHEME, 1, "confidence", scheme.confidence,
                                    Decimal("0.2")))
    assert page.ledger.results.positions[1].derived_rag is Rag.RED
    assert grid_cell(page, 1, "plan", RAG).data() == "Red"


def test_the_page_before_the_year_is_started(tmp_path, qtbot, monkeypatch):
    store, plan = open_plan(str(tmp_path / "fresh.db"))
    win = MainWindow(PlanController(plan, store), store_label="fresh.db")
    qtbot.addWidget(win)
    win.show()
    menu_action(win, "In-year &delivery").trigger()
    page = win.delivery
    assert page.stack.currentIndex() == 0 and page.start_button.isVisible()
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentIndex() == 1
    assert page.close_button.text() == "Close Apr 16…"
    assert page.model.rowCount() == 3 * (len(plan.schemes) + 1)


def test_typing_one_month_of_a_run_rate_forecast_keeps_the_other_months(window, qtbot):
    """Run rate: every open month at the average actual so far (53,333.34). Typing October
    turns the scheme Manual with the other open months held at 53,333.34, not reset to
    the plan's 66,666.67."""
    page = window.delivery
    ledger = page.ledger.ledger
    page.ledger.push(set_tracking(ledger, THIRD, "method", ForecastMethod.RUN_RATE))
    run_rate = 5 * DELIVERED_MONTH + 7 * DELIVERED_MONTH  # 640,000.08
    assert outturn(page) == run_rate
    click(qtbot, page.grid, month_cell(page, THIRD, "forecast", OCT))
    keys(qtbot, "0")
    press(qtbot, Key.Key_Return)
    assert page.ledger.ledger.tracking[THIRD].method is ForecastMethod.MANUAL
    assert outturn(page) == run_rate - DELIVERED_MONTH
    assert [stored(page, THIRD, m, "forecast") for m in (SEP, OCT, 11)] == \
        [DELIVERED_MONTH, Decimal(0), DELIVERED_MONTH]


def test_a_month_closed_by_someone_else_shows_when_the_plan_reloads(window, tmp_path):
    """A colleague closes September on the same file; the window's poll reloads the plan,
    and the ledger with it."""
    from workbench.store import open_store

    page = window.delivery
    other = LedgerStore(open_store(str(tmp_path / "plan.db")))
    ledger = other.load()
    other.close_month(ledger, "2016-09", {(s, p): Decimal(1000) for s in ledger.scheme_ids()
                                          for p in ledger.parts_of(s)})
    assert window.guard.poll()
    assert page.ledger.ledger.closed_through == "2016-09"
    assert "closed through Sep 16" in page.heading.text()
    assert stored(page, THIRD, SEP, "actual") == Decimal(1000)


def test_edit_paste_from_the_menu_pastes_into_the_ledger(window, qtbot):
    page = window.delivery
    click(qtbot, page.grid, month_cell(page, THIRD, "actual", SEP))
    QGuiApplication.clipboard().setText("59,500\n")
    menu_action(window, "&Paste").trigger()
    assert stored(page, THIRD, SEP, "actual") == Decimal(59500)


def test_a_read_only_plan_shows_the_ledger_and_changes_nothing(tmp_path, qtbot):
    store, plan = start_ledger(tmp_path / "plan.db")
    store.read_only = True  # as a second copy of the app opens it
    win = MainWindow(PlanController(plan, store), store_label="plan.db")
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    menu_action(win, "In-year &delivery").trigger()
    page = win.delivery
    index = month_cell(page, THIRD, "actual", SEP)
    click(qtbot, page.grid, index)
    qtbot.keyClicks(page.grid, "5")
    assert not page.grid.is_editing()
    assert not page.close_button.isEnabled() and not page.import_button.isEnabled()
    click(qtbot, page.grid, month_cell(page, THIRD, "actual", 0))
    assert page.panel.scheme_id == THIRD
    assert not page.panel.method.isEnabled() and not page.panel.override.isEnabled()
    assert not page.panel.move_stage.isEnabled()
