"""Windows file-sharing rules on Linux: no rename, replace or delete of a file still open.

Windows refuses to rename, replace or delete a file that any handle holds open (SQLite
and Python open files without FILE_SHARE_DELETE): "[WinError 32] The process cannot access
the file because it is being used by another process". Linux allows all three, so a fault
of this kind passes every Linux test and stops the app on its first Windows start. The
guard wraps os.replace, os.rename, os.remove and os.unlink (pathlib's Path.replace,
rename and unlink call them) and raises the Windows error when this process has the path
open, read from /proc/self/fd.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

WINERROR_32 = ("[WinError 32] The process cannot access the file because it is being used "
               "by another process")
FD_DIR = Path("/proc/self/fd")


def supported() -> bool:
    return FD_DIR.is_dir()


def open_paths() -> set[str]:
    """Real paths of the files this process holds open now."""
    found = set()
    try:
        fds = os.listdir(FD_DIR)
    except OSError:
        return found
    for fd in fds:
        try:
            target = os.readlink(FD_DIR / fd)
        except OSError:  # closed between listdir and readlink (the listdir's own fd)
            continue
        if target.startswith("/") and not target.endswith(" (deleted)"):
            found.add(target)
    return found


def _real(path, dir_fd: int | None) -> str:
    path = os.fsdecode(path)
    if dir_fd is not None and not os.path.isabs(path):
        path = os.path.join(os.readlink(FD_DIR / str(dir_fd)), path)
    return os.path.realpath(path)


def _check(*paths, dir_fd: int | None = None) -> None:
    held = open_paths()
    for path in paths:
        real = _real(path, dir_fd)
        if real in held:
            raise PermissionError(errno.EACCES, WINERROR_32, os.fsdecode(path))


def _guard_two(original: Callable) -> Callable:
    def guarded(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
        _check(src, dir_fd=src_dir_fd)
        _check(dst, dir_fd=dst_dir_fd)
        return original(src, dst, src_dir_fd=src_dir_fd, dst_dir_fd=dst_dir_fd)

    guarded.__wrapped__ = original
    return guarded


def _guard_one(original: Callable) -> Callable:
    def guarded(path, *, dir_fd=None):
        _check(path, dir_fd=dir_fd)
        return original(path, dir_fd=dir_fd)

    guarded.__wrapped__ = original
    return guarded


@contextmanager
def windows_sharing_rules(monkeypatch) -> Iterator[None]:
    """While active, renaming, replacing or deleting an open file fails as on Windows."""
    if not supported():
        yield
        return
    for name in ("replace", "rename"):
        monkeypatch.setattr(os, name, _guard_two(getattr(os, name)))
    for name in ("remove", "unlink"):
        monkeypatch.setattr(os, name, _guard_one(getattr(os, name)))
    yield


def held_open(monkeypatch, held: Path) -> None:
    """As on Windows while Excel has the file open: writing or replacing it is a sharing
    violation."""
    real_open = Path.open
    real_replace = os.replace

    def fake_replace(src, dst, *args, **kwargs):
        if Path(dst) == held:
            raise PermissionError(13, "The process cannot access the file because it is "
                                      "being used by another process", str(dst))
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", fake_replace)

    def fake_open(self, mode="r", *args, **kwargs):
        if Path(self) == held and any(flag in mode for flag in "wax+"):
            raise PermissionError(13, "The process cannot access the file because it is "
                                      "being used by another process", str(self))
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", fake_open)
