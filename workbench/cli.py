"""Headless commands: `demo`, `summary` (and the GUI's store options).

Stable interface: other tools and tests call it. Every command takes `--db PATH` or
`--db-url URL`. Errors are one clear line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from workbench import __version__, analysis_cli, ledger_cli
from workbench.domain.errors import WorkbenchError
from workbench.domain.masking import mask

EXIT_ERROR = 2


def store_options() -> argparse.ArgumentParser:
    """--db / --db-url, shared by every command (accepted before or after the command)."""
    parent = argparse.ArgumentParser(add_help=False)
    where = parent.add_mutually_exclusive_group()
    where.add_argument("--db", metavar="PATH", type=Path, default=argparse.SUPPRESS,
                       help="a SQLite database file")
    where.add_argument("--db-url", metavar="URL", default=argparse.SUPPRESS,
                       help="any SQLAlchemy URL, e.g. postgresql+psycopg://host/db")
    return parent


def build_parser() -> argparse.ArgumentParser:
    common = store_options()
    parser = argparse.ArgumentParser(
        prog="workbench", parents=[common],
        description="Planning Workbench: operational planning for NHS commissioners.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--smoke", action="store_true",
                        help="open the main window on a temporary database, render every "
                             "main screen once and exit (0 = the install works)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = commands.add_parser("gui", parents=[common], help="open the main window (the default)")
    gui.add_argument("--screenshot", metavar="PNG", type=Path,
                     help="render the main window to a PNG file and exit")
    gui.add_argument("--smoke", action="store_true", default=argparse.SUPPRESS,
                     help="render every main screen on a temporary database and exit")
    demo = commands.add_parser("demo", parents=[common],
                               help="write a new database holding the demo plan")
    demo.add_argument("--plan", choices=("2016", "2009"), default="2016",
                      help="2016: Oxfordshire CCG's 2016/17 operational plan (the default); "
                           "2009: NHS Oxfordshire's Creating a Healthy Oxfordshire programme")
    demo.add_argument("--force", action="store_true", help="replace an existing plan")
    demo.add_argument("--in-year", action="store_true",
                      help="also the in-year ledger with April to September 2016 closed")
    summary = commands.add_parser("summary", parents=[common], help="print headline figures")
    summary.add_argument("--json", action="store_true", help="machine-readable output")
    export = commands.add_parser("export", parents=[common],
                                 help="fill an NHSE template workbook with the plan")
    export.add_argument("--template", required=True,
                        choices=("activity", "finance", "resilience", "bcf"))
    export.add_argument("--out", required=True, type=Path, metavar="FILE")
    export.add_argument("--into", type=Path, metavar="EXISTING.xlsx",
                        help="fill a copy of this workbook (e.g. an annotated copy) instead")
    imp = commands.add_parser("import", parents=[common],
                              help="check a filled template and apply it to the plan")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--check", action="store_true",
                     help="only print the validation report; exit 1 on any problem")
    actuals = commands.add_parser("actuals", parents=[common],
                                  help="add actuals from a CSV file (date, metric, value)")
    actuals.add_argument("file", type=Path, metavar="FILE.csv")
    actuals.add_argument("--check", action="store_true",
                         help="only check the file; exit 1 on any problem")
    commands.add_parser("backup", parents=[common],
                        help="write a backup of a SQLite plan into its backup folder")
    restore = commands.add_parser("restore", parents=[common],
                                  help="list a SQLite plan's backups, or restore one")
    which = restore.add_mutually_exclusive_group(required=True)
    which.add_argument("--list", action="store_true", help="list this plan's backups")
    which.add_argument("--from", dest="source", type=Path, metavar="FILE",
                       help="restore this backup (it must be a backup of this plan)")
    analysis_cli.add_parsers(commands, common)
    report = commands.add_parser("report", parents=[common], help="write a paper from the plan")
    kinds = report.add_subparsers(dest="report", metavar="KIND", required=True)
    board = kinds.add_parser("board", parents=[common],
                             help="the Governing Body paper as .pdf, .docx or .xlsx (tables)")
    board.add_argument("--out", required=True, type=Path, metavar="FILE.pdf|.docx|.xlsx")
    of = board.add_mutually_exclusive_group()
    of.add_argument("--version", dest="plan_version", metavar="NAME",
                    help="a frozen version of the plan instead of the working plan")
    of.add_argument("--scenario", metavar="NAME",
                    help="a scenario of the plan (its figures computed by the engine)")
    board.add_argument("--meeting", default="", metavar="YYYY-MM-DD",
                       help="the meeting date (else the one kept with the plan)")
    board.add_argument("--paper", default="", metavar="NN/NN", help="the paper number")
    ledger_cli.add_report_parser(kinds, common)
    return parser


def store_target(args: argparse.Namespace) -> str | Path:
    """The SQLAlchemy URL (a string) or file path (a Path: never read as a URL, whatever
    characters it holds) the user chose, or the default database."""
    from workbench.store import default_db_path

    if getattr(args, "db_url", None):
        return args.db_url
    if getattr(args, "db", None):
        return Path(args.db)
    return default_db_path()


def cmd_demo(args: argparse.Namespace) -> int:
    from workbench.domain.demo_2009 import demo_2009_plan
    from workbench.domain.demo_plan import demo_plan as demo_2016_plan
    from workbench.store import open_store
    from workbench.store.backups import backup_store

    demo_plan = demo_2009_plan if getattr(args, "plan", "2016") == "2009" else demo_2016_plan
    if getattr(args, "in_year", False) and demo_plan is demo_2009_plan:
        raise WorkbenchError("--in-year carries 2016/17's actuals; the 2009 programme has none "
                             "(use it without --in-year)")

    target = store_target(args)
    store = open_store(target, create=True)
    replaced = ""
    if store.list_plans():
        if not args.force:
            raise WorkbenchError(f"{mask(target)} already holds a plan; use --force to "
                                 "replace it")
        saved = backup_store(store.engine.url, "before-demo")
        replaced = store.delete_all_plans()
        if saved is not None:
            print(f"The plan it held was backed up to {saved}")
    plan = store.save_new_plan(demo_plan(), note=replaced)
    extra = f" {ledger_cli.write_demo(store, plan)}" if getattr(args, "in_year", False) else ""
    print(f"Wrote the demo plan ({plan.title}){extra} to {mask(target)}")
    return 0


SUMMARY_KEYS = {
    # JSON key: (PlanSummary field, label in the readable table)
    "allocation_gbp": ("allocation", "Core allocation"),
    "prior_year_allocation_gbp": ("prior_year_allocation", "Prior-year allocation"),
    "allocation_growth_gbp": ("growth", "Allocation growth"),
    "allocation_growth_pct": ("growth_pct", "Allocation growth %"),
    "total_allocation_gbp": ("total_allocation", "Total allocation (incl. running costs)"),
    "surplus_gbp": ("surplus", "Surplus (business rule)"),
    "uncommitted_reserve_gbp": ("uncommitted_reserve", "Uncommitted reserve"),
    "contingency_gbp": ("contingency", "Contingency"),
    "transformation_ringfence_gbp": ("transformation_ringfence", "Transformation ring-fence"),
    "transformation_ringfence_pct": ("transformation_ringfence_pct", "Ring-fence %"),
    "chc_risk_pool_gbp": ("chc_risk_pool", "CHC risk-pool contribution"),
    "baseline_spend_gbp": ("baseline_spend", "Recurrent baseline spend"),
    "tariff_pressure_gbp": ("tariff_pressure", "Tariff pressure"),
    "activity_growth_pct": ("activity_growth_pct", "Activity growth %"),
    "activity_growth_pressure_gbp": ("activity_growth_pressure", "Activity growth pressure"),
    "other_pressures_gbp": ("other_pressures", "Investments and other pressures"),
    "planned_spend_gbp": ("planned_spend", "Planned spend"),
    "savings_requirement_gbp": ("savings_requirement", "Savings requirement"),
    "savings_requirement_pct": ("savings_requirement_pct", "Savings requirement %"),
    "schemes_identified_gbp": ("schemes_identified", "Schemes identified"),
    "schemes_earmarked_gbp": ("schemes_earmarked", "Schemes earmarked"),
    "savings_gap_gbp": ("savings_gap", "Savings gap"),
    "schemes_risk_adjusted_gbp": ("schemes_risk_adjusted", "Schemes, risk-adjusted"),
    "savings_gap_risk_adjusted_gbp": ("savings_gap_risk_adjusted", "Savings gap, risk-adjusted"),
    "risks_gross_gbp": ("risks_gross", "Risks, gross"),
    "risks_weighted_gbp": ("risks_weighted", "Risks, likelihood-weighted"),
    "risks_after_mitigation_gbp": ("risks_after_mitigation", "Risks after mitigations"),
    "reserves_for_risk_gbp": ("reserves_for_risk", "Reserves (contingency, uncommitted)"),
    "risks_net_gbp": ("risks_net", "Net risk exposure"),
    "pooled_budget_gbp": ("pooled_budget", "Pooled budgets (every partner)"),
    "pooled_budget_ccg_variance_gbp": ("pooled_budgets_ccg_variance",
                                       "CCG share of pools' projected variance"),
    "risks_pooled_budgets_gbp": ("risks_pooled_budgets", "Risk: pooled budgets' overspends"),
    "contract_incentives_at_stake_gbp": ("contract_incentives_at_stake",
                                         "Contract incentives at stake"),
    "contract_income_gbp": ("contract_income", "Contract incentives earned"),
    "contract_risk_gbp": ("contract_risk", "Contract penalties at risk"),
}


def summary_figures(summary) -> dict[str, float]:
    """Pounds to the penny; percentages as percent (3.0 means 3.0%)."""
    out: dict[str, float] = {}
    for key, (field, _label) in SUMMARY_KEYS.items():
        value = Decimal(str(getattr(summary, field)))
        pct = key.endswith("_pct")
        out[key] = float(round(value * 100, 4)) if pct else float(round(value, 2))
    return out


YEAR_KEYS = ("allocation", "growth", "total_allocation", "holdbacks",
             "transformation_ringfence", "planned_spend", "savings_requirement",
             "schemes_identified", "schemes_earmarked", "savings_gap",
             "savings_gap_risk_adjusted")


def years_json(plan) -> list[dict]:
    """Each plan year's figures (engine.multi_year): pounds to the penny, percent, the
    firm / indicative mark and the seed's rules that year breaks."""
    from workbench.engine.multi_year import multi_year

    result = multi_year(plan)
    out = []
    for y in result.years:
        distance = y.distance_from_target_pct
        out.append({
            "year": y.label, "allocation_firm": y.firm,
            **{f"{k}_gbp": float(round(getattr(y, k), 2)) for k in YEAR_KEYS},
            "growth_pct": float(round(y.growth_pct * 100, 4)),
            "transformation_ringfence_pct": float(round(y.transformation_ringfence_pct * 100,
                                                        4)),
            "distance_from_target_pct": None if distance is None else float(
                round(distance * 100, 4)),
            "problems": [r.message for r in result.problems() if r.year == y.year],
        })
    return out


def pooled_by_partner(results) -> dict[str, float]:
    """Each partner's contribution to the pools, in pounds (the breakdown of the total)."""
    system = results.system
    return {name: float(value) for name, value in (system.pools.by_partner if system else ())}


def cmd_summary(args: argparse.Namespace) -> int:
    from workbench.engine import compute
    from workbench.store import open_store

    store = open_store(store_target(args))
    plan = store.load_plan()
    results = compute(plan)
    figures = summary_figures(results.summary)
    avoided = round(results.nel_admissions_avoided, 1)
    if args.json:
        print(json.dumps({"organisation": plan.organisation, "ods_code": plan.ods_code,
                          "year": plan.first_year.label, **figures,
                          "nel_admissions_avoided": avoided,
                          **ledger_cli.in_year_figures(store, plan),
                          "pooled_budget_by_partner_gbp": pooled_by_partner(results),
                          "trajectories": [s.as_dict() for s in results.trajectory_status],
                          "years": years_json(plan)},
                         indent=2))
        return 0
    print(plan.title)
    width = max(len(label) for _field, label in SUMMARY_KEYS.values())
    for key, value in figures.items():
        text = f"{value:,.1f}%" if key.endswith("_pct") else f"£{value:,.0f}"
        print(f"  {SUMMARY_KEYS[key][1]:<{width}} {text:>16}")
    print(f"  {'Non-elective admissions avoided':<{width}} {avoided:>16,.0f}")
    for status in results.trajectory_status:
        where = f" at {status.period}" if status.period else ""
        print(f"  {status.metric}: {status.status.value}{where}")
    for year in years_json(plan):
        mark = "firm" if year["allocation_firm"] else "indicative"
        print(f"  {year['year']} ({mark}): requirement £{year['savings_requirement_gbp']:,.0f}"
              f", gap £{year['savings_gap_gbp']:,.0f}"
              + "".join(f"; {p}" for p in year["problems"]))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from workbench.store import open_store
    from workbench.templates import export_template

    plan = open_store(store_target(args)).load_plan()
    notes: list[str] = []
    written = export_template(plan, args.template, args.out, into=args.into, notes=notes)
    print(f"Wrote the {args.template} template for {plan.title} to {written}")
    for note in notes:
        print(f"  Warning: {note}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Validate everything first; apply in one transaction only if there is no Problem."""
    from workbench.templates import plan_import

    if not args.file.is_file():
        raise WorkbenchError(f"no file at {args.file}")
    return _check_then_apply(args, plan_import, f"Imported {args.file.name}",
                             "Imported {file} into {store}.")


def cmd_actuals(args: argparse.Namespace) -> int:
    """All rows or none: any problem in the file and the plan is left as it was."""
    from workbench.csv_inputs.actuals import read_actuals

    return _check_then_apply(args, read_actuals, f"Actuals from {args.file.name}",
                             "Added the actuals in {file} to {store}.")


def _check_then_apply(args: argparse.Namespace, read, note: str, done: str) -> int:
    """Print the report of `read(file, plan)`; with no problem and without --check, apply
    its edit as one audited import. Exit 1 if there was a problem."""
    from workbench.store import open_store

    store = open_store(store_target(args))
    report = read(args.file, store.load_plan())
    unread = file_error(report)
    if unread:  # the file itself could not be read: one line on stderr, exit 2
        raise WorkbenchError(unread)
    print(report.text())
    if report.edit is None:  # any problem withholds the edit
        if not args.check:
            print("Nothing was imported: fix the problems above and try again.")
        return 1
    if not args.check:
        from workbench.store.backups import backup_store

        backup_store(store.engine.url, "before-import")
        store.apply(report.edit, action="import", note=note)
        print(done.format(file=args.file.name, store=store.label))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """Headless: reportlab, python-docx and openpyxl only, never Qt."""
    from workbench.reports import build_board_paper, cover_from_plan, write_board_paper
    from workbench.reports.basis import PaperBasis, basis_plan, find_basis
    from workbench.store import open_store

    store = open_store(store_target(args))
    if args.report == "qipp":
        return ledger_cli.cmd_report_qipp(store, args)
    plan = store.load_plan()
    basis = PaperBasis("working")
    if args.plan_version:
        basis = find_basis(store, plan, "version", args.plan_version)
    elif args.scenario:
        basis = find_basis(store, plan, "scenario", args.scenario)
    cover = cover_from_plan(plan, meeting_date=args.meeting, paper_number=args.paper)
    paper = build_board_paper(basis_plan(store, plan, basis), cover, basis=basis.label)
    written = write_board_paper(paper, args.out)
    print(f"Wrote the board paper for {plan.title} to {written}")
    return 0


def _sqlite_file(args: argparse.Namespace) -> Path:
    target = store_target(args)
    if not isinstance(target, Path):
        raise WorkbenchError("backup and restore work on SQLite files; for PostgreSQL use "
                             "pg_dump and pg_restore (see README)")
    if not target.is_file():
        raise WorkbenchError(f"no database at {target}")
    return target


def cmd_backup(args: argparse.Namespace) -> int:
    from workbench.store.backups import take_backup
    from workbench.store.opening import open_store

    db = _sqlite_file(args)
    open_store(db).engine.dispose()  # ours, and at the current schema
    print(f"Backed up {db} to {take_backup(db)}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """--list: this plan's backups; --from FILE: restore it, refused while another copy
    of the app holds the plan."""
    from workbench.store.backups import list_backups, restore_backup
    from workbench.store.plan_lock import acquire

    db = _sqlite_file(args)
    if args.list:
        for backup in list_backups(db):
            print(f"{backup.taken:%Y-%m-%d %H:%M:%S}  {backup.size:>10,} bytes  {backup.path}")
        return 0
    if not args.source.is_file():
        raise WorkbenchError(f"no backup at {args.source}")
    lock = acquire(db)
    try:
        before = restore_backup(args.source, db)
    finally:
        lock.release()
    print(f"Restored {db} from {args.source}; what it held before is in {before}")
    return 0


def file_error(report) -> str:
    """The one line to print when the file could not be read at all (not a workbook, too
    large, damaged, not one of the templates); "" when it was read and checked."""
    if getattr(report, "template", None) == "" and report.findings:
        first = report.findings[0]
    else:
        problems = [f for f in report.findings if f.severity == "Problem"]
        if not problems or any(f.sheet or f.cell for f in problems):
            return ""
        first = problems[0]
    where = ", ".join(p for p in (first.file, first.where if first.sheet else "") if p)
    return f"{where}: {first.message}" if where else first.message


COMMANDS = {"demo": cmd_demo, "summary": cmd_summary, "export": cmd_export,
            "import": cmd_import, "actuals": cmd_actuals, "backup": cmd_backup,
            "restore": cmd_restore, "report": cmd_report, **analysis_cli.COMMANDS}


def run(args: argparse.Namespace) -> int:
    """Run a headless command, turning known errors into one line on stderr."""
    try:
        return COMMANDS[args.command](args)
    except WorkbenchError as exc:
        print(f"workbench: error: {mask(exc)}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("workbench: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Headless entry point; the GUI lives in workbench.app, which calls this for commands."""
    args = build_parser().parse_args(argv)
    if args.command in (None, "gui"):
        print("workbench: the GUI starts from workbench.app", file=sys.stderr)
        return EXIT_ERROR
    return run(args)
