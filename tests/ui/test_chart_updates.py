"""Charts repaint only what an edit changed: steady axis ranges, identical figures skipped,
axes painted from their cache exactly as they would be drawn afresh."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGraphicsItem, QLineEdit

from benchmarks.gui_edits import PaintCounter
from workbench.domain.edits import EntityKind
from workbench.ui.charts.axes import ZERO_MARGIN, SteadyRange, nice_ceiling


def paints(**widgets) -> PaintCounter:
    """Paint events counted on each named widget."""
    counter = PaintCounter()
    for name, widget in widgets.items():
        counter.watch(name, widget)
    return counter


def type_into_cell(qtbot, panel, header: str, row: int, text: str) -> None:
    """Click a cell, F2, type, Return: as a user edits it."""
    view, model = panel.view, panel.view.model()
    column = next(c for c in range(model.columnCount())
                  if model.headerData(c, Qt.Orientation.Horizontal) == header)
    index = model.index(row, column)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def settle(qtbot) -> None:
    """Let layout and paints queued so far (a chart just built lays out twice) finish."""
    for _ in range(6):
        QApplication.processEvents()
        qtbot.wait(25)


def test_nice_ceiling_rounds_up_to_a_round_figure():
    assert nice_ceiling(21.3) == 25
    assert nice_ceiling(25) == 25
    assert nice_ceiling(0.042) == pytest.approx(0.05)
    assert nice_ceiling(101) == 120


def test_steady_range_holds_for_small_moves_and_follows_big_ones():
    steady = SteadyRange()
    assert steady.fit(0, 20) == (0.0, 25.0)
    assert steady.fit(0, 21) is None  # still inside, well used: the axis stays
    assert steady.fit(0, 13) is None
    assert steady.fit(0, 26) == (0.0, 30.0)  # left the range: it grows
    assert steady.fit(0, 9) == (0.0, 12.0)  # uses less than half: it shrinks
    assert steady.fit(-3, 9) == (-4.0, 12.0)  # below zero too
    assert steady.fit(0, 0) == (0.0, 0.1)


def test_a_scheme_edit_repaints_the_savings_chart_but_not_the_risk_chart(window, qtbot):
    charts = window.charts
    settle(qtbot)
    painted = paints(savings=charts.savings.viewport(), risks=charts.risks.viewport())
    exposure = charts.risks.series()["exposure"].copy()
    panel = window.tables[EntityKind.SCHEME]
    type_into_cell(qtbot, panel, "Gross saving", 0, "2500000")
    settle(qtbot)
    results = window.controller.results
    assert charts.savings.series()["planned_cum"][-1] == pytest.approx(
        results.savings_monthly["planned_cum"].iloc[-1] / 1e6)
    assert painted.count["savings"] >= 1
    assert painted.count["risks"] == 0  # the risk figures are as they were: nothing to repaint
    assert (charts.risks.series()["exposure"] == exposure).all()


def test_a_risk_edit_repaints_the_risk_chart_with_the_new_figures(window, qtbot):
    charts = window.charts
    window.tabs.setCurrentIndex(2)
    settle(qtbot)
    painted = paints(risks=charts.risks.viewport())
    before = charts.risks.series()["exposure"].copy()
    panel = window.tables[EntityKind.RISK]
    risk = panel.model.rows[panel.proxy.mapToSource(panel.proxy.index(0, 0)).row()]
    type_into_cell(qtbot, panel, "Likelihood", 0, str(risk.likelihood % 5 + 1))
    settle(qtbot)
    s = window.controller.results.summary
    drawn = charts.risks.series()["exposure"]
    assert drawn[1] == pytest.approx(s.risks_weighted / 1e6)
    assert drawn[1] != pytest.approx(before[1])
    assert painted.count["risks"] >= 1


def test_a_small_edit_leaves_the_axis_and_a_big_one_moves_it(window, qtbot):
    box = window.charts.savings.getPlotItem().vb
    settle(qtbot)
    before = box.viewRange()[1]
    panel = window.tables[EntityKind.SCHEME]
    row = next(r for r in range(panel.proxy.rowCount())
               if panel.model.rows[panel.proxy.mapToSource(panel.proxy.index(r, 0)).row()]
               .status.value != "Unidentified")
    type_into_cell(qtbot, panel, "Gross saving", row, "2100000")
    settle(qtbot)
    assert box.viewRange()[1] == before
    type_into_cell(qtbot, panel, "Gross saving", row, "90000000")
    settle(qtbot)
    top = window.charts.savings.series()["planned_cum"].max()
    low, high = box.viewRange()[1]
    assert high > top > before[1]
    assert low == pytest.approx(-ZERO_MARGIN * high)  # a sliver under £0 for its label


def test_cached_axes_paint_what_fresh_axes_would(window, qtbot):
    window.resize(1600, 1000)  # a laptop's window, not the offscreen screen's 800 x 600
    panel = window.tables[EntityKind.SCHEME]
    type_into_cell(qtbot, panel, "Gross saving", 1, "4000000")
    settle(qtbot)
    chart = window.charts.savings
    cached = chart.grab().toImage()
    for name in ("left", "bottom"):
        axis = chart.getPlotItem().getAxis(name)
        assert axis.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache
        axis.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        axis.picture = None
    fresh = chart.grab().toImage()
    assert cached == fresh


def test_the_charts_scheme_to_workstream_lookup_is_made_again_only_when_it_can_change(
        window, qtbot):
    """A saving typed in keeps the lookup; a scheme moved to another workstream by typing,
    or a workstream renamed, makes it again, and the charts follow."""
    from tests.ui.test_typing_tables import type_over

    charts = window.charts
    window.go_to(EntityKind.SCHEME, None)
    schemes = window.tables[EntityKind.SCHEME]
    lookups = charts.lookups()
    type_over(qtbot, schemes, 0, "Gross saving", "3.2m")
    assert charts.lookups() is lookups
    scheme = schemes.model.rows[schemes.proxy.mapToSource(schemes.proxy.index(0, 0)).row()]
    type_over(qtbot, schemes, 0, "Workstream", "Mental Health Services")
    plan = window.controller.plan
    moved_to = next(w.id for w in plan.workstreams if w.name == "Mental Health Services")
    assert scheme.workstream_id == moved_to
    workstream_of, names = charts.lookups()
    assert workstream_of == {s.id: s.workstream_id for s in plan.schemes}
    assert names == {w.id: w.name for w in plan.workstreams}
    charts.highlight("scheme", scheme.id)
    assert charts.workstreams.highlighted_workstream() == moved_to
    window.go_to(EntityKind.WORKSTREAM, None)
    workstreams = window.tables[EntityKind.WORKSTREAM]
    type_over(qtbot, workstreams, 0, "Workstream", "Renamed workstream")
    assert "Renamed workstream" in charts.lookups()[1].values()
