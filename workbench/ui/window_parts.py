"""The main window's parts built on first use: the charts, the tables out of sight, the
dock panels and the pages other than the first, each read from the controller's latest
plan and results when built (a mixin of MainWindow, which owns the deferred holders)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDockWidget

from workbench.domain.edits import EntityKind
from workbench.ui.tables.table_view import TablePanel

if TYPE_CHECKING:  # built on first use: their modules (and pyqtgraph) load after start-up
    from workbench.ui.activity.activity_page import ActivityPage
    from workbench.ui.charts import ChartsPanel
    from workbench.ui.checks_panel import ChecksPanel
    from workbench.ui.delivery.delivery_page import DeliveryPage
    from workbench.ui.history_panel import HistoryPanel
    from workbench.ui.panels.drivers_panel import DriversPanel
    from workbench.ui.system import SystemPage
    from workbench.ui.trajectories import TrajectoryPage


def in_front(dock: QDockWidget) -> bool:
    """Whether `dock` is on screen and not a tab behind another dock."""
    said = dock.property("in_front")
    if said is not None:
        return bool(said)
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


class WindowParts:
    @property
    def charts(self) -> ChartsPanel:
        return self._charts.widget()

    @property
    def drivers(self) -> DriversPanel:
        return self._drivers.widget()

    @property
    def checks(self) -> ChecksPanel:
        return self._checks.widget()

    @property
    def history(self) -> HistoryPanel:
        return self._history.widget()

    def _build_table(self, kind: EntityKind) -> TablePanel:
        panel = TablePanel(self.controller, kind)
        panel.row_selected.connect(self._on_row_selected)
        panel.message.connect(self._message)
        self.selection_stats.watch(panel.view)
        for add in self._table_parts.pop(kind, []):
            add(panel)
        return panel

    def with_table(self, kind: EntityKind, add) -> None:
        """Call `add(panel)` with the `kind` table: now if it is built, else when it is."""
        if kind in [t.kind for t in self.tables.built()]:
            add(self.tables[kind])
        else:
            self._table_parts.setdefault(kind, []).append(add)

    def _build_drivers(self) -> DriversPanel:
        from workbench.ui.panels.drivers_panel import DriversPanel

        panel = DriversPanel(self.controller)
        panel.message.connect(self._message)
        return panel

    def _build_checks(self) -> ChecksPanel:
        from workbench.ui.checks_panel import ChecksPanel

        panel = ChecksPanel(self.controller)
        panel.go_to.connect(self.go_to)
        panel.set_active(in_front(self.checks_dock))
        self.checks_dock.visibilityChanged.connect(panel.set_active)
        return panel

    def _build_history(self) -> HistoryPanel:
        from workbench.ui.history_panel import HistoryPanel

        panel = HistoryPanel(self.controller)
        panel.select(*self._selected_row)
        panel.set_active(in_front(self.history_dock))
        self.history_dock.visibilityChanged.connect(panel.set_active)
        return panel

    @property
    def activity(self) -> ActivityPage:
        return self._deferred.page("Activity")

    @property
    def trajectories(self) -> TrajectoryPage:
        return self._deferred.page("Trajectories")

    def add_deferred_page(self, title: str, factory) -> None:
        self._deferred.add(title, factory)

    def deferred_page(self, title: str):
        return self._deferred.page(title)

    def charts_built(self) -> bool:
        return self._charts.is_built()

    @property
    def system(self) -> SystemPage:
        return self._deferred.page("System")

    @property
    def delivery(self) -> DeliveryPage:
        return self._deferred.page("Delivery")

    def _built(self, title: str):
        """A deferred page if it was built, else None (without building it)."""
        return self._deferred.page(title) if self._deferred.is_built(title) else None

    def _build_charts(self) -> ChartsPanel:
        from workbench.ui.charts import ChartsPanel

        panel = ChartsPanel(self.controller)
        panel.year_results = self.years.results.results_on_show  # the selected plan year
        panel.refresh()
        return panel

    def _build_activity(self) -> ActivityPage:
        from workbench.ui.activity.activity_page import ActivityPage

        page = ActivityPage(self.controller)
        page.table.row_selected.connect(self._on_row_selected)
        page.table.message.connect(self._message)
        self.selection_stats.watch(page.table.view)
        self.years.follow(page)  # the plan year on show, from now on
        return page

    def _build_trajectories(self) -> TrajectoryPage:
        from workbench.ui.trajectories import TrajectoryPage

        page = TrajectoryPage(self.controller)
        page.message.connect(self._message)
        self.years.follow(page)
        return page

    def _build_system(self) -> SystemPage:
        from workbench.ui.system import SystemPage

        return SystemPage(self.controller)

    def _build_delivery(self) -> DeliveryPage:
        from workbench.ui.delivery.delivery_page import DeliveryPage

        page = DeliveryPage(self.controller)
        page.message.connect(self._message)
        return page
