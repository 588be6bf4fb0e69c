"""Exports that cannot happen say why in one sentence and leave existing files untouched."""

from __future__ import annotations

import dataclasses
import os

import pytest

from tests.templates.helpers import demo
from workbench.domain.errors import TemplateError
from workbench.domain.periods import FinancialYear
from workbench.templates.layouts.registry import SPECS, pristine_path
from workbench.templates.pipeline.exporter import export_template
from workbench.templates.workbook import writer


def test_target_open_in_excel_or_libreoffice(tmp_path):
    plan, _ = demo()
    for lock in ("~$plan.xlsx", ".~lock.plan.xlsx#"):
        (tmp_path / lock).write_text("locked")
        with pytest.raises(TemplateError, match="close it in Excel and try again"):
            export_template(plan, "finance", tmp_path / "plan.xlsx")
        (tmp_path / lock).unlink()


def test_read_only_target_and_folder(tmp_path, monkeypatch):
    plan, _ = demo()
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"old")
    monkeypatch.setattr(writer.os, "access", lambda path, mode: str(path) != str(target))
    with pytest.raises(TemplateError, match="plan.xlsx: the file is read-only"):
        export_template(plan, "finance", target)
    monkeypatch.setattr(writer.os, "access", lambda path, mode: False)
    with pytest.raises(TemplateError, match="is read-only"):
        export_template(plan, "finance", target)
    with pytest.raises(TemplateError, match="does not exist"):
        export_template(plan, "finance", tmp_path / "no" / "plan.xlsx")
    assert target.read_bytes() == b"old"


def test_a_failed_save_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    plan, _ = demo()
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"old")

    def broken(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(writer.os, "replace", broken)
    with pytest.raises(TemplateError, match="another program .*close it in Excel and try again"):
        export_template(plan, "finance", target)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]


def test_wrong_workbook_kind_year_or_extension(tmp_path):
    plan, _ = demo()
    with pytest.raises(TemplateError, match="is the 2016/17 Activity Plan template, not the "
                                            "2016/17 Finance Plan"):
        export_template(plan, "finance", tmp_path / "x.xlsx", into=pristine_path(SPECS["activity"]))
    with pytest.raises(TemplateError, match="save the workbook with the .xlsx extension"):
        export_template(plan, "finance", tmp_path / "x.csv")
    with pytest.raises(TemplateError, match="there is no 'dental' template"):
        export_template(plan, "dental", tmp_path / "x.xlsx")
    later = dataclasses.replace(plan, first_year=FinancialYear(2017))
    with pytest.raises(TemplateError, match="plan starts in 2017/18"):
        export_template(later, "finance", tmp_path / "x.xlsx")
    xlsm = tmp_path / "theirs.xlsm"
    xlsm.write_bytes(pristine_path(SPECS["finance"]).read_bytes())
    with pytest.raises(TemplateError, match="macros, so save it with the .xlsm extension"):
        export_template(plan, "finance", tmp_path / "x.xlsx", into=xlsm)
    assert not (tmp_path / "x.xlsx").exists()


def test_more_rows_than_the_table_holds(tmp_path):
    plan, _ = demo()
    extra = [dataclasses.replace(plan.schemes[0], id=1000 + i, name=f"Scheme {i}")
             for i in range(500)]
    plan.schemes += extra
    with pytest.raises(TemplateError, match="sheet QIPP.*has room for 500 rows; the plan needs "
                                            "511"):
        export_template(plan, "finance", tmp_path / "x.xlsx")


def test_export_overwrites_an_existing_file_atomically(tmp_path):
    plan, _ = demo()
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"old")
    export_template(plan, "finance", target)
    assert target.read_bytes()[:2] == b"PK"
    assert sorted(os.listdir(tmp_path)) == ["plan.xlsx"]


def test_a_target_held_open_by_excel_says_close_it(tmp_path, monkeypatch):
    def held(*_args):
        raise PermissionError(32, "The process cannot access the file")

    monkeypatch.setattr("workbench.templates.workbook.writer.os.replace", held)
    with pytest.raises(TemplateError, match="close it in Excel and try again"):
        export_template(demo()[0], "finance", tmp_path / "plan.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_an_import_held_open_by_excel_says_close_it(tmp_path, monkeypatch):
    from pathlib import Path

    from workbench.templates.pipeline.importer import plan_import

    path = export_template(demo()[0], "finance", tmp_path / "plan.xlsx")
    real_open = Path.open

    def held(self, *args, **kwargs):
        if self == path:
            raise PermissionError(32, "The process cannot access the file")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", held)
    report = plan_import(path, demo()[0])
    assert "close it in Excel and try again" in report.text()


def test_each_export_writes_through_its_own_unpredictable_temporary_name(tmp_path, monkeypatch):
    plan, _ = demo()
    target = tmp_path / "plan.xlsx"
    swapped: list[str] = []
    real_replace = os.replace

    def recording(src, dst, *args, **kwargs):
        swapped.append(os.fspath(src))
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", recording)
    export_template(plan, "finance", target)
    export_template(plan, "finance", target)
    assert len(swapped) == 2 and swapped[0] != swapped[1]
    assert all(f".{os.getpid()}." not in name for name in swapped)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]


def test_a_failed_save_leaves_no_temporary_file(tmp_path, monkeypatch):
    plan, _ = demo()
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"old")

    def full_disk(self, filename):
        with open(filename, "wb") as handle:
            handle.write(b"PK half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("openpyxl.workbook.workbook.Workbook.save", full_disk)
    with pytest.raises(TemplateError, match="plan.xlsx: cannot be written"):
        export_template(plan, "finance", target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]
    assert target.read_bytes() == b"old"
