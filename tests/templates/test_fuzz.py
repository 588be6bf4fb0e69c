"""Fuzzed mutations of a valid workbook: never a crash, never a partial import, and every
problem names where it is."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import tempfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from tests.templates.helpers import LocalKeyStore, demo
from workbench.domain.edits import apply_to_plan
from workbench.engine import compute
from workbench.templates.pipeline.exporter import export_template
from workbench.templates.pipeline.importer import plan_import

SHEETS = ["Cover", "Allocations", "Assumptions", "Expenditure", "Investment", "QIPP", "Risk",
          "Workstreams", "Milestones", "Summary", "Checklist"]
VALUES = st.one_of(
    st.none(), st.text(max_size=12), st.integers(-10**12, 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32), st.booleans(),
    st.sampled_from(["#REF!", "#N/A", "#DIV/0!", "=1/0", "=#REF!", "=A1", "-", "(1,234)",
                     "£5", "1.9%", "Identified", "Y", "N", "2016/17", "2099/00", "Total",
                     "Urgent and Emergency Care", "x" * 300]),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)),
)
CELL_EDIT = st.tuples(st.just("cell"), st.sampled_from(SHEETS), st.integers(1, 45),
                      st.integers(1, 32), VALUES)
ROW_EDIT = st.tuples(st.sampled_from(["insert_rows", "delete_rows", "insert_cols",
                                      "delete_cols"]), st.sampled_from(SHEETS),
                     st.integers(1, 40), st.integers(1, 3))
SHEET_EDIT = st.tuples(st.sampled_from(["remove", "rename"]), st.sampled_from(SHEETS))
EDITS = st.lists(st.one_of(CELL_EDIT, CELL_EDIT, CELL_EDIT, ROW_EDIT, SHEET_EDIT), min_size=1,
                 max_size=6)

_SOURCE: dict[str, Path] = {}


def source() -> Path:
    if "path" not in _SOURCE:
        folder = Path(tempfile.mkdtemp(prefix="fuzz-source-"))
        _SOURCE["path"] = export_template(demo()[0], "finance", folder / "demo.xlsx")
    return _SOURCE["path"]


def mutate(wb, edit) -> None:
    action, sheet = edit[0], edit[1]
    if sheet not in wb.sheetnames:
        return
    ws = wb[sheet]
    if action == "cell":
        ws.cell(edit[2], edit[3]).value = edit[4]
    elif action == "remove":
        wb.remove(ws)
    elif action == "rename":
        ws.title = sheet + " (old)"
    else:
        getattr(ws, action)(edit[2], edit[3])


def assert_safe(report, plan) -> None:
    if not report.ok:
        assert report.edit is None
    for finding in report.problems:
        assert finding.file and finding.message
        if finding.sheet and "sheet is missing" not in finding.message:
            assert finding.cell, finding
    if report.ok:
        applied = LocalKeyStore().apply(report.edit)
        trial = copy.deepcopy(plan)
        apply_to_plan(trial, applied)
        compute(trial)


@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(EDITS)
def test_mutated_workbooks_never_crash_or_half_import(edits):
    plan, _ = demo()
    wb = openpyxl.load_workbook(source())
    for edit in edits:
        with contextlib.suppress(ValueError, TypeError, IndexError, IllegalCharacterError):
            mutate(wb, edit)  # openpyxl refuses some edits (illegal characters ...)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mutated.xlsx"
        try:  # through our own handle, closed even when openpyxl's writer fails midway
            with path.open("wb") as handle:
                wb.save(handle)
        except (ValueError, TypeError, IndexError, AttributeError):
            return  # openpyxl itself cannot save this mutation (e.g. a number in a text node)
        assert_safe(plan_import(path, plan), plan)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(st.integers(0, 200_000), st.integers(0, 255)), min_size=1,
                max_size=8), st.one_of(st.none(), st.integers(0, 200_000)))
def test_corrupted_bytes_never_crash(flips, cut):
    plan, _ = demo()
    data = bytearray(source().read_bytes())
    for offset, byte in flips:
        data[offset % len(data)] = byte
    if cut is not None:
        data = data[:cut]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corrupt.xlsx"
        path.write_bytes(bytes(data))
        assert_safe(plan_import(path, plan), plan)
