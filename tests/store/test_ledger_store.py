"""The ledger in the store: freezing the plan, closing months all or nothing, undo,
compare-and-set against a colleague's change, gateways and RAG overrides in the audit
trail. Runs on SQLite, and on PostgreSQL when WORKBENCH_TEST_PG_URL is set."""

from __future__ import annotations

from decimal import Decimal

import pytest

from workbench.domain.enums import Rag, SchemeStatus
from workbench.domain.errors import ConflictError, StoreError, ValidationError
from workbench.domain.gateways import Gateway, Stage
from workbench.domain.ledger import RECURRENT
from workbench.domain.ledger_edits import (
    apply_to_ledger,
    close_month_edit,
    gateway_edit,
    rag_override_edit,
    set_actual,
)
from workbench.store import open_store
from workbench.store.ledger_store import LedgerStore

D = Decimal


@pytest.fixture
def ledger_store(store):
    ls = LedgerStore(store)
    ls.start_year(store.load_plan())
    return ls


def all_actuals(ledger, value: Decimal) -> dict:
    return {(s, p): value for s in ledger.scheme_ids() for p in ledger.parts_of(s)}


def test_start_year_freezes_gross_saving_by_phasing(store, ledger_store):
    plan = store.load_plan()
    ledger = ledger_store.load()
    msk = plan.schemes[0]  # £1.2m, nothing Apr-Jun, flat from July: £133,333.33 a month
    months = ledger.series(msk.id, RECURRENT, "plan")
    assert months[:3] == [D(0)] * 3
    assert months[3:11] == [D("133333.33")] * 8
    assert months[11] == D("1200000") - 8 * D("133333.33")  # March takes the rounding
    assert sum(months) == msk.gross_saving
    assert ledger.tracking[msk.id].reference == "QIPP-01"
    assert ledger.tracking[plan.schemes[7].id].stage is Stage.EARMARKED
    with pytest.raises(StoreError, match="already frozen"):
        ledger_store.start_year(plan)


def test_close_month_all_or_nothing_and_undo(store, ledger_store):
    ledger = ledger_store.load()
    first = ledger.scheme_ids()[0]
    partial = all_actuals(ledger, D("1000"))
    del partial[(first, RECURRENT)]
    with pytest.raises(ValidationError, match="no actual for scheme"):
        ledger_store.close_month(ledger, "2016-04", partial)
    with pytest.raises(ValidationError, match="next month to close is 2016-04"):
        ledger_store.close_month(ledger, "2016-05", all_actuals(ledger, D("1000")))
    assert ledger_store.load().closed_through is None
    edit = ledger_store.close_month(ledger, "2016-04", all_actuals(ledger, D("1000.5")))
    after = ledger_store.load()
    assert after.closed_through == "2016-04"
    assert after.cell(first, "2016-04", RECURRENT).actual == D("1000.50")
    ledger_store.apply(edit.inverted(), action="undo")
    undone = ledger_store.load()
    assert undone.closed_through is None
    assert undone.cell(first, "2016-04", RECURRENT).actual is None
    steps = {r.step for r in store.history() if r.action in ("close-month", "undo")}
    assert len(steps) == 2


def test_a_failing_leaf_rolls_back_the_whole_close(store, ledger_store):
    """A colleague typed the last scheme's April actual: my close fails on that leaf, and
    the actuals written before it in the same step are rolled back."""
    ledger = ledger_store.load()
    last = ledger.scheme_ids()[-1]
    other = LedgerStore(open_store(store.engine.url))
    other.apply(set_actual(other.load(), last, "2016-04", RECURRENT, D("5")))
    with pytest.raises(ConflictError, match=f"scheme {last} for 2016-04"):
        ledger_store.close_month(ledger, "2016-04", all_actuals(ledger, D("7")))
    stored = ledger_store.load()
    assert stored.closed_through is None
    assert [stored.cell(s, "2016-04", RECURRENT).actual for s in stored.scheme_ids()] == [
        None] * (len(stored.scheme_ids()) - 1) + [D("5.00")]


def test_colleagues_change_is_surfaced_not_overwritten(store, ledger_store):
    ledger_store.close_month(ledger_store.load(), "2016-04",
                             all_actuals(ledger_store.load(), D("10")))
    mine = ledger_store.load()
    colleague = LedgerStore(open_store(store.engine.url))
    theirs = colleague.load()
    sid = mine.scheme_ids()[2]
    colleague.apply(set_actual(theirs, sid, "2016-04", RECURRENT, D("250")))
    with pytest.raises(ConflictError, match=r"someone else changed the actual of scheme "
                                            rf"{sid} for 2016-04 \(recurrent\) to £250.00"):
        ledger_store.apply(set_actual(mine, sid, "2016-04", RECURRENT, D("999")))
    assert ledger_store.load().cell(sid, "2016-04", RECURRENT).actual == D("250.00")
    # re-read, then the same change lands
    ledger_store.apply(set_actual(ledger_store.load(), sid, "2016-04", RECURRENT, D("999")))
    assert ledger_store.load().cell(sid, "2016-04", RECURRENT).actual == D("999.00")


def test_rag_override_needs_reason_and_is_audited(store, ledger_store):
    ledger = ledger_store.load()
    sid = ledger.scheme_ids()[0]
    with pytest.raises(ValidationError, match="needs a reason"):
        rag_override_edit(ledger, sid, Rag.RED, "  ")
    edit = rag_override_edit(ledger, sid, Rag.RED, "Provider disputes the baseline")
    ledger_store.apply(edit, action="rag-override", note="Provider disputes the baseline")
    tracked = ledger_store.load().tracking[sid]
    assert (tracked.rag_override, tracked.rag_reason) == (Rag.RED,
                                                          "Provider disputes the baseline")
    rows = [r for r in store.history() if r.action == "rag-override"]
    assert {r.field for r in rows} == {"rag_override", "rag_reason"}
    assert rows[0].note == "Provider disputes the baseline" and rows[0].row_id == sid
    stale = rag_override_edit(ledger, sid, Rag.AMBER, "my view")  # read before the override
    with pytest.raises(ConflictError, match="rag override"):
        ledger_store.apply(stale)


def test_gateway_moves_stage_and_plan_status_in_one_step(store, ledger_store):
    plan = store.load_plan()
    scheme = plan.schemes[7]  # earmarked
    ledger = ledger_store.load()
    with pytest.raises(ValidationError, match="QIA.*EIA.*signing"):
        gateway_edit(ledger, scheme.id, Stage.IDENTIFIED, Gateway(), scheme_status=scheme.status)
    gate = Gateway(qia_done=True, eia_done=True, signed_off_by="Dr A. Patel")
    edit = gateway_edit(ledger, scheme.id, Stage.IDENTIFIED, gate, "Board 12 May",
                        scheme_status=scheme.status)
    ledger_store.apply(edit, action="gateway", note="Board 12 May")
    assert ledger_store.load().tracking[scheme.id].stage is Stage.IDENTIFIED
    assert ledger_store.load().tracking[scheme.id].gateway == gate
    assert store.load_plan().schemes[7].status is SchemeStatus.IDENTIFIED
    rows = [r for r in store.history() if r.action == "gateway"]
    assert {(r.kind, r.field) for r in rows} == {
        ("scheme_tracking", "gateway"), ("scheme_tracking", "stage"), ("scheme", "status")}
    assert len({r.step for r in rows}) == 1
    ledger_store.apply(edit.inverted(), action="undo")
    assert store.load_plan().schemes[7].status is SchemeStatus.EARMARKED
    assert ledger_store.load().tracking[scheme.id].stage is Stage.EARMARKED


def test_month_outside_the_year_is_refused(store, ledger_store):
    ledger = ledger_store.load()
    sid = ledger.scheme_ids()[0]
    with pytest.raises(StoreError, match=r"^Actual 2017-04 of scheme \d+: 2017-04 is not a "
                                         r"month of 2016/17 \(2016-04 to 2017-03\); nothing"):
        ledger_store.apply(set_actual(ledger, sid, "2017-04", RECURRENT, D("1")))


def test_ledger_goes_with_its_plan(store, ledger_store):
    from workbench.domain.demo_plan import demo_plan
    from workbench.store.ledger_rows import LedgerCellRow, SchemeTrackingRow

    store.delete_all_plans()
    with store.transaction() as s:  # the database removed them with the plan
        assert s.query(LedgerCellRow).count() == 0 and s.query(SchemeTrackingRow).count() == 0
    store.save_new_plan(demo_plan())
    assert not LedgerStore(store).has_ledger()


def test_close_month_edit_refuses_unknown_scheme(ledger_store):
    ledger = ledger_store.load()
    actuals = all_actuals(ledger, D(1)) | {(9999, RECURRENT): D(1)}
    with pytest.raises(ValidationError, match="9999"):
        close_month_edit(ledger, "2016-04", actuals)


def test_scheme_added_in_year_is_tracked_and_forecast_by_hand(store, ledger_store):
    from workbench.domain.edits import EntityKind, InsertRows
    from workbench.domain.ledger import ForecastMethod
    from workbench.domain.ledger_edits import set_forecast, track_scheme_edit
    from workbench.domain.schemes import SavingsScheme
    from workbench.engine.ledger import compute_ledger

    added = store.apply(InsertRows(EntityKind.SCHEME, (SavingsScheme(
        None, "Wound care formulary", gross_saving=D(120000)),)))
    sid = added.rows[0].id
    ledger = ledger_store.load()
    with pytest.raises(ValidationError, match="taken"):
        track_scheme_edit(ledger, sid, "qipp-01")
    step = track_scheme_edit(ledger, sid, "QIPP-12")
    ledger_store.apply(step)
    ledger = ledger_store.load()
    assert ledger.tracking[sid].method is ForecastMethod.MANUAL
    ledger_store.apply(set_forecast(ledger, sid, "2017-03", RECURRENT, D(10000)))
    position = compute_ledger(ledger_store.load(), store.load_plan().schemes).positions[sid]
    assert (position.plan_year, position.forecast_outturn) == (D(0), D(10000))
    assert position.variance_pct is None  # no plan to compare with
    ledger_store.apply(step.inverted(), action="undo")
    untracked = ledger_store.load()
    assert sid not in untracked.tracking and sid not in untracked.scheme_ids()
    apply_to_ledger(ledger, step)
    apply_to_ledger(ledger, step.inverted())
    assert sid not in ledger.tracking


def test_close_april_from_a_csv_file(store, ledger_store, tmp_path):
    from workbench.csv_inputs.ledger_actuals import read_ledger_actuals

    ledger = ledger_store.load()
    lines = ["Scheme reference,Month,Actual"] + [
        f"{ledger.tracking[sid].reference},Apr 2016,{sid * 100}" for sid in ledger.scheme_ids()]
    path = tmp_path / "april.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    preview = read_ledger_actuals(path, ledger)
    assert preview.ok, preview.text()
    ledger_store.apply(preview.close_edit(ledger), action="import", note=path.name)
    stored = ledger_store.load()
    assert stored.closed_through == "2016-04"
    assert [stored.cell(s, "2016-04", RECURRENT).actual for s in stored.scheme_ids()] == [
        D(s * 100) for s in stored.scheme_ids()]
    rows = [r for r in store.history() if r.action == "import"]
    assert len(rows) == len(stored.scheme_ids()) + 1 and rows[0].note == "april.csv"
