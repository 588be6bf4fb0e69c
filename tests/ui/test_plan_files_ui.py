"""Opening plans in the window: first start, backups after first paint, locks, restore."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import threading
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QMessageBox

from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import EntityKind, SetField
from workbench.store import default_db_path, open_store
from workbench.store.backups import list_backups, take_backup
from workbench.store.identity import identity_of_file
from workbench.store.plan_lock import STALE_MINUTES, acquire, lock_path, read_holder
from workbench.ui.dialogs.restore_dialog import RestoreDialog
from workbench.ui.dialogs.welcome_dialog import WelcomeChoice, WelcomeDialog
from workbench.ui.launcher import Launcher, lock_plan


@pytest.fixture(autouse=True)
def boxes(monkeypatch):
    """Message boxes say what they would have shown instead of waiting for a click."""
    shown: list[str] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, lambda _p, _t, text, *a, **k: shown.append(text))
    return shown


def _plan(path: Path, name: str) -> Path:
    store = open_store(path, create=True)
    plan = store.save_new_plan(demo_plan())
    store.apply(SetField(EntityKind.PLAN, plan.id, "name", plan.name, name))
    store.engine.dispose()
    return path


def test_first_start_in_a_missing_data_folder_is_writable(qtbot, boxes):
    target = default_db_path()
    assert not target.parent.exists()
    window = Launcher(lock_plan).start(str(target), welcome=False)
    qtbot.addWidget(window)
    assert not window.controller.store.read_only
    assert window.plan_lock is not None and read_holder(lock_path(target)).pid == os.getpid()
    assert "(read-only)" not in window.windowTitle()
    qtbot.wait(50)
    assert boxes == []
    window.plan_lock.release()


class _PaintClock(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.first_paint: float | None = None

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self.first_paint is None:
            self.first_paint = dt.datetime.now().timestamp()
        return False


def test_backup_on_open_runs_after_first_paint_off_the_gui_thread(tmp_path, qtbot,
                                                                  monkeypatch):
    db = _plan(tmp_path / "plan.db", "Painted first")
    started: list[tuple[float, str]] = []
    import workbench.ui.store_guard as guard_module

    real = guard_module.take_backup

    def recording(path):
        started.append((dt.datetime.now().timestamp(), threading.current_thread().name))
        return real(path)

    monkeypatch.setattr(guard_module, "take_backup", recording)
    window = Launcher(lock_plan).open(str(db), on_failure_ask=False)
    qtbot.addWidget(window)
    clock = _PaintClock()
    window.installEventFilter(clock)
    assert list_backups(db) == []  # nothing copied before the window is up
    with qtbot.waitSignal(window.guard.backed_up, timeout=20000) as done:
        window.show()
    backup = done.args[0]
    assert clock.first_paint is not None and started[0][0] >= clock.first_paint
    assert started[0][1] != threading.main_thread().name
    with closing(sqlite3.connect(backup)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert identity_of_file(backup) == identity_of_file(db)
    copy = open_store(backup)
    assert copy.load_plan().name == "Painted first"
    copy.engine.dispose()
    assert [b.path for b in list_backups(db)] == [backup]
    window.plan_lock.release()


def _foreign_lock(db: Path, minutes_ago: int) -> None:
    mine = acquire(db)
    when = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=minutes_ago)).isoformat()
    theirs = dataclasses.replace(mine.holder, user="bob", machine="NHS-PC-0042",
                                 taken=when, refreshed=when)
    lock_path(db).write_text(json.dumps(dataclasses.asdict(theirs)))


def test_a_crashed_pcs_lock_is_taken_over_when_the_user_agrees(tmp_path, qtbot,
                                                                monkeypatch):
    db = _plan(tmp_path / "plan.db", "Shared")
    _foreign_lock(db, STALE_MINUTES + 10)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: asked.append(
        text) or QMessageBox.StandardButton.Yes)
    window = Launcher(lock_plan).open(str(db), on_failure_ask=False)
    qtbot.addWidget(window)
    assert "bob on NHS-PC-0042" in asked[0]
    assert not window.controller.store.read_only
    assert read_holder(lock_path(db)).pid == os.getpid()
    window.plan_lock.release()


def test_a_refused_take_over_opens_read_only_naming_the_holder(tmp_path, qtbot,
                                                                monkeypatch):
    db = _plan(tmp_path / "plan.db", "Shared")
    _foreign_lock(db, STALE_MINUTES + 10)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a: QMessageBox.StandardButton.No)
    window = Launcher(lock_plan).open(str(db), on_failure_ask=False)
    qtbot.addWidget(window)
    assert window.controller.store.read_only and "(read-only)" in window.windowTitle()
    assert "bob on NHS-PC-0042" in window.read_only_banner.text()
    assert read_holder(lock_path(db)).machine == "NHS-PC-0042"


def test_a_read_only_file_opens_with_a_banner(tmp_path, qtbot, monkeypatch):
    db = _plan(tmp_path / "plan.db", "Locked down")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if (
        mode == os.W_OK and Path(p) == db) else real_access(p, mode))
    window = Launcher(lock_plan).open(str(db), on_failure_ask=False)
    qtbot.addWidget(window)
    assert window.controller.store.read_only
    assert "read-only file" in window.read_only_banner.text()
    window.plan_lock.release()


def test_restore_dialog_lists_only_this_plans_backups_and_restores_by_click(tmp_path, qtbot):
    a = _plan(tmp_path / "teamA" / "plan.db", "Team A")
    b = _plan(tmp_path / "teamB" / "plan.db", "Team B")
    mine = take_backup(a)
    for _ in range(3):
        take_backup(b)
    window = Launcher(lock_plan).open(str(a), on_failure_ask=False)
    qtbot.addWidget(window)
    controller = window.controller
    plan = controller.plan
    controller.push(SetField(EntityKind.PLAN, plan.id, "name", plan.name, "Changed"))
    dialog = RestoreDialog(controller, a, window)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and dialog.list.item(0).data(256) == str(mine)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert controller.plan.name == "Team A"
    assert not controller.store.read_only
    window.plan_lock.release()


def test_welcome_offers_existing_plans_first(tmp_path, qtbot):
    from workbench.store.database import data_dir

    existing = _plan(data_dir() / "10Q-2016.db", "Mine")
    launcher = Launcher(lock_plan)
    from workbench.ui import launcher as launcher_module

    found = launcher_module.existing_plans()
    assert found == [existing.resolve()]
    dialog = WelcomeDialog("", None, existing=found)
    qtbot.addWidget(dialog)
    assert dialog.existing.isChecked() and not dialog.demo.isChecked()
    assert dialog.choice() == WelcomeChoice("open", path=existing.resolve())
    qtbot.mouseClick(dialog.demo, Qt.MouseButton.LeftButton)
    assert dialog.choice() == WelcomeChoice("demo")
    window = launcher._open_choice(WelcomeChoice("open", path=existing.resolve()))
    qtbot.addWidget(window)
    assert window.controller.plan.name == "Mine"
    window.plan_lock.release()


def test_smoke_removes_its_temporary_folder(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(TMPDIR=str(tmp_path), HOME=str(tmp_path / "home"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    result = subprocess.run([sys.executable, "-m", "workbench", "--smoke"], env=env,
                            capture_output=True, text=True, timeout=180,
                            cwd=Path(__file__).parents[2])
    assert result.returncode == 0, result.stdout + result.stderr
    assert not list(tmp_path.glob("workbench-smoke-*"))


def test_opening_a_recent_file_that_is_gone_does_not_create_it(tmp_path, qtbot, boxes):
    gone = tmp_path / "moved away.db"
    launcher = Launcher(lock_plan)
    launcher._on_open_requested(str(gone))
    assert not gone.exists() and not list(tmp_path.glob("moved away.db*"))
    assert "no database at" in boxes[0]


def test_imports_in_the_window_take_a_backup_first(tmp_path, qtbot, boxes):
    from workbench.ui.actuals_import import import_actuals_csv
    from workbench.ui.launcher import open_plan
    from workbench.ui.plan_controller import PlanController
    from workbench.ui.template_actions import TemplateActions

    db = tmp_path / "plan.db"
    store, plan = open_plan(str(db))
    controller = PlanController(plan, store)
    csv = tmp_path / "actuals.csv"
    csv.write_text("date,metric,value,note\n2019-04,AE_4HR,88%,\n")
    assert import_actuals_csv(controller, None, csv)
    first = list_backups(db)
    assert len(first) == 1 and "before-import" in first[0].path.name
    assert "2019-04" not in open_store(first[0].path).load_plan().trajectories[2].actuals

    out = tmp_path / "finance.xlsx"
    actions = TemplateActions(controller, None)
    with qtbot.waitSignal(actions.start_export("finance", out).done, timeout=30000):
        pass
    from workbench.templates import plan_import

    assert actions.apply(plan_import(out, controller.plan))
    assert len(list_backups(db)) == 2
