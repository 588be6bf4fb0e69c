"""What a workbook draws on its sheets (pictures, text boxes and shapes, charts), counted
from its drawing parts, so an export can say what openpyxl will not carry across instead
of dropping it silently; and whether it holds macros, whatever its file name says.

Pictures are kept (openpyxl loads them through Pillow and writes PNG, JPEG and GIF back
byte for byte; other formats are decoded and saved as PNG). Before openpyxl loads them,
check_pictures reads each picture's header only and refuses, naming the picture and the
limit, what would take more memory than an export may (a header declaring a giant
image, pictures adding up to more than the media limit) or crash the load."""

from __future__ import annotations

import warnings
import zipfile
from collections import Counter
from pathlib import Path

from workbench.domain.errors import TemplateError
from workbench.templates.workbook import xlsx_book, xlsx_parts

MAX_MEDIA_BYTES = 20 * 1024 * 1024  # all pictures together, as stored unzipped (a logo: ~50 KB)
MAX_COPIED_PIXELS = 100_000_000  # PNG, JPEG, GIF: copied as they are; the header is read
MAX_DECODED_PIXELS = 16_000_000  # other formats are decoded (4 bytes a pixel) to PNG
COPIED = ("PNG", "JPEG", "GIF")
KINDS = {"pic": "picture", "sp": "text box or shape", "graphicFrame": "chart",
         "cxnSp": "connector line", "grpSp": "group of shapes"}


def has_macros(path: Path) -> bool:
    with zipfile.ZipFile(path) as archive:
        return any(n.lower().endswith("vbaproject.bin") for n in archive.namelist())


def drawn(path: Path) -> dict[str, Counter]:
    """Sheet name -> how many of each drawn thing its drawing part holds (top level)."""
    counter = xlsx_parts.Counter(path.name)
    out: dict[str, Counter] = {}
    with zipfile.ZipFile(path) as archive:
        book = xlsx_book.read_book(archive, counter)
        names = {n.lower(): n for n in archive.namelist()}
        for entry in book.sheets:
            rels = xlsx_parts.relations(archive, names, entry.member, counter)
            for kind, target in rels.values():
                member = names.get(target.lower())
                if member is None or not kind.endswith("/drawing"):
                    continue
                out.setdefault(entry.name, Counter()).update(_anchored(archive, member,
                                                                       counter))
    return out


def _anchored(archive: zipfile.ZipFile, member: str, counter: xlsx_parts.Counter) -> Counter:
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

    xlsx_parts.parse_part(archive, member, start, end)
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




def check_pictures(path: Path) -> None:
    """Refuse, naming the picture and the limit, a workbook whose pictures an export could
    not load in bounded memory; a picture Pillow cannot read at all is left to openpyxl,
    which drops it (and dropped() names it)."""
    from PIL import Image, UnidentifiedImageError

    with zipfile.ZipFile(path) as archive:
        media = [i for i in archive.infolist() if i.filename.lower().startswith("xl/media/")]
        total = sum(i.file_size for i in media)
        if total > MAX_MEDIA_BYTES:
            raise TemplateError(f"its pictures add up to {total / 2**20:,.0f} MB, more than an "
                                f"export can keep ({MAX_MEDIA_BYTES // 2**20} MB); make them "
                                "smaller or remove some", file=path.name)
        for info in media:
            try:
                with warnings.catch_warnings(), archive.open(info) as stream:
                    warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                    with Image.open(stream) as image:
                        pixels, kind = image.width * image.height, (image.format or "").upper()
            except (UnidentifiedImageError, OSError):
                continue  # openpyxl drops it; the export says so
            except Exception as exc:  # Pillow's decompression-bomb guard, bad headers ...
                raise TemplateError(f"the picture {info.filename} cannot be read ({exc}); "
                                    "remove it from the workbook", file=path.name) from exc
            limit = MAX_COPIED_PIXELS if kind in COPIED else MAX_DECODED_PIXELS
            if kind == "EMF" or pixels > limit:
                why = ("is an EMF drawing, which the export cannot write" if kind == "EMF" else
                       f"is {pixels:,} pixels, more than an export can keep ({limit:,})")
                raise TemplateError(f"the picture {info.filename} {why}; make it smaller or "
                                    "remove it from the workbook", file=path.name)
