"""Bounded work for any input: limits met while streaming, each refusal names its limit."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.templates.helpers import demo
from tests.templates.hostile import (
    add_member,
    copy_template,
    long_row,
    rewrite,
    shared_strings,
    sheet_member,
)
from workbench.domain.errors import TemplateError
from workbench.templates.pipeline.exporter import export_template
from workbench.templates.pipeline.importer import plan_import
from workbench.templates.workbook import sheets, xlsx_parts

ROOT = Path(__file__).resolve().parents[2]
MEASURE = """
import json, sys, time
from workbench.domain.demo_plan import demo_plan
from workbench.domain.errors import TemplateError
plan = demo_plan()
start = time.perf_counter()
if sys.argv[1] == "import":
    from workbench.templates.pipeline.importer import plan_import
    text = plan_import(sys.argv[2], plan).text()
else:
    from workbench.templates.pipeline.exporter import export_template
    try:
        export_template(plan, "finance", sys.argv[3], into=sys.argv[2])
        text = "written"
    except TemplateError as exc:
        text = str(exc)
# VmHWM, not ru_maxrss: ru_maxrss survives exec, so it would report the (large) test
# process this child was forked from
hwm = next(line for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"text": text, "seconds": time.perf_counter() - start,
                  "peak_mb": int(hwm.split()[1]) / 1024}))
"""


def measured(*args: str) -> dict:
    """Run an import or export in a child process capped at 3 GB; its report, time and
    peak memory."""
    out = subprocess.run(["prlimit", "--as=3000000000", "--", sys.executable, "-c", MEASURE,
                          *args], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_a_row_of_millions_of_empty_cells_is_refused_at_the_cell_limit(tmp_path):
    # 5 million <c/> in one row: 35 KB zipped; it used to be parsed whole (1.9 GB for 6 M)
    path = long_row(tmp_path / "long.xlsx", sheet="Cover", cells=5_000_000)
    assert path.stat().st_size < 200_000
    got = measured("import", str(path))
    assert f"more than {xlsx_parts.MAX_CELLS:,} cells" in got["text"], got
    assert "Problem: Cover:" in got["text"]
    assert got["peak_mb"] < 500 and got["seconds"] < 10, got


def test_export_into_a_workbook_with_a_huge_row_on_any_sheet_is_refused_first(tmp_path):
    path = long_row(tmp_path / "long.xlsx", sheet="Summary", cells=5_000_000)
    got = measured("export", str(path), str(tmp_path / "out.xlsx"))
    assert f"more than {xlsx_parts.MAX_CELLS:,} cells" in got["text"], got
    assert "sheet Summary" in got["text"]
    assert got["peak_mb"] < 500 and got["seconds"] < 10, got
    assert not (tmp_path / "out.xlsx").exists()


def test_cells_outside_the_extent_are_counted_not_kept(tmp_path):
    path = long_row(tmp_path / "wide.xlsx", sheet="Cover", cells=5_000, row=40)
    cover = sheets.load(path).find("Cover")
    assert cover is not None and not cover.truncated
    assert max(c for _r, c in cover.values) <= sheets.MAX_COLS


def test_a_value_below_the_rows_an_import_reads_is_a_problem_not_a_silent_cut(tmp_path):
    source = copy_template("finance", tmp_path / "src.xlsx")
    member = sheet_member(source, "QIPP")
    below = sheets.MAX_ROWS + 5
    path = rewrite(source, tmp_path / "deep.xlsx", member, lambda d: d.replace(
        b"</sheetData>", b'<row r="%d"><c r="B%d" t="inlineStr"><is><t>Late</t></is></c></row>'
        b"</sheetData>" % (below, below), 1))
    report = plan_import(path, demo()[0])
    assert not report.ok
    hits = [f for f in report.problems if f"below row {sheets.MAX_ROWS:,}" in f.message]
    assert hits and (hits[0].sheet, hits[0].cell) == ("QIPP", f"{sheets.MAX_ROWS + 1}:"
                                                      f"{sheets.MAX_ROWS + 1}"), report.text()


def test_shared_strings_are_counted_as_read(monkeypatch, exported_demo, tmp_path):
    path = add_member(exported_demo, tmp_path / "sst.xlsx", "xl/sharedStrings.xml",
                      shared_strings(50))
    assert plan_import(path, demo()[0]).ok
    monkeypatch.setattr(xlsx_parts, "MAX_SHARED_STRINGS", 20)
    report = plan_import(path, demo()[0])
    assert [f.message for f in report.problems] == [
        "has more than 20 shared strings; limit 20"], report.text()


@pytest.mark.parametrize(("limit", "value", "fragment"), [
    ("MAX_STYLES", 3, "cell formats"),
    ("MAX_ELEMENTS", 50, "XML elements"),
    ("MAX_CELLS", 10, "cells"),
])
def test_each_limit_is_named_when_passed(monkeypatch, exported_demo, limit, value, fragment):
    monkeypatch.setattr(xlsx_parts, limit, value)
    report = plan_import(exported_demo, demo()[0])
    assert not report.ok and report.edit is None
    assert any(fragment in f.message and "limit" in f.message for f in report.problems), \
        report.text()


def test_export_into_checks_every_part_before_loading(monkeypatch, exported_demo, tmp_path):
    monkeypatch.setattr(xlsx_parts, "MAX_ELEMENTS", 2000)
    with pytest.raises(TemplateError, match="XML elements"):
        export_template(demo()[0], "finance", tmp_path / "out.xlsx", into=exported_demo)


def test_an_entity_declaration_is_refused_not_expanded(tmp_path, exported_demo):
    member = sheet_member(exported_demo, "Cover")
    bomb = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>')

    def change(data: bytes) -> bytes:
        body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
        return bomb + body.replace(b"</sheetData>", b"</sheetData>", 1)

    path = rewrite(exported_demo, tmp_path / "bomb.xlsx", member, change)
    report = plan_import(path, demo()[0])
    assert not report.ok
    assert any("DTD" in f.message for f in report.problems), report.text()


def test_openpyxl_parses_through_defusedxml():
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML


@pytest.mark.parametrize("text", [b"NaN", b"INF", b"-inf", b"1e999"])
def test_a_number_that_is_not_finite_is_named_by_sheet_and_cell(tmp_path, exported_demo, text):
    member = sheet_member(exported_demo, "Risk")
    with zipfile.ZipFile(exported_demo) as z:
        xml = z.read(member)
    start = xml.index(b'<c r="E7"')
    end = xml.index(b"</c>", start) + 4
    cell = b'<c r="E7"><v>' + text + b"</v></c>"
    path = rewrite(exported_demo, tmp_path / "nan.xlsx", member,
                   lambda d: d[:start] + cell + d[end:])
    report = plan_import(path, demo()[0])
    assert not report.ok
    hit = report.problems[0]
    assert (hit.sheet, hit.cell) == ("Risk", "E7"), report.text()
    assert "not a number" in hit.message
