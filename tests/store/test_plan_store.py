"""Save, load and edit plans in a real database: exact money, one transaction per edit."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import Batch, DeleteRows, EntityKind, InsertRows, SetField
from workbench.domain.errors import StoreError
from workbench.domain.schemes import SavingsScheme, ramp_phasing
from workbench.engine import compute


def strip_ids(rows):
    return [dataclasses.replace(r, id=None) for r in rows]



def test_round_trip_is_exact(store):
    original, loaded = demo_plan(), store.load_plan()
    assert loaded.drivers == original.drivers
    assert (loaded.organisation, loaded.ods_code) == ("Oxfordshire CCG", "10Q")
    assert loaded.first_year == original.first_year
    assert strip_ids(loaded.spend_lines) == strip_ids(original.spend_lines)
    assert strip_ids(loaded.pressures) == strip_ids(original.pressures)
    assert strip_ids(loaded.workstreams) == strip_ids(original.workstreams)
    assert [s.phasing for s in loaded.schemes] == [s.phasing for s in original.schemes]
    assert compute(loaded).summary == compute(original).summary
    # links are remapped to store ids
    names = {w.id: w.name for w in loaded.workstreams}
    assert names[loaded.schemes[0].workstream_id] == "Planned and Specialist Care"


def reload(store):
    return store.load_plan()


def test_set_field_and_inverse(store):
    plan = reload(store)
    s = plan.schemes[0]
    edit = SetField(EntityKind.SCHEME, s.id, "confidence", s.confidence, Decimal("0.333"))
    store.apply(edit)
    assert reload(store).schemes[0].confidence == Decimal("0.333")
    store.apply(edit.inverted())
    assert reload(store).schemes[0].confidence == s.confidence


def test_drivers_edit(store):
    plan = reload(store)
    store.apply(SetField(EntityKind.DRIVERS, plan.id, "tariff_uplift_pct",
                         plan.drivers.tariff_uplift_pct, Decimal("0.021")))
    assert reload(store).drivers.tariff_uplift_pct == Decimal("0.021")


def test_insert_delete_and_reinsert_same_ids(store):
    applied = store.apply(InsertRows(EntityKind.SCHEME, (
        SavingsScheme(None, "New A", gross_saving=Decimal("1.23"), phasing=ramp_phasing(2)),
        SavingsScheme(None, "New B"))))
    new_ids = [r.id for r in applied.rows]
    assert all(new_ids)
    plan = reload(store)
    assert [s.name for s in plan.schemes[-2:]] == ["New A", "New B"]
    assert plan.schemes[-2].gross_saving == Decimal("1.23")
    store.apply(applied.inverted())
    assert all(s.id not in new_ids for s in reload(store).schemes)
    store.apply(applied)  # redo re-inserts with the same ids
    assert [s.id for s in reload(store).schemes[-2:]] == new_ids


def test_delete_workstream_unlinks_schemes_and_undo_restores(store):
    plan = reload(store)
    ws = plan.workstreams[1]
    linked = [s for s in plan.schemes if s.workstream_id == ws.id]
    assert linked
    batch = Batch(tuple(SetField(EntityKind.SCHEME, s.id, "workstream_id", ws.id, None)
                        for s in linked) + (DeleteRows(EntityKind.WORKSTREAM, (ws,)),))
    store.apply(batch)
    after = reload(store)
    assert ws.id not in {w.id for w in after.workstreams}
    assert all(s.workstream_id is None for s in after.schemes if s.id in {x.id for x in linked})
    store.apply(batch.inverted())
    restored = reload(store)
    assert restored.workstreams[1] == ws
    assert [s.workstream_id for s in restored.schemes] == [s.workstream_id for s in plan.schemes]


def test_failing_batch_changes_nothing(store):
    before = reload(store)
    s = before.schemes[0]
    bad = Batch((SetField(EntityKind.SCHEME, s.id, "name", s.name, "Changed"),
                 SetField(EntityKind.SCHEME, 999999, "name", "x", "y")))
    with pytest.raises(StoreError, match="no scheme with id 999999"):
        store.apply(bad)
    assert reload(store).schemes[0].name == s.name
    with pytest.raises(StoreError, match="no field"):
        store.apply(SetField(EntityKind.SCHEME, s.id, "colour", None, "red"))
    with pytest.raises(StoreError):
        store.apply(SetField(EntityKind.SCHEME, s.id, "gross_saving", s.gross_saving, "lots"))
    assert reload(store) == before


def test_milestones_are_stored_in_order(store):
    plan = reload(store)
    ws = plan.workstreams[0]
    new = list(reversed(ws.milestones))
    store.apply(SetField(EntityKind.WORKSTREAM, ws.id, "milestones", ws.milestones, new))
    assert reload(store).workstreams[0].milestones == new


def test_demo_force_replaces(store):
    store.delete_all_plans()
    assert store.list_plans() == []
    store.save_new_plan(demo_plan())
    assert len(store.list_plans()) == 1


def test_local_keys_in_one_edit_get_store_ids_and_links_follow(store):
    from workbench.domain.workstreams import Workstream

    plan = reload(store)
    scheme = plan.schemes[0]
    applied = store.apply(Batch((
        InsertRows(EntityKind.WORKSTREAM, (Workstream(-1, "Digital first"),)),
        InsertRows(EntityKind.SCHEME, (SavingsScheme(None, "Online consultations",
                                                     workstream_id=-1),)),
        SetField(EntityKind.SCHEME, scheme.id, "workstream_id", scheme.workstream_id, -1),
    )))
    new_ws = applied.edits[0].rows[0].id
    assert new_ws > 0 and applied.edits[1].rows[0].workstream_id == new_ws
    assert applied.edits[2].new == new_ws
    after = reload(store)
    assert after.schemes[0].workstream_id == new_ws
    assert after.schemes[-1].workstream_id == new_ws
    store.apply(applied.inverted())  # undo restores the original links and removes the rows
    assert reload(store) == plan
