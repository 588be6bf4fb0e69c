"""Exports start in Documents with a Windows-safe name, and a file held open by Excel gets
"close it in Excel and try again" naming the file, on every export path."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMenu, QPushButton

from tests.sharing_guard import held_open
from workbench.domain.edits import EntityKind, SetField
from workbench.templates.workbook import writer
from workbench.ui.dialogs.export_dialog import ExportDialog
from workbench.ui.export_paths import default_export_path, documents_dir
from workbench.ui.history_panel import HistoryPanel
from workbench.ui.launcher import open_plan
from workbench.ui.main_window import MainWindow
from workbench.ui.plan_controller import PlanController
from workbench.ui.template_actions import TemplateActions


@pytest.fixture
def documents(tmp_path, monkeypatch):
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    folder = Path.home() / "Documents"  # HOME is tmp_path/home (tests/conftest.py)
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def controller(tmp_path):
    store, plan = open_plan(str(tmp_path / "plan.db"))
    return PlanController(plan, store)




def answer_save_dialog(monkeypatch, path: Path) -> list[str]:
    """The save dialog returns `path`; the list records the folder/name it was opened on."""
    offered: list[str] = []

    def fake(_parent, _caption, start, _filter):
        offered.append(start)
        return str(path), ""

    monkeypatch.setattr("workbench.ui.export_paths.QFileDialog.getSaveFileName", fake)
    return offered


def warnings_shown(monkeypatch, where: str) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(f"{where}.QMessageBox.warning",
                        lambda _parent, _title, text, *a, **k: shown.append(text))
    return shown


def test_default_folder_is_documents_else_home(tmp_path, monkeypatch):
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    assert documents_dir() == Path.home()  # no Documents folder: never a folder that is not there
    (Path.home() / "Documents").mkdir(parents=True)
    assert documents_dir() == Path.home() / "Documents"
    assert default_export_path("10Q:x", "history", suffix=".csv") == (
        Path.home() / "Documents" / "10Q-x-history.csv")


def test_export_dialog_starts_in_documents_with_a_safe_name(documents, qtbot):
    dialog = ExportDialog("10Q:x")
    qtbot.addWidget(dialog)
    dialog.show()
    assert Path(dialog.out.text()) == documents / "10Q-x-finance.xlsx"
    dialog.kind.setFocus()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)  # the user picks the next template
    assert Path(dialog.out.text()) == documents / "10Q-x-activity.xlsx"
    kind, out, into = dialog.values()
    assert (kind, out, into) == ("activity", documents / "10Q-x-activity.xlsx", None)


def test_history_export_writes_a_bom_and_a_held_file_is_named(
        documents, controller, qtbot, monkeypatch, tmp_path):
    plan = controller.plan
    controller.push(SetField(EntityKind.PLAN, plan.id, "name", plan.name, "Plan £ costs"))
    panel = HistoryPanel(controller)
    qtbot.addWidget(panel)
    panel.set_active(True)
    panel.show()
    button = next(b for b in panel.findChildren(QPushButton) if b.text() == "Export CSV…")
    out = tmp_path / "history.csv"
    offered = answer_save_dialog(monkeypatch, out)
    shown = warnings_shown(monkeypatch, "workbench.ui.export_paths")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert offered == [str(documents / f"{plan.ods_code}-history.csv")]
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "Plan £ costs" in raw.decode("utf-8")
    assert shown == []

    held_open(monkeypatch, out)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(shown) == 1
    assert shown[0].startswith("history.csv: ") and "close it in Excel and try again" in shown[0]
    assert out.read_bytes() == raw


def test_chart_export_menu_on_a_held_file(documents, controller, qtbot, monkeypatch, tmp_path):
    window = MainWindow(controller, store_label="plan.db")
    qtbot.addWidget(window)
    window.show()
    # the charts are built just after the window's first paint, as a user first sees them
    qtbot.waitUntil(lambda: window._charts.is_built() and window.charts.isVisible())
    action = next(a for menu in window.menuBar().findChildren(QMenu)
                  for a in menu.actions() if a.text() == "Export charts as &PNG…")
    out = tmp_path / "charts.png"
    offered = answer_save_dialog(monkeypatch, out)
    shown = warnings_shown(monkeypatch, "workbench.ui.export_paths")
    action.trigger()
    assert offered == [str(documents / f"{controller.plan.ods_code}-charts.png")]
    assert out.read_bytes().startswith(b"\x89PNG") and shown == []
    figure = QImage(str(out))  # the page's three charts stacked, painted at 300 dpi
    assert (figure.width(), figure.height()) == (2100, round((0.9 + 3 * 3) * 300))
    assert figure.dotsPerMeterX() == 11811
    assert window.statusBar().currentMessage() == f"Saved {out}"

    window.statusBar().clearMessage()
    held_open(monkeypatch, out)
    action.trigger()
    assert len(shown) == 1 and shown[0].startswith("charts.png: ")
    assert "close it in Excel and try again" in shown[0]
    assert window.statusBar().currentMessage() == ""
    QApplication.processEvents()


def test_template_export_on_a_held_file(controller, qtbot, monkeypatch, tmp_path):
    out = tmp_path / "10Q-finance.xlsx"
    out.write_bytes(b"old")

    def sharing_violation(_src, _dst):  # what os.replace does on Windows when Excel has it
        raise PermissionError(32, "The process cannot access the file", str(out))

    monkeypatch.setattr(writer.os, "replace", sharing_violation)
    shown = warnings_shown(monkeypatch, "workbench.ui.template_actions")
    actions = TemplateActions(controller, None)
    with qtbot.waitSignal(actions.start_export("finance", out).error, timeout=30000):
        pass
    assert len(shown) == 1 and shown[0].startswith("10Q-finance.xlsx: ")
    assert "close it in Excel and try again" in shown[0]
    assert out.read_bytes() == b"old"


def test_a_new_plan_file_named_from_the_typed_ods_code_is_windows_safe(qtbot):
    """The welcome screen names a new plan's database "<ODS code>-<year>.db": a code typed
    as "1:Q" must not make an NTFS stream "Q-2017.db" of a file "1", nor "A*B" a name
    Windows refuses. ("CON-2017.db" is no device name: the year follows the code.)"""
    from workbench.store.database import data_dir
    from workbench.ui.dialogs.welcome_dialog import WelcomeDialog
    from workbench.ui.launcher import Launcher, lock_plan

    def typed_dialog(typed: str) -> WelcomeDialog:
        dialog = WelcomeDialog("")
        qtbot.addWidget(dialog)
        dialog.new.setChecked(True)
        qtbot.keyClicks(dialog.organisation, "Test CCG")
        qtbot.keyClicks(dialog.ods_code, typed)
        dialog.year.setValue(2017)
        return dialog

    # A code that is not 3 to 5 letters and digits never reaches a file name.
    for typed in ("1:Q", "a*b"):
        with pytest.raises(ValueError, match="3 to 5 letters and digits"):
            typed_dialog(typed).choice()
    assert not any(data_dir().glob("*.db")) if data_dir().exists() else True
    # A valid code that is a Windows device name still gives a usable file name.
    window = Launcher(lock_plan)._open_choice(typed_dialog("con").choice())
    qtbot.addWidget(window)
    assert (data_dir() / "CON-2017.db").is_file(), sorted(p.name for p in data_dir().iterdir())
    assert window.controller.plan.ods_code == "CON"
