"""The Scenarios panel: saved what-ifs, their overrides, base and scenarios side by side,
and the tornado. Every change is one undoable edit through the controller."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.edits import DeleteRows, EntityKind, InsertRows, SetField
from workbench.domain.scenarios import OVERRIDES, Scenario
from workbench.engine.scenario_base import base_snapshot
from workbench.engine.scenarios import TornadoStopped, tornado
from workbench.ui import style
from workbench.ui.latest_only import LatestOnly
from workbench.ui.plan_controller import PlanController
from workbench.ui.scenarios.base_notice import BaseChangedNotice
from workbench.ui.scenarios.scenario_figures import COMPARED, ScenarioFigures, ScenarioResults
from workbench.ui.scenarios.tornado_chart import TornadoChart
from workbench.ui.tables.parsing import format_percent, parse_percent

TEXT_FIELDS = ("name", "allocation_growth_pct", "tariff_uplift_pct", "activity_growth_pct",
               "confidence_haircut", "note")
SPIN_FIELDS = {"slippage_months": (0, 12), "risk_likelihood_shift": (-4, 4)}
TORNADO_DELAY_MS = 300
PERCENT_FIELDS = ("allocation_growth_pct", "tariff_uplift_pct", "activity_growth_pct",
                  "confidence_haircut")


class ScenariosPanel(QWidget):
    def __init__(self, controller: PlanController, results: ScenarioResults,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Scenarios")
        self.controller = controller
        self.results = results
        self.list = QListWidget()
        self.list.setAccessibleName("Saved scenarios")
        self.list.currentRowChanged.connect(self._show_selected)
        self.add_button = QPushButton("&Add scenario")
        self.add_button.clicked.connect(self.add)
        self.delete_button = QPushButton("De&lete")
        self.delete_button.clicked.connect(self.delete)
        writable = not controller.store.read_only
        self.add_button.setEnabled(writable)
        self.editors: dict[str, QLineEdit | QSpinBox] = {}
        form = QFormLayout()
        labels = {"name": "&Name", **OVERRIDES, "note": "Note"}
        for field in (*TEXT_FIELDS[:4], "slippage_months", "confidence_haircut",
                      "risk_likelihood_shift", "note"):
            if field in SPIN_FIELDS:
                editor = QSpinBox()
                editor.setRange(*SPIN_FIELDS[field])
                editor.editingFinished.connect(lambda f=field: self._commit(f))
            else:
                editor = QLineEdit()
                editor.editingFinished.connect(lambda f=field: self._commit(f))
                if field in PERCENT_FIELDS[:3]:
                    editor.setPlaceholderText("as the base plan")
            editor.setObjectName(field)
            editor.setAccessibleName(labels[field].replace("&", ""))
            editor.setEnabled(writable)
            self.editors[field] = editor
            form.addRow(labels[field], editor)
        self.message = QLabel()
        self.message.setStyleSheet(f"color: {style.NHS_RED};")
        self.message.setWordWrap(True)
        self.compare = QTableWidget(len(COMPARED), 1)
        self.compare.setAccessibleName("Base plan and scenarios side by side")
        self.compare.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.compare.setVerticalHeaderLabels([label for _key, label in COMPARED])
        self.compare.setMinimumHeight(150)
        self.swing = QSpinBox()
        self.swing.setRange(1, 90)
        self.swing.setValue(10)
        self.swing.setSuffix("%")
        self.swing.setAccessibleName("Swing of each driver for the tornado")
        self.swing.valueChanged.connect(self.draw_tornado)
        self.tornado = TornadoChart()
        self.tornado.setMinimumHeight(180)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(buttons)
        left_layout.addLayout(form)
        left_layout.addWidget(self.message)
        self.base_notice = BaseChangedNotice(controller, self.selected)
        left_layout.addWidget(self.base_notice)
        swing_row = QHBoxLayout()
        swing_row.addWidget(QLabel("Tornado: swing each driver by ±"))
        swing_row.addWidget(self.swing)
        swing_row.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.compare, 3)
        right_layout.addLayout(swing_row)
        right_layout.addWidget(self.tornado, 3)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([300, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)

        # the tornado (16 shortfalls: about 0.1 s on a 2,000-scheme plan, 0.4 s on 10,000)
        # is worked out on the figures thread once edits pause, not on every keystroke's edit
        self._tornado_task = LatestOnly("the tornado", self)
        self._tornado_task.done.connect(self._on_tornado)
        self._tornado_task.failed.connect(controller.fault.emit)
        self._tornado_timer = QTimer(self)
        self._tornado_timer.setSingleShot(True)
        self._tornado_timer.setInterval(TORNADO_DELAY_MS)
        self._tornado_timer.timeout.connect(self.draw_tornado)
        controller.plan_changed.connect(self._on_plan_changed)
        results.updated.connect(self._on_figures)
        self._reload_list()
        self._on_figures(results.figures)
        self.draw_tornado()

    # -- the list and the form --------------------------------------------------------------
    def scenarios(self) -> list[Scenario]:
        return self.controller.plan.scenarios

    def selected(self) -> Scenario | None:
        row = self.list.currentRow()
        return self.scenarios()[row] if 0 <= row < len(self.scenarios()) else None

    def _reload_list(self, keep_id: int | None = None) -> None:
        keep_id = keep_id if keep_id is not None else getattr(self.selected(), "id", None)
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems([s.name for s in self.scenarios()])
        ids = [s.id for s in self.scenarios()]
        self.list.setCurrentRow(ids.index(keep_id) if keep_id in ids else len(ids) - 1)
        self.list.blockSignals(False)
        self._show_selected()

    def _show_selected(self, *_args) -> None:
        scenario = self.selected()
        self.delete_button.setEnabled(scenario is not None and self.add_button.isEnabled())
        for field, editor in self.editors.items():
            editor.setEnabled(scenario is not None and self.add_button.isEnabled())
            editor.blockSignals(True)
            value = getattr(scenario, field) if scenario is not None else None
            if isinstance(editor, QSpinBox):
                editor.setValue(int(value or 0))
            else:
                editor.setText(format_percent(value) if field in PERCENT_FIELDS
                               else (value or ""))
            editor.blockSignals(False)
        self.base_notice.refresh()

    def _parse(self, field: str, editor) -> object:
        if isinstance(editor, QSpinBox):
            return editor.value()
        text = editor.text().strip()
        if field == "name":
            if not text:
                raise ValueError("a scenario needs a name")
            return text
        if field == "note":
            return text
        if field == "confidence_haircut":
            return parse_percent(text, Decimal(0), Decimal(1)) if text else Decimal(0)
        return parse_percent(text, Decimal(-1), Decimal(1)) if text else None

    def _commit(self, field: str) -> None:
        scenario = self.selected()
        if scenario is None:
            return
        editor = self.editors[field]
        try:
            value = self._parse(field, editor)
        except ValueError as exc:
            self.message.setText(f"{OVERRIDES.get(field, field.title())}: {exc}")
            self._show_selected()
            return
        self.message.clear()
        if value != getattr(scenario, field):
            self.controller.push(SetField(EntityKind.SCENARIO, scenario.id, field,
                                          getattr(scenario, field), value,
                                          f"Scenario {scenario.name}: {field}"))

    def add(self) -> None:
        taken = {s.name for s in self.scenarios()}
        n = len(taken) + 1
        while f"Scenario {n}" in taken:
            n += 1
        seen = base_snapshot(self.controller.plan, self.controller.results)
        if self.controller.push(InsertRows(EntityKind.SCENARIO, (
                Scenario(None, f"Scenario {n}", base_seen=seen),), f"Add scenario 'Scenario {n}'")):
            self._reload_list(self.scenarios()[-1].id)
            self.editors["name"].setFocus()
            self.editors["name"].selectAll()

    def delete(self) -> None:
        scenario = self.selected()
        if scenario is not None:
            self.controller.push(DeleteRows(EntityKind.SCENARIO, (scenario,),
                                            f"Delete scenario {scenario.name!r}"))

    def _on_plan_changed(self, changes) -> None:
        if changes.touches(EntityKind.SCENARIO):
            self._reload_list()
        self._tornado_task.outdate()  # of an older plan than the window's now
        if self.isVisible():
            self._tornado_timer.start()

    # -- figures ------------------------------------------------------------------------------
    def _on_figures(self, figures: list[ScenarioFigures]) -> None:
        self.compare.setColumnCount(len(figures))
        self.compare.setHorizontalHeaderLabels([f.name for f in figures])
        for c, f in enumerate(figures):
            for r, (key, _label) in enumerate(COMPARED):
                item = QTableWidgetItem(style.fmt_money(f.value(key)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c and round(f.value(key)) != round(figures[0].value(key)):
                    item.setBackground(QColor(style.NHS_PALE_GREY))
                self.compare.setItem(r, c, item)
        self.compare.resizeColumnsToContents()

    def draw_tornado(self) -> None:
        """Work the tornado out on the plan as it is now; drawn once it arrives."""
        self._tornado_timer.stop()
        self._tornado_task.outdate()  # a swing asked for before is not the one on show
        self._tornado_task.request(_tornado, self.results.plan_copy(), self.swing.value())

    def _on_tornado(self, done: tuple[float, list, int]) -> None:
        base, bars, swing = done
        self.tornado.show_bars(base, bars, swing)

    def tornado_current(self) -> bool:
        """Whether the tornado drawn is of the plan and the swing as they are now."""
        return not (self._tornado_task.running() or self._tornado_timer.isActive())

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.draw_tornado()
        super().showEvent(event)


def _tornado(plan, swing: int, stop) -> tuple[float, list, int] | None:
    """On the figures thread: stops at the next driver once a newer request came."""
    try:
        return (*tornado(plan, Decimal(swing) / 100, stop.is_set), swing)
    except TornadoStopped:
        return None
