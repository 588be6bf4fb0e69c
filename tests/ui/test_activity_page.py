"""The Activity page on a real store: typed months are kept and marked, Delete returns them
to the profile, a pasted block is one undo step, and the seed's 1,000 admissions avoided
are traced to the BCF scheme."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from workbench.domain.edits import EntityKind, SetField
from workbench.ui.tables.table_model import MARKED_BRUSH


@pytest.fixture
def window(window):
    """The main window (tests/ui/conftest.py) on its Activity page, first line selected."""
    window.go_to(EntityKind.ACTIVITY_LINE, window.controller.plan.activity_lines[0].id)
    return window


def month_column(model, label):
    return [c.header for c in model.columns].index(label)


def test_headline_and_trace_come_from_the_engine(window):
    page = window.activity
    assert window.pages.currentWidget() is page
    assert "avoided: 1,000" in page.headline.text()
    assert "1.76% below" in page.headline.text() and "1.9% growth" in page.headline.text()
    assert "BCF" in page.trace.text() and "(1,000)" in page.trace.text()


def test_typed_month_is_stored_marked_charted_and_survives_recalculation(window):
    page, ctl = window.activity, window.controller
    model = page.table.model
    jul = month_column(model, "Jul")
    index = model.index(0, jul)
    assert model.setData(index, "4,800")
    line = ctl.plan.activity_lines[0]
    assert line.overrides == {3: Decimal(4800)}
    assert ctl.store.load_plan().activity_lines[0].overrides == {3: Decimal(4800)}
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) == MARKED_BRUSH
    assert "Typed by you" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert page.chart.series()["plan"][3] == 4800
    assert list(page.chart.series()["typed"]) == [4800]
    # a driver edit recalculates every month; the typed one stays
    growth = month_column(model, "Growth")
    before_aug = page.chart.series()["plan"][4]
    assert model.setData(model.index(0, growth), "5%")
    assert page.chart.series()["plan"][3] == 4800
    assert page.chart.series()["plan"][4] > before_aug


def test_delete_on_typed_months_returns_them_to_the_profile(window, qtbot):
    page, ctl = window.activity, window.controller
    model, view = page.table.model, page.table.view
    jul = month_column(model, "Jul")
    assert model.paste_block([0], jul, "4800\t4900\n")
    profile = ctl.results.activity.profiled.loc[ctl.plan.activity_lines[0].id]
    selection = view.selectionModel()
    selection.clearSelection()
    for col in (jul, jul + 1):
        selection.select(page.table.proxy.index(0, col), selection.SelectionFlag.Select)
    page.table.delete_selected()
    assert ctl.plan.activity_lines[0].overrides == {}
    assert len(ctl.plan.activity_lines) == 11  # the line itself is still there
    assert page.chart.series()["plan"][3] == pytest.approx(profile[3])
    ctl.undo_stack.undo()
    assert ctl.plan.activity_lines[0].overrides == {3: Decimal(4800), 4: Decimal(4900)}


def test_paste_of_a_block_is_one_undo_step_and_bad_cells_apply_nothing(window):
    page, ctl = window.activity, window.controller
    model = page.table.model
    apr = month_column(model, "Apr")
    steps = ctl.undo_stack.count()
    assert model.paste_block([0, 1], apr, "4,500\t4,600\n12,000\t12,100\n")
    assert ctl.undo_stack.count() == steps + 1
    assert ctl.plan.activity_lines[1].overrides == {0: Decimal(12000), 1: Decimal(12100)}
    messages = []
    model.input_rejected.connect(messages.append)
    assert not model.paste_block([2], apr, "13000\tlots\n")
    assert ctl.plan.activity_lines[2].overrides == {}
    assert "row 3" in messages[0] and "May is a number" in messages[0]
    assert "read 'lots'" in messages[0]
    ctl.undo_stack.undo()
    assert ctl.plan.activity_lines[0].overrides == {} and ctl.plan.activity_lines[1].overrides == {}


def test_scheme_impact_edit_moves_the_headline(window):
    schemes = window.tables[EntityKind.SCHEME].model
    ctl = window.controller
    row = next(i for i, s in enumerate(ctl.plan.schemes) if s.activity_impact)
    col = [c.header for c in schemes.columns].index("Activity impact")
    assert schemes.setData(schemes.index(row, col), "1500")
    assert "avoided: 1,500" in window.activity.headline.text()


def test_deleting_a_linked_scheme_unlinks_it_from_activity_lines(window):
    ctl = window.controller
    scheme = next(s for s in ctl.plan.schemes if s.activity_impact)
    line = ctl.plan.activity_lines[3]
    assert ctl.push(SetField(EntityKind.ACTIVITY_LINE, line.id, "scheme_ids", (), (scheme.id,)))
    schemes = window.tables[EntityKind.SCHEME].model
    assert schemes.delete_rows([ctl.plan.schemes.index(scheme)])
    assert ctl.plan.activity_lines[3].scheme_ids == ()
    assert ctl.store.load_plan().activity_lines[3].scheme_ids == ()
    ctl.undo_stack.undo()
    assert ctl.plan.activity_lines[3].scheme_ids == (scheme.id,)
