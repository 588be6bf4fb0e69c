"""The round's timetable is saved with the plan, edited compare-and-set, frozen with its
versions and guarded by the database (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from workbench.domain.edits import EntityKind, InsertRows, SetField
from workbench.domain.errors import ConflictError, StoreError
from workbench.domain.submissions import Submission
from workbench.store import open_store
from workbench.store.versions import freeze_version, load_version


def test_the_demo_timetable_round_trips_and_a_version_is_marked_as_sent(store):
    plan = store.load_plan()
    assert [(s.name, s.due, s.submitted_on) for s in plan.submissions][-2:] == [
        ("Final", dt.date(2016, 4, 11), None), ("BCF final", dt.date(2016, 4, 25), None)]
    final = plan.submissions[5]
    version = freeze_version(store, "Final submission")
    store.apply(SetField(EntityKind.SUBMISSION, final.id, "version_label", "",
                         version.label))
    edit = store.apply(SetField(EntityKind.SUBMISSION, final.id, "submitted_on", None,
                                dt.date(2016, 4, 11)))
    stored = store.load_plan().submissions[5]
    assert (stored.version_label, stored.submitted_on) == ("Final submission",
                                                           dt.date(2016, 4, 11))
    store.apply(edit.inverted(), action="undo")
    assert store.load_plan().submissions[5].submitted_on is None
    added = store.apply(InsertRows(EntityKind.SUBMISSION, (Submission(
        None, "STP", "Sustainability and transformation plan", dt.date(2016, 6, 30)),)))
    assert store.load_plan().submissions[-1] == added.rows[0]


def test_a_colleagues_sign_off_is_never_overwritten(db_target, store):
    other = open_store(db_target)
    mine, theirs = store.load_plan().submissions[5], other.load_plan().submissions[5]
    other.apply(SetField(EntityKind.SUBMISSION, theirs.id, "signed_off_by",
                         theirs.signed_off_by, "Accountable Officer"))
    with pytest.raises(ConflictError) as caught:
        store.apply(SetField(EntityKind.SUBMISSION, mine.id, "signed_off_by",
                             mine.signed_off_by, "Chair"))
    assert caught.value.current == "Accountable Officer"
    assert store.load_plan().submissions[5].signed_off_by == "Accountable Officer"


def test_a_frozen_versions_timetable_cannot_be_changed(store):
    version = freeze_version(store, "Draft 3")
    copy = store.load_plan(version.frozen_plan_id)
    with pytest.raises(StoreError, match="frozen version"):
        store.apply(SetField(EntityKind.SUBMISSION, copy.submissions[0].id, "note", "", "x"))
    with pytest.raises(Exception, match="frozen version"), store.engine.begin() as conn:
        conn.execute(text("DELETE FROM submissions WHERE plan_id = :copy"),
                     {"copy": version.frozen_plan_id})
    assert len(load_version(store, version).submissions) == 7
