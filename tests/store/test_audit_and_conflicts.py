"""Every change is audited in its own transaction; a stale write is refused, never lost."""

from __future__ import annotations

import json
import logging
from decimal import Decimal

import pytest

from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import Batch, DeleteRows, EntityKind, InsertRows, SetField
from workbench.domain.errors import ConflictError, ReadOnlyError
from workbench.domain.links import unlinks
from workbench.domain.plan import CostPressure
from workbench.store import audit, open_store


@pytest.fixture
def store(db_target, monkeypatch):
    monkeypatch.setenv("WORKBENCH_USER", "Jo Planner")
    store = open_store(db_target, create=True)
    store.save_new_plan(demo_plan())
    return store


def test_edit_undo_and_batch_are_audited(store):
    plan = store.load_plan()
    s = plan.schemes[0]
    edit = SetField(EntityKind.SCHEME, s.id, "gross_saving", s.gross_saving, Decimal(1500000),
                    label="Edit saving of MSK")
    store.apply(edit, note="agreed with OUH")
    store.apply(edit.inverted(), action="undo")
    a, b = plan.risks[:2]
    store.apply(Batch((SetField(EntityKind.RISK, a.id, "likelihood", a.likelihood, 5),
                       SetField(EntityKind.RISK, b.id, "likelihood", b.likelihood, 5)),
                      label="Paste 2 rows"))
    rows = [r for r in store.history() if r.action != "create"]
    assert [r.action for r in rows] == ["edit", "edit", "undo", "edit"]
    paste = rows[:2]
    assert paste[0].step == paste[1].step and paste[0].label == "Paste 2 rows"
    first = rows[-1]
    assert (first.who, first.kind, first.row_id, first.field) == ("Jo Planner", "scheme", s.id,
                                                                  "gross_saving")
    assert (first.old, first.new, first.note) == ('"1200000.00"', '"1500000"', "agreed with OUH")
    assert [r.field for r in store.history(EntityKind.SCHEME, s.id)] == ["gross_saving"] * 2


def test_second_writer_sees_the_other_value(db_target, store):
    other = open_store(db_target)
    mine, theirs = store.load_plan(), other.load_plan()
    s_mine, s_theirs = mine.schemes[0], theirs.schemes[0]
    other.apply(SetField(EntityKind.SCHEME, s_theirs.id, "confidence", s_theirs.confidence,
                         Decimal("0.9")))
    with pytest.raises(ConflictError) as caught:
        store.apply(SetField(EntityKind.SCHEME, s_mine.id, "confidence", s_mine.confidence,
                             Decimal("0.5")))
    assert caught.value.current == Decimal("0.9") and "someone else" in str(caught.value)
    assert store.load_plan().schemes[0].confidence == Decimal("0.9")  # nothing lost
    # different fields of the same row do not conflict
    store.apply(SetField(EntityKind.SCHEME, s_mine.id, "name", s_mine.name, "MSK (revised)"))
    last_id, client = store.last_change()
    assert client == store.client and last_id > 0


def test_read_only_store_refuses_writes(store):
    plan = store.load_plan()
    store.read_only = True
    with pytest.raises(ReadOnlyError, match="read-only"):
        store.apply(SetField(EntityKind.PLAN, plan.id, "name", plan.name, "X"))


def _two_people(db_target, store):
    """Two stores on one database: two people, each with the plan as they last read it."""
    other = open_store(db_target)
    return store.load_plan(), other, other.load_plan()


def test_delete_of_a_row_someone_changed_is_refused_and_names_the_change(db_target, store):
    a_plan, b, b_plan = _two_people(db_target, store)
    a_scheme = a_plan.schemes[0]
    store.apply(SetField(EntityKind.SCHEME, a_scheme.id, "gross_saving", a_scheme.gross_saving,
                         Decimal(999999)))
    stale = b_plan.schemes[0]
    unlinks = [SetField(EntityKind.RISK, r.id, "scheme_id", r.scheme_id, None)
               for r in b_plan.risks if r.scheme_id == stale.id]
    with pytest.raises(ConflictError) as caught:
        b.apply(Batch((*unlinks, DeleteRows(EntityKind.SCHEME, (stale,)))))
    message = str(caught.value)
    assert stale.name in message and "gross saving is now 999999" in message
    kept = store.load_plan().schemes[0]
    assert kept.id == stale.id and kept.gross_saving == Decimal(999999)


def test_undo_of_a_delete_cannot_bring_back_a_stale_copy(db_target, store):
    a_plan, b, b_plan = _two_people(db_target, store)
    doomed = b_plan.pressures[0]
    deleted = b.apply(DeleteRows(EntityKind.PRESSURE, (doomed,)))
    # someone else's undo (or a second copy of the same undo) already put it back
    store.apply(deleted.inverted(), action="undo")
    with pytest.raises(ConflictError, match="already there"):
        b.apply(deleted.inverted(), action="undo")
    assert [p.id for p in store.load_plan().pressures].count(doomed.id) == 1


def test_undo_of_an_insert_someone_then_edited_is_refused(db_target, store):
    a_plan, b, b_plan = _two_people(db_target, store)
    added = b.apply(InsertRows(EntityKind.PRESSURE, (CostPressure(None, "Winter", Decimal(5000)),)))
    row = added.rows[0]
    store.apply(SetField(EntityKind.PRESSURE, row.id, "amount", row.amount, Decimal(7000)))
    with pytest.raises(ConflictError, match="amount is now 7000"):
        b.apply(added.inverted(), action="undo")
    assert any(p.id == row.id for p in store.load_plan().pressures)


def test_delete_refused_when_someone_linked_a_row_to_it_since(db_target, store):
    a_plan, b, b_plan = _two_people(db_target, store)
    unlinked = next(r for r in a_plan.risks if r.scheme_id is None)
    target = next(s for s in b_plan.schemes
                  if not any(r.scheme_id == s.id for r in b_plan.risks)
                  and not any(s.id in line.scheme_ids for line in b_plan.activity_lines))
    store.apply(SetField(EntityKind.RISK, unlinked.id, "scheme_id", None, target.id))
    with pytest.raises(ConflictError, match="linked"):
        b.apply(DeleteRows(EntityKind.SCHEME, (target,)))
    assert store.load_plan().risks[a_plan.risks.index(unlinked)].scheme_id == target.id


def test_undo_of_a_delete_refused_when_its_link_target_was_deleted(db_target, store):
    a_plan, b, b_plan = _two_people(db_target, store)
    scheme = next(s for s in b_plan.schemes if s.workstream_id is not None
                  and not any(r.scheme_id == s.id for r in b_plan.risks)
                  and not any(s.id in line.scheme_ids for line in b_plan.activity_lines))
    deleted = b.apply(DeleteRows(EntityKind.SCHEME, (scheme,)))
    plan = store.load_plan()
    ws = next(w for w in plan.workstreams if w.id == scheme.workstream_id)
    store.apply(Batch((*unlinks(plan, EntityKind.WORKSTREAM, {ws.id}),
                       DeleteRows(EntityKind.WORKSTREAM, (ws,)))))
    with pytest.raises(ConflictError, match="which someone else deleted"):
        b.apply(deleted.inverted(), action="undo")


def test_audit_records_the_row_as_it_was_really_deleted(store):
    plan = store.load_plan()
    doomed = plan.pressures[0]
    store.apply(DeleteRows(EntityKind.PRESSURE, (doomed,)))
    row = store.history()[0]
    assert row.field == "(row deleted)" and json.loads(row.old)["amount"] == str(doomed.amount)


def test_change_poll_reads_only_this_plans_changes(db_target, store):
    mine = store.load_plan()
    other = open_store(db_target)
    second = other.save_new_plan(demo_plan())  # a second plan in the same database
    seen = store.last_change()
    other.apply(SetField(EntityKind.PLAN, second.id, "name", second.name, "Another plan"))
    assert store.last_change() == seen
    store.apply(SetField(EntityKind.PLAN, mine.id, "name", mine.name, "Ours"))
    assert store.last_change()[0] > seen[0]


def test_a_programming_error_in_a_transaction_is_logged_not_dressed_as_not_saved(
        store, caplog, monkeypatch):
    plan = store.load_plan()

    def broken(*_args, **_kwargs):
        raise TypeError("unsupported operand type(s)")

    monkeypatch.setattr(audit, "record", broken)
    with caplog.at_level(logging.ERROR), pytest.raises(TypeError):
        store.apply(SetField(EntityKind.PLAN, plan.id, "name", plan.name, "X"))
    assert "TypeError" in caplog.text and "Traceback" in caplog.text
    assert store.load_plan().name == plan.name  # rolled back all the same
