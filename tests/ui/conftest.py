"""The main window on a real SQLite store holding the demo plan."""

from __future__ import annotations

import pytest

from workbench.ui.launcher import open_plan
from workbench.ui.main_window import MainWindow
from workbench.ui.plan_controller import PlanController


@pytest.fixture
def window(tmp_path, qtbot, monkeypatch):
    monkeypatch.setattr("workbench.ui.main_window.QMessageBox.warning", lambda *a, **k: None)
    store, plan = open_plan(str(tmp_path / "plan.db"))
    win = MainWindow(PlanController(plan, store), store_label="plan.db")
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def on_file(tmp_path, qtbot, monkeypatch):
    """The window on a plan file (so File → Restore from backup is on), shown."""
    monkeypatch.setattr("workbench.ui.main_window.QMessageBox.warning", lambda *a, **k: None)
    db = tmp_path / "plan.db"
    store, plan = open_plan(str(db))
    win = MainWindow(PlanController(plan, store), store_label="plan.db",
                     sqlite_file=db.resolve())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture(autouse=True, scope="session")
def _collect_on_the_gui_thread(qapp):
    """As in the app: the cycle collector runs on the GUI thread only, so a Qt object left
    in a cycle by an earlier test is never freed by the store thread (ui/gui_thread_gc)."""
    from workbench.ui.gui_thread_gc import GuiThreadCollector

    collector = GuiThreadCollector(qapp)
    yield collector
    collector.stop()


@pytest.fixture(autouse=True)
def _thread_faults_recorded(monkeypatch):
    """A fault raised on another thread reaches a modal dialog (ui/errors.install_excepthooks):
    in a test nobody answers it, so the fault is recorded instead of waiting for ever."""
    faults: list[BaseException] = []
    monkeypatch.setattr("workbench.ui.errors.show_error",
                        lambda _parent, exc: faults.append(exc))
    return faults
