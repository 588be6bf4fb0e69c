"""PlanEngine reuses the activity plan and trajectory statuses only when an edit cannot
have changed them, and the reused figures always equal a full recompute."""

from __future__ import annotations

from decimal import Decimal

from workbench.domain.changes import PlanChanges
from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import EntityKind, SetField, apply_to_plan
from workbench.engine import compute
from workbench.engine.dependencies import recorded
from workbench.engine.recompute import PlanEngine
from workbench.engine.savings import SCHEME_ROW_INPUTS, scheme_row


def edit_and_compute(engine, plan, edit):
    apply_to_plan(plan, edit)
    return engine.compute(plan, PlanChanges.of(edit))


def test_unrelated_scheme_edit_reuses_activity_and_matches_full_compute():
    plan, engine = demo_plan(), PlanEngine()
    before = engine.compute(plan)
    s = plan.schemes[0]
    after = edit_and_compute(engine, plan, SetField(
        EntityKind.SCHEME, s.id, "confidence", s.confidence, Decimal("0.5")))
    assert after.activity is before.activity
    assert after.trajectory_status is before.trajectory_status
    assert after.summary == compute(plan).summary


def test_activity_impact_edit_recomputes_the_activity_plan():
    plan, engine = demo_plan(), PlanEngine()
    before = engine.compute(plan)
    nel = next(s for s in plan.schemes if s.activity_impact)
    after = edit_and_compute(engine, plan, SetField(
        EntityKind.SCHEME, nel.id, "activity_impact", nel.activity_impact, 1500))
    assert after.activity is not before.activity
    assert after.nel_admissions_avoided == before.nel_admissions_avoided + 500
    assert after.nel_admissions_avoided == compute(plan).nel_admissions_avoided


def test_override_edit_recomputes_months_and_actual_edit_recomputes_status():
    plan, engine = demo_plan(), PlanEngine()
    engine.compute(plan)
    line = plan.activity_lines[0]
    after = edit_and_compute(engine, plan, SetField(
        EntityKind.ACTIVITY_LINE, line.id, "overrides", {}, {0: Decimal(9999)}))
    assert after.activity.monthly.loc[line.id, 0] == 9999
    path = plan.trajectories[2]
    last = max(path.actuals)
    worse = {**path.actuals, last: path.actuals[last]._replace(value=0.5)}
    after = edit_and_compute(engine, plan, SetField(
        EntityKind.TRAJECTORY, path.id, "actuals", path.actuals, worse))
    assert after.trajectory_status[2].actual == 0.5
    assert after.trajectory_status == compute(plan).trajectory_status


def test_touches_reports_fields_and_structure():
    edit = SetField(EntityKind.SCHEME, 1, "name", "a", "b")
    changes = PlanChanges.of(edit)
    assert changes.touches(EntityKind.SCHEME)
    assert not changes.touches(EntityKind.SCHEME, frozenset({"pod"}))
    assert changes.touches(EntityKind.SCHEME, frozenset({"name"}))
    assert not changes.touches(EntityKind.RISK)


def test_renaming_a_scheme_renames_it_on_the_activity_page():
    plan, engine = demo_plan(), PlanEngine()
    engine.compute(plan)
    bcf = next(s for s in plan.schemes if s.name.startswith("BCF"))
    old = bcf.name
    after = edit_and_compute(engine, plan, SetField(
        EntityKind.SCHEME, bcf.id, "name", old, "BCF admissions avoidance"))
    names = set(after.activity.contributions["scheme"])
    assert "BCF admissions avoidance" in names and old not in names


def test_the_scheme_row_cache_key_is_every_field_scheme_row_reads():
    for scheme in demo_plan().schemes:
        [proxy], reads = recorded([scheme])
        scheme_row(proxy)
        assert reads == set(SCHEME_ROW_INPUTS)


def test_activity_reuse_follows_the_fields_actually_read():
    plan, engine = demo_plan(), PlanEngine()
    before = engine.compute(plan)
    s = plan.schemes[0]
    after = edit_and_compute(engine, plan, SetField(
        EntityKind.SCHEME, s.id, "lever", s.lever, s.lever))  # never read by the activity plan
    assert after.activity is before.activity


def assert_same_results(got, want):
    """Every field of two PlanResults equal (frames and series exactly)."""
    import dataclasses

    import pandas as pd

    for f in dataclasses.fields(want):
        a, b = getattr(got, f.name), getattr(want, f.name)
        if isinstance(b, pd.DataFrame):
            pd.testing.assert_frame_equal(a, b, obj=f.name)
        elif isinstance(b, pd.Series):
            pd.testing.assert_series_equal(a, b, obj=f.name)
        elif f.name == "activity":
            for g in ("figures", "monthly", "profiled", "overridden", "contributions"):
                pd.testing.assert_frame_equal(getattr(a, g), getattr(b, g), obj=g)
        else:
            assert a == b, f.name


def test_a_run_of_mixed_edits_always_equals_a_full_compute():
    """Scheme fields (patched rows), status and workstream moves, risk and activity edits
    (the schemes' figures reused), an insert and a delete (the table rebuilt)."""
    import dataclasses

    from benchmarks.large_plan import large_plan
    from workbench.domain.edits import DeleteRows, InsertRows
    from workbench.domain.enums import SchemeStatus

    plan, engine = large_plan(scale="1/10"), PlanEngine()
    for i, s in enumerate(plan.schemes):  # ids as a store would give them
        s.id = 10_000 + i
    engine.compute(plan)
    schemes, risk, line = plan.schemes, plan.risks[3], plan.activity_lines[5]
    new = dataclasses.replace(schemes[7], id=99_999, name="Added")
    impact = next(s for s in schemes if s.activity_impact)
    edits = [
        SetField(EntityKind.SCHEME, schemes[4].id, "gross_saving", schemes[4].gross_saving,
                 schemes[4].gross_saving + 12_345),
        SetField(EntityKind.SCHEME, schemes[9].id, "status", schemes[9].status,
                 SchemeStatus.UNIDENTIFIED if schemes[9].status is not SchemeStatus.UNIDENTIFIED
                 else SchemeStatus.IDENTIFIED),
        SetField(EntityKind.SCHEME, schemes[11].id, "workstream_id", schemes[11].workstream_id,
                 schemes[0].workstream_id),
        SetField(EntityKind.RISK, risk.id, "likelihood", risk.likelihood,
                 risk.likelihood % 5 + 1),
        SetField(EntityKind.ACTIVITY_LINE, line.id, "overrides", line.overrides,
                 {**line.overrides, 3: Decimal(4321)}),
        SetField(EntityKind.ACTIVITY_LINE, line.id, "overrides", {**line.overrides},
                 {**line.overrides, 3: Decimal(4321), 5: Decimal(12)}),
        SetField(EntityKind.ACTIVITY_LINE, line.id, "provider", line.provider, "RTH"),
        SetField(EntityKind.SCHEME, impact.id, "activity_impact", impact.activity_impact,
                 impact.activity_impact + 40),
        SetField(EntityKind.SCHEME, impact.id, "name", impact.name, "Renamed"),
        SetField(EntityKind.SCHEME, schemes[2].id, "confidence", schemes[2].confidence,
                 Decimal("0.35")),
        InsertRows(EntityKind.SCHEME, (new,)),
        SetField(EntityKind.SCHEME, 99_999, "gross_saving", new.gross_saving, Decimal(777_000)),
        DeleteRows(EntityKind.SCHEME, (schemes[1],)),
        SetField(EntityKind.SCHEME, schemes[20].id, "investment", schemes[20].investment,
                 schemes[20].investment + 500),
    ]
    for edit in edits:
        after = edit_and_compute(engine, plan, edit)
        assert_same_results(after, compute(plan))


def test_impacts_do_not_depend_on_a_scheme_field_they_did_not_note():
    """Every scheme field the scheme impacts (read column by column) did not note can be
    changed on every scheme, each taking another scheme's value, without changing them."""
    import dataclasses

    import pandas as pd

    from benchmarks.large_plan import large_plan
    from workbench.domain.schemes import SavingsScheme
    from workbench.engine.activity import scheme_impacts
    from workbench.engine.dependencies import Columns

    for plan in (demo_plan(), large_plan(scale="1/10")):
        columns = Columns(plan.schemes)
        want = scheme_impacts(plan.activity_lines, columns)
        assert {"id", "activity_impact", "name"} <= columns.reads
        for f in dataclasses.fields(SavingsScheme):
            if f.name in columns.reads:
                continue
            values = [getattr(s, f.name) for s in plan.schemes]
            moved = [dataclasses.replace(s, **{f.name: v})
                     for s, v in zip(plan.schemes, values[1:] + values[:1], strict=True)]
            got = scheme_impacts(plan.activity_lines, moved)
            assert (got[0] == want[0]).all() and got[2] == want[2], f.name
            pd.testing.assert_frame_equal(got[1], want[1], obj=f.name)


def test_columns_note_only_fields_read_of_some_row():
    from workbench.engine.dependencies import Columns

    columns = Columns(demo_plan().schemes)
    assert columns.column("name", []) == [] and columns.reads == set()
    assert columns.values("pod", [1, 0]).keys() == {0, 1}
    assert columns.reads == {"pod"}


def test_phasing_floats_equal_converting_each_weight_bit_for_bit():
    import numpy as np

    from workbench.engine.savings import phasing_floats

    odd = (Decimal("0"), Decimal("-0"), Decimal("0.0"), Decimal("-0.00"), Decimal("1"),
           Decimal("1.0"), Decimal("1E+2"), Decimal("0.1"), Decimal("0.10"), Decimal("-3"),
           Decimal("33.3333333333333333333"), Decimal("1E-30"))
    phasings = [odd, odd[::-1]] + [s.phasing for s in demo_plan().schemes]
    got = phasing_floats(phasings)
    want = np.array([[float(w) for w in p] for p in phasings])
    assert got.shape == want.shape
    assert np.array_equal(got.view(np.int64), want.view(np.int64))  # the signs of zeros too
