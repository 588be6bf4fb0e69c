"""The same paper as a Word document and its tables as a workbook."""

from __future__ import annotations

import docx
import openpyxl
import pytest

from workbench.domain.demo_plan import demo_plan
from workbench.domain.errors import WorkbenchError
from workbench.reports import build_board_paper, write_board_paper


def _docx_text(path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    parts += [p.text for p in document.sections[0].header.paragraphs]
    return " ".join(parts)


def test_docx_opens_and_holds_the_cover_and_the_headlines(tmp_path, cover):
    out = write_board_paper(build_board_paper(demo_plan(), cover), tmp_path / "paper.docx")
    text = _docx_text(out)
    for field in ("10 March 2016", "16/12", cover.title, cover.purpose, cover.author,
                  cover.clinical_lead, cover.action_required, "\u2612 Decision",
                  "\u2612 Preventing People from Dying Prematurely", "\u2610 Ensuring"):
        assert field in text, field
    for figure in ("£727.6m", "£22.4m", "£7.0m", "£2.1m", "£13.3m", "£28.4m", "22,394",
                   "13,294", "Ability to negotiate balanced", "Off track",
                   "Maternity pathway standardisation", "Almost certain"):
        assert figure in text, figure
    assert "Paper 16/12 · 10 March 2016 · Oxfordshire CCG" in text
    assert docx.Document(str(out)).core_properties.title == cover.title


def test_xlsx_has_every_table_with_numbers_and_text_kept_as_text(tmp_path, cover):
    plan = demo_plan()
    plan.schemes[0].name = "=HYPERLINK(\"http://x\",\"click\")"
    plan.schemes[1].name = "-5% outpatients"
    paper = build_board_paper(plan, cover)
    book = openpyxl.load_workbook(write_board_paper(paper, tmp_path / "tables.xlsx"))
    assert book.sheetnames == [t.name for t in paper.tables]
    finance = book["Financial plan"]
    values = {finance.cell(r, 1).value.strip(): finance.cell(r, 2).value
              for r in range(5, finance.max_row + 1) if finance.cell(r, 1).value}
    assert values["Schemes identified"] == 7000 and values["Gap: not yet identified"] == 13294
    assert finance.cell(5, 2).number_format == "#,##0;(#,##0);-"
    schemes = book["Schemes"]
    names = [schemes.cell(r, 2) for r in (5, 6)]
    assert [c.value for c in names] == [plan.schemes[0].name, plan.schemes[1].name]
    assert all(c.data_type == "s" for c in names)


def test_a_file_held_open_elsewhere_is_one_clear_error(tmp_path, cover, monkeypatch):
    from workbench.reports import pdf

    def held(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(pdf, "write_pdf", held)
    paper = build_board_paper(demo_plan(), cover)
    with pytest.raises(WorkbenchError, match="paper.pdf"):
        write_board_paper(paper, tmp_path / "paper.pdf")


def test_a_failed_paper_leaves_the_old_file_and_no_temporary_file(tmp_path, cover, monkeypatch):
    from workbench.reports import docx_writer

    target = tmp_path / "paper.docx"
    target.write_bytes(b"old")

    def full_disk(_paper, out):
        out.write_bytes(b"PK half a document")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(docx_writer, "write_docx", full_disk)
    paper = build_board_paper(demo_plan(), cover)
    with pytest.raises(WorkbenchError, match="paper.docx"):
        write_board_paper(paper, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["paper.docx"]
    assert target.read_bytes() == b"old"
