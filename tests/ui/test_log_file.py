"""The log file: errors with tracebacks and slow-work timings, never a password; Help menu
opens its folder."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QUrl

from workbench.store import log_file


@pytest.fixture
def installed():
    path = log_file.install()
    yield path
    log_file.uninstall()


def test_errors_are_logged_with_traceback_and_no_password(installed):
    assert installed is not None and installed.parent == log_file.log_dir()
    try:
        raise KeyError("postgresql://jo:s3cret@db/plans")
    except KeyError:
        logging.getLogger("workbench.store.plan_store").exception(
            "fault on %s", "postgresql://jo@db/plans?password=s3cret")
    text = installed.read_text(encoding="utf-8")
    assert "Traceback" in text and "KeyError" in text and "fault on" in text
    assert "s3cret" not in text


def test_slow_work_is_timed(installed, monkeypatch):
    with log_file.timed("importing finance.xlsx", slow=0.0):
        pass
    with log_file.timed("a quick edit", slow=60.0):
        pass
    text = installed.read_text(encoding="utf-8")
    assert "importing finance.xlsx took" in text and "a quick edit" not in text


def test_log_file_rotates(installed, monkeypatch):
    handler = next(h for h in logging.getLogger("workbench").handlers
                   if isinstance(h, logging.handlers.RotatingFileHandler))
    monkeypatch.setattr(handler, "maxBytes", 2000)
    for i in range(100):
        logging.getLogger("workbench.test").info("line %d %s", i, "x" * 50)
    assert (installed.parent / f"{installed.name}.1").exists()


def test_help_menu_opens_the_log_folder(tmp_path, qtbot, monkeypatch):
    from workbench.ui.launcher import open_plan
    from workbench.ui.main_window import MainWindow
    from workbench.ui.plan_controller import PlanController

    opened: list[QUrl] = []
    monkeypatch.setattr("workbench.ui.main_window.QDesktopServices.openUrl",
                        lambda url: opened.append(url) or True)
    store, plan = open_plan(str(tmp_path / "plan.db"))
    window = MainWindow(PlanController(plan, store), store_label="plan.db")
    qtbot.addWidget(window)
    action = next(a for m in window.menuBar().actions() for a in m.menu().actions()
                  if a.text() == "Open &log folder")
    action.trigger()
    assert [u.toLocalFile() for u in opened] == [str(log_file.log_dir())]
    assert log_file.log_dir().is_dir()


def test_a_refused_change_is_logged_without_secrets(installed, memory_plan, qtbot):
    from workbench.domain.edits import EntityKind, SetField
    from workbench.ui.plan_controller import PlanController

    plan, store = memory_plan
    controller = PlanController(plan, store)
    store.fail_next = True
    assert not controller.push(SetField(EntityKind.PLAN, plan.id, "name", plan.name, "X"))
    assert "change not saved: the database is read-only" in installed.read_text("utf-8")
