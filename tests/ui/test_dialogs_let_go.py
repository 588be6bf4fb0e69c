"""What a menu opens is let go once answered: a modal dialog, an export's task with its
progress dialog and its copy of the plan. Each used to stay a child of the window until it
closed (an import preview with its whole report, every Freeze form, one task per export
or background odds run), and a hidden Freeze form could still be the focus widget."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit

from tests.ui.test_start_imports import click_menu_entry
from workbench.ui.tasks import Task


def deleted_later() -> None:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def left_on(window, name: str) -> list[QDialog]:
    return [d for d in window.findChildren(QDialog) if type(d).__name__ == name]


def test_modal_dialogs_are_deleted_once_answered(on_file, qtbot):
    window = on_file
    entries = [("File", "Export template…", "ExportDialog"),
               ("File", "Restore from backup…", "RestoreDialog"),
               ("Plan", "Freeze this version…", "FreezeDialog"),
               ("Plan", "Versions and comparison…", "VersionsDialog")]
    for menu, entry, name in entries * 2:  # opened twice: nothing piles up
        assert name in click_menu_entry(qtbot, window, menu, entry)
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
        deleted_later()
        assert left_on(window, name) == [], f"{entry} left its dialog on the window"


def test_help_is_one_window_raised_again(on_file, qtbot):
    window = on_file
    for _ in range(3):
        qtbot.keyClick(window, Qt.Key.Key_F1)
    deleted_later()
    shown = left_on(window, "HelpDialog")
    assert len(shown) == 1 and shown[0].isVisible()


def test_an_export_lets_go_of_its_task_and_progress_dialog(on_file, qtbot, monkeypatch,
                                                           tmp_path):
    window = on_file
    saved: list[str] = []
    monkeypatch.setattr("workbench.ui.template_actions.QMessageBox.information",
                        lambda _parent, _title, text: saved.append(text))
    export_action = next(a for m in window.menuBar().actions() for a in m.menu().actions()
                         if a.text().replace("&", "") == "Export template…")
    for round_ in range(3):
        out = tmp_path / f"finance-{round_}.xlsx"

        def fill_in(out=out) -> None:
            dialog = QApplication.activeModalWidget()
            if type(dialog).__name__ != "ExportDialog":
                QTimer.singleShot(20, fill_in)
                return
            path = next(e for e in dialog.findChildren(QLineEdit)
                        if e.accessibleName() == "Save as")
            path.selectAll()
            qtbot.keyClicks(path, str(out))
            box = dialog.findChild(QDialogButtonBox)
            export = next(b for b in box.buttons() if b.text() == "Export")
            qtbot.mouseClick(export, Qt.MouseButton.LeftButton)

        QTimer.singleShot(20, fill_in)
        export_action.trigger()  # File → Export template… (Ctrl+E)
        qtbot.waitUntil(lambda count=round_ + 1: len(saved) == count, timeout=30000)
        assert out.exists()
        deleted_later()
        assert window.findChildren(Task) == []
        assert window.findChildren(QDialog) == []  # progress and export forms


@pytest.mark.parametrize("content", [
    b"not a workbook at all\n" * 1000,  # text named .xlsx
    b"PK\x03\x04" + b"\x00" * 50_000,  # a broken zip
    b"=HYPERLINK(\"http://example.invalid\",\"x\")",  # a formula, as the whole file
])
def test_a_refused_import_says_why_and_lets_go_of_its_task(on_file, qtbot, monkeypatch,
                                                            tmp_path, content):
    """File → Import template… of a hostile file: the preview names the file and why,
    Apply is off, Cancel leaves the plan as it was, and no task or dialog stays behind."""
    window = on_file
    bad = tmp_path / "finance-from-a-colleague.xlsx"
    bad.write_bytes(content)
    monkeypatch.setattr("workbench.ui.template_actions.QFileDialog.getOpenFileName",
                        lambda *a, **k: (str(bad), ""))
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if type(dialog).__name__ != "ImportDialog":
            QTimer.singleShot(20, answer)
            return
        tree = dialog.findings
        seen.extend(tree.topLevelItem(i).text(c) for i in range(tree.topLevelItemCount())
                    for c in range(tree.columnCount()))
        seen.append(dialog.detail.text())
        assert not dialog.apply_button.isEnabled()
        box = dialog.findChild(QDialogButtonBox)
        cancel = next(b for b in box.buttons() if b.text().replace("&", "") == "Cancel")
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)

    before = [(s.name, s.gross_saving) for s in window.controller.plan.schemes]
    import_action = next(a for m in window.menuBar().actions() for a in m.menu().actions()
                         if a.text().replace("&", "") == "Import template…")
    QTimer.singleShot(20, answer)
    import_action.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=30000)
    said = " ".join(seen)
    assert bad.name in said and "Traceback" not in said, seen
    assert [(s.name, s.gross_saving) for s in window.controller.plan.schemes] == before
    assert window.controller.undo_stack.count() == 0
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    deleted_later()
    assert window.findChildren(Task) == [] and window.findChildren(QDialog) == []
