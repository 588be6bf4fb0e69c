"""The history is whole and append-only: the app needs only INSERT on the audit table, the
database refuses to rewrite it, and creation, replacement and restore are recorded."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from workbench.cli import main
from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import Batch, EntityKind, SetField
from workbench.store import open_store


def _edit_a_few(store):
    plan = store.load_plan()
    a, b = plan.risks[:2]
    store.apply(SetField(EntityKind.PLAN, plan.id, "name", plan.name, "Renamed"))
    store.apply(Batch((SetField(EntityKind.RISK, a.id, "impact", a.impact, 5),
                       SetField(EntityKind.RISK, b.id, "impact", b.impact, 5)), "Paste 2 rows"))


def test_audit_rows_cannot_be_changed_or_deleted_while_their_plan_exists(store):
    _edit_a_few(store)
    for sql in ("UPDATE audit_log SET who = 'someone else'", "DELETE FROM audit_log"):
        with pytest.raises(Exception, match="append-only"), store.engine.begin() as conn:
            conn.execute(text(sql))
    rows = store.history()
    assert rows[0].step == rows[1].step == rows[1].id  # one action, grouped without UPDATE
    store.delete_all_plans()  # deleting a whole plan takes its history with it


def test_plan_creation_and_replacement_are_recorded(tmp_path, capsys):
    db = tmp_path / "plan.db"
    assert main(["demo", "--db", str(db)]) == 0
    store = open_store(db)
    store.load_plan()
    _edit_a_few(store)
    assert [r.action for r in store.history()][-1] == "create"
    assert main(["demo", "--db", str(db), "--force"]) == 0
    store = open_store(db)
    store.load_plan()
    created = store.history()
    assert {r.action for r in created} == {"create"} and len({r.step for r in created}) == 1
    assert created[-1].field == "created" and created[-1].new.startswith('"Oxfordshire')
    assert "replaces Oxfordshire CCG Renamed (3 history entries)" in created[0].note


def test_on_postgresql_the_session_role_is_recorded(store):
    _edit_a_few(store)
    role = store.history()[0].db_role
    if store.engine.dialect.name == "postgresql":
        with store.engine.connect() as conn:
            assert role == conn.execute(text("SELECT current_user")).scalar() != ""
    else:
        assert role == ""


def test_an_editor_role_with_only_insert_on_the_history_can_edit(db_target):
    if "://" not in db_target:
        pytest.skip("roles are a PostgreSQL matter")
    owner = open_store(db_target, create=True)
    owner.save_new_plan(demo_plan())
    role = f"editor_{uuid.uuid4().hex[:8]}"
    with owner.engine.begin() as conn:
        conn.execute(text(f'CREATE ROLE "{role}" LOGIN'))
        conn.execute(text(f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public '
                          f'TO "{role}"'))
        conn.execute(text(f'GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "{role}"'))
        conn.execute(text(f'REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM "{role}"'))
    url = make_url(db_target).set(username=role).render_as_string(hide_password=False)
    editor = open_store(url)
    _edit_a_few(editor)
    assert editor.history()[0].db_role == role
    raw = create_engine(url)
    for sql in ("UPDATE audit_log SET who = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(Exception, match="permission denied"), raw.begin() as conn:
            conn.execute(text(sql))
    raw.dispose()
