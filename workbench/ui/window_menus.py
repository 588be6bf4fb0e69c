"""The main window's menus: every common action, each with a keyboard shortcut.

What an action opens (a dialog, a report writer, the template engine) is imported when the
action is first triggered: none of it is needed to show the window, and some of it pulls in
large libraries (reportlab for the board paper, openpyxl for templates and comparisons).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow
    from workbench.ui.template_actions import TemplateActions

Std = QKeySequence.StandardKey


def open_board_paper(w: MainWindow) -> None:
    from workbench.ui.board.dialog import open_board_paper as open_paper  # reportlab

    open_paper(w)


def show_version_diff(w: MainWindow) -> None:
    from workbench.ui.dialogs.version_diff_dialog import show_version_diff as show  # openpyxl

    show(w.controller, w)


def write_qipp(w: MainWindow) -> None:
    from workbench.ui.delivery.qipp_action import write_qipp as write

    write(w)


def template_actions(w: MainWindow) -> TemplateActions:
    """File → Import and Export template's handler, made on first use."""
    if w.templates is None:
        from workbench.ui.template_actions import TemplateActions

        w.templates = TemplateActions(w.controller, w)
    return w.templates


def build_menus(w: MainWindow) -> None:
    stack = w.controller.undo_stack
    writable = not w.controller.store.read_only
    w.undo_action = stack.createUndoAction(w, "&Undo")
    w.undo_action.setShortcuts([QKeySequence(Std.Undo)])
    w.redo_action = stack.createRedoAction(w, "&Redo")
    w.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])

    file_menu = w.menuBar().addMenu("&File")
    file_menu.addAction(w.action("&New plan or demo…", w.welcome_requested.emit, Std.New))
    file_menu.addAction(w.action("&Open plan…", w.open_file, Std.Open))
    recent_menu = file_menu.addMenu("Open &recent")
    for path in w.recent:
        recent_menu.addAction(w.action(path, lambda _=False, p=path: w.open_requested.emit(p)))
    recent_menu.setEnabled(bool(w.recent))
    file_menu.addSeparator()
    w.templates = None  # template_actions(w) makes it
    importing = w.action("&Import template…",
                         lambda _=False: template_actions(w).ask_import(), "Ctrl+I")
    importing.setEnabled(writable)
    file_menu.addAction(importing)
    file_menu.addAction(w.action("E&xport template…",
                                 lambda _=False: template_actions(w).ask_export(), "Ctrl+E"))
    actuals = w.action("Import &actuals (CSV)…", w.import_actuals, "Ctrl+Shift+I",
                       "Add actuals for trajectories and activity lines from a CSV file")
    actuals.setEnabled(writable)
    file_menu.addAction(actuals)
    file_menu.addSeparator()
    file_menu.addAction(w.action("Export charts as &PNG…", w.export_png))
    file_menu.addAction(w.action("Export charts as P&DF…", w.export_pdf))
    file_menu.addAction(w.action("&Board paper…", lambda _=False: open_board_paper(w),
                                 "Ctrl+Shift+B", "The Governing Body paper: preview, print, "
                                 "save as PDF, Word or Excel"))
    file_menu.addSeparator()
    restore = w.action("&Restore from backup…", w.restore)
    restore.setEnabled(w.sqlite_file is not None and writable)
    file_menu.addAction(restore)
    file_menu.addSeparator()
    file_menu.addAction(w.action("&Quit", w.close, Std.Quit))

    edit_menu = w.menuBar().addMenu("&Edit")
    edit_menu.addAction(w.undo_action)
    edit_menu.addAction(w.redo_action)
    edit_menu.addSeparator()
    for text, what, key in (("Cu&t", "cut", Std.Cut), ("&Copy", "copy", Std.Copy),
                            ("&Paste", "paste", Std.Paste)):
        edit_menu.addAction(w.action(text, lambda _=False, x=what: w.clipboard(x), key,
                                     f"{text.replace('&', '')} the selected cells"))
    edit_menu.addSeparator()
    edit_menu.addAction(w.action("&Add row", w.add_row, "Ctrl+Shift+N",
                                 "Add a row to the current table"))
    edit_menu.addAction(w.action("&Delete selected rows", w.delete_rows, "Ctrl+Shift+Del"))
    edit_menu.addAction(w.action("&Filter…", w.focus_filter, Std.Find))

    plan_menu = w.menuBar().addMenu("&Plan")
    freeze = w.action("&Freeze this version…", w.freeze_version, "Ctrl+Shift+F",
                      "Keep the plan as it is now (e.g. as submitted) to compare with later")
    freeze.setEnabled(writable)
    plan_menu.addAction(freeze)
    plan_menu.addAction(w.action("&Versions and comparison…", w.show_versions, "Ctrl+Shift+V"))
    w.diff_action = w.action("&Compare versions row by row…",
                             lambda _=False: show_version_diff(w), "Ctrl+Shift+D",
                             "Every change between two versions, with its effect on the gap")
    plan_menu.addAction(w.diff_action)
    plan_menu.addSeparator()
    w.odds_action = w.action("Delivery &odds…", w.odds.show, "Ctrl+Shift+O",
                             "How likely the plan is to meet the business rules (Monte Carlo)")
    plan_menu.addAction(w.odds_action)
    w.scenarios_action = w.action("&Scenarios…", w.scenarios.show, "Ctrl+Shift+W",
                                  "What if: named overrides of the drivers, side by side, "
                                  "and the tornado of the year-end shortfall")
    plan_menu.addAction(w.scenarios_action)
    w.timetable_action = w.action("Submission &timetable…", w.timetable.show, "Ctrl+Shift+T",
                                  "The planning round: what is due when, which version went, "
                                  "who signed it off")
    plan_menu.addAction(w.timetable_action)

    view_menu = w.menuBar().addMenu("&View")
    for index, kind in enumerate(w.tables):  # in tab order
        title = w.tabs.tabText(index)
        view_menu.addAction(w.action(f"&{title}", lambda _=False, k=kind: w.go_to(k, None),
                                     f"Ctrl+{index + 1}"))
    view_menu.addAction(w.action("&Activity plan", lambda _=False: w.show_page(w.activity),
                                 f"Ctrl+{len(w.tables) + 1}"))
    view_menu.addAction(w.action("&Trajectories",
                                 lambda _=False: w.show_page(w.trajectories),
                                 f"Ctrl+{len(w.tables) + 2}"))
    view_menu.addAction(w.action("In-year &delivery", lambda _=False: w.show_page(w.delivery),
                                 f"Ctrl+{len(w.tables) + 3}",
                                 "The scheme ledger: actuals, forecasts, RAG and milestones"))
    view_menu.addAction(w.action("S&ystem: pools, place, contracts",
                                 lambda _=False: w.show_page(w.system),
                                 f"Ctrl+{len(w.tables) + 4}"))
    view_menu.addAction(w.action("&Five-year plan", lambda _=False: w.show_page(w.years.page),
                                 f"Ctrl+{len(w.tables) + 5}",
                                 "The plan's years side by side, firm and indicative"))
    view_menu.addSeparator()
    for dock in (w.summary_dock, w.drivers_dock, w.checks_dock):
        view_menu.addAction(dock.toggleViewAction())
    view_menu.addAction(w.odds.dock.toggleViewAction())
    view_menu.addAction(w.explain.dock.toggleViewAction())
    view_menu.addAction(w.scenarios.dock.toggleViewAction())
    view_menu.addAction(w.timetable.dock.toggleViewAction())
    history = w.history_dock.toggleViewAction()
    history.setShortcut(QKeySequence("Ctrl+H"))
    view_menu.addAction(history)
    w.view_menu = view_menu

    reports_menu = w.menuBar().addMenu("&Reports")
    w.qipp_action = w.action("&QIPP performance report…", lambda _=False: write_qipp(w),
                             tip="The month's QIPP performance report as PDF or Excel")
    reports_menu.addAction(w.qipp_action)

    help_menu = w.menuBar().addMenu("&Help")
    help_menu.addAction(w.action("Planning Workbench &help", w.show_help, Std.HelpContents))
    help_menu.addAction(w.action("Open &log folder", w.open_log_folder))
    help_menu.addAction(w.action("&About Planning Workbench", w.about))
