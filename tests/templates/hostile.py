"""Hostile workbooks built by editing a real template's XML parts (no openpyxl round trip,
so the file holds exactly what an attacker or a broken tool would write)."""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

from workbench.templates.layouts.registry import pristine_path, spec_for


def sheet_member(source: Path, sheet: str) -> str:
    """The zip member holding a sheet, by its name in xl/workbook.xml."""
    with zipfile.ZipFile(source) as z:
        book = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(rf'<sheet[^>]*name="{re.escape(sheet)}"[^>]*r:id="([^"]+)"', book).group(1)
    target = re.search(rf'<Relationship[^>]*Id="{rid}"[^>]*Target="([^"]+)"', rels) or \
        re.search(rf'<Relationship[^>]*Target="([^"]+)"[^>]*Id="{rid}"', rels)
    path = target.group(1).lstrip("/")
    return path if path.startswith("xl/") else "xl/" + path


def rewrite(source: Path, out: Path, member: str, change: Callable[[bytes], bytes]) -> Path:
    """Copy `source` to `out`, passing one member through `change` (streamed when large)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == member:
                data = change(data)
            dst.writestr(info.filename, data)
    return out


def long_row(out: Path, kind: str = "finance", sheet: str = "Cover", cells: int = 5_000_000,
             row: int = 900) -> Path:
    """A workbook with one row of `cells` empty <c/> elements: tiny zipped, huge parsed."""
    source = pristine_path(spec_for(kind))
    member = sheet_member(source, sheet)

    def change(data: bytes) -> bytes:
        return data.replace(b"</sheetData>", b'<row r="%d">' % row + b"<c/>" * cells
                            + b"</row></sheetData>", 1)

    return rewrite(source, out, member, change)


def copy_template(kind: str, out: Path) -> Path:
    shutil.copyfile(pristine_path(spec_for(kind)), out)
    return out


def filled_rows(out: Path, kind: str = "finance", sheet: str = "Lists", rows: int = 4900,
                cols: int = 100, first: int = 1000) -> Path:
    """A workbook with `rows` x `cols` numbers added below a sheet's own content."""
    from openpyxl.utils import get_column_letter

    source = pristine_path(spec_for(kind))
    member = sheet_member(source, sheet)
    letters = [get_column_letter(c) for c in range(1, cols + 1)]

    def change(data: bytes) -> bytes:
        body = "".join(
            f'<row r="{r}">' + "".join(f'<c r="{col}{r}"><v>{r}</v></c>' for col in letters)
            + "</row>" for r in range(first, first + rows))
        head, tail = data.split(b"</sheetData>", 1)
        if head.endswith(b"<sheetData/>") or b"<sheetData" not in head:
            raise ValueError("sheet has no rows to extend")
        return head + body.encode() + b"</sheetData>" + tail

    return rewrite(source, out, member, change)


def add_member(source: Path, out: Path, member: str, data: bytes) -> Path:
    """Copy `source` with one more zip member (or one replaced)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != member:
                dst.writestr(info.filename, src.read(info.filename))
        dst.writestr(member, data)
    return out


def shared_strings(count: int) -> bytes:
    body = b"".join(b"<si><t>s%d</t></si>" % i for i in range(count))
    return (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + body
            + b"</sst>")
