"""Import and export agree on size: the rows an export may fill are the rows an import
reads, and both errors state the limit."""

from __future__ import annotations

import dataclasses

import pytest

from tests.templates.helpers import demo
from workbench.domain.errors import TemplateError
from workbench.templates.pipeline.exporter import export_template
from workbench.templates.pipeline.importer import plan_import
from workbench.templates.workbook import sheets, xlsx_parts


def test_export_never_fills_a_row_import_would_not_read(tmp_path, monkeypatch):
    plan, _ = demo()
    monkeypatch.setattr(xlsx_parts, "MAX_ROWS", 20)  # QIPP's input rows start at 7
    more = [dataclasses.replace(plan.schemes[0], id=None, name=f"Extra {n}") for n in range(20)]
    plan.schemes += more
    with pytest.raises(TemplateError, match="up to row 20, the last an import reads"):
        export_template(plan, "finance", tmp_path / "out.xlsx")


def test_an_import_beyond_the_limit_states_it(tmp_path, monkeypatch):
    plan, _ = demo()
    path = export_template(plan, "finance", tmp_path / "out.xlsx")
    monkeypatch.setattr(xlsx_parts, "MAX_ROWS", 12)
    report = plan_import(path, plan)
    hits = [f for f in report.problems if "below row 12, the last an import" in f.message]
    assert hits and hits[0].cell == "13:13", report.text()


def test_a_whole_ics_fits_the_limits(tmp_path):
    """A whole ICS (10,000 schemes, 2,500 risks) in a Finance workbook with room for it, as
    its user adds input rows: the reader's limits let export --into and import read it.
    (The filled workbook's round trip at that size is the benchmark's 5x column.)"""
    from workbench.templates.layouts.registry import spec_for
    from workbench.templates.layouts.spec import Table
    from workbench.templates.workbook.builder import build, save_reproducibly

    rows = {"QIPP": 10_000 + 10, "Risk": 2_500 + 10}
    spec = spec_for("finance")
    spec = dataclasses.replace(spec, sheets=tuple(
        dataclasses.replace(s, capacity=rows[s.sheet])
        if isinstance(s, Table) and s.sheet in rows else s for s in spec.sheets))
    qipp = next(s for s in spec.sheets if isinstance(s, Table) and s.sheet == "QIPP")
    assert qipp.first_row + qipp.capacity - 1 <= xlsx_parts.MAX_ROWS
    path = tmp_path / "roomy.xlsx"
    save_reproducibly(build(spec), path)
    sheets.scan(path)  # refused "more than 100,000 cells" before
    assert not sheets.load(path, only=["QIPP"]).sheets["QIPP"].truncated
