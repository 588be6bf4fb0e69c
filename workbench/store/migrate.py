"""Schema migrations with Alembic (scripts in the top-level db/ folder), run on open.

An older SQLite database is backed up (a consistent copy, filed with the plan's other
backups by its identity) before it is upgraded; if the copy cannot be written (disk full)
nothing is upgraded and no partial copy is left. A database from a newer app is refused
rather than damaged. Alembic is imported only when the stored
revision is not already the scripts' head: opening an up-to-date plan (every start but the
first after an update) reads one row and skips a fifth of a second of imports.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from workbench.domain.errors import NewerSchemaError, NotAWorkbenchDatabase

if TYPE_CHECKING:
    from alembic.config import Config

_REVISION = re.compile(r'^(down_revision|revision)\s*=\s*"([^"]*)"', re.MULTILINE)


def scripts_dir() -> Path:
    """db/ beside the package in a checkout, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "db"
    return Path(__file__).resolve().parents[2] / "db"


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(scripts_dir()))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(scripts_dir())).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


@cache
def scripts_head() -> str | None:
    """The one revision no script revises, read from the scripts' text; None if there is
    not exactly one (then Alembic decides)."""
    revisions, revised = set(), set()
    for script in (scripts_dir() / "versions").glob("*.py"):
        found = dict((k, v) for k, v in _REVISION.findall(script.read_text(encoding="utf-8")))
        if "revision" in found:
            revisions.add(found["revision"])
            revised.add(found.get("down_revision"))
    heads = revisions - revised
    return heads.pop() if len(heads) == 1 else None


def stored_revision(engine: Engine) -> str | None:
    """alembic_version's row, read with plain SQL; None if there is no such table or row."""
    if not inspect(engine).has_table("alembic_version"):
        return None
    with engine.connect() as conn:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, label: str, sqlite_file: Path | None) -> str | None:
    """Bring the schema to head. Returns the backup path written, if any."""
    head = scripts_head()
    if head is not None and stored_revision(engine) == head:
        return None
    from alembic import command
    from alembic.script import ScriptDirectory

    tables = set(inspect(engine).get_table_names())
    revision = current_revision(engine)
    script = ScriptDirectory(str(scripts_dir()))
    if revision is None:
        if tables - {"alembic_version"}:
            raise NotAWorkbenchDatabase(f"{label} is not a Planning Workbench database")
        command.upgrade(alembic_config(engine), "head")
        return None
    known = {rev.revision for rev in script.walk_revisions()}
    if revision not in known:
        raise NewerSchemaError(
            f"{label} was written by a newer Planning Workbench (schema {revision}); "
            "please update the app to open it"
        )
    if revision == script.get_current_head():
        return None
    if sqlite_file is None:
        command.upgrade(alembic_config(engine), "head")
        return None
    from workbench.store.backups import backup_before_upgrade, file_upgrade_backup

    engine.dispose()  # every connection closed before the file is copied
    holding = backup_before_upgrade(sqlite_file, revision)
    command.upgrade(alembic_config(engine), "head")
    engine.dispose()
    return str(file_upgrade_backup(holding, sqlite_file))
