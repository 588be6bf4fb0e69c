"""The board paper as a Word document (python-docx), for people who edit papers before
they go out: the same cover, text, tables and charts as the PDF. The charts are pictures
drawn from the PDF's own drawings (chart_images), each with a numbered caption and alt
text; the cumulative chart's monthly figures follow it as an editable table."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from workbench.reports.chart_images import ChartImage, chart_images
from workbench.reports.cover import EQUALITY, PURPOSES
from workbench.reports.paper import BoardPaper
from workbench.reports.tables import Table

NAVY = RGBColor(0x00, 0x30, 0x87)
TICKED, EMPTY = "\u2612", "\u2610"  # ballot boxes: Word's fonts carry both


def write_docx(paper: BoardPaper, out: Path) -> Path:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(18))
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Arial", Pt(10)
    figures = chart_images(paper)  # drawn first: a missing renderer fails before any page
    _running_head(section, paper)
    _cover(doc, paper)
    doc.add_page_break()
    doc.add_heading(paper.cover.title, level=1)
    _section(doc, "1. Financial plan summary", paper.summary_text, paper.finance)
    _section(doc, "2. Savings by workstream and status", paper.savings_text, paper.workstreams)
    if paper.cumulative:
        _figure(doc, figures["cumulative"])
        c = paper.cumulative
        cum = Table("Cumulative", c.title, ("", *c.labels),
                    [(s.name, *(f"{v:,.1f}" if v is not None else "" for v in s.values))
                     for s in c.series])
        _table(doc, cum)
    _section(doc, "3. Risks to the plan", paper.risk_text, None)
    _figure(doc, figures["heat-map"])
    _table(doc, paper.risks)
    _section(doc, "4. Trajectories against the standards", [], paper.trajectories)
    for n in range(1, len(paper.trajectory_charts) + 1):
        _figure(doc, figures[f"spc-{n}"])
    doc.add_page_break()
    _section(doc, "Appendix: savings schemes", [], paper.schemes)
    doc.core_properties.title = paper.cover.title
    doc.core_properties.author = paper.cover.author
    doc.core_properties.subject = paper.running_head
    doc.save(str(out))
    return out


def _running_head(section, paper: BoardPaper) -> None:
    head = section.header.paragraphs[0]
    head.text = paper.running_head
    head.runs[0].font.size = Pt(8)
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = foot.add_run(f"{paper.plan_title}    Page ")
    run.font.size = Pt(8)
    _field(foot, "PAGE")
    foot.add_run(" of ").font.size = Pt(8)
    _field(foot, "NUMPAGES")


def _field(paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays the pages out."""
    run = paragraph.add_run()
    run.font.size = Pt(8)
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"),
                       ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText" if text == code else "w:t")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _shade(cell, fill: str) -> None:
    props = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), fill)
    props.append(shading)


def _cover(doc, paper: BoardPaper) -> None:
    c = paper.cover
    title = doc.add_paragraph()
    run = title.add_run(paper.organisation)
    run.bold, run.font.size, run.font.color.rgb = True, Pt(16), NAVY
    doc.add_paragraph("Governing Body meeting").runs[0].font.size = Pt(12)

    def choices(options, chosen) -> str:
        return "    ".join(f"{TICKED if o == chosen else EMPTY} {o}" for o in options)

    rows = [
        ("Date of meeting:", c.meeting_text or "Not set"),
        ("Paper no:", c.paper_number or "Not set"),
        ("Title:", c.title),
        ("Is this paper for:", choices([p.removeprefix("For ").title() for p in PURPOSES],
                                       c.decision.removeprefix("For ").title())),
        ("Purpose and executive summary:", c.purpose or "Not stated"),
        ("Financial implications of paper:", c.financial_implications or "Not stated"),
        ("Action required:", c.action_required or "Not stated"),
        ("NHS Outcomes Framework domains supported:",
         "\n".join(f"{TICKED if on else EMPTY} {name}" for name, on in c.domains)),
        ("Equality analysis completed:", choices(EQUALITY, c.equality_analysis)),
        ("Author:", c.author or "Not stated"),
        ("Clinical lead:", c.clinical_lead or "Not stated"),
    ]
    grid = doc.add_table(rows=len(rows), cols=2)
    grid.style = "Table Grid"
    for (label, value), row in zip(rows, grid.rows, strict=True):
        row.cells[0].text = label
        row.cells[0].paragraphs[0].runs[0].bold = True
        _shade(row.cells[0], "EDF0F5")
        row.cells[1].text = value
        row.cells[0].width, row.cells[1].width = Mm(55), Mm(119)


def _section(doc, title: str, text: list[str], table: Table | None) -> None:
    doc.add_heading(title, level=2)
    for paragraph in text:
        doc.add_paragraph(paragraph)
    if table is not None:
        _table(doc, table)


def _table(doc, table: Table) -> None:
    caption = doc.add_paragraph()
    caption.add_run(table.title).bold = True
    body = table.rows + ([table.total] if table.total else [])
    grid = doc.add_table(rows=1 + len(body), cols=len(table.columns))
    grid.style = "Light List Accent 1"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    numeric = [table.numeric(i) and i > 0 for i in range(len(table.columns))]
    for r, row in enumerate([table.columns, *body]):
        for i, value in enumerate(row):
            cell = grid.cell(r, i)
            cell.text = str(value)
            para = cell.paragraphs[0]
            if numeric[i]:
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            for run in para.runs:
                run.font.size = Pt(8)
                run.bold = r == 0 or (table.total is not None and r == len(body))
    if table.note:
        note = doc.add_paragraph().add_run(table.note)
        note.italic, note.font.size = True, Pt(7.5)


def _figure(doc, image: ChartImage) -> None:
    """A chart as a centred picture at its printed size, its alt text set (Word's
    "Description" and "Title"), and a numbered caption under it."""
    holder = doc.add_paragraph()
    holder.alignment = WD_ALIGN_PARAGRAPH.CENTER
    holder.paragraph_format.keep_with_next = True
    shape = holder.add_run().add_picture(BytesIO(image.png), width=Mm(image.width_mm),
                                         height=Mm(image.height_mm))
    properties = shape._inline.docPr
    properties.set("descr", image.alt_text)
    properties.set("title", image.caption)
    caption = doc.add_paragraph(image.caption, style="Caption")
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
