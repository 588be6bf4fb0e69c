"""Rolling backups of a SQLite plan, filed by the plan's own identity, and restoring one.

Backups live in <data>/backups/<identity>/, where the identity is the random id stored
inside the database (migration 0009), so teamA/plan.db and teamB/plan.db never share a
folder. Each backup carries the same id inside; a restore checks it and refuses a file
from another plan, whatever its name.

Backups use SQLite's online backup API (a consistent snapshot while the app writes). A
restore copies the backup INTO the live database with the same API: one transaction under
SQLite's own locks, so no file is renamed or deleted under an open connection (Windows
forbids it) and nothing is pulled from under another connection's -wal file.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from workbench.domain.errors import StoreError
from workbench.store.database import data_dir
from workbench.store.identity import IDENTITY_KEY, identity_of_file, read_facts
from workbench.store.safe_files import (
    backup_within,
    describe,
    make_private_dir,
    read_only_uri,
    remove_file,
    replace_file,
    sqlite_copy,
)

KEEP = 24


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: dt.datetime
    size: int


def backup_dir(identity: str) -> Path:
    return data_dir() / "backups" / identity


def _stamp(path: Path) -> tuple[dt.datetime, int] | None:
    """(time taken, order within that second) from '<stem>-YYYYmmdd-HHMMSS[-n].db'."""
    parts = path.stem.rsplit("-", 3)
    for head in (2, 3):
        if len(parts) >= head:
            tail = parts[-head:]
            try:
                taken = dt.datetime.strptime("-".join(tail[:2]), "%Y%m%d-%H%M%S")
            except ValueError:
                continue
            return taken, int(tail[2]) if len(tail) == 3 and tail[2].isdigit() else 0
    return None


def take_backup(db: Path, keep: int = KEEP, now: dt.datetime | None = None,
                reason: str = "") -> Path:
    """Back up `db` into its plan's backup folder; keep only the newest `keep` copies."""
    identity = identity_of_file(db)
    folder = backup_dir(identity)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    label = f"{db.stem}{'-' + reason if reason else ''}"
    target = folder / f"{label}-{stamp}.db"
    n = 1
    while target.exists():  # two backups in one second (e.g. just before a restore)
        target = folder / f"{label}-{stamp}-{n}.db"
        n += 1
    sqlite_copy(db, target, what="back up")
    _rotate(db, keep)
    return target


def _rotate(db: Path, keep: int) -> None:
    for old in list_backups(db)[keep:]:
        remove_file(old.path)


def backup_before_upgrade(db: Path, revision: str) -> Path:
    """A copy of `db` before its schema is upgraded, held aside until the upgrade has given
    the database its identity (older schemas have none); see file_upgrade_backup."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    holding = data_dir() / "backups" / "upgrading" / f"{db.stem}-upgrade-{revision}-{stamp}.db"
    sqlite_copy(db, holding, what="back up (before upgrading)")
    return holding


def file_upgrade_backup(holding: Path, db: Path, keep: int = KEEP) -> Path:
    """Give the pre-upgrade copy the plan's identity and file it with its backups."""
    identity = identity_of_file(db)
    target = backup_dir(identity) / holding.name
    try:
        with closing(sqlite3.connect(holding)) as conn, conn:
            conn.execute("INSERT OR IGNORE INTO workbench_meta (key, value) VALUES (?, ?)",
                         (IDENTITY_KEY, identity))
        make_private_dir(target.parent)
        replace_file(holding, target)
    except (sqlite3.Error, OSError) as exc:
        reason = describe(exc) if isinstance(exc, OSError) else str(exc)
        raise StoreError(f"{db} was upgraded, but its earlier copy {holding} could not be "
                         f"filed with the plan's backups ({reason})") from exc
    _rotate(db, keep)
    return target


def list_backups(db: Path) -> list[Backup]:
    """This plan's backups, newest first (files whose identity is another plan's are left
    out, wherever they are)."""
    identity = identity_of_file(db)
    found = []
    for path in backup_dir(identity).glob("*.db"):
        stamp = _stamp(path)
        if stamp is None:
            continue
        try:
            if read_facts(path).identity != identity:
                continue
            size = path.stat().st_size
        except (StoreError, OSError):
            continue
        found.append((stamp, Backup(path, stamp[0], size)))
    return [b for _s, b in sorted(found, key=lambda f: f[0], reverse=True)]


def check_backup(backup: Path, db: Path) -> None:
    """Refuse a damaged backup, or one that belongs to another plan."""
    try:
        with closing(sqlite3.connect(read_only_uri(backup), uri=True)) as check:
            healthy = check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    except sqlite3.DatabaseError:
        healthy = False
    if not healthy:
        raise StoreError(f"the backup {backup} is damaged; nothing was restored")
    theirs, ours = identity_of_file(backup), identity_of_file(db)
    if theirs != ours:
        raise StoreError(f"{backup} is a backup of another plan, not of {db}; "
                         "nothing was restored")


def restore_backup(backup: Path, db: Path) -> Path:
    """Make `db` hold what `backup` holds. Returns the backup of the state it replaced.

    The caller must hold the plan (no other copy writing) and have closed its own
    connections. The current state is backed up first, so a restore can be undone.
    """
    check_backup(backup, db)
    before = take_backup(db, reason="before-restore")
    try:
        with closing(sqlite3.connect(read_only_uri(backup), uri=True)) as src, \
                closing(sqlite3.connect(db, timeout=5)) as dst:
            backup_within(src, dst)
    except (sqlite3.Error, OSError) as exc:
        reason = describe(exc) if isinstance(exc, OSError) else str(exc)
        raise StoreError(f"could not restore {backup} into {db} ({reason}); the plan is "
                         f"as it was (a copy is in {before})") from exc
    return before


def backup_before_change(store, reason: str) -> Path | None:
    """backup_store for an open PlanStore, skipped when it is read-only (nothing will
    change)."""
    return None if store.read_only else backup_store(store.engine.url, reason)


def backup_store(engine_url, reason: str) -> Path | None:
    """A backup of the SQLite file behind `engine_url` before a large change (import,
    demo --force, restore); None for server databases (see README: pg_dump)."""
    from workbench.store.database import sqlite_path

    file = sqlite_path(engine_url)
    if file is None or not file.exists():
        return None
    return take_backup(file, reason=reason)
