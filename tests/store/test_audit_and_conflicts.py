"""Every change is audited in its own transaction; a stale write is refused, never lost."""

from __future__ import annotations

from decimal import Decimal

import pytest

from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import Batch, EntityKind, SetField
from workbench.domain.errors import ConflictError, ReadOnlyError
from workbench.store import open_store


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
    rows = store.history()
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
