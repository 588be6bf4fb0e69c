"""Shared fixtures: offscreen Qt, settings and data folders isolated per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from tests.fakes import MemoryStore  # noqa: E402
from tests.sharing_guard import windows_sharing_rules  # noqa: E402
from workbench.domain.demo_plan import demo_plan  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path, monkeypatch):
    """Tests never read or write the developer's own settings or data folder."""
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    # Qt caches where QSettings live; point every format and scope at this test's folder.
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(tmp_path / "settings"))


@pytest.fixture(autouse=True)
def _windows_sharing_guard(monkeypatch):
    """Renaming, replacing or deleting a file this process holds open fails as on Windows
    (tests/sharing_guard.py), so Linux CI catches what would stop the app on Windows."""
    with windows_sharing_rules(monkeypatch):
        yield


@pytest.fixture
def memory_plan():
    """The demo plan with ids assigned as the store would, plus a store that records edits."""
    store = MemoryStore()
    plan = store.load_new(demo_plan())
    return plan, store
