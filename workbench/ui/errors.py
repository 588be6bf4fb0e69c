"""Errors reach the user as one sentence; unexpected ones as a dialog with details to copy."""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from workbench import __version__
from workbench.domain.errors import WorkbenchError
from workbench.domain.masking import mask
from workbench.ui.modal import ask

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    if parent is not None and not shiboken6.isValid(parent):
        parent = None  # its window was closed and deleted since
    if isinstance(exc, WorkbenchError):
        QMessageBox.warning(parent, "Planning Workbench", mask(exc))
        return
    log.error("fault shown to the user", exc_info=exc)
    details = mask("".join(traceback.format_exception(exc)))
    box = QMessageBox(QMessageBox.Icon.Critical, "Planning Workbench",
                      "Something went wrong. Your stored edits are safe; the last action "
                      "may not have completed.", parent=parent)
    box.setDetailedText(
        f"Planning Workbench {__version__}, Python {platform.python_version()}, "
        f"{platform.platform()}\n\n{details}"
    )
    ask(box)


class _GuiThreadRelay(QObject):
    """Carries an error raised on another thread to the GUI thread: a dialog made on the
    store thread (or any other) would be a Qt widget off the GUI thread, which can crash."""

    raised = Signal(object)


def install_excepthooks(parent: QWidget | None) -> None:
    """Unhandled errors on any thread become a dialog (on the GUI thread) instead of a
    silent console trace."""
    relay = _GuiThreadRelay(QApplication.instance())
    relay.raised.connect(lambda exc: show_error(parent, exc),
                         Qt.ConnectionType.QueuedConnection)

    def hook(exc_type, exc, tb) -> None:
        log.critical("unhandled error", exc_info=(exc_type, exc, tb))
        sys.stderr.write(mask("".join(traceback.format_exception(exc_type, exc, tb))))
        if QApplication.instance() is None or exc is None:
            return
        if threading.current_thread() is threading.main_thread():
            show_error(parent, exc)
        else:
            relay.raised.emit(exc)

    sys.excepthook = hook
    threading.excepthook = lambda a: hook(a.exc_type, a.exc_value, a.exc_traceback)
