"""The first window fits the screen it opens on, at 100%, 125% and 150% display scaling."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont

from workbench.domain.edits import EntityKind
from workbench.ui.launcher import open_plan
from workbench.ui.main_window import MainWindow
from workbench.ui.plan_controller import PlanController

# Physical screens with a 40-pixel task bar, and the logical size Qt gives at each scaling.
SCREENS = [(1366, 768, 1.0), (1600, 1000, 1.0), (1920, 1080, 1.25), (1920, 1080, 1.5),
           (1366, 768, 1.25)]


def _logical(width: int, height: int, scale: float) -> QRect:
    return QRect(0, 0, int(width / scale), int((height - 40) / scale))


@pytest.mark.parametrize(("width", "height", "scale"), SCREENS)
def test_window_opens_within_the_available_screen(tmp_path, qtbot, monkeypatch,
                                                  width, height, scale):
    area = _logical(width, height, scale)
    monkeypatch.setattr("workbench.ui.main_window.available_geometry", lambda _w: area)
    store, plan = open_plan(str(tmp_path / "plan.db"))
    window = MainWindow(PlanController(plan, store), store_label="plan.db")
    qtbot.addWidget(window)
    window.show()
    assert window.width() <= area.width() and window.height() <= area.height()
    # every page built and shown in turn (the charts and two pages are built late)
    assert window.charts is not None and window.trajectories is not None
    window.setWindowState(Qt.WindowState.WindowNoState)  # offscreen: maximised is 800 px
    window.resize(area.size())
    for index in range(window.pages.count()):
        window.pages.setCurrentIndex(index)
        page = window.pages.tabText(index)
        assert window.minimumSizeHint().width() <= area.width(), page
        assert window.minimumSizeHint().height() <= area.height(), page
        # the summary's figures stay in view beside the page, not behind a scroll bar
        summary = window.summary
        qtbot.wait(20)
        assert summary.widget().minimumSizeHint().width() <= summary.viewport().width(), (
            page, window.summary_dock.width(), window.width(), window.centralWidget().width())
    assert window.statusBar().isVisible()
    bar = window.statusBar().geometry()
    assert window.rect().contains(bar), "the status bar is inside the window"
    # its text gives way rather than widening the window
    assert window.statusBar().minimumSizeHint().width() < area.width() // 2
    window.close()


def test_a_remembered_size_larger_than_this_screen_is_not_kept(tmp_path, qtbot, monkeypatch):
    """Saved on a big monitor, opened on a laptop at 150%: the window still fits."""
    store, plan = open_plan(str(tmp_path / "plan.db"))
    big = QRect(0, 0, 2560, 1400)
    monkeypatch.setattr("workbench.ui.main_window.available_geometry", lambda _w: big)
    first = MainWindow(PlanController(plan, store), store_label="plan.db")
    qtbot.addWidget(first)
    first.show()
    first.resize(2400, 1300)
    first.close()  # remembers the layout
    small = _logical(1920, 1080, 1.5)
    monkeypatch.setattr("workbench.ui.main_window.available_geometry", lambda _w: small)
    second = MainWindow(PlanController(plan, store), store_label="plan.db")
    qtbot.addWidget(second)
    second.show()
    assert second.width() <= small.width() and second.height() <= small.height()


def test_charts_use_the_application_font_family(window):
    family = QFont().family()
    for plot in (window.charts.workstreams.by_ws, window.charts.workstreams.by_status):
        assert plot.getAxis("left").style["tickFont"].family() == family


def test_charts_fit_their_pane_on_a_laptop_and_name_every_colour(tmp_path, qtbot, monkeypatch):

    area = _logical(1366, 768, 1.0)
    monkeypatch.setattr("workbench.ui.main_window.available_geometry", lambda _w: area)
    store, plan = open_plan(str(tmp_path / "plan.db"))
    window = MainWindow(PlanController(plan, store), store_label="plan.db")
    qtbot.addWidget(window)
    window.show()
    charts = window.charts
    minimum = Qt.SizeHint.MinimumSize
    for scene_root, widget in ((charts.workstreams.ci, charts.workstreams),
                               (charts.savings.getPlotItem(), charts.savings),
                               (charts.risks.getPlotItem(), charts.risks)):
        assert scene_root.effectiveSizeHint(minimum).width() <= widget.width(), widget
    key = charts.risks.getPlotItem().getAxis("bottom").labelText
    for words in ("covered by reserves", "net of reserves", "selected risk"):
        assert words in key
    names = {label.text for _sample, label in charts.savings.legend.items}
    assert {"Requirement", "Planned", "Risk-adjusted", "Gap", "Selected"} <= names
    key = charts.workstreams.by_status.titleLabel.text
    for word in ("identified", "earmarked", "gap"):
        assert word in key


def on_a_laptop(tmp_path, qtbot, monkeypatch, page: str) -> MainWindow:
    """The window at 1366x768 (less a task bar), on `page`, picked with the mouse on its
    tab."""
    area = _logical(1366, 768, 1.0)
    monkeypatch.setattr("workbench.ui.main_window.available_geometry", lambda _w: area)
    store, plan = open_plan(str(tmp_path / "plan.db"))
    window = MainWindow(PlanController(plan, store), store_label="plan.db")
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(area.size())
    window.show()
    qtbot.waitExposed(window)
    bar = window.pages.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == page)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    qtbot.waitUntil(lambda: window.pages.currentIndex() == index)
    qtbot.wait(20)
    return window


def test_trajectories_list_shows_several_rows_on_a_laptop_screen(tmp_path, qtbot, monkeypatch):
    """At 1366x768 (less a task bar) the Trajectories page lists at least six metrics
    above the periods grid, picked with the mouse on the page's tab."""
    window = on_a_laptop(tmp_path, qtbot, monkeypatch, "Trajectories")
    table = window.trajectories.table
    assert table.model().rowCount() >= 6
    rows_in_view = table.viewport().height() // table.rowHeight(0)
    assert rows_in_view >= 6, rows_in_view
    periods = window.trajectories.periods_panel
    assert periods.height() >= 200, periods.height()
    window.close()


def test_activity_chart_legend_shows_every_entry_on_a_laptop_screen(tmp_path, qtbot,
                                                                    monkeypatch):
    """At 1366x768 the Activity chart's legend wraps onto a second row rather than run
    past the plot's edge ("Typed by yo..."): every entry within the plot."""
    window = on_a_laptop(tmp_path, qtbot, monkeypatch, "Activity")
    chart = window.activity.chart
    plot_area = chart.getPlotItem().vb.sceneBoundingRect()
    legend = chart.getPlotItem().legend
    labels = [label.text for _sample, label in legend.items]
    assert labels == ["Last year", "Profiled plan", "Plan", "Typed by you", "Actual"]
    for _sample, label in legend.items:
        assert plot_area.contains(label.sceneBoundingRect()), label.text
    assert legend.columnCount < len(labels)  # wrapped at this width
    window.resize(1900, 1000)  # a wide screen: one row again
    qtbot.waitUntil(lambda: legend.columnCount == len(labels))
    window.close()



def test_the_phasing_grid_keeps_one_height_and_leaves_the_schemes_table_the_room(
        tmp_path, qtbot, monkeypatch):
    """At 1366x768 with no scheme selected the phasing grid is its header and one row
    (it once took a third of the height, empty), and selecting a scheme with the mouse does
    not move the table's bottom edge."""
    window = on_a_laptop(tmp_path, qtbot, monkeypatch, "Finance and savings")
    panel = window.tables[EntityKind.SCHEME]
    view = panel.view
    before = (window.phasing.height(), view.viewport().height())
    assert before[0] < 120, before
    assert view.viewport().height() // view.rowHeight(0) >= 14  # rows of table in view
    index = panel.proxy.index(0, 0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())
    qtbot.waitUntil(lambda: window.phasing.model.scheme is not None)
    qtbot.wait(20)
    assert (window.phasing.height(), view.viewport().height()) == before
    window.close()
