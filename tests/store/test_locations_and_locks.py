"""Shared drives and cloud folders, the data folder IT sets by policy, and the plan lock."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from workbench.domain.errors import StoreError
from workbench.store import locations, open_store
from workbench.store.locations import data_dir, data_dir_source, shared_location
from workbench.store.plan_lock import STALE_MINUTES, PlanLocked, acquire, lock_path, read_holder


def test_unc_and_mapped_network_drives_are_shared():
    assert "network share" in shared_location(r"\\fileserver\finance\plan.db", windows=True)
    assert "network share" in shared_location("//fileserver/finance/plan.db", windows=False,
                                              mounts=[])
    remote = {"H:\\": 4, "C:\\": 3}
    mapped = shared_location(r"H:\Plans\plan.db", windows=True, drive_type=remote.get, env={})
    assert mapped == "H: is a network drive"
    assert shared_location(r"C:\Plans\plan.db", windows=True, drive_type=remote.get,
                           env={}) is None


def test_cloud_sync_folders_are_shared():
    env = {"OneDriveCommercial": r"C:\Users\ann\OneDrive - NHS"}
    assert "OneDrive" in shared_location(r"C:\Users\ann\OneDrive - NHS\Plans\p.db",
                                         windows=True, drive_type=lambda _r: 3, env=env)
    assert "dropbox" in shared_location("/home/ann/Dropbox/p.db", windows=False, env={},
                                        mounts=[])
    assert shared_location("/home/ann/plans/p.db", windows=False, env={}, mounts=[]) is None


def test_network_mounts_on_linux_are_shared():
    mounts = [("/", "ext4"), ("/mnt/team", "cifs"), ("/mnt/team/local", "ext4")]
    assert "cifs" in shared_location("/mnt/team/p.db", windows=False, env={}, mounts=mounts)
    assert shared_location("/mnt/team/local/p.db", windows=False, env={},
                           mounts=mounts) is None


def test_a_plan_on_a_shared_drive_uses_the_rollback_journal(tmp_path, monkeypatch):
    monkeypatch.setattr("workbench.store.opening.shared_location",
                        lambda _p: "H: is a network drive")
    store = open_store(tmp_path / "plan.db", create=True)
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "delete"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    store.engine.dispose()
    assert not Path(f"{tmp_path / 'plan.db'}-wal").exists()
    with pytest.raises(StoreError, match="H: is a network drive"):
        open_store(tmp_path / "plan.db", allow_shared=False)


def test_data_folder_policy_then_environment_then_default(tmp_path, monkeypatch):
    monkeypatch.setattr(locations, "policy_reader", lambda: r"%TEAM%\Workbench")
    env = {"WORKBENCH_DATA_DIR": str(tmp_path / "env"), "TEAM": str(tmp_path / "h")}
    assert str(data_dir(env)).replace("\\", "/") == f"{tmp_path}/h/Workbench"
    assert data_dir_source(env) == "policy"
    monkeypatch.setattr(locations, "policy_reader", lambda: None)
    assert data_dir(env) == tmp_path / "env" and data_dir_source(env) == "environment"
    assert data_dir({}).name == "PlanningWorkbench" and data_dir_source({}) == "default"


def test_the_lock_names_user_machine_and_time(tmp_path):
    db = tmp_path / "plan.db"
    lock = acquire(db)
    record = json.loads(lock_path(db).read_text())
    assert record["machine"] == socket.gethostname() and record["user"]
    assert dt.datetime.fromisoformat(record["taken"]).tzinfo is not None
    with pytest.raises(PlanLocked) as refused:
        acquire(db)
    assert record["user"] in str(refused.value) and socket.gethostname() in str(refused.value)
    assert not refused.value.can_take_over
    lock.release()
    assert not lock_path(db).exists()
    acquire(db).release()


def test_a_lock_left_by_a_dead_process_on_this_machine_is_stale(tmp_path):
    db = tmp_path / "plan.db"
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    lock = acquire(db)
    dead = dataclasses.replace(lock.holder, pid=int(gone.stdout))
    lock_path(db).write_text(json.dumps(dataclasses.asdict(dead)))
    acquire(db).release()  # taken without asking


def test_another_machines_old_lock_can_be_taken_over_only_when_asked(tmp_path):
    db = tmp_path / "plan.db"
    lock = acquire(db)
    old = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=STALE_MINUTES + 5)).isoformat()
    theirs = dataclasses.replace(lock.holder, machine="NHS-PC-0042", user="bob",
                                 taken=old, refreshed=old)
    lock_path(db).write_text(json.dumps(dataclasses.asdict(theirs)))
    with pytest.raises(PlanLocked, match="bob on NHS-PC-0042") as refused:
        acquire(db)
    assert refused.value.can_take_over
    mine = acquire(db, take_over=True)
    assert read_holder(lock_path(db)).machine == socket.gethostname()
    mine.release()


def test_another_machines_fresh_lock_cannot_be_taken_over(tmp_path):
    db = tmp_path / "plan.db"
    lock = acquire(db)
    lock.refresh()
    fresh = dataclasses.replace(lock.holder, machine="NHS-PC-0042")
    lock_path(db).write_text(json.dumps(dataclasses.asdict(fresh)))
    with pytest.raises(PlanLocked) as refused:
        acquire(db, take_over=True)
    assert not refused.value.can_take_over
    assert read_holder(lock_path(db)).machine == "NHS-PC-0042"
