"""Grab every page of the main window as it opens on this screen (run under Xvfb at the
screen size and QT_SCALE_FACTOR to check): the window sizes itself to the screen.

Usage: layout_shots.py DB OUT_PREFIX   e.g. resources/screenshots/laptop-1366x768
writes OUT_PREFIX-schemes.png, -risks.png, -activity.png, -trajectories.png
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from workbench.domain.edits import EntityKind
from workbench.store import open_store
from workbench.ui.look import apply_nhs_look
from workbench.ui.main_window import MainWindow
from workbench.ui.plan_controller import PlanController


def main() -> None:
    db, prefix = sys.argv[1], sys.argv[2]
    app = QApplication(sys.argv[:1])
    apply_nhs_look(app)
    store = open_store(db)
    window = MainWindow(PlanController(store.load_plan(), store), db)
    window.show()
    window.tables[EntityKind.SCHEME].select_id(store.load_plan().schemes[1].id)
    steps = [
        ("schemes", lambda: window.go_to(EntityKind.SCHEME, None)),
        ("risks", lambda: window.go_to(EntityKind.RISK, None)),
        ("activity", lambda: (window.show_page(window.activity), window.activity.select_id(3))),
        ("trajectories", lambda: (window.show_page(window.trajectories),
                                  window.trajectories.select_id(3))),
    ]

    def run(i: int) -> None:
        if i > 0:
            window.grab().save(f"{prefix}-{steps[i - 1][0]}.png")
        if i == len(steps):
            window.close()
            app.quit()
            return
        steps[i][1]()
        QTimer.singleShot(700, lambda: run(i + 1))

    QTimer.singleShot(900, lambda: run(0))
    app.exec()


if __name__ == "__main__":
    main()
