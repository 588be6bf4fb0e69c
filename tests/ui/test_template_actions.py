"""GUI import/export: checked in the background, previewed, applied as one undo step."""

from __future__ import annotations

from decimal import Decimal

import openpyxl

from workbench.ui.dialogs.import_dialog import ImportDialog
from workbench.ui.launcher import open_plan
from workbench.ui.plan_controller import PlanController
from workbench.ui.template_actions import TemplateActions


def exported(tmp_path, qtbot, monkeypatch):
    """A controller on a fresh demo store, and its Finance workbook exported by the GUI path."""
    store, plan = open_plan(str(tmp_path / "plan.db"))
    controller = PlanController(plan, store)
    actions = TemplateActions(controller, None)
    monkeypatch.setattr("workbench.ui.template_actions.QMessageBox.information",
                        lambda *a, **k: None)
    out = tmp_path / "finance.xlsx"
    with qtbot.waitSignal(actions.start_export("finance", out).done, timeout=30000):
        pass
    return store, controller, actions, out


def test_export_then_import_a_change_is_one_undo_step(tmp_path, qtbot, monkeypatch):
    store, controller, actions, out = exported(tmp_path, qtbot, monkeypatch)
    book = openpyxl.load_workbook(out)
    book["QIPP"]["L7"] = 0.95
    book["QIPP"]["L8"] = 0.35
    book.save(out)

    reports = []
    monkeypatch.setattr(actions, "show_preview", reports.append)
    task = actions.start_import(out)
    with qtbot.waitSignal(task.done, timeout=30000):
        pass
    qtbot.waitUntil(lambda: len(reports) == 1)
    report = reports[0]
    assert report.ok and len(report.preview.changed) == 2
    dialog = ImportDialog(report)
    qtbot.addWidget(dialog)
    assert dialog.apply_button.isEnabled()
    assert actions.apply(report)
    assert [s.confidence for s in controller.plan.schemes[:2]] == [Decimal("0.95"),
                                                                    Decimal("0.35")]
    assert controller.undo_stack.count() == 1
    controller.undo_stack.undo()
    assert [s.confidence for s in store.load_plan().schemes[:2]] == [Decimal("0.7"),
                                                                     Decimal("0.75")]


def test_preview_refuses_a_workbook_with_problems(tmp_path, qtbot, monkeypatch):
    _store, controller, _actions, out = exported(tmp_path, qtbot, monkeypatch)
    book = openpyxl.load_workbook(out)
    book["QIPP"]["I8"] = "lots"
    book.save(out)
    from workbench.templates import plan_import

    report = plan_import(out, controller.plan)
    dialog = ImportDialog(report)
    qtbot.addWidget(dialog)
    assert not dialog.apply_button.isEnabled()
    assert dialog.findings.topLevelItemCount() >= 1
    item = dialog.findings.topLevelItem(0)
    assert item.text(0) == "Problem" and item.text(1) == "QIPP!I8"
    dialog.findings.setCurrentItem(item)
    assert "finance.xlsx" in dialog.detail.text() and "QIPP!I8" in dialog.detail.text()


def test_a_bcf_import_is_previewed_by_row_and_undone_in_one_step(tmp_path, qtbot, monkeypatch):
    from tests.templates.srg_bcf_inputs import type_bcf

    store, plan = open_plan(str(tmp_path / "plan.db"))
    controller = PlanController(plan, store)
    actions = TemplateActions(controller, None)
    monkeypatch.setattr("workbench.ui.template_actions.QMessageBox.information",
                        lambda *a, **k: None)
    out = tmp_path / "bcf.xlsx"
    monkeypatch.setattr(actions, "_saved", lambda _result: None)  # its warnings: see below
    with qtbot.waitSignal(actions.start_export("bcf", out).done, timeout=30000):
        pass
    type_bcf(out, out)
    reports = []
    monkeypatch.setattr(actions, "show_preview", reports.append)
    with qtbot.waitSignal(actions.start_import(out).done, timeout=30000):
        pass
    qtbot.waitUntil(lambda: len(reports) == 1)
    report = reports[0]
    dialog = ImportDialog(report)
    qtbot.addWidget(dialog)
    assert dialog.apply_button.isEnabled()
    assert "Expenditure Plan: Home adaptations" in [r.name for r in report.preview.added]
    assert actions.apply(report)
    assert len(controller.plan.template_values) == len(store.load_plan().template_values) > 50
    assert controller.undo_stack.count() == 1
    controller.undo_stack.undo()
    assert controller.plan.template_values == [] and store.load_plan().template_values == []


def test_a_scheme_renamed_in_the_workbook_shows_as_renamed_in_the_preview(tmp_path, qtbot,
                                                                          monkeypatch):
    store, controller, actions, out = exported(tmp_path, qtbot, monkeypatch)
    first = controller.plan.schemes[0]
    old_name, scheme_id = first.name, first.id
    book = openpyxl.load_workbook(out)
    book["QIPP"]["B7"] = "MSK triage (renamed)"
    book.save(out)
    reports = []
    monkeypatch.setattr(actions, "show_preview", reports.append)
    with qtbot.waitSignal(actions.start_import(out).done, timeout=30000):
        pass
    qtbot.waitUntil(lambda: len(reports) == 1)
    dialog = ImportDialog(reports[0])
    qtbot.addWidget(dialog)
    changed = next(dialog.changes.topLevelItem(i) for i in range(dialog.changes.topLevelItemCount())
                   if dialog.changes.topLevelItem(i).text(0).startswith("Changed"))
    assert changed.text(0) == "Changed (1)"
    assert changed.child(0).text(0) == f"scheme: MSK triage (renamed) (renamed from {old_name})"
    assert all(not dialog.changes.topLevelItem(i).text(0).startswith(("Added (1", "Removed (1"))
               for i in range(dialog.changes.topLevelItemCount()))
    assert actions.apply(reports[0])
    assert [s.name for s in store.load_plan().schemes if s.id == scheme_id] == [
        "MSK triage (renamed)"]


def test_export_warnings_are_shown_after_an_export_from_the_menu(tmp_path, qtbot):
    """File > Export template..., the SRG workbook chosen and a name typed in the dialog,
    Export clicked: the message after saving shows the export's warnings (here: the DTOC
    delays-per-week path, which the template has no place for)."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

    from workbench.ui.dialogs.export_dialog import ExportDialog
    from workbench.ui.main_window import MainWindow

    store, plan = open_plan(str(tmp_path / "plan.db"))
    window = MainWindow(PlanController(plan, store), store_label="plan.db")
    qtbot.addWidget(window)
    window.show()
    out = tmp_path / "srg-from-menu.xlsx"
    seen: dict[str, object] = {}

    def answer_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExportDialog)
        dialog.kind.setFocus()
        qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
        seen["kind"] = dialog.kind.currentData()
        dialog.out.setFocus()
        qtbot.keyClick(dialog.out, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(dialog.out, str(out))
        export = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Export")
        qtbot.mouseClick(export, Qt.MouseButton.LeftButton)

    def answer_message() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or "box" in seen:
            return
        label = box.findChild(QLabel, "qt_msgbox_label")
        seen["box"] = (box.icon(), label.text(), label.isVisible())
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    file_menu = next(a.menu() for a in window.menuBar().actions() if "File" in a.text())
    export_action = next(a for a in file_menu.actions() if a.text().startswith("E&xport template"))
    poller = QTimer()
    poller.timeout.connect(answer_message)
    poller.start(50)
    QTimer.singleShot(0, answer_dialog)
    export_action.trigger()
    qtbot.waitUntil(lambda: "box" in seen, timeout=60000)
    poller.stop()
    assert seen["kind"] == "resilience" and out.exists()
    icon, text, visible = seen["box"]
    assert icon == QMessageBox.Icon.Warning and visible
    assert text.startswith(f"Saved {out}, with 1 warning:")
    assert "'Delayed transfers of care, delays per week' (136 to 68 a week" in text
    assert "Demand and Capacity D08, delayed days per month" in text


def test_the_backup_before_an_import_is_taken_off_the_gui_thread(tmp_path, qtbot,
                                                                   monkeypatch):
    """A backup copies the whole file, and waits on a colleague's lock: the window's thread
    never does it (it keeps painting, and says what it waits for)."""
    import threading

    from workbench.store import backups

    store, controller, actions, out = exported(tmp_path, qtbot, monkeypatch)
    book = openpyxl.load_workbook(out)
    book["QIPP"]["L7"] = 0.95
    book.save(out)
    reports = []
    monkeypatch.setattr(actions, "show_preview", reports.append)
    with qtbot.waitSignal(actions.start_import(out).done, timeout=30000):
        pass
    qtbot.waitUntil(lambda: len(reports) == 1)
    threads = []

    def backup(*args, **kwargs):
        threads.append(threading.current_thread())
        return backups.backup_before_change(*args, **kwargs)

    monkeypatch.setattr("workbench.ui.template_actions.backup_before_change", backup)
    assert actions.apply(reports[0])
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    assert controller.plan.schemes[0].confidence == Decimal("0.95")
