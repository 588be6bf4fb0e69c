"""Table models over the plan: roles, edits through the controller, paste, delete, undo."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from workbench.domain.edits import EntityKind
from workbench.ui.plan_controller import PlanController
from workbench.ui.tables.filter_proxy import PlanFilterProxy
from workbench.ui.tables.table_model import OBJECT_ROLE, SORT_ROLE, PlanTableModel, parse_tsv
from workbench.ui.tables.table_view import TablePanel

EDIT = Qt.ItemDataRole.EditRole
DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def controller(memory_plan, qtbot):
    plan, store = memory_plan
    return PlanController(plan, store)


def col(model: PlanTableModel, header: str) -> int:
    return [c.header for c in model.columns].index(header)


@pytest.mark.parametrize("kind", [EntityKind.WORKSTREAM, EntityKind.SCHEME, EntityKind.RISK])
def test_models_pass_qt_model_checks(controller, kind, qtmodeltester):
    qtmodeltester.check(PlanTableModel(controller, kind))


def test_scheme_roles(controller):
    model = PlanTableModel(controller, EntityKind.SCHEME)
    gross, conf, ws = col(model, "Gross saving"), col(model, "Confidence"), col(model, "Workstream")
    assert model.rowCount() == 11
    assert model.index(0, gross).data(DISPLAY) == "£1,200,000"
    assert model.index(0, gross).data(EDIT) == "1200000"
    assert model.index(0, gross).data(SORT_ROLE) == 1200000.0
    assert model.index(0, conf).data(DISPLAY) == "70%"
    assert model.index(0, ws).data(DISPLAY) == "Planned and Specialist Care"
    assert model.index(0, 0).data(OBJECT_ROLE) is controller.plan.schemes[0]
    adjusted = col(model, "Risk-adjusted")
    assert model.index(0, adjusted).data(DISPLAY) == "£840,000"
    assert not model.flags(model.index(0, adjusted)) & Qt.ItemFlag.ItemIsEditable


def test_edit_is_one_undoable_step_and_moves_the_engine(controller):
    model = PlanTableModel(controller, EntityKind.SCHEME)
    gross, adjusted = col(model, "Gross saving"), col(model, "Risk-adjusted")
    before = controller.results.summary.schemes_identified
    assert model.setData(model.index(0, gross), "1.5m")
    assert controller.plan.schemes[0].gross_saving == Decimal("1500000")
    assert controller.results.summary.schemes_identified == before + 300000
    assert model.index(0, adjusted).data(DISPLAY) == "£1,050,000"  # engine: 1.5m x 70%
    assert controller.undo_stack.count() == 1
    assert controller.undo_stack.undoText() == "Edit gross saving of " + \
        "RightCare MSK triage and community service"
    controller.undo_stack.undo()
    assert controller.plan.schemes[0].gross_saving == Decimal("1200000")
    assert model.index(0, adjusted).data(DISPLAY) == "£840,000"


def test_bad_money_is_rejected_and_nothing_changes(controller, qtbot):
    model = PlanTableModel(controller, EntityKind.SCHEME)
    with qtbot.waitSignal(model.input_rejected) as rejected:
        assert not model.setData(model.index(0, col(model, "Gross saving")), "lots")
    assert "Gross saving is an amount of money" in rejected.args[0]
    assert "read 'lots'" in rejected.args[0]
    assert controller.undo_stack.count() == 0
    with qtbot.waitSignal(model.input_rejected) as rejected:
        assert not model.setData(model.index(0, col(model, "Confidence")), "150%")
    assert rejected.args[0].startswith("Confidence is 0% to 100%: read '150%'")


def test_link_column_edits_by_name(controller):
    model = PlanTableModel(controller, EntityKind.SCHEME)
    ws = col(model, "Workstream")
    assert model.setData(model.index(0, ws), "mental health services")
    target = [w for w in controller.plan.workstreams if w.name == "Mental Health Services"][0]
    assert controller.plan.schemes[0].workstream_id == target.id
    assert not model.setData(model.index(0, ws), "No such workstream")


def test_paste_block_is_one_step_and_undo_restores(controller):
    model = PlanTableModel(controller, EntityKind.SCHEME)
    gross = col(model, "Gross saving")
    before = [(s.gross_saving, s.investment, s.confidence) for s in controller.plan.schemes[:3]]
    block = "1,200\t0\t70%\n2,000\t(500)\t50%\n£3.5k\t-\t0.25\n"
    # columns: Gross saving, Investment, Net saving (derived) would be next; paste 2 cols+skip
    block = "\n".join("\t".join(r.split("\t")[:2]) for r in block.strip().split("\n"))
    assert model.paste_block([0, 1, 2], gross, block)
    s = controller.plan.schemes
    assert [x.gross_saving for x in s[:3]] == [Decimal(1200), Decimal(2000), Decimal(3500)]
    assert s[1].investment == Decimal(-500)
    assert controller.undo_stack.count() == 1
    assert controller.undo_stack.undoText() == "Paste 3 rows"
    controller.undo_stack.undo()
    assert [(x.gross_saving, x.investment, x.confidence) for x in s[:3]] == before


def test_paste_3x4_block_with_confidence(controller):
    model = PlanTableModel(controller, EntityKind.SCHEME)
    start = col(model, "Status")
    block = "Earmarked\t1,200\t0\n" * 3
    block = block.replace("\t0\n", "\t0\n")
    # Status, Gross saving, Investment, then Net saving (read-only) must not be in the block
    assert model.paste_block([0, 1, 2], start, block)
    assert all(s.status.value == "Earmarked" for s in controller.plan.schemes[:3])
    conf = col(model, "Confidence")
    assert model.paste_block([0, 1, 2], conf, "70%\n55%\n0.4")
    assert [s.confidence for s in controller.plan.schemes[:3]] == [
        Decimal("0.7"), Decimal("0.55"), Decimal("0.4")]


def test_paste_with_one_bad_cell_changes_nothing(controller, qtbot):
    model = PlanTableModel(controller, EntityKind.SCHEME)
    before = [s.gross_saving for s in controller.plan.schemes]
    with qtbot.waitSignal(model.input_rejected) as rejected:
        assert not model.paste_block([0, 1], col(model, "Gross saving"), "100\nabc")
    assert "row 2 (" in rejected.args[0] and "Gross saving is" in rejected.args[0]
    assert [s.gross_saving for s in controller.plan.schemes] == before
    assert controller.undo_stack.count() == 0


def test_paste_past_the_end_appends_rows(controller):
    model = PlanTableModel(controller, EntityKind.RISK)
    n = model.rowCount()
    block = "Provider deficit\tOpen\t2.5m\n\"Two-line\nrisk\"\tMitigated\t100k\n"
    assert model.paste_block([n - 1], 0, block)
    risks = controller.plan.risks
    assert model.rowCount() == n + 1
    assert risks[n - 1].description == "Provider deficit"
    assert risks[n].description == "Two-line\nrisk" and risks[n].value == Decimal(100000)
    assert risks[n].id is not None
    controller.undo_stack.undo()
    assert model.rowCount() == n and risks[n - 1].description.startswith("Impact on healthcare")


def test_delete_workstream_then_undo_restores_links(controller):
    model = PlanTableModel(controller, EntityKind.WORKSTREAM)
    ws = controller.plan.workstreams[1]
    linked = [s.id for s in controller.plan.schemes if s.workstream_id == ws.id]
    assert model.delete_rows([1])
    assert ws.id not in [w.id for w in controller.plan.workstreams]
    assert all(s.workstream_id is None for s in controller.plan.schemes if s.id in linked)
    assert controller.undo_stack.undoText() == "Delete 1 workstream"
    controller.undo_stack.undo()
    assert [s.id for s in controller.plan.schemes if s.workstream_id == ws.id] == linked
    assert model.rowCount() == 9


def test_insert_row(controller):
    model = PlanTableModel(controller, EntityKind.SCHEME)
    row = model.insert_row()
    assert row == 11 and model.index(row, 0).data(DISPLAY) == "New scheme"
    controller.undo_stack.undo()
    assert model.rowCount() == 11


def test_filter_and_sort_by_raw_value(controller):
    model = PlanTableModel(controller, EntityKind.SCHEME)
    proxy = PlanFilterProxy()
    proxy.setSourceModel(model)
    gross = col(model, "Gross saving")
    proxy.sort(gross, Qt.SortOrder.AscendingOrder)
    values = [proxy.index(r, gross).data(SORT_ROLE) for r in range(proxy.rowCount())]
    assert values == sorted(values) and values[0] == 300000.0  # £300,000 before £1,200,000
    proxy.set_filter_text("rightcare")
    assert proxy.rowCount() == 5
    proxy.set_filter_text("A&E")  # no regex surprises
    assert proxy.rowCount() == 0


def test_copy_gives_tsv_that_pastes_back(controller):
    model = PlanTableModel(controller, EntityKind.SCHEME)
    text = model.copy_block([0, 1], [col(model, "Gross saving"), col(model, "Investment")])
    assert text == "1200000\t0\n600000\t0\n"
    assert parse_tsv('"a\tb"\tc\r\n') == [["a\tb", "c"]]


def test_panel_keyboard_paste_and_selection(controller, qtbot):
    panel = TablePanel(controller, EntityKind.SCHEME)
    qtbot.addWidget(panel)
    model = panel.model
    gross = col(model, "Gross saving")
    panel.view.setCurrentIndex(panel.proxy.index(0, gross))
    with qtbot.waitSignal(panel.row_selected) as selected:
        panel.view.selectRow(2)
    assert selected.args == [EntityKind.SCHEME, controller.plan.schemes[2].id]
    panel.view.setCurrentIndex(panel.proxy.index(0, gross))
    assert panel.paste_text("999\n888")
    assert [s.gross_saving for s in controller.plan.schemes[:2]] == [Decimal(999), Decimal(888)]
    panel.filter.setText("ophthalmology")
    assert panel.proxy.rowCount() == 1 and panel.count.text() == "1 of 11"


def test_column_choices_are_remembered(controller, qtbot):
    panel = TablePanel(controller, EntityKind.RISK)
    qtbot.addWidget(panel)
    panel.view.horizontalHeader().setSectionHidden(3, True)
    panel.view.setColumnWidth(0, 333)
    panel.save_columns()
    again = TablePanel(controller, EntityKind.RISK)
    qtbot.addWidget(again)
    assert again.view.horizontalHeader().isSectionHidden(3)
    assert again.view.columnWidth(0) == 333


def test_model_stays_sound_through_inserts_deletes_and_undo(controller, qtmodeltester):
    model = PlanTableModel(controller, EntityKind.SCHEME)
    qtmodeltester.check(model)  # the tester stays attached and checks every change
    removed = []
    model.rowsAboutToBeRemoved.connect(
        lambda _p, first, last: removed.append((first, last, len(controller.plan.schemes),
                                                model.rowCount())))
    order = [s.id for s in controller.plan.schemes]
    assert model.insert_row() == 11
    assert model.delete_rows([0, 1, 5])
    # announced while the model still showed the rows (its list changes after the call)
    assert removed[0][3] == 12
    controller.undo_stack.undo()
    assert [r.id for r in model.rows] == [s.id for s in controller.plan.schemes]
    assert [s.id for s in controller.plan.schemes][:11] == order
    controller.undo_stack.undo()
    assert model.rowCount() == 11


def test_rows_coming_back_under_a_filter_are_filtered_by_their_own_text(controller):
    """The filter's row texts are made again when rows come and go, before the proxy
    asks about the new rows (an undone delete puts a row back in the middle)."""
    model = PlanTableModel(controller, EntityKind.SCHEME)
    proxy = PlanFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text("rightcare")
    matching = [r for r, s in enumerate(model.rows) if "rightcare" in s.name.lower()]
    assert proxy.rowCount() == len(matching) == 5
    assert model.delete_rows([matching[1]])
    proxy.set_filter_text("rightcar")  # typed on: the texts are made for the rows left
    assert proxy.rowCount() == 4
    controller.undo_stack.undo()
    assert proxy.rowCount() == 5
    shown = {model.rows[proxy.mapToSource(proxy.index(r, 0)).row()].id for r in range(5)}
    assert shown == {model.rows[r].id for r in matching}
    assert model.delete_rows([0])  # a row the filter hides
    proxy.set_filter_text("rightcare")
    controller.undo_stack.undo()
    assert proxy.rowCount() == 5
