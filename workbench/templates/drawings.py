"""What a workbook draws on its sheets (pictures, text boxes and shapes, charts), counted
from its drawing parts, so an export can say what openpyxl will not carry across instead
of dropping it silently; and whether it holds macros, whatever its file name says."""

from __future__ import annotations

import zipfile
from collections import Counter
from pathlib import Path

from workbench.templates import xlsx_stream

KINDS = {"pic": "picture", "sp": "text box or shape", "graphicFrame": "chart",
         "cxnSp": "connector line", "grpSp": "group of shapes"}


def has_macros(path: Path) -> bool:
    with zipfile.ZipFile(path) as archive:
        return any(n.lower().endswith("vbaproject.bin") for n in archive.namelist())


def drawn(path: Path) -> dict[str, Counter]:
    """Sheet name -> how many of each drawn thing its drawing part holds (top level)."""
    counter = xlsx_stream.Counter(path.name)
    out: dict[str, Counter] = {}
    with zipfile.ZipFile(path) as archive:
        book = xlsx_stream.read_book(archive, counter)
        names = {n.lower(): n for n in archive.namelist()}
        for entry in book.sheets:
            rels = xlsx_stream._rels(archive, names, entry.member, counter)  # noqa: SLF001
            for kind, target in rels.values():
                member = names.get(target.lower())
                if member is None or not kind.endswith("/drawing"):
                    continue
                out.setdefault(entry.name, Counter()).update(_anchored(archive, member,
                                                                       counter))
    return out


def _anchored(archive: zipfile.ZipFile, member: str, counter: xlsx_stream.Counter) -> Counter:
    found: Counter = Counter()
    depth = {"n": 0}

    def start(tag: str, _attrs: dict) -> None:
        counter.element(member)
        depth["n"] += 1
        name = tag.rsplit(":", 1)[-1]
        if depth["n"] == 3 and name in KINDS:  # wsDr > anchor > the thing itself
            found[KINDS[name]] += 1

    def end(_tag: str) -> None:
        depth["n"] -= 1

    xlsx_stream.parse_part(archive, member, start, end)
    return found


def dropped(path: Path, wb) -> list[str]:
    """One warning per sheet whose drawings openpyxl did not load (so will not write)."""
    notes = []
    for sheet, counts in drawn(path).items():
        ws = wb[sheet] if sheet in wb.sheetnames else None
        kept = Counter()
        if ws is not None:
            kept["picture"] = len(getattr(ws, "_images", ()))
            kept["chart"] = len(getattr(ws, "_charts", ()))
        lost = {k: n - kept.get(k, 0) for k, n in counts.items() if n > kept.get(k, 0)}
        if lost:
            what = ", ".join(f"{n} {k}{'s' if n > 1 else ''}" for k, n in sorted(lost.items()))
            notes.append(f"{sheet}: {what} cannot be kept by the export (openpyxl does not "
                         "write them); copy them back from the original workbook")
    return notes


