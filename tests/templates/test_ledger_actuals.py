"""Ledger actuals import: CSV and Excel, a preview, cell-addressed problems, all or nothing,
and hostile files (text in a money cell, unknown scheme, month outside the year,
duplicates, a huge file under a memory cap)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from decimal import Decimal

import openpyxl
import pytest

from workbench.csv_inputs.ledger_actuals import read_ledger_actuals
from workbench.domain.demo_plan import demo_plan
from workbench.domain.errors import ValidationError
from workbench.domain.ledger import RECURRENT, Ledger, LedgerCell, SchemeTracking, plan_cells
from workbench.domain.ledger_edits import SetCell, SetClosedThrough, apply_to_ledger
from workbench.domain.periods import FinancialYear
from workbench.templates.workbook.xlsx_parts import MAX_ROWS

D = Decimal


@pytest.fixture
def ledger() -> Ledger:
    """The demo plan's ledger in memory (scheme ids 1..11, QIPP-01..11), April closed."""
    plan = demo_plan()
    year = FinancialYear(2016)
    led = Ledger(1, year, "2016-04")
    for s in plan.schemes:
        for month, amount in plan_cells(s, year).items():
            led.cells[(s.id, month, RECURRENT)] = LedgerCell(amount)
        led.tracking[s.id] = SchemeTracking(s.id, f"QIPP-{s.id:02d}")
    return led


def write_csv(tmp_path, text: str, name="actuals.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(textwrap.dedent(text).lstrip().encode(encoding))
    return path


def test_csv_preview_and_edit(tmp_path, ledger):
    path = write_csv(tmp_path, """
        Scheme reference,Month,Actual
        QIPP-04,2016-05,"£125,000"
        qipp-05 ,May 2016,100k
        QIPP-03,2016-04,(1.50)
        """, encoding="utf-8-sig")
    preview = read_ledger_actuals(path, ledger)
    assert preview.ok, preview.text()
    assert [(r.scheme_id, r.month, r.value, r.cell) for r in preview.rows] == [
        (4, "2016-05", D(125000), "C2"), (5, "2016-05", D(100000), "C3"),
        (3, "2016-04", D("-1.50"), "C4")]
    assert preview.total() == D("224998.50")
    assert preview.months() == ["2016-04", "2016-05"]
    assert preview.edit.edits[0] == SetCell(4, "2016-05", RECURRENT, "actual", None,
                                            D(125000), "Actual 2016-05 of scheme 4")
    with pytest.raises(ValidationError, match="exactly 2016-05"):
        preview.close_edit(ledger)


def test_windows_1252_pound_sign(tmp_path, ledger):
    path = write_csv(tmp_path, "scheme,month,value\nQIPP-01,2016-05,£10\n", encoding="cp1252")
    preview = read_ledger_actuals(path, ledger)
    assert preview.ok and preview.rows[0].value == D(10)
    assert preview.encoding.startswith("Windows-1252")


def test_hostile_rows_each_named_by_cell_and_nothing_offered(tmp_path, ledger):
    path = write_csv(tmp_path, """
        scheme,month,value
        QIPP-01,2016-05,twelve pounds
        QIPP-99,2016-05,10
        QIPP-02,2017-04,10
        QIPP-02,2016-09,10
        QIPP-03,2016-05,10
        QIPP-03,2016-05,11
        QIPP-04,someday,10
        """)
    preview = read_ledger_actuals(path, ledger)
    assert not preview.ok and preview.edit is None
    assert preview.messages() == [
        "actuals.csv, C2: an amount of money, like 3,200,000, 3.2m, 12k or (200,000): read "
        "'twelve pounds'",
        "actuals.csv, A3: scheme 'QIPP-99' is not a scheme reference in the ledger",
        "actuals.csv, B4: 2017-04 is not a month of 2016/17 (2016-04 to 2017-03)",
        "actuals.csv, B5: 2016-09 is not closed yet and is not the next month to close "
        "(2016-05)",
        "actuals.csv, C7: a second actual for QIPP-03 in 2016-05 (recurrent); the first is "
        "in C6",
        "actuals.csv, B8: month 'someday' is not a month like 2016-04 or Apr 2016",
    ]


def test_missing_columns_and_empty_file(tmp_path, ledger):
    preview = read_ledger_actuals(write_csv(tmp_path, "scheme,when,value\nQIPP-01,x,1\n"),
                                  ledger)
    assert preview.messages() == ["actuals.csv, A1: needs the columns scheme, month and "
                                  "value in its first row; missing month"]
    empty = read_ledger_actuals(write_csv(tmp_path, "\n\n", name="e.csv"), ledger)
    assert empty.messages() == ["e.csv: holds no rows of actuals"]


def test_excel_sheet_with_dates_and_close_month(tmp_path, ledger):
    import datetime as dt

    book = openpyxl.Workbook()
    book.active.title = "Notes"
    ws = book.create_sheet("Actuals")
    ws.append(["Reference", "Month", "Value", "Part"])
    for sid in range(1, 12):
        ws.append([f"QIPP-{sid:02d}", dt.datetime(2016, 5, 1), 1000 + sid, "Recurrent"])
    path = tmp_path / "may.xlsx"
    book.save(path)
    preview = read_ledger_actuals(path, ledger)
    assert preview.ok, preview.text()
    assert preview.sheet == "Actuals" and len(preview.rows) == 11
    assert preview.rows[0].cell == "C2" and preview.rows[0].value == D(1001)
    close = preview.close_edit(ledger)
    assert close.edits[-1] == SetClosedThrough("2016-04", "2016-05", "Close 2016-05")
    apply_to_ledger(ledger, close)
    assert ledger.cell(11, "2016-05", RECURRENT).actual == D(1011)


def test_excel_problem_names_file_sheet_and_cell(tmp_path, ledger):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Actuals"
    ws.append(["Scheme", "Month", "Value"])
    ws.append(["QIPP-01", "2016-05", "n/a"])
    ws.append(["QIPP-01", "2016-05", True])
    path = tmp_path / "bad.xlsx"
    book.save(path)
    preview = read_ledger_actuals(path, ledger)
    assert preview.messages()[0].startswith("bad.xlsx, Actuals, C2: an amount of money")
    assert preview.messages()[1] == "bad.xlsx, Actuals, C3: True is not an amount of money"
    assert preview.edit is None


def test_not_a_workbook(tmp_path, ledger):
    path = tmp_path / "fake.xlsx"
    path.write_bytes(b"this is not a zip")
    preview = read_ledger_actuals(path, ledger)
    assert not preview.ok and preview.messages()[0].startswith("fake.xlsx")


def test_huge_csv_is_refused_by_size(tmp_path, ledger):
    path = tmp_path / "huge.csv"
    path.write_bytes(b"scheme,month,value\n" + b"QIPP-01,2016-05,1\n" * 400_000)  # 7.2 MB
    preview = read_ledger_actuals(path, ledger)
    assert preview.messages() == ["huge.csv: is larger than 5 MB: not a file of scheme actuals"]


HUGE = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))
from workbench.domain.ledger import Ledger
from workbench.domain.periods import FinancialYear
from workbench.csv_inputs.ledger_actuals import read_ledger_actuals
preview = read_ledger_actuals(sys.argv[1], Ledger(1, FinancialYear(2016)))
print(preview.text())
"""


@pytest.mark.parametrize(("name", "expected"), [
    ("rows.csv", "has more than 20,000 rows"),
    ("rows.xlsx", f"has values below row {MAX_ROWS:,}"),
])
def test_many_rows_refused_under_a_memory_cap(tmp_path, name, expected):
    path = tmp_path / name
    if name.endswith(".csv"):  # under the size limit, over the row limit
        path.write_bytes(b"s,m,v\n" + b"Q,2016-05,1\n" * 300_000)
    else:
        book = openpyxl.Workbook(write_only=True)
        ws = book.create_sheet("Actuals")
        ws.append(["Scheme", "Month", "Value"])
        for _ in range(MAX_ROWS + 1000):  # past the workbook reader's row limit
            ws.append(["QIPP-01", "2016-05", 1])
        book.save(path)
    done = subprocess.run([sys.executable, "-c", HUGE, str(path)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert expected in done.stdout
