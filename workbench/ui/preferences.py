"""Window layout remembered between sessions (QSettings), versioned so old layouts are dropped,
and the first window sized to the screen it opens on (125%/150% scaling included)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter

LAYOUT_VERSION = 1
PREFERRED = QSize(1600, 1000)  # logical pixels, on a screen with room for it
FRAME = QSize(16, 40)  # room left for the window manager's frame and title bar


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


def available_geometry(window: QMainWindow) -> QRect:
    """The usable part (without task bar) of the screen the window is on, in logical pixels."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QMainWindow, area: QRect, restored: bool = False) -> None:
    """Open no larger than `area`: the preferred size centred where it fits, else maximised.

    A restored geometry (perhaps saved at another scaling or on a larger monitor) is kept
    only while it fits inside the area.
    """
    room = QSize(max(area.width() - FRAME.width(), 1), max(area.height() - FRAME.height(), 1))
    if restored and area.contains(window.frameGeometry()) and window.width() <= room.width() \
            and window.height() <= room.height():
        return
    if PREFERRED.width() <= room.width() and PREFERRED.height() <= room.height():
        window.resize(PREFERRED)
        frame = QRect(area.topLeft(), PREFERRED + FRAME)
        frame.moveCenter(area.center())
        window.move(frame.topLeft())
        return
    window.resize(room)
    window.move(area.topLeft())
    window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
