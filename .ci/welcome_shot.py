"""Render the welcome screen to a PNG (used by .ci/screenshot.sh for the README)."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from workbench.ui.dialogs.welcome_dialog import WelcomeDialog
from workbench.ui.look import apply_nhs_look

app = QApplication(sys.argv[:1])
apply_nhs_look(app)
dialog = WelcomeDialog()
dialog.show()


def grab() -> None:
    dialog.grab().save(sys.argv[1])
    app.quit()


QTimer.singleShot(500, grab)
app.exec()
