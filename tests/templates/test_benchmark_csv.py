"""Comparator CSVs: good files load whole; every bad cell is named; nothing half-loaded."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from workbench.csv_inputs import benchmarks as benchmark_csv
from workbench.csv_inputs.benchmarks import read_benchmarks
from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import apply_to_plan

HEADER = "measure,unit,ods_code,organisation,value_per_head,population\n"
GOOD = (HEADER + "MSK: spend per head,£,10Q,Oxfordshire CCG,96.80,690000\n"
        "MSK: spend per head,£,X01,Peer A,80.5,612000\n"
        "MSK: spend per head,£,X02,Peer B,90,455000\n")
SAMPLE = Path(__file__).parents[2] / "resources" / "benchmarks" / "illustrative_rightcare_10Q.csv"


def _read(tmp_path, text: str | bytes, plan=None):
    path = tmp_path / "comparators.csv"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return read_benchmarks(path, plan or demo_plan())


def _problems(report):
    return [f"{f.sheet}: {f.message}" for f in report.findings if f.severity == "Problem"]


def test_the_shipped_sample_loads_and_replaces_what_the_plan_held(tmp_path):
    plan = demo_plan()
    report = read_benchmarks(SAMPLE, plan)
    assert report.ok and (report.rows, report.measures) == (55, 5)
    apply_to_plan(plan, report.edit)
    assert len(plan.benchmarks) == 55
    again = _read(tmp_path, GOOD, plan)
    assert len(again.edit.edits[0].rows) == 55  # the old ones are deleted in the same step
    apply_to_plan(plan, again.edit)
    assert [(b.ods_code, b.value) for b in plan.benchmarks] == [
        ("10Q", D("96.80")), ("X01", D("80.5")), ("X02", D("90"))]


def test_excel_ansi_file_with_a_pound_sign_reads(tmp_path):
    report = _read(tmp_path, GOOD.replace("96.80", "£96.80").encode("cp1252"))
    assert report.ok, report.text()


@pytest.mark.parametrize(("row", "where", "words"), [
    ("MSK,£,X03,Peer C,abc,1000", "E5", "value_per_head holds text 'abc'"),
    ("MSK,£,X03,Peer C,-1,1000", "E5", "0 or more"),
    ("MSK,£,X03,Peer C,nan,1000", "E5", "value_per_head"),
    ("MSK,£,X03,Peer C,inf,1000", "E5", "value_per_head"),
    ("MSK,£,X03,Peer C,#DIV/0!,1000", "E5", "error"),
    ("MSK,£,X03,Peer C,1,", "F5", "population is empty"),
    ("MSK,£,X03,Peer C,1,12.5", "F5", "whole number"),
    ("MSK,£,X03,Peer C,1,0", "F5", "whole number"),
    ("MSK,£,X03,Peer C,1,1e12", "F5", "whole number"),
    (",£,X03,Peer C,1,1000", "A5", "measure is empty"),
    ("MSK,£,,Peer C,1,1000", "C5", "ods_code is empty"),
    ("MSK,£," + "X" * 21 + ",Peer C,1,1000", "C5", "longer than 20"),
    ("MSK,£,X03,Peer C,1", "F5", "population is empty"),
])
def test_a_bad_cell_is_named_and_nothing_loads(tmp_path, row, where, words):
    text = GOOD.replace("MSK: spend per head", "MSK") + row + "\n"
    report = _read(tmp_path, text)
    assert report.edit is None
    problems = _problems(report)
    assert len(problems) == 1 and problems[0].startswith(f"{where}: ")
    assert words in problems[0]


def test_every_bad_cell_is_listed_at_once(tmp_path):
    text = HEADER + "MSK,£,10Q,Us,x,1\nMSK,£,X1,A,1,y\nMSK,£,X2,B,z,1\n"
    assert [p.split(":")[0] for p in _problems(_read(tmp_path, text))] == ["E2", "F3", "E4"]


def test_duplicates_and_mixed_units(tmp_path):
    text = GOOD + "MSK: spend per head,£,X01,Peer A again,81,1\n" \
                  "MSK: spend per head,admissions,X09,Peer Z,1,1\n"
    problems = _problems(_read(tmp_path, text))
    assert problems[0] == "line 5: MSK: spend per head for X01 is already on line 3"
    assert problems[1].startswith("B6: ") and "'admissions'" in problems[1]


@pytest.mark.parametrize(("text", "words"), [
    (b"", "needs the columns"),
    (HEADER.encode(), "holds no rows"),
    (b"measure,unit,value\nMSK,1,2\n", "missing ods_code, organisation, value_per_head"),
    (HEADER.encode() + b"MSK,\xa3,X1,A,1,1\x00\n", "not a readable CSV"),
    ((HEADER + "MSK,£,X1,Peer,1,1\n").encode(), "no row for this plan's ODS code 10Q"),
    (bytes(range(256)) * 4, "not a readable CSV"),
    (bytes(range(1, 256)) * 4, "not a readable CSV file: its text is neither"),
])
def test_hostile_files_are_refused_with_one_sentence(tmp_path, text, words):
    report = _read(tmp_path, text)
    assert report.edit is None and any(words in p for p in _problems(report)), report.text()


def test_a_formula_stays_text(tmp_path):
    text = GOOD.replace("Peer A", "=HYPERLINK(\"http://x\")")
    report = _read(tmp_path, text)
    assert report.ok
    assert report.edit.edits[1].rows[1].organisation == '=HYPERLINK("http://x")'


def test_quoted_line_breaks_keep_line_numbers(tmp_path):
    text = HEADER + '"MSK","£","10Q","Oxford\nshire",1,1\nMSK,£,X1,A,bad,1\n'
    assert _problems(_read(tmp_path, text)) == [
        "E4: value_per_head holds text 'bad' where a number is needed"]


def test_oversized_file_and_too_many_rows(tmp_path, monkeypatch):
    big = tmp_path / "big.csv"
    with big.open("wb") as f:
        f.truncate(benchmark_csv.MAX_BYTES + 1)  # sparse: no memory or disk to speak of
    report = read_benchmarks(big, demo_plan())
    assert report.edit is None and "larger than 20 MB" in _problems(report)[0]
    monkeypatch.setattr(benchmark_csv, "MAX_ROWS", 2)
    assert "more than 2 rows" in _problems(_read(tmp_path, GOOD))[0]


def test_missing_file(tmp_path):
    report = read_benchmarks(tmp_path / "nope.csv", demo_plan())
    assert _problems(report) == [": is not a file that can be read"]


def test_warnings_do_not_block(tmp_path):
    text = GOOD + "Respiratory,£,X01,Peer A,1,1\n"
    report = _read(tmp_path, text)
    assert report.ok
    assert [f.message for f in report.findings] == [
        "Respiratory has no row for 10Q; it is shown without a position"]
