"""A PostgreSQL role that may read the plan but not change it opens read-only, up front."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.store.conftest import PG_URL, _fresh_pg_database
from workbench.domain.demo_plan import demo_plan
from workbench.store import open_store

pytestmark = pytest.mark.skipif(not PG_URL, reason="WORKBENCH_TEST_PG_URL not set")


def test_a_read_only_role_opens_read_only_with_the_reason():
    url = _fresh_pg_database(PG_URL)
    owner = open_store(url, create=True)
    owner.save_new_plan(demo_plan())
    assert not owner.read_only
    role = f"viewer_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE ROLE {role} LOGIN"))
        conn.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}"))
    admin.dispose()
    owner.engine.dispose()
    viewer = open_store(make_url(url).set(username=role))
    assert viewer.read_only and "role" in viewer.read_only_reason
    assert viewer.load_plan().organisation == "Oxfordshire CCG"
    viewer.engine.dispose()
