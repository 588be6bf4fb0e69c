"""One worksheet of an .xlsx, streamed: the cells inside the template's extent (values as
last calculated, formulas, which are unlocked), every cell counted against the limits of
xlsx_parts as it is read, nothing outside the extent built."""

from __future__ import annotations

import datetime as dt
import math
import zipfile
from collections.abc import Callable, Iterator

from openpyxl.formula.translate import Translator
from openpyxl.utils.cell import column_index_from_string, get_column_letter
from openpyxl.utils.datetime import from_excel

from workbench.domain.errors import TemplateError
from workbench.templates.workbook import xlsx_parts as limits
from workbench.templates.workbook.xlsx_book import Book, SheetEntry
from workbench.templates.workbook.xlsx_parts import (
    LOCAL_NAMES,
    Cell,
    Counter,
    local_name,
    parse_part,
)

_COLUMNS: dict[str, int] = {}  # a cell address's letters -> column, for letters seen valid


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
        self._shown: dict[str, str | None] = {}  # style as written -> its date_styles entry

    def fail(self, message: str, row: int, col: int) -> TemplateError:
        return TemplateError(message, file=self.counter.file, sheet=self.entry.name,
                             cell=f"{get_column_letter(col)}{row}")

    def read(self, archive: zipfile.ZipFile) -> None:
        parse_part(archive, self.entry.member, self._start, self._end, self._chars)

    def _start(self, tag: str, attrs: dict) -> None:
        # Called for every element (170,000 in a 2,000-scheme Finance workbook): the
        # counting is inline and the tag's local name a dict lookup.
        counter = self.counter
        counter.elements += 1
        if counter.elements > limits.MAX_ELEMENTS:
            raise counter.too_many_elements(self.entry.member)
        name = LOCAL_NAMES.get(tag) or local_name(tag)
        if name == "c":
            counter.cells += 1
            if counter.cells > limits.MAX_CELLS:
                raise counter.too_many_cells(self.entry.name)
            self._begin_cell(attrs)
        elif name == "row":
            r = attrs.get("r")
            self._row = int(r) if r and r.isdigit() else self._row + 1
            self._col = 0
        elif self._cell is not None:
            if name == "v" or name == "f":
                self._field, self._text = name, []
                if name == "f":
                    self._f_attrs = dict(attrs)
            elif name == "is":
                self._in_is = True
            elif name == "t" and self._in_is and not self._rph:
                self._field, self._text = "t", []
            elif name == "rPh":
                self._rph += 1  # phonetic runs are not part of the text
        elif name in ("v", "is", "f") and self._row > limits.MAX_ROWS:
            self.truncated = True  # a value below the rows an import reads

    def _begin_cell(self, attrs: dict) -> None:
        ref = attrs.get("r")
        if ref:
            letters = ref.rstrip("0123456789")
            digits = ref[len(letters):]
            col = _COLUMNS.get(letters)  # letters seen before are a valid column
            if col is None or not digits:
                col = self._column(letters, digits, ref)
            row = int(digits)
            self._row = row
        else:
            row, col = self._row, self._col + 1
        self._col = col
        if row > limits.MAX_ROWS or col > limits.MAX_COLS:
            self._cell = None
            return
        style = attrs.get("s", "0")
        if style in self.book.unlocked:
            self.unlocked.add((row, col))
        self._cell = (row, col, attrs.get("t", "n"), style)
        self._v = self._f = None
        if self._is:
            self._is = []
        self._in_is, self._rph = False, 0

    def _column(self, letters: str, digits: str, ref: str) -> int:
        """The column of a cell address's letters, refused (naming the row) if unreadable."""
        if not letters or not digits or len(letters) > 3 or not letters.isalpha():
            row = self._row + 1 if digits == "" else self._row
            raise TemplateError(f"a cell in row {row} has the unreadable address "
                                f"{ref[:20]!r}: the file is damaged",
                                file=self.counter.file, sheet=self.entry.name,
                                cell=f"{row}:{row}")
        col = column_index_from_string(letters.upper())
        if len(_COLUMNS) < 20_000:
            _COLUMNS[letters] = col
        return col

    def _chars(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)
            self._chars_n += len(data)
            if self._chars_n > limits.MAX_CELL_CHARS * 8:
                row, col, *_ = self._cell  # type: ignore[misc]
                raise self.fail(f"holds more than {limits.MAX_CELL_CHARS:,} characters, "
                                "Excel's limit for one cell", row, col)

    def _end(self, tag: str) -> None:
        name = LOCAL_NAMES.get(tag) or local_name(tag)
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
        raw = self._v
        if kind == "n":  # most cells: a number (or none, <v/>)
            value = self._number(raw, row, col, style) if raw else None
        else:
            value = self._value(row, col, kind, style)
        formula = None if self._f is None else self._formula(row, col)
        if value is None and formula is None:
            return
        if value is not None:
            if type(value) is str and len(value) > limits.MAX_CELL_CHARS:
                raise self.fail(f"holds more than {limits.MAX_CELL_CHARS:,} characters, "
                                "Excel's limit for one cell", row, col)
            self.values[(row, col)] = value
        if formula is not None:
            self.formulas[(row, col)] = formula
        if row > self.max_row:
            self.max_row = row

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
        try:
            shown = self._shown[style]
        except KeyError:
            shown = self._shown[style] = self.book.date_styles.get(
                int(style) if style.isdigit() else 0)
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
