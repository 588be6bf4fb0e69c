"""Export writes input cells only: compared with the pristine template cell by cell, nothing
else differs (values, formulas, styles, validations, protection, names, hidden sheets)."""

from __future__ import annotations

import zipfile

import openpyxl
from openpyxl.comments import Comment
from openpyxl.workbook.defined_name import DefinedName

from tests.templates.helpers import demo
from workbench.templates.layouts.registry import SPECS, pristine_path
from workbench.templates.pipeline.exporter import export_template


def style(cell) -> tuple:
    return (repr(cell.font), repr(cell.fill), repr(cell.border), cell.number_format,
            repr(cell.protection), repr(cell.alignment))


def sheet_facts(ws) -> tuple:
    validations = sorted((dv.type, dv.formula1, dv.formula2, dv.operator, str(dv.sqref),
                          dv.showErrorMessage) for dv in ws.data_validations.dataValidation)
    dims = {k: (d.width, d.hidden) for k, d in ws.column_dimensions.items()}
    return (ws.sheet_state, repr(ws.protection), validations, str(ws.freeze_panes), dims,
            sorted(str(m) for m in ws.merged_cells.ranges),
            sorted((c.coordinate, c.hyperlink.location) for row in ws.iter_rows() for c in row
                   if c.hyperlink))


def compare(pristine, exported) -> list[str]:
    """Differences outside input cells, as 'Sheet!A1: what' lines."""
    diffs = []
    assert exported.sheetnames == pristine.sheetnames
    names_a = {n: d.attr_text for n, d in pristine.defined_names.items()}
    names_b = {n: d.attr_text for n, d in exported.defined_names.items()}
    if names_a != names_b:
        diffs.append(f"defined names differ: {set(names_a.items()) ^ set(names_b.items())}")
    for ws_a in pristine.worksheets:
        ws_b = exported[ws_a.title]
        if sheet_facts(ws_a) != sheet_facts(ws_b):
            diffs.append(f"{ws_a.title}: sheet settings differ")
        coords = set(ws_a._cells) | set(ws_b._cells)
        for r, c in sorted(coords):
            a, b = ws_a.cell(r, c), ws_b.cell(r, c)
            if style(a) != style(b):
                diffs.append(f"{ws_a.title}!{a.coordinate}: style")
            if a.value != b.value and a.protection.locked is not False and not (
                    is_ref(ws_a, a) and is_plan_ref(ws_a.title, b.value)):
                diffs.append(f"{ws_a.title}!{a.coordinate}: {a.value!r} -> {b.value!r}")
    return diffs


def is_ref(ws, cell) -> bool:
    """A cell of a table's Ref column (headed "Ref" in row 6), which the export writes."""
    return cell.row > 6 and ws.cell(6, cell.column).value == "Ref"


def is_plan_ref(sheet: str, value) -> bool:
    """What an export may write in a Ref cell: nothing, or the table's letter and an id."""
    letter = {"Expenditure": "E", "Investment": "I", "QIPP": "Q", "Risk": "R",
              "Workstreams": "W"}.get(sheet)
    return value is None or (letter is not None and isinstance(value, str)
                             and value[:1] == letter and value[1:].isdigit())


def test_export_changes_input_cells_only(tmp_path):
    plan, _ = demo()
    out = tmp_path / "out.xlsx"
    export_template(plan, "finance", out)
    pristine = openpyxl.load_workbook(pristine_path(SPECS["finance"]))
    exported = openpyxl.load_workbook(out)
    assert compare(pristine, exported) == []
    qipp = exported["QIPP"]
    assert {qipp.cell(r, 1).value for r in range(7, 7 + len(plan.schemes))} == {
        f"Q{s.id:03d}" for s in plan.schemes}  # the plan's refs; empty rows none
    changed = sum(1 for ws in pristine.worksheets for (r, c) in ws._cells
                  if ws.cell(r, c).value != exported[ws.title].cell(r, c).value)
    assert changed > 500  # and the inputs really were filled
    exported["QIPP"]["K7"] = 5  # the comparison does notice a formula typed over
    exported["Lists"].sheet_state = "visible"
    assert compare(pristine, exported) == ["QIPP!K7: '=IF(B7=\"\",\"\",I7-J7)' -> 5",
                                           "Lists: sheet settings differ"]


def test_a_users_extras_survive_an_export_into_their_copy(tmp_path):
    plan, _ = demo()
    theirs = tmp_path / "theirs.xlsx"
    wb = openpyxl.load_workbook(pristine_path(SPECS["finance"]))
    wb["QIPP"]["B7"].comment = Comment("Check the MSK figure with OUH", "JB")
    wb["Summary"]["E7"] = "=C7*2"  # their own formula
    notes = wb.create_sheet("Our workings")
    notes["A1"] = "private"
    notes.sheet_state = "veryHidden"
    wb.defined_names["OurRate"] = DefinedName("OurRate", attr_text="'Our workings'!$A$1")
    wb.save(theirs)
    out = tmp_path / "out.xlsx"
    export_template(plan, "finance", out, into=theirs)
    before, after = openpyxl.load_workbook(theirs), openpyxl.load_workbook(out)
    assert compare(before, after) == []
    assert after["QIPP"]["B7"].comment.text == "Check the MSK figure with OUH"
    assert after["Our workings"].sheet_state == "veryHidden"
    assert after["Summary"]["E7"].value == "=C7*2"


def test_macros_are_kept_in_an_xlsm(tmp_path):
    plan, _ = demo()
    xlsm = tmp_path / "theirs.xlsm"
    vba = b"fake vbaProject bytes \x00\x01"
    with zipfile.ZipFile(pristine_path(SPECS["finance"])) as src, \
            zipfile.ZipFile(xlsm, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/vbaProject.bin" '
                                    b'ContentType="application/vnd.ms-office.vbaProject"/></Types>')
            out.writestr(info, data)
        out.writestr("xl/vbaProject.bin", vba)
    target = tmp_path / "filled.xlsm"
    export_template(plan, "finance", target, into=xlsm)
    with zipfile.ZipFile(target) as done:
        assert done.read("xl/vbaProject.bin") == vba
        assert b"macroEnabled" in done.read("[Content_Types].xml")
