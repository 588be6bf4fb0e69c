"""Several processes edit overlapping rows at once: no update is lost, every conflict surfaces.

Each worker repeatedly reads a counter field from the latest plan and writes counter + 1
with a compare-and-set SetField. A refused write (ConflictError, or a busy database) is a
surfaced conflict; the worker re-reads and tries again. At the end the stored counters
must equal the number of successful writes: any lost update would leave them short.
"""

from __future__ import annotations

import multiprocessing as mp

from workbench.domain.demo_plan import demo_plan
from workbench.domain.edits import EntityKind, SetField
from workbench.domain.errors import StoreError
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
