"""Errors reach the user as one sentence; unexpected ones as a dialog with details to copy."""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from workbench import __version__
from workbench.domain.errors import WorkbenchError
from workbench.domain.masking import mask

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
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
    box.exec()


def install_excepthooks(parent: QWidget | None) -> None:
    """Unhandled errors on any thread become a dialog instead of a silent console trace."""

    def hook(exc_type, exc, tb) -> None:
        log.critical("unhandled error", exc_info=(exc_type, exc, tb))
        sys.stderr.write(mask("".join(traceback.format_exception(exc_type, exc, tb))))
        if QApplication.instance() is not None and exc is not None:
            show_error(parent, exc)

    sys.excepthook = hook
    threading.excepthook = lambda a: hook(a.exc_type, a.exc_value, a.exc_traceback)
