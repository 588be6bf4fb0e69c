"""First run, new plans, recent files, and a plan that cannot be opened."""

from __future__ import annotations

from workbench.store import default_db_path
from workbench.ui.dialogs.welcome_dialog import WelcomeChoice, WelcomeDialog
from workbench.ui.launcher import Launcher, lock_plan, recent_files


def test_welcome_dialog_choices(qtbot):
    dialog = WelcomeDialog("bad file")
    qtbot.addWidget(dialog)
    assert dialog.choice() == WelcomeChoice("demo")
    dialog.new.setChecked(True)
    dialog._accept()  # missing name and code: stays open with a hint
    assert "ODS code" in dialog.hint.text()
    dialog.organisation.setText("Test CCG")
    dialog.ods_code.setText("00x")
    dialog.year.setValue(2017)
    assert dialog.choice() == WelcomeChoice("new", "Test CCG", "00X", 2017)


def test_new_empty_plan_and_demo(qtbot):
    launcher = Launcher(lock_plan)
    window = launcher._open_choice(WelcomeChoice("new", "Test CCG", "00X", 2017))
    qtbot.addWidget(window)
    plan = window.controller.plan
    assert (plan.organisation, plan.first_year.label, len(plan.schemes)) == ("Test CCG",
                                                                              "2017/18", 0)
    assert window.summary.text_of("savings_gap") == "£0"
    demo = launcher._open_choice(WelcomeChoice("demo"))
    qtbot.addWidget(demo)
    assert demo.controller.plan.ods_code == "10Q"
    assert default_db_path().exists()
    assert recent_files()[0] == str(default_db_path().resolve())


def test_unopenable_file_falls_back_to_welcome(tmp_path, qtbot, monkeypatch):
    bad = tmp_path / "notes.db"
    bad.write_text("not a database " * 100)
    shown = []
    monkeypatch.setattr(Launcher, "ask", lambda self, problem="": shown.append(problem))
    launcher = Launcher(lock_plan)
    assert launcher.start(str(bad), welcome=False) is None
    assert "notes.db" in shown[0] and "not a Planning Workbench database" in shown[0]


def test_opening_the_plan_already_open_shows_it_and_stays_writable(qtbot):
    """Welcome → "Open a plan you already have" on the plan this window holds: the window
    is shown again, not a second, read-only copy locked out by its own lock."""
    launcher = Launcher(lock_plan)
    window = launcher._open_choice(WelcomeChoice("new", "Test CCG", "00X", 2017))
    qtbot.addWidget(window)
    again = launcher._open_choice(WelcomeChoice("open", path=window.sqlite_file))
    assert again is window
    assert not window.controller.store.read_only
