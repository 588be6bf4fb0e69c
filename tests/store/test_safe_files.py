"""File operations that Windows, antivirus and full disks make fail now and then."""

from __future__ import annotations

import os

import pytest

from workbench.domain.errors import StoreError
from workbench.store import open_store, safe_files
from workbench.store.database import open_engine


def test_a_file_held_for_a_moment_by_antivirus_is_retried(tmp_path, monkeypatch):
    db = tmp_path / "plan.db"
    open_store(db, create=True).engine.dispose()
    real, calls = os.replace, []

    def scanned(src, dst):
        calls.append(src)
        if len(calls) < 3:
            raise PermissionError(13, "[WinError 32] being scanned")
        return real(src, dst)

    monkeypatch.setattr(safe_files, "RETRY_SECONDS", 0.01)
    monkeypatch.setattr(os, "replace", scanned)
    safe_files.sqlite_copy(db, tmp_path / "copy.db")
    assert len(calls) == 3 and (tmp_path / "copy.db").exists()


def test_a_file_held_for_good_is_one_message_and_no_partial(tmp_path, monkeypatch):
    db = tmp_path / "plan.db"
    open_store(db, create=True).engine.dispose()

    def held(_src, _dst):
        raise PermissionError(13, "[WinError 32] in use")

    monkeypatch.setattr(safe_files, "RETRY_SECONDS", 0.01)
    monkeypatch.setattr(os, "replace", held)
    with pytest.raises(StoreError, match="in use or you do not have permission"):
        safe_files.sqlite_copy(db, tmp_path / "copy.db")
    assert sorted(p.name for p in tmp_path.iterdir()
                  if not p.name.endswith(("-wal", "-shm"))) == ["plan.db"]


def test_postgresql_engines_ping_before_use():
    engine = open_engine("postgresql+psycopg://ann:s3cret@127.0.0.1:1/plans")
    assert engine.pool._pre_ping
