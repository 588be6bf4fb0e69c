"""The in-year commands' parts of the CLI: `report qipp`, `demo --in-year` and the ledger
figures of `summary --json` (kept here so cli.py only routes)."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_report_parser(kinds, common: argparse.ArgumentParser) -> None:
    qipp = kinds.add_parser("qipp", parents=[common],
                            help="the monthly QIPP performance report as .pdf or .xlsx")
    qipp.add_argument("--month", required=True, metavar="YYYY-MM",
                      help="a closed month, e.g. 2016-09")
    qipp.add_argument("--out", required=True, type=Path, metavar="FILE.pdf|.xlsx")


def cmd_report_qipp(store, args: argparse.Namespace) -> int:
    from workbench.reports.qipp_report import build_qipp_report
    from workbench.reports.qipp_write import write_qipp_report
    from workbench.store.ledger_store import LedgerStore

    plan = store.load_plan()
    ledger = LedgerStore(store).load()
    report = build_qipp_report(plan, ledger, args.month.strip())
    written = write_qipp_report(report, args.out)
    print(f"Wrote the {report.title} for {plan.title} to {written}")
    return 0


def write_demo(store, plan) -> str:
    from workbench.store.ledger_demo import write_in_year_demo

    ledger = write_in_year_demo(store, plan)
    return f"with the in-year ledger closed through {ledger.closed_through}"


def in_year_figures(store, plan) -> dict[str, float | None]:
    """forecast_outturn_gbp and delivered_to_date_gbp (None while the ledger is not
    started), pounds to the penny."""
    from workbench.engine.ledger import compute_ledger
    from workbench.store.ledger_store import LedgerStore

    ledgers = LedgerStore(store)
    if not ledgers.has_ledger():
        return {"forecast_outturn_gbp": None, "delivered_to_date_gbp": None}
    results = compute_ledger(ledgers.load(), plan.schemes)
    return {"forecast_outturn_gbp": float(round(results.forecast_outturn, 2)),
            "delivered_to_date_gbp": float(round(results.delivered_to_date, 2)),
            "ledger_closed_through": results.closed_through}  # type: ignore[dict-item]
