"""open_store(): find, recognise, migrate and open a database, with one clear error if not.

A SQLite file is looked at read-only first (identity.read_facts): another application's
database, or an empty file, is refused before anything could write to it (WAL, schema).
Only `create=True` (demo, New plan) makes a database in a missing or empty file. A file
or folder this user cannot write, or a read-only database role, opens read-only and says
so up front (`PlanStore.read_only_reason`).
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError

from workbench.domain.errors import NotAWorkbenchDatabase, StoreError, WorkbenchError
from workbench.store.database import (
    ROLLBACK,
    WAL,
    is_url,
    masked,
    open_engine,
    parse_url,
    sqlite_path,
    sqlite_url,
)
from workbench.store.identity import APP, read_facts
from workbench.store.locations import shared_location
from workbench.store.migrate import scripts_head, stored_revision, upgrade
from workbench.store.plan_store import PlanStore
from workbench.store.rows import MetaRow
from workbench.store.safe_files import describe, make_private, make_private_dir


def _check_file(path: Path, create: bool) -> bool:
    """True if a new database must be made in `path` (missing or empty file)."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file")
    if not path.exists():
        if not create:
            raise StoreError(f"no database at {path}")
        if not path.parent.is_dir():
            make_private_dir(path.parent)
        if not os.access(path.parent, os.W_OK):
            raise StoreError(f"cannot create {path}: the folder {path.parent} is read-only")
        _create_private(path)
        return True
    facts = read_facts(path)
    if facts.empty:
        if not create:
            raise NotAWorkbenchDatabase(
                f"{path} is empty, not a Planning Workbench database")
        return True
    if not facts.ours:
        raise NotAWorkbenchDatabase(f"{path} is not a Planning Workbench database")
    return False


def _create_private(path: Path) -> None:
    """An empty file, private from the start: SQLite gives the -wal and -shm files it
    creates the database file's mode, so they are private too (never 0644 for a moment)."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        return
    except OSError as exc:
        raise StoreError(f"cannot create {path} ({describe(exc)})") from exc
    make_private(path)  # whatever the umask


def _read_only_reason(path: Path) -> str:
    if not os.access(path, os.W_OK):
        return f"{path.name} is a read-only file"
    if not os.access(path.parent, os.W_OK):
        return f"the folder {path.parent} is read-only"
    return ""


def open_store(target: str | Path | URL, create: bool = False, *,
               allow_shared: bool = True) -> PlanStore:
    """Open a SQLite file path or any SQLAlchemy URL, upgrading an older schema first.

    A plan on a network share or in a cloud-synced folder opens with the rollback
    journal instead of WAL (or is refused when `allow_shared` is False).
    """
    url = parse_url(target) if is_url(target) else sqlite_url(os.fspath(target))
    label = masked(url)
    file = sqlite_path(url)
    journal, read_only, shared = WAL, "", None
    if file is not None:
        label = str(file)
        new = _check_file(file, create)
        shared = shared_location(file)
        if shared and not allow_shared:
            raise StoreError(f"{file} cannot be used: {shared}")
        journal = ROLLBACK if shared else WAL
        read_only = "" if new else _read_only_reason(file)
    engine = open_engine(url, journal=journal, read_only=bool(read_only))
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        if not read_only:
            upgrade(engine, label, file)
        elif scripts_head() not in (None, stored_revision(engine)):
            raise StoreError(f"{label} is from an older Planning Workbench and must be "
                             f"upgraded, but {read_only}; ask for write access")
        with engine.connect() as conn:
            app = conn.execute(select(MetaRow.value).where(MetaRow.key == "app")).scalar()
        if app != APP:
            raise NotAWorkbenchDatabase(f"{label} is not a Planning Workbench database")
    except WorkbenchError:
        engine.dispose()
        raise
    except SQLAlchemyError as exc:
        engine.dispose()
        reason = str(getattr(exc, "orig", exc)).splitlines()[0]
        if file is not None:
            raise NotAWorkbenchDatabase(
                f"{label} cannot be opened as a Planning Workbench database ({reason})"
            ) from exc
        raise StoreError(f"cannot open {label} ({reason})") from exc
    if file is not None:
        for own in (file, file.with_name(file.name + "-wal"), file.with_name(file.name + "-shm")):
            if own.exists():
                make_private(own)
    store = PlanStore(engine, label)
    if read_only:
        store.read_only = True
        store.read_only_reason = read_only
    elif file is None and not _role_can_write(engine):
        store.read_only = True
        store.read_only_reason = "your database role may read this plan but not change it"
    store.shared_location = shared
    return store


def _role_can_write(engine) -> bool:
    """PostgreSQL: may this session's role update the plan tables?"""
    if engine.dialect.name != "postgresql":
        return True
    try:
        with engine.connect() as conn:
            return bool(conn.execute(text(
                "SELECT has_table_privilege(current_user, 'schemes', 'UPDATE')")).scalar())
    except SQLAlchemyError:
        return True
