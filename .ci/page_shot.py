"""Grab one page of the main window (0 finance, 1 activity, 2 trajectories) to a PNG.

Usage: page_shot.py DB PAGE OUT.png [ROW_ID]   (under Xvfb, as .ci/screenshot.sh does)
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from workbench.store import open_store
from workbench.ui.look import apply_nhs_look
from workbench.ui.main_window import MainWindow
from workbench.ui.plan_controller import PlanController


def main() -> None:
    db, page, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    app = QApplication(sys.argv[:1])
    apply_nhs_look(app)
    store = open_store(db)
    window = MainWindow(PlanController(store.load_plan(), store), db)
    window.resize(1600, 1000)
    window.pages.setCurrentIndex(page)
    if len(sys.argv) > 4:
        window.pages.currentWidget().select_id(int(sys.argv[4]))
    window.show()

    def grab() -> None:
        window.grab().save(out)
        window.close()
        app.quit()

    QTimer.singleShot(900, grab)
    app.exec()


if __name__ == "__main__":
    main()
