"""A plan's copies (for work on another thread) equal the live plan when taken, share no
row with it, and stay as they were whatever edits follow: random edit sequences over every
field of every kind, inserts, deletes with their unlinks, and undo."""

from __future__ import annotations

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.engine.test_cache_equals_full import an_edit
from tests.fakes import MemoryStore
from workbench.domain.changes import PlanChanges
from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import ROW_LISTS, EntityKind, SetField, apply_to_plan
from workbench.domain.plan_copy import PlanCopies, copy_plan


def shares_nothing_edits_reach(taken, live) -> None:
    assert taken is not live and taken.drivers is not live.drivers
    for name in ROW_LISTS.values():
        assert getattr(taken, name) is not getattr(live, name), name
        live_rows = {id(r) for r in getattr(live, name)}
        assert not any(id(r) in live_rows for r in getattr(taken, name)), name


def test_a_copy_equals_the_plan_and_shares_no_row_with_it():
    plan = demo_plan()
    taken = copy_plan(plan)
    assert taken == plan
    shares_nothing_edits_reach(taken, plan)
    scheme = plan.schemes[0]
    apply_to_plan(plan, SetField(EntityKind.SCHEME, scheme.id, "gross_saving",
                                 scheme.gross_saving, scheme.gross_saving + 1))
    assert taken.schemes[0].gross_saving == scheme.gross_saving - 1


def test_after_one_field_edit_only_that_row_is_copied_afresh():
    plan = MemoryStore().load_new(demo_plan())
    copies = PlanCopies()
    first = copies.take(plan)
    scheme = plan.schemes[1]
    edit = SetField(EntityKind.SCHEME, scheme.id, "confidence", scheme.confidence,
                    scheme.confidence / 2)
    apply_to_plan(plan, edit)
    copies.note(PlanChanges.of(edit))
    second = copies.take(plan)
    assert second == plan and first != plan
    assert second.schemes[1] is not first.schemes[1]
    assert all(a is b for i, (a, b) in enumerate(zip(first.schemes, second.schemes,
                                                     strict=True)) if i != 1)
    assert second.risks is first.risks  # a kind the edit did not touch: the same list


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_copies_follow_random_edits_and_never_change_afterwards(data):
    store = MemoryStore()
    plan = store.load_new(demo_plan())
    copies, done, kept = PlanCopies(), [], []
    for step in range(14):
        edit, action = data.draw(an_edit(plan, done))
        if edit is not None:
            applied = store.apply(edit, action=action)
            if action == "edit":
                done.append(applied)
            apply_to_plan(plan, applied)
            copies.note(PlanChanges.of(applied))
        if step % 3 == 2 or data.draw(st.booleans()):  # copies after one edit or several
            taken = copies.take(plan)
            assert taken == plan
            shares_nothing_edits_reach(taken, plan)
            kept.append((taken, copy.deepcopy(taken)))
    for taken, as_taken in kept:
        assert taken == as_taken  # no later edit reached an earlier copy


def test_a_new_plan_object_or_a_reload_is_copied_whole():
    plan = demo_plan()
    copies = PlanCopies()
    first = copies.take(plan)
    other = demo_plan()
    second = copies.take(other)
    assert second == other and second.schemes[0] is not first.schemes[0]
    copies.note(PlanChanges.everything())
    third = copies.take(other)
    assert third == other and third.schemes[0] is not second.schemes[0]
