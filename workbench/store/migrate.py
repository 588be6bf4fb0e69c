"""Schema migrations with Alembic (scripts in the top-level db/ folder), run on open.

An older database is copied to a backup file before it is upgraded; a database from a
newer app is refused rather than damaged.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from workbench.domain.errors import NewerSchemaError, NotAWorkbenchDatabase


def scripts_dir() -> Path:
    """db/ beside the package in a checkout, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "db"
    return Path(__file__).resolve().parents[2] / "db"


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(scripts_dir()))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    return ScriptDirectory(str(scripts_dir())).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, label: str, sqlite_file: Path | None) -> str | None:
    """Bring the schema to head. Returns the backup path written, if any."""
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
    backup = None
    if sqlite_file is not None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = sqlite_file.with_name(f"{sqlite_file.stem}.backup-{revision}-{stamp}.db")
        engine.dispose()
        shutil.copy2(sqlite_file, backup)
    command.upgrade(alembic_config(engine), "head")
    return str(backup) if backup else None
