"""The kept figures' files (store.kept_files): written whole or not at all, never held
open, and any file that is not what was written is ignored without a word to the user."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest

from workbench.store import kept_files
from workbench.store.kept_files import (
    MAX_BYTES,
    any_kept,
    kept_folder,
    kept_path,
    read_kept,
    write_kept,
)

DATA = {"format": 1, "digest": "d" * 40, "figures": [1.5, "text", None]}


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_written_figures_read_back(tmp_path, cache):
    target = str(tmp_path / "plan.db")
    assert not any_kept(target)
    write_kept(target, 1, DATA)
    assert read_kept(target, 1) == DATA
    assert any_kept(target)
    assert kept_path(target, 1).parent == cache / "first-screen"
    assert read_kept(target, 2) is None  # another plan of the same database
    assert read_kept(str(tmp_path / "other.db"), 1) is None


def test_a_relative_path_and_its_full_path_are_one_database(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_kept("plan.db", 3, DATA)
    assert read_kept(str(tmp_path / "plan.db"), 3) == DATA


def test_a_server_url_is_not_written_out(tmp_path):
    """The file's name is a digest: a password in a URL never reaches the cache folder."""
    url = "postgresql+psycopg://planner:s3cret@server/plans"
    write_kept(url, 1, DATA)
    assert read_kept(url, 1) == DATA
    names = " ".join(p.name for p in kept_folder().iterdir())
    assert "s3cret" not in names and "server" not in names


def test_none_forgets_what_was_kept(tmp_path):
    target = str(tmp_path / "plan.db")
    write_kept(target, 1, DATA)
    write_kept(target, 1, None)
    assert read_kept(target, 1) is None and not any_kept(target)
    write_kept(target, 1, None)  # nothing to forget: no error either


def test_a_failed_write_leaves_the_last_file_whole(tmp_path):
    target = str(tmp_path / "plan.db")
    write_kept(target, 1, DATA)
    write_kept(target, 1, {"not json": object()})  # fails part way through the dump
    assert read_kept(target, 1) == DATA
    assert [p.name for p in kept_folder().iterdir()] == [kept_path(target, 1).name]


def test_a_folder_that_cannot_be_made_is_no_error(tmp_path, monkeypatch, caplog):
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(blocker))
    with caplog.at_level(logging.WARNING, logger=kept_files.__name__):
        write_kept(str(tmp_path / "plan.db"), 1, DATA)
    assert "not written" in caplog.text
    assert read_kept(str(tmp_path / "plan.db"), 1) is None
    assert not any_kept(str(tmp_path / "plan.db"))


@pytest.mark.parametrize("content", [
    b"", b"{", b"\xff\xfe\x00garbage", b"[" * 100_000, b'{"format": NaN', b"null",
])
def test_damaged_files_are_read_as_nothing(tmp_path, content, caplog):
    target = str(tmp_path / "plan.db")
    path = kept_path(target, 1)
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING, logger=kept_files.__name__):
        assert read_kept(target, 1) is None
    if content != b"null":  # valid JSON for nothing: the engine refuses it (engine.kept)
        assert "not JSON" in caplog.text


def test_a_huge_file_is_not_read(tmp_path, caplog):
    """Peak memory stays bounded: at most MAX_BYTES + 1 are read."""
    target = str(tmp_path / "plan.db")
    path = kept_path(target, 1)
    path.parent.mkdir(parents=True)
    with path.open("wb") as file:
        file.write(b'{"pad": "' + b"x" * (MAX_BYTES + 10) + b'"}')
    with caplog.at_level(logging.WARNING, logger=kept_files.__name__):
        assert read_kept(target, 1) is None
    assert "over" in caplog.text


def test_a_folder_in_place_of_the_file_is_read_as_nothing(tmp_path, caplog):
    target = str(tmp_path / "plan.db")
    kept_path(target, 1).mkdir(parents=True)
    with caplog.at_level(logging.WARNING, logger=kept_files.__name__):
        assert read_kept(target, 1) is None
        write_kept(target, 1, DATA)  # cannot replace a folder: logged, not raised
    assert "not read" in caplog.text and "not written" in caplog.text


def _open_files() -> set[str]:
    fds = Path("/proc/self/fd")
    return {os.readlink(fd) for fd in fds.iterdir() if fd.is_symlink()}


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs /proc")
def test_no_file_is_held_open(tmp_path):
    """Windows refuses to replace a file any handle holds: neither call keeps one."""
    target = str(tmp_path / "plan.db")
    write_kept(target, 1, DATA)
    read_kept(target, 1)
    path = str(kept_path(target, 1))
    assert not {f for f in _open_files() if f.startswith(path)}
    write_kept(target, 1, {**DATA, "digest": "e" * 40})
    assert json.loads(Path(path).read_text())["digest"] == "e" * 40
