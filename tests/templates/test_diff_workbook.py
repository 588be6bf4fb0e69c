"""The comparison exported to xlsx: every figure and change, and typed text never a formula."""

from __future__ import annotations

import copy
import zipfile
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from workbench.domain.demo_plan import demo_plan
from workbench.domain.errors import TemplateError
from workbench.domain.schemes import SavingsScheme
from workbench.engine.diff import diff_plans
from workbench.templates.comparison_workbook import write_diff_workbook

HOSTILE = ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-3", "@SUM(A1)", "\tTab", "=1+1"]


def test_export_holds_every_figure_and_change_and_no_formula(tmp_path):
    old = demo_plan()
    new = copy.deepcopy(old)
    new.schemes[0].gross_saving += Decimal(300_000)
    for i, name in enumerate(HOSTILE):
        new.schemes.append(SavingsScheme(100 + i, name, gross_saving=Decimal(1000 * (i + 1))))
    diff = diff_plans(old, new)
    out = write_diff_workbook(diff, tmp_path / "compare.xlsx", "=Submission 1", "Working plan")
    wb = load_workbook(out)
    figures, changes = wb["Figures"], wb["Changes"]
    assert figures["B1"].value == "=Submission 1" and figures["B1"].data_type == "s"
    labels = {figures.cell(r, 1).value: r for r in range(2, figures.max_row + 1)}
    assert len(labels) == len(diff.figures)
    gap = labels["Savings gap"]
    assert figures.cell(gap, 4).value == pytest.approx(diff.figure("savings_gap").delta)
    names = [changes.cell(r, 2).value for r in range(2, changes.max_row + 1)]
    assert names == [r.name for r in diff.rows]
    for name in HOSTILE:
        cell = changes.cell(names.index(name) + 2, 2)
        assert cell.value == name and cell.data_type == "s"
    first = diff.rows[0]
    assert changes.cell(2, 6).value == pytest.approx(first.gap)
    with zipfile.ZipFile(out) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
        assert not any(b"<f>" in z.read(n) or b"<f " in z.read(n) for n in sheets)


def test_an_unwritable_target_is_one_clear_message(tmp_path):
    diff = diff_plans(demo_plan(), demo_plan())
    with pytest.raises(TemplateError, match="does not exist"):
        write_diff_workbook(diff, tmp_path / "missing" / "x.xlsx", "a", "b")
