"""The Word paper carries the PDF's charts as pictures: sized for the page, named in their
caption and alt text, and real drawings (valid PNGs with ink where the chart is)."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from PIL import Image
from reportlab.graphics import renderPM

from workbench.domain.demo_plan import demo_plan
from workbench.domain.errors import WorkbenchError
from workbench.reports import build_board_paper, write_board_paper
from workbench.reports import chart_images as chart_images_module

TEXT_WIDTH_MM = 174  # A4 less 18 mm margins


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    from tests.reports.conftest import COVER

    paper = build_board_paper(demo_plan(), COVER)
    out = write_board_paper(paper, tmp_path_factory.mktemp("docx") / "paper.docx")
    return paper, docx.Document(str(out))


def _pictures(document) -> list[dict]:
    """Each inline picture: size, alt text, the caption paragraph under it, PNG bytes."""
    paragraphs = document.paragraphs
    found = []
    for n, paragraph in enumerate(paragraphs):
        for inline in paragraph._p.iter(qn("wp:inline")):
            doc_pr = inline.find(qn("wp:docPr"))
            blip = next(inline.iter(qn("a:blip")))
            part = document.part.related_parts[blip.get(qn("r:embed"))]
            found.append({"width": int(inline.extent.cx), "height": int(inline.extent.cy),
                          "descr": doc_pr.get("descr"), "title": doc_pr.get("title"),
                          "caption": paragraphs[n + 1].text,
                          "caption_style": paragraphs[n + 1].style.name,
                          "png": part.blob, "content_type": part.content_type})
    return found


def test_every_chart_of_the_pdf_is_a_picture_with_its_caption(written):
    paper, document = written
    pictures = _pictures(document)
    titles = [paper.cumulative.title, "Risk heat map: likelihood x impact",
              *(c.title for c in paper.trajectory_charts)]
    assert len(paper.trajectory_charts) == 12  # SPC charts: 3 national trajectories, 9 local
    assert len(document.inline_shapes) == len(pictures) == len(titles) == 14
    for n, (picture, title) in enumerate(zip(pictures, titles, strict=True), start=1):
        assert picture["caption"] == f"Figure {n}: {title}"
        assert picture["caption_style"] == "Caption"
        assert picture["title"] == picture["caption"]
        assert picture["content_type"] == "image/png"
    # The SPC charts are named by their metric and provider, as on the Trajectories page.
    assert any("A&E" in p["caption"] for p in pictures[2:])


def test_pictures_fit_the_page_at_sensible_sizes(written):
    _paper, document = written
    pictures = _pictures(document)
    for picture in pictures:
        width_mm, height_mm = picture["width"] / Mm(1), picture["height"] / Mm(1)
        assert 60 <= width_mm <= TEXT_WIDTH_MM + 0.5, picture["caption"]
        assert 45 <= height_mm <= 90, picture["caption"]
    line_charts = [p for p in pictures if "heat map" not in p["caption"]]
    assert all(abs(p["width"] / Mm(1) - TEXT_WIDTH_MM) < 1 for p in line_charts)
    heat = next(p for p in pictures if "heat map" in p["caption"])
    assert heat["width"] < heat["height"] * 1.2  # trimmed to its grid: no blank margin


def test_alt_text_says_what_each_chart_shows(written):
    paper, document = written
    pictures = _pictures(document)
    cumulative, heat = pictures[0], pictures[1]
    assert cumulative["descr"].startswith(f"Line chart: {paper.cumulative.title}")
    assert "Requirement" in cumulative["descr"] and "Planned" in cumulative["descr"]
    assert "Apr" in cumulative["descr"] and "Mar" in cumulative["descr"]
    assert "Almost certain" in heat["descr"]
    for point in paper.heat_map:
        assert f"risk {point.number} at likelihood {point.likelihood}" in heat["descr"]
    for picture, chart in zip(pictures[2:], paper.trajectory_charts, strict=True):
        assert chart.title in picture["descr"]


def test_each_picture_is_a_print_resolution_png_with_the_chart_drawn(written):
    _paper, document = written
    pictures = _pictures(document)
    assert len(pictures) == 14  # the cumulative chart, the heat map, 12 SPC charts
    for picture in pictures:
        assert picture["png"][:8] == b"\x89PNG\r\n\x1a\n"
        image = Image.open(io.BytesIO(picture["png"]))
        image.load()
        assert image.format == "PNG"
        dpi = image.width / (picture["width"] / Mm(1) / 25.4)
        assert 280 <= dpi <= 320, (picture["caption"], dpi)
        assert [round(d) for d in image.info["dpi"]] == [300, 300]
        rgb = image.convert("RGB")
        histogram = rgb.convert("L").histogram()
        white = sum(histogram[250:])
        ink = sum(histogram[:100])  # text, axes, the dark lines
        total = image.width * image.height
        assert white > total * 0.3, picture["caption"]  # a chart on white, not a filled box
        assert ink > total * 0.002, picture["caption"]  # and something drawn on it


def test_the_charts_carry_their_own_colours(written):
    """The cumulative chart's dashed blue plan line and the heat map's extreme band are
    in the pictures: these are the PDF's drawings, not blank frames."""
    _paper, document = written
    pictures = _pictures(document)

    def count(png: bytes, rgb: tuple[int, int, int]) -> int:
        image = Image.open(io.BytesIO(png)).convert("RGB")
        return sum(n for n, colour in image.getcolors(image.width * image.height)
                   if all(abs(a - b) <= 3 for a, b in zip(colour, rgb, strict=True)))

    assert count(pictures[0]["png"], (0, 94, 184)) > 1000  # Planned: Color(0, .37, .72)
    assert count(pictures[1]["png"], (158, 107, 107)) > 10000  # scores 15 to 25


def test_a_missing_chart_renderer_is_one_clear_error_and_no_file(tmp_path, cover, monkeypatch):
    def no_backend(*_args, **_kwargs):
        raise renderPM.RenderPMError("cannot import desired renderPM backend rlPyCairo\n"
                                     "Seek advice at the users list")

    monkeypatch.setattr(chart_images_module.renderPM, "drawToString", no_backend)
    paper = build_board_paper(demo_plan(), cover)
    with pytest.raises(WorkbenchError, match="rlPyCairo") as raised:
        write_board_paper(paper, tmp_path / "paper.docx")
    assert "\n" not in str(raised.value)
    assert list(tmp_path.iterdir()) == []
