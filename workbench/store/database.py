"""Where the database lives and how connections are set up.

SQLite runs in WAL mode with synchronous=NORMAL: every committed edit survives an app
crash (WAL keeps committed transactions), and only an OS crash or power cut can lose the
last moments, in exchange for edits that commit in about a millisecond.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

APP_DIR_NAME = "PlanningWorkbench"
SQLITE_HEADER = b"SQLite format 3\x00"


def data_dir() -> Path:
    """The user's data folder (WORKBENCH_DATA_DIR overrides it, e.g. in tests)."""
    override = os.environ.get("WORKBENCH_DATA_DIR")
    return Path(override) if override else Path(user_data_dir(APP_DIR_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / "planning-workbench.db"


def sqlite_url(path: str | os.PathLike) -> str:
    return f"sqlite:///{Path(path).resolve()}"


def is_url(target: str) -> bool:
    return "://" in target


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # Let SQLAlchemy, not the sqlite3 module, say when transactions begin (see _sqlite_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _sqlite_begin(conn) -> None:
    """Reads and the writes that depend on them share one transaction.

    The sqlite3 module would otherwise begin only at the first INSERT/UPDATE, so a
    compare-and-set could read outside the transaction and lose a concurrent update.
    Writers begin IMMEDIATE: they take the write lock first and wait their turn.
    """
    immediate = conn.get_execution_options().get("sqlite_immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


CONNECT_TIMEOUT_S = 10


def open_engine(url: str) -> Engine:
    if make_url(url).get_backend_name() == "postgresql":
        # A server that does not answer fails in seconds; a connection the server dropped
        # (a restart) is replaced before use instead of failing the next edit.
        return create_engine(url, future=True, pool_pre_ping=True,
                             connect_args={"connect_timeout": CONNECT_TIMEOUT_S})
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine
