"""Screenshots of the analysis screens: delivery odds, a figure explained, a versions diff,
scenarios.

Usage: analysis_shots.py DB WHAT OUT.png  (WHAT: odds, explain, diff, scenarios; under Xvfb:
  XDG_CONFIG_HOME=$(mktemp -d) xvfb-run -a -s "-screen 0 1600x1000x24" \
      python .ci/analysis_shots.py demo.db odds resources/screenshots/delivery-odds.png)
Each screen is reached as a user would: the menu action, a click on a summary figure.
"""

import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from workbench.store import open_store
from workbench.ui.look import apply_nhs_look
from workbench.ui.main_window import MainWindow
from workbench.ui.plan_controller import PlanController


def main() -> None:
    db, what, out = sys.argv[1], sys.argv[2], sys.argv[3]
    app = QApplication(sys.argv[:1])
    apply_nhs_look(app)
    store = open_store(db)
    window = MainWindow(PlanController(store.load_plan(), store), db)
    window.resize(1600, 1000)
    window.show()
    target = window

    def act() -> None:
        nonlocal target
        if what == "odds":
            window.odds_action.trigger()
            window.resizeDocks([window.odds.dock], [640], Qt.Orientation.Horizontal)
        elif what == "diff":
            from decimal import Decimal

            from workbench.domain.edits import EntityKind, SetField
            from workbench.domain.enums import SchemeStatus
            from workbench.ui.dialogs.version_diff_dialog import VersionDiffDialog
            from workbench.ui.dialogs.versions_dialog import freeze

            c = window.controller
            freeze(c, window, "Draft 2 March 2016")
            plan = c.plan
            pushes = [(EntityKind.SCHEME, plan.schemes[0], "gross_saving", Decimal(1_700_000)),
                      (EntityKind.SCHEME, plan.schemes[7], "status", SchemeStatus.IDENTIFIED),
                      (EntityKind.RISK, plan.risks[0], "likelihood", 3),
                      (EntityKind.DRIVERS, plan.drivers, "tariff_uplift_pct", Decimal("0.015"))]
            for kind, row, field, value in pushes:
                row_id = plan.id if kind is EntityKind.DRIVERS else row.id
                c.push(SetField(kind, row_id, field, getattr(row, field), value))
            window.diff_action.trigger()
            target = window.findChild(VersionDiffDialog)
            target.resize(1300, 760)
        elif what == "explain":
            label = window.summary.values["savings_requirement"]
            QTest.mouseClick(label, Qt.MouseButton.LeftButton, pos=label.rect().center())
            window.resizeDocks([window.explain.dock], [420], Qt.Orientation.Vertical)
        elif what == "scenarios":
            from decimal import Decimal

            from workbench.domain.edits import EntityKind, InsertRows
            from workbench.domain.scenarios import Scenario

            window.controller.push(InsertRows(EntityKind.SCENARIO, (
                Scenario(None, "Growth 2.9%", activity_growth_pct=Decimal("0.029")),
                Scenario(None, "Slip 3 months, 20% haircut", slippage_months=3,
                         confidence_haircut=Decimal("0.2")))))
            window.scenarios_action.trigger()
            window.resizeDocks([window.scenarios.dock], [520], Qt.Orientation.Vertical)
            window.scenarios.results.recompute()
        QTimer.singleShot(700, grab)

    def grab() -> None:
        if what == "scenarios" and not (window.scenarios.results.current()
                                        and window.scenarios.panel.tornado_current()):
            QTimer.singleShot(50, grab)  # the figures come from their own thread
            return
        target.grab().save(out)
        window.close()
        app.quit()

    QTimer.singleShot(500, act)
    app.exec()


if __name__ == "__main__":
    main()
