"""Seed 001's local ambitions on the Trajectories page, next to the national standards:
marked local, each with its source in the metric's tooltip, charted when clicked."""

from __future__ import annotations

from PySide6.QtCore import Qt

from workbench.ui.launcher import open_plan
from workbench.ui.plan_controller import PlanController
from workbench.ui.trajectories import TrajectoryPage
from workbench.ui.trajectories.list_model import METRIC


def test_local_ambitions_sit_alongside_the_national_standards(tmp_path, qtbot):
    store, plan = open_plan(str(tmp_path / "plan.db"))
    page = TrajectoryPage(PlanController(plan, store))
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    model = page.list_model
    metrics = [model.index(r, METRIC).data() for r in range(model.rowCount())]
    assert "A&E 4-hour performance, OUH (RTH), all types" in metrics
    local = [m for m in metrics if m.startswith("Local: ")]
    assert {"Local: Learning disability inpatient beds",
            "Local: Community Integrated Locality Teams",
            "Local: IAPT access, share of prevalence", "Local: IAPT recovery rate",
            "Local: People holding a personal health budget",
            "Local: Broad-spectrum antibiotics, % of antibacterial items",
            "Local: Practices live with the Electronic Prescription Service"} == set(local)
    beds = metrics.index("Local: Learning disability inpatient beds")
    tip = model.index(beds, METRIC).data(Qt.ItemDataRole.ToolTipRole)
    assert "Source: local target; 001: \"Our plans to reduce learning disability" in tip
    eip = metrics.index("Early intervention in psychosis, treated within 2 weeks")
    eip_tip = model.index(eip, METRIC).data(Qt.ItemDataRole.ToolTipRole)
    assert "From standard EIP_2WK" in eip_tip and "national standard 50.0%" in eip_tip
    # a click on the row charts it: the page follows the selection
    index = model.index(beds, METRIC)
    page.table.scrollTo(index)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.table.visualRect(index).center())
    assert page.trajectory.metric == "Local: Learning disability inpatient beds"
    assert page.trajectory.target == 6
