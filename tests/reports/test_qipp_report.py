"""The monthly QIPP report on the in-year demo: written headless by the CLI, it opens
(pypdf reads its text, openpyxl its cells) and its figures equal the ledger's."""

from __future__ import annotations

import json
from decimal import Decimal

import openpyxl
import pytest
from pypdf import PdfReader

from workbench.cli import main
from workbench.domain.demo_in_year import OPHTHALMOLOGY
from workbench.engine.ledger import compute_ledger
from workbench.engine.ledger_movement import as_at, movement
from workbench.reports.money import bracketed
from workbench.store import open_store
from workbench.store.ledger_store import LedgerStore

D = Decimal


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("qipp") / "demo.db"
    assert main(["demo", "--in-year", "--db", str(db)]) == 0
    return db


@pytest.fixture(scope="module")
def ledger_and_plan(demo_db):
    store = open_store(demo_db)
    plan = store.load_plan()
    return LedgerStore(store).load(), plan


def thousands(pounds: Decimal) -> str:
    return bracketed(round(pounds / 1000))


def test_summary_json_has_the_ledger_figures(demo_db, capsys, ledger_and_plan):
    ledger, plan = ledger_and_plan
    capsys.readouterr()
    assert main(["summary", "--db", str(demo_db), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    r = compute_ledger(ledger, plan.schemes)
    assert figures["forecast_outturn_gbp"] == float(r.forecast_outturn) == 8178333.33
    assert figures["delivered_to_date_gbp"] == float(r.delivered_to_date) == 2538333.37


def test_summary_json_without_a_ledger(tmp_path, capsys):
    db = tmp_path / "plain.db"
    assert main(["demo", "--db", str(db)]) == 0
    assert not LedgerStore(open_store(db)).has_ledger()  # the default demo is unchanged
    capsys.readouterr()
    assert main(["summary", "--db", str(db), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["forecast_outturn_gbp"] is None and figures["delivered_to_date_gbp"] is None


def test_movement_names_the_scheme_that_caused_it(ledger_and_plan):
    ledger, plan = ledger_and_plan
    moved = movement(ledger, "2016-09", plan.schemes)
    oph = next(s.id for s in plan.schemes if s.name == OPHTHALMOLOGY)
    # as at August, September was forecast at plan (75,000); its actual was 60,000
    assert moved.by_scheme() == [(oph, D("600000.00"), D("585000.00"), D("-15000.00"))]
    assert moved.change == D(-15000)
    # as at April nothing is known after April: MSK's July-August zero is not seen yet
    april = compute_ledger(as_at(ledger, "2016-04"), plan.schemes)
    # April: Prescribing 125,000 + OP follow-up 60,000 + BCF 100,000 + CHC 73,333.34
    assert april.delivered_to_date == D("358333.34")
    assert april.closed_through == "2016-04"


def test_pdf_opens_and_shows_the_ledger_figures(demo_db, tmp_path, ledger_and_plan):
    ledger, plan = ledger_and_plan
    out = tmp_path / "qipp.pdf"
    assert main(["report", "qipp", "--month", "2016-09", "--db", str(demo_db),
                 "--out", str(out)]) == 0
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    flat = " ".join(text.split())
    r = compute_ledger(ledger, plan.schemes)
    assert "QIPP performance report, September 2016" in flat
    assert ("Delivered to the end of September 2016: £2.5m against a plan of £3.1m, a "
            "variance of (£0.6m) (-18.1%)") in flat
    assert ("Year-end forecast outturn: £8.2m against the annual plan of £9.1m, a variance "
            "of (£0.9m) (-10.1%)") in flat
    for figure in (r.plan_to_date, r.delivered_to_date, r.to_date_variance, r.plan_year,
                   r.forecast_outturn, r.variance):
        assert thousands(figure) in flat
    for sid in r.positions:
        assert ledger.tracking[sid].reference in flat
    assert "QIPP-10" in flat and "Recovery plan agreed" in flat  # the LD override's reason
    assert "Actuals are frozen (months closed) for Apr 16 to Sep 16: 6 month(s)" in flat
    assert "Oct 16 to Mar 17 are forecast" in flat
    assert "moved by (£15,000) since the end of August 2016" in flat
    assert "Ophthalmology community clinics" in flat
    top = max(plan.risks, key=lambda x: (x.likelihood * x.impact, x.value))
    assert "Key programme risks" in flat and top.description[:30] in flat


def test_xlsx_figures_equal_the_ledger(demo_db, tmp_path, ledger_and_plan):
    ledger, plan = ledger_and_plan
    out = tmp_path / "qipp.xlsx"
    assert main(["report", "qipp", "--month", "2016-09", "--db", str(demo_db),
                 "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Report", "Summary", "Forecast movement", "Schemes",
                               "Confidence", "Risks"]
    r = compute_ledger(ledger, plan.schemes)
    summary = book["Summary"]
    assert [c.value for c in summary[5]][1:4] == [float(r.plan_to_date),
                                                  float(r.delivered_to_date),
                                                  float(r.to_date_variance)]
    assert [c.value for c in summary[6]][1:4] == [float(r.plan_year), float(r.forecast_outturn),
                                                  float(r.variance)]
    assert summary.cell(6, 5).value == pytest.approx(float(r.variance_pct), abs=1e-3)
    schemes = book["Schemes"]
    header = [c.value for c in schemes[4]]
    assert header == ["Ref", "Project", "Point of delivery", "Gross plan", "Gross actual",
                      "Variance", "%", "Forecast outturn", "RAG"]
    names = {s.id: s for s in plan.schemes}
    for row, (sid, p) in zip(range(5, 5 + len(r.positions)), r.positions.items(),
                             strict=True):
        values = [c.value for c in schemes[row]]
        assert values[:3] == [ledger.tracking[sid].reference, names[sid].name,
                              names[sid].pod.value]
        assert values[3:6] == [float(p.plan_to_date), float(p.delivered_to_date),
                               float(p.to_date_variance)]
        assert values[7] == float(p.forecast_outturn)
        assert values[8].rstrip("*") == p.rag.value
    total = [c.value for c in schemes[5 + len(r.positions)]]
    assert total[3:6] == [float(r.plan_to_date), float(r.delivered_to_date),
                          float(r.to_date_variance)]
    confidence = book["Confidence"]
    assert sum(confidence.cell(row, 2).value for row in (5, 6, 7)) == len(r.positions)
    assert confidence.cell(8, 4).value == float(r.forecast_outturn)


def test_report_for_an_open_month_or_a_wrong_format_is_one_line(demo_db, tmp_path, capsys):
    assert main(["report", "qipp", "--month", "2016-10", "--db", str(demo_db),
                 "--out", str(tmp_path / "q.pdf")]) == 2
    assert capsys.readouterr().err.strip() == ("workbench: error: 2016-10 is not closed yet "
                                               "(the ledger is closed through 2016-09)")
    assert main(["report", "qipp", "--month", "2017-04", "--db", str(demo_db),
                 "--out", str(tmp_path / "q.pdf")]) == 2
    assert "2017-04 is not a month of 2016/17" in capsys.readouterr().err
    assert main(["report", "qipp", "--month", "2016-09", "--db", str(demo_db),
                 "--out", str(tmp_path / "q.docx")]) == 2
    assert "written as .pdf or .xlsx" in capsys.readouterr().err
    assert not (tmp_path / "q.pdf").exists() and not (tmp_path / "q.docx").exists()


def test_report_as_at_an_earlier_month(demo_db, tmp_path, ledger_and_plan):
    ledger, plan = ledger_and_plan
    out = tmp_path / "june.xlsx"
    assert main(["report", "qipp", "--month", "2016-06", "--db", str(demo_db),
                 "--out", str(out)]) == 0
    june = compute_ledger(as_at(ledger, "2016-06"), plan.schemes)
    summary = openpyxl.load_workbook(out)["Summary"]
    assert summary.cell(5, 3).value == float(june.delivered_to_date)
    text = " ".join(str(c.value) for c in openpyxl.load_workbook(out)["Report"]["A"] if c.value)
    assert "Apr 16 to Jun 16: 3 month(s)" in text


def test_in_year_demo_replaces_a_plan_with_force(tmp_path, capsys):
    db = tmp_path / "again.db"
    assert main(["demo", "--in-year", "--db", str(db)]) == 0
    assert main(["demo", "--in-year", "--db", str(db)]) == 2  # refuses without --force
    assert main(["demo", "--in-year", "--force", "--db", str(db)]) == 0
    assert "closed through 2016-09" in capsys.readouterr().out
    store = open_store(db)
    assert len(store.list_plans()) == 1
    assert LedgerStore(store).load().closed_through == "2016-09"
