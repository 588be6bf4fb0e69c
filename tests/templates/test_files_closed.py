"""A workbook that fails to load is closed at once: Windows could not delete or replace it
otherwise (the sharing guard in tests/conftest.py fails the unlink as Windows would)."""

from __future__ import annotations

import zipfile

import pytest

from tests.templates.helpers import demo
from workbench.domain.errors import TemplateError
from workbench.templates.pipeline.exporter import export_template
from workbench.templates.pipeline.importer import plan_import
from workbench.templates.workbook.writer import open_for_writing


def _damaged(tmp_path, part: str):
    """A sound zip whose `part` is not XML: openpyxl opens the archive, then fails."""
    plan, _ = demo()
    good = export_template(plan, "finance", tmp_path / "good.xlsx")
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as out:
        for item in src.infolist():
            out.writestr(item, b"<<not xml" if item.filename == part else src.read(item))
    return plan, bad


def test_a_damaged_workbook_is_closed_after_a_failed_import(tmp_path):
    plan, bad = _damaged(tmp_path, "xl/workbook.xml")
    report = plan_import(bad, plan)
    assert report.edit is None
    bad.unlink()


def test_a_damaged_workbook_to_write_into_is_closed(tmp_path):
    _plan, bad = _damaged(tmp_path, "xl/workbook.xml")
    with pytest.raises(TemplateError):
        open_for_writing(bad)
    bad.unlink()
