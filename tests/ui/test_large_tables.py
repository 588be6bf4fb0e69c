"""A plan of 2,000 schemes driven through real input: what a user relies on covers every
row, not only those read so far (the totals row reads its column when first asked; rows
far below the first screen are reached by keys, the filter, a sort, the Checks panel)."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from benchmarks.large_plan import large_plan
from tests.ui.test_typing_tables import cell, click, column, press, type_over
from workbench.domain.edits import EntityKind
from workbench.store.opening import open_store
from workbench.ui.main_window import MainWindow
from workbench.ui.plan_controller import PlanController
from workbench.ui.tables.parsing import format_money

Key = Qt.Key
Mod = Qt.KeyboardModifier


@pytest.fixture(scope="module")
def large_db(tmp_path_factory):
    """The benchmark plan at full size; its last scheme has no workstream (a Checks
    warning pointing at the table's last row)."""
    plan = large_plan(scale=1)
    plan.schemes[-1].workstream_id = None
    path = tmp_path_factory.mktemp("large") / "large.db"
    store = open_store(path, create=True)
    store.save_new_plan(plan)
    store.engine.dispose()
    return path


@pytest.fixture
def large_window(large_db, tmp_path, qtbot, monkeypatch):
    monkeypatch.setattr("workbench.ui.main_window.QMessageBox.warning", lambda *a, **k: None)
    db = tmp_path / "large.db"
    shutil.copyfile(large_db, db)
    store = open_store(db)
    win = MainWindow(PlanController(store.load_plan(), store), store_label=db.name)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    store.engine.dispose()


def schemes_panel(window):
    window.tabs.setCurrentIndex(1)
    return window.tables[EntityKind.SCHEME]


def last_row_is_shown(view) -> bool:
    rect = view.visualRect(view.currentIndex())
    return view.viewport().rect().contains(rect.center())


def test_ctrl_end_reaches_the_last_of_two_thousand_rows(large_window, qtbot):
    panel = schemes_panel(large_window)
    schemes = large_window.controller.plan.schemes
    assert len(schemes) == 2000
    click(qtbot, panel.view, cell(panel, 0, "Scheme"))
    press(qtbot, Key.Key_End, Mod.ControlModifier)
    current = panel.view.currentIndex()
    assert current.row() == panel.proxy.rowCount() - 1 == len(schemes) - 1
    assert panel.model.rows[panel.proxy.mapToSource(current).row()] is schemes[-1]
    assert last_row_is_shown(panel.view)
    bar = panel.view.verticalScrollBar()
    assert bar.value() == bar.maximum() > 0


def test_totals_row_adds_up_every_row_and_follows_the_filter_box(large_window, qtbot):
    panel = schemes_panel(large_window)
    schemes = large_window.controller.plan.schemes
    totals = panel.totals.model()
    gross = column(panel, "Gross saving")
    assert totals.index(0, gross).data() == format_money(sum(s.gross_saving for s in schemes))
    assert totals.index(0, 0).data() == "Total (2000)"
    panel.filter.setFocus()
    qtbot.keyClicks(panel.filter, "Scheme 19")  # Scheme 1900 to Scheme 1999: the last rows
    shown = [s for s in schemes if "scheme 19" in s.name.lower()]
    assert len(shown) == 100
    assert panel.proxy.rowCount() == 100
    assert panel.count.text() == "100 of 2000"
    assert totals.index(0, gross).data() == format_money(sum(s.gross_saving for s in shown))
    assert totals.index(0, 0).data() == "Total of 100 shown"
    panel.filter.clear()
    assert totals.index(0, gross).data() == format_money(sum(s.gross_saving for s in schemes))


def test_the_risks_totals_read_on_first_show_match_the_plan(large_window, qtbot):
    """The Risks table is off screen at start-up; its totals are right when it is shown."""
    risks = large_window.tables[EntityKind.RISK]
    large_window.tabs.setCurrentIndex(2)
    qtbot.waitUntil(risks.totals.isVisible)
    totals = risks.totals.model()
    checked = 0
    for c, spec in enumerate(risks.model.columns):
        if totals.totalled(c):
            every = sum(float(spec.value(r, large_window.controller))
                        for r in large_window.controller.plan.risks)
            assert totals.value(c) == pytest.approx(every)
            checked += 1
    assert checked and totals.index(0, 0).data() == "Total (500)"


def test_header_clicks_sort_every_row(large_window, qtbot):
    panel = schemes_panel(large_window)
    schemes = large_window.controller.plan.schemes
    gross = column(panel, "Gross saving")
    header = panel.view.horizontalHeader()
    panel.view.scrollTo(cell(panel, 0, "Gross saving"))  # its header on screen
    x = header.sectionViewportPosition(gross) + header.sectionSize(gross) // 2
    at = header.rect().center()
    at.setX(x)
    values = sorted((s.gross_saving for s in schemes), reverse=True)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert panel.proxy.sortColumn() == gross
    assert cell(panel, 0, "Gross saving").data() == format_money(values[-1])
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # a second click, not a double
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)  # descending
    assert panel.proxy.sortOrder() == Qt.SortOrder.DescendingOrder
    assert cell(panel, 0, "Gross saving").data() == format_money(values[0])
    click(qtbot, panel.view, cell(panel, 0, "Gross saving"))
    press(qtbot, Key.Key_End, Mod.ControlModifier)
    last = panel.view.currentIndex().row()
    assert last == len(schemes) - 1
    assert cell(panel, last, "Gross saving").data() == format_money(values[-1])


def test_selection_stats_add_up_a_column_down_to_the_last_row(large_window, qtbot):
    panel = schemes_panel(large_window)
    schemes = large_window.controller.plan.schemes
    click(qtbot, panel.view, cell(panel, 0, "Gross saving"))
    index = cell(panel, len(schemes) - 1, "Gross saving")
    panel.view.scrollTo(index)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, Mod.ShiftModifier,
                     panel.view.visualRect(index).center())
    text = large_window.selection_stats.text()
    assert "Count 2000" in text
    assert f"Sum {format_money(sum(s.gross_saving for s in schemes))}" in text


def test_a_check_on_the_last_scheme_goes_to_its_row(large_window, qtbot):
    schemes_panel(large_window)
    panel = large_window.tables[EntityKind.SCHEME]
    last = large_window.controller.plan.schemes[-1]
    large_window.checks_dock.show()
    large_window.checks_dock.raise_()
    tree = large_window.checks.tree
    qtbot.waitUntil(tree.isVisible)
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    item = next(i for i in items if last.name in i.text(1) and "workstream" in i.text(1))
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    current = panel.view.currentIndex()
    assert panel.model.rows[panel.proxy.mapToSource(current).row()] is last
    assert last_row_is_shown(panel.view)


def test_paste_at_the_last_row_overwrites_it_and_adds_the_rest(large_window, qtbot):
    panel = schemes_panel(large_window)
    schemes = large_window.controller.plan.schemes
    click(qtbot, panel.view, cell(panel, 0, "Scheme"))
    press(qtbot, Key.Key_End, Mod.ControlModifier)
    click(qtbot, panel.view, cell(panel, panel.view.currentIndex().row(), "Scheme"))
    QGuiApplication.clipboard().setText("Pasted last\nPasted new\n")
    press(qtbot, Key.Key_V, Mod.ControlModifier)
    assert len(schemes) == 2001
    assert schemes[-2].name == "Pasted last"
    assert schemes[-1].name == "Pasted new"
    totals = panel.totals.model()
    assert totals.index(0, 0).data() == "Total (2001)"
    gross = column(panel, "Gross saving")
    assert totals.value(gross) == pytest.approx(float(sum(s.gross_saving for s in schemes)))


def click_header(qtbot, panel, header_text: str) -> None:
    c = column(panel, header_text)
    header = panel.view.horizontalHeader()
    panel.view.scrollTo(cell(panel, 0, header_text))  # its header on screen
    at = header.rect().center()
    at.setX(header.sectionViewportPosition(c) + header.sectionSize(c) // 2)
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # a click, not a double
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)


def test_the_activity_table_sorts_by_an_engine_figure(large_window, qtbot):
    """'Planned' is the engine's figure (a numpy number): sorting by it once crashed."""
    large_window.show_page(large_window.activity)
    panel = large_window.activity.table
    results = large_window.controller.results.activity.figures
    year = large_window.activity.year  # the page shows the plan year's lines
    planned = sorted(float(results.at[x.id, "planned"])
                     for x in large_window.controller.plan.activity_lines if x.year == year)
    assert len(planned) > 100
    total = panel.totals.model().value(column(panel, "Planned"))
    click_header(qtbot, panel, "Planned")
    shown = [cell(panel, r, "Planned").data(Qt.ItemDataRole.UserRole + 1)
             for r in range(panel.proxy.rowCount())]
    assert shown == planned
    click_header(qtbot, panel, "Planned")
    assert cell(panel, 0, "Planned").data(Qt.ItemDataRole.UserRole + 1) == planned[-1]
    assert panel.totals.model().value(column(panel, "Planned")) == pytest.approx(total)


def test_a_sorted_table_filters_in_its_order_and_finds_what_was_just_typed(large_window,
                                                                            qtbot):
    panel = schemes_panel(large_window)
    schemes = large_window.controller.plan.schemes
    click_header(qtbot, panel, "Gross saving")  # up; the whole column selected
    assert panel.view.selectionModel().isColumnSelected(column(panel, "Gross saving"))
    assert large_window.selection_stats.text().startswith(
        f"Sum {format_money(sum(s.gross_saving for s in schemes))}")
    first = panel.model.rows[panel.proxy.mapToSource(panel.proxy.index(0, 0)).row()]
    place = [s.id for s in schemes].index(first.id) + 1
    assert panel.proxy.headerData(0, Qt.Orientation.Vertical) == place  # its plan row
    panel.filter.setFocus()
    qtbot.keyClicks(panel.filter, "Scheme 19")
    shown = [s for s in schemes if "scheme 19" in s.name.lower()]
    values = [cell(panel, r, "Gross saving").data() for r in range(panel.proxy.rowCount())]
    assert values == [format_money(v) for v in sorted(s.gross_saving for s in shown)]
    totals = panel.totals.model()
    gross = column(panel, "Gross saving")
    assert totals.value(gross) == pytest.approx(float(sum(s.gross_saving for s in shown)))
    panel.filter.clear()
    row = next(r for r in range(panel.proxy.rowCount())  # one the filter left out
               if "scheme 19" not in cell(panel, r, "Scheme").data().lower())
    type_over(qtbot, panel, row, "Scheme", "Scheme 19 renamed")
    renamed = next(s for s in schemes if s.name == "Scheme 19 renamed")
    qtbot.keyClicks(panel.filter, "Scheme 19")  # the texts searched know the new name
    assert panel.proxy.rowCount() == 101
    ids = [panel.model.rows[panel.proxy.mapToSource(panel.proxy.index(r, 0)).row()].id
           for r in range(panel.proxy.rowCount())]
    assert renamed.id in ids
    assert totals.value(gross) == pytest.approx(
        float(sum(s.gross_saving for s in schemes if "scheme 19" in s.name.lower())))
    panel.filter.clear()
    assert totals.value(gross) == pytest.approx(float(sum(s.gross_saving for s in schemes)))


def test_the_filter_box_makes_its_row_texts_while_idle_and_forgets_them_on_an_edit(
        large_window, qtbot, monkeypatch):
    """A click into the filter box makes each row's searchable text between events, so the
    first keystroke only searches; an edit forgets them (they are made afresh), and the
    filter then finds the edited text."""
    panel = schemes_panel(large_window)
    proxy = panel.proxy
    made: list[int] = []  # rows made per call of _texts_of
    texts_of = type(proxy)._texts_of
    monkeypatch.setattr(type(proxy), "_texts_of",
                        lambda self, start, end: made.append(end - start)
                        or texts_of(self, start, end))
    qtbot.mouseClick(panel.filter, Qt.MouseButton.LeftButton)
    assert panel.filter.hasFocus()
    QApplication.processEvents()  # a first step, before any key
    assert sum(made) > 0
    # an edit meanwhile (rename a row made already) forgets what was made
    type_over(qtbot, panel, 0, "Scheme", "Renamed while warming")
    qtbot.mouseClick(panel.filter, Qt.MouseButton.LeftButton)
    made.clear()
    qtbot.waitUntil(lambda: sum(made) >= len(panel.model.rows))
    made.clear()
    qtbot.keyClicks(panel.filter, "renamed while")
    assert made == []  # the keystrokes only searched
    assert proxy.rowCount() == 1
    assert cell(panel, 0, "Scheme").data() == "Renamed while warming"
    panel.filter.clear()
