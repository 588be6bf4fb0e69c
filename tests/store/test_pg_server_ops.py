"""PostgreSQL from IT's side: the pg_dump / pg_restore route the README documents gives
back a plan the app opens with the same figures, and a server restart between two edits
costs no error (pool_pre_ping), while a write in flight at the restart is reported, never
acknowledged and lost."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import create_engine, text

from tests.store.conftest import PG_URL, _fresh_pg_database
from workbench.cli import main
from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import EntityKind, SetField
from workbench.domain.errors import StoreError
from workbench.store import open_store

pytestmark = pytest.mark.skipif(not PG_URL, reason="WORKBENCH_TEST_PG_URL not set "
                                "(no PostgreSQL test server)")


def _pg_bin(tool: str) -> str:
    """`tool` from the server's own PostgreSQL install (same version as the server)."""
    installs = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{tool}"),
                      key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0)
    found = str(installs[-1]) if installs else shutil.which(tool)
    if not found:
        pytest.skip(f"{tool} is not installed")
    return found


def _where(url: str) -> tuple[list[str], str]:
    """libpq options (-h socket folder, -p port, -U role) and the database name."""
    parts = urlsplit(url.replace("postgresql+psycopg", "postgresql"))
    query = parse_qs(parts.query)
    options = ["-h", query["host"][0], "-p", query["port"][0], "-U", parts.username or "app"]
    return options, parts.path.lstrip("/")


def _summary(url: str, capsys) -> dict:
    assert main(["summary", "--db-url", url, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_pg_dump_and_pg_restore_give_back_the_same_plan(tmp_path, capsys):
    source = _fresh_pg_database(PG_URL)
    assert main(["demo", "--db-url", source]) == 0
    store = open_store(source)
    plan = store.load_plan()
    store.apply(SetField(EntityKind.SCHEME, plan.schemes[0].id, "gross_saving",
                         plan.schemes[0].gross_saving, 1_234_567))
    store.engine.dispose()
    capsys.readouterr()
    before = _summary(source, capsys)
    options, name = _where(source)
    dump = tmp_path / "plan.dump"
    subprocess.run([_pg_bin("pg_dump"), *options, "-Fc", "-d", name, "-f", str(dump)],
                   check=True, capture_output=True)
    target = _fresh_pg_database(PG_URL)  # a fresh, empty database
    options, fresh = _where(target)
    subprocess.run([_pg_bin("pg_restore"), *options, "-d", fresh, str(dump)],
                   check=True, capture_output=True)
    after = _summary(target, capsys)
    assert after == before
    restored, original = open_store(target), open_store(source)
    assert restored.load_plan().schemes[0].gross_saving == 1_234_567
    assert restored.load_plan() == original.load_plan()
    assert restored.history_count() == original.history_count() > 0  # the history too
    scheme = restored.load_plan().schemes[0]  # and it takes edits (sequences restored)
    restored.apply(SetField(EntityKind.SCHEME, scheme.id, "gross_saving",
                            scheme.gross_saving, 7_654_321))
    assert restored.history_count() == original.history_count() + 1
    for each in (restored, original):
        each.engine.dispose()


def _restart_server(url: str) -> None:
    """pg_ctl restart (fast: sessions are ended) of the test server, as its owner."""
    folder = Path(parse_qs(urlsplit(url).query)["host"][0])
    command = [_pg_bin("pg_ctl"), "-D", str(folder / "data"), "-l", str(folder / "log"),
               "-m", "fast", "-w", "restart"]
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    # no pipes: the restarted server would hold them open
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                          timeout=60)
    assert done.returncode == 0


@pytest.fixture
def store():
    url = _fresh_pg_database(PG_URL)
    store = open_store(url, create=True)
    store.save_new_plan(demo_plan())
    yield store
    store.engine.dispose()


def _set_saving(store, value: int) -> None:
    scheme = store.load_plan().schemes[0]
    store.apply(SetField(EntityKind.SCHEME, scheme.id, "gross_saving", scheme.gross_saving,
                         value))


def test_edits_go_on_after_the_server_restarts(store):
    _set_saving(store, 111_111)  # a pooled connection now exists
    _restart_server(PG_URL)
    plan = store.load_plan()  # the dropped connection is replaced, no error
    assert plan.schemes[0].gross_saving == 111_111
    _set_saving(store, 222_222)
    assert store.load_plan().schemes[0].gross_saving == 222_222


def test_a_write_in_flight_at_a_restart_is_reported_not_lost(store):
    plan = store.load_plan()
    scheme = plan.schemes[0]
    store.lock_timeout_s = 60  # it waits on the colleague's lock until the restart
    holder = create_engine(store.engine.url)
    locked, outcome = threading.Event(), {}

    def colleague() -> None:
        try:
            with holder.begin() as conn:
                conn.execute(text("SELECT * FROM schemes FOR UPDATE"))
                locked.set()
                time.sleep(30)
        except Exception as exc:  # noqa: BLE001 (ended by the restart, as expected)
            outcome["colleague"] = exc

    def edit() -> None:
        try:
            store.apply(SetField(EntityKind.SCHEME, scheme.id, "gross_saving",
                                 scheme.gross_saving, 333_333))
            outcome["edit"] = "acknowledged"
        except StoreError as exc:
            outcome["edit"] = exc

    threading.Thread(target=colleague, daemon=True).start()
    assert locked.wait(10)
    writer = threading.Thread(target=edit, daemon=True)
    writer.start()
    time.sleep(1.0)  # the edit is waiting on the lock, inside its transaction
    assert writer.is_alive()
    _restart_server(PG_URL)
    writer.join(30)
    holder.dispose()
    stored = store.load_plan().schemes[0].gross_saving
    # reported and not stored, or acknowledged and stored: never acknowledged and lost
    if outcome["edit"] == "acknowledged":
        assert stored == 333_333
    else:
        assert isinstance(outcome["edit"], StoreError)
        assert "not saved" in str(outcome["edit"])
        assert stored == scheme.gross_saving
    assert outcome["edit"] != "acknowledged"  # the restart ended its transaction
    _set_saving(store, 444_444)  # and the next edit goes through
    assert store.load_plan().schemes[0].gross_saving == 444_444
