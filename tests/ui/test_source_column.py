"""The demo's sources in the app: a Source column hidden until turned on with the Columns
button (real clicks on the button and its menu), and each row's source in its tooltips."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from workbench.domain.edits import EntityKind


def _column(panel, header: str) -> int:
    return next(i for i, s in enumerate(panel.model.columns) if s.header == header)


def _row(panel, name: str) -> int:
    return next(r for r in range(panel.proxy.rowCount())
                if panel.proxy.index(r, 0).data() == name)


def _turn_on_from_the_columns_button(qtbot, panel, header: str) -> None:
    """Click Columns; when its menu is up, click the entry (the menu blocks until then)."""
    menu = panel.columns_button.menu()
    clicked = []

    def pick() -> None:
        if not menu.isVisible():
            QTimer.singleShot(50, pick)
            return
        action = panel.columns_button.action_for(header)
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton,
                         pos=menu.actionGeometry(action).center())
        clicked.append(header)

    QTimer.singleShot(50, pick)
    qtbot.mouseClick(panel.columns_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: clicked == [header] and not menu.isVisible())


def test_source_column_is_hidden_until_turned_on_with_the_columns_button(window, qtbot):
    panel = window.tables[EntityKind.SCHEME]
    source = _column(panel, "Source")
    assert panel.view.isColumnHidden(source)
    _turn_on_from_the_columns_button(qtbot, panel, "Source")
    assert not panel.view.isColumnHidden(source)
    assert panel.view.columnWidth(source) > 0
    invented = panel.proxy.index(_row(panel, "Outpatient follow-up ratios (RightCare)"), source)
    assert "chosen: the scheme itself" in invented.data()
    msk = panel.proxy.index(_row(panel, "RightCare MSK triage and community service"), source)
    assert msk.data().startswith('001: "Currently we have identified savings')


def test_every_cell_of_a_row_shows_its_source_in_the_tooltip(window):
    panel = window.tables[EntityKind.RISK]
    row = _row(panel, "Impact on healthcare-funded services of savings in social care "
               "(no value given)")
    name_tip = panel.proxy.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert name_tip.startswith('Source: 001: "Any impact on healthcare funded services')
    assert "the paper gives no value: held at £0" in name_tip
    value = panel.proxy.index(row, _column(panel, "Value"))
    assert value.data() == "£0"
    assert value.data(Qt.ItemDataRole.ToolTipRole).startswith(
        "Gross financial value if the risk materialises, pounds\n\nSource: 001:")


def test_a_users_own_row_has_no_source_line(window, qtbot):
    panel = window.tables[EntityKind.SCHEME]
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    last = panel.proxy.rowCount() - 1
    assert panel.proxy.index(last, 0).data() == "New scheme"
    assert panel.model.rows[-1].source == ""
    assert "Source" not in (panel.proxy.index(last, 1).data(Qt.ItemDataRole.ToolTipRole) or "")


def test_the_drivers_show_their_sources_in_their_tooltips(window):
    window.drivers_dock.show()
    drivers = window.drivers
    running = drivers.editors["running_cost_allocation"].toolTip()
    assert running.startswith("£ million\n\nSource: chosen: £20.9m")
    assert "£6.6m lower" in running
    assert "£49.7m" in drivers.editors["allocation"].toolTip()
    spend = drivers.spend
    row = next(i for i, line in enumerate(spend.rows) if line.category == "Primary care services")
    tip = spend.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "£85m" in tip and "outside this plan's allocation base" in tip


def test_the_drivers_sheets_keep_the_source_column_hidden(window):
    from workbench.ui.tables.sheet_view import SheetView

    for view in window.drivers.findChildren(SheetView):
        model = view.model()
        source = next(i for i, s in enumerate(model.columns) if s.header == "Source")
        assert view.isColumnHidden(source)
        assert not view.isColumnHidden(0)
