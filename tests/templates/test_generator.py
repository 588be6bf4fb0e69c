"""The shipped templates are generated reproducibly and carry the NHSE conventions."""

from __future__ import annotations

import openpyxl
import pytest

from workbench.templates.layouts.registry import SPECS, pristine_path
from workbench.templates.workbook import styles
from workbench.templates.workbook.build_templates import main as build_main

KINDS = sorted(SPECS)


def test_shipped_templates_are_exactly_what_the_generator_makes(tmp_path):
    assert build_main([str(tmp_path)]) == 0
    for spec in SPECS.values():
        fresh = (tmp_path / spec.file_name).read_bytes()
        assert fresh == pristine_path(spec).read_bytes(), (
            f"{spec.file_name} is stale: run "
            "python -m workbench.templates.workbook.build_templates")
    build_main([str(tmp_path)])
    assert all((tmp_path / s.file_name).read_bytes() == pristine_path(s).read_bytes()
               for s in SPECS.values())


@pytest.mark.parametrize("kind", KINDS)
def test_template_conventions(kind):
    spec = SPECS[kind]
    wb = openpyxl.load_workbook(pristine_path(spec))
    assert wb.sheetnames == list(spec.sheet_names)
    cover = wb["Cover"]
    assert cover["B2"].value == spec.title
    labels = {cover.cell(r, 2).value: cover.cell(r, 3).value for r in range(1, 40)}
    assert labels["Template"] == spec.template_id and labels["Template version"] == spec.version
    assert labels["Template status"] == "=Checklist!C3"
    assert wb["Lists"].sheet_state == "hidden"
    names = set(wb.defined_names)
    assert {"OrgCode", "OrgName", "PlanRound", "Submission", "Version", "TemplateVersion"} <= names
    for name, defined in wb.defined_names.items():
        for sheet, _ in defined.destinations:
            assert sheet in wb.sheetnames, name
    inputs = 0
    for ws in wb.worksheets:
        assert ws.protection.sheet and not ws.protection.password
        assert not ws.protection.hashValue
        for dv in ws.data_validations.dataValidation:
            if dv.type == "list":
                assert dv.formula1.startswith("=List_") and dv.formula1[1:] in names
        for row in ws.iter_rows():
            for cell in row:
                if cell.protection.locked is False:
                    inputs += 1
                    assert cell.fill.fgColor.rgb.endswith(styles.INPUT_RGB), cell.coordinate
                    assert cell.value is None or ws.title == "Cover", cell.coordinate
                elif isinstance(cell.value, str) and cell.value.startswith("="):
                    assert cell.fill.fgColor.rgb.endswith(styles.CALC_RGB) or ws.title in (
                        "Checklist",) or cell.row <= 4, (ws.title, cell.coordinate)
    assert inputs > 20
    checklist = wb["Checklist"]
    assert "Complete Template" in checklist["C3"].value
    assert checklist.max_row > 6
