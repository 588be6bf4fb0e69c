"""Reopening a plan paints its first screen from the figures kept at the last close
(engine.kept), before pandas loads; the engine's own figures then take over and read the
same. A plan changed since, or an edit typed before the engine has loaded, shows the
engine's figures."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.store.conftest import PG_URL, _fresh_pg_database
from tests.ui.start_probe import state_at_start
from tests.ui.test_chart_updates import type_into_cell
from workbench.domain.edits import EntityKind, SetField
from workbench.engine import compute
from workbench.store import open_store
from workbench.store.kept_files import kept_path, read_kept
from workbench.ui.launcher import Launcher, lock_plan, open_plan
from workbench.ui.main_window import MainWindow
from workbench.ui.panels.summary_panel import ROWS
from workbench.ui.plan_controller import PlanController


@pytest.fixture
def db(tmp_path, monkeypatch) -> Path:
    monkeypatch.setattr("workbench.ui.main_window.QMessageBox.warning", lambda *a, **k: None)
    path = tmp_path / "plan.db"
    store, _plan = open_plan(str(path))
    store.engine.dispose()
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, db) -> str:
    """The plan's database: the SQLite file, or a fresh database on the test server."""
    if request.param == "sqlite":
        return str(db)
    if not PG_URL:
        pytest.skip("WORKBENCH_TEST_PG_URL not set")
    url = _fresh_pg_database(PG_URL)
    store, _plan = open_plan(url)
    store.engine.dispose()
    return url


@pytest.fixture
def opened(qtbot):
    """open(db) -> a window on it, as the app opens a plan (not shown yet); every window
    opened is closed, its database let go and its lock released at the end."""
    windows: list[MainWindow] = []

    def open_window(path: Path | str) -> MainWindow:
        window = Launcher(lock_plan).open(str(path), on_failure_ask=False, raise_errors=True)
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield open_window
    for window in windows:
        close(window)


def close(window: MainWindow) -> None:
    if window.isVisible():
        window.close()
    window.controller.store.engine.dispose()
    if window.plan_lock is not None:
        window.plan_lock.release()
        window.plan_lock = None


def show(qtbot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()


def on_screen(window: MainWindow) -> tuple[dict, list]:
    """The summary's figures and every cell of the Schemes table, as shown."""
    summary = {key: window.summary.text_of(key) for key, *_ in ROWS if key is not None}
    model = window.tables[EntityKind.SCHEME].view.model()
    cells = [[model.index(r, c).data(Qt.ItemDataRole.DisplayRole)
              for c in range(model.columnCount())] for r in range(model.rowCount())]
    return summary, cells


def close_once(qtbot, window: MainWindow) -> None:
    """Open, paint and close: what keeps the figures for the next start."""
    show(qtbot, window)
    qtbot.waitUntil(lambda: window.controller.settled)
    close(window)


def test_a_reopened_plan_opens_on_its_kept_figures_then_the_engines(qtbot, target, opened):
    first = opened(target)
    assert first.controller.settled  # nothing kept yet: the engine computed before the paint
    close_once(qtbot, first)
    assert read_kept(target, first.controller.plan.id) is not None

    again = opened(target)
    assert not again.controller.settled  # the kept figures stand in
    before = on_screen(again)
    show(qtbot, again)
    qtbot.waitUntil(lambda: again.controller.settled)
    assert on_screen(again) == before  # the engine's figures read the same
    identified = again.controller.results.summary.schemes_identified
    assert identified == compute(again.controller.plan).summary.schemes_identified
    assert before[0]["schemes_identified"] == again.summary.text_of("schemes_identified")
    assert any(cell not in (None, "") for row in before[1] for cell in row)


def test_a_plan_changed_elsewhere_opens_on_the_engines_figures(qtbot, target, opened):
    """A colleague's edit after the last close here (on a shared server, any edit): the
    kept figures are another plan's, so the engine computes before the first paint."""
    close_once(qtbot, opened(target))
    colleague = open_store(target)
    try:
        scheme = colleague.load_plan().schemes[0]
        colleague.apply(SetField(EntityKind.SCHEME, scheme.id, "gross_saving",
                                 scheme.gross_saving, scheme.gross_saving + 100_000))
        expected = compute(colleague.load_plan()).summary
    finally:
        colleague.engine.dispose()

    window = opened(target)
    assert window.controller.settled  # the kept figures were another plan's: not used
    assert window.controller.results.summary == expected
    show(qtbot, window)
    fmt = next(f for key, _label, f, _tip in ROWS if key == "schemes_identified")
    assert window.summary.text_of("schemes_identified") == fmt(expected.schemes_identified)


def test_an_edit_typed_before_the_engine_loads_shows_the_engines_figures(
        qtbot, db, opened, monkeypatch):
    """The window painted on kept figures, the engine's results not yet in (settle held
    back): a gross saving typed then is stored, and every figure shown is the engine's."""
    close_once(qtbot, opened(db))
    monkeypatch.setattr(PlanController, "settle", lambda self: None)
    window = opened(db)
    show(qtbot, window)
    assert not window.controller.settled
    shown_before = window.summary.text_of("schemes_identified")

    type_into_cell(qtbot, window.tables[EntityKind.SCHEME], "Gross saving", 0, "2500000")
    qtbot.waitUntil(lambda: window.controller.settled)
    QApplication.processEvents()

    store = open_store(db)
    try:
        stored = store.load_plan()
    finally:
        store.engine.dispose()
    scheme = window.tables[EntityKind.SCHEME].view.model()
    assert 2_500_000 in [int(s.gross_saving) for s in stored.schemes]
    expected = compute(stored).summary
    assert window.controller.results.summary == expected
    fmt = next(f for key, _label, f, _tip in ROWS if key == "schemes_identified")
    assert window.summary.text_of("schemes_identified") == fmt(expected.schemes_identified)
    assert window.summary.text_of("schemes_identified") != shown_before
    assert scheme.rowCount() == len(stored.schemes)


def test_a_reopened_plan_is_painted_before_pandas_loads(tmp_path, db):
    """In a new process, as `workbench --db` starts: the first start loads pandas before
    its first paint (nothing is kept yet), the next one only after it."""
    seen = [state_at_start(tmp_path, db, "'pandas' in sys.modules") for _ in range(2)]
    assert seen[0] == {"shown": True, "complete": True}
    assert seen[1] == {"shown": False, "complete": True}


@pytest.mark.parametrize("content", [b"", b"{not json", b'{"format": 1, "digest": 7}',
                                     b"\x00" * 1000])
def test_a_damaged_kept_file_opens_on_the_engines_figures(qtbot, db, opened, content):
    first = opened(db)
    close_once(qtbot, first)
    kept_path(str(db), first.controller.plan.id).write_bytes(content)
    window = opened(db)
    assert window.controller.settled  # the file was ignored: the engine computed
    show(qtbot, window)
    assert window.controller.results.summary == compute(window.controller.plan).summary


def test_figures_tampered_under_the_right_digest_give_way_to_the_engines(
        qtbot, db, opened, caplog):
    """Someone with the user's own cache folder could write figures under the plan's
    digest: they show until the engine's arrive just after the first paint, and the
    difference is logged."""
    first = opened(db)
    close_once(qtbot, first)
    path = kept_path(str(db), first.controller.plan.id)
    data = json.loads(path.read_text())
    data["summary"]["schemes_identified"] = "1"
    path.write_text(json.dumps(data))
    window = opened(db)
    assert not window.controller.settled
    assert window.summary.text_of("schemes_identified") == "£1"  # the tampered figure
    with caplog.at_level(logging.WARNING):
        show(qtbot, window)
        qtbot.waitUntil(lambda: window.controller.settled)
    expected = compute(window.controller.plan).summary.schemes_identified
    fmt = next(f for key, _label, f, _tip in ROWS if key == "schemes_identified")
    assert window.summary.text_of("schemes_identified") == fmt(expected) != "£1"
    assert "differed from the engine's" in caplog.text
