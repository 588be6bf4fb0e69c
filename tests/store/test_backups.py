"""Rolling backups while the database is open, and an atomic restore."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import EntityKind, SetField
from workbench.domain.errors import StoreError
from workbench.store import open_store
from workbench.store.backups import list_backups, restore_backup, take_backup


def test_backups_roll_and_restore(tmp_path):
    db = tmp_path / "plan.db"
    store = open_store(db, create=True)
    plan = store.save_new_plan(demo_plan())
    base = dt.datetime(2016, 4, 1, 9, 0, 0)
    for hour in range(5):
        take_backup(db, keep=3, now=base + dt.timedelta(hours=hour))
    backups = list_backups(db)
    assert [b.taken.hour for b in backups] == [13, 12, 11]  # newest three kept

    store.apply(SetField(EntityKind.PLAN, plan.id, "name", plan.name, "Changed after backup"))
    store.engine.dispose()
    restore_backup(backups[0].path, db)
    assert open_store(db).load_plan().name == "Operational plan"
    assert len(list_backups(db)) == 4  # the pre-restore state is backed up too
    newest = list_backups(db)[0].path
    assert open_store(newest).load_plan().name == "Changed after backup"


def test_damaged_backup_is_refused(tmp_path):
    db = tmp_path / "plan.db"
    open_store(db, create=True).save_new_plan(demo_plan())
    bad = Path(tmp_path / "bad.db")
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(StoreError, match="bad.db is damaged"):
        restore_backup(bad, db)
    assert open_store(db).load_plan().organisation == "Oxfordshire CCG"
