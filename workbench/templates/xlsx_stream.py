"""A bounded streaming reader of .xlsx parts: expat over the zip members, nothing else.

Why not openpyxl's reader: it builds each <row> element whole before looking at it, so one
row of 37 million empty cells (250 KB zipped) took 11.8 GB. Here every element is counted
as it is read and work stops at the first limit passed, with a sentence naming it; cells
outside the template's extent (rows and columns an import can use) are counted, never
built. The XML is parsed with no DTD, no entity declarations and no external entities
(the settings defusedxml applies to expat), so an entity bomb is refused, not expanded.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import posixpath
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from xml.parsers import expat

from openpyxl.formula.translate import Translator
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.cell import column_index_from_string, get_column_letter
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

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


_LOCAL: dict[str, str] = {}


def _local(tag: str) -> str:
    """A tag without its namespace prefix ('x:c' -> 'c'), memoised: called per element."""
    name = _LOCAL.get(tag)
    if name is None:
        name = tag.rsplit(":", 1)[-1]
        if len(_LOCAL) < 10_000:
            _LOCAL[tag] = name
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
            raise LimitExceeded(f"has more than {MAX_ELEMENTS:,} XML elements (reached in "
                                f"{part}); limit {MAX_ELEMENTS:,}", file=self.file)

    def cell(self, sheet: str) -> None:
        self.cells += 1
        if self.cells > MAX_CELLS:
            raise LimitExceeded(f"the workbook has more than {MAX_CELLS:,} cells (limit "
                                f"{MAX_CELLS:,} cells per workbook)", file=self.file,
                                sheet=sheet)


@dataclass(frozen=True)
class SheetEntry:
    name: str
    member: str


@dataclass
class Book:
    """What the workbook part, its relations, shared strings and styles say."""

    sheets: list[SheetEntry]
    shared: list[str]
    date_styles: dict[int, str]  # style index -> "date" or "timedelta"
    epoch: dt.datetime
    unlocked: frozenset[str] = frozenset()  # style indexes (as written) of unlocked cells


def _members(archive: zipfile.ZipFile) -> dict[str, str]:
    return {n.lower(): n for n in archive.namelist()}


def _rels(archive: zipfile.ZipFile, names: dict[str, str], part: str,
          counter: Counter) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, member) for one part."""
    folder, base = posixpath.split(part)
    rels_name = names.get(posixpath.join(folder, "_rels", base + ".rels").lower())
    out: dict[str, tuple[str, str]] = {}
    if rels_name is None:
        return out

    def start(tag: str, attrs: dict) -> None:
        counter.element(rels_name)
        if _local(tag) == "Relationship" and attrs.get("TargetMode") != "External":
            target = attrs.get("Target", "")
            path = target[1:] if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target))
            out[attrs.get("Id", "")] = (attrs.get("Type", ""), path)

    parse_part(archive, rels_name, start)
    return out


def read_book(archive: zipfile.ZipFile, counter: Counter) -> Book:
    names = _members(archive)
    workbook = names.get("xl/workbook.xml")
    if workbook is None:
        raise TemplateError("is a zip file but not an Excel workbook", file=counter.file)
    rels = _rels(archive, names, "xl/workbook.xml", counter)
    listed: list[tuple[str, str]] = []
    flags = {"date1904": False}

    def start(tag: str, attrs: dict) -> None:
        counter.element(workbook)
        name = _local(tag)
        if name == "sheet":
            rid = next((v for k, v in attrs.items() if _local(k) == "id"), "")
            listed.append((attrs.get("name", ""), rid))
            if len(listed) > MAX_SHEETS:
                raise LimitExceeded(f"has more than {MAX_SHEETS} sheets", file=counter.file)
        elif name == "workbookPr":
            flags["date1904"] = attrs.get("date1904", "0").lower() in ("1", "true")

    parse_part(archive, workbook, start)
    sheets = []
    for name, rid in listed:
        kind, path = rels.get(rid, ("", ""))
        member = names.get(path.lower())
        if member is not None and kind.endswith("/worksheet"):
            sheets.append(SheetEntry(name, member))
    by_type = {kind.rsplit("/", 1)[-1]: path for kind, path in rels.values()}
    shared_name = names.get(by_type.get("sharedStrings", "xl/sharedStrings.xml").lower())
    styles_name = names.get(by_type.get("styles", "xl/styles.xml").lower())
    shared = [] if shared_name is None else _shared_strings(archive, shared_name, counter)
    unlocked: set[str] = set()
    styles = ({} if styles_name is None
              else _date_styles(archive, styles_name, counter, unlocked))
    epoch = CALENDAR_MAC_1904 if flags["date1904"] else CALENDAR_WINDOWS_1900
    return Book(sheets, shared, styles, epoch, frozenset(unlocked))


def _shared_strings(archive: zipfile.ZipFile, member: str, counter: Counter) -> list[str]:
    out: list[str] = []
    state = {"depth_rph": 0, "in_t": False, "chars": 0}
    parts: list[str] = []

    def start(tag: str, _attrs: dict) -> None:
        counter.element(member)
        name = _local(tag)
        if name == "si":
            parts.clear()
        elif name == "rPh":
            state["depth_rph"] += 1
        elif name == "t" and not state["depth_rph"]:
            state["in_t"] = True

    def end(tag: str) -> None:
        name = _local(tag)
        if name == "si":
            out.append("".join(parts))
            if len(out) > MAX_SHARED_STRINGS:
                raise LimitExceeded(f"has more than {MAX_SHARED_STRINGS:,} shared strings; limit "
                                    f"{MAX_SHARED_STRINGS:,}", file=counter.file)
        elif name == "rPh":
            state["depth_rph"] -= 1
        elif name == "t":
            state["in_t"] = False

    def text(data: str) -> None:
        if state["in_t"]:
            state["chars"] += len(data)
            if state["chars"] > MAX_SHARED_CHARS:
                raise LimitExceeded(f"its shared strings hold more than {MAX_SHARED_CHARS:,} "
                                    f"characters; limit {MAX_SHARED_CHARS:,}", file=counter.file)
            parts.append(data)

    parse_part(archive, member, start, end, text)
    return out


def _date_styles(archive: zipfile.ZipFile, member: str, counter: Counter,
                 unlocked: set[str]) -> dict[int, str]:
    """Cell format index -> 'date' / 'timedelta' for the formats that show dates or times;
    `unlocked` gets the indexes of the formats whose cells are unlocked (input cells)."""
    custom: dict[int, str] = {}
    xfs: list[int] = []
    where = {"cellXfs": False}

    def start(tag: str, attrs: dict) -> None:
        counter.element(member)
        name = _local(tag)
        if name == "numFmt":
            with contextlib.suppress(ValueError):
                custom[int(attrs.get("numFmtId", "-1"))] = attrs.get("formatCode", "")
        elif name == "cellXfs":
            where["cellXfs"] = True
        elif name == "protection" and where["cellXfs"] and xfs:
            if attrs.get("locked", "1").lower() in ("0", "false"):
                unlocked.add(str(len(xfs) - 1))
        elif name == "xf" and where["cellXfs"]:
            try:
                xfs.append(int(attrs.get("numFmtId", "0")))
            except ValueError:
                xfs.append(0)
            if len(xfs) > MAX_STYLES:
                raise LimitExceeded(f"has more than {MAX_STYLES:,} cell formats; limit "
                                    f"{MAX_STYLES:,}", file=counter.file)

    def end(tag: str) -> None:
        if _local(tag) == "cellXfs":
            where["cellXfs"] = False

    parse_part(archive, member, start, end)
    out: dict[int, str] = {}
    for index, fmt_id in enumerate(xfs):
        code = custom.get(fmt_id, BUILTIN_FORMATS.get(fmt_id, ""))
        if code and is_timedelta_format(code):
            out[index] = "timedelta"
        elif code and is_date_format(code):
            out[index] = "date"
    return out


class SheetStream:
    """One worksheet's cells inside the extent: values as last calculated, and formulas."""

    def __init__(self, book: Book, entry: SheetEntry, counter: Counter) -> None:
        self.book, self.entry, self.counter = book, entry, counter
        self.values: dict[Cell, object] = {}
        self.formulas: dict[Cell, str] = {}
        self.max_row = 0
        self.truncated = False
        self.unlocked: set[Cell] = set()  # cells in the extent whose format is unlocked
        self._row = 0
        self._col = 0
        self._cell: tuple[int, int, str, str] | None = None  # row, col, type, style
        self._text: list[str] | None = None
        self._field = ""
        self._v: str | None = None
        self._f: str | None = None
        self._f_attrs: dict = {}
        self._is: list[str] = []
        self._in_is = False
        self._rph = 0
        self._chars_n = 0
        self._shared_f: dict[str, Translator] = {}

    def fail(self, message: str, row: int, col: int) -> TemplateError:
        return TemplateError(message, file=self.counter.file, sheet=self.entry.name,
                             cell=f"{get_column_letter(col)}{row}")

    def read(self, archive: zipfile.ZipFile) -> None:
        parse_part(archive, self.entry.member, self._start, self._end, self._chars)

    def _start(self, tag: str, attrs: dict) -> None:
        self.counter.element(self.entry.member)
        name = _local(tag)
        if name == "c":
            self.counter.cell(self.entry.name)
            self._begin_cell(attrs)
        elif name == "row":
            r = attrs.get("r")
            self._row = int(r) if r and r.isdigit() else self._row + 1
            self._col = 0
        elif self._cell is not None:
            if name in ("v", "f"):
                self._field, self._text = name, []
                if name == "f":
                    self._f_attrs = dict(attrs)
            elif name == "is":
                self._in_is = True
            elif name == "t" and self._in_is and not self._rph:
                self._field, self._text = "t", []
            elif name == "rPh":
                self._rph += 1  # phonetic runs are not part of the text
        elif name in ("v", "is", "f") and self._row > MAX_ROWS:
            self.truncated = True  # a value below the rows an import reads

    def _begin_cell(self, attrs: dict) -> None:
        ref = attrs.get("r")
        if ref:
            letters = ref.rstrip("0123456789")
            digits = ref[len(letters):]
            if not letters or not digits or len(letters) > 3 or not letters.isalpha():
                row = self._row + 1 if digits == "" else self._row
                raise TemplateError(f"a cell in row {row} has the unreadable address "
                                    f"{ref[:20]!r}: the file is damaged",
                                    file=self.counter.file, sheet=self.entry.name,
                                    cell=f"{row}:{row}")
            row, col = int(digits), column_index_from_string(letters.upper())
            self._row = row
        else:
            row, col = self._row, self._col + 1
        self._col = col
        if row > MAX_ROWS or col > MAX_COLS:
            self._cell = None
            return
        style = attrs.get("s", "0")
        if style in self.book.unlocked:
            self.unlocked.add((row, col))
        self._cell = (row, col, attrs.get("t", "n"), style)
        self._v, self._f, self._is, self._in_is, self._rph = None, None, [], False, 0

    def _chars(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)
            self._chars_n += len(data)
            if self._chars_n > MAX_CELL_CHARS * 8:
                row, col, *_ = self._cell  # type: ignore[misc]
                raise self.fail(f"holds more than {MAX_CELL_CHARS:,} characters, Excel's limit "
                                "for one cell", row, col)

    def _end(self, tag: str) -> None:
        name = _local(tag)
        if name == "c":
            if self._cell is not None:
                self._finish_cell()
            return
        if self._cell is None:
            return
        if name == self._field and self._text is not None:
            joined = "".join(self._text)
            if name == "v":
                self._v = joined
            elif name == "f":
                self._f = joined
            else:
                self._is.append(joined)
            self._field, self._text, self._chars_n = "", None, 0
        elif name == "is":
            self._in_is = False
        elif name == "rPh":
            self._rph -= 1

    def _finish_cell(self) -> None:
        row, col, kind, style = self._cell  # type: ignore[misc]
        self._cell = None
        value = self._value(row, col, kind, style)
        formula = self._formula(row, col)
        if value is None and formula is None:
            return
        if value is not None:
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                raise self.fail(f"holds more than {MAX_CELL_CHARS:,} characters, Excel's limit "
                                "for one cell", row, col)
            self.values[(row, col)] = value
        if formula is not None:
            self.formulas[(row, col)] = formula
        self.max_row = max(self.max_row, row)

    def _formula(self, row: int, col: int) -> str | None:
        text, attrs = self._f, self._f_attrs
        self._f, self._f_attrs = None, {}
        if text is None:
            return None
        formula = "=" + text
        if attrs.get("t") == "shared":
            index = attrs.get("si", "")
            here = f"{get_column_letter(col)}{row}"
            if text:
                self._shared_f[index] = Translator(formula, here)
            elif index in self._shared_f:
                try:
                    formula = self._shared_f[index].translate_formula(here)
                except Exception:  # a malformed shared formula: keep it as a formula marker
                    formula = "=" + "?"
        return formula if len(formula) > 1 else None

    def _value(self, row: int, col: int, kind: str, style: str) -> object:
        raw = self._v
        if kind == "inlineStr":
            return "".join(self._is) if self._is else None
        if not raw:  # <v/>: no cached result, as openpyxl reads it
            return None
        if kind == "s":
            try:
                return self.book.shared[int(raw)]
            except (ValueError, IndexError):
                raise self.fail(f"refers to shared string {raw[:20]!r}, which the workbook does "
                                "not hold: the file is damaged", row, col) from None
        if kind in ("str", "e"):
            return raw
        if kind == "b":
            return raw.strip() in ("1", "true")
        if kind == "d":
            try:
                return dt.datetime.fromisoformat(raw.strip().rstrip("Z"))
            except ValueError:
                raise self.fail(f"holds {raw[:20]!r}, which is not a date", row, col) from None
        return self._number(raw, row, col, style)

    def _number(self, raw: str, row: int, col: int, style: str) -> object:
        text = raw.strip()
        try:
            number: int | float = int(text) if text.lstrip("-").isdigit() else float(text)
        except ValueError:
            raise self.fail(f"holds {text[:20]!r} where the file format needs a number: the "
                            "file is damaged", row, col) from None
        if isinstance(number, float) and not math.isfinite(number):
            raise self.fail(f"holds {text[:20]!r}, which is not a number a workbook can hold",
                            row, col)
        shown = self.book.date_styles.get(int(style) if style.isdigit() else 0)
        if shown is None:
            return number
        try:
            return from_excel(number, self.book.epoch, timedelta=shown == "timedelta")
        except (ValueError, OverflowError, TypeError):
            raise self.fail(f"holds {text[:20]!r} in a date format, which is not a date Excel "
                            "can show", row, col) from None


def iter_sheets(archive: zipfile.ZipFile, book: Book, counter: Counter,
                wanted: Callable[[str], bool]) -> Iterator[tuple[str, SheetStream | None]]:
    """Each sheet by name, read when `wanted(name)`, else None."""
    for entry in book.sheets:
        if not wanted(entry.name):
            yield entry.name, None
            continue
        stream = SheetStream(book, entry, counter)
        stream.read(archive)
        yield entry.name, stream


def count_all(archive: zipfile.ZipFile, counter: Counter) -> None:
    """Count the elements of every XML part, against the limits (before a full load)."""
    for info in archive.infolist():
        lower = info.filename.lower()
        if not lower.endswith((".xml", ".rels", ".vml")):
            continue

        def start(_tag: str, _attrs: dict, member: str = info.filename) -> None:
            counter.element(member)

        parse_part(archive, info.filename, start)
