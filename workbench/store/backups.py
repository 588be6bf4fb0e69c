"""Rolling backups of a SQLite plan with SQLite's online backup API, and restoring one.

The backup API copies a consistent snapshot while the app keeps the database open, so a
backup can be taken on open and every hour without closing anything. Restoring writes a
temporary copy beside the target and swaps it in with os.replace: never half a file.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from workbench.domain.errors import StoreError
from workbench.store.database import data_dir

KEEP = 24


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: dt.datetime
    size: int


def backup_dir(db: Path) -> Path:
    return data_dir() / "backups" / db.stem


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite database."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        with sqlite3.connect(source) as src, sqlite3.connect(partial) as dst:
            src.backup(dst)
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"could not back up {source} to {target} ({exc})") from exc


def take_backup(db: Path, keep: int = KEEP, now: dt.datetime | None = None) -> Path:
    """Back up `db` into its backup folder and keep only the newest `keep` copies."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = backup_dir(db) / f"{db.stem}-{stamp}.db"
    n = 1
    while target.exists():  # two backups in one second (e.g. just before a restore)
        target = backup_dir(db) / f"{db.stem}-{stamp}-{n}.db"
        n += 1
    copy_database(db, target)
    for old in list_backups(db)[keep:]:
        old.path.unlink(missing_ok=True)
    return target


def list_backups(db: Path) -> list[Backup]:
    """Newest first."""
    folder = backup_dir(db)
    found = []
    for path in folder.glob(f"{db.stem}-*.db"):
        rest = path.stem.removeprefix(f"{db.stem}-")
        try:
            taken = dt.datetime.strptime(rest[:15], "%Y%m%d-%H%M%S")
            order = int(rest[16:] or 0)
        except ValueError:
            continue
        found.append((taken, order, Backup(path, taken, path.stat().st_size)))
    return [b for _t, _o, b in sorted(found, key=lambda f: (f[0], f[1]), reverse=True)]


def restore_backup(backup: Path, db: Path) -> None:
    """Replace `db` with `backup` (the app must have closed its connections first).

    The current file is itself backed up first, so a restore can be undone.
    """
    try:
        with sqlite3.connect(backup) as check:
            healthy = check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    except sqlite3.DatabaseError:
        healthy = False
    if not healthy:
        raise StoreError(f"the backup {backup} is damaged; nothing was restored")
    if db.exists():
        take_backup(db)
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    copy_database(backup, db)
