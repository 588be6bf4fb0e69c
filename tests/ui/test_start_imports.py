"""What start-up leaves for later: no module a menu action needs (reportlab, openpyxl, the
template engine, the reports) is imported before the window is painted, and every menu
action whose module is imported on first use still opens its dialog when clicked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from tests.ui.start_probe import state_at_start
from workbench.ui.launcher import open_plan
from workbench.ui.main_window import MainWindow

# Libraries beyond the start-up floor's (pandas, numpy, SQLAlchemy, PySide6; pyqtgraph is
# imported just after the first paint), and the app's modules that only menu actions or
# panels out of sight use.
LATER = ("reportlab", "openpyxl", "PIL", "alembic", "pyqtgraph", "lxml", "pypdf", "docx",
         "PySide6.QtPrintSupport", "workbench.templates", "workbench.reports",
         "workbench.csv_inputs", "workbench.ui.board", "workbench.ui.charts",
         "workbench.ui.dialogs.version_diff_dialog", "workbench.ui.template_actions",
         # panels out of sight at first: built (and imported) when first shown
         "workbench.ui.panels.drivers_panel", "workbench.ui.checks_panel",
         "workbench.ui.history_panel")


def test_nothing_a_menu_needs_is_imported_before_the_window_is_painted(tmp_path):
    """A new process, as `workbench --db` starts it on an existing plan."""
    db = tmp_path / "plan.db"
    store, _plan = open_plan(str(db))  # made beforehand, as the benchmark's is
    store.engine.dispose()
    seen = state_at_start(tmp_path, db, "sorted(sys.modules)")

    def loaded(modules: list[str]) -> list[str]:
        return sorted({name for name in LATER for m in modules
                       if m == name or m.startswith(name + ".")})

    assert "workbench.ui.main_window" in seen["shown"]
    assert loaded(seen["shown"]) == []
    assert "pyqtgraph" in loaded(seen["complete"])  # the charts, just after the first paint


def click_menu_entry(qtbot, window: MainWindow, menu_title: str, entry: str) -> list[str]:
    """Click the menu bar's `menu_title`, then `entry` in it, with the mouse; return the
    class names of the dialogs that came up (each closed once seen: a modal one blocks the
    click until then)."""
    bar = window.menuBar()
    top = next(a for a in bar.actions() if a.text().replace("&", "") == menu_title)
    menu = top.menu()
    action = next(a for a in menu.actions() if a.text().replace("&", "") == entry)
    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    seen: list[str] = []
    done: list[bool] = []  # set once waited for: no poll outlives the test

    def new_dialogs() -> list[QDialog]:
        return [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QDialog) and w.isVisible() and id(w) not in before]

    def close_dialogs() -> None:
        if done:
            return
        for dialog in new_dialogs():
            seen.append(type(dialog).__name__)
            dialog.reject()
        if not seen:
            QTimer.singleShot(20, close_dialogs)

    def pick() -> None:
        if done:
            return
        if not menu.isVisible():
            QTimer.singleShot(20, pick)
            return
        QTimer.singleShot(20, close_dialogs)
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton,
                         pos=menu.actionGeometry(action).center())

    QTimer.singleShot(20, pick)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(top).center())
    try:
        qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    finally:
        done.append(True)
    return seen


@pytest.mark.parametrize(("menu_title", "entry", "dialog"), [
    ("File", "Import template…", "QFileDialog"),
    ("File", "Export template…", "ExportDialog"),
    ("File", "Import actuals (CSV)…", "QFileDialog"),
    ("File", "Export charts as PNG…", "QFileDialog"),
    ("File", "Board paper…", "BoardPaperDialog"),
    ("File", "Restore from backup…", "RestoreDialog"),
    ("Plan", "Freeze this version…", "FreezeDialog"),
    ("Plan", "Versions and comparison…", "VersionsDialog"),
    ("Plan", "Compare versions row by row…", "VersionDiffDialog"),
    ("Reports", "QIPP performance report…", "QMessageBox"),
    ("Help", "Planning Workbench help", "HelpDialog"),
])
def test_each_menu_entry_imported_on_first_use_opens_its_dialog(on_file, qtbot, menu_title,
                                                                entry, dialog):
    assert dialog in click_menu_entry(qtbot, on_file, menu_title, entry)
