"""After the PostgreSQL server restarts under an open window, the next edit, typed as a
user would, is stored without a word of error (dropped connections are replaced)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.store.conftest import PG_URL, _fresh_pg_database
from tests.store.test_pg_server_ops import _restart_server
from tests.ui.test_window_never_freezes import type_into_first_saving
from workbench.store import open_store
from workbench.ui.launcher import Launcher, lock_plan

pytestmark = pytest.mark.skipif(not PG_URL, reason="WORKBENCH_TEST_PG_URL not set "
                                "(no PostgreSQL test server)")


def test_an_edit_after_a_server_restart_is_stored_without_an_error(qtbot, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr("workbench.ui.main_window.QMessageBox.warning",
                        lambda _parent, _title, text, *a, **k: shown.append(text))
    url = _fresh_pg_database(PG_URL)
    window = Launcher(lock_plan).open(url, on_failure_ask=False)
    qtbot.addWidget(window)
    window.show()
    window.guard.poll_timer.stop()
    editor = type_into_first_saving(window, qtbot, "111111")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # a pooled connection is in use
    qtbot.waitUntil(lambda: window.controller.plan.schemes[0].gross_saving == 111111)
    _restart_server(PG_URL)
    editor = type_into_first_saving(window, qtbot, "222222")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.controller.plan.schemes[0].gross_saving == 222222)
    assert not shown
    assert not window.isWindowModified()  # the title shows no unsaved change
    window.history_dock.show()  # reads go on too
    assert window.history.entries() and window.history.notice.isHidden()
    stored = open_store(url)
    assert stored.load_plan().schemes[0].gross_saving == 222222
    stored.engine.dispose()
    window.controller.store.engine.dispose()
