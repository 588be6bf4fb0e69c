"""Two colleagues close the same month at the same moment: one close lands whole, the
other is refused as a conflict, and no actual of the loser is kept (SQLite and PostgreSQL)."""

from __future__ import annotations

import threading
from decimal import Decimal

from workbench.domain.errors import ConflictError
from workbench.store import open_store
from workbench.store.ledger_store import LedgerStore


def test_simultaneous_closes_one_wins_whole(store):
    LedgerStore(store).start_year(store.load_plan())
    url = store.engine.url
    stores = [LedgerStore(open_store(url)) for _ in range(2)]
    ledgers = [s.load() for s in stores]
    barrier = threading.Barrier(2)
    outcome: dict[int, object] = {}

    def close(i: int) -> None:
        ledger = ledgers[i]
        actuals = {(sid, p): Decimal(100 + i) for sid in ledger.scheme_ids()
                   for p in ledger.parts_of(sid)}
        barrier.wait()
        try:
            stores[i].close_month(ledger, "2016-04", actuals)
            outcome[i] = "closed"
        except ConflictError as exc:
            outcome[i] = exc

    threads = [threading.Thread(target=close, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    winners = [i for i, o in outcome.items() if o == "closed"]
    assert len(winners) == 1, outcome
    loser = 1 - winners[0]
    assert isinstance(outcome[loser], ConflictError)
    stored = LedgerStore(open_store(url)).load()
    assert stored.closed_through == "2016-04"
    assert {stored.cell(sid, "2016-04", p).actual for sid in stored.scheme_ids()
            for p in stored.parts_of(sid)} == {Decimal(100 + winners[0])}
