"""Writing a file the user asked for: one message when it cannot be written, CSV for Excel.

On Windows a file open in Excel cannot be replaced or rewritten: the write fails with
PermissionError (a sharing violation). Every export path (templates, history CSV, charts)
writes inside `export_target(path)`, so the user reads one sentence naming the file and
saying what to do, never "Something went wrong"; and writes the bytes through
`written_through_temporary(path)`, so a failed export never leaves a half-written file.
"""

from __future__ import annotations

import csv
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from workbench.domain.cell_text import looks_like_formula
from workbench.domain.errors import WorkbenchError

# Excel reads a CSV without a byte-order mark in the ANSI code page (cp1252): "£" in UTF-8
# shows as "Â£". With the BOM it reads UTF-8.
EXCEL_CSV_ENCODING = "utf-8-sig"
SIGNED_NUMBER = re.compile(r"[+-]£?\d[\d,]*(\.\d+)?[%km]?")  # "-1,200", "-£2.5m": not code


class FileInUseError(WorkbenchError):
    """The export target is open in another program (or read-only): nothing was written."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(held_file_message(path))


HELD_FILE_REASON = ("cannot be replaced: it is open in another program or read-only. "
                    "If it is open in Excel, close it in Excel and try again.")


def held_file_message(path: Path) -> str:
    """e.g. "history.csv: cannot be replaced: ... close it in Excel and try again. (in D:\\x)"."""
    return f"{path.name}: {HELD_FILE_REASON} (in {path.parent})"


@contextmanager
def export_target(path: Path) -> Iterator[Path]:
    """Run the write of `path` inside this: PermissionError becomes FileInUseError, any
    other OSError one WorkbenchError naming the file."""
    path = Path(path)
    try:
        yield path
    except PermissionError as exc:
        raise FileInUseError(path) from exc
    except OSError as exc:
        raise WorkbenchError(f"Could not write {path.name} in {path.parent}: "
                             f"{exc.strerror or exc}") from exc


@contextmanager
def written_through_temporary(path: Path) -> Iterator[Path]:
    """Yield an unpredictable, new, private temporary name beside `path` (same folder, so the
    swap is one rename; same suffix, so writers that go by it still do), then swap it in.
    A fixed name could be pre-created or linked by another user of a shared folder, and
    two exports to one target would write the same file. The temporary file is closed
    before the swap (Windows will not replace a file a handle holds) and removed on any
    failure, so no half-written file is ever left behind."""
    path = Path(path)
    if path.exists() and not os.access(path, os.W_OK):  # Windows refuses to replace it too
        raise PermissionError(13, "the file is read-only", str(path))
    fd, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=f".tmp{path.suffix}",
                                dir=path.parent)
    os.close(fd)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def excel_safe(value: object) -> object:
    """A text cell that Excel would run as a formula, made plain text; other values as is."""
    if looks_like_formula(value) and not SIGNED_NUMBER.fullmatch(value):
        return f"'{value}"
    return value


def write_excel_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> Path:
    """A CSV that Excel on Windows opens with "£" intact: UTF-8 with a BOM, CRLF line ends,
    formula-like text neutralised. Written inside `export_target`."""
    with export_target(Path(path)) as target, written_through_temporary(target) as temporary, \
            temporary.open("w", newline="", encoding=EXCEL_CSV_ENCODING) as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows([excel_safe(value) for value in row] for row in rows)
    return Path(path)
