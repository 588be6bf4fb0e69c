"""Write a board paper in the format its file name asks for."""

from __future__ import annotations

from pathlib import Path

from workbench.domain.errors import WorkbenchError
from workbench.domain.export_files import export_target, written_through_temporary
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
    # A file open in Word or Excel: one clear message; a failed write leaves no file behind.
    with export_target(out) as target, written_through_temporary(target) as temporary:
        if suffix == ".pdf":
            from workbench.reports.pdf import write_pdf
            write_pdf(paper, temporary)
        elif suffix == ".docx":
            from workbench.reports.docx_writer import write_docx
            write_docx(paper, temporary)
        else:
            from workbench.reports.xlsx_writer import write_xlsx
            write_xlsx(paper, temporary)
    return out
