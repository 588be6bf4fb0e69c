"""Input sources in a real database (SQLite and PG): stored with the plan, read back as
saved, carried into a frozen version, editable, and empty for rows without one."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import EntityKind, SetField
from workbench.store import open_store
from workbench.store.versions import freeze_version, load_version

ROWS = ("spend_lines", "pressures", "workstreams", "schemes", "risks", "activity_lines",
        "trajectories")


def _sources(plan) -> dict[str, list[str]]:
    return {attr: [r.source for r in getattr(plan, attr)] for attr in ROWS}


def test_sources_are_saved_read_back_and_frozen_with_a_version(store):
    original = demo_plan()
    loaded = store.load_plan()
    assert _sources(loaded) == _sources(original)
    assert loaded.driver_sources == original.driver_sources
    version = freeze_version(store, "With sources")
    frozen = load_version(store, version)
    assert _sources(frozen) == _sources(original)
    assert frozen.driver_sources == original.driver_sources


def test_a_source_is_an_edit_like_any_field(store):
    plan = store.load_plan()
    risk = plan.risks[0]
    store.apply(SetField(EntityKind.RISK, risk.id, "source", risk.source, "chosen: reviewed"))
    assert store.load_plan().risks[0].source == "chosen: reviewed"
    store.apply(SetField(EntityKind.RISK, risk.id, "source", "chosen: reviewed", ""))
    assert store.load_plan().risks[0].source == ""


def test_rows_without_a_source_store_null(tmp_path):
    path = tmp_path / "plan.db"
    store = open_store(str(path), create=True)
    plan = demo_plan()
    plan.schemes[0].source = ""
    plan.driver_sources = {}
    store.save_new_plan(plan)
    store.engine.dispose()
    with closing(sqlite3.connect(path)) as conn:
        nulls = conn.execute("SELECT count(*) FROM schemes WHERE source IS NULL").fetchone()
        drivers = conn.execute("SELECT driver_sources FROM plans").fetchone()
    assert nulls == (1,) and drivers == (None,)
    reopened = open_store(str(path))
    loaded = reopened.load_plan()
    assert loaded.schemes[0].source == "" and loaded.driver_sources == {}
    assert loaded.schemes[1].source.startswith("001: ")
    reopened.engine.dispose()
