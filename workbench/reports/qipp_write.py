"""Write the QIPP report as .pdf or .xlsx, all or nothing (no half-written file)."""

from __future__ import annotations

from pathlib import Path

from workbench.domain.errors import WorkbenchError
from workbench.domain.export_files import export_target, written_through_temporary
from workbench.reports.qipp_report import QippReport

QIPP_FORMATS = {".pdf": "PDF", ".xlsx": "Excel workbook"}


def write_qipp_report(report: QippReport, out: Path) -> Path:
    suffix = out.suffix.lower()
    if suffix not in QIPP_FORMATS:
        raise WorkbenchError(f"{out.name}: the QIPP report is written as "
                             f"{' or '.join(QIPP_FORMATS)}, not "
                             f"{suffix or 'a file without extension'}")
    if not out.parent.is_dir():
        raise WorkbenchError(f"{out}: the folder {out.parent} does not exist")
    with export_target(out) as target, written_through_temporary(target) as temporary:
        if suffix == ".pdf":
            from workbench.reports.qipp_pdf import write_qipp_pdf
            write_qipp_pdf(report, temporary)
        else:
            from workbench.reports.qipp_xlsx import write_qipp_xlsx
            write_qipp_xlsx(report, temporary)
    return out
