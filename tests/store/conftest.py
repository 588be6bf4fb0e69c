"""Store tests run on SQLite, and on PostgreSQL too when WORKBENCH_TEST_PG_URL is set."""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text

PG_URL = os.environ.get("WORKBENCH_TEST_PG_URL")


def _fresh_pg_database(base_url: str) -> str:
    """A new empty database on the test server, so tests never see each other's rows."""
    name = f"wb_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    head, _, query = base_url.partition("?")
    return f"{head.rsplit('/', 1)[0]}/{name}" + (f"?{query}" if query else "")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "plan.db")
    if not PG_URL:
        pytest.skip("WORKBENCH_TEST_PG_URL not set (no PostgreSQL test server)")
    return _fresh_pg_database(PG_URL)


@pytest.fixture
def store(db_target):
    """A new database on `db_target` holding the demo plan."""
    from workbench.domain.demo_plan import demo_plan
    from workbench.store import open_store

    store = open_store(db_target, create=True)
    store.save_new_plan(demo_plan())
    return store
