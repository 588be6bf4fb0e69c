"""A colleague's long transaction never hangs an edit: PostgreSQL lock and statement
timeouts end the wait with a clear message, and a dropped connection is replaced."""

from __future__ import annotations

import threading
import time
from decimal import Decimal

import pytest
from sqlalchemy import create_engine, text

from workbench.domain.edits import EntityKind, SetField
from workbench.domain.errors import StoreError

HOLD_SECONDS = 4


@pytest.fixture
def pg_store(store):
    if store.engine.dialect.name != "postgresql":
        pytest.skip("timeouts are PostgreSQL's")
    store.lock_timeout_s = 1
    return store


def hold_row_lock(url: str, sql: str, seconds: float) -> threading.Event:
    """Another session locks rows and keeps its transaction open for `seconds`."""
    locked = threading.Event()

    def run() -> None:
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text(sql))
            locked.set()
            time.sleep(seconds)
        engine.dispose()

    threading.Thread(target=run, daemon=True).start()
    assert locked.wait(10)
    return locked


def test_an_edit_waiting_on_a_colleagues_lock_gives_up_with_a_clear_message(pg_store):
    plan = pg_store.load_plan()
    scheme = plan.schemes[0]
    url = pg_store.engine.url.render_as_string(hide_password=False)
    hold_row_lock(url, f"SELECT * FROM schemes WHERE id = {scheme.id} FOR UPDATE",
                  HOLD_SECONDS)
    start = time.perf_counter()
    with pytest.raises(StoreError, match="busy") as caught:
        pg_store.apply(SetField(EntityKind.SCHEME, scheme.id, "gross_saving",
                                scheme.gross_saving, Decimal(1)))
    waited = time.perf_counter() - start
    assert waited < HOLD_SECONDS - 1, waited
    assert "not saved" in str(caught.value) and "try again" in str(caught.value)


def test_after_a_server_restart_of_connections_the_next_edit_succeeds(pg_store):
    plan = pg_store.load_plan()  # the store's pool now holds a connection
    admin = create_engine(pg_store.engine.url.render_as_string(hide_password=False))
    with admin.begin() as conn:  # as a server restart would, every other session is cut
        cut = conn.execute(text(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE pid <> pg_backend_pid() AND datname = current_database()")).scalar()
    admin.dispose()
    assert cut >= 1
    pg_store.apply(SetField(EntityKind.PLAN, plan.id, "name", plan.name, "After restart"))
    assert pg_store.load_plan().name == "After restart"
