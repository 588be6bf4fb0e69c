"""Write a board paper in the format its file name asks for."""

from __future__ import annotations

from pathlib import Path

from workbench.domain.errors import WorkbenchError
from workbench.domain.export_files import export_target
from workbench.reports.paper import BoardPaper

FORMATS = {".pdf": "PDF", ".docx": "Word document", ".xlsx": "Excel workbook of the tables"}


def write_board_paper(paper: BoardPaper, out: Path) -> Path:
    """Write `paper` to `out` (.pdf, .docx or .xlsx); one clear WorkbenchError otherwise."""
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise WorkbenchError(f"{out.name}: a board paper is written as "
                             f"{', '.join(FORMATS)}, not {suffix or 'a file without extension'}")
    if not out.parent.is_dir():
        raise WorkbenchError(f"{out}: the folder {out.parent} does not exist")
    with export_target(out) as target:  # a file open in Word or Excel: one clear message
        if suffix == ".pdf":
            from workbench.reports.pdf import write_pdf
            return write_pdf(paper, target)
        if suffix == ".docx":
            from workbench.reports.docx_writer import write_docx
            return write_docx(paper, target)
        from workbench.reports.xlsx_writer import write_xlsx
        return write_xlsx(paper, target)
