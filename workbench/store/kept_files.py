"""Where the first screen's kept figures (engine.kept) live between sessions: one small
JSON file per plan in the user's local cache folder, never beside the plan (which may be
on a share), written whole under a temporary name and swapped in.

A kept file is only ever a shortcut: one that is missing, unreadable, damaged, too large
or another plan's is ignored (and logged), and the engine computes as it would anyway.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from contextlib import suppress
from pathlib import Path
from typing import Any

from platformdirs import user_cache_dir

from workbench.store.locations import APP_DIR_NAME
from workbench.store.safe_files import describe, make_private, remove_file, replace_file

log = logging.getLogger(__name__)

MAX_BYTES = 2_000_000  # the largest plan kept (under 5,000 rows) writes about 130 KB


def kept_folder() -> Path:
    override = os.environ.get("WORKBENCH_CACHE_DIR")
    base = Path(override) if override else Path(user_cache_dir(APP_DIR_NAME, appauthor=False))
    return base / "first-screen"


def _target_key(target: str) -> str:
    """The plan's database, as one name: a file by its full path, a server by its URL."""
    if "://" not in target:
        with suppress(OSError):
            target = str(Path(target).resolve())
    return hashlib.blake2b(target.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def kept_path(target: str, plan_id: int) -> Path:
    return kept_folder() / f"{_target_key(target)}-{int(plan_id)}.json"


def any_kept(target: str) -> bool:
    """Whether figures of some plan of `target` are kept (asked before the plan is read)."""
    try:
        return any(kept_folder().glob(f"{_target_key(target)}-*.json"))
    except OSError:
        return False


def read_kept(target: str, plan_id: int) -> Any | None:
    """The kept file's JSON for this plan, or None (missing, too large, not JSON)."""
    path = kept_path(target, plan_id)
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("kept figures %s not read (%s)", path, describe(exc))
        return None
    if len(raw) > MAX_BYTES:
        log.warning("kept figures %s ignored: over %d bytes", path, MAX_BYTES)
        return None
    try:
        return json.loads(raw)
    except (ValueError, RecursionError) as exc:
        log.warning("kept figures %s ignored: not JSON (%s)", path, exc)
        return None


def write_kept(target: str, plan_id: int, data: Any | None) -> None:
    """Keep `data` for this plan (None: forget what was kept). Never raises: a file not
    written only means the next start computes before its first paint."""
    path = kept_path(target, plan_id)
    partial = path.with_name(path.name + ".partial")
    try:
        if data is None:
            remove_file(path)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("w", encoding="utf-8") as file:
            json.dump(data, file, separators=(",", ":"))
        make_private(partial)
        replace_file(partial, path)
    except (OSError, ValueError, TypeError) as exc:
        reason = describe(exc) if isinstance(exc, OSError) else str(exc)
        log.warning("kept figures %s not written (%s)", path, reason)
        with suppress(OSError):
            remove_file(partial)
