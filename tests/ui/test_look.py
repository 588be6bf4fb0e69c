"""The look's sort arrow: up for an ascending sort, as in Excel and Windows Explorer (Qt's
Fusion style draws it the macOS way round), read off the header as painted after real
clicks on it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTabBar

from tests.ui.test_large_tables import click_header
from tests.ui.test_typing_tables import cell, column
from tests.ui.test_window_fit import on_a_laptop
from workbench.domain.edits import EntityKind
from workbench.ui import style
from workbench.ui.launcher import open_plan
from workbench.ui.look import apply_nhs_look
from workbench.ui.main_window import MainWindow
from workbench.ui.plan_controller import PlanController

ARROW = QColor(style.NHS_DARK_GREY)


def arrow_widths(panel, header_text: str) -> list[int]:
    """The sort arrow's width in each pixel row, top to bottom (its colour, in the
    section's right-hand end, where the arrow is drawn)."""
    header = panel.view.horizontalHeader()
    c = column(panel, header_text)
    image = header.grab().toImage()
    right = header.sectionViewportPosition(c) + header.sectionSize(c)
    widths = []
    for y in range(image.height()):
        row = [image.pixelColor(x, y) for x in range(max(right - 18, 0), right)]
        widths.append(sum(1 for p in row if abs(p.red() - ARROW.red()) < 12
                          and abs(p.green() - ARROW.green()) < 12
                          and abs(p.blue() - ARROW.blue()) < 12))
    return [w for w in widths if w]


@pytest.fixture
def nhs_look(qapp):
    """The app's look for one test (the tests' application is shared: put back after)."""
    sheet, palette, style_name = qapp.styleSheet(), qapp.palette(), qapp.style().name()
    apply_nhs_look(qapp)
    yield
    qapp.setStyle(style_name)
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)


def test_the_sort_arrow_points_up_for_an_ascending_sort(nhs_look, window, qtbot):
    window.show_page(window.splitter)
    qtbot.waitExposed(window)
    panel = window.tables[EntityKind.SCHEME]
    click_header(qtbot, panel, "Gross saving")
    assert panel.proxy.sortOrder() == Qt.SortOrder.AscendingOrder
    qtbot.wait(20)
    up = arrow_widths(panel, "Gross saving")
    assert len(up) >= 3 and up == sorted(up) and up[0] < up[-1], up  # narrow at the top
    click_header(qtbot, panel, "Gross saving")
    assert panel.proxy.sortOrder() == Qt.SortOrder.DescendingOrder
    qtbot.wait(20)
    down = arrow_widths(panel, "Gross saving")
    assert len(down) >= 3 and down == sorted(down, reverse=True) and down[0] > down[-1], down


def test_a_sort_is_not_claimed_by_a_reopened_table(nhs_look, window, qtbot, tmp_path):
    """The header's saved state brings back widths and columns; the rows open in the plan's
    order, so the header shows no sort arrow (it once showed the last sort's)."""
    window.show_page(window.splitter)
    qtbot.waitExposed(window)
    panel = window.tables[EntityKind.SCHEME]
    click_header(qtbot, panel, "Gross saving")
    qtbot.wait(20)
    assert arrow_widths(panel, "Gross saving")
    window.close()  # saves the header's state

    store, plan = open_plan(str(tmp_path / "plan.db"))
    again = MainWindow(PlanController(plan, store), store_label="plan.db")
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    panel = again.tables[EntityKind.SCHEME]
    qtbot.wait(20)
    assert panel.view.horizontalHeader().sortIndicatorSection() == -1
    assert arrow_widths(panel, "Gross saving") == []
    names = [cell(panel, r, "Scheme").data() for r in range(panel.proxy.rowCount())]
    assert names == [s.name for s in plan.schemes]  # the plan's order
    again.close()
    store.engine.dispose()


def test_the_side_tabs_show_their_whole_names_for_a_later_year_on_a_laptop(
        nhs_look, tmp_path, qtbot, monkeypatch):
    """At 1366x768 with 2017/18 picked in the plan-year box, the tabs under the summary
    read "Summary 2017/18", "Drivers" and "Checks" whole (Fusion's padding cut them to
    "Driv…" and "Che…")."""
    window = on_a_laptop(tmp_path, qtbot, monkeypatch, "Finance and savings")
    combo = window.years.selector.combo
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    popup = combo.view()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.summary_dock.windowTitle() == "Summary 2017/18")
    qtbot.wait(20)
    bars = [b for b in window.findChildren(QTabBar) if b.parent() is window and b.isVisible()]
    tabs = {b.tabText(i): (b.tabRect(i).width(), b.tabSizeHint(i).width())
            for b in bars for i in range(b.count())}
    assert {"Summary 2017/18", "Drivers", "Checks"} <= set(tabs), tabs
    assert all(shown >= needed for shown, needed in tabs.values()), tabs
    window.close()
