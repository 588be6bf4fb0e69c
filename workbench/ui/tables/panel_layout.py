"""What makes a wide table usable on a laptop, added to a TablePanel: the name column
pinned while scrolling sideways, a totals row of the rows shown, a Columns button."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from workbench.ui.tables.column_chooser import ColumnChooserButton
from workbench.ui.tables.frozen_view import FrozenColumn
from workbench.ui.tables.totals import TotalsRowView, TotalsTableModel


def arrange_for_laptop(panel) -> None:
    """Called once at the end of TablePanel's constructor."""
    view = panel.view
    panel.pinned = FrozenColumn(view)
    panel.columns_button = ColumnChooserButton(panel)
    bar = panel.layout().itemAt(0).layout()
    if isinstance(bar, QHBoxLayout):
        bar.insertWidget(bar.count() - 2, panel.columns_button)
    panel.totals = None
    model = panel.model
    if not any(TotalsTableModel.totalled_spec(s) for s in model.columns):
        return
    # the table and its totals row sit together, with no gap between them
    layout: QVBoxLayout = panel.layout()
    at = layout.indexOf(view)
    layout.removeWidget(view)
    box = QWidget(panel)
    stack = QVBoxLayout(box)
    stack.setContentsMargins(0, 0, 0, 0)
    stack.setSpacing(0)
    stack.addWidget(view)
    panel.totals = TotalsRowView(view, panel.proxy)
    panel.totals.setParent(box)
    stack.addWidget(panel.totals)
    layout.insertWidget(at, box, 1)
    panel.totals_pinned = FrozenColumn(panel.totals)
    panel.columns_button.columns_changed.connect(panel.totals.sync_columns)
