"""Where plans live: the data folder IT chooses, and whether a path is on a shared drive.

Data folder, first found wins:
1. policy: the registry value DataFolder under HKLM\\Software\\Policies\\PlanningWorkbench
   (or the same under HKCU), as Group Policy or Intune sets it, e.g. a folder on the
   user's H: drive for roaming profiles or non-persistent VDI;
2. the WORKBENCH_DATA_DIR environment variable;
3. the per-user default (%LOCALAPPDATA%\\PlanningWorkbench, ~/.local/share/...).
The registry is read through `policy_reader`, which tests replace with a fake.

SQLite's WAL needs shared memory between every process using the file, so it must not be
used on a network share (UNC, mapped drive, NFS/SMB mount) or in a folder a sync client
copies (OneDrive syncs the .db without its -wal). `shared_location` names the reason.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path, PureWindowsPath

from platformdirs import user_data_dir

APP_DIR_NAME = "PlanningWorkbench"
POLICY_KEY = r"Software\Policies\PlanningWorkbench"
POLICY_VALUE = "DataFolder"
CLOUD_ENV = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")
CLOUD_NAMES = ("onedrive", "dropbox", "google drive", "icloud drive", "iclouddrive", "box")
NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs", "ncpfs"}
DRIVE_REMOTE = 4


def _windows_policy() -> str | None:
    if sys.platform != "win32":
        return None
    import winreg

    for hive in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
        try:
            with winreg.OpenKey(hive, POLICY_KEY) as key:
                value, _kind = winreg.QueryValueEx(key, POLICY_VALUE)
        except OSError:
            continue
        if value:
            return str(value)
    return None


policy_reader: Callable[[], str | None] = _windows_policy


def data_dir(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    policy = policy_reader()
    if policy:  # REG_EXPAND_SZ values such as %USERNAME% or %HOMESHARE% are expanded
        expanded = re.sub(r"%([^%]+)%", lambda m: env.get(m.group(1), m.group(0)), policy)
        return Path(expanded)
    override = env.get("WORKBENCH_DATA_DIR")
    return Path(override) if override else Path(user_data_dir(APP_DIR_NAME, appauthor=False))


def data_dir_source(env: Mapping[str, str] | None = None) -> str:
    """Where data_dir() came from, for the About box and IT: policy, environment, default."""
    env = os.environ if env is None else env
    if policy_reader():
        return "policy"
    return "environment" if env.get("WORKBENCH_DATA_DIR") else "default"


def _windows_drive_type(root: str) -> int:
    import ctypes

    return ctypes.windll.kernel32.GetDriveTypeW(root)


def _mount_types() -> list[tuple[str, str]]:
    try:
        lines = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return []
    mounts = []
    for line in lines:
        parts = line.split()
        if len(parts) >= 3:
            mounts.append((parts[1].replace("\\040", " "), parts[2]))
    return mounts


def shared_location(path: str | os.PathLike, *, windows: bool | None = None,
                    drive_type: Callable[[str], int] | None = None,
                    env: Mapping[str, str] | None = None,
                    mounts: list[tuple[str, str]] | None = None) -> str | None:
    """Why `path` is on a network or cloud-synced folder, or None if it is a local disk."""
    windows = sys.platform == "win32" if windows is None else windows
    env = os.environ if env is None else env
    text = os.fspath(path)
    if windows or text.startswith(("\\\\", "//")):
        win = PureWindowsPath(text)
        if text.startswith(("\\\\", "//")):
            return "it is on a network share"
        if windows and win.drive:
            kind = (drive_type or _windows_drive_type)(win.drive + "\\")
            if kind == DRIVE_REMOTE:
                return f"{win.drive} is a network drive"
    lowered = text.replace("\\", "/").lower()
    for name in CLOUD_ENV:
        root = env.get(name)
        if root and lowered.startswith(root.replace("\\", "/").lower().rstrip("/") + "/"):
            return "it is in a OneDrive folder that is synchronised to the cloud"
    for part in lowered.split("/"):
        if any(part == n or part.startswith(n + " - ") for n in CLOUD_NAMES):
            return f"it is in a cloud-synchronised folder ({part})"
    if not windows:
        best = ("", "")
        for mount, fstype in (_mount_types() if mounts is None else mounts):
            if (text == mount or text.startswith(mount.rstrip("/") + "/")) \
                    and len(mount) > len(best[0]):
                best = (mount, fstype)
        if best[1] in NETWORK_FS:
            return f"it is on a network file system ({best[1]} at {best[0]})"
    return None
