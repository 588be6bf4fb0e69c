"""Refuse unsafe or unreadable files before openpyxl sees them, in one clear sentence.

A .xlsx is a zip: a few kilobytes can expand to gigabytes, so member sizes are checked
from the zip directory first. Encrypted workbooks are OLE compound files, not zips.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from workbench.domain.errors import TemplateError

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_MEMBER_BYTES = 150 * 1024 * 1024
MAX_TOTAL_BYTES = 400 * 1024 * 1024
MAX_MEMBERS = 5000
MB = 1024 * 1024


def check_workbook_file(path: Path) -> None:
    """Raise TemplateError naming the file unless it looks like a readable, sane .xlsx/.xlsm."""
    name = path.name

    def fail(message: str) -> TemplateError:
        return TemplateError(message, file=name)

    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise fail("the file does not exist") from None
    except IsADirectoryError:
        raise fail("is a folder, not a workbook") from None
    except PermissionError:
        raise fail("is open in another program (Excel?) or not readable: close it in Excel "
                   "and try again") from None
    except OSError as exc:
        raise fail(f"cannot be opened ({exc.strerror or exc})") from None
    if size == 0:
        raise fail("the file is empty")
    if size > MAX_FILE_BYTES:
        raise fail(f"the file is too large to import ({size // MB} MB; "
                   f"limit {MAX_FILE_BYTES // MB} MB)")
    if head.startswith(OLE_SIGNATURE):
        raise fail(_ole_reason(path))
    if not head.startswith(ZIP_SIGNATURE):
        raise fail("is not an Excel workbook (.xlsx or .xlsm)")
    _check_zip(path, fail)


def _ole_reason(path: Path) -> str:
    data = path.read_bytes()[:MAX_FILE_BYTES]
    if "EncryptedPackage".encode("utf-16-le") in data:
        return ("is password-protected (encrypted); open it in Excel, remove the password "
                "(File > Info > Protect Workbook) and save it again as .xlsx")
    return "is an old-style .xls workbook; open it in Excel or LibreOffice and save it as .xlsx"


def _check_zip(path: Path, fail) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise fail("is damaged: it is not a readable .xlsx file") from None
    names = {i.filename.lower() for i in infos}
    if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names:
        raise fail("is a zip file but not an Excel workbook")
    if "xl/workbook.bin" in names:
        raise fail("is a binary .xlsb workbook; save it as .xlsx")
    if len(infos) > MAX_MEMBERS:
        raise fail(f"has too many parts ({len(infos)}) to be an NHSE planning template")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_MEMBER_BYTES:
            raise fail(f"is too large to import safely: {info.filename} would expand to "
                       f"{info.file_size // MB} MB (limit {MAX_MEMBER_BYTES // MB} MB)")
    if total > MAX_TOTAL_BYTES:
        raise fail(f"is too large to import safely: it would expand to {total // MB} MB "
                   f"(limit {MAX_TOTAL_BYTES // MB} MB)")
