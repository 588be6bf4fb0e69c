"""The phasing panel: the selected scheme's months in a grid, its named profile, and paste.

It shows the engine's phased saving (the figures the cumulative chart draws) and turns
what is typed, pasted or chosen into one undoable edit of the scheme's phasing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.phasing import CUSTOM, NAMED, identify
from workbench.ui.phasing.phasing_model import YEAR, PhasingTableModel
from workbench.ui.plan_controller import PlanController
from workbench.ui.tables import parsing
from workbench.ui.tables.sheet_view import SheetView
from workbench.ui.tables.table_model import parse_tsv

FULL_WIDTH_PER_COLUMN = 66  # room for "£105,556" at the usual font sizes


class PhasingGridView(SheetView):
    """The spreadsheet keys of every table (type over a month, F2, Enter commits); Ctrl+V or
    Edit → Paste pastes months from the current one on, Ctrl+C copies the selected months."""

    def __init__(self, model: PhasingTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName("Monthly phasing of the selected scheme")
        self.setAlternatingRowColors(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # it fits
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setSectionResizeMode(YEAR, QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().hide()  # the title says what the row is
        self.horizontalHeader().setMinimumSectionSize(38)
        self.paste_requested.connect(self._paste)
        self.copy_requested.connect(self._copy)
        self.cut_requested.connect(self._copy)  # months are never blank: cut copies

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        model: PhasingTableModel = self.model()
        compact = self.viewport().width() < FULL_WIDTH_PER_COLUMN * model.columnCount()
        if compact != model.compact:
            model.compact = compact
            model.layoutChanged.emit()

    def _paste(self) -> None:
        grid = parse_tsv(QGuiApplication.clipboard().text())
        cells = [cell for row in grid for cell in row]  # a row or a column of months
        start = max(self.currentIndex().column(), 0)
        if cells and start < YEAR:
            self.model().type_months(start, cells)

    def _copy(self) -> None:
        model: PhasingTableModel = self.model()
        columns = sorted({i.column() for i in self.selectedIndexes()})
        QGuiApplication.clipboard().setText("\t".join(
            str(model.index(0, c).data(Qt.ItemDataRole.EditRole)) for c in columns))


class PhasingPanel(QWidget):
    message = Signal(str)

    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.model = PhasingTableModel(controller)
        self.grid = PhasingGridView(self.model, self)
        self.title = QLabel()
        self.title.setAccessibleName("Scheme being phased")
        # a long scheme name is cut short rather than widening the pane
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.profile = QComboBox()
        self.profile.setAccessibleName("Phasing profile")
        self.profile.addItems([*NAMED, CUSTOM])
        self.profile.setToolTip("Flat: equal months. Working days: by the weekdays in each "
                                "month. Back-loaded: rising through the year. Custom: "
                                "months as typed or pasted.")
        self.profile.activated.connect(self._on_profile_chosen)
        self.model.input_rejected.connect(self.message)
        self.model.message.connect(self.message)
        self.model.modelReset.connect(self._sync)
        self.model.dataChanged.connect(self._sync)
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        bar.addWidget(QLabel("Profile"))
        bar.addWidget(self.profile)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addLayout(bar)
        layout.addWidget(self.grid)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._sync()

    def show_scheme(self, scheme_id: int | None) -> None:
        self.model.show_scheme(scheme_id)

    def is_editing(self) -> bool:
        return self.grid.state() == self.grid.State.EditingState

    def _on_profile_chosen(self, _index: int) -> None:
        name = self.profile.currentText()
        if name in NAMED:
            self.model.apply_profile(name)
        else:
            self.message.emit("Custom: type or paste the months in the grid.")
        self._sync()

    def _sync(self, *_args) -> None:
        scheme = self.model.scheme
        self.profile.setEnabled(scheme is not None and not self.controller.store.read_only)
        self.grid.setEnabled(scheme is not None)
        # the same height with or without a scheme: the table above never jumps, and no
        # empty grid takes a third of a laptop's screen from it
        self._fit_grid_height()
        if scheme is None:
            self.title.setText("Select a savings scheme to see and edit its months.")
            return
        self.title.setToolTip(scheme.name)
        self.title.setText(
            f"Net saving by month of <b>{scheme.name}</b> "
            f"({parsing.format_money(scheme.net_saving)} in the year)")
        self.profile.setCurrentText(identify(tuple(scheme.phasing), scheme.first_year))

    def _fit_grid_height(self) -> None:
        """Header and one row: nothing clipped, no gap."""
        grid = self.grid
        height = (grid.horizontalHeader().sizeHint().height()
                  + grid.verticalHeader().defaultSectionSize() + 2 * grid.frameWidth())
        grid.setFixedHeight(height)
        self.setMaximumHeight(self.sizeHint().height())
