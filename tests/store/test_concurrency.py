"""Several processes edit overlapping rows at once: no update is lost, every conflict surfaces.

Each worker repeatedly reads a counter field from the latest plan and writes counter + 1
with a compare-and-set SetField. A refused write (ConflictError, or a busy database) is a
surfaced conflict; the worker re-reads and tries again. At the end the stored counters
must equal the number of successful writes: any lost update would leave them short.
"""

from __future__ import annotations

import multiprocessing as mp

from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import DeleteRows, EntityKind, SetField
from workbench.domain.errors import ConflictError, StoreError
from workbench.store import open_store

WORKERS = 4
WRITES_EACH = 25
ROWS = 2  # overlapping: every worker edits the same two risks


def _worker(target: str, seed: int, results) -> None:
    store = open_store(target)
    done = conflicts = 0
    turn = seed
    while done < WRITES_EACH:
        plan = store.load_plan()
        risk = plan.risks[turn % ROWS]
        try:
            store.apply(SetField(EntityKind.RISK, risk.id, "impact", risk.impact,
                                 risk.impact + 1))
        except StoreError:
            conflicts += 1
            continue
        done += 1
        turn += 1
    results.put((done, conflicts))


def test_no_lost_updates_under_concurrent_writers(db_target):
    store = open_store(db_target, create=True)
    store.save_new_plan(demo_plan())
    start = [r.impact for r in store.load_plan().risks[:ROWS]]
    store.engine.dispose()
    ctx = mp.get_context("fork")
    results = ctx.Queue()
    workers = [ctx.Process(target=_worker, args=(db_target, i, results)) for i in range(WORKERS)]
    for w in workers:
        w.start()
    outcomes = [results.get(timeout=120) for _ in workers]
    for w in workers:
        w.join(timeout=30)
    written = sum(done for done, _ in outcomes)
    conflicts = sum(c for _, c in outcomes)
    final = [r.impact for r in open_store(db_target).load_plan().risks[:ROWS]]
    lost = written - (sum(final) - sum(start))
    print(f"\nconcurrency: {WORKERS} writers, {written} writes, {conflicts} conflicts surfaced, "
          f"{lost} lost")
    assert written == WORKERS * WRITES_EACH
    assert lost == 0


def _delete_undo_worker(target: str, ids: list[int], seed: int, results) -> None:
    """Alternates raising a pressure by 1 with deleting one and undoing the delete.

    A delete or undo that went through on a stale copy would put back an old amount and
    lose someone's raise; the final amounts then fall short of the raises counted.
    """
    store = open_store(target)
    raised = deleted = conflicts = 0
    turn = seed
    while raised + deleted < WRITES_EACH:
        plan = store.load_plan()
        pressures = [p for p in plan.pressures if p.id in ids]  # those deleted are away
        if not pressures:
            continue
        row = pressures[turn % len(pressures)]
        try:
            if turn % 3:
                store.apply(SetField(EntityKind.PRESSURE, row.id, "amount", row.amount,
                                     row.amount + 1))
                raised += 1
            else:
                gone = store.apply(DeleteRows(EntityKind.PRESSURE, (row,)))
                while True:  # the undo: only a busy database may delay it
                    try:
                        store.apply(gone.inverted(), action="undo")
                        break
                    except ConflictError:
                        raise
                    except StoreError:
                        conflicts += 1
                deleted += 1
        except StoreError:
            conflicts += 1
            continue
        turn += 1
    results.put((raised, deleted, conflicts))


def test_deletes_and_undos_lose_no_update(db_target):
    store = open_store(db_target, create=True)
    store.save_new_plan(demo_plan())
    first = store.load_plan().pressures[:ROWS]
    ids, start = [p.id for p in first], sum(p.amount for p in first)
    store.engine.dispose()
    ctx = mp.get_context("fork")
    results = ctx.Queue()
    workers = [ctx.Process(target=_delete_undo_worker, args=(db_target, ids, i, results))
               for i in range(WORKERS)]
    for w in workers:
        w.start()
    outcomes = [results.get(timeout=180) for _ in workers]
    for w in workers:
        w.join(timeout=30)
    raised = sum(o[0] for o in outcomes)
    deleted = sum(o[1] for o in outcomes)
    conflicts = sum(o[2] for o in outcomes)
    final = {p.id: p.amount for p in open_store(db_target).load_plan().pressures}
    lost = raised - int(sum(final.get(i, 0) for i in ids) - start)
    print(f"\ndelete/undo races: {WORKERS} writers, {raised} raises, {deleted} deletes undone, "
          f"{conflicts} conflicts surfaced, {lost} lost")
    assert all(i in final for i in ids)
    assert lost == 0
