"""Import and export agree on size: the rows an export may fill are the rows an import
reads, and both errors state the limit."""

from __future__ import annotations

import dataclasses

import pytest

from tests.templates.helpers import demo
from workbench.domain.errors import TemplateError
from workbench.templates.pipeline.exporter import export_template
from workbench.templates.pipeline.importer import plan_import
from workbench.templates.workbook import xlsx_parts


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
