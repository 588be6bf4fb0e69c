"""Nothing the user added is dropped silently: drawings openpyxl cannot write are named in a
warning; a workbook holding macros keeps them in a .xlsm, whatever its own name says."""

from __future__ import annotations

import zipfile

import pytest

from tests.templates.helpers import demo
from tests.templates.hostile import sheet_member
from workbench.domain.errors import TemplateError
from workbench.templates.pipeline.exporter import export_template

DRAWING = (
    b'<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"'
    b' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor>'
    b"<xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row>"
    b"<xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>8</xdr:col><xdr:colOff>0"
    b"</xdr:colOff><xdr:row>6</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>"
    b'<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="TextBox 1"/>'
    b'<xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr/><xdr:txBody><a:bodyPr/><a:p><a:r>'
    b"<a:t>Agreed at the March board</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/>"
    b"</xdr:twoCellAnchor></xdr:wsDr>")


def with_text_box(source, out):
    member = sheet_member(source, "QIPP")
    rels = member.replace("worksheets/", "worksheets/_rels/") + ".rels"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        assert rels not in src.namelist()
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == member:
                data = data.replace(b"</worksheet>", b'<drawing xmlns:r="http://schemas.'
                                    b'openxmlformats.org/officeDocument/2006/relationships" '
                                    b'r:id="rIdD1"/></worksheet>')
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/drawings/drawing1.'
                                    b'xml" ContentType="application/vnd.openxmlformats-'
                                    b'officedocument.drawing+xml"/></Types>')
            dst.writestr(info.filename, data)
        dst.writestr(rels, b'<Relationships xmlns="http://schemas.openxmlformats.org/package/'
                     b'2006/relationships"><Relationship Id="rIdD1" Type="http://schemas.'
                     b'openxmlformats.org/officeDocument/2006/relationships/drawing" '
                     b'Target="../drawings/drawing1.xml"/></Relationships>')
        dst.writestr("xl/drawings/drawing1.xml", DRAWING)
    return out


def test_a_text_box_openpyxl_cannot_keep_is_named_in_a_warning(tmp_path, exported_demo):
    source = with_text_box(exported_demo, tmp_path / "boxed.xlsx")
    notes: list[str] = []
    export_template(demo()[0], "finance", tmp_path / "out.xlsx", into=source, notes=notes)
    assert notes == ["QIPP: 1 text box or shape cannot be kept by the export (openpyxl does "
                     "not write them); copy them back from the original workbook"]


def test_a_plain_workbook_gives_no_warning(tmp_path, exported_demo):
    notes: list[str] = []
    export_template(demo()[0], "finance", tmp_path / "out.xlsx", into=exported_demo,
                    notes=notes)
    assert notes == []


def test_a_macro_workbook_named_xlsx_keeps_its_macros_or_says_why_not(tmp_path, exported_demo):
    renamed = tmp_path / "macros.xlsx"
    with zipfile.ZipFile(exported_demo) as src, zipfile.ZipFile(renamed, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info.filename))
        dst.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0macros")
    with pytest.raises(TemplateError, match="has macros, so save it with the .xlsm extension"):
        export_template(demo()[0], "finance", tmp_path / "out.xlsx", into=renamed)
    out = export_template(demo()[0], "finance", tmp_path / "out.xlsm", into=renamed)
    with zipfile.ZipFile(out) as z:
        assert z.read("xl/vbaProject.bin") == b"\xd0\xcf\x11\xe0macros"
