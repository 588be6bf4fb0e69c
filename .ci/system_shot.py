"""The System page of a plan, whole (its scrolled body at full height), to a PNG.

Usage: system_shot.py DB OUT.png   (under Xvfb; resources/screenshots/system.png is made
from the demo with a £3.3m overspend typed in the older people's pool and the
illustrative comparators loaded)
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QScrollArea

from workbench.store import open_store
from workbench.ui.look import apply_nhs_look
from workbench.ui.main_window import MainWindow
from workbench.ui.plan_controller import PlanController


def main() -> None:
    db, out = sys.argv[1], sys.argv[2]
    app = QApplication(sys.argv[:1])
    apply_nhs_look(app)
    store = open_store(db)
    window = MainWindow(PlanController(store.load_plan(), store), db)
    window.resize(1600, 1000)
    window.show()
    window.show_page(window.system)

    def grab() -> None:
        body = window.system.findChild(QScrollArea).widget()
        body.resize(body.width(), body.sizeHint().height())
        body.grab().save(out)
        window.close()
        app.quit()

    QTimer.singleShot(900, grab)
    app.exec()


if __name__ == "__main__":
    main()
