"""Render the Trajectories page on the demo plan to a PNG (under Xvfb, like screenshot.sh).

Usage: trajectories_shot.py OUT.png [TRAJECTORY_ID] [CHARTS.png]
e.g.  QT_SCALE_FACTOR=1.5 xvfb-run -a -s "-screen 0 2400x1500x24" \
          .venv/bin/python .ci/trajectories_shot.py /tmp/trajectories-150.png 3
"""

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from workbench.ui.launcher import open_plan
from workbench.ui.look import apply_nhs_look
from workbench.ui.plan_controller import PlanController
from workbench.ui.trajectories import TrajectoryPage


def main() -> None:
    out = sys.argv[1]
    app = QApplication(sys.argv[:1])
    apply_nhs_look(app)
    folder = tempfile.mkdtemp()
    store, plan = open_plan(str(Path(folder) / "demo.db"))
    page = TrajectoryPage(PlanController(plan, store))
    page.setWindowTitle("Trajectories")
    screen = app.primaryScreen().availableGeometry()  # logical pixels: smaller when scaled
    page.resize(min(1600, screen.width()), min(940, screen.height()))
    if len(sys.argv) > 2:
        page.select_id(int(sys.argv[2]))
    page.show()

    def grab() -> None:
        page.grab().save(out)
        if len(sys.argv) > 3:
            page.save_png(Path(sys.argv[3]))
        page.close()
        app.quit()

    QTimer.singleShot(900, grab)
    app.exec()


if __name__ == "__main__":
    main()
