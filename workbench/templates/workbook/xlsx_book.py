"""The workbook part of an .xlsx, read under the limits of xlsx_parts: its sheets and
where they are, its shared strings, and which cell formats show dates or are unlocked."""

from __future__ import annotations

import contextlib
import datetime as dt
import zipfile
from dataclasses import dataclass

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

from workbench.domain.errors import TemplateError
from workbench.templates.workbook import xlsx_parts as limits
from workbench.templates.workbook.xlsx_parts import (
    Counter,
    LimitExceeded,
    local_name,
    members,
    parse_part,
    relations,
)


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



def read_book(archive: zipfile.ZipFile, counter: Counter) -> Book:
    names = members(archive)
    workbook = names.get("xl/workbook.xml")
    if workbook is None:
        raise TemplateError("is a zip file but not an Excel workbook", file=counter.file)
    rels = relations(archive, names, "xl/workbook.xml", counter)
    listed: list[tuple[str, str]] = []
    flags = {"date1904": False}

    def start(tag: str, attrs: dict) -> None:
        counter.element(workbook)
        name = local_name(tag)
        if name == "sheet":
            rid = next((v for k, v in attrs.items() if local_name(k) == "id"), "")
            listed.append((attrs.get("name", ""), rid))
            if len(listed) > limits.MAX_SHEETS:
                raise LimitExceeded(f"has more than {limits.MAX_SHEETS} sheets", file=counter.file)
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
        name = local_name(tag)
        if name == "si":
            parts.clear()
        elif name == "rPh":
            state["depth_rph"] += 1
        elif name == "t" and not state["depth_rph"]:
            state["in_t"] = True

    def end(tag: str) -> None:
        name = local_name(tag)
        if name == "si":
            out.append("".join(parts))
            most = limits.MAX_SHARED_STRINGS
            if len(out) > most:
                raise LimitExceeded(f"has more than {most:,} shared strings; limit {most:,}",
                                    file=counter.file)
        elif name == "rPh":
            state["depth_rph"] -= 1
        elif name == "t":
            state["in_t"] = False

    def text(data: str) -> None:
        if state["in_t"]:
            state["chars"] += len(data)
            most = limits.MAX_SHARED_CHARS
            if state["chars"] > most:
                raise LimitExceeded(f"its shared strings hold more than {most:,} characters; "
                                    f"limit {most:,}", file=counter.file)
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
        name = local_name(tag)
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
            if len(xfs) > limits.MAX_STYLES:
                raise LimitExceeded(f"has more than {limits.MAX_STYLES:,} cell formats; limit "
                                    f"{limits.MAX_STYLES:,}", file=counter.file)

    def end(tag: str) -> None:
        if local_name(tag) == "cellXfs":
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
