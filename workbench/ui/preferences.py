"""Window layout remembered between sessions (QSettings), versioned so old layouts are dropped."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

LAYOUT_VERSION = 1


def restore_layout(window: QMainWindow, splitter: QSplitter) -> bool:
    settings = QSettings()
    if settings.value("layout/version", 0, type=int) != LAYOUT_VERSION:
        return False
    ok = bool(window.restoreGeometry(settings.value("layout/geometry", b"")))
    window.restoreState(settings.value("layout/state", b""))
    splitter.restoreState(settings.value("layout/splitter", b""))
    return ok


def save_layout(window: QMainWindow, splitter: QSplitter) -> None:
    settings = QSettings()
    settings.setValue("layout/version", LAYOUT_VERSION)
    settings.setValue("layout/geometry", window.saveGeometry())
    settings.setValue("layout/state", window.saveState())
    settings.setValue("layout/splitter", splitter.saveState())
