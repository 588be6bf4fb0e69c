"""The Five-year plan page: the years side by side (figures and chart), the seed's rules
checked for each year, and each year's inputs edited in place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.engine.multi_year import MultiYearResults
from workbench.ui import style
from workbench.ui.plan_controller import PlanController
from workbench.ui.years.year_results import YearResults
from workbench.ui.years.years_chart import YearsChart
from workbench.ui.years.years_models import YearFiguresTableModel, YearInputsTableModel


def _table(model, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setAccessibleName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                         | QAbstractItemView.EditTrigger.EditKeyPressed
                         | QAbstractItemView.EditTrigger.AnyKeyPressed)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.horizontalHeader().setSectionsClickable(True)  # a click selects the year
    view.horizontalHeader().setMinimumSectionSize(72)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(22)
    view.setWordWrap(False)  # one line a figure; a long note is cut short (its tooltip)
    return view


class FiveYearPage(QWidget):
    def __init__(self, controller: PlanController, results: YearResults,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FiveYearPage")
        self.controller = controller
        self.results = results
        self.figures_model = YearFiguresTableModel(results)
        self.inputs_model = YearInputsTableModel(controller, results)
        self.figures = _table(self.figures_model, "Five-year figures")
        self.figures.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.inputs = _table(self.inputs_model, "Inputs by year")
        self.figures.horizontalHeader().sectionPressed.connect(self._on_year_clicked)
        self.inputs.horizontalHeader().sectionPressed.connect(self._on_year_clicked)
        self.chart = YearsChart()
        self.rules = QLabel()
        self.rules.setObjectName("YearRules")
        self.rules.setWordWrap(True)
        self.rules.setTextFormat(Qt.TextFormat.RichText)
        self.rules.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message = QLabel()
        self.message.setStyleSheet(f"color: {style.NHS_RED};")
        self.message.setWordWrap(True)
        self.inputs_model.message.connect(self.message.setText)
        controller.results_changed.connect(lambda _r: self.message.clear())

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel("<b>Figures by year</b> (the engine's; indicative years in "
                                "italics)"))
        column.addWidget(self.figures, 3)
        column.addWidget(QLabel("<b>Inputs by year</b> (type over a cell; blank: as the "
                                "drivers)"))
        column.addWidget(self.inputs, 2)
        column.addWidget(self.message)
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.chart, 3)
        side.addWidget(QLabel("<b>The plan's rules for the years</b>"))
        side.addWidget(self.rules, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([720, 480])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        results.updated.connect(self._on_updated)
        results.year_selected.connect(lambda _y: self._on_updated(results.figures))
        self._on_updated(results.figures)

    def _on_year_clicked(self, column: int) -> None:
        years = self.results.figures.years
        if 0 <= column < len(years):
            self.results.select(years[column].year)

    def _on_updated(self, figures: MultiYearResults) -> None:
        self.chart.show_years(figures, self.results.selected)
        lines = []
        for rule in figures.rules:
            colour = style.NHS_DARK_GREY if rule.ok else style.NHS_RED
            mark = "✓" if rule.ok else "✗"
            lines.append(f'<span style="color:{colour}">{mark} {rule.message}</span>')
        self.rules.setText("<br>".join(lines))

    def is_editing(self) -> bool:
        return self.inputs.state() == QAbstractItemView.State.EditingState
