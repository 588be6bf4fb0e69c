"""Where exports go by default and how a failed export is told: one home for every export.

The default folder is the user's Documents (platformdirs: the shell's known folder on
Windows, so a OneDrive-redirected Documents is honoured), never the profile root. A file
that cannot be written (open in Excel on Windows) is one warning naming the file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from platformdirs import user_documents_dir
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from workbench.domain.errors import WorkbenchError
from workbench.domain.export_files import export_target
from workbench.domain.filenames import export_file_name


def documents_dir() -> Path:
    """The user's Documents folder; the home folder if there is none (a bare Linux account)."""
    documents = Path(user_documents_dir())
    return documents if documents.is_dir() else Path.home()


def default_export_path(*parts: str, suffix: str) -> Path:
    """Documents / a Windows-safe name made from `parts` (plan name, ODS code, kind)."""
    return documents_dir() / export_file_name(*parts, suffix=suffix)


def ask_save_path(parent: QWidget | None, caption: str, *parts: str, suffix: str,
                  filter_text: str) -> Path | None:
    """The save dialog, opened on the default export path; None when cancelled. A name
    typed without an extension gets `suffix`."""
    start = default_export_path(*parts, suffix=suffix)
    path, _ = QFileDialog.getSaveFileName(parent, caption, str(start), filter_text)
    if not path:
        return None
    chosen = Path(path)
    return chosen if chosen.suffix else chosen.with_name(chosen.name + suffix)


def save_export(parent: QWidget | None, path: Path, write: Callable[[Path], object]) -> bool:
    """Run `write(path)`; a file held open by Excel (or any other write failure the user
    can fix) becomes one warning naming the file. True when the file was written."""
    try:
        with export_target(path):
            write(path)
    except WorkbenchError as exc:
        QMessageBox.warning(parent, "Planning Workbench", str(exc))
        return False
    return True
