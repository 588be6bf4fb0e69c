"""The application's log file: errors with their tracebacks, timings of slow work, never
a secret (every record goes through domain.masking before it is written).

One rotating file in the user's log folder (platformdirs); WORKBENCH_LOG_DIR overrides
it, and with WORKBENCH_DATA_DIR set (tests, portable installs) it sits beside the data.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_log_dir

from workbench.domain.masking import mask
from workbench.store.database import APP_DIR_NAME

LOG_NAME = "planning-workbench.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
SLOW_SECONDS = 0.5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
log = logging.getLogger("workbench.timing")


def log_dir() -> Path:
    override = os.environ.get("WORKBENCH_LOG_DIR")
    if override:
        return Path(override)
    data = os.environ.get("WORKBENCH_DATA_DIR")
    if data:
        return Path(data) / "logs"
    return Path(user_log_dir(APP_DIR_NAME, appauthor=False))


class MaskingFormatter(logging.Formatter):
    """Formats as usual (traceback included), then masks every password in the text."""

    def format(self, record: logging.LogRecord) -> str:
        return mask(super().format(record))


def install() -> Path | None:
    """Send the workbench's log records (INFO and up) to the rotating file; its path, or
    None if the folder cannot be written (the app runs on without a log file)."""
    root = logging.getLogger("workbench")
    for handler in root.handlers:
        if isinstance(handler, RotatingFileHandler):
            return Path(handler.baseFilename)
    folder = log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(folder / LOG_NAME, maxBytes=MAX_BYTES,
                                      backupCount=BACKUPS, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(MaskingFormatter(FORMAT))
    handler.setLevel(logging.INFO)
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return Path(handler.baseFilename)


def uninstall() -> None:
    root = logging.getLogger("workbench")
    for handler in list(root.handlers):
        if isinstance(handler, RotatingFileHandler):
            root.removeHandler(handler)
            handler.close()


@contextmanager
def timed(what: str, slow: float = SLOW_SECONDS) -> Iterator[None]:
    """Log how long `what` took when it took longer than `slow` seconds."""
    start = time.perf_counter()
    try:
        yield
    finally:
        took = time.perf_counter() - start
        if took >= slow:
            log.info("%s took %.2f s", what, took)
