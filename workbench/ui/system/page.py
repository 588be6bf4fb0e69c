"""The System page: the money around the plan. Pooled budgets with the council (type a
projected over- or underspend and see the CCG's share), the place-based budget against
its targets, contracts with the £ their standards put at stake, and comparators loaded
from a CSV.

Every change is an Edit pushed through the controller; the page draws the engine's
figures (results.system) and computes none.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.edits import EntityKind
from workbench.domain.numbers import format_millions, format_money
from workbench.domain.resources import resources_dir
from workbench.ui import style
from workbench.ui.lazy_panel import LazyPage
from workbench.ui.plan_controller import PlanController
from workbench.ui.system.columns import (
    benchmark_columns,
    contract_columns,
    lever_columns,
    place_columns,
    pool_columns,
)
from workbench.ui.system.table_model import SystemTableModel
from workbench.ui.trajectories.grid_view import GridView

ILLUSTRATIVE = resources_dir() / "benchmarks" / "illustrative_rightcare_10Q.csv"


def _heading(text: str) -> QLabel:
    label = QLabel(f"<b>{text}</b>")
    label.setStyleSheet(f"color: {style.NHS_BLUE}; font-size: 11pt; margin-top: 6px;")
    return label


def _note() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    return label


class SystemPage(LazyPage):
    def __init__(self, controller: PlanController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        plan = lambda: controller.plan  # noqa: E731 (rows are read afresh every time)
        self.pools = SystemTableModel(controller, EntityKind.POOL, lambda: plan().pools,
                                      pool_columns(controller), lambda p: p.name)
        self.place = SystemTableModel(controller, EntityKind.PLACE_ELEMENT,
                                      lambda: plan().place_elements,
                                      place_columns(controller), lambda e: e.name)
        self.contracts = SystemTableModel(controller, EntityKind.CONTRACT,
                                          lambda: plan().contracts,
                                          contract_columns(controller), lambda c: c.provider)
        self.levers = SystemTableModel(controller, None, self._lever_rows, lever_columns(),
                                       lambda lv: lv.standard)
        self.benchmarks = SystemTableModel(controller, None, self._benchmark_rows,
                                           benchmark_columns(), lambda b: b.measure)
        self.pool_view = self._view(self.pools, "Pooled budgets table")
        self.place_view = self._view(self.place, "Place-based budget table")
        self.contract_view = self._view(self.contracts, "Contracts table")
        self.lever_view = self._view(self.levers, "Contract standards table")
        self.benchmark_view = self._view(self.benchmarks, "Comparators table")
        self.pools_note, self.place_note = _note(), _note()
        self.contracts_note, self.benchmarks_note = _note(), _note()
        self.feedback = _note()
        self.feedback.setAccessibleName("System page messages")
        self.feedback.setStyleSheet(f"color: {style.NHS_RED};")
        self.load_button = QPushButton("Load comparators (CSV)…")
        self.load_button.setAccessibleName("Load comparator figures from a CSV file")
        self.load_button.clicked.connect(self.ask_benchmarks)
        self.load_button.setEnabled(not controller.store.read_only)
        for model in (self.pools, self.place, self.contracts):
            model.input_rejected.connect(self.feedback.setText)
        controller.results_changed.connect(self.changed)
        controller.write_failed.connect(self.feedback.setText)
        self._lay_out()
        self.refresh()

    def _view(self, model: SystemTableModel, name: str) -> GridView:
        view = GridView(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        view.setVerticalScrollBarPolicy(view.verticalScrollBarPolicy().ScrollBarAlwaysOff)
        view.setMinimumHeight(60)
        # room for the horizontal scroll bar only while there is something to scroll
        view.horizontalScrollBar().rangeChanged.connect(lambda *_: self._fit_height(view))
        return view

    def _lay_out(self) -> None:
        body = QWidget()
        column = QVBoxLayout(body)
        buttons = QHBoxLayout()
        buttons.addWidget(self.load_button)
        buttons.addStretch(1)
        for heading, note, view in (
                ("Pooled budgets with the council", self.pools_note, self.pool_view),
                ("The place-based budget", self.place_note, self.place_view),
                ("Contracts and their levers", self.contracts_note, self.contract_view),
                ("Standards tied to money", None, self.lever_view),
                ("Benchmarking against similar CCGs", self.benchmarks_note,
                 self.benchmark_view)):
            column.addWidget(_heading(heading))
            if note is not None:
                column.addWidget(note)
            if view is self.benchmark_view:
                column.addLayout(buttons)
            column.addWidget(view)
        column.addWidget(self.feedback)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _lever_rows(self):
        system = self.controller.results.system
        return system.levers if system else ()

    def _benchmark_rows(self):
        system = self.controller.results.system
        return system.benchmarks if system else ()

    # -- drawing --------------------------------------------------------------------------
    def refresh(self) -> None:
        self._stale = False
        system = self.controller.results.system
        s = self.controller.results.summary
        if system is None:
            return
        parts = ", ".join(f"{name} {format_millions(v)}" for name, v in system.pools.by_partner)
        self.pools_note.setText(
            f"{len(system.splits)} pools, {format_millions(system.pools.total)} in all "
            f"({parts}). The CCG's share of their projected over- or underspend, "
            f"{format_money(s.pooled_budgets_ccg_variance)}, is in the savings requirement, "
            f"now {format_millions(s.savings_requirement)}; its share of overspends, "
            f"{format_money(s.risks_pooled_budgets)}, is shown among the risks.")
        place = system.place
        self.place_note.setText(
            f"{format_millions(place.total_spend)} spent on the population; elements with a "
            f"target: {format_millions(place.total_target)} of target. What a saving is "
            f"worth to the CCG after sharing, and what closing each excess would bring.")
        c = system.contracts
        self.contracts_note.setText(
            f"{format_money(c.at_stake)} at stake on standards: "
            f"{format_money(c.income)} earned (on track), {format_money(c.risk)} at risk "
            f"(off track), as the trajectories' latest actuals stand.")
        n = len(system.benchmarks)
        self.benchmarks_note.setText(
            f"{n} measure(s) from {self.controller.plan.benchmarks[0].source}."
            if n and self.controller.plan.benchmarks else
            "No comparator figures yet: load a CSV of spend or activity per head for this "
            f"CCG and similar CCGs (an illustrative file: {ILLUSTRATIVE.name}).")
        for view in (self.pool_view, self.place_view, self.contract_view, self.lever_view,
                     self.benchmark_view):
            self._fit_height(view)

    @staticmethod
    def _fit_height(view: GridView) -> None:
        rows = view.model().rowCount()
        height = view.horizontalHeader().height() + 2 * view.frameWidth()
        height += sum(view.rowHeight(r) for r in range(rows)) or view.verticalHeader()\
            .defaultSectionSize()
        bar = view.horizontalScrollBar()
        view.setFixedHeight(height + 2 + (bar.sizeHint().height() if bar.maximum() > 0 else 0))

    # -- comparators ------------------------------------------------------------------------
    def ask_benchmarks(self) -> None:
        start = str(ILLUSTRATIVE.parent) if ILLUSTRATIVE.exists() else ""
        path, _ = QFileDialog.getOpenFileName(self, "Load comparator figures", start,
                                              "CSV files (*.csv);;All files (*)")
        if path:
            self.load_benchmarks(path)

    def load_benchmarks(self, path: str | Path) -> bool:
        """Check the file and load it whole (one undoable step), or say why not."""
        from workbench.csv_inputs.benchmarks import read_benchmarks

        report = read_benchmarks(path, self.controller.plan)
        if report.edit is None:
            self.feedback.setText("Nothing loaded:\n" + report.text())
            return False
        if not self.controller.push(report.edit):
            return False
        self.feedback.setText(report.text())
        return True

    # -- for the window ---------------------------------------------------------------------
    def select_id(self, kind: EntityKind, row_id: int | None) -> bool:
        views = {EntityKind.POOL: self.pool_view, EntityKind.PLACE_ELEMENT: self.place_view,
                 EntityKind.CONTRACT: self.contract_view}
        view = views.get(kind)
        row = view.model().row_of(row_id) if view is not None else None
        if row is None:
            return False
        view.setCurrentIndex(view.model().index(row, 0))
        view.setFocus()
        return True

    def is_editing(self) -> bool:
        return any(v.is_editing() for v in (self.pool_view, self.place_view,
                                            self.contract_view))
