"""The notice a scenario shows when the base plan changed since the user last looked at
it: what changed (from the engine's comparison of the base then and now), and a button to
take the new base as seen (one undoable edit)."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from workbench.domain.edits import EntityKind, SetField
from workbench.domain.scenarios import Scenario
from workbench.engine.scenario_base import base_changes, base_snapshot
from workbench.ui import style
from workbench.ui.plan_controller import PlanController

MOST = 6  # changes listed; the rest are counted


class BaseChangedNotice(QWidget):
    def __init__(self, controller: PlanController, selected: Callable[[], Scenario | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BaseChangedNotice")
        self.controller = controller
        self.selected = selected
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setStyleSheet(f"color: {style.NHS_DARK_BLUE}; background: "
                                f"{style.NHS_PALE_GREY}; padding: 4px;")
        self.accept_button = QPushButton("Seen: build on the current &base")
        self.accept_button.setToolTip("Keep this scenario as it is, on the base plan as it "
                                      "now stands (undoable)")
        self.accept_button.clicked.connect(self.accept)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.accept_button)
        self.changes: list[str] = []
        controller.results_changed.connect(lambda _r: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        scenario = self.selected()
        self.changes = [] if scenario is None else base_changes(
            scenario.base_seen, self.controller.plan, self.controller.results)
        self.setVisible(bool(self.changes))
        if not self.changes:
            return
        shown = [html.escape(c) for c in self.changes[:MOST]]
        if len(self.changes) > MOST:
            shown.append(f"and {len(self.changes) - MOST} more")
        self.text.setText(f"<b>Built on an older base.</b> Since this scenario was last "
                          f"looked at: {'; '.join(shown)}.")
        self.accept_button.setEnabled(not self.controller.store.read_only)

    def accept(self) -> None:
        scenario = self.selected()
        if scenario is None:
            return
        seen = base_snapshot(self.controller.plan, self.controller.results)
        self.controller.push(SetField(EntityKind.SCENARIO, scenario.id, "base_seen",
                                      scenario.base_seen, seen,
                                      f"Scenario {scenario.name}: built on the current base"))
