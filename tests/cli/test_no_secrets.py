"""No password is ever printed: success lines, errors, mistyped URLs, the window."""

from __future__ import annotations

import os

import pytest

from workbench.cli import main

PG_URL = os.environ.get("WORKBENCH_TEST_PG_URL")


def test_a_url_mistyped_as_a_path_prints_no_password(capsys):
    assert main(["summary", "--db", "postgresql//jo:s3cret@db.nhs.uk/plans"]) == 2
    err = capsys.readouterr().err
    assert "s3cret" not in err and "***" in err


@pytest.mark.skipif(not PG_URL, reason="WORKBENCH_TEST_PG_URL not set")
@pytest.mark.parametrize("how", ["userinfo", "query"])
def test_demo_db_url_never_prints_the_password(capsys, how):
    from tests.store.conftest import _fresh_pg_database

    url = _fresh_pg_database(PG_URL)  # the test server trusts: any password is accepted
    head, _, query = url.partition("?")
    url = (head.replace("app@", "app:s3cret@", 1) + f"?{query}" if how == "userinfo"
           else f"{url}&password=s3cret")
    assert main(["demo", "--db-url", url]) == 0
    assert main(["demo", "--db-url", url]) == 2  # already holds a plan
    out = capsys.readouterr()
    assert "Wrote the demo plan" in out.out and "already holds a plan" in out.err
    assert "s3cret" not in out.out + out.err


def test_window_title_and_about_box_hide_the_password(tmp_path, qtbot, monkeypatch):
    from workbench.ui.launcher import open_plan
    from workbench.ui.main_window import MainWindow
    from workbench.ui.plan_controller import PlanController

    shown: list[str] = []
    monkeypatch.setattr("workbench.ui.main_window.QMessageBox.about",
                        lambda _parent, _title, text: shown.append(text))
    store, plan = open_plan(str(tmp_path / "plan.db"))
    label = "postgresql+psycopg://jo:s3cret@db/plans?password=s3cret"
    window = MainWindow(PlanController(plan, store), store_label=label)
    qtbot.addWidget(window)
    window.about()
    assert "s3cret" not in window.windowTitle() and "s3cret" not in shown[0]
    assert "jo:***@db" in window.windowTitle()
