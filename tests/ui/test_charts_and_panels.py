"""Charts draw the engine's results and follow every edit; panels show and edit figures."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest

from workbench.domain.edits import EntityKind, SetField
from workbench.ui.charts import ChartsPanel
from workbench.ui.panels.drivers_panel import DriversPanel
from workbench.ui.panels.summary_panel import SummaryPanel
from workbench.ui.plan_controller import PlanController

M = 1_000_000


@pytest.fixture
def controller(memory_plan, qtbot):
    plan, store = memory_plan
    return PlanController(plan, store)


@pytest.fixture
def charts(controller, qtbot):
    panel = ChartsPanel(controller)
    qtbot.addWidget(panel)
    return panel


def test_savings_chart_plots_engine_series(controller, charts):
    frame = controller.results.savings_monthly
    series = charts.savings.series()
    np.testing.assert_allclose(series["planned_cum"], frame["planned_cum"] / M)
    np.testing.assert_allclose(series["risk_adjusted_cum"], frame["risk_adjusted_cum"] / M)
    np.testing.assert_allclose(series["requirement_cum"][-1], 22.3935)


def test_an_edit_redraws_the_chart_with_new_engine_values(controller, charts):
    before = charts.savings.series()["planned_cum"].copy()
    scheme = controller.plan.schemes[0]
    controller.push(SetField(EntityKind.SCHEME, scheme.id, "gross_saving", scheme.gross_saving,
                             scheme.gross_saving * 2))
    after = charts.savings.series()["planned_cum"]
    np.testing.assert_allclose(after, controller.results.savings_monthly["planned_cum"] / M)
    assert after[-1] == pytest.approx(before[-1] + 1.2)


def test_highlight_scheme_and_workstream(controller, charts):
    scheme = controller.plan.schemes[0]
    charts.highlight("scheme", scheme.id)
    expected = controller.results.scheme_monthly.loc[scheme.id].cumsum().to_numpy() / M
    np.testing.assert_allclose(charts.savings.series()["selected_cum"], expected)
    assert charts.workstreams.highlighted_workstream() == scheme.workstream_id
    ws = scheme.workstream_id
    ids = [s.id for s in controller.plan.schemes if s.workstream_id == ws]
    charts.highlight("workstream", ws)
    expected = controller.results.scheme_monthly.loc[ids].sum().cumsum().to_numpy() / M
    np.testing.assert_allclose(charts.savings.series()["selected_cum"], expected)
    charts.highlight(None, None)
    assert "selected_cum" not in charts.savings.series()


def test_workstream_and_risk_charts_match_results(controller, charts):
    series = charts.workstreams.series()
    frame = controller.results.by_workstream
    for i, ws in enumerate(series["workstream_ids"]):
        assert series["by_workstream_identified"][i] == pytest.approx(
            frame.at[ws, "Identified"] / M)
    assert series["by_status"] == pytest.approx([7.0, 2.1, 13.2935])
    s = controller.results.summary
    assert charts.risks.series()["exposure"] == pytest.approx(
        [float(s.risks_gross) / M, s.risks_weighted / M, s.risks_after_mitigation / M,
         s.risks_net / M])
    risk = controller.plan.risks[0]
    charts.highlight("risk", risk.id)
    assert charts.risks.series()["selected"][0] == pytest.approx(15.0)


def test_charts_save_png_and_pdf(charts, tmp_path):
    charts.resize(600, 900)
    charts.save_png(tmp_path / "c.png")
    charts.save_pdf(tmp_path / "c.pdf")
    assert (tmp_path / "c.png").stat().st_size > 5000
    assert (tmp_path / "c.pdf").read_bytes()[:5] == b"%PDF-"


def test_summary_panel_shows_seed_figures_and_follows_drivers(controller, qtbot):
    panel = SummaryPanel(controller)
    qtbot.addWidget(panel)
    assert panel.text_of("savings_requirement") == "£22.4m"
    assert panel.text_of("savings_requirement_pct") == "3.0%"
    assert panel.text_of("savings_gap") == "£13.3m"
    assert panel.text_of("transformation_ringfence") == "£9.0m"
    assert panel.text_of("risks_gross") == "£28.4m"
    plan = controller.plan
    controller.push(SetField(EntityKind.DRIVERS, plan.id, "activity_growth_pct",
                             plan.drivers.activity_growth_pct, Decimal("0.029")))
    assert panel.text_of("savings_requirement") == "£29.1m"  # +1% growth on £667.3m


def test_drivers_panel_edit_is_undoable(controller, qtbot):
    panel = DriversPanel(controller)
    qtbot.addWidget(panel)
    editor = panel.editors["tariff_uplift_pct"]
    assert editor.text() == "1.1%"
    before = controller.results.summary.savings_requirement
    editor.setText("2.1")
    editor.editingFinished.emit()
    assert controller.plan.drivers.tariff_uplift_pct == Decimal("0.021")
    assert controller.results.summary.savings_requirement == before + Decimal("5473000")
    assert controller.undo_stack.undoText() == "Edit tariff uplift"
    controller.undo_stack.undo()
    assert editor.text() == "1.1%"
    panel.editors["allocation"].setText("seven hundred")
    panel.editors["allocation"].editingFinished.emit()
    assert "Core allocation is an amount in £m" in panel.error.text()
    assert controller.undo_stack.count() == 1  # nothing pushed for bad text
    assert panel.editors["allocation"].text() == "seven hundred"
