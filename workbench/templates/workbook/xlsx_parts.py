"""A bounded streaming reader of .xlsx parts: expat over the zip members, nothing else.

Why not openpyxl's reader: it builds each <row> element whole before looking at it, so one
row of 37 million empty cells (250 KB zipped) took 11.8 GB. Here every element is counted
as it is read and work stops at the first limit passed, with a sentence naming it; cells
outside the template's extent (rows and columns an import can use) are counted, never
built. The XML is parsed with no DTD, no entity declarations and no external entities
(the settings defusedxml applies to expat), so an entity bomb is refused, not expanded.

This module: the limits, the parser and the counter, a part's relations. xlsx_book reads
the workbook part (sheets, shared strings, formats); xlsx_sheet reads one worksheet.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Callable
from xml.parsers import expat

from workbench.domain.errors import TemplateError

# A whole ICS must round-trip: 10,000 schemes fill QIPP to row 10,016 of a roomy Finance
# workbook of 338,500 cells (29 columns of schemes, 2,500 risks). The limits leave a fifth
# more than that, and no more: they bound what a hostile workbook can make the reader hold.
MAX_ROWS = 12_000  # the template extent an import reads: rows ...
MAX_COLS = 120  # ... and columns
MAX_CELLS = 400_000  # <c> elements in the whole workbook, inside the extent or not (the
# largest shipped template has 21,000; export --into of 100,000 takes ~7 s on a busy PC)
MAX_ELEMENTS = 1_000_000  # XML elements of every part read (a shipped template: ~60,000)
MAX_SHARED_STRINGS = MAX_CELLS  # a workbook cannot use more strings than it has cells
MAX_SHARED_CHARS = 20_000_000
MAX_STYLES = 65_000  # cell formats (Excel's own limit is 64,000)
MAX_SHEETS = 255
MAX_CELL_CHARS = 32_767  # Excel's limit for one cell
CHUNK = 1 << 16
Cell = tuple[int, int]


class LimitExceeded(TemplateError):
    """A workbook passed one of the reader's limits; the message names the limit."""


class _Stop(Exception):
    """Raised inside a handler to end a part early (the rest is not needed)."""


# tag -> local name, for tags met so far: the worksheet reader looks here first, inline
LOCAL_NAMES: dict[str, str] = {}


def local_name(tag: str) -> str:
    """A tag without its namespace prefix ('x:c' -> 'c'), memoised: called per element."""
    name = LOCAL_NAMES.get(tag)
    if name is None:
        name = tag.rsplit(":", 1)[-1]
        if len(LOCAL_NAMES) < 10_000:
            LOCAL_NAMES[tag] = name
    return name


def _refuse_dtd(*_args) -> None:
    raise ValueError("the XML declares a DTD or entities, which a workbook never needs")


def parse_part(archive: zipfile.ZipFile, member: str, start: Callable, end: Callable | None = None,
               text: Callable | None = None) -> None:
    """Feed one member to expat in chunks, with handlers; DTDs and entities refused."""
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    parser.UnparsedEntityDeclHandler = _refuse_dtd
    parser.ExternalEntityRefHandler = _refuse_dtd
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartElementHandler = start
    if end is not None:
        parser.EndElementHandler = end
    if text is not None:
        parser.CharacterDataHandler = text
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _Stop:
        pass


class Counter:
    """Elements and cells of the whole workbook, checked against the limits as read."""

    def __init__(self, file: str) -> None:
        self.file, self.elements, self.cells = file, 0, 0

    def element(self, part: str) -> None:
        self.elements += 1
        if self.elements > MAX_ELEMENTS:
            raise self.too_many_elements(part)

    def cell(self, sheet: str) -> None:
        self.cells += 1
        if self.cells > MAX_CELLS:
            raise self.too_many_cells(sheet)

    # The worksheet reader counts inline (a call per element is a tenth of its time) and
    # raises these.
    def too_many_elements(self, part: str) -> LimitExceeded:
        return LimitExceeded(f"has more than {MAX_ELEMENTS:,} XML elements (reached in "
                             f"{part}); limit {MAX_ELEMENTS:,}", file=self.file)

    def too_many_cells(self, sheet: str) -> LimitExceeded:
        return LimitExceeded(f"the workbook has more than {MAX_CELLS:,} cells (limit "
                             f"{MAX_CELLS:,} cells per workbook)", file=self.file, sheet=sheet)




def members(archive: zipfile.ZipFile) -> dict[str, str]:
    return {n.lower(): n for n in archive.namelist()}


def relations(archive: zipfile.ZipFile, names: dict[str, str], part: str,
          counter: Counter) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, member) for one part."""
    folder, base = posixpath.split(part)
    rels_name = names.get(posixpath.join(folder, "_rels", base + ".rels").lower())
    out: dict[str, tuple[str, str]] = {}
    if rels_name is None:
        return out

    def start(tag: str, attrs: dict) -> None:
        counter.element(rels_name)
        if local_name(tag) == "Relationship" and attrs.get("TargetMode") != "External":
            target = attrs.get("Target", "")
            path = target[1:] if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target))
            out[attrs.get("Id", "")] = (attrs.get("Type", ""), path)

    parse_part(archive, rels_name, start)
    return out



def count_all(archive: zipfile.ZipFile, counter: Counter) -> None:
    """Count the elements of every XML part, against the limits (before a full load)."""
    for info in archive.infolist():
        lower = info.filename.lower()
        if not lower.endswith((".xml", ".rels", ".vml")):
            continue

        def start(_tag: str, _attrs: dict, member: str = info.filename) -> None:
            counter.element(member)

        parse_part(archive, info.filename, start)
