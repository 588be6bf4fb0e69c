"""The hostile corpus in CI: every named case of tests/templates/hostile_corpus.py and some
seeded and hypothesis-generated mutations of all four templates; no traceback, no partial
import, every refusal located, bounded memory. WORKBENCH_HOSTILE_FULL=1 runs the whole
corpus (250 seeded mutations per template and 250 hypothesis examples per template)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from tests.templates import hostile_corpus as corpus
from workbench.templates.layouts.registry import spec_for

FULL = os.environ.get("WORKBENCH_HOSTILE_FULL") == "1"
PEAK_MB = 500  # per case, import and export --into together
SECONDS = 30  # per case, on a shared CI machine (about 3 s on an idle one)


def test_the_named_cases_and_seeded_mutations(capsys):
    tally = corpus.run(mutations=250 if FULL else 3)
    with capsys.disabled():
        print("\n" + tally.summary())
    assert tally.failures == [], "\n".join(f"{o.name}: {o.result}\n{o.detail}"
                                           for o in tally.failures)
    assert tally.worst("peak_mb").peak_mb < PEAK_MB, tally.summary()
    assert tally.worst("seconds").seconds < SECONDS, tally.summary()


_SOURCES: dict[str, Path] = {}


def source(kind: str) -> Path:
    if kind not in _SOURCES:
        _SOURCES[kind] = corpus.exported(kind, Path(tempfile.mkdtemp(prefix="hostile-src-")))
    return _SOURCES[kind]


VALUES = st.one_of(st.sampled_from(corpus.HOSTILE_VALUES), st.text(max_size=20),
                   st.integers(-10**16, 10**16), st.floats(width=64))
EDIT = st.one_of(
    st.tuples(st.just("cell"), st.integers(0, 20), st.integers(1, 60), st.integers(1, 32),
              VALUES),
    st.tuples(st.sampled_from(corpus.ROW_ACTIONS), st.integers(0, 20), st.integers(1, 40),
              st.integers(1, 3)),
    st.tuples(st.sampled_from(["remove", "rename"]), st.integers(0, 20)))


def apply_edit(wb, kind: str, edit) -> None:
    names = spec_for(kind).sheet_names
    sheet = names[edit[1] % len(names)]
    if sheet not in wb.sheetnames:
        return
    ws = wb[sheet]
    if edit[0] == "cell":
        ws.cell(edit[2], edit[3]).value = edit[4]
    elif edit[0] == "remove":
        wb.remove(ws)
    elif edit[0] == "rename":
        ws.title = sheet + " (old)"
    else:
        getattr(ws, edit[0])(edit[2], edit[3])


@pytest.mark.parametrize("kind", corpus.KINDS)
@settings(max_examples=250 if FULL else 8, deadline=None,
          suppress_health_check=list(HealthCheck))
@given(edits=st.lists(EDIT, min_size=1, max_size=8))
def test_hypothesis_mutations_of_each_template(kind, edits):
    wb = openpyxl.load_workbook(source(kind))
    for edit in edits:
        with contextlib.suppress(ValueError, TypeError, IndexError, IllegalCharacterError):
            apply_edit(wb, kind, edit)  # openpyxl refuses some edits (illegal characters ...)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mutated.xlsx"
        try:
            wb.save(path)
        except (ValueError, TypeError, IndexError):
            return  # openpyxl itself refuses to save this mutation
        outcome = corpus.check_one("hypothesis", path, kind)
    assert outcome.result in ("imported", "refused"), f"{outcome.result}\n{outcome.detail}"
    assert outcome.peak_mb < PEAK_MB
