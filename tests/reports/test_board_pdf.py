"""The PDF paper: its text holds the demo plan's headlines and the cover; every page says
which paper it is; the CLI writes it without loading Qt."""

from __future__ import annotations

import subprocess
import sys

from pypdf import PdfReader

from workbench.cli import main
from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import EntityKind, SetField
from workbench.reports import build_board_paper, write_board_paper
from workbench.reports.cover import cover_edit
from workbench.store import open_store
from workbench.store.versions import freeze_version


def _pdf_pages(path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def test_pdf_holds_the_cover_and_the_headline_figures(tmp_path, cover):
    out = write_board_paper(build_board_paper(demo_plan(), cover), tmp_path / "paper.pdf")
    pages = _pdf_pages(out)
    assert 4 <= len(pages) <= 10
    first, text = pages[0], " ".join(pages)
    for field in ("10 March 2016", "16/12", cover.title, cover.purpose, cover.author,
                  cover.clinical_lead, cover.action_required, cover.financial_implications,
                  "Preventing People from Dying Prematurely", "Equality analysis completed"):
        assert field in first, field
    for figure in ("£727.6m", "£22.4m", "£7.0m", "£2.1m", "£13.3m", "£28.4m", "22,394",
                   "13,294", "Ability to negotiate balanced", "A&E 4-hour performance",
                   "Off track", "Maternity pathway standardisation", "Risk heat map",
                   "Cumulative savings against the requirement", "Process limits",
                   "Making Data Count", "Hit and miss: the target is within the limits"):
        assert figure in text, figure
    assert not any(page.images for page in PdfReader(out).pages)  # charts are vectors
    for number, page in enumerate(pages, start=1):
        assert "Paper 16/12 · 10 March 2016 · Oxfordshire CCG" in page
        assert f"Page {number} of {len(pages)}" in page
    assert PdfReader(out).metadata.title == cover.title


def test_cli_writes_the_paper_headless_with_the_kept_cover(tmp_path, cover):
    db = tmp_path / "plan.db"
    store = open_store(str(db), create=True)
    store.apply(cover_edit(store.save_new_plan(demo_plan()), cover))
    out = tmp_path / "board.pdf"
    script = ("import sys; from workbench.cli import main; "
              f"code = main(['report', 'board', '--db', r'{db}', '--out', r'{out}', "
              "'--paper', '16/20']); "
              "assert not [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))]; "
              "sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    first = _pdf_pages(out)[0]
    assert "16/20" in first and cover.author in first  # --paper wins; the rest is kept


def test_cli_errors_are_one_line_with_exit_2(tmp_path, capsys):
    db = tmp_path / "plan.db"
    assert main(["demo", "--db", str(db)]) == 0
    cases = [(["--out", str(tmp_path / "paper.doc")], "not .doc"),
             (["--out", str(tmp_path / "p.pdf"), "--meeting", "2016-13-10"], "meeting date"),
             (["--out", str(tmp_path / "p.pdf"), "--version", "Final"], "no version named"),
             (["--out", str(tmp_path / "none" / "p.pdf")], "does not exist")]
    for args, says in cases:
        capsys.readouterr()
        assert main(["report", "board", "--db", str(db), *args]) == 2
        err = capsys.readouterr().err
        assert says in err and err.count("\n") == 1, err


def test_cli_reports_a_frozen_version_not_the_working_plan(tmp_path, cover, capsys):
    db = tmp_path / "plan.db"
    store = open_store(str(db), create=True)
    plan = store.save_new_plan(demo_plan())
    store.apply(cover_edit(plan, cover))
    freeze_version(store, "Submission 1")
    scheme = store.load_plan().schemes[0]
    store.apply(SetField(EntityKind.SCHEME, scheme.id, "name", scheme.name, "Renamed scheme"))
    out = tmp_path / "v1.pdf"
    assert main(["report", "board", "--db", str(db), "--out", str(out),
                 "--version", "Submission 1"]) == 0
    text = " ".join(_pdf_pages(out))
    assert scheme.name in text and "Renamed scheme" not in text
    assert cover.author in text  # the cover was kept with the plan when it was frozen
