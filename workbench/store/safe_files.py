"""Replacing, deleting and creating files the way Windows allows, with one clear message.

Windows refuses to rename or delete a file any handle holds open, and antivirus or a
sync client often holds a new file for a moment after it is written. So callers close
every connection first (contextlib.closing: `with sqlite3.connect()` commits but does
not close), and the few file operations here retry briefly before giving up with a
sentence rather than an OSError. Files and folders the app creates are private to the
user on POSIX (0600 / 0700); on Windows the profile's ACLs already do that.
"""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import closing, suppress
from pathlib import Path

from workbench.domain.errors import StoreError

RETRIES = 5
RETRY_SECONDS = 0.2
PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def _retry(action, *args) -> None:
    for attempt in range(RETRIES):
        try:
            action(*args)
            return
        except PermissionError:
            if attempt == RETRIES - 1:
                raise
            time.sleep(RETRY_SECONDS)


def describe(exc: OSError) -> str:
    """An OSError as a short phrase: 'disk full', 'permission denied', ..."""
    if isinstance(exc, PermissionError):
        return "the file is in use or you do not have permission"
    reason = exc.strerror or str(exc)
    return reason[:1].lower() + reason[1:] if reason else exc.__class__.__name__


def replace_file(source: Path, target: Path) -> None:
    """os.replace with brief retries (antivirus, sync clients hold new files a moment)."""
    _retry(os.replace, source, target)


def remove_file(path: Path) -> None:
    """Delete if present, with the same retries; a missing file is not an error."""
    with suppress(FileNotFoundError):
        _retry(os.unlink, path)


def make_private_dir(folder: Path) -> None:
    """Create `folder` (and parents) readable by this user only on POSIX."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    except OSError as exc:
        raise StoreError(f"cannot create the folder {folder} ({describe(exc)})") from exc


def make_private(path: Path) -> None:
    if os.name == "posix":
        with suppress(OSError):  # not ours to change (a file on a share): leave it
            path.chmod(PRIVATE_FILE)


def read_only_uri(path: Path) -> str:
    """A sqlite3 URI that opens `path` read-only, whatever characters its name holds."""
    return Path(path).resolve().as_uri() + "?mode=ro"


BUSY_WAIT_S = 5.0  # as the store's busy_timeout: the longest a copy waits for a lock
_BUSY = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED


class CopyWaitedTooLong(sqlite3.OperationalError):
    """Another connection held a lock the copy needs for longer than BUSY_WAIT_S."""


def backup_within(src: sqlite3.Connection, dst: sqlite3.Connection,
                  wait_s: float = BUSY_WAIT_S) -> None:
    """`src.backup(dst)`, but giving up after `wait_s` of waiting on a lock (the sqlite3
    module would otherwise retry for as long as another program holds it). The copy is one
    step, so a copy given up has written nothing."""
    deadline = time.monotonic() + wait_s

    def progress(status: int, _remaining: int, _total: int) -> None:
        if status in _BUSY and time.monotonic() > deadline:
            raise CopyWaitedTooLong(f"the database is busy (another program held it for "
                                    f"more than {wait_s:.0f} s)")

    src.backup(dst, progress=progress)


def sqlite_copy(source: Path, target: Path, *, what: str = "copy") -> None:
    """A consistent copy of a (possibly live) SQLite database, written to a temporary name
    beside `target` and swapped in only once complete and closed; a partial copy is removed
    and any failure is one StoreError."""
    partial = target.with_name(target.name + ".partial")
    make_private_dir(target.parent)
    try:
        remove_file(partial)
        with closing(sqlite3.connect(read_only_uri(source), uri=True)) as src, \
                closing(sqlite3.connect(partial)) as dst:
            backup_within(src, dst)
            # A copy is a plain file: reading it later (read-only) leaves no -wal/-shm.
            dst.execute("PRAGMA journal_mode=DELETE")
        make_private(partial)
        replace_file(partial, target)
    except (sqlite3.Error, OSError) as exc:
        reason = describe(exc) if isinstance(exc, OSError) else str(exc)
        with suppress(OSError):
            remove_file(partial)
        raise StoreError(f"could not {what} {source} to {target} ({reason})") from exc
