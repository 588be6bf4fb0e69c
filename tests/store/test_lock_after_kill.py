"""The plan lock after a crash: the lock file of a killed copy is taken over by the next
start on the same machine (its process is gone), a lock naming a process id now used by
another program is stale too (the process start time differs), and a lock held by a live
copy is never taken over, even when asked."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from workbench.store.plan_lock import PlanLocked, acquire, lock_path, read_holder

HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from workbench.store.plan_lock import acquire
    lock = acquire(Path(sys.argv[1]))
    print(lock.holder.pid, flush=True)
    time.sleep(120)
""")


@pytest.fixture
def copy_holding(tmp_path):
    """Another copy of the app (a process of its own) holding the plan's lock."""
    db = tmp_path / "plan.db"
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdout=subprocess.PIPE,
                            text=True, cwd=Path(__file__).resolve().parents[2])
    assert int(proc.stdout.readline()) == proc.pid
    yield db, proc
    if proc.poll() is None:
        proc.kill()
    proc.wait(10)


def test_the_next_start_takes_over_the_lock_of_a_killed_copy(copy_holding):
    db, proc = copy_holding
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    assert read_holder(lock_path(db)).pid == proc.pid  # the killed copy's lock is left
    lock = acquire(db)  # no question asked: its process is gone
    assert read_holder(lock_path(db)) == lock.holder and lock.holder.pid == os.getpid()
    lock.release()


def test_a_live_copys_lock_is_never_taken_over(copy_holding):
    db, proc = copy_holding
    before = lock_path(db).read_text(encoding="utf-8")
    for take_over in (False, True):
        with pytest.raises(PlanLocked) as refused:
            acquire(db, take_over=take_over)
        assert not refused.value.can_take_over
    assert lock_path(db).read_text(encoding="utf-8") == before


def test_a_process_id_reused_by_another_program_does_not_keep_a_dead_lock(copy_holding):
    """The lock names a process id that is alive, but the process started at another
    time than the one that took the lock: the holder is gone, the lock is stale."""
    db, proc = copy_holding
    path = lock_path(db)
    holder = read_holder(path)
    assert holder.started  # the start time is recorded beside the process id
    path.write_text(json.dumps(dataclasses.asdict(
        dataclasses.replace(holder, started=holder.started + "0"))), encoding="utf-8")
    lock = acquire(db)
    assert lock.holder.pid == os.getpid()
    lock.release()
