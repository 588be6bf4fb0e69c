"""Opening databases: pragmas, migrations with a backup, and clear refusals."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from workbench.domain.demo_plan import demo_plan
from workbench.domain.errors import NewerSchemaError, NotAWorkbenchDatabase, StoreError
from workbench.store import ledger_rows, open_store  # noqa: F401  (every table on Base.metadata)
from workbench.store.backups import list_backups
from workbench.store.base import Base
from workbench.store.database import open_engine, sqlite_url
from workbench.store.migrate import alembic_config, current_revision, head_revision


def test_sqlite_pragmas(tmp_path):
    store = open_store(tmp_path / "a.db", create=True)
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL


def test_new_database_is_at_head_and_matches_models(db_target):
    store = open_store(db_target, create=True)
    assert current_revision(store.engine) == head_revision() == "0014"
    with store.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diffs == []


def test_older_schema_is_backed_up_then_upgraded(tmp_path):
    path = tmp_path / "old.db"
    engine = open_engine(sqlite_url(path))
    command.upgrade(alembic_config(engine), "0001")
    engine.dispose()
    assert current_revision(open_engine(sqlite_url(path))) == "0001"
    store = open_store(path)
    assert current_revision(store.engine) == head_revision()
    backups = list_backups(path)  # filed with the plan's own backups, by its identity
    assert len(backups) == 1 and "upgrade-0001" in backups[0].path.name
    with closing(sqlite3.connect(backups[0].path)) as conn:
        assert conn.execute("select version_num from alembic_version").fetchone() == ("0001",)
    assert not list(tmp_path.glob("old.backup*")) and not list(tmp_path.rglob("*.partial"))
    store.save_new_plan(demo_plan())  # usable after upgrade


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    open_store(path, create=True).engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("update alembic_version set version_num = '9999'")
    with pytest.raises(NewerSchemaError, match="newer Planning Workbench"):
        open_store(path)


def test_missing_file(tmp_path):
    with pytest.raises(StoreError, match="no database at"):
        open_store(tmp_path / "nope.db")


def test_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("hello, this is a text file " * 50)
    with pytest.raises(NotAWorkbenchDatabase, match="notes.db"):
        open_store(path)


def test_foreign_sqlite_database(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("create table customers (id integer primary key, name text)")
    with pytest.raises(NotAWorkbenchDatabase, match="other.db"):
        open_store(path)


def test_scripts_head_read_from_text_agrees_with_alembic():
    from workbench.store.migrate import scripts_head

    assert scripts_head() == head_revision()


def test_opening_an_up_to_date_database_does_not_import_alembic(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "plan.db"
    open_store(path, create=True).engine.dispose()
    code = ("import sys; from workbench.store.opening import open_store; "
            f"open_store({str(path)!r}); print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
