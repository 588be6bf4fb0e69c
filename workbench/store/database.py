"""Where the database lives and how connections are set up.

SQLite runs in WAL mode with synchronous=NORMAL on a local disk: every committed edit
survives an app crash (WAL keeps committed transactions), and only an OS crash or power
cut can lose the last moments, in exchange for edits that commit in about a millisecond.
On a network share or a cloud-synced folder WAL does not work (its shared memory is
per machine; OneDrive syncs the .db without its -wal), so there the classic rollback
journal (DELETE, synchronous=FULL) is used instead.

A file path is always a path: SQLite URLs are built with URL.create, never by pasting a
path into a string, so '?', '%' and '#' in a file name stay in the file name.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from workbench.domain.errors import StoreError
from workbench.domain.masking import mask
from workbench.store.identity import SQLITE_HEADER  # noqa: F401  (re-exported)
from workbench.store.locations import APP_DIR_NAME, data_dir  # noqa: F401  (re-exported)

WAL, ROLLBACK = "wal", "delete"


def default_db_path() -> Path:
    return data_dir() / "planning-workbench.db"


def sqlite_url(path: str | os.PathLike, *, resolve: bool = True) -> URL:
    """The URL of a SQLite file, whatever characters its name holds."""
    where = str(Path(path).resolve()) if resolve else os.fspath(path)
    return URL.create("sqlite", database=where)


def is_url(target: str | URL) -> bool:
    return isinstance(target, URL) or "://" in str(target)


def parse_url(target: str | URL) -> URL:
    """A URL the user typed, or one clear StoreError (the password never shown)."""
    if isinstance(target, URL):
        return target
    try:
        url = make_url(target)
        url.get_backend_name()
        _port = url.port  # noqa: F841  (a bad port raises here)
    except (ArgumentError, ValueError, TypeError) as exc:
        raise StoreError(f"not a database URL: {mask(target)} ({exc})") from exc
    return url


def masked(url: str | URL) -> str:
    """A URL for messages: the password hidden (through the one masking function)."""
    return mask(url.render_as_string(hide_password=True) if isinstance(url, URL) else url)


def sqlite_path(url: str | URL) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    parsed = parse_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _sqlite_pragmas(journal: str):
    def pragmas(dbapi_connection, _record) -> None:
        # Let SQLAlchemy, not the sqlite3 module, say when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        if journal:
            cursor.execute(f"PRAGMA journal_mode={journal}")
            cursor.execute("PRAGMA synchronous=" + ("NORMAL" if journal == WAL else "FULL"))
        cursor.close()

    return pragmas


def _sqlite_begin(conn) -> None:
    """Reads and the writes that depend on them share one transaction.

    The sqlite3 module would otherwise begin only at the first INSERT/UPDATE, so a
    compare-and-set could read outside the transaction and lose a concurrent update.
    Writers begin IMMEDIATE: they take the write lock first and wait their turn.
    """
    immediate = conn.get_execution_options().get("sqlite_immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


CONNECT_TIMEOUT_S = 10


def open_engine(url: str | URL, *, journal: str = WAL, read_only: bool = False) -> Engine:
    """An engine for `url`; a driver or URL mistake is one StoreError, never a traceback.

    `journal` is the SQLite journal mode to set ('' leaves the file's own); `read_only`
    opens a SQLite file so nothing can be written to it.
    """
    url = parse_url(url)
    try:
        if url.get_backend_name() == "sqlite":
            file = sqlite_path(url)
            if read_only and file is not None:
                engine = create_engine(
                    URL.create("sqlite", database=Path(file).resolve().as_uri() + "?mode=ro",
                               query={"uri": "true"}), future=True)
                journal = ""
            else:
                engine = create_engine(url, future=True)
            event.listen(engine, "connect", _sqlite_pragmas(journal))
            event.listen(engine, "begin", _sqlite_begin)
            return engine
        # A server that does not answer fails in seconds; a connection the server dropped
        # (a restart) is replaced before use instead of failing the next edit.
        return create_engine(url, future=True, pool_pre_ping=True,
                             connect_args={"connect_timeout": CONNECT_TIMEOUT_S})
    except (ArgumentError, ImportError, ValueError, TypeError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        raise StoreError(f"cannot use the database URL {masked(url)} ({reason})") from exc
