"""Actuals from CSV: every row checked first, named by file and line; all or nothing."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from workbench.csv_inputs.actuals import read_actuals
from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import apply_to_plan
from workbench.domain.trajectories import Actual
from workbench.store import open_store

HEADER = "date,metric,value,note\n"


@pytest.fixture
def plan():
    return demo_plan()


def write(tmp_path, body, name="actuals.csv", header=HEADER):
    path = tmp_path / name
    path.write_text(header + body, encoding="utf-8")
    return path


def test_good_rows_become_one_edit_of_trajectories_and_activity_lines(tmp_path, plan):
    path = write(tmp_path, "2019-04-30,AE_4HR,87.5,new month\n"
                           "30/04/2019,Delayed transfers of care, delays per week,61,\n"
                           "2016-05,E.M.11,\"4,650\",\n"
                           "2016-06-09,DTOC_OBD,4.1%,\n")
    # the unquoted comma in row 2 is a fifth column: a metric name with commas needs quotes
    report = read_actuals(path, plan)
    assert not report.ok
    assert "line 3" in report.text() and "actuals.csv" in report.text()
    path = write(tmp_path, "2019-04-30,AE_4HR,87.5,new month\n"
                           "2016-05-01,E.M.11,\"4,650\",\n"
                           "2016-06-09,DTOC_OBD,4.1%,\n")
    report = read_actuals(path, plan)
    assert report.ok, report.text()
    apply_to_plan(plan, report.edit)
    dtoc, _, four_hour = plan.trajectories[:3]  # then the local ambitions
    assert four_hour.actuals["2019-04"] == Actual(0.875, "new month")
    assert dtoc.actuals == {"2016-06-06": Actual(0.041, "")}  # the week's Monday
    assert plan.activity_lines[0].actuals == {1: Decimal(4650)}  # May = month 1


def test_every_bad_row_is_reported_and_nothing_is_applied(tmp_path, plan):
    path = write(tmp_path, "2016-04,AE_4HR,0.9,\n"
                           "April,AE_4HR,0.9,\n"
                           "2016-05,Nonsense,1,\n"
                           "2016-06,AE_4HR,lots,\n"
                           "2016-07,AE_4HR,,\n"
                           "2016-04,AE_4HR,0.91,\n"
                           "2030-04,E.M.11,5,\n")
    report = read_actuals(path, plan)
    assert report.edit is None
    where = [f.sheet for f in report.findings]
    assert where == ["line 3", "line 4", "line 5", "line 6", "line 7", "line 8"]
    text = report.text()
    assert "'April' is not a date" in text and "'Nonsense'" in text
    assert "second value for 2016-04" in text and "no line for 2030/31" in text


@pytest.mark.parametrize("content, message", [
    ("when,what\n2016-04,1\n", "needs the columns date, metric, value"),
    (HEADER, "holds no rows"),
])
def test_wrong_shapes_are_named(tmp_path, plan, content, message):
    path = write(tmp_path, "", header=content)
    report = read_actuals(path, plan)
    assert report.edit is None and message in report.text()


def test_not_text_and_missing_file(tmp_path, plan):
    path = tmp_path / "binary.csv"
    path.write_bytes(b"\xff\xfe\x00\x81date")
    assert "not a readable CSV" in read_actuals(path, plan).text()
    assert "not a file" in read_actuals(tmp_path / "none.csv", plan).text()


def test_store_applies_the_import_in_one_step(tmp_path):
    store = open_store(tmp_path / "plan.db", create=True)
    plan = store.save_new_plan(demo_plan())
    path = write(tmp_path, "2019-04,AE_4HR,0.88,\n2019-05,AE_4HR,0.89,\n")
    report = read_actuals(path, plan)
    store.apply(report.edit, action="import")
    four_hour = store.load_plan().trajectories[2]
    assert four_hour.actuals["2019-05"] == Actual(0.89, "")
    steps = {h.step for h in store.history() if h.action == "import"}
    assert len(steps) == 1
    before = dataclasses.replace(plan.trajectories[2]).actuals
    assert set(four_hour.actuals) - set(before) == {"2019-04", "2019-05"}


@pytest.mark.parametrize(("encoding", "stated"), [
    ("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8"), ("cp1252", "Windows-1252 (ANSI)")])
def test_excel_csv_in_utf8_with_or_without_bom_or_in_windows_1252(tmp_path, plan, encoding,
                                                                   stated):
    path = tmp_path / "actuals.csv"
    body = HEADER + "2016-04,AE_4HR,0.88,Cost £1.2m – winter\r\n"
    path.write_bytes(body.encode(encoding))
    report = read_actuals(path, plan)
    assert report.ok, report.text()
    assert report.encoding == stated
    assert report.text().startswith(f"actuals.csv: read as {stated} text")
    new = report.edit.edits[0].new
    assert any(a.note == "Cost £1.2m – winter" for a in new.values())


def test_a_csv_held_open_by_excel_says_close_it(tmp_path, plan, monkeypatch):
    path = write(tmp_path, "2016-04,AE_4HR,0.88,\n")

    def locked(self):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(type(path), "read_bytes", locked)
    report = read_actuals(path, plan)
    assert report.edit is None
    assert "close it in Excel and try again" in report.text()
