"""The Windows sharing guard itself: it must refuse what Windows refuses, and only that."""

from __future__ import annotations

import os
import shutil
import sqlite3
from contextlib import closing

import pytest

from tests.sharing_guard import WINERROR_32, supported

pytestmark = pytest.mark.skipif(not supported(), reason="needs /proc/self/fd")


def test_open_file_cannot_be_replaced_renamed_or_deleted(tmp_path):
    held, other = tmp_path / "held.db", tmp_path / "other.db"
    held.write_bytes(b"x")
    other.write_bytes(b"y")
    with held.open("rb"):
        for act in (lambda: os.replace(other, held), lambda: os.replace(held, other),
                    lambda: held.rename(tmp_path / "moved.db"), lambda: held.unlink(),
                    lambda: os.remove(held), lambda: shutil.move(held, tmp_path / "m.db")):
            with pytest.raises(PermissionError, match=r"WinError 32"):
                act()
    assert held.read_bytes() == b"x" and other.read_bytes() == b"y"
    held.replace(tmp_path / "moved.db")  # closed: allowed, as on Windows
    (tmp_path / "moved.db").unlink()


def test_sqlite_context_manager_keeps_the_file_open(tmp_path):
    """`with sqlite3.connect()` commits but does not close (WinError 32 on Windows)."""
    path = tmp_path / "a.db"
    with sqlite3.connect(path) as conn:
        conn.execute("create table t (x)")
    with pytest.raises(PermissionError, match=WINERROR_32[:14]):
        path.unlink()
    conn.close()
    path.unlink()
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("create table t (x)")
    path.unlink()


def test_folders_are_removed_through_the_guard(tmp_path):
    folder = tmp_path / "tree"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "f.txt").write_text("x")
    with (folder / "sub" / "f.txt").open(), pytest.raises(PermissionError):
        shutil.rmtree(folder)
    shutil.rmtree(folder)
    assert not folder.exists()
