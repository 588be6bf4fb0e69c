"""A workbook's pictures survive `export --into` (Pillow): the same bytes, on the same
sheet, at the same cell; a picture an export could not hold in bounded memory is refused
by name before anything is loaded, and one Pillow cannot read is named in a warning."""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
import zipfile
import zlib

import openpyxl
import pytest
from openpyxl.drawing.image import Image
from PIL import Image as PILImage

from tests.templates.helpers import demo
from tests.templates.test_bounded_reading import MEASURE, ROOT
from workbench.domain.errors import TemplateError
from workbench.templates.pipeline.exporter import export_template
from workbench.templates.workbook import drawings


def png(width: int, height: int, colour=(200, 30, 30)) -> bytes:
    buf = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buf, "PNG")
    return buf.getvalue()


def with_picture(source, out, data: bytes, anchor: str = "AD3", sheet: str = "QIPP"):
    wb = openpyxl.load_workbook(source)
    wb[sheet].add_image(Image(io.BytesIO(data)), anchor)
    wb.save(out)
    return out


def media(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n.startswith("xl/media/")}


def replaced_media(source, out, data: bytes):
    """`source` with its one picture's bytes replaced (a hostile or broken picture)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            dst.writestr(info.filename, data if info.filename.startswith("xl/media/") else body)
    return out


def giant_png_header(width: int, height: int) -> bytes:
    """A PNG whose header declares width x height pixels, with one tiny data chunk."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))


def test_a_picture_survives_an_export_into_the_workbook(tmp_path, exported_demo):
    data = png(120, 48)
    source = with_picture(exported_demo, tmp_path / "pictured.xlsx", data)
    notes: list[str] = []
    out = export_template(demo()[0], "finance", tmp_path / "out.xlsx", into=source,
                          notes=notes)
    assert notes == []
    reopened = openpyxl.load_workbook(out)
    [picture] = reopened["QIPP"]._images
    anchor = picture.anchor._from
    assert (anchor.col, anchor.row) == (29, 2)  # AD3, zero-based
    assert (picture.width, picture.height) == (120, 48)
    assert list(media(out).values()) == [data]  # the same bytes, not re-encoded
    assert reopened["QIPP"]["B7"].value == demo()[0].schemes[0].name  # and the plan is in


def test_a_bmp_picture_is_kept_as_png(tmp_path, exported_demo):
    buf = io.BytesIO()
    PILImage.new("RGB", (30, 20), (0, 90, 200)).save(buf, "BMP")
    source = with_picture(exported_demo, tmp_path / "bmp.xlsx", buf.getvalue(), "C3", "Cover")
    out = export_template(demo()[0], "finance", tmp_path / "out.xlsx", into=source)
    [picture] = openpyxl.load_workbook(out)["Cover"]._images
    [data] = media(out).values()
    assert PILImage.open(io.BytesIO(data)).size == (30, 20) and picture.format == "png"


def test_a_picture_pillow_cannot_read_is_named_in_a_warning(tmp_path, exported_demo):
    source = with_picture(exported_demo, tmp_path / "p.xlsx", png(10, 10))
    broken = replaced_media(source, tmp_path / "broken.xlsx", b"not a picture at all")
    notes: list[str] = []
    export_template(demo()[0], "finance", tmp_path / "out.xlsx", into=broken, notes=notes)
    assert notes == ["QIPP: 1 picture cannot be kept by the export (openpyxl does not write "
                     "them); copy them back from the original workbook"]


@pytest.mark.parametrize(("data", "words"), [
    (giant_png_header(50_000, 50_000), "cannot be read"),  # Pillow's bomb guard
    (giant_png_header(12_000, 12_000), "more than an export can keep (100,000,000)"),
    (b"BM" + struct.pack("<IHHI", 0, 0, 0, 54) + struct.pack("<IiiHHIIiiII", 40, 5000, 5000,
                                                               1, 24, 0, 0, 0, 0, 0, 0),
     "more than an export can keep (16,000,000)"),
])
def test_a_giant_picture_is_refused_naming_it(tmp_path, exported_demo, data, words):
    source = with_picture(exported_demo, tmp_path / "p.xlsx", png(10, 10))
    giant = replaced_media(source, tmp_path / "giant.xlsx", data)
    with pytest.raises(TemplateError) as caught:
        export_template(demo()[0], "finance", tmp_path / "out.xlsx", into=giant)
    assert "xl/media/image1.png" in str(caught.value) and words in str(caught.value)
    assert str(caught.value).startswith("giant.xlsx: the picture")
    assert not (tmp_path / "out.xlsx").exists()


def test_pictures_beyond_the_media_limit_are_refused(tmp_path, exported_demo, monkeypatch):
    source = with_picture(exported_demo, tmp_path / "p.xlsx", png(200, 200))
    monkeypatch.setattr(drawings, "MAX_MEDIA_BYTES", 100)
    with pytest.raises(TemplateError, match=r"pictures add up to 0 MB, more than an export "
                                            r"can keep \(0 MB\)"):
        export_template(demo()[0], "finance", tmp_path / "out.xlsx", into=source)


def test_the_largest_pictures_an_export_keeps_in_bounded_memory(tmp_path, exported_demo):
    """Noise pictures close to the media limit (incompressible, so the file is ~ as large):
    kept, in a child process capped at 3 GB, measured."""
    import os

    noise = []
    for _ in range(3):
        buf = io.BytesIO()
        PILImage.frombytes("RGB", (1400, 1400), os.urandom(1400 * 1400 * 3)).save(buf, "PNG")
        noise.append(buf.getvalue())
    wb = openpyxl.load_workbook(exported_demo)
    for i, data in enumerate(noise):
        wb["QIPP"].add_image(Image(io.BytesIO(data)), f"AD{3 + 30 * i}")
    source = tmp_path / "noisy.xlsx"
    wb.save(source)
    assert sum(len(d) for d in noise) > 0.8 * drawings.MAX_MEDIA_BYTES
    out = subprocess.run(["prlimit", "--as=3000000000", "--", sys.executable, "-c", MEASURE,
                          "export", str(source), str(tmp_path / "out.xlsx")], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    got = json.loads(out.stdout.strip().splitlines()[-1])
    size = source.stat().st_size / 2**20
    print(f"export into a {size:.0f} MB workbook with 3 noise pictures: "
          f"{got['seconds']:.1f} s, peak {got['peak_mb']:.0f} MB")
    assert got["text"] == "written", got
    assert len(media(tmp_path / "out.xlsx")) == 3
    assert got["peak_mb"] < 500 and got["seconds"] < 10, got
