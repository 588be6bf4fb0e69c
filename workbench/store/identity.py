"""Is this SQLite file ours, and which plan database is it? Read without writing a byte.

Opening a file through the app's engine switches it to WAL and may run migrations, which
would change another application's database or write a schema into an empty file. So the
first look is through a read-only sqlite3 connection (closed at once), and only a file
that says it is a Planning Workbench database goes further.

Every database carries a random identity (workbench_meta 'identity', migration 0009);
backups keep it, so a backup is matched to its plan by what is inside, not by its name.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select

from workbench.domain.errors import NotAWorkbenchDatabase, StoreError
from workbench.store.rows import MetaRow
from workbench.store.safe_files import describe, read_only_uri

APP = "planning-workbench"
IDENTITY_KEY = "identity"
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileFacts:
    empty: bool  # 0 bytes, or SQLite with no tables at all
    ours: bool
    identity: str | None


def _meta(conn: sqlite3.Connection) -> dict[str, str]:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not tables:
        return {"": ""}  # marker: an empty database
    if "workbench_meta" not in tables:
        return {}
    return dict(conn.execute("SELECT key, value FROM workbench_meta"))


def read_facts(path: Path) -> FileFacts:
    """What the file at `path` is, read-only. Raises NotAWorkbenchDatabase if it is not
    SQLite at all, StoreError if it cannot be read."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"cannot read {path} ({describe(exc)})") from exc
    if not header:
        return FileFacts(empty=True, ours=False, identity=None)
    if header != SQLITE_HEADER:
        raise NotAWorkbenchDatabase(f"{path} is not a Planning Workbench database")
    try:
        with closing(sqlite3.connect(read_only_uri(path), uri=True)) as conn:
            meta = _meta(conn)
    except sqlite3.Error as exc:
        raise NotAWorkbenchDatabase(
            f"{path} cannot be opened as a Planning Workbench database ({exc})") from exc
    if meta == {"": ""}:
        return FileFacts(empty=True, ours=False, identity=None)
    return FileFacts(empty=False, ours=meta.get("app") == APP,
                     identity=meta.get(IDENTITY_KEY))


def identity_of_file(path: Path) -> str:
    """The identity inside a plan file or backup; a clear error if it has none."""
    facts = read_facts(path)
    if not facts.ours:
        raise NotAWorkbenchDatabase(f"{path} is not a Planning Workbench database")
    if not facts.identity:
        raise StoreError(f"{path} is from an older Planning Workbench and carries no plan "
                         "identity; open it once in this version first")
    return facts.identity


def identity_of_store(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return conn.execute(
            select(MetaRow.value).where(MetaRow.key == IDENTITY_KEY)).scalar()
