"""The plan-year selector in the window's header: which year the summary, tables, charts and
pages show. Each year says whether its allocation is firm or indicative."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from workbench.ui.years.year_results import YearResults


class YearSelector(QWidget):
    def __init__(self, results: YearResults, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.results = results
        self.combo = QComboBox()
        self.combo.setObjectName("PlanYearSelector")
        self.combo.setAccessibleName("Plan year")
        self.combo.setToolTip("The plan year the summary, tables, charts, Activity and "
                              "Trajectories show (firm or indicative allocation); risks "
                              "are one register, delivery odds and scenarios the first "
                              "year's")
        label = QLabel("Plan &year:")
        label.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        self._fill()
        self.combo.currentIndexChanged.connect(self._on_index_changed)
        results.updated.connect(lambda _f: self._fill())
        results.year_selected.connect(lambda _y: self._fill())

    def _fill(self) -> None:
        items = [(y.year, f"{y.label} · {'firm' if y.firm else 'indicative'}")
                 for y in self.results.figures.years]
        blocked = self.combo.blockSignals(True)
        try:
            if [self.combo.itemData(i) for i in range(self.combo.count())] != [
                    y for y, _t in items]:
                self.combo.clear()
                for year, text in items:
                    self.combo.addItem(text, year)
            for i, (_year, text) in enumerate(items):
                self.combo.setItemText(i, text)
            index = self.combo.findData(self.results.selected)
            self.combo.setCurrentIndex(max(index, 0))
        finally:
            self.combo.blockSignals(blocked)

    def _on_index_changed(self, index: int) -> None:
        year = self.combo.itemData(index)
        if year is not None:
            self.results.select(int(year))
