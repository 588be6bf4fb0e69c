"""Any chart to a file for a paper: PNG at 300 dpi, SVG and PDF, with title, organisation,
date and source line, painted again at the target's resolution (not a screen grab)."""

from __future__ import annotations

import io
import struct
from datetime import date

import pypdf
import pytest
from PySide6.QtGui import QImage

from workbench.ui.charts import ChartsPanel
from workbench.ui.charts.export import ChartCaption, export_chart
from workbench.ui.launcher import open_plan
from workbench.ui.plan_controller import PlanController

CAPTION = ChartCaption("Savings against the requirement, 2016/17", "Oxfordshire CCG (10Q)",
                       date(2016, 3, 10), "Source: Operational plan 2016/17, draft 3")


@pytest.fixture
def charts(tmp_path, qtbot):
    store, plan = open_plan(str(tmp_path / "plan.db"))
    panel = ChartsPanel(PlanController(plan, store))
    qtbot.addWidget(panel)
    panel.resize(480, 900)
    panel.show()
    return panel


def png_chunks(data: bytes) -> dict[bytes, bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = {}, 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at:at + 4])
        kind = data[at + 4:at + 8]
        chunks.setdefault(kind, data[at + 8:at + 8 + length])
        at += 12 + length
    return chunks


def test_png_is_2100_by_1350_pixels_at_300_dpi(charts, tmp_path):
    out = export_chart(charts.savings, tmp_path / "savings.png", CAPTION)
    chunks = png_chunks(out.read_bytes())
    width, height = struct.unpack(">II", chunks[b"IHDR"][:8])
    assert (width, height) == (2100, 1350)  # 7 × 4.5 inches at 300 dpi
    x_per_metre, y_per_metre, unit = struct.unpack(">IIB", chunks[b"pHYs"])
    assert unit == 1 and x_per_metre == y_per_metre == 11811  # 300 dpi
    assert (width, height) != (charts.savings.width(), charts.savings.height())


def test_png_holds_the_chart_and_the_caption(charts, tmp_path):
    """The chart is drawn across the middle of the image and the title band has ink."""
    out = export_chart(charts.savings, tmp_path / "savings.png", CAPTION)
    image = QImage(str(out))
    assert image.width() == 2100
    grey_levels = {image.pixelColor(x, 675).lightness() for x in range(200, 2000, 3)}
    assert len(grey_levels) > 3  # the chart is drawn there, not a blank image
    title_ink = sum(image.pixelColor(x, y).lightness() < 100
                    for x in range(20, 1200, 2) for y in range(20, 80, 2))
    assert title_ink > 100  # the caption's title is painted in the top band


def test_svg_holds_title_organisation_date_and_source(charts, tmp_path):
    out = export_chart(charts.workstreams, tmp_path / "workstreams.svg", CAPTION)
    text = out.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    assert "<title>Savings against the requirement, 2016/17</title>" in text
    for shown in ("Savings against the requirement, 2016/17", "Oxfordshire CCG (10Q)",
                  "10 March 2016", "Source: Operational plan 2016/17, draft 3"):
        assert f">{shown}" in text or shown in text.split("<text", 1)[1], shown
    assert "<image" not in text  # vectors, not an embedded bitmap of the screen


def test_pdf_holds_the_caption_text_on_one_chart_sized_page(charts, tmp_path):
    out = export_chart(charts.risks, tmp_path / "risks.pdf", CAPTION)
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (504, 324)  # 7 × 4.5 in
    text = " ".join(reader.pages[0].extract_text().split())  # Qt places words one by one
    for shown in ("Savings against the requirement, 2016/17", "Oxfordshire CCG (10Q)",
                  "10 March 2016", "Source: Operational plan 2016/17, draft 3"):
        assert shown in text, (shown, text)
    assert reader.metadata.title == CAPTION.title


def test_other_suffixes_are_refused(charts, tmp_path):
    with pytest.raises(ValueError, match="save a chart as .png, .svg or .pdf"):
        export_chart(charts.savings, tmp_path / "chart.jpg", CAPTION)
    assert not (tmp_path / "chart.jpg").exists()


def test_the_chart_on_screen_keeps_its_size_and_title(charts, tmp_path):
    """Exported at the paper's size, with its own title left out when the caption repeats
    it; on screen afterwards exactly as before."""
    chart = charts.savings
    label = chart.getPlotItem().titleLabel
    before = (chart.size(), label.text, label.isVisible(), dict(label.opts))
    repeat = ChartCaption(label.text, "Oxfordshire CCG (10Q)", date(2016, 3, 10))
    svg = export_chart(chart, tmp_path / "s.svg", repeat).read_text(encoding="utf-8")
    assert svg.count(f">{label.text}<") == 2  # <title> and the caption, not the plot too
    assert (chart.size(), label.text, label.isVisible(), dict(label.opts)) == before


def test_right_click_export_chart_writes_a_captioned_pdf(charts, qtbot, monkeypatch, tmp_path):
    """The chart's own right-click menu: "Export chart…" (not pyqtgraph's exporter dialog)."""
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    out = tmp_path / "savings.pdf"
    offered = []

    def answer(_parent, _caption, start, _filters):
        offered.append(start)
        return str(out), ""

    monkeypatch.setattr("workbench.ui.export_paths.QFileDialog.getSaveFileName", answer)
    chart = charts.savings
    at = chart.viewport().rect().center()  # a right-click, as the window system sends it
    QApplication.sendEvent(chart.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, at, chart.viewport().mapToGlobal(at)))
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    menu = QApplication.activePopupWidget()
    assert [a.text() for a in menu.actions()] == ["Export chart…"]
    next(a for a in menu.actions() if a.text() == "Export chart…").trigger()
    menu.close()
    assert offered and offered[0].endswith("10Q-Cumulative savings v requirement.png")
    text = " ".join(pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text().split())
    assert "Cumulative savings v requirement" in text
    assert "Oxfordshire CCG (10Q)" in text and "Source: Oxfordshire CCG (10Q)" in text


def test_activity_and_trajectory_charts_export_from_their_right_click_menu(
        tmp_path, qtbot, monkeypatch):
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    from workbench.ui.main_window import MainWindow

    store, plan = open_plan(str(tmp_path / "plan.db"))
    window = MainWindow(PlanController(plan, store), store_label="plan.db")
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    pages = {"Activity": window.activity.chart,
             "Trajectories": window.trajectories.right.spc_chart}
    for tab, chart in pages.items():
        window.pages.setCurrentIndex(
            next(i for i in range(window.pages.count()) if window.pages.tabText(i) == tab))
        out = tmp_path / f"{tab}.svg"
        monkeypatch.setattr("workbench.ui.export_paths.QFileDialog.getSaveFileName",
                            lambda *_a, _out=out: (str(_out), ""))
        at = chart.viewport().rect().center()
        QApplication.sendEvent(chart.viewport(), QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, at, chart.viewport().mapToGlobal(at)))
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
        menu = QApplication.activePopupWidget()
        menu.actions()[0].trigger()
        menu.close()
        text = out.read_text(encoding="utf-8")
        title = export_title(chart)
        assert title and f"<title>{title}</title>" in text.replace("&amp;", "&"), tab
        assert "Oxfordshire CCG (10Q)" in text and "Source: Oxfordshire CCG (10Q)" in text


def export_title(chart) -> str:
    from workbench.ui.charts.export_menu import chart_title

    return chart_title(chart)


def test_a_page_exports_its_charts_stacked_under_one_caption(charts, tmp_path):
    from workbench.ui.charts.export import page_charts
    from workbench.ui.charts.export_menu import save_page_charts

    assert page_charts(charts) == [charts.savings, charts.workstreams, charts.risks]
    plan = charts.controller.plan
    out = save_page_charts(charts, plan, tmp_path / "page.pdf")
    page = pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages[0]
    assert round(float(page.mediabox.height)) == round((0.9 + 3 * 3) * 72)
    text = " ".join(page.extract_text().split())
    for shown in ("Operational plan 2016/17", "Oxfordshire CCG (10Q)", "Savings by workstream",
                  "Risk exposure", "Cumulative savings v requirement"):
        assert shown in text, shown


def test_a_chart_that_cannot_be_written_leaves_no_temporary_file(charts, tmp_path, monkeypatch):
    target = tmp_path / "savings.png"
    target.write_bytes(b"old")

    def full_disk(self, data):
        with self.open("wb") as handle:
            handle.write(data[:10])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("pathlib.Path.write_bytes", full_disk)
    with pytest.raises(OSError, match="No space"):
        export_chart(charts.savings, target, CAPTION)
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".png") == ["savings.png"]
    assert target.read_bytes() == b"old"
