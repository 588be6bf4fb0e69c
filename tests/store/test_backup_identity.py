"""Backups belong to one plan: filed and checked by the identity inside the database."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from workbench.app import main
from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import EntityKind, SetField
from workbench.domain.errors import StoreError
from workbench.store import open_store
from workbench.store.backups import list_backups, restore_backup, take_backup
from workbench.store.identity import identity_of_file
from workbench.store.plan_lock import acquire


def _plan(path, name: str):
    store = open_store(path, create=True)
    plan = store.save_new_plan(demo_plan())
    store.apply(SetField(EntityKind.PLAN, plan.id, "name", plan.name, name))
    store.engine.dispose()
    return path


def _name(path) -> str:
    store = open_store(path)
    try:
        return store.load_plan().name
    finally:
        store.engine.dispose()


def test_two_plans_with_one_file_name_keep_their_own_backups(tmp_path):
    a = _plan(tmp_path / "teamA" / "plan.db", "Team A")
    b = _plan(tmp_path / "teamB" / "plan.db", "Team B")
    assert identity_of_file(a) != identity_of_file(b)
    take_backup(a)
    for _ in range(5):
        take_backup(b, keep=3)
    assert len(list_backups(a)) == 1  # B's backups neither listed in A nor rotate A's away
    assert len(list_backups(b)) == 3
    folder = list_backups(b)[0].path.parent  # plain files: listing leaves no -wal or -shm
    assert sorted(p.suffix for p in folder.iterdir()) == [".db"] * 3
    assert _name(list_backups(a)[0].path) == "Team A"


def test_restore_refuses_another_plans_backup(tmp_path):
    a = _plan(tmp_path / "teamA" / "plan.db", "Team A")
    b = _plan(tmp_path / "teamB" / "plan.db", "Team B")
    theirs = take_backup(b)
    with pytest.raises(StoreError, match="backup of another plan"):
        restore_backup(theirs, a)
    assert _name(a) == "Team A"
    # A copy of B's backup renamed and placed in A's folder is still B's, and is not listed.
    mine = take_backup(a)
    disguised = mine.with_name(mine.name.replace("plan-", "plan-x-"))
    disguised.write_bytes(theirs.read_bytes())
    assert [x.path for x in list_backups(a)] == [mine]


def test_restore_brings_back_the_plan_and_keeps_the_state_it_replaced(tmp_path):
    db = _plan(tmp_path / "plan.db", "Before")
    backup = take_backup(db)
    store = open_store(db)
    plan = store.load_plan()
    store.apply(SetField(EntityKind.PLAN, plan.id, "name", plan.name, "After"))
    store.engine.dispose()
    before = restore_backup(backup, db)
    assert _name(db) == "Before" and _name(before) == "After"
    assert not list(tmp_path.rglob("*.partial"))


def test_restore_copies_into_the_live_file_without_touching_its_wal(tmp_path):
    """Another connection keeps the file open: nothing is renamed or deleted under it, and
    it reads the restored plan afterwards (no -wal pulled from under it)."""
    db = _plan(tmp_path / "plan.db", "Before")
    backup = take_backup(db)
    other = open_store(db)
    plan = other.load_plan()
    other.apply(SetField(EntityKind.PLAN, plan.id, "name", plan.name, "After"))
    restore_backup(backup, db)  # the sharing guard fails any replace of an open file
    assert other.load_plan().name == "Before"
    fresh = other.load_plan()
    other.apply(SetField(EntityKind.PLAN, fresh.id, "name", fresh.name, "Edited later"))
    other.engine.dispose()
    assert _name(db) == "Edited later"


def test_a_backup_is_taken_before_demo_force_and_import(tmp_path, capsys):
    db = _plan(tmp_path / "plan.db", "Mine")
    assert main(["demo", "--force", "--db", str(db)]) == 0
    assert "backed up to" in capsys.readouterr().out
    saved = list_backups(db)
    assert len(saved) == 1 and "before-demo" in saved[0].path.name
    assert _name(saved[0].path) == "Mine"


def test_cli_backup_list_and_restore(tmp_path, capsys):
    db = _plan(tmp_path / "plan.db", "First")
    assert main(["backup", "--db", str(db)]) == 0
    assert "Backed up" in capsys.readouterr().out
    backup = list_backups(db)[0].path
    store = open_store(db)
    plan = store.load_plan()
    store.apply(SetField(EntityKind.PLAN, plan.id, "name", plan.name, "Second"))
    store.engine.dispose()
    assert main(["restore", "--list", "--db", str(db)]) == 0
    assert str(backup) in capsys.readouterr().out
    assert main(["restore", "--from", str(backup), "--db", str(db)]) == 0
    assert _name(db) == "First"
    other = _plan(tmp_path / "other" / "plan.db", "Other")
    assert main(["restore", "--from", str(take_backup(other)), "--db", str(db)]) == 2
    assert "another plan" in capsys.readouterr().err
    assert _name(db) == "First"


def test_cli_restore_is_refused_while_another_copy_holds_the_plan(tmp_path, capsys):
    db = _plan(tmp_path / "plan.db", "Held")
    backup = take_backup(db)
    lock = acquire(db)  # this test process plays the open window
    try:
        assert main(["restore", "--from", str(backup), "--db", str(db)]) == 2
        err = capsys.readouterr().err
        assert "open in another copy" in err and "Traceback" not in err
    finally:
        lock.release()


def test_existing_database_gets_an_identity_on_upgrade(tmp_path):
    db = _plan(tmp_path / "plan.db", "Old")
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("DELETE FROM workbench_meta WHERE key = 'identity'")
        conn.execute("UPDATE alembic_version SET version_num = '0008'")
    with pytest.raises(StoreError, match="carries no plan identity"):
        identity_of_file(db)
    open_store(db).engine.dispose()
    assert len(identity_of_file(db)) == 32
    assert [b.path.name.split("-")[1] for b in list_backups(db)] == ["upgrade"]
