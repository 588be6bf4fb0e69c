"""The main window: tables beside live charts, summary and drivers in docks, menus and shortcuts."""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench import __version__
from workbench.domain.edits import EntityKind
from workbench.domain.masking import mask
from workbench.engine.kept import keep
from workbench.store.kept_files import write_kept
from workbench.store.log_file import log_dir
from workbench.ui import store_thread
from workbench.ui.errors import show_error
from workbench.ui.explain import ExplainFeature
from workbench.ui.lazy_panel import DeferredTables, DeferredTabs, DeferredWidget
from workbench.ui.modal import ask
from workbench.ui.odds import OddsFeature
from workbench.ui.panels.summary_panel import SummaryPanel
from workbench.ui.phasing import PhasingPanel
from workbench.ui.plan_controller import PlanController
from workbench.ui.preferences import (
    available_geometry,
    fit_to_screen,
    restore_layout,
    save_layout,
)
from workbench.ui.scenarios import ScenariosFeature
from workbench.ui.store_guard import StoreGuard
from workbench.ui.tables.selection_stats import SelectionStatsLabel
from workbench.ui.tables.sheet_view import SheetView
from workbench.ui.tables.table_view import TablePanel
from workbench.ui.timetable import TimetableFeature
from workbench.ui.window_menus import build_menus
from workbench.ui.window_parts import WindowParts
from workbench.ui.years import YearsFeature

if TYPE_CHECKING:  # built on first use: their modules (and pyqtgraph) load after start-up
    pass

TABLES = [
    (EntityKind.WORKSTREAM, "Workstreams"),
    (EntityKind.SCHEME, "Savings schemes"),
    (EntityKind.RISK, "Risks"),
]

log = logging.getLogger(__name__)


class MainWindow(WindowParts, QMainWindow):
    open_requested = Signal(str)  # another plan file to open in place of this one
    welcome_requested = Signal()  # show the welcome screen (new plan, demo, open)
    first_painted = Signal()  # the window has painted once; the charts are built next

    def __init__(self, controller: PlanController, store_label: str = "",
                 sqlite_file: Path | None = None, recent: list[str] | None = None) -> None:
        super().__init__()
        self.recent = recent or []
        self.controller = controller
        self.store_label = store_label
        self.sqlite_file = sqlite_file
        self.setObjectName("MainWindow")

        self.selection_stats = SelectionStatsLabel()  # watches each table as it is built
        self._selected_row: tuple[object, object] = (None, None)  # the last row selected
        self._table_parts: dict[EntityKind, list] = {}  # with_table: added when one is built
        # Built from the window down: a widget put into a parent that is already in the
        # window takes on the window's style sheet once; a tree built first and then put in
        # place is restyled whole at each level it is put into.
        self.pages = QTabWidget()
        self.pages.setObjectName("Pages")
        self.pages.setDocumentMode(True)
        self.setCentralWidget(self.pages)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.pages.addTab(self.splitter, "Finance and savings")
        # The charts and the other pages are built after the first paint or on first use
        # (DeferredWidget, DeferredTabs): the window shows the summary and first table first.
        self._deferred = DeferredTabs(self.pages)
        self._deferred.add("Activity", self._build_activity)
        self._deferred.add("Trajectories", self._build_trajectories)
        self._deferred.add("Delivery", self._build_delivery)
        self._deferred.add("System", self._build_system)
        self.tables_and_phasing = QWidget()
        self.splitter.addWidget(self.tables_and_phasing)
        self._charts = DeferredWidget(self._build_charts)
        self._charts.built.connect(lambda _w: self.scenarios.draw_on_charts())  # overlays
        self._painted = False
        self.splitter.addWidget(self._charts)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        column = QVBoxLayout(self.tables_and_phasing)
        column.setContentsMargins(0, 0, 0, 0)

        # Only the table on show (the schemes) is built now; the others when their tab is
        # first selected or code first asks for them (`tables[kind]`).
        self.tabs = QTabWidget()
        self.tabs.setObjectName("TableTabs")
        column.addWidget(self.tabs, 1)
        blocked = self.tabs.blockSignals(True)  # the first tab added is not "selected"
        self._table_tabs = DeferredTabs(self.tabs)
        for kind, title in TABLES:
            self._table_tabs.add(title, lambda k=kind: self._build_table(k))
        self.tables = DeferredTables(self._table_tabs, dict(TABLES))
        self.tables[EntityKind.SCHEME]
        self.tabs.setCurrentIndex(1)
        self.tabs.blockSignals(blocked)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.phasing = PhasingPanel(controller)  # under the schemes table, on its tab only
        self.phasing.message.connect(self._message)
        column.addWidget(self.phasing)

        # The Drivers, Checks and Change history panels (behind the summary, or hidden) are
        # built when their dock is first shown or code first asks for them.
        self.summary = SummaryPanel(controller)
        self._drivers = DeferredWidget(self._build_drivers)
        self.summary_dock = self._dock("Summary", "SummaryDock", self.summary)
        self.drivers_dock = self._dock("Drivers", "DriversDock", self._drivers)
        self.tabifyDockWidget(self.summary_dock, self.drivers_dock)
        self._checks = DeferredWidget(self._build_checks)
        self.checks_dock = self._dock("Checks", "ChecksDock", self._checks)
        self.tabifyDockWidget(self.drivers_dock, self.checks_dock)
        self._history = DeferredWidget(self._build_history)
        self.history_dock = self._dock("Change history", "HistoryDock", self._history,
                                       Qt.DockWidgetArea.BottomDockWidgetArea)
        self.history_dock.hide()
        self.odds = OddsFeature(self)
        self.explain = ExplainFeature(self)
        self.scenarios = ScenariosFeature(self)
        self.years = YearsFeature(self)  # the year selector and the Five-year plan page
        self.timetable = TimetableFeature(self)  # the round's submissions, in a dock
        self.summary_dock.raise_()
        self.guard = StoreGuard(controller, sqlite_file, self.is_editing, self)
        self.guard.others_changed.connect(self._message)
        self.guard.problem.connect(lambda m: self.statusBar().showMessage(m, 15000))
        store_thread.notices.waiting.connect(self._on_store_waiting)

        self.statusBar().addPermanentWidget(self.selection_stats)
        self.pages.currentChanged.connect(self._on_table_shown)
        self._status = QLabel()
        # the plan's counts give way (cut short) rather than widen the window
        self._status.setMinimumWidth(120)
        self.statusBar().addPermanentWidget(self._status)
        build_menus(self)

        controller.write_failed.connect(self._on_write_failed)
        controller.fault.connect(lambda exc: show_error(self, exc))
        controller.pending_changed.connect(self.setWindowModified)
        controller.plan_changed.connect(self._on_plan_changed)
        self._update_title()
        self._update_status()
        self.statusBar().setSizeGripEnabled(True)
        restored = restore_layout(self, self.splitter)
        self._layout_restored = restored
        fit_to_screen(self, available_geometry(self), restored)
        if not restored:
            self.splitter.setSizes([760, 570])  # tables scroll sideways; charts need room
            self.resizeDocks([self.summary_dock], [270], Qt.Orientation.Horizontal)

    def _keep_figures(self) -> None:
        """The first screen's figures, for the next start to show before pandas loads
        (engine.kept); nothing when they are still the kept ones (they are kept already)."""
        controller = self.controller
        plan_id = controller.plan.id
        if not self.store_label or plan_id is None or not controller.settled:
            return
        try:
            figures = keep(controller.plan, controller.results)
        except Exception:  # noqa: BLE001 (only a shortcut lost: closing must go on)
            log.exception("the first screen's figures were not kept")
            return
        write_kept(self.store_label, plan_id, figures)

    # -- construction ---------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        """After the first paint: say so, then build the charts (next in the event loop)."""
        done = super().event(event)
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.first_painted.emit()
            QTimer.singleShot(0, self._after_first_paint)
        return done

    def _after_first_paint(self) -> None:
        self.controller.settle()  # the engine's own figures, if the first were kept ones
        self._charts.widget()

    def _dock(self, title: str, name: str, widget,
              area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        # whether the dock is in front, as it last said (a dock tabbed behind another is
        # "visible" to isVisible() all the same): connected before the deferred build
        dock.visibilityChanged.connect(lambda shown, d=dock: d.setProperty("in_front", shown))
        if isinstance(widget, DeferredWidget):
            widget.build_when_shown(dock)
            widget.built.connect(lambda _w: self.fit_new_dock(dock))
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(area, dock)
        return dock

    def fit_new_dock(self, dock: QDockWidget) -> None:
        """A dock along the top or bottom whose panel was built as it was first shown gets
        the panel's size, as it would have had the panel been there all along (unless the
        layout was restored: then its saved size stands)."""
        if getattr(self, "_layout_restored", True):
            return
        if self.dockWidgetArea(dock) in (Qt.DockWidgetArea.BottomDockWidgetArea,
                                         Qt.DockWidgetArea.TopDockWidgetArea):
            QTimer.singleShot(0, lambda: self._fit_dock(dock))  # once the dock is laid out

    def _fit_dock(self, dock: QDockWidget) -> None:
        hint = dock.sizeHint()
        self.resizeDocks([dock], [hint.height()], Qt.Orientation.Vertical)
        self.resizeDocks([dock], [hint.width()], Qt.Orientation.Horizontal)  # beside another

    def action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            keys = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(k) for k in keys])
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    # -- behaviour ------------------------------------------------------------------------
    def current_table(self) -> TablePanel | None:
        """The table Edit → Add, Delete and Filter act on: the Finance and savings tab's or the
        Activity page's; None on every other page (Trajectories has its own add and delete)."""
        page = self.pages.currentWidget()
        if page is self._built("Activity"):
            return page.table
        if page is not self.splitter:
            return None
        return self.tables[TABLES[self.tabs.currentIndex()][0]]

    def show_page(self, page) -> None:
        self.pages.setCurrentWidget(page)

    def current_charts(self):
        """The charts of the page on show (what Export charts saves)."""
        page = self.pages.currentWidget()
        return page if hasattr(page, "save_pdf") else self.charts

    def _message(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)

    # What a menu action opens is imported when first asked for (nothing of it is needed
    # to show the window).
    def import_actuals(self) -> None:
        from workbench.ui.actuals_import import import_actuals_csv

        import_actuals_csv(self.controller, self)

    def freeze_version(self) -> None:
        from workbench.ui.dialogs.versions_dialog import freeze

        if freeze(self.controller, self) is not None:
            self._message("Version frozen: Plan → Versions compares it with today's plan.")

    def show_versions(self) -> None:
        from workbench.ui.dialogs.versions_dialog import VersionsDialog

        ask(VersionsDialog(self.controller, self))

    def add_row(self) -> None:
        table = self.current_table()
        if table is not None:
            table.add_row()
        elif self.pages.currentWidget() is self._built("Trajectories"):
            self.trajectories.add_from_standard()

    def delete_rows(self) -> None:
        table = self.current_table()
        if table is not None:
            table.delete_selected()
        elif self.pages.currentWidget() is self._built("Trajectories"):
            self.trajectories.delete_selected()

    def clipboard(self, what: str) -> None:
        """Edit → Cut, Copy or Paste (`what`): in a text box or an open cell editor, its
        text; otherwise the cells selected in the table or grid with the focus (or the
        current page's table)."""
        widget = QApplication.focusWidget()
        if isinstance(widget, QLineEdit):
            getattr(widget, what)()
            return
        while widget is not None and not isinstance(widget, SheetView):
            widget = widget.parentWidget()
        if widget is None:
            table = self.current_table()
            widget = table.view if table is not None else getattr(
                self.pages.currentWidget(), "grid", None) or self.trajectories.grid
        {"cut": widget.cut_requested, "copy": widget.copy_requested,
         "paste": widget.paste_requested}[what].emit()

    def focus_filter(self) -> None:
        table = self.current_table()
        if table is not None:
            table.focus_filter()

    def _on_tab_changed(self, index: int) -> None:
        if self._charts.is_built():
            self.charts.highlight(None, None)
        self.phasing.setVisible(TABLES[index][0] is EntityKind.SCHEME)
        self._on_table_shown()

    def _on_table_shown(self, *_args) -> None:
        """The selection figures are those of the table on show (none on other pages)."""
        table = self.current_table()
        if table is None:
            self.selection_stats.setVisible(False)
        else:
            self.selection_stats.show_for(table.view)

    def is_editing(self) -> bool:
        """True while a cell or driver editor is open: reloads wait for it."""
        tables = any(p.view.state() == p.view.State.EditingState for p in self.tables.built())
        pages = any(p.is_editing() for p in self._deferred.built_pages())
        drivers = self._drivers.is_built() and self.drivers.is_editing()
        return (tables or pages or drivers or self.phasing.is_editing()
                or self.timetable.is_editing())

    def go_to(self, kind, row_id) -> None:
        """Take the user to a row (from a check or elsewhere), or to its table if None."""
        pages = {EntityKind.ACTIVITY_LINE: "Activity", EntityKind.TRAJECTORY: "Trajectories"}
        if kind in (EntityKind.POOL, EntityKind.PLACE_ELEMENT, EntityKind.CONTRACT):
            self.show_page(self.system)
            self.system.select_id(kind, row_id)
            return
        if kind in pages:
            page = self._deferred.page(pages[kind])
            self.show_page(page)
            if row_id is not None:
                page.select_id(row_id)
            return
        for index, (table_kind, _title) in enumerate(TABLES):
            if table_kind == kind:
                self.show_page(self.splitter)
                self.tabs.setCurrentIndex(index)
                if row_id is not None:
                    self.tables[kind].select_id(row_id)
                return
        if kind is EntityKind.PLAN_YEAR:
            self.show_page(self.years.page)
            return
        if kind is EntityKind.DRIVERS:
            self.drivers_dock.show()
            self.drivers_dock.raise_()

    def restore(self) -> None:
        if self.sqlite_file is not None:
            from workbench.ui.dialogs.restore_dialog import RestoreDialog

            ask(RestoreDialog(self.controller, self.sqlite_file, self))

    def _on_row_selected(self, kind, row_id) -> None:
        self._selected_row = (kind, row_id)
        if self._history.is_built():
            self.history.select(kind, row_id)
        if kind is EntityKind.SCHEME:
            self.phasing.show_scheme(row_id)
        name = kind.value if isinstance(kind, EntityKind) else kind
        self.charts.highlight(name if row_id is not None else None, row_id)

    def _on_write_failed(self, message: str) -> None:
        self.setWindowModified(True)
        message = mask(message)
        self.statusBar().showMessage(f"Not saved: {message}", 15000)
        QMessageBox.warning(self, "Planning Workbench", f"The change was not saved.\n\n{message}")

    def _on_store_waiting(self, text: str) -> None:
        """What the window waits on the database for (its event loop still runs)."""
        if text:
            self.statusBar().showMessage(text)
        elif self.statusBar().currentMessage().startswith("Waiting for the database"):
            self.statusBar().clearMessage()

    def _on_plan_changed(self, _changes) -> None:
        self._update_status()

    def _update_title(self) -> None:
        where = f" — {mask(self.store_label)}" if self.store_label else ""
        read_only = " (read-only)" if self.controller.store.read_only else ""
        self.setWindowTitle(f"{self.controller.plan.title}{where}{read_only}[*]")

    def _update_status(self) -> None:
        plan = self.controller.plan
        self._status.setText(
            f"{len(plan.workstreams)} workstreams · {len(plan.schemes)} schemes · "
            f"{len(plan.risks)} risks · {len(plan.activity_lines)} activity lines · "
            f"{len(plan.trajectories)} trajectories · every edit is saved as you make it"
        )

    def _export(self, caption: str, suffix: str, save) -> None:
        from workbench.ui.export_paths import ask_save_path, save_export

        plan = self.controller.plan
        path = ask_save_path(self, caption, plan.ods_code or plan.organisation, "charts",
                             suffix=suffix, filter_text=f"{suffix[1:].upper()} (*{suffix})")
        if path and save_export(self, path, save):
            self.statusBar().showMessage(f"Saved {path}", 8000)

    def _save_charts(self, path: Path) -> None:
        """The page's charts as one captioned figure for a paper (300 dpi PNG or PDF)."""
        from workbench.ui.charts.export_menu import save_page_charts  # pyqtgraph: on use

        save_page_charts(self.current_charts(), self.controller.plan, path)

    def export_png(self) -> None:
        self._export("Export charts as PNG", ".png", self._save_charts)

    def export_pdf(self) -> None:
        self._export("Export charts as PDF", ".pdf", self._save_charts)

    def open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open a plan", "",
                                              "Planning Workbench plans (*.db);;All files (*)")
        if path:
            self.open_requested.emit(path)

    def show_help(self) -> None:
        from workbench.ui.dialogs.help_dialog import HelpDialog

        # one help window, raised again, not a new one per press of F1
        help_dialog = self.findChild(HelpDialog)
        if help_dialog is None:
            help_dialog = HelpDialog(self)
        help_dialog.show()
        help_dialog.raise_()
        help_dialog.activateWindow()

    def open_log_folder(self) -> None:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def about(self) -> None:
        QMessageBox.about(
            self, "About Planning Workbench",
            f"<b>Planning Workbench</b> {__version__}<br>Operational planning for NHS "
            f"commissioners.<br><br>Plan: {self.controller.plan.title}<br>"
            f"Database: {html.escape(mask(self.store_label))}",
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        save_layout(self, self.splitter)
        self.years.save()  # the plan year on show, for next time
        self._keep_figures()
        activity = self._built("Activity")
        for panel in (*self.tables.built(), *([activity.table] if activity else [])):
            panel.save_columns()
        super().closeEvent(event)
