"""A path is a path; opening never writes to a file that is not ours; errors are one line."""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import stat
import subprocess
import sys
from contextlib import closing
from pathlib import Path, PureWindowsPath

import pytest
from alembic import command

from workbench.app import main
from workbench.domain.errors import NotAWorkbenchDatabase, StoreError
from workbench.store import open_store
from workbench.store.database import open_engine, sqlite_path, sqlite_url
from workbench.store.migrate import alembic_config, current_revision

NAMES = ["new?x.db", "report%20v2.db", "plan#2.db", "my plan.db", "plän ü 東京.db",
         "a?b=c&d#e%41.db"]


@pytest.mark.parametrize("name", NAMES)
def test_demo_writes_exactly_the_file_named(tmp_path, name, capsys):
    db = tmp_path / name
    assert main(["demo", "--db", str(db)]) == 0
    files = {p.name for p in tmp_path.iterdir() if p.is_file()}
    assert name in files and files <= {name, name + "-wal", name + "-shm"}
    assert main(["summary", "--db", str(db)]) == 0
    assert "Oxfordshire CCG" in capsys.readouterr().out


def test_percent_in_a_name_never_reaches_another_file(tmp_path, capsys):
    other = tmp_path / "report v2.db"
    assert main(["demo", "--db", str(other)]) == 0
    before = other.read_bytes()
    assert main(["demo", "--force", "--db", str(tmp_path / "report%20v2.db")]) == 0
    assert other.read_bytes() == before
    assert (tmp_path / "report%20v2.db").exists()


def test_windows_drive_letter_paths_round_trip():
    for raw in (r"C:\Plans\plan?.db", r"H:\Team #1\100% plan.db", r"\\server\share\p.db"):
        url = sqlite_url(PureWindowsPath(raw), resolve=False)
        assert str(sqlite_path(url)) == raw


def test_empty_file_is_refused_and_left_empty(tmp_path, capsys):
    empty = tmp_path / "empty.db"
    empty.touch()
    assert main(["summary", "--db", str(empty)]) == 2
    assert "empty" in capsys.readouterr().err
    assert empty.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]


def test_another_apps_database_is_not_switched_to_wal(tmp_path):
    other = tmp_path / "crm.db"
    with closing(sqlite3.connect(other)) as conn, conn:
        conn.execute("create table customers (id integer primary key, name text)")
    before = other.read_bytes()
    with pytest.raises(NotAWorkbenchDatabase, match="crm.db"):
        open_store(other)
    assert other.read_bytes() == before  # header bytes 18-19 still say rollback journal
    assert sorted(p.name for p in tmp_path.iterdir()) == ["crm.db"]


@pytest.mark.parametrize("url, words", [
    ("postgres://ann:s3cret@db.example/plans", ["postgres"]),
    ("nosuchdriver://ann:s3cret@host/db", ["nosuchdriver"]),
    ("postgresql+nosuchdbapi://ann:s3cret@host/db", ["nosuchdbapi"]),
    ("postgresql://ann:s3cret@host:notaport/db", ["notaport"]),
])
def test_url_mistakes_are_one_line_without_the_password(url, words, capsys):
    assert main(["summary", "--db-url", url]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("workbench: error:")
    assert "s3cret" not in err and all(w in err for w in words)


def test_a_folder_that_does_not_exist_is_created_private(tmp_path, capsys):
    db = tmp_path / "new" / "deeper" / "plan.db"
    assert main(["demo", "--db", str(db)]) == 0
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def test_a_folder_that_cannot_be_created_is_named(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["demo", "--db", str(blocker / "plan.db")]) == 2
    err = capsys.readouterr().err
    assert "cannot create the folder" in err and str(blocker) in err


def test_backups_are_private(tmp_path):
    from workbench.store.backups import take_backup

    db = tmp_path / "plan.db"
    open_store(db, create=True).engine.dispose()
    backup = take_backup(db)
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup.parent.stat().st_mode) == 0o700


def test_read_only_file_opens_read_only_with_the_reason(tmp_path, monkeypatch):
    db = tmp_path / "plan.db"
    open_store(db, create=True).engine.dispose()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if (
        mode == os.W_OK and Path(p) == db) else real_access(p, mode))  # root writes anything
    store = open_store(db)
    assert store.read_only and "read-only file" in store.read_only_reason
    with store.engine.connect() as conn, pytest.raises(Exception, match="readonly"):
        conn.exec_driver_sql("DELETE FROM workbench_meta")


def _old_schema(path: Path) -> None:
    engine = open_engine(sqlite_url(path))
    command.upgrade(alembic_config(engine), "0005")
    engine.dispose()
    with closing(sqlite3.connect(path)) as conn, conn:  # make it bigger than the file limit
        conn.execute("create table padding (x blob)")
        conn.executemany("insert into padding values (?)", [(b"x" * 4000,)] * 100)


def _limit_file_size() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails: EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file-size limit")
def test_disk_full_during_upgrade_is_one_line_and_leaves_no_partial_copy(tmp_path):
    db = tmp_path / "plan.db"
    _old_schema(db)
    env = {**os.environ, "WORKBENCH_DATA_DIR": str(tmp_path / "data")}
    out = subprocess.run([sys.executable, "-m", "workbench", "summary", "--db", str(db)],
                         capture_output=True, text=True, env=env, timeout=120,
                         preexec_fn=_limit_file_size, cwd=Path(__file__).parents[2])
    assert out.returncode == 2, out.stderr
    assert out.stderr.count("\n") == 1 and "could not back up" in out.stderr
    assert "Traceback" not in out.stderr
    beside = {db, Path(f"{db}-wal"), Path(f"{db}-shm")}
    assert not [p for p in tmp_path.rglob("*") if p.is_file() and p not in beside]
    assert current_revision(open_engine(sqlite_url(db))) == "0005"  # not upgraded


def test_unreadable_backup_target_is_one_error(tmp_path):
    from workbench.store.backups import take_backup

    db = tmp_path / "plan.db"
    open_store(db, create=True).engine.dispose()
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "backups").write_text("a file where the folder should be")
    with pytest.raises(StoreError, match="cannot create the folder"):
        take_backup(db)


def test_read_only_file_of_an_older_schema_says_it_needs_upgrading(tmp_path, monkeypatch):
    db = tmp_path / "plan.db"
    engine = open_engine(sqlite_url(db))
    command.upgrade(alembic_config(engine), "head")
    engine.dispose()
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '0006'")
    before = db.read_bytes()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if (
        mode == os.W_OK and Path(p) == db) else real_access(p, mode))
    with pytest.raises(StoreError, match="must be upgraded, but plan.db is a read-only file"):
        open_store(db)
    assert db.read_bytes() == before


def test_a_new_plans_wal_and_shm_files_are_private_too(tmp_path):
    """SQLite gives -wal and -shm the database file's mode when it creates them: the file
    is private before SQLite first writes, so they are never readable by others."""
    db = tmp_path / "plan.db"
    store = open_store(db, create=True)
    from workbench.domain.demo_plan import demo_plan

    store.save_new_plan(demo_plan())
    sidecars = [db.with_name(db.name + s) for s in ("-wal", "-shm")]
    assert all(f.exists() for f in sidecars)  # WAL mode, the store still open
    for file in (db, *sidecars):
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name
    store.engine.dispose()
