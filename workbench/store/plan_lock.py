"""One writer per SQLite plan: a lock file beside it naming who holds it, since when.

`<plan>.db.lock` is created exclusively and holds a small JSON record: user, machine,
process id, when taken and when last refreshed. The holder refreshes it every few
minutes while the plan is open. Another copy that finds it opens the plan read-only and
names the holder. A lock whose process is gone from this machine is stale at once (the
process's start time is recorded too, so a process id reused after a crash does not keep
a dead lock); a live holder's lock is never taken over. A
lock from another machine (a crashed PC on a shared drive) can be taken over, after the
user confirms, once it has not been refreshed for STALE_MINUTES.

The file is never kept open (Windows would forbid deleting it later), and it is plain
Python with no Qt, so the CLI's restore takes the same lock as the window.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import socket
from contextlib import suppress
from dataclasses import asdict, dataclass, field
from pathlib import Path

from workbench.domain.errors import StoreError
from workbench.store.safe_files import describe, make_private_dir, remove_file

STALE_MINUTES = 30
REFRESH_MINUTES = 5


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown user"


@dataclass(frozen=True)
class LockHolder:
    user: str
    machine: str
    pid: int
    taken: str  # ISO time, UTC
    refreshed: str = ""
    app: str = "Planning Workbench"
    started: str = ""  # when the process started, as the OS tells it ("" if unknown)

    @classmethod
    def me(cls) -> LockHolder:
        now = _now().isoformat()
        return cls(_user(), socket.gethostname(), os.getpid(), now, now,
                   started=process_started(os.getpid()))

    def age(self, now: dt.datetime | None = None) -> dt.timedelta:
        try:
            seen = dt.datetime.fromisoformat(self.refreshed or self.taken)
        except ValueError:
            return dt.timedelta.max
        return (now or _now()) - seen

    def describe(self) -> str:
        try:
            since = dt.datetime.fromisoformat(self.taken).astimezone()
            when = f"{since:%d %b %Y %H:%M}"
        except ValueError:
            when = "an unknown time"
        return f"{self.user} on {self.machine} since {when}"


def process_started(pid: int) -> str:
    """When process `pid` started, as an opaque token ("" where not cheaply known): a
    process id reused by another program after a crash has another start time. Linux:
    field 22 of /proc/<pid>/stat (clock ticks since boot); Windows: its creation time."""
    if os.name == "nt":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)
        if not handle:
            return ""
        times = [ctypes.c_ulonglong() for _ in range(4)]
        ok = ctypes.windll.kernel32.GetProcessTimes(handle, *map(ctypes.byref, times))
        ctypes.windll.kernel32.CloseHandle(handle)
        return str(times[0].value) if ok else ""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        return stat.rsplit(")", 1)[1].split()[19]  # fields after the name start at 3
    except (OSError, IndexError):
        return ""


def _holder_alive(holder: LockHolder) -> bool:
    """The process that took the lock is still running (not merely one with its id)."""
    if not _pid_alive(holder.pid):
        return False
    return not holder.started or process_started(holder.pid) in ("", holder.started)


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class PlanLocked(StoreError):
    """Another copy holds the plan. `can_take_over` when its lock looks abandoned."""

    def __init__(self, path: Path, holder: LockHolder | None, can_take_over: bool) -> None:
        who = holder.describe() if holder else "another copy (its lock file is unreadable)"
        super().__init__(f"The plan {path.name} is open in another copy of Planning "
                         f"Workbench ({who}).")
        self.holder, self.can_take_over = holder, can_take_over


@dataclass
class PlanLock:
    path: Path
    holder: LockHolder
    released: bool = field(default=False)

    def refresh(self) -> None:
        """Say we are still here (a lock not refreshed for STALE_MINUTES may be taken)."""
        if self.released:
            return
        self.holder = LockHolder(**{**asdict(self.holder), "refreshed": _now().isoformat()})
        with suppress(OSError):  # the next refresh tries again
            self.path.write_text(json.dumps(asdict(self.holder)), encoding="utf-8")

    def release(self) -> None:
        if not self.released and read_holder(self.path) == self.holder:
            remove_file(self.path)
        self.released = True


def lock_path(db: Path) -> Path:
    return Path(str(Path(db).resolve()) + ".lock")


def read_holder(path: Path) -> LockHolder | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockHolder(**{k: data[k] for k in LockHolder.__dataclass_fields__ if k in data})
    except (OSError, ValueError, TypeError):
        return None


def _abandoned(holder: LockHolder | None, path: Path) -> tuple[bool, bool]:
    """(stale now, may be taken over if the user confirms)."""
    if holder is None:
        try:
            age = _now() - dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
        except OSError:
            return True, True
        return False, age > dt.timedelta(minutes=STALE_MINUTES)
    if holder.machine == socket.gethostname():
        return not _holder_alive(holder), False
    return False, holder.age() > dt.timedelta(minutes=STALE_MINUTES)


def acquire(db: Path, *, take_over: bool = False) -> PlanLock:
    """Take the plan's lock, or raise PlanLocked naming who has it."""
    path = lock_path(db)
    if not path.parent.is_dir():  # a first start, or --db in a new folder
        make_private_dir(path.parent)
    me = LockHolder.me()
    for _attempt in range(3):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            holder = read_holder(path)
            stale, may_take = _abandoned(holder, path)
            if stale or (take_over and may_take):
                remove_file(path)
                continue
            raise PlanLocked(Path(db), holder, may_take) from None
        except OSError as exc:
            raise StoreError(f"cannot create the lock file {path} ({describe(exc)})") from exc
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(asdict(me)))
        return PlanLock(path, me)
    raise PlanLocked(Path(db), read_holder(path), False)
