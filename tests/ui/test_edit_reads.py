"""An edit typed into a large plan reads and repaints only what it changed: the table
models find the rows whose engine figures moved without reading every cell, the totals row
re-reads only the changed rows, and every figure shown still matches a fresh read."""

from __future__ import annotations

import dataclasses
import functools
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from benchmarks.large_plan import large_plan
from tests.ui.test_typing_tables import cell, click, column, keys, press, type_over
from workbench.domain.edits import EntityKind
from workbench.store.opening import open_store
from workbench.ui.main_window import MainWindow
from workbench.ui.plan_controller import PlanController
from workbench.ui.tables.table_model import SORT_ROLE

Key = Qt.Key


@pytest.fixture
def big_window(tmp_path, qtbot, monkeypatch):
    """The benchmark's plan at a tenth (200 schemes, 50 risks, 40 activity lines)."""
    monkeypatch.setattr("workbench.ui.main_window.QMessageBox.warning", lambda *a, **k: None)
    store = open_store(tmp_path / "big.db", create=True)
    store.save_new_plan(large_plan(scale="1/10"))
    win = MainWindow(PlanController(store.load_plan(), store), store_label="big.db")
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    store.engine.dispose()


def count_reads(model, monkeypatch) -> list[int]:
    """Wrap each column's getter with a counter (the wrapper keeps the getter's tags). It
    counts from the engine's new results until the last view has been told of them: what
    the views do with an edit, not a repaint (a slow store write lets the window paint)."""
    reads, counting = [0], [False]
    ctl = model.controller

    def counted(getter):
        @functools.wraps(getter)
        def read(row, ctl):
            reads[0] += counting[0]
            return getter(row, ctl)
        return read

    compute = ctl._engine.compute

    def compute_then_count(*args, **kwargs):
        results = compute(*args, **kwargs)
        counting[0] = True
        return results

    monkeypatch.setattr(ctl._engine, "compute", compute_then_count)
    ctl.results_changed.connect(lambda _r: counting.__setitem__(0, False))  # told last
    model.columns = [dataclasses.replace(s, value=counted(s.value)) for s in model.columns]
    return reads


def fresh_totals(panel) -> list[float | None]:
    """Each totalled column added up over the rows shown, read afresh cell by cell."""
    totals = panel.totals.model()
    out = []
    for c in range(panel.model.columnCount()):
        if not totals.totalled(c):
            out.append(None)
            continue
        values = [panel.proxy.index(r, c).data(SORT_ROLE) for r in range(panel.proxy.rowCount())]
        out.append(sum(float(v) for v in values if isinstance(v, (int, float))))
    return out


def shown_totals(panel) -> list[float | None]:
    totals = panel.totals.model()
    return [totals.value(c) for c in range(panel.model.columnCount())]


def test_a_typed_edit_reads_the_changed_row_not_the_whole_table(big_window, qtbot,
                                                                 monkeypatch):
    panel = big_window.tables[EntityKind.SCHEME]
    click(qtbot, panel.view, cell(panel, 3, "Gross saving"))
    reads = count_reads(panel.model, monkeypatch)
    keys(qtbot, "750000")
    press(qtbot, Key.Key_Return)
    assert big_window.controller.plan.schemes[3].gross_saving == Decimal(750000)
    # one row's totalled cells: not 200 rows' figures and totals (about 1,000 reads)
    assert 0 < reads[0] < 20
    assert shown_totals(panel) == pytest.approx(fresh_totals(panel))


def test_rows_whose_figures_moved_repaint_in_other_tables(big_window, qtbot):
    """A scheme's activity impact changes the scheme impact of the activity lines linked to
    it: those rows (and only rows whose figures moved) are repainted."""
    ctl = big_window.controller
    line = next(x for x in ctl.plan.activity_lines if x.scheme_ids)
    scheme_id = line.scheme_ids[0]
    activity = big_window.activity.table
    repainted: set[int] = set()
    activity.model.dataChanged.connect(
        lambda a, b, _roles=(): repainted.update(range(a.row(), b.row() + 1)))
    before = ctl.results.activity.figures["scheme_impact"].copy()
    panel = big_window.tables[EntityKind.SCHEME]
    big_window.show_page(big_window.splitter)
    row = next(r for r in range(panel.proxy.rowCount())
               if panel.model.rows[panel.proxy.mapToSource(panel.proxy.index(r, 0)).row()].id
               == scheme_id)
    scheme = ctl.plan.schemes[panel.proxy.mapToSource(panel.proxy.index(row, 0)).row()]
    type_over(qtbot, panel, row, "Activity impact", str(scheme.activity_impact + 500))
    after = ctl.results.activity.figures["scheme_impact"]
    moved = {i for i in after.index if after[i] != before.get(i)}
    assert line.id in moved
    want = {r for r, x in enumerate(activity.model.rows) if x.id in moved}
    assert repainted and want <= repainted
    impact = column(activity, "Scheme impact")
    for r, x in enumerate(activity.model.rows):
        shown = activity.model.index(r, impact).data(SORT_ROLE)
        assert shown == pytest.approx(after[x.id])


def test_totals_stay_true_through_edits_under_a_filter_and_a_sort(big_window, qtbot):
    panel = big_window.tables[EntityKind.SCHEME]
    qtbot.keyClicks(panel.filter, "a")
    panel.view.sort_by(column(panel, "Gross saving"), Qt.SortOrder.DescendingOrder)
    for row, text in ((0, "1200000"), (5, "3.5m"), (panel.proxy.rowCount() - 1, "0")):
        type_over(qtbot, panel, row, "Gross saving", text)
        assert shown_totals(panel) == pytest.approx(fresh_totals(panel))
    type_over(qtbot, panel, 2, "Status", "Earmarked")
    assert shown_totals(panel) == pytest.approx(fresh_totals(panel))
    panel.filter.clear()
    assert shown_totals(panel) == pytest.approx(fresh_totals(panel))
    risks = big_window.tables[EntityKind.RISK]
    big_window.tabs.setCurrentIndex(2)
    type_over(qtbot, risks, 1, "Likelihood", "5")
    assert shown_totals(risks) == pytest.approx(fresh_totals(risks))
